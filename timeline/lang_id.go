package timeline

// packID is Indonesian, as written in national news (Antara, Kompas).
var packID = &Pack{
	Code: "id",
	Months: map[string]int{
		"januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3,
		"april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
		"agustus": 8, "agu": 8, "agt": 8, "agus": 8, "ags": 8, "september": 9, "sep": 9, "sept": 9,
		"oktober": 10, "okt": 10, "november": 11, "nopember": 11, "nov": 11, "nop": 11,
		"desember": 12, "des": 12,
	},
	Weekdays: map[string]int{
		"senin": 1, "selasa": 2, "rabu": 3, "kamis": 4, "jumat": 5, "jum'at": 5, "jum’at": 5,
		"sabtu": 6, "minggu": 7, "ahad": 7,
	},
	// "minggu" is also the week, "mar", "jun", "des", "agus" are also
	// ordinary words or names.
	NamesNeedCapital: []string{"minggu", "mar", "jun", "jul", "des", "agus", "agu", "sep", "nov", "mei", "apr", "jan", "feb", "okt", "nop", "agt", "ags"},
	Abbreviations: []string{"jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "agus", "ags", "sep", "sept",
		"okt", "nov", "nop", "des"},
	PeriodNouns: []string{"periode"},
	AgeBefore:   []string{"berusia", "usia", "umur", "berumur", "usianya", "umurnya"},
	Numbers: map[string]int{
		"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
		"delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12, "tiga belas": 13,
		"empat belas": 14, "lima belas": 15, "enam belas": 16, "tujuh belas": 17, "delapan belas": 18,
		"sembilan belas": 19, "dua puluh": 20, "tiga puluh": 30, "empat puluh": 40, "lima puluh": 50,
		"enam puluh": 60, "tujuh puluh": 70, "delapan puluh": 80, "sembilan puluh": 90, "seratus": 100, "ratus": 100, "seribu": 1000, "ribu": 1000,
	},
	Ordinals: map[string]int{
		"pertama": 1, "kesatu": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6,
		"ketujuh": 7, "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10,
		"i": 1, "ii": 2, "iii": 3, "iv": 4,
	},
	OrdinalPrefix: []string{"ke"},
	Units: map[string]unit{
		"detik": unitSecond, "menit": unitMinute, "jam": unitHour, "hari": unitDay,
		"pekan": unitWeek, "minggu": unitWeek, "bulan": unitMonth, "kuartal": unitQuarter,
		"triwulan": unitQuarter, "musim": unitSeason, "semester": unitHalf, "tahun": unitYear, "dekade": unitDecade,
		"dasawarsa": unitDecade, "abad": unitCentury,
	},
	CountedUnits: map[string]unit{
		"sedetik": unitSecond, "semenit": unitMinute, "sejam": unitHour, "sehari": unitDay,
		"sepekan": unitWeek, "seminggu": unitWeek, "sebulan": unitMonth, "setahun": unitYear,
		"sedekade": unitDecade, "seabad": unitCentury,
	},
	VagueUnits: map[string]unit{
		"berjam-jam": unitHour, "berhari-hari": unitDay, "berminggu-minggu": unitWeek,
		"berbulan-bulan": unitMonth, "bertahun-tahun": unitYear, "berabad-abad": unitCentury,
		"puluhan tahun": unitYear, "ratusan tahun": unitYear, "belasan tahun": unitYear,
	},
	AndHalf: []string{"setengah"},
	Vague:   []string{"beberapa", "sejumlah", "berapa"},
	RelativeDays: map[string]int{
		"kemarin": -1, "kemarin lusa": -2, "hari ini": 0, "besok": 1, "esok": 1, "esok hari": 1,
		"besok lusa": 2, "lusa": 2, "tadi malam": -1, "semalam": -1, "tadi pagi": 0, "tadi siang": 0,
		"tadi sore": 0,
	},
	AnchoredDays: map[string]int{
		"keesokan harinya": 1, "keesokan hari": 1, "keesokannya": 1, "esoknya": 1, "esok harinya": 1,
		"hari berikutnya": 1, "sehari sebelumnya": -1, "sehari setelahnya": 1, "hari sebelumnya": -1,
	},
	BareNumericDates: true,
	Deictics: map[string]int{
		"lalu": -1, "yang lalu": -1, "kemarin": -1, "silam": -1, "yang silam": -1,
		"ini": 0, "sekarang": 0, "depan": 1, "mendatang": 1, "yang akan datang": 1, "terakhir": -1, "ke depan": 1,
		"belakangan": -1,
		// "sore nanti", "pagi tadi": later or earlier today
		"nanti": 0, "tadi": 0,
	},
	AnchoredDeictics: map[string]int{"berikutnya": 1, "selanjutnya": 1, "sesudahnya": 1, "setelahnya": 1, "itu": 0, "yang sama": 0, "harinya": 0},
	DeicticAfterUnit: true,
	Shifts: map[string]Shift{
		"lalu": {Dir: -1}, "yang lalu": {Dir: -1}, "silam": {Dir: -1}, "yang silam": {Dir: -1},
		"lagi":     {Dir: 1},
		"kemudian": {Dir: 1, FromRef: true}, "setelahnya": {Dir: 1, FromRef: true},
		"sesudahnya": {Dir: 1, FromRef: true}, "sebelumnya": {Dir: -1, FromRef: true},
	},
	Refs: map[string]string{
		"saat ini": "PRESENT_REF", "kini": "PRESENT_REF", "sekarang": "PRESENT_REF",
		"dewasa ini": "PRESENT_REF", "belakangan ini": "PAST_REF", "belakangan": "PAST_REF", "baru-baru ini": "PAST_REF",
		"saat itu": "PAST_REF", "ketika itu": "PAST_REF", "waktu itu": "PAST_REF", "kala itu": "PAST_REF",
		"dulu": "PAST_REF", "dahulu": "PAST_REF", "masa lalu": "PAST_REF",
		"nanti": "FUTURE_REF", "kelak": "FUTURE_REF", "masa depan": "FUTURE_REF",
		"masa mendatang": "FUTURE_REF", "waktu dekat": "FUTURE_REF",
		"beberapa waktu lalu": "PAST_REF", "beberapa waktu yang lalu": "PAST_REF", "tempo hari": "PAST_REF",
	},
	PartsOfDay: map[string]string{
		"pagi": "MO", "siang": "AF", "sore": "AF", "petang": "EV", "malam": "NI",
		"dini hari": "NI", "tengah malam": "NI", "tadi malam": "NI", "semalam": "NI", "tadi pagi": "MO",
		"tadi siang": "AF", "tadi sore": "AF",
	},
	Clock:      []string{"pukul", "jam", "pkl"},
	Zones:      []string{"wib", "wita", "wit", "gmt", "utc"},
	ClockNames: map[string]int{"tengah hari": 12},
	Mods: map[string]Mod{
		"awal": ModStart, "permulaan": ModStart, "pertengahan": ModMid, "medio": ModMid,
		"akhir": ModEnd, "penghujung": ModEnd, "ujung": ModEnd,
	},
	Before: []string{"menjelang", "jelang"},
	QuantityMods: map[string]Mod{
		"lebih dari": ModMoreThan, "sekitar": ModApprox, "kira-kira": ModApprox,
		"hampir": ModLessThan, "kurang dari": ModLessThan, "setidaknya": ModEqualOrMore,
		"sedikitnya": ModEqualOrMore, "paling sedikit": ModEqualOrMore, "minimal": ModEqualOrMore,
		"paling lama": ModEqualOrLess, "maksimal": ModEqualOrLess,
	},
	Frequencies:  []string{"kali"},
	Sets:         []string{"setiap", "tiap", "saban", "per"},
	Conjunctions: []string{"dan", "atau", "serta"},
	RangeLinks:   []string{"hingga", "sampai", "sampai dengan", "dan", "ke"},
	SetWords: map[string]string{
		"harian": "P1D", "mingguan": "P1W", "bulanan": "P1M", "tahunan": "P1Y",
		"setiap hari": "P1D", "tiap hari": "P1D",
	},
	YearWords: []string{"tahun"},
	YearCues: []string{"pada", "sejak", "hingga", "sampai", "tahun", "pertengahan", "awal", "akhir", "penghujung", "menjelang", "jelang", "selama", "©", "dalam", "periode", "medio",
		"sepanjang", "sebelum", "setelah", "sesudah", "pasca", "usai", "di"},
	NotYearCues:    []string{"rp", "us$", "no", "nomor", "nomer", "pasal", "nopol"},
	DayWords:       []string{"hari", "tanggal", "tgl"},
	DecadeSuffixes: []string{"an"},
	Seasons: map[string]string{
		"musim semi": "SP", "musim panas": "SU", "musim gugur": "FA", "musim dingin": "WI",
		"musim hujan": "WI", "musim penghujan": "WI", "musim kemarau": "SU",
	},
	Weekend: []string{"akhir pekan", "akhir minggu"},
	// Holidays of the lunar calendars move: their dates, as the
	// government's holiday decrees set them, are in tables per year.
	Holidays: map[string]Holiday{
		"lebaran": idulFitri, "idul fitri": idulFitri, "idulfitri": idulFitri, "hari raya idul fitri": idulFitri,
		"idul adha": idulAdha, "iduladha": idulAdha, "imlek": imlek, "tahun baru imlek": imlek,
		"natal": {Month: 12, Day: 25}, "hari natal": {Month: 12, Day: 25},
		"malam natal": {Month: 12, Day: 24}, "tahun baru": {Month: 1, Day: 1},
		"malam tahun baru": {Month: 12, Day: 31}, "hari kemerdekaan": {Month: 8, Day: 17},
		"hari kartini": {Month: 4, Day: 21}, "hari buruh": {Month: 5, Day: 1},
		"hari pahlawan": {Month: 11, Day: 10}, "hari sumpah pemuda": {Month: 10, Day: 28},
	},
	Quarters: []string{"kuartal", "triwulan", "kwartal"},
	Halves:   []string{"semester"},
	// "Q3 2024" and "H1 2024" are common in Indonesian business news too.
	PartLetters: map[string]unit{"q": unitQuarter, "h": unitHalf},
	DayLetters:  []string{"h"},
	PastCues: []string{
		"mengatakan", "kata", "ujar", "ujarnya", "katanya", "menyatakan", "menjelaskan",
		"mengungkapkan", "menyebutkan", "melaporkan", "mengaku",
		"telah", "sudah", "pernah", "tewas", "lalu", "sebelumnya", "silam", "meninggal", "ditangkap",
		"kemarin", "tadi", "sempat", "dilaporkan",
		// what began "sejak Desember" began before publication
		"sejak", "semenjak",
	},
	FutureCues: []string{
		"akan", "dijadwalkan", "direncanakan", "berencana", "rencananya", "mendatang", "depan",
		"nanti", "bakal", "hendak", "segera", "besok", "diperkirakan", "targetkan", "ditargetkan",
		"menargetkan", "target", "rencana", "direncanakan", "mulai",
		// a deadline moved lies ahead of the move
		"ditunda hingga", "ditunda sampai", "diundur hingga", "diundur sampai", "diundur ke",
		"diperpanjang hingga", "diperpanjang sampai",
	},
	ClauseBreaks: []string{"bahwa", "agar", "supaya", "karena", "sehingga", "sementara", "sedangkan", "namun", "tetapi", "tapi"},
	Stopwords: []string{
		"yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "dalam", "tidak",
		"akan", "juga", "atau", "oleh", "karena", "adalah", "sebagai", "tersebut", "bahwa", "telah",
		"kata", "ada", "saat", "para", "mereka", "kami", "kita", "sudah", "lebih", "bisa", "hingga",
		"namun", "serta", "tetapi", "jika", "masih", "secara", "menjadi", "sejak", "setelah",
	},
	Copyright: []string{"copyright", "hak cipta", "©"},
}

// Moving holidays: the first day as Indonesia's joint decree on national
// holidays sets it.
var (
	idulFitri = Holiday{Dates: map[int]string{
		2012: "08-19", 2013: "08-08", 2014: "07-28", 2015: "07-17", 2016: "07-06", 2017: "06-25", 2018: "06-15",
		2019: "06-05", 2020: "05-24", 2021: "05-13", 2022: "05-02", 2023: "04-22", 2024: "04-10", 2025: "03-31", 2026: "03-20",
	}}
	idulAdha = Holiday{Dates: map[int]string{
		2015: "09-24", 2016: "09-12", 2017: "09-01", 2018: "08-22", 2019: "08-11", 2020: "07-31", 2021: "07-20",
		2022: "07-10", 2023: "06-29", 2024: "06-17", 2025: "06-06", 2026: "05-27",
	}}
	imlek = Holiday{Dates: map[int]string{
		2015: "02-19", 2016: "02-08", 2017: "01-28", 2018: "02-16", 2019: "02-05", 2020: "01-25", 2021: "02-12",
		2022: "02-01", 2023: "01-22", 2024: "02-10", 2025: "01-29", 2026: "02-17",
	}}
)
