package claims

import "strings"

// Indonesian event words: ANTARA, Kompas and similar newsrooms. Everything else claims knows of
// Indonesian (attribution cues, roles, boilerplate) is data in
// timeline/lang/id.
func init() {
	eventWords["id"] = eventLex{
		// Verbs without an affix, and ter- verbs (most ter- words are
		// superlatives: "terbesar", "terakhir").
		verbs: wordSet("tiba hilang jatuh tewas lahir wafat pergi datang pulang naik turun masuk keluar tenggelam terbang hancur rusak " +
			"runtuh roboh ambruk kalah menang mulai selesai lulus kembali pindah mogok meletus putus lolos kabur tumbang hadir gagal " +
			"tutup buka bebas bubar mundur maju karam anjlok terbit rilis tayang tampil mati tinggal lepas singgah " +
			"terjadi tertangkap terbakar terjatuh tertembak terpilih terjebak terluka tergelincir terdampar terseret tertimpa terkena " +
			"terancam tertunda terhenti terputus terlambat terungkap tercatat terbentuk terpaksa terbalik terguling terempas tersambar " +
			"terendam tertabrak terjun terbunuh terdeteksi terlihat terpantau terekam " +
			// ke-...-an verbs of what befalls the subject
			"kehilangan kebanjiran kecurian kemalingan ketinggalan kejatuhan kemasukan ketahuan kedapatan"),
		verbPrefixes: strings.Fields("me ber di"),
		stemPrefixes: strings.Fields("memper mempe diper meng meny mem men per pen pem peng ber ter me di ke pe se"),
		stemSuffixes: strings.Fields("kannya annya kan an i nya"),
		minAffixed:   5,
		// Words that begin like a verb and are not one: pronouns,
		// nouns, prepositions and adverbs.
		notVerbs: wordSet("mereka media meja merah mesin menteri memang meski meskipun menit menara menu metode melalui mengenai " +
			"menurut menjelang menuju mendatang menengah merupakan menjadi melainkan meter merek metro mesti megah melayu mekanisme " +
			"berat beras berita berbagai bersama berdasarkan berikut berapa bertahun-tahun bersih berkas bersamaan berupa beserta " +
			"dinas dingin digital dinamika diskusi dinding diri dirinya dimana diantaranya dibanding dibandingkan dialog diplomat " +
			"diplomatik distrik divisi dividen diet disiplin dirgantara direktur dirut direksi direktorat dimensi dini dia diam dini " +
			"dimulainya diduga diketahui dikabarkan disebut dilaporkan"),
		verbAfter: wordSet("akan telah sudah sedang masih belum tidak tak bakal sempat hendak ingin mau dapat bisa baru pernah segera"),
		eventNouns: wordSet("rapat pertemuan sidang kecelakaan kebakaran gempa banjir longsor erupsi letusan ledakan serangan penyerangan " +
			"bentrokan demonstrasi unjuk aksi pemilu pemilihan pilkada pilpres kunjungan lawatan konferensi kongres muktamar upacara " +
			"pelantikan peluncuran pembukaan penutupan peresmian penandatanganan kesepakatan perjanjian pengumuman keputusan putusan " +
			"vonis penangkapan penahanan pembunuhan penembakan kerusuhan pemogokan tragedi insiden peristiwa musibah bencana perang " +
			"pertandingan laga final turnamen festival pameran konser ujian pendaftaran pemungutan penghitungan pembahasan pengesahan " +
			"evakuasi pencarian penyelamatan operasi penggerebekan razia persidangan pemeriksaan tenggat kedatangan keberangkatan " +
			"pendaratan tabrakan peledakan penculikan penggusuran kenaikan penurunan kematian kelahiran sesi"),
		sayingVerbs: wordSet("mengatakan menyatakan menegaskan menjelaskan menambahkan mengungkapkan menyampaikan menuturkan memaparkan " +
			"menerangkan berkata berujar mengemukakan menyebutkan menyebut kata ujar ucap ungkap tutur tegas imbuh pungkas " +
			"disampaikan diungkapkan dikatakan dinyatakan ditegaskan dijelaskan disebutkan dikemukakan diutarakan"),
		rangeOpeners:  wordSet("antara dari"),
		addressVerbs:  wordSet("kata ujar ucap tutur"),
		timePreps:     wordSet("sepanjang selama medio jelang menjelang sekitar"),
		dateNouns:     wordSet("tahun bulan pekan minggu hari tanggal pukul jam"),
		zoneWords:     wordSet("waktu setempat wib wita wit gmt utc"),
		assessments:   wordSet("sebagai"),
		aheadOf:       wordSet("menjelang jelang"),
		numberWords:   wordSet("nomor no"),
		firstSingular: wordSet("saya aku"),
		documents:     wordSet("surat surel email e-mail pesan memo nota"),
		comparisons:   wordSet("dibandingkan dibanding ketimbang daripada"),
		audiences:     wordSet("wartawan awak media jurnalis"),
		copulas:       wordSet("adalah merupakan ialah yakni yaitu menjadi tergolong terasa terlihat tampak"),
		subordinators: wordSet("untuk agar supaya sehingga karena akibat lantaran sebab ketika saat sewaktu setelah sesudah sebelum sejak semenjak usai seusai selama sambil sembari seraya meskipun walaupun jika apabila bila kalau demi guna"),
		rangeWords:    wordSet("hingga sampai s.d sd - – —"),
		altWords:      wordSet("atau"),
		untilCues:     wordSet("hingga sampai paling lambat selambat-lambatnya batas"),
		headConnectors: wordSet("bahwa yang untuk agar supaya dan namun tetapi tapi sementara adapun kemudian lalu bahkan pun maka " +
			"sedangkan sehingga serta karena sebab ketika saat setelah sesudah sebelum sejak usai seusai"),
		functionWords: wordSet("di ke dari pada dalam untuk dengan oleh bagi tentang terhadap kepada yang dan atau serta tetapi namun " +
			"para sang si sebuah seorang se agar supaya karena sejak hingga sampai antara bahwa akan telah sudah " +
			"sedang masih belum tidak juga pun lagi sebagai secara menjelang selama saat ketika setelah sebelum usai seusai per " +
			"sekitar lebih kurang setidaknya sekurang-kurangnya paling"),
		determiners:     wordSet("para sang si sebuah seorang"),
		subjectPronouns: wordSet("ia dia beliau"),
	}
}
