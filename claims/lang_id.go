package claims

import "strings"

// Indonesian: ANTARA, Kompas and similar newsrooms.
func init() {
	p := &pack{
		code: "id",
		// Outlets that write their name after the place without a domain.
		outlets: nameSet("CNN Indonesia|FAJAR|Tribunnews|Tribun|Republika|Okezone|Liputan6|Suara|JPNN|Kumparan|" +
			"detikNews|detikcom|Tempo|Bisnis|Kontan|Media Indonesia|Jawa Pos|JawaPos|Sindonews|iNews|VIVA|IDN Times|" +
			"Beritasatu|Medcom|Pikiran Rakyat|Kompas|Antara|RRI|TVRI|Metro TV|Kompas TV|Katadata|Merdeka|Harian Jogja|Solopos|Bali Post"),
		lineRules: []lineRule{
			{label: "baca juga"}, {label: "lihat juga"}, {label: "simak juga"}, {label: "berita terkait"},
			{label: "pilihan editor:"}, {label: "artikel terkait:"}, {label: "tonton juga"},
			{label: "laporan:", credit: creditReporter},
			{label: "kontributor:", credit: creditReporter},
			{label: "sumber:", credit: creditWire},
			{label: "penerjemah:", credit: creditTranslator},
			{label: "alih bahasa:", credit: creditTranslator},
			{label: "editor:", credit: creditEditor},
			{label: "redaktur:", credit: creditEditor},
			{label: "penyunting:", credit: creditEditor},
			{label: "pewarta:", credit: creditReporter},
			{label: "reporter:", credit: creditReporter},
			{label: "penulis:", credit: creditReporter},
			{label: "copyright", credit: creditPublisher},
			{label: "hak cipta", credit: creditPublisher},
			{label: "©", credit: creditPublisher},
			{label: "foto:"}, {label: "ilustrasi:"}, {label: "video:"},
		},
		numberAbbrevs: wordSet("no nomor"),
		abbrevNever:   wordSet("prof dr drs dra ir h hj jl jln rp tn ny sdr bpk kol brigjen mayjen letjen jend kapt kompol ak sh se mm msi st kh pt tbk ust a.n u.p s.h s.e m.m d.k.k"),
		abbrevEnder:   wordSet("dll dsb dst dkk sbb"),
		starters:      wordSet("ia dia mereka kami kita saya namun tetapi sementara selain hal itu ini pada di dalam sebelumnya kemudian"),
		cues:          map[string][]cue{},
		nya:           "nya",
		pronouns:      wordSet("ia dia beliau"),
		firstPerson:   wordSet("saya aku kami kita"),
		speakerStops: wordSet("pada di dalam kepada saat ketika usai seusai seperti yang bahwa dengan untuk sebelum sesudah setelah melalui lewat " +
			"menjelang seraya sambil sembari kemarin ini itu tersebut"),
		sourceNouns: wordSet("data laporan catatan survei sumber keterangan"),
		appositives: wordSet("seorang sang selaku sebagai yakni yaitu"),
		fillers:     wordSet("namun tetapi tapi sementara itu selain lebih lanjut kemudian juga pun pula sendiri telah sudah sempat lalu sebelumnya dan adapun bahkan hanya masih kembali pernah tetap justru"),
		roleWords: wordSet("presiden wakil menteri wamen juru bicara jubir direktur dirut kepala ketua sekretaris penasihat komandan panglima profesor guru besar " +
			"analis pengamat ekonom peneliti gubernur bupati wali kota walikota anggota pejabat manajer staf ahli kapolri kapolda kapolres kasat kabid " +
			"kepolisian duta besar dubes senator jenderal kolonel perdana pemimpin pendiri kuasa hukum pengacara dokter warga saksi deputi asisten " +
			"koordinator komisioner hakim jaksa camat lurah kades vp senior eksekutif utama umum pelaksana tugas plt polisi ahli grup " +
			// Indonesian newsrooms keep many corporate titles in English.
			"vice president director manager head chief ceo executive general"),
		// Police and military ranks ("Kombes Pol", "Irjen Pol", "AKBP")
		// and academic or religious honorifics.
		titles: wordSet("pol kombes kompol akbp akp iptu ipda aiptu aipda bripka brigpol briptu bripda irjen brigjen komjen jenderal " +
			"letkol mayor kapten lettu letda kolonel mayjen letjen laksma laksda laksdya marsma marsda marsdya prof dr drs dra ir h hj kh"),
		roleHeadFirst: true,
		placePreps:    wordSet("di"),
		orgWords: wordSet("kementerian kemenkeu universitas gedung bank badan dewan komite partai kantor lembaga institut pt cv yayasan " +
			"perusahaan komisi mahkamah pengadilan kejaksaan polda polres markas pemerintah pemprov pemkot pemkab dinas biro pusat departemen " +
			// Regions name the body's seat: "Dinas Perkebunan Provinsi Lampung".
			"provinsi kabupaten kecamatan kelurahan desa"),
		particles:       wordSet("bin binti van von de der al el da di"),
		backRefVerbs:    wordSet("disampaikan diungkapkan dikatakan dinyatakan ditegaskan dijelaskan disebutkan dikemukakan diutarakan dilontarkan"),
		demonstratives:  wordSet("itu tersebut ini"),
		backRefPhrases:  phrases("hal itu|hal tersebut|hal ini|pernyataan itu|pernyataan tersebut"),
		clauseWords:     wordSet("bahwa yang"),
		relatives:       wordSet("yang"),
		prepositions:    wordSet("dari di pada untuk"),
		conjunctions:    wordSet("dan"),
		datePreps:       wordSet("pada"),
		complementizers: wordSet("bahwa"),
		futureCues:      wordSet("akan dijadwalkan direncanakan rencananya berencana diperkirakan diprediksi diproyeksikan ditargetkan bakal mendatang"),
		sinceCues:       wordSet("sejak semenjak"),
		figureUnits: wordSet("persen % rp rupiah dolar dollar us$ $ euro yen yuan ton kg kilogram km kilometer meter hektare ha liter kiloliter barel " +
			"orang jiwa warga peserta unit buah korban pasien kasus kursi suara rumah kendaraan mobil spbu sekolah desa penduduk pegawai karyawan " +
			"ribu juta miliar triliun poin basis"),
		numberWords: wordSet("ratusan ribuan puluhan jutaan miliaran triliunan"),
		ev: eventLex{
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
			subordinators: wordSet("untuk agar supaya sehingga karena sebab ketika saat sewaktu setelah sesudah sebelum sejak semenjak usai seusai selama sambil sembari seraya meskipun walaupun jika apabila bila kalau demi guna"),
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
		},
	}
	addCues(p.cues, dirAfter, true, "kata|ujar|ucap|ungkap|jelas|tutur|tegas|imbuh|pungkas|sebut|tambah|terang|papar|lanjut")
	addCues(p.cues, dirPrep, true, "menurut")
	addCues(p.cues, dirBefore, false, "mengatakan|menyatakan|menegaskan|menjelaskan|menambahkan|mengungkapkan|menyampaikan|"+
		"menuturkan|memaparkan|menerangkan|mengakui|menilai|berkata|mengemukakan|menyebutkan|mengklaim|memperingatkan|mengumumkan|berujar|mengaku|berpendapat|mengingatkan|mencatat|"+
		"memastikan|memperkirakan|memprediksi|memproyeksikan|menyebut|mengungkap|membenarkan|menduga|menekankan|berharap")
	register(p)
}
