package timeline

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// want is one expected expression: its text, type, value and modifier.
type want struct {
	text  string
	typ   Type
	value string
	mod   Mod
}

func (w want) String() string { return fmt.Sprintf("%q %s %s %s", w.text, w.typ, w.value, w.mod) }

// familyTests pin each family of expressions with the exact set of
// expressions a sentence must yield: a missing, extra or wrongly resolved
// one fails.
var familyTests = []struct {
	family string
	lang   string
	dct    string
	text   string
	want   []want
}{
	// Indonesian
	{"awal rentang mengikuti tahun ujungnya", "id", "2025-03-12",
		"Ekspor periode Januari-Maret 2024 naik. Pada November hingga Januari lalu harga turun, dan kontrak berlaku 28 Desember sampai 2 Januari 2026. Kontrak lama berlaku dari Desember 2023 sampai Februari.",
		[]want{{"Januari", TypeDate, "2024-01", ""}, {"Maret 2024", TypeDate, "2024-03", ""}, {"November", TypeDate, "2024-11", ""},
			{"Januari lalu", TypeDate, "2025-01", ""}, {"28 Desember", TypeDate, "2025-12-28", ""}, {"2 Januari 2026", TypeDate, "2026-01-02", ""},
			{"Desember 2023", TypeDate, "2023-12", ""}, {"Februari", TypeDate, "2024-02", ""}}},
	{"weekday with bracketed date", "id", "2019-12-30", "Kim mengadakan rapat pada Sabtu (28/12) dan hari Minggu (29/12).",
		[]want{{"Sabtu (28/12)", TypeDate, "2019-12-28", ""}, {"hari Minggu (29/12)", TypeDate, "2019-12-29", ""}}},
	{"weekday, date and part of day", "id", "2014-12-30", "Pesawat hilang kontak Minggu (28/12/2014) pagi dan dicari lagi Senin (29/12/2014) pukul 04.15 WIB.",
		[]want{{"Minggu (28/12/2014) pagi", TypeTime, "2014-12-28TMO", ""}, {"Senin (29/12/2014) pukul 04.15 WIB", TypeTime, "2014-12-29T04:15", ""}}},
	{"bracketed date of last year", "id", "2020-01-02", "Harga naik sejak Sabtu (28/12).",
		[]want{{"Sabtu (28/12)", TypeDate, "2019-12-28", ""}}},
	{"reported weekday is past", "id", "2019-12-30", "Penasihat itu mengatakan pada Minggu bahwa AS akan bertindak.",
		[]want{{"Minggu", TypeDate, "2019-12-29", ""}}},
	{"scheduled weekday is ahead", "id", "2019-12-26", "Dewan dijadwalkan mengadakan pertemuan pada Senin.",
		[]want{{"Senin", TypeDate, "2019-12-30", ""}}},
	{"full dates", "id", "2019-12-30", "Ia lahir Sabtu 19 April 1997 dan dilantik 29 Desember 2019.",
		[]want{{"Sabtu 19 April 1997", TypeDate, "1997-04-19", ""}, {"29 Desember 2019", TypeDate, "2019-12-29", ""}}},
	{"day of the month", "id", "2017-10-12", "Pendaftaran dibuka tanggal 24 kemarin.",
		[]want{{"tanggal 24 kemarin", TypeDate, "2017-09-24", ""}}},
	{"months", "id", "2019-12-30", "Komite bertemu pada 2018 dan April, lalu bulan Maret lalu, dan Desember 2019.",
		[]want{{"2018", TypeDate, "2018", ""}, {"April", TypeDate, "2019-04", ""}, {"bulan Maret lalu", TypeDate, "2019-03", ""}, {"Desember 2019", TypeDate, "2019-12", ""}}},
	{"month abbreviations", "id", "2019-12-30", "Laporan 5 Agu 2019 dan 3 Des 2018.",
		[]want{{"5 Agu 2019", TypeDate, "2019-08-05", ""}, {"3 Des 2018", TypeDate, "2018-12-03", ""}}},
	{"years in context", "id", "2019-12-30", "Uji rudal ditangguhkan sejak 2017, sidang pertama pada tahun 2013.",
		[]want{{"2017", TypeDate, "2017", ""}, {"tahun 2013", TypeDate, "2013", ""}}},
	{"years after a name or a preposition", "id", "2015-03-02", "Target APBN 2016 lebih tinggi, dan Piala Dunia 2014 menarik penonton sepanjang 2014 lalu.",
		[]want{{"2016", TypeDate, "2016", ""}, {"2014", TypeDate, "2014", ""}, {"2014", TypeDate, "2014", ""}}},
	{"clock time after yesterday's sentence is today's", "id", "2015-03-02", "Kemarin indeks ditutup melemah. Indeks dibuka menguat pukul 09.15 WIB.",
		[]want{{"Kemarin", TypeDate, "2015-03-01", ""}, {"pukul 09.15 WIB", TypeTime, "2015-03-02T09:15", ""}}},
	{"clock time in yesterday's sentence is yesterday's", "id", "2015-03-02", "Kemarin indeks ditutup pukul 16.00 WIB.",
		[]want{{"Kemarin", TypeDate, "2015-03-01", ""}, {"pukul 16.00 WIB", TypeTime, "2015-03-01T16:00", ""}}},
	{"decimal halves", "id", "2015-03-02", "Proyek molor 2,5 tahun dan rapat 1,5 jam; inflasi 2,5 persen, dana Rp 12,5 juta.",
		[]want{{"2,5 tahun", TypeDuration, "P2Y6M", ""}, {"1,5 jam", TypeDuration, "PT1H30M", ""}}},
	{"lately", "id", "2015-03-02", "Harga belakangan merosot.",
		[]want{{"belakangan", TypeDate, "PAST_REF", ""}}},
	{"numbers that are not years", "id", "2019-12-30", "Sebanyak 300 peserta, Rp 1,24 triliun, pesawat A320-200 nomor QZ8501 dan 2.000 orang.",
		nil},
	{"relative days", "id", "2019-12-30", "Kemarin hujan, hari ini cerah, besok mendung, lusa badai.",
		[]want{{"Kemarin", TypeDate, "2019-12-29", ""}, {"hari ini", TypeDate, "2019-12-30", ""}, {"besok", TypeDate, "2019-12-31", ""}, {"lusa", TypeDate, "2020-01-01", ""}}},
	{"weeks: minggu lalu is a week, Minggu a Sunday", "id", "2019-12-30", "Harga turun minggu lalu, naik pada Minggu, dan dibahas pekan depan.",
		[]want{{"minggu lalu", TypeDate, "2019-W52", ""}, {"Minggu", TypeDate, "2019-12-29", ""}, {"pekan depan", TypeDate, "2020-W02", ""}}},
	{"months and years around now", "id", "2019-12-30", "Bulan ini, tahun lalu, bulan depan dan tahun depan.",
		[]want{{"Bulan ini", TypeDate, "2019-12", ""}, {"tahun lalu", TypeDate, "2018", ""}, {"bulan depan", TypeDate, "2020-01", ""}, {"tahun depan", TypeDate, "2020", ""}}},
	{"counted offsets", "id", "2019-12-30", "Ia tiba tiga hari lalu dan pulang dua pekan lagi.",
		[]want{{"tiga hari lalu", TypeDate, "2019-12-27", ""}, {"dua pekan lagi", TypeDate, "2020-01-13", ""}}},
	{"offsets from the date last mentioned", "id", "2018-08-06", "Gempa terjadi 29 Juli 2018. Sehari kemudian ada susulan, dan dua pekan kemudian gempa lagi.",
		[]want{{"29 Juli 2018", TypeDate, "2018-07-29", ""}, {"Sehari kemudian", TypeDate, "2018-07-30", ""}, {"dua pekan kemudian", TypeDate, "2018-08-12", ""}}},
	{"modifiers", "id", "2019-12-30", "Kim berkuasa sejak akhir 2011; usulan diajukan awal bulan ini, rampung pertengahan tahun depan, dibahas menjelang akhir tahun dan di penghujung 2018.",
		[]want{{"akhir 2011", TypeDate, "2011", ModEnd}, {"awal bulan ini", TypeDate, "2019-12", ModStart}, {"pertengahan tahun depan", TypeDate, "2020", ModMid}, {"akhir tahun", TypeDate, "2019", ModEnd}, {"penghujung 2018", TypeDate, "2018", ModEnd}}},
	{"clock times", "id", "2019-12-30", "Kereta berangkat pukul 05.00 WIB dan tiba jam 06.00 WIB pagi.",
		[]want{{"pukul 05.00 WIB", TypeTime, "2019-12-30T05:00", ""}, {"jam 06.00 WIB pagi", TypeTime, "2019-12-30T06:00", ""}}},
	{"parts of day", "id", "2020-01-04", "Rapat Senin pagi, Selasa siang, Rabu sore, Kamis petang dan Jumat malam.",
		[]want{{"Senin pagi", TypeTime, "2019-12-30TMO", ""}, {"Selasa siang", TypeTime, "2019-12-31TAF", ""}, {"Rabu sore", TypeTime, "2020-01-01TAF", ""}, {"Kamis petang", TypeTime, "2020-01-02TEV", ""}, {"Jumat malam", TypeTime, "2020-01-03TNI", ""}}},
	{"durations", "id", "2019-12-30", "Ia ditahan tiga hari, lalu 48 jam, beberapa bulan, bertahun-tahun, dan lebih dari satu hari.",
		[]want{{"tiga hari", TypeDuration, "P3D", ""}, {"48 jam", TypeDuration, "PT48H", ""}, {"beberapa bulan", TypeDuration, "PXM", ""}, {"bertahun-tahun", TypeDuration, "PXY", ""}, {"lebih dari satu hari", TypeDuration, "P1D", ModMoreThan}}},
	{"number words", "id", "2019-12-30", "Ia menunggu sebelas hari, dua puluh tahun, sehari, sepekan, sebulan dan setahun.",
		[]want{{"sebelas hari", TypeDuration, "P11D", ""}, {"dua puluh tahun", TypeDuration, "P20Y", ""}, {"sehari", TypeDuration, "P1D", ""}, {"sepekan", TypeDuration, "P1W", ""}, {"sebulan", TypeDuration, "P1M", ""}, {"setahun", TypeDuration, "P1Y", ""}}},
	{"sets", "id", "2019-12-30", "Festival digelar setiap tahun dan rapat tiap Senin.",
		[]want{{"setiap tahun", TypeSet, "P1Y", ""}, {"tiap Senin", TypeSet, "XXXX-WXX-1", ""}}},
	{"vague references", "id", "2019-12-30", "Saat ini harga naik; kini stok aman, sekarang pasokan lancar; saat itu sepi, dulu murah, nanti mahal.",
		[]want{{"Saat ini", TypeDate, "PRESENT_REF", ""}, {"kini", TypeDate, "PRESENT_REF", ""}, {"sekarang", TypeDate, "PRESENT_REF", ""}, {"saat itu", TypeDate, "PAST_REF", ""}, {"dulu", TypeDate, "PAST_REF", ""}, {"nanti", TypeDate, "FUTURE_REF", ""}}},
	{"ranges, lists and halves", "id", "2024-11-14", "Pemulihan butuh 2-3 hari atau dua setengah tahun; ia menjabat antara 2009 dan 2017 sebelum kembali.",
		[]want{{"2-3 hari", TypeDuration, "P2D", ModEqualOrMore}, {"dua setengah tahun", TypeDuration, "P2Y6M", ""}, {"2009", TypeDate, "2009", ""}, {"2017", TypeDate, "2017", ""}}},
	{"ranges of days", "id", "2024-11-14", "KTT berlangsung pada 11-22 November 2023, dan pameran 5 hingga 7 Desember mendatang.",
		[]want{{"11", TypeDate, "2023-11-11", ""}, {"22 November 2023", TypeDate, "2023-11-22", ""}, {"5", TypeDate, "2024-12-05", ""}, {"7 Desember mendatang", TypeDate, "2024-12-07", ""}}},
	{"since points to the past", "id", "2014-11-19", "Harga minyak turun 25 persen sejak Juni, dan OPEC bertemu pada 27 November mendatang.",
		[]want{{"Juni", TypeDate, "2014-06", ""}, {"27 November mendatang", TypeDate, "2014-11-27", ""}}},
	{"a moving holiday follows the tense", "id", "2024-11-14", "Arus mudik diperkirakan memuncak pada Lebaran, kata menteri beberapa waktu lalu.",
		[]want{{"Lebaran", TypeDate, "2025-03-31", ""}, {"beberapa waktu lalu", TypeDate, "PAST_REF", ""}}},
	{"a newspaper is no recurrence", "id", "2024-11-14", "Seperti dikutip harian Kompas, rapat digelar setiap hari dan laporan harian disusun.",
		[]want{{"setiap hari", TypeSet, "P1D", ""}, {"harian", TypeSet, "P1D", ""}}},
	{"a part of the day last mentioned", "id", "2024-11-14", "Polisi tiba pada Senin (11/11). Malam harinya massa berkumpul, dan pagi itu mereka pergi.",
		[]want{{"Senin (11/11)", TypeDate, "2024-11-11", ""}, {"Malam harinya", TypeTime, "2024-11-11TNI", ""}, {"pagi itu", TypeTime, "2024-11-11TMO", ""}}},
	{"weeks ago name a week, weeks ahead a day", "id", "2024-03-08", "Longsor terjadi dua minggu lalu, dan perbaikan rampung dua pekan lagi.",
		[]want{{"dua minggu lalu", TypeDate, "2024-W08", ""}, {"dua pekan lagi", TypeDate, "2024-03-22", ""}}},
	{"midday", "id", "2024-11-14", "Unjuk rasa dimulai tengah hari dan bubar pukul 15.00 WIB.",
		[]want{{"tengah hari", TypeTime, "2024-11-14T12:00", ""}, {"pukul 15.00 WIB", TypeTime, "2024-11-14T15:00", ""}}},
	{"holiday countdowns", "id", "2024-11-14", "Arus mudik diperkirakan memuncak pada H-3 Lebaran; pada H-1 Natal gereja penuh, H-7 saja belum.",
		[]want{{"H-3 Lebaran", TypeDate, "2025-03-28", ""}, {"H-1 Natal", TypeDate, "2024-12-24", ""}}},
	{"lately after a unit", "id", "2024-11-14", "Harga cabai melonjak setahun belakangan dan akan turun dalam waktu dekat.",
		[]want{{"setahun belakangan", TypeDuration, "P1Y", ""}, {"waktu dekat", TypeDate, "FUTURE_REF", ""}}},
	{"a deadline moved lies ahead", "id", "2024-11-14", "Sidang ditunda hingga Senin karena hakim sakit.",
		[]want{{"Senin", TypeDate, "2024-11-18", ""}}},
	{"a count before the day before", "id", "2024-11-14", "Polisi menangkap pelaku pada Senin (11/11). Dua hari sebelumnya ia kabur.",
		[]want{{"Senin (11/11)", TypeDate, "2024-11-11", ""}, {"Dua hari sebelumnya", TypeDate, "2024-11-09", ""}}},
	{"quarters and halves with a slash", "id", "2024-11-14", "Laba semester I/2024 turun, sedangkan pendapatan Q3 2024 dan triwulan I-2025 naik.",
		[]want{{"semester I/2024", TypeDate, "2024-H1", ""}, {"Q3 2024", TypeDate, "2024-Q3", ""}, {"triwulan I-2025", TypeDate, "2025-Q1", ""}}},
	{"decades and seasons", "id", "2019-12-30", "Sejak tahun 1990-an banjir datang tiap musim hujan; musim kemarau juga panjang.",
		[]want{{"tahun 1990-an", TypeDate, "199", ""}, {"tiap musim hujan", TypeSet, "XXXX-WI", ""}, {"musim kemarau", TypeDate, "2019-SU", ""}}},
	{"quarters", "id", "2015-03-18", "Rupiah stabil pada kuartal II 2015 setelah defisit kuartal IV tahun lalu.",
		[]want{{"kuartal II 2015", TypeDate, "2015-Q2", ""}, {"kuartal IV tahun lalu", TypeDate, "2014-Q4", ""}}},
	{"anchored and anaphoric days", "id", "2014-12-30", "Pencarian dihentikan Senin (29/12/2014) dan dilanjutkan keesokan harinya; hari itu cuaca membaik.",
		[]want{{"Senin (29/12/2014)", TypeDate, "2014-12-29", ""}, {"keesokan harinya", TypeDate, "2014-12-30", ""}, {"hari itu", TypeDate, "2014-12-29", ""}}},
	{"later and earlier today, vague offsets", "id", "2017-08-17", "Upacara digelar pagi ini, penurunan bendera sore nanti; upacara serupa digelar puluhan tahun lalu.",
		[]want{{"pagi ini", TypeTime, "2017-08-17TMO", ""}, {"sore nanti", TypeTime, "2017-08-17TAF", ""}, {"puluhan tahun lalu", TypeDate, "PAST_REF", ""}}},
	{"holidays and frequencies", "id", "2019-12-20", "Toko tutup saat Natal dan buka dua kali sehari.",
		[]want{{"Natal", TypeDate, "2019-12-25", ""}, {"sehari", TypeSet, "P1D", ""}}},
	{"hour offsets from a clock time", "id", "2016-01-15", "Ledakan terjadi pukul 10.40 WIB dan situasi terkendali tiga jam kemudian.",
		[]want{{"pukul 10.40 WIB", TypeTime, "2016-01-15T10:40", ""}, {"tiga jam kemudian", TypeTime, "2016-01-15T13:40", ""}}},
	{"day of an event", "id", "2019-12-30", "Sidang dimulai Sabtu (28/12). Pada hari kedua sidang membahas ekonomi.",
		[]want{{"Sabtu (28/12)", TypeDate, "2019-12-28", ""}, {"hari kedua", TypeDate, "2019-12-29", ""}}},

	// English
	{"weekdays", "en", "1998-02-13", "The two presidents on Friday signed the plan. He said Thursday it will close Monday.",
		[]want{{"Friday", TypeDate, "1998-02-13", ""}, {"Thursday", TypeDate, "1998-02-12", ""}, {"Monday", TypeDate, "1998-02-16", ""}}},
	{"the start of a range takes the year of its end", "en", "2025-03-12",
		"Exports rose in January-March 2024. Between March and May, the plant was idle. The offer runs from 28 December to 2 January 2026, and the old one from November 2023 until February.",
		[]want{{"January", TypeDate, "2024-01", ""}, {"March 2024", TypeDate, "2024-03", ""}, {"March", TypeDate, "2024-03", ""},
			{"May", TypeDate, "2024-05", ""}, {"28 December", TypeDate, "2025-12-28", ""}, {"2 January 2026", TypeDate, "2026-01-02", ""},
			{"November 2023", TypeDate, "2023-11", ""}, {"February", TypeDate, "2024-02", ""}}},
	{"relative days and nights", "en", "2025-02-14", "A storm cut power overnight; crews worked through last night and yesterday, and return tomorrow and tonight.",
		[]want{{"overnight", TypeTime, "2025-02-13TNI", ""}, {"last night", TypeTime, "2025-02-13TNI", ""}, {"yesterday", TypeDate, "2025-02-13", ""},
			{"tomorrow", TypeDate, "2025-02-15", ""}, {"tonight", TypeTime, "2025-02-14TNI", ""}}},
	{"months take the tense of regular and irregular past verbs", "en", "1989-11-02",
		"He stepped down as chairman, president and chief executive in March. KKR bought RJR in February. The appeal is heard in January, and guidelines to be published in February follow.",
		[]want{{"March", TypeDate, "1989-03", ""}, {"February", TypeDate, "1989-02", ""}, {"January", TypeDate, "1990-01", ""}, {"February", TypeDate, "1990-02", ""}}},
	{"full and partial dates", "en", "1989-10-26", "The offer expires Nov. 6; it was made Aug. 10, 1988, and in July 1997.",
		[]want{{"Nov. 6", TypeDate, "1989-11-06", ""}, {"Aug. 10, 1988", TypeDate, "1988-08-10", ""}, {"July 1997", TypeDate, "1997-07", ""}}},
	{"deictic units", "en", "1989-10-26", "Sales rose last week, this year and last month, and will rise next year.",
		[]want{{"last week", TypeDate, "1989-W42", ""}, {"this year", TypeDate, "1989", ""}, {"last month", TypeDate, "1989-09", ""}, {"next year", TypeDate, "1990", ""}}},
	{"past spans", "en", "2000-01-28", "Prices fell over the past two months and the past several months.",
		[]want{{"the past two months", TypeDuration, "P2M", ""}, {"the past several months", TypeDuration, "PXM", ""}}},
	{"vague stretches around now", "en", "2003-05-14", "Costs climbed in recent weeks and may ease in the coming years.",
		[]want{{"recent weeks", TypeDuration, "PXW", ""}, {"the coming years", TypeDuration, "PXY", ""}}},
	{"bare plurals after a cue", "en", "2003-05-14", "The plant sat idle for years and may reopen within weeks, but years of work remain.",
		[]want{{"years", TypeDuration, "PXY", ""}, {"weeks", TypeDuration, "PXW", ""}}},
	{"the past on its own", "en", "2003-05-14", "In the past the mill flooded; past results and the past two years differ.",
		[]want{{"the past", TypeDate, "PAST_REF", ""}, {"the past two years", TypeDuration, "P2Y", ""}}},
	{"weekday the day after publication", "en", "2003-05-15", "The ministry said Friday that talks resume Friday.",
		[]want{{"Friday", TypeDate, "2003-05-09", ""}, {"Friday", TypeDate, "2003-05-16", ""}}},
	{"halves", "en", "2003-05-14", "Talks took 2 1/2 years, then an hour and a half, and 1.5 weeks; shares rose 2.5%.",
		[]want{{"2 1/2 years", TypeDuration, "P2Y6M", ""}, {"an hour and a half", TypeDuration, "PT1H30M", ""}, {"1.5 weeks", TypeDuration, "P1.5W", ""}}},
	{"years in words", "en", "2003-05-14", "She left in nineteen eighty-two, came back in March nineteen ninety-one and plans to retire by the year two thousand ten.",
		[]want{{"nineteen eighty-two", TypeDate, "1982", ""}, {"March nineteen ninety-one", TypeDate, "1991-03", ""}, {"the year two thousand ten", TypeDate, "2010", ""}}},
	{"counts in the thousands are not years", "en", "2003-05-14", "About two thousand people and nineteen trucks waited for two hundred minutes.",
		[]want{{"two hundred minutes", TypeDuration, "PT200M", ""}}},
	{"durations", "en", "1998-01-08", "It took a decade, three days and at least 72 hours.",
		[]want{{"a decade", TypeDuration, "P1E", ""}, {"three days", TypeDuration, "P3D", ""}, {"at least 72 hours", TypeDuration, "PT72H", ModEqualOrMore}}},
	{"modifiers", "en", "2000-04-01", "Talks began in mid-2012, resumed late November, and date to the early 1990s.",
		[]want{{"mid-2012", TypeDate, "2012", ModMid}, {"late November", TypeDate, "1999-11", ModEnd}, {"the early 1990s", TypeDate, "199", ModStart}}},
	{"ago and earlier", "en", "1989-10-26", "Two years ago it lost money; earlier this week it said profit rose.",
		[]want{{"Two years ago", TypeDate, "1987", ""}, {"earlier this week", TypeDate, "1989-W43", ModStart}}},
	{"quarters and fiscal years", "en", "1989-10-26", "Profit in the third quarter rose, and fiscal 1999 looks strong.",
		[]want{{"the third quarter", TypeDate, "1989-Q3", ""}, {"fiscal 1999", TypeDate, "1999", ""}}},
	{"year-ago quarter", "en", "1989-10-26", "Net rose in the third quarter from the year-earlier quarter.",
		[]want{{"the third quarter", TypeDate, "1989-Q3", ""}, {"the year-earlier quarter", TypeDate, "1988-Q3", ""}}},
	{"clock times with zones", "en", "1989-10-30", "The offer expires at 5 p.m. EST, Nov. 6, and trading opens at 9:30 a.m.",
		[]want{{"5 p.m. EST, Nov. 6", TypeTime, "1989-11-06T17:00", ""}, {"9:30 a.m.", TypeTime, "1989-11-06T09:30", ""}}},
	{"present references", "en", "1998-03-04", "Now the firm is currently profitable.",
		[]want{{"Now", TypeDate, "PRESENT_REF", ""}, {"currently", TypeDate, "PRESENT_REF", ""}}},
	{"sets", "en", "1998-03-22", "Shows run each season, every month and daily.",
		[]want{{"each season", TypeSet, "P3M", ""}, {"every month", TypeSet, "P1M", ""}, {"daily", TypeSet, "P1D", ""}}},
	{"fractions and ages are not times", "en", "1989-10-26", "Shares rose 7/8 to 25 3/8, and the 6-year-old boy left.",
		nil},
	{"holidays and anchored days", "en", "2000-01-07", "They met on Thanksgiving Day and again the next day.",
		[]want{{"Thanksgiving Day", TypeDate, "1999-11-25", ""}, {"the next day", TypeDate, "1999-11-26", ""}}},
	{"anaphoric units", "en", "2000-01-28", "The boy arrived in 1998, and later that year he moved.",
		[]want{{"1998", TypeDate, "1998", ""}, {"that year", TypeDate, "1998", ""}}},
	{"ranges of counts", "en", "2024-11-14", "Repairs take 10-12 days or two to three weeks, and the 2024-25 season is over.",
		[]want{{"10-12 days", TypeDuration, "P10D", ModEqualOrMore}, {"two to three weeks", TypeDuration, "P2W", ModEqualOrMore}, {"2024", TypeDate, "2024", ""}}},
	{"years listed after a year", "en", "2024-11-14", "He served between 2009 and 2017 before returning; prices rose in 2019, 2020 and 2022 before easing.",
		[]want{{"2009", TypeDate, "2009", ""}, {"2017", TypeDate, "2017", ""}, {"2019", TypeDate, "2019", ""}, {"2020", TypeDate, "2020", ""}, {"2022", TypeDate, "2022", ""}}},
	{"business abbreviations", "en", "2024-11-14", "Q4 2023 revenue fell, H1 2024 sales and FY24 profit rose, but the Audi Q3, the H1N1 virus and H2 fuel are no dates.",
		[]want{{"Q4 2023", TypeDate, "2023-Q4", ""}, {"H1 2024", TypeDate, "2024-H1", ""}, {"FY24", TypeDate, "2024", ""}}},
	{"quarters count as quarters", "en", "2024-11-14", "Profit fell in the past two quarters and is reported every quarter.",
		[]want{{"the past two quarters", TypeDuration, "P2Q", ""}, {"every quarter", TypeSet, "P1Q", ""}}},
	{"a half between count and unit", "en", "2024-11-14", "The works lasted two and a half years.",
		[]want{{"two and a half years", TypeDuration, "P2Y6M", ""}}},
	{"since points to the past", "en", "2024-11-14", "He has been chief executive since December.",
		[]want{{"December", TypeDate, "2023-12", ""}}},
	{"a deadline moved lies ahead", "en", "2024-11-14", "The vote was postponed until Tuesday after a walkout.",
		[]want{{"Tuesday", TypeDate, "2024-11-19", ""}}},
	{"ranges of days", "en", "2024-11-14", "The summit ran Nov. 11-22, 2023, and scores were 2-1.",
		[]want{{"Nov. 11", TypeDate, "2023-11-11", ""}, {"22, 2023", TypeDate, "2023-11-22", ""}}},
	{"a clock time takes the day named later in its clause", "en", "2024-11-14", "The blast occurred at 10:45 a.m. local time (0745 GMT) on Wednesday.",
		[]want{{"10:45 a.m.", TypeTime, "2024-11-13T10:45", ""}, {"Wednesday", TypeDate, "2024-11-13", ""}}},
	{"a clock time keeps its day across a conjunction", "en", "2024-11-14", "Talks began at 9 a.m. and on Friday ended.",
		[]want{{"9 a.m.", TypeTime, "2024-11-14T09:00", ""}, {"Friday", TypeDate, "2024-11-08", ""}}},
	{"a part of the day last mentioned", "en", "2024-11-14", "Police arrived on Monday. That night, protesters gathered.",
		[]want{{"Monday", TypeDate, "2024-11-11", ""}, {"That night", TypeTime, "2024-11-11TNI", ""}}},
	{"midday", "en", "2024-11-14", "The rally began at midday on Friday.",
		[]want{{"midday", TypeTime, "2024-11-08T12:00", ""}, {"Friday", TypeDate, "2024-11-08", ""}}},
	{"a numeric ordinal day of the month", "en", "2024-11-20", "On the 14th, he flew home; the 5th floor stayed shut.",
		[]want{{"the 14th", TypeDate, "2024-11-14", ""}}},
	{"ordinal centuries and days", "en", "2003-05-14", "The 11th-century temple, restored in the nineteenth century, opened on March 21st.",
		[]want{{"11th-century", TypeDate, "10", ""}, {"the nineteenth century", TypeDate, "18", ""}, {"March 21st", TypeDate, "2003-03-21", ""}}},
	{"a hyphenated modifier points to a year", "en", "2003-05-14", "The rebels split in mid-1996 after the defection.",
		[]want{{"mid-1996", TypeDate, "1996", ModMid}}},
	{"weekend and seasons", "en", "1989-10-30", "Talks over the weekend follow last fall's collapse.",
		[]want{{"the weekend", TypeDate, "1989-W43-WE", ""}, {"last fall", TypeDate, "1988-FA", ""}}},
}

func TestFamilies(t *testing.T) {
	for _, tt := range familyTests {
		t.Run(tt.lang+"/"+tt.family, func(t *testing.T) {
			dct, err := time.Parse("2006-01-02", tt.dct)
			if err != nil {
				t.Fatal(err)
			}
			res := Extract(tt.text, Options{Lang: tt.lang, DCT: dct})
			var got []want
			for _, x := range res.Timexes {
				got = append(got, want{x.Text, x.Type, x.Value, x.Mod})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				var why []string
				for _, x := range res.Timexes {
					why = append(why, x.Explanation)
				}
				t.Errorf("%s\n got %v\nwant %v\n%s", tt.text, got, tt.want, strings.Join(why, "\n"))
			}
		})
	}
}

func TestDCTInference(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"weekday agreeing with a day-month, copyright year and report day",
			"Rapat digelar Sabtu (28/12) dan Minggu (29/12), menurut KCNA, Senin.\n\nCopyright © ANTARA 2019", "2019-12-30"},
		{"fully dated mention", "Menteri menyampaikan hal itu, Kamis (17/10/2013), di Jakarta.", "2013-10-17"},
		{"the reader's day of an event abroad", "Indeks saham jatuh pada Jumat (6/3/2015) waktu setempat (Sabtu dini hari WIB).", "2015-03-07"},
		{"a bracketed weekday far from the date is no report day", "Rapat digelar Senin (2/3/2015); hasilnya dibahas lagi (Jumat) pekan depan.", "2015-03-02"},
		{"no dated mention", "Harga naik tajam pekan lalu.", ""},
		{"a planned date is not the publication date", "Kamis (5/12/2013) rapat digelar. Aturan akan berlaku 1 Juni 2014.", "2013-12-05"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Extract(tt.text, Options{Lang: "id"})
			got := ""
			if !res.DCT.IsZero() {
				got = res.DCT.Format("2006-01-02")
			}
			if got != tt.want || res.DCTInferred != (tt.want != "") {
				t.Errorf("DCT %q (inferred %v, %s); want %q", got, res.DCTInferred, res.DCTEvidence, tt.want)
			}
		})
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Kim mengadakan pertemuan para pejabat tinggi partai pada Sabtu untuk membahas masalah yang macet.", "id"},
		{"The company said on Friday that its profit rose in the third quarter.", "en"},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%q) = %q; want %q", tt.text, got, tt.want)
		}
		if got := Extract(tt.text, Options{Lang: "auto"}).Lang; got != tt.want {
			t.Errorf("Extract(auto).Lang = %q; want %q", got, tt.want)
		}
	}
}

// TestCalendarValuesParse checks that every calendar value the tagger
// produces on the gold sets names an interval ParseDate accepts.
func TestCalendarValuesParse(t *testing.T) {
	for _, path := range []string{"../testdata/timex/id-gold.jsonl", "../testdata/timex/antara-2019-12-30-kim-plenary.timex.jsonl"} {
		for _, doc := range readGold(t, path) {
			dct, _ := time.Parse("2006-01-02", doc.DCT)
			for _, x := range Extract(doc.Text, Options{Lang: doc.Lang, DCT: dct}).Timexes {
				if x.Type != TypeDate && x.Type != TypeTime || strings.HasSuffix(x.Value, "_REF") || strings.Contains(x.Value, "X") {
					continue
				}
				if _, err := ParseDate(x.Value, x.Mod); err != nil {
					t.Errorf("%s: %q -> %q: %v", doc.ID, x.Text, x.Value, err)
				}
			}
		}
	}
}
