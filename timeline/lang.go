package timeline

// unit is a calendar or clock unit a temporal expression counts in.
type unit uint8

// Units, finest first, so that comparisons order them by size.
const (
	unitNone unit = iota
	unitSecond
	unitMinute
	unitHour
	unitDay
	unitWeek
	unitMonth
	unitQuarter
	unitSeason
	unitHalf
	unitYear
	unitDecade
	unitCentury
)

// Shift is what an "ago" or "later" word does to a counted span: move
// backwards (Dir -1) or forwards (+1) from the publication date, or from the
// date the text last mentioned when FromRef is set ("a day later", "sehari
// kemudian").
type Shift struct {
	Dir     int
	FromRef bool
}

// Holiday is a named day: Month and Day, the Nth Weekday (1 = Monday) of
// Month, or, for holidays of a lunar calendar, its date in each year
// (Dates maps the year to "MM-DD").
type Holiday struct {
	Month, Day, Weekday, Nth int
	Dates                    map[int]string
}

// Pack is the language-specific data the engine needs, read from the
// language's folder of timeline/lang: each field tagged lex is the section of
// that name, each field tagged grammar an entry of the [grammar] section.
// Every key may be several words ("hari ini", "the end of"); keys are matched
// case-insensitively token by token, so "p.m." matches "p.m." and "P.M.".
type Pack struct {
	// Code is the code of the language (see Language).
	Code string
	// Months and Weekdays map names and abbreviations to 1..12 and 1..7
	// (Monday is 1). An abbreviation may be followed by a full stop.
	Months   map[string]int `lex:"months"`
	Weekdays map[string]int `lex:"weekdays"`
	// NamesNeedCapital lists month and weekday names that are ordinary
	// words when written in lower case ("may", "minggu" meaning week).
	NamesNeedCapital []string `lex:"names-need-capital"`
	// Abbreviations are month and weekday names that count only when a
	// full stop or a number follows them.
	Abbreviations []string `lex:"abbreviations"`
	// Numbers are cardinal number words; "se-" forms and "a" count as one.
	Numbers map[string]int `lex:"numbers"`
	// Ordinals are ordinal words ("kedua", "third", Roman "III" for quarters).
	Ordinals map[string]int `lex:"ordinals"`
	// OrdinalPrefix introduces a numeric ordinal ("ke" in "hari ke-3");
	// OrdinalSuffixes end one, glued to its digits ("th" in "20th").
	OrdinalPrefix   []string `lex:"ordinal-prefix"`
	OrdinalSuffixes []string `lex:"ordinal-suffixes"`
	// Units and PluralUnits name units; a bare plural ("years") is a vague
	// duration. CountedUnits fuse a count and a unit ("sehari", "setahun").
	Units        map[string]unit `lex:"units"`
	PluralUnits  map[string]unit `lex:"plural-units"`
	CountedUnits map[string]unit `lex:"counted-units"`
	// PluralCues are the words after which a bare plural unit is a
	// stretch of unknown length ("for years", "within weeks").
	PluralCues []string `lex:"plural-cues"`
	// StretchCues before a decade or century that a deictic word picks
	// make it the stretch of that length from now, not a calendar decade
	// ("over the next decade" is P10Y, "selama dekade mendatang" too).
	StretchCues []string `lex:"stretch-cues"`
	// AndHalf adds half a unit, after the unit or between the count and
	// the unit ("an hour and a half", "two and a half years", "dua
	// setengah tahun").
	AndHalf []string `lex:"and-half"`
	// VagueUnits are words that are a vague duration on their own
	// ("bertahun-tahun" -> PXY).
	VagueUnits map[string]unit `lex:"vague-units"`
	// Moments are words for a short while of no named unit ("sejenak",
	// "beberapa saat"): a vague duration, PXX.
	Moments []string `lex:"moments"`
	// HalfCounts count half of the unit after them ("setengah jam",
	// "half an hour" -> PT30M).
	HalfCounts []string `lex:"half-counts"`
	// PluralAfter are the words after which a bare plural unit, with no
	// count or determiner before it, is a stretch of unknown length
	// ("minutes before", "days later", "months of talks").
	PluralAfter []string `lex:"plural-after"`
	// Vague words count an unknown number ("beberapa", "several").
	Vague []string `lex:"vague"`
	// RelativeDays are day words relative to the publication date
	// ("kemarin" -1, "today" 0, "lusa" 2).
	RelativeDays map[string]int `lex:"relative-days"`
	// AnchoredDays are days relative to the date last mentioned
	// ("keesokan harinya", "the next day").
	AnchoredDays map[string]int `lex:"anchored-days"`
	// BareNumericDates accepts "28/12" outside brackets; where fractions
	// are common ("7/8 point") only a bracketed one or one with a year is
	// a date.
	BareNumericDates bool `grammar:"bare-numeric-dates"`
	// MonthFirstNumericDates reads a numeric date month first ("12/28/1997",
	// "5/6" is 6 May) where it can be; a first number over 12 is the day.
	// Metadata is read the same way.
	MonthFirstNumericDates bool `grammar:"month-first-numeric-dates"`
	// Deictics select the unit before, at or after the reference ("lalu" -1,
	// "this" 0, "next" 1). DeicticAfterUnit says the word follows the unit
	// ("tahun lalu") rather than preceding it ("last year").
	Deictics         map[string]int `lex:"deictics"`
	DeicticAfterUnit bool           `grammar:"deictic-after-unit"`
	// DeicticRefs are deictic words that, after a determiner and before
	// no unit, name a vague time on their own ("in the past").
	DeicticRefs map[string]string `lex:"deictic-refs" values:"PRESENT_REF PAST_REF FUTURE_REF"`
	// DateParticles are the deictic words an explicit date, time or year
	// takes into its span after it, without changing its value ("1988
	// lalu", "Minggu (28/12/2014) kemarin", "tahun 2014 ini"); one that
	// names a day ("kemarin") also tells the day of publication.
	DateParticles []string `lex:"date-particles"`
	// AnchoredDeictics count from the date last mentioned rather than
	// the publication date ("the following month", "bulan berikutnya").
	AnchoredDeictics map[string]int `lex:"anchored-deictics"`
	// Shifts follow a counted span ("tiga hari lalu", "two years ago").
	Shifts map[string]Shift `lex:"shifts"`
	// Comparatives after a shift word make it a comparison, leaving the
	// count a duration ("two years later than planned").
	Comparatives []string `lex:"comparatives"`
	// Refs are vague references to the present, past or future.
	Refs map[string]string `lex:"refs" values:"PRESENT_REF PAST_REF FUTURE_REF"`
	// PartsOfDay map to TIMEX3 codes (MO, MI, AF, EV, NI); they follow a
	// day ("Senin pagi", "Friday morning").
	PartsOfDay map[string]string `lex:"parts-of-day" values:"MO MI AF EV NI"`
	// StandaloneParts are parts of the day that are a time on their own,
	// on the day the narrative has reached: prayer times ("selepas
	// ashar") and parts named with the word for day ("pada malam hari").
	StandaloneParts []string `lex:"standalone-parts-of-day"`
	// Clock introduces a clock time ("pukul", "jam"); Zones follow one
	// ("WIB", "EST"); AM and PM mark the half of the day.
	Clock []string `lex:"clock"`
	Zones []string `lex:"zones"`
	// ZoneOffsets give the UTC offset ("+0700") of zones the language's
	// sources write in metadata ("WIB"), which date parsers do not know.
	ZoneOffsets map[string]string `lex:"zone-offsets" format:"offset"`
	AM          []string          `lex:"am"`
	PM          []string          `lex:"pm"`
	// ClockNames are times of day with a fixed clock value ("noon" 12,
	// "midnight" 24).
	ClockNames map[string]int `lex:"clock-names"`
	// LengthCues before a reading with seconds make it a length, not a
	// clock time ("finishing in 2:07:35", "dalam waktu 3:07:35").
	LengthCues []string `lex:"length-cues"`
	// Mods narrow a date ("akhir" END, "early" START, "the end of" END).
	Mods map[string]Mod `lex:"mods"`
	// Before marks an expression as lying just before what follows
	// ("menjelang 2020" -> 2020 BEFORE).
	Before []string `lex:"before"`
	// QuantityMods qualify a count ("lebih dari" MORE_THAN, "about" APPROX).
	QuantityMods map[string]Mod `lex:"quantity-mods"`
	// Frequencies before a counted unit make it a recurrence ("dua kali
	// sehari", "three times a week").
	Frequencies []string `lex:"frequencies"`
	// Sets introduce a recurrence ("setiap", "every"); SetWords are one on
	// their own ("daily" -> P1D).
	Sets     []string          `lex:"sets"`
	SetWords map[string]string `lex:"set-words" values:"PT1H P1D P1W P1M P1Y"`
	// Conjunctions join a second name to a recurrence, which then recurs
	// too ("setiap Senin dan Kamis", "every Friday and Saturday").
	Conjunctions []string `lex:"conjunctions"`
	// RangeLinks join the two ends of a range of dates ("Januari hingga
	// Maret 2024", "from November to January"); a dash does in every
	// language. The start of a range takes its year from the end.
	RangeLinks []string `lex:"range-links"`
	// YearWords precede a year inside the span ("tahun 2013", "fiscal 1999").
	YearWords []string `lex:"year-words"`
	// YearCues are words after which a bare number is a year ("sejak",
	// "since"); NotYearCues are words after which it never is ("Rp", "No").
	YearCues    []string `lex:"year-cues"`
	NotYearCues []string `lex:"not-year-cues"`
	// YearAdjectiveCues are words after which a year may qualify a noun
	// ("the 1987 crash", "its 1990 invasion"); elsewhere a number before
	// a noun counts it ("2000 orang").
	YearAdjectiveCues []string `lex:"year-adjective-cues"`
	// DayWords precede a weekday or a day number inside the span ("hari
	// Minggu", "tanggal 24").
	DayWords []string `lex:"day-words"`
	// Determiners are kept inside the span before a temporal noun ("the").
	Determiners []string `lex:"determiners"`
	// DecadeSuffixes turn a year into its decade ("1990-an", "1990s").
	DecadeSuffixes []string `lex:"decade-suffixes"`
	// DecadeNames name a decade of the twentieth century by its tens,
	// after a determiner ("the nineties" -> 199).
	DecadeNames map[string]int `lex:"decade-names"`
	// UnitEnds after a unit name its end ("year-end", "month end"): the
	// unit with modifier END.
	UnitEnds []string `lex:"unit-ends"`
	// Seasons map to TIMEX3 season codes (SP, SU, FA, WI); a one-word
	// season needs a year, determiner or deictic to count ("last fall").
	Seasons map[string]string `lex:"seasons" values:"SP SU FA WI"`
	// Holidays are named days: a fixed day of a month, or the Nth
	// weekday of a month (Thanksgiving: the fourth Thursday of November).
	Holidays map[string]Holiday `lex:"holidays"`
	// Weekend names the weekend ("akhir pekan", "weekend").
	Weekend []string `lex:"weekend"`
	// Quarters and Halves name the fiscal quarter and half ("kuartal", "quarter").
	Quarters []string `lex:"quarters"`
	Halves   []string `lex:"halves"`
	// PartLetters abbreviate a quarter or half as a capital glued to its
	// number ("Q3", "H1 2024"); FiscalLetters a fiscal year ("FY2024").
	PartLetters   map[string]unit `lex:"part-letters"`
	FiscalLetters []string        `lex:"fiscal-letters"`
	// DayLetters name the day of a holiday in a countdown written with a
	// sign and a count of days ("H" in "H-3 Lebaran", "H+2 Natal").
	DayLetters []string `lex:"day-letters"`
	// PastCues and FutureCues point a sentence's tense, which decides
	// whether a weekday or a date without a year lies before or after the
	// publication date ("mengatakan", "said" / "akan", "will").
	PastCues   []string `lex:"past-cues"`
	FutureCues []string `lex:"future-cues"`
	// ModalCues are the future cues that are verbs of the clause ("will",
	// "would", "akan"): one governs a weekday further along its clause
	// than other cues do ("said it would hold an open meeting for members
	// on Thursday").
	ModalCues []string `lex:"modal-cues"`
	// FuturePrepositions point to the future only standing right before
	// the expression, as its preposition ("mulai Senin", from Monday on);
	// further back they govern a verb and say nothing of tense ("air
	// mulai surut Senin", the water began to recede on Monday).
	FuturePrepositions []string `lex:"future-prepositions"`
	// PastSuffixes end the regular past forms of a language's verbs
	// ("-ed": "stepped", "issued"), which no list can hold; a lower-case
	// word the lexicon does not know that ends in one is a past cue.
	PastSuffixes []string `lex:"past-suffixes"`
	// NotPast are words that end in a past suffix and are no past form
	// ("proceed", "need", "hundred").
	NotPast []string `lex:"not-past"`
	// PassiveAux make the word after them a participle, not a past form:
	// "to be published in early November" looks ahead.
	PassiveAux []string `lex:"passive-aux"`
	// ClauseBreaks end the clause an expression sits in when looking for
	// a cue after it: in "said on Sunday that the US will act", "will"
	// belongs to another clause.
	ClauseBreaks []string `lex:"clause-breaks"`
	// NotTimes are phrases that hold a time word and are no time
	// ("terlebih dahulu", first); the tagger reads them as one word.
	NotTimes []string `lex:"not-times"`
	// ClauseFinalFirsts are time words that mean "first, beforehand"
	// at the end of a clause ("makan dulu."), unless one of
	// RefPrepositions stands before them ("sejak dulu", "seperti dulu").
	ClauseFinalFirsts []string `lex:"clause-final-firsts"`
	RefPrepositions   []string `lex:"ref-prepositions"`
	// ArcUnits measure angles ("derajat", "degrees"): the minutes and
	// seconds after them are arc measures, not lengths of time.
	ArcUnits []string `lex:"arc-units"`
	// AgeAfter and AgeBefore mark a counted span as someone's age, which
	// is not a time ("6-year-old", "berusia 52 tahun").
	AgeAfter  []string `lex:"age-after"`
	AgeBefore []string `lex:"age-before"`
	// PeriodNouns stand for a span the text has dated ("the year-ago
	// period", "periode yang sama tahun lalu").
	PeriodNouns []string `lex:"period-nouns"`
	// Stopwords are frequent function words, used to detect the language
	// and to accept a year followed by one ("2018 dan April").
	Stopwords []string `lex:"stopwords"`
	// Markers are single words frequent in this language and rare in its
	// neighbours ("kerana" in Malay, "karena" in Indonesian); language
	// detection weighs them above stopwords.
	Markers []string `lex:"markers"`
	// Copyright marks a copyright line whose year dates the text.
	Copyright []string `lex:"copyright"`
	// LinkIgnore, LinkThings and LinkActs are what the event linker reads
	// (link.txt): words that say nothing about which happening a sentence
	// tells, and words and phrases that name a thing or an act by a
	// concept every language shares, so reports in two languages meet.
	LinkIgnore []string          `lex:"link-ignore"`
	LinkThings map[string]string `lex:"link-things"`
	LinkActs   map[string]string `lex:"link-acts"`
	// LinkSources are the words and phrases that open or close the
	// clause naming who told something ("according to", "said",
	// "menurut", "kata"): that clause tells the source, not the
	// happening, and the linker leaves it out.
	LinkSources []string `lex:"link-sources"`
	// LinkPlaces spell a place as another language writes it ("Jawa
	// Barat" = "West Java"): a sentence naming it carries the names of
	// both spellings, so reports in two languages meet on the place.
	LinkPlaces map[string]string `lex:"link-places"`
	// StemPrefixes and StemSuffixes are derivational affixes, longest
	// first, that two forms of one word differ by ("kehilangan",
	// "erupted"); StemRestores give back the first letter of a root that
	// a nasal prefix took the place of before a vowel ("men" = "t":
	// "menangkap" is "tangkap"). See Stem.
	StemPrefixes []string          `lex:"stem-prefixes"`
	StemSuffixes []string          `lex:"stem-suffixes"`
	StemRestores map[string]string `lex:"stem-restores"`
	// StemVowels are the letters a root opens with when a nasal prefix
	// took its first letter's place.
	StemVowels []string `lex:"stem-vowels"`
}
