package claims

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/factline/factline/timeline"
)

// TestHeadlinesReadAsHeadlines runs the pipeline over every article in
// testdata and checks each event's headline: never only a date, never
// starting in lower case (both languages capitalise), never ending on a
// function word of its language, never over 16 words.
func TestHeadlinesReadAsHeadlines(t *testing.T) {
	var files []string
	for _, pattern := range []string{"*.txt", "articles/*.txt", "events/*.txt", "stories/*/*.txt"} {
		fs, err := filepath.Glob(filepath.Join("..", "testdata", pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	if len(files) < 40 {
		t.Fatalf("only %d articles in testdata", len(files))
	}
	events := 0
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ex := Extract(Article{Text: string(text), Published: time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC)})
		p := packFor(ex.Article.Lang)
		for _, e := range ex.Events {
			events++
			if problem := headlineProblem(e, p, ex.Timexes); problem != "" {
				t.Errorf("%s: headline %q %s", filepath.Base(f), e.Headline, problem)
			}
		}
	}
	if events < 300 {
		t.Errorf("only %d events over %d articles", events, len(files))
	}
}

// headlineProblem says what is wrong with an event's headline, "" if
// nothing is.
func headlineProblem(e timeline.Event, p *pack, timexes []timeline.Timex) string {
	h := e.Headline
	words := strings.Fields(h)
	switch {
	case len(words) == 0:
		return "is empty"
	case len(words) > 16:
		return "has over 16 words"
	}
	if r, _ := utf8.DecodeRuneInString(h); unicode.IsLower(r) {
		return "starts in lower case"
	}
	last := strings.ToLower(strings.TrimRight(words[len(words)-1], ".,;:!?\"”)"))
	if p.ev.functionWords[last] {
		return "ends on the function word " + last
	}
	for _, t := range timexes {
		if strings.EqualFold(strings.TrimSpace(t.Text), strings.TrimSpace(strings.TrimSuffix(h, "."))) {
			return "is only a date"
		}
	}
	return ""
}

// TestEventFamilies pins the event layer's rules on sentences written for
// them, one family each.
func TestEventFamilies(t *testing.T) {
	type want struct {
		value, end string
		status     timeline.EventStatus
		headline   string
	}
	cases := []struct {
		name, lang, dct, text string
		want                  []want
	}{
		{"a story told the day after keeps its clock times on the day it tells", "en", "2024-03-11",
			"A ferry ran aground off Bali early on Saturday, officials said on Sunday.\n\nThe ferry left Gilimanuk port at 5:10 a.m. and rescuers reached it at 7:05 a.m.",
			[]want{{"2024-03-09", "", timeline.StatusHappened, "A ferry ran aground off Bali"},
				{"2024-03-10", "", timeline.StatusReported, "Officials: A ferry ran aground off Bali"},
				{"2024-03-09T05:10", "", timeline.StatusHappened, "The ferry left Gilimanuk port"},
				{"2024-03-09T07:05", "", timeline.StatusHappened, "Rescuers reached it"}}},
		{"the first clock time after a lede of happenings tells the lede's head by the clock", "en", "2025-03-05",
			"The city council approved a new transport budget on Tuesday and expects bus fares to stay frozen through 2026.\n\nThe vote was taken at 6:30 p.m. after a four-hour debate.",
			[]want{{"2025-03-04T18:30", "", timeline.StatusHappened, "The city council approved a new transport budget"},
				{"2026", "", timeline.StatusScheduled, "Bus fares to stay frozen"}}},
		{"the first clock time after a lede of happenings tells the lede's head by the clock, in Indonesian", "id", "2025-03-05",
			"DPRD Kota Malang menyetujui anggaran transportasi baru pada Selasa (4/3/2025) dan memperkirakan tarif bus tetap hingga 2026.\n\nPemungutan suara dilakukan pukul 18.30 WIB setelah perdebatan empat jam.",
			[]want{{"2025-03-04T18:30", "", timeline.StatusHappened, "DPRD Kota Malang menyetujui anggaran transportasi baru"},
				{"2026", "", timeline.StatusScheduled, "DPRD Kota Malang memperkirakan tarif bus tetap"}}},
		{"a ber- word before a figure and a verb measures the noun before it; with no verb after, it is the predicate", "id", "2025-03-06",
			"Kapal berbobot 500 ton tenggelam di perairan Selayar pada Selasa (4/3/2025).\n\nJumlah korban bertambah 5 orang pada Rabu (5/3/2025).",
			[]want{{"2025-03-04", "", timeline.StatusHappened, "Kapal berbobot 500 ton tenggelam di perairan Selayar"},
				{"2025-03-05", "", timeline.StatusHappened, "Jumlah korban bertambah 5 orang"}}},
		{"a happening named by its day in a later subject is the same happening; a date that opens the clause dates the predicate", "en", "2025-03-08",
			"A fire broke out at a chemical plant near Antwerp on Friday.\n\nFriday's fire forced 200 workers to leave the site, the company said.\n\nOn Friday the fire spread to a second warehouse.",
			[]want{{"2025-03-07", "", timeline.StatusHappened, "A fire broke out at a chemical plant near Antwerp"},
				{"2025-03-07", "", timeline.StatusHappened, "The fire spread to a second warehouse"}}},
		{"a happening named by its day in a later subject is the same happening, in Indonesian", "id", "2025-03-08",
			"Kebakaran melanda pasar tradisional di Kota Padang pada Jumat (7/3/2025) pukul 07.15 WIB.\n\nKebakaran Jumat pagi itu menghanguskan sedikitnya 120 kios.",
			[]want{{"2025-03-07T07:15", "", timeline.StatusHappened, "Kebakaran melanda pasar tradisional di Kota Padang"}}},
		{"a state's start and a day of saying set no narrative day; a count from a moved day moves with it", "id", "2024-01-15",
			"Longsor menimbun rumah warga pada Sabtu (13/1/2024) dini hari.\n\nWarga mengatakan hujan deras mengguyur desa sejak Jumat sore. Tebing mulai retak pukul 02.40 WIB.\n\n" +
				"\"Kami mendengar gemuruh,\" kata Ujang, Senin (15/1/2024).\n\nTim SAR tiba pukul 06.05 WIB dan mengevakuasi korban pukul 07.55 WIB. Keesokan harinya pencarian dilanjutkan.",
			[]want{{"2024-01-13TMO", "", timeline.StatusHappened, "Longsor menimbun rumah warga"},
				{"2024-01-12TAF", "", timeline.StatusOngoing, "Hujan deras mengguyur desa"},
				{"2024-01-13T02:40", "", timeline.StatusHappened, "Tebing mulai retak"},
				{"2024-01-15", "", timeline.StatusReported, "Ujang: Kami mendengar gemuruh"},
				{"2024-01-13T06:05", "", timeline.StatusHappened, "Tim SAR tiba"},
				{"2024-01-13T07:55", "", timeline.StatusHappened, "Tim SAR mengevakuasi korban"},
				{"2024-01-14", "", timeline.StatusHappened, "Pencarian dilanjutkan"}}},
		{"an infinitive marker before a name is a preposition of the subject", "en", "2026-03-10",
			"The night bus from Medan to Padang overturned on Sunday.",
			[]want{{"2026-03-08", "", timeline.StatusHappened, "The night bus from Medan to Padang overturned"}}},
		{"a noun that looks like a verb stays a noun with a clitic on it", "id", "2026-04-16",
			"Bupati itu ditangkap penyidik di rumah dinasnya pada Rabu (15/4/2026) dini hari.",
			[]want{{"2026-04-15TMO", "", timeline.StatusHappened, "Bupati itu ditangkap penyidik di rumah dinasnya"}}},
		{"a subject before a dated adjunct and a comma names the clause after it", "id", "2025-06-04",
			"Pada penutupan, harga minyak mentah Brent untuk pengiriman Agustus, Selasa (3/6/2025), turun 57 sen.",
			[]want{{"2025-06-03", "", timeline.StatusHappened, "Harga minyak mentah Brent untuk pengiriman turun 57 sen"}}},
		{"abbreviations, initialisms and possessives keep their dots and apostrophes", "en", "2025-06-04",
			"Acme Corp.'s chief executive resigned on Monday. The farmers' union called a strike on Friday. The U.S. Senate passed the bill on Tuesday.",
			[]want{{"2025-06-02", "", timeline.StatusHappened, "Acme Corp.'s chief executive resigned"},
				{"2025-05-30", "", timeline.StatusHappened, "The farmers' union called a strike"},
				{"2025-06-03", "", timeline.StatusHappened, "The U.S. Senate passed the bill"}}},
		{"a hyphenated date before its noun stays inside the object", "en", "2025-10-22",
			"The steel unit of Halvard Ltd. reported third-quarter net income dropped 8%.",
			[]want{{"2025-Q3", "", timeline.StatusHappened, "The steel unit of Halvard Ltd. reported net income dropped 8%"}}},
		{"a date inside a quote before its verb of saying heads what was said, not the cue", "id", "2025-12-18",
			"\"Pekan lalu harga cabai sudah Rp 80.000 per kilogram,\" kata Rina, pedagang di Pasar Minggu, Rabu (17/12/2025).",
			[]want{{"2025-W50", "", timeline.StatusReported, "Harga cabai sudah Rp 80.000 per kilogram"},
				{"2025-12-17", "", timeline.StatusReported, "Rina: Harga cabai sudah Rp 80.000 per kilogram"}}},
		{"a verb that is also a date's preposition is the preposition; a comparison word never ends a headline", "id", "2025-03-05",
			"Pemerintah kota menetapkan status siaga banjir selama lima hari mulai Senin (3/3/2025).\n\nPenjualan mobil pada Februari 2025 naik 12 persen dibanding tahun lalu.",
			[]want{{"2025-03-03", "", timeline.StatusHappened, "Pemerintah kota menetapkan status siaga banjir"},
				{"2025-02", "", timeline.StatusHappened, "Penjualan mobil naik 12 persen"}}},
		{"a noun preposition before a word that is no verb keeps the subject one phrase", "id", "2025-12-17",
			"Harga minyak WTI untuk pengiriman Januari di bursa Nymex turun 0,48 persen pada Selasa (16/12/2025).",
			[]want{{"2025-12-16", "", timeline.StatusHappened, "Harga minyak WTI untuk pengiriman di bursa Nymex turun 0,48 persen"}}},
		{"a pronoun speaker is the last named one; a gist read as a phrase to one word is the words as said", "id", "2025-12-06",
			"Bupati Sleman Harda Kiswaya meninjau lokasi banjir pada Rabu (4/12/2025).\n\n\"Stok air bersih kami menipis,\" kata dia di Sleman, Kamis (5/12/2025).\n\n" +
				"\"Sepanjang yang saya tahu belum,\" kata Mardiasmo di Jakarta, Jumat (6/12/2025).",
			[]want{{"2025-12-04", "", timeline.StatusHappened, "Bupati Sleman Harda Kiswaya meninjau lokasi banjir"},
				{"2025-12-05", "", timeline.StatusReported, "Harda Kiswaya: Stok air bersih kami menipis"},
				{"2025-12-06", "", timeline.StatusReported, "Mardiasmo: Sepanjang yang saya tahu"}}},
		{"a verb that takes a clause keeps it, and a decision stays a decision", "id", "2014-11-28",
			"Organisasi negara-negara pengekspor minyak (OPEC) pada Kamis (27/11/2014) memutuskan untuk tidak memangkas produksi minyak mereka meskipun pasokan berlimpah.",
			[]want{{"2014-11-27", "", timeline.StatusHappened, "Organisasi negara-negara pengekspor minyak OPEC memutuskan untuk tidak memangkas produksi minyak mereka"}}},
		{"a verb that takes an infinitive keeps it", "en", "2014-11-29",
			"Amherst police officials declined to comment on Friday.",
			[]want{{"2014-11-28", "", timeline.StatusHappened, "Amherst police officials declined to comment"}}},
		{"a clause that only gives a comparison's base makes no event", "en", "2025-10-22",
			"Sales rose 8% to $2.49 billion in the third quarter, up from last year's $2.34 billion.",
			[]want{{"2025-Q3", "", timeline.StatusHappened, "Sales rose 8% to $2.49 billion"}}},
		{"a hyphen or underscore between spaces is a dash that sets off an apposition", "en", "1998-08-19",
			"Two ferries - one from Bali, one from Lombok - collided on Monday. About 200 Americans _ embassy staff and their families _ left Pakistan on Tuesday.",
			[]want{{"1998-08-17", "", timeline.StatusHappened, "Two ferries collided"},
				{"1998-08-18", "", timeline.StatusHappened, "Embassy staff and their families left Pakistan"}}},
		{"a long subject is cut at its alternative; a long headline at a copula, keeping the unit", "id", "2025-03-05",
			"Pada sesi pagi, harga gabah kering panen petani Karawang atau harga GKP (HPP) untuk musim tanam kedua, telah turun 300 rupiah pada Senin (3/3/2025).\n\n" +
				"Produksi beras nasional di Jawa Barat naik 2.000 ton per hari menjadi 95.000 ton per hari pada pekan lalu.",
			[]want{{"2025-03-03", "", timeline.StatusHappened, "Harga gabah kering panen petani Karawang telah turun 300 rupiah"},
				{"2025-W09", "", timeline.StatusHappened, "Produksi beras nasional di Jawa Barat naik 2.000 ton per hari"}}},
		{"a date in what was said before a trailing attribution heads what was said", "en", "2000-04-03",
			"The delegation would be ready to leave for Geneva as soon as Tuesday, Castro said.",
			[]want{{"2000-04-04", "", timeline.StatusScheduled, "The delegation would be ready to leave for Geneva"}}},
		{"a speaker the attribution rules miss still heads what they said before the verb", "en", "2025-06-09",
			"The new levy will cost farmers 90,000 euros a year, parliament said on Friday.",
			[]want{{"2025-06-06", "", timeline.StatusReported, "Parliament: The new levy will cost farmers 90,000 euros a year"}}},
		{"a happening's noun between a noun and a possessive is the verb", "en", "2024-11-14",
			"The bank cut its rate on Thursday.",
			[]want{{"2024-11-14", "", timeline.StatusHappened, "The bank cut its rate"}}},
		{"what completes a verb follows its date; a comparison's base and a dangling 'likely' leave", "en", "1989-10-26",
			"Harlow Mills shares closed yesterday at $43.50 each. Losses last quarter totaled $212 million or $10.83 a share compared with net income of $48.7 million. Earnings rose to more than $4 a share in the third quarter.",
			[]want{{"1989-10-25", "", timeline.StatusHappened, "Harlow Mills shares closed at $43.50 each"},
				{"1989-Q3", "", timeline.StatusHappened, "Losses totaled $212 million or $10.83 a share"},
				{"1989-Q3", "", timeline.StatusHappened, "Earnings rose to more than $4 a share"}}},
		{"a clause that opens with a comparison word gives its date to no event", "en", "1989-10-26",
			"Net income rose to $306 million in the third quarter, compared with a loss of $195 million in the 1988 period.",
			[]want{{"1989-Q3", "", timeline.StatusHappened, "Net income rose to $306 million"}}},
		{"a verb of planning keeps the clause it plans", "id", "2025-12-01",
			"Pada Senin (1/12/2025), Pemkot Bogor menargetkan pembangunan jembatan baru rampung.",
			[]want{{"2025-12-01", "", timeline.StatusHappened, "Pemkot Bogor menargetkan pembangunan jembatan baru rampung"}}},
		{"the base of a comparison dates no predicate; a quantity is no comparison", "en", "2025-03-05",
			"Sales climbed 12% compared with 2023. The fire had burned more than 45,000 acres by Monday.",
			[]want{{"2025-03-03", "", timeline.StatusHappened, "The fire had burned more than 45,000 acres"}}},
		{"a verb that can be a date's preposition stays the predicate away from the date", "id", "2025-03-05",
			"Pembangunan jembatan itu mulai pada Senin (3/3/2025).",
			[]want{{"2025-03-03", "", timeline.StatusHappened, "Pembangunan jembatan itu mulai"}}},
		{"a progressive verb that can be a preposition stays the predicate", "en", "2025-03-05",
			"The troops were following the river on Monday.",
			[]want{{"2025-03-03", "", timeline.StatusHappened, "The troops were following the river"}}},
		{"a ber- word after a verb's object noun describes the noun", "id", "2024-12-02",
			"Adapun Bandara Komodo menerima pesawat berbadan lebar untuk pertama kalinya pada Sabtu (30/11).",
			[]want{{"2024-11-30", "", timeline.StatusHappened, "Bandara Komodo menerima pesawat berbadan lebar untuk pertama kalinya"}}},
		{"a ber- word after a verb's object of several words, names too, describes the object", "id", "2026-03-05",
			"Polisi memeriksa sopir bus Sinar Jaya berinisial DN pada Rabu (4/3).",
			[]want{{"2026-03-04", "", timeline.StatusHappened, "Polisi memeriksa sopir bus Sinar Jaya berinisial DN"}}},
		{"a subordinate clause between a modified subject and its predicate stays out of the subject", "en", "2026-03-10",
			"A man hurt when a bus overturned near Leeds died in hospital on Monday.",
			[]want{{"2026-03-09", "", timeline.StatusHappened, "A man died in hospital"}}},
		{"the same in Indonesian, after a relative clause", "id", "2026-03-10",
			"Nelayan yang hilang ketika perahu terbalik ditemukan selamat pada Senin (9/3).",
			[]want{{"2026-03-09", "", timeline.StatusHappened, "Nelayan ditemukan selamat"}}},
		{"a bare noun before a subordinator is what the clause tells of", "en", "2026-03-10",
			"Residents remember the storm, a time when the river flooded the old town on Monday.",
			[]want{{"2026-03-09", "", timeline.StatusHappened, "The river flooded the old town"}}},
		{"a ber- word after a demonstrative or a verb of saying's subject is the predicate", "id", "2026-03-05",
			"Petugas menjelaskan truk itu berangkat dari Surabaya pada Selasa (3/3).",
			[]want{{"2026-03-03", "", timeline.StatusHappened, "Truk itu berangkat dari Surabaya"}}},
		{"a quoted letter keeps its own date; an undated e-mail's requests make no event", "en", "2025-03-12",
			"In a letter dated Thursday, March 6, the contractor wrote: \"Our crews will return to the site tomorrow at 9 a.m.\"\n\n" +
				"A later e-mail, which carried no date, said: \"Call me Sunday night so we can agree the price.\"\n\nThe council voted on Tuesday to end the contract.",
			[]want{{"2025-03-06", "", timeline.StatusReported, "The contractor: Our crews will return to the site"},
				{"2025-03-07T09:00", "", timeline.StatusHappened, "Our crews will return to the site"},
				{"2025-03-11", "", timeline.StatusHappened, "The council voted to end the contract"}}},
		{"a conjunction with a subject of its own starts a new subject", "id", "2025-04-22",
			"Seorang siswa meninggal dunia pada Minggu (20/4/2025) dan Dinkes menurunkan tim pada hari yang sama.",
			[]want{{"2025-04-20", "", timeline.StatusHappened, "Seorang siswa meninggal dunia"},
				{"2025-04-20", "", timeline.StatusHappened, "Dinkes menurunkan tim"}}},
		{"the same act told again at a finer time is one event at the finer time", "id", "2014-12-29",
			"Pesawat AirAsia QZ8501 hilang kontak pada Minggu (28/12/2014).\n\nMenurut Basarnas, pesawat itu kehilangan kontak dengan menara pukul 06.17 WIB.",
			[]want{{"2014-12-28T06:17", "", timeline.StatusHappened, "Pesawat AirAsia QZ8501 hilang kontak"}}},
		{"the lede's happening told by the clock is one event at the clock time", "id", "2021-12-05",
			"Gunung Semeru di Lumajang meletus pada Sabtu (4/12/2021).\n\nAwan panas guguran meluncur pukul 14.50 WIB. Warga mengungsi pukul 15.30 WIB.",
			[]want{{"2021-12-04T14:50", "", timeline.StatusHappened, "Gunung Semeru di Lumajang meletus"},
				{"2021-12-04T15:30", "", timeline.StatusHappened, "Warga mengungsi"}}},
		{"a plan for the week in the lede, told next by its day, is one event on the day", "en", "2026-03-30",
			"The ferry company will restart its Wellington service this week, four months after a fire, a spokeswoman said.\n\nThe booking office opens at 8:15 a.m. on Thursday.",
			[]want{{"2026-04-02T08:15", "", timeline.StatusScheduled, "The ferry company will restart its Wellington service"}}},
		{"a planned time of day after the lede's plan for a day is that plan, on its day", "en", "2025-04-16",
			"The city will open its new harbour bridge on Friday, ending a decade of delays, officials said on Wednesday.\n\nThe opening ceremony is scheduled for 10 a.m. local time.",
			[]want{{"2025-04-18T10:00", "", timeline.StatusScheduled, "The city will open its new harbour bridge"},
				{"2025-04-16", "", timeline.StatusReported, "Officials: The city will open its new harbour bridge"}}},
		{"a clock time after a happening told later in the article is a happening of its own", "en", "2024-06-04",
			"The council said on Monday it would review the tender.\n\nThe bridge closed on Monday. Traffic stopped at 8:10 a.m.",
			[]want{{"2024-06-03", "", timeline.StatusReported, "The council: It would review the tender"},
				{"2024-06-03", "", timeline.StatusHappened, "The bridge closed"},
				{"2024-06-03T08:10", "", timeline.StatusHappened, "Traffic stopped"}}},
		{"a morning time told after an evening one is the next day's", "en", "2024-03-11",
			"Neighbours reported a smell of gas at 10:40 p.m. on Friday. The blast came at 4:47 a.m., and the first fire crews arrived eight minutes later.",
			[]want{{"2024-03-08T22:40", "", timeline.StatusHappened, "Neighbours reported a smell of gas"},
				{"2024-03-09T04:47", "", timeline.StatusHappened, "The blast came"},
				{"2024-03-09T04:55", "", timeline.StatusHappened, "The first fire crews arrived"}}},
		{"one time in two zones is one event; a range is one event with an end", "id", "2024-05-02",
			"Gempa terjadi pukul 10.00 WIB atau 11.00 WITA, Rabu (1/5/2024).\n\nPosko darurat dibuka pada 1-3 Mei 2024.",
			[]want{{"2024-05-01T10:00", "", timeline.StatusHappened, "Gempa terjadi"},
				{"2024-05-01", "2024-05-03", timeline.StatusHappened, "Posko darurat dibuka"}}},
		{"an assessment of a period is no event; a plan governs its subordinate clause", "id", "2024-05-02",
			"Tahun 2023 merupakan tahun terburuk bagi petani garam.\n\nPemerintah dijadwalkan untuk meresmikan bendungan itu pada Senin (6/5/2024).",
			[]want{{"2024-05-06", "", timeline.StatusScheduled, "Pemerintah dijadwalkan untuk meresmikan bendungan itu"}}},
		{"a date in an adjunct a participle opens is a detail of the clause's happening", "en", "2024-06-05",
			"The agency issued a flood alert at 9 a.m. on Monday, covering Leeds, York and Hull from noon to midnight on Tuesday.",
			[]want{{"2024-06-03T09:00", "", timeline.StatusHappened, "The agency issued a flood alert"}}},
		{"two periods a conjunction joins are one stretch when they touch, two happenings when apart", "en", "2025-01-10",
			"Northern provinces suffered rolling blackouts in May and June 2023.\n\nThe grid failed on 4 August and 19 October 2024.",
			[]want{{"2023-05", "2023-06", timeline.StatusHappened, "Northern provinces suffered rolling blackouts"},
				{"2024-08-04", "", timeline.StatusHappened, "The grid failed"},
				{"2024-10-19", "", timeline.StatusHappened, "The grid failed"}}},
		{"the month of a traded contract dates no happening; a day next to the same noun does", "id", "2014-12-16",
			"Harga minyak mentah Brent untuk pengiriman Januari turun 84 sen.\n\nPemerintah memulai pengiriman 10 Desember bantuan beras ke Maluku.",
			[]want{{"2014-12-10", "", timeline.StatusHappened, "Pemerintah memulai pengiriman"}}},
		{"a period its end word names with a date belongs to the date, not to the headline", "en", "2024-10-20",
			"Sales in the three months ended Sept. 30 rose 31% from a year earlier.",
			[]want{{"2024-09-30", "", timeline.StatusHappened, "Sales rose 31%"}}},
		{"the end word of a period belongs to its date; an adjective is no verb by its prefix", "id", "2014-12-11",
			"Produksi minyak mentah AS mencapai 9,12 juta barel per hari untuk pekan yang berakhir 5 Desember.",
			[]want{{"2014-12-05", "", timeline.StatusHappened, "Produksi minyak mentah AS mencapai 9,12 juta barel per hari"}}},
		{"a date a verb names or judges dates no happening; named on a date, it does", "en", "2024-12-11",
			"Rail unions called Monday \"the darkest day for commuters\".\n\nThe two suspects were named Tuesday in a police bulletin.\n\nThe mayor called Tuesday for calm.",
			[]want{{"2024-12-10", "", timeline.StatusHappened, "The two suspects were named in a police bulletin"},
				{"2024-12-10", "", timeline.StatusHappened, "The mayor called for calm"}}},
		{"a range a conjunction joins to an event's verb is how long it lasts; a clock's zone joins its day", "en", "2026-03-30",
			"The harbour festival opens at 9:30 a.m. local time on Thursday and runs from Thursday to Saturday.",
			[]want{{"2026-04-02T09:30", "2026-04-04", timeline.StatusScheduled, "The harbour festival opens"}}},
		{"a range a conjunction joins to an event's verb is how long it lasts", "id", "2024-12-04",
			"Pameran dibuka pukul 10.00 WIB pada Jumat (6/12/2024) dan berlangsung pada 6-8 Desember 2024.",
			[]want{{"2024-12-06T10:00", "2024-12-08", timeline.StatusScheduled, "Pameran dibuka"}}},
		{"a day told in the local time and again in another zone is one event on the local day", "id", "2014-11-20",
			"Harga minyak turun pada Selasa (18/11/2014) waktu setempat (Rabu pagi WIB).",
			[]want{{"2014-11-18", "", timeline.StatusHappened, "Harga minyak turun"}}},
		{"a date between a determiner and its noun names a kind of thing; a passive saying is a happening", "en", "2024-11-15",
			"The central bank lowered the overnight reverse repurchase rate to 6%.\n\nThe decision was announced on Thursday.",
			[]want{{"2024-11-14", "", timeline.StatusHappened, "The decision was announced"}}},
		{"a holiday's name next to a period noun names the season, not the day", "id", "2025-12-15",
			"Kemenhub memperkirakan 119,5 juta orang akan melakukan perjalanan selama masa angkutan Natal dan Tahun Baru.\n\nPolisi berjaga selama libur Natal.",
			[]want{{"2025-12-25", "", timeline.StatusScheduled, "Polisi berjaga selama libur"}}},
		{"a date a verb judges dates no happening", "id", "2025-12-16",
			"Kemenhub menyebut libur akhir tahun kali ini sebagai yang terpanjang dalam lima tahun.",
			nil},
		{"a date on a deed the speaker did before saying dates the deed", "en", "2024-12-10",
			"Health Minister Ana Costa toured the ward on Monday and said the unit would reopen.",
			[]want{{"2024-12-09", "", timeline.StatusHappened, "Health Minister Ana Costa toured the ward"}}},
		{"auxiliaries after an apposition borrow the sentence's subject", "en", "2024-06-05",
			"Okafor, a former fire chief, was arrested on Monday.",
			[]want{{"2024-06-03", "", timeline.StatusHappened, "Okafor was arrested"}}},
		{"a span of years that names a plan dates no happening", "id", "2026-06-10",
			"Bendungan itu masuk Rencana Strategis 2025-2029 dan dijadwalkan selesai pada 2027.\n\nPembangunan jalur ganda tercantum dalam RPJMN 2020–2024.",
			[]want{{"2027", "", timeline.StatusScheduled, "Bendungan itu dijadwalkan selesai"}}},
		{"a relative clause is dated with its own verb and headed by the noun before it", "en", "2024-05-02",
			"Police questioned the driver, who was arrested on Tuesday, for six hours.",
			[]want{{"2024-04-30", "", timeline.StatusHappened, "The driver was arrested"}}},
		{"a day named anew is the story's day; a later bare time stays on it", "id", "2024-03-12",
			"Banjir bandang menerjang Desa Sukamaju pada Minggu (10/3/2024) dini hari.\n\n\"Air naik cepat sekali,\" kata Rohman, Senin (11/3/2024).\n\n" +
				"Petugas BPBD tiba pukul 05.30 WIB. Minggu pagi itu, warga membersihkan lumpur.\n\nPenyaluran bantuan dimulai pukul 16.00 WIB.",
			[]want{{"2024-03-10TMO", "", timeline.StatusHappened, "Banjir bandang menerjang Desa Sukamaju"},
				{"2024-03-11", "", timeline.StatusReported, "Rohman: Air naik cepat sekali"},
				{"2024-03-10T05:30", "", timeline.StatusHappened, "Petugas BPBD tiba"},
				{"2024-03-10TMO", "", timeline.StatusHappened, "Warga membersihkan lumpur"},
				{"2024-03-10T16:00", "", timeline.StatusHappened, "Penyaluran bantuan dimulai"}}},
		{"a bare time in a later paragraph is on the story's day unless it is planned", "en", "2025-06-03",
			"A fire broke out at a warehouse in Leeds on Sunday, the fire service said on Monday.\n\nThe first crews arrived at 11:20 a.m.\n\n" +
				"Firefighters brought the blaze under control at 4:40 p.m.\n\nInspectors will visit the site at 9 a.m.",
			[]want{{"2025-06-01", "", timeline.StatusHappened, "A fire broke out at a warehouse in Leeds"},
				{"2025-06-02", "", timeline.StatusReported, "The fire service: A fire broke out at a warehouse in Leeds"},
				{"2025-06-01T11:20", "", timeline.StatusHappened, "The first crews arrived"},
				{"2025-06-01T16:40", "", timeline.StatusHappened, "Firefighters brought the blaze under control"},
				{"2025-06-03T09:00", "", timeline.StatusScheduled, "Inspectors will visit the site"}}},
		{"a participle between a noun and a preposition is part of the subject", "en", "2025-09-08",
			"Two fishermen stranded on a sandbank were rescued on Sunday. The coastguard confirmed the boat sank on Saturday.",
			[]want{{"2025-09-07", "", timeline.StatusHappened, "Two fishermen stranded on a sandbank were rescued"},
				{"2025-09-06", "", timeline.StatusHappened, "The boat sank"}}},
		{"a date that something came ahead of dates no happening, a few words on", "id", "2025-11-20",
			"Harga cabai rawit melonjak menjelang musim hajatan akhir tahun.",
			nil},
		{"the date after how the speaker was reached is the day of saying", "id", "2025-06-04",
			"\"Kami akan memeriksa semua sekolah,\" kata Rina saat ditemui di kantornya pada Selasa (3/6/2025).",
			[]want{{"2025-06-03", "", timeline.StatusReported, "Rina: Kami akan memeriksa semua sekolah"}}},
		{"a day in another zone leaves the story on its day", "en", "2025-09-18",
			"A water main burst under Sydney's business district on Tuesday, the city's water utility said on Wednesday.\n\n" +
				"Crews shut the valve at 6:20 a.m. (1920 GMT Monday). That morning, buses were diverted.",
			[]want{{"2025-09-16", "", timeline.StatusHappened, "A water main burst under Sydney's business district"},
				{"2025-09-17", "", timeline.StatusReported, "The city's water utility: A water main burst under Sydney's business district"},
				{"2025-09-16T06:20", "", timeline.StatusHappened, "Crews shut the valve"},
				{"2025-09-16TMO", "", timeline.StatusHappened, "Buses were diverted"}}},
		{"how the speaker was reached after their role still leads to the day of saying", "id", "2025-08-14",
			"\"Airnya sudah setinggi lutut,\" kata Siti Aminah (45), pedagang sayur, saat ditemui Rabu (13/8/2025).",
			[]want{{"2025-08-13", "", timeline.StatusReported, "Siti Aminah: Airnya sudah setinggi lutut"}}},
		{"a year that names a document or a numbered act dates no happening", "id", "2025-07-10",
			"Pemerintah daerah memangkas anggaran 2025 untuk perjalanan dinas. Ketentuan itu tertuang dalam Peraturan Bupati Nomor PB-12 77 Tahun 2025.\n\nBupati meneken aturan tersebut pada Senin (7/7/2025).",
			[]want{{"2025-07-07", "", timeline.StatusHappened, "Bupati meneken aturan tersebut"}}},
		{"an act named by a verb of the cue table is not a statement", "en", "2024-02-16",
			"Governor Ana Ruiz declared a state of emergency on Thursday night. Ruiz told reporters on Friday that shelters were full.",
			[]want{{"2024-02-15TNI", "", timeline.StatusHappened, "Governor Ana Ruiz declared a state of emergency"},
				{"2024-02-16", "", timeline.StatusReported, "Ana Ruiz: Shelters were full"}}},
		{"a count before an offset word dates the clause after it from the sentence's date", "en", "2026-04-24",
			"The council elected a new mayor on Thursday, six days after police arrested the mayor.\n\n" +
				"The plant reopened in March 2025, nearly two months after a fire destroyed its kiln.",
			[]want{{"2026-04-23", "", timeline.StatusHappened, "The council elected a new mayor"},
				{"2026-04-17", "", timeline.StatusHappened, "Police arrested the mayor"},
				{"2025-03", "", timeline.StatusHappened, "The plant reopened"},
				{"2025-01", "", timeline.StatusHappened, "A fire destroyed its kiln"}}},
		{"an offset clause in Indonesian; a count with no date to count from dates nothing", "id", "2026-01-22",
			"Sekolah dibuka kembali pada Rabu (21/1/2026), tiga hari setelah banjir surut.\n\nPolisi membuka penyelidikan sehari setelah kebakaran.",
			[]want{{"2026-01-21", "", timeline.StatusHappened, "Sekolah dibuka kembali"},
				{"2026-01-18", "", timeline.StatusHappened, "Banjir surut"}}},
		{"a count before a noun and its relative clause dates no verb of that clause", "en", "2026-03-12",
			"Trains ran again on Tuesday, two days after the derailment that killed one passenger.",
			[]want{{"2026-03-10", "", timeline.StatusHappened, "Trains ran again"}}},
		{"a day a count gives is the happening the article tells on that day", "en", "2026-04-27",
			"Three climbers reached the summit on Sunday, a day after their rescue was arranged.\n\nOn Saturday evening the guides agreed to bring them down.",
			[]want{{"2026-04-26", "", timeline.StatusHappened, "Three climbers reached the summit"},
				{"2026-04-25TEV", "", timeline.StatusHappened, "The guides agreed to bring them down"}}},
		{"an age in apposition before a relative clause is not its subject", "en", "2026-02-10",
			"Flags flew at half-mast for Maria Lopez, 38, who drowned in the river on Sunday.",
			[]want{{"2026-02-08", "", timeline.StatusHappened, "Maria Lopez drowned in the river"}}},
		{"an age in brackets after a name stays out of the headline", "id", "2026-02-10",
			"Warga mengenang Budi Santoso (61), yang tenggelam di sungai pada Minggu (8/2/2026).",
			[]want{{"2026-02-08", "", timeline.StatusHappened, "Budi Santoso tenggelam di sungai"}}},
		{"a participle after a determiner or preposition describes the noun of the subject", "en", "2026-05-21",
			"The stranded passengers were flown to Perth on Friday. Aid for displaced families arrived in Palu on Saturday.",
			[]want{{"2026-05-15", "", timeline.StatusHappened, "The stranded passengers were flown to Perth"},
				{"2026-05-16", "", timeline.StatusHappened, "Aid for displaced families arrived in Palu"}}},
		{"a clock time that names its own day is no lede happening retold by the clock", "en", "2026-05-21",
			"The mayor told the council on Wednesday that the city would not pay the ransom demanded in a letter found at its offices on May 3.\n\n" +
				"Investigators said the intruders began deleting files at 1:40 a.m. on May 3.",
			[]want{{"2026-05-20", "", timeline.StatusReported, "The mayor: The city would not pay the ransom"},
				{"2026-05-03", "", timeline.StatusHappened, "The ransom demanded in a letter found at its offices"},
				{"2026-05-03T01:40", "", timeline.StatusHappened, "The intruders began deleting files"}}},
		{"a relative clause or participle phrase set off by commas leaves the subject before it", "en", "2025-10-22",
			"Police said the fire, which destroyed 40 homes, started on Sunday. The bridge, damaged by floods in March, reopened on Monday.",
			[]want{{"2025-10-19", "", timeline.StatusHappened, "The fire started"},
				{"2025-03", "", timeline.StatusHappened, "The bridge damaged by floods"},
				{"2025-10-20", "", timeline.StatusHappened, "The bridge reopened"}}},
		{"a relative clause set off by commas leaves the subject before it, in Indonesian", "id", "2025-10-22",
			"Polisi mengatakan kebakaran, yang menghanguskan 40 rumah, bermula pada Minggu (19/10/2025).",
			[]want{{"2025-10-19", "", timeline.StatusHappened, "Kebakaran bermula"}}},
		{"the auxiliaries of a plan after an aside stay with the predicate, the subject before the aside", "en", "2026-03-10",
			"The lease, signed by the council in 2019, is scheduled to end on Friday.",
			[]want{{"2019", "", timeline.StatusHappened, "The lease signed by the council"},
				{"2026-03-13", "", timeline.StatusScheduled, "The lease is scheduled to end"}}},
		{"an infinitive's subject is the object before it", "en", "2026-03-10",
			"The company wants the plant to be finished in 2027.",
			[]want{{"2027", "", timeline.StatusScheduled, "The plant to be finished"}}},
		{"an audience with a long name is one constituent of the day of saying", "en", "2026-05-21",
			"The mayor told the Kent County Planning and Zoning Board on Tuesday that the plan would go ahead.",
			[]want{{"2026-05-19", "", timeline.StatusReported, "The mayor: The plan would go ahead"}}},
		{"a second thing said, after a conjunction and a complementizer, stays out of the gist", "en", "2026-05-21",
			"Mayor Ana Ruiz said on Tuesday that the bridge had reopened and that tolls would stay frozen.",
			[]want{{"2026-05-19", "", timeline.StatusReported, "Ana Ruiz: The bridge had reopened"}}},
		{"a second thing said stays out of the gist, in Indonesian", "id", "2026-05-21",
			"Bupati Ahmad Yani mengatakan pada Selasa (19/5/2026) bahwa jembatan sudah dibuka dan bahwa tarif tidak naik.",
			[]want{{"2026-05-19", "", timeline.StatusReported, "Ahmad Yani: Jembatan sudah dibuka"}}},
		{"a place phrase after a fronted date stays out of the subject", "en", "2026-05-21",
			"On Tuesday, at a meeting in Madrid, Spain, the alliance agreed to accept Poland.",
			[]want{{"2026-05-19", "", timeline.StatusHappened, "The alliance agreed to accept Poland"}}},
		{"a place phrase after a fronted date stays out of the subject, in Indonesian", "id", "2026-05-21",
			"Pada Selasa (19/5/2026), di pasar Singapura, harga emas turun tajam.",
			[]want{{"2026-05-19", "", timeline.StatusHappened, "Harga emas turun tajam"}}},
		{"a relative clause that only says when its noun happened names the noun by its day", "id", "2026-05-19",
			"Kebakaran melanda Pasar Baru di Kota Bogor, Senin (18/5/2026) pukul 03.10 WIB.\n\nKebakaran yang terjadi kemarin itu menghanguskan 120 kios.",
			[]want{{"2026-05-18T03:10", "", timeline.StatusHappened, "Kebakaran melanda Pasar Baru di Kota Bogor"}}},
		{"a relative clause that only says when its noun happened names the noun by its day, in English", "en", "2026-05-20",
			"A magnitude 5.8 quake struck northern Lombok on Tuesday, May 19, at 2:20 p.m.\n\nThe quake which occurred on Tuesday damaged at least 200 homes.",
			[]want{{"2026-05-19T14:20", "", timeline.StatusHappened, "A magnitude 5.8 quake struck northern Lombok"}}},
		{"a state since a day and the happening on that day told by the same verb are one", "id", "2026-05-20",
			"Warga Desa Sukamaju mengungsi ke balai desa sejak Selasa (19/5/2026) malam.\n\nPada Selasa (19/5) malam, warga mengungsi setelah air naik.",
			[]want{{"2026-05-19TNI", "", timeline.StatusOngoing, "Warga Desa Sukamaju mengungsi ke balai desa"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dct, _ := time.Parse(time.DateOnly, c.dct)
			ex := Extract(Article{Text: c.text, Lang: c.lang, Published: dct})
			if len(ex.Events) != len(c.want) {
				for _, e := range ex.Events {
					t.Logf("%s..%s %s %q", e.Date.Value, e.End.Value, e.Status, e.Headline)
				}
				t.Fatalf("%d events, want %d", len(ex.Events), len(c.want))
			}
			for i, w := range c.want {
				e := ex.Events[i]
				if e.Date.Value != w.value || e.End.Value != w.end || e.Status != w.status || e.Headline != w.headline {
					t.Errorf("event %d: %s..%s %s %q, want %s..%s %s %q", i, e.Date.Value, e.End.Value, e.Status, e.Headline,
						w.value, w.end, w.status, w.headline)
				}
			}
		})
	}
}
