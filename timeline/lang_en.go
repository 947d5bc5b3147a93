package timeline

// packEN is English, following the TimeML conventions of TimeBank news.
var packEN = &Pack{
	Code: "en",
	Months: map[string]int{
		"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
		"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
		"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
		"december": 12, "dec": 12,
	},
	Weekdays: map[string]int{
		"monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
		"thursday": 4, "thu": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
		"sunday": 7, "sun": 7,
	},
	// Abbreviations are names only before a full stop or a number ("Sun"
	// is also a company, "Jan" a first name).
	Abbreviations: []string{"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"},
	PeriodNouns: []string{"period", "periods"},
	AgeAfter:    []string{"old"},
	NamesNeedCapital: []string{"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr",
		"mon", "tue", "wed", "thu", "fri", "sat", "sun", "sept", "tues", "thurs"},
	Numbers: map[string]int{
		"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
		"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
		"hundred": 100, "a hundred": 100, "one hundred": 100, "thousand": 1000, "a couple of": 2, "a couple": 2, "a dozen": 12, "dozen": 12,
	},
	Ordinals: map[string]int{
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
		"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "1st": 1, "2nd": 2,
		"3rd": 3, "4th": 4,
	},
	Units: map[string]unit{
		"second": unitSecond, "minute": unitMinute, "hour": unitHour, "day": unitDay, "week": unitWeek,
		"month": unitMonth, "quarter": unitQuarter, "season": unitSeason, "half": unitHalf, "year": unitYear,
		"decade": unitDecade, "century": unitCentury,
	},
	PluralUnits: map[string]unit{
		"seconds": unitSecond, "minutes": unitMinute, "hours": unitHour, "days": unitDay,
		"weeks": unitWeek, "months": unitMonth, "quarters": unitQuarter, "seasons": unitSeason, "years": unitYear,
		"decades": unitDecade, "centuries": unitCentury,
	},
	Vague: []string{"several", "a few", "few", "many", "some", "the next few", "a number of"},
	RelativeDays: map[string]int{
		"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "the day before yesterday": -2,
		"the day after tomorrow": 2,
	},
	AnchoredDays: map[string]int{
		"the next day": 1, "the following day": 1, "the day before": -1, "the previous day": -1,
		"the day after": 1, "the next morning": 1,
	},
	Deictics: map[string]int{
		"last": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1,
		"latest": -1, "recent": -1,
	},
	AnchoredDeictics: map[string]int{"following": 1, "previous": -1, "preceding": -1, "that": 0, "that same": 0},
	Shifts: map[string]Shift{
		"ago": {Dir: -1}, "from now": {Dir: 1}, "hence": {Dir: 1},
		"earlier": {Dir: -1, FromRef: true}, "later": {Dir: 1, FromRef: true},
	},
	Refs: map[string]string{
		"now": "PRESENT_REF", "currently": "PRESENT_REF",
		"current": "PRESENT_REF", "these days": "PRESENT_REF", "nowadays": "PRESENT_REF",
		"at present": "PRESENT_REF",
		"recently":   "PAST_REF", "lately": "PAST_REF",
		"the future": "FUTURE_REF", "the near future": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
		"the near term": "FUTURE_REF",
	},
	PartsOfDay: map[string]string{
		"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
		"tonight": "NI",
	},
	Clock:      []string{},
	Zones:      []string{"est", "edt", "pst", "pdt", "cst", "cdt", "mst", "gmt", "utc", "et", "pt", "bst", "cet"},
	AM:         []string{"a.m.", "a.m", "am"},
	PM:         []string{"p.m.", "p.m", "pm"},
	ClockNames: map[string]int{"noon": 12, "midnight": 24},
	Mods: map[string]Mod{
		"early": ModStart, "the beginning of": ModStart, "the start of": ModStart,
		"earlier": ModStart, "the end of": ModEnd, "late": ModEnd, "the close of": ModEnd,
		"mid": ModMid, "the middle of": ModMid, "the middle": ModMid,
	},
	QuantityMods: map[string]Mod{
		"more than": ModMoreThan, "about": ModApprox, "around": ModApprox,
		"approximately": ModApprox, "roughly": ModApprox, "some": ModApprox,
		"nearly": ModLessThan, "almost": ModLessThan, "less than": ModLessThan, "under": ModLessThan,
		"at least": ModEqualOrMore, "no less than": ModEqualOrMore, "up to": ModEqualOrLess,
		"no more than": ModEqualOrLess, "at most": ModEqualOrLess,
	},
	Frequencies: []string{"times", "twice", "once", "thrice"},
	Sets:        []string{"every", "each", "per"},
	SetWords: map[string]string{
		"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
		"hourly": "PT1H", "nightly": "P1D",
	},
	YearWords:         []string{"fiscal", "calendar"},
	YearCues:          []string{"in", "since", "until", "till", "by", "of", "from", "to", "during", "before", "after", "through"},
	NotYearCues:       []string{"$", "no", "number", "#", "flight", "route"},
	YearAdjectiveCues: []string{"the", "a", "its", "his", "her", "their", "our", "this", "that", "s", "last", "unsuccessful"},
	DayWords:          []string{},
	Determiners:       []string{"the"},
	DecadeSuffixes:    []string{"s"},
	Seasons: map[string]string{
		"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
	},
	Weekend: []string{"weekend"},
	Holidays: map[string]Holiday{
		"christmas": {Month: 12, Day: 25}, "christmas day": {Month: 12, Day: 25},
		"christmas eve": {Month: 12, Day: 24}, "new year's day": {Month: 1, Day: 1},
		"new year's eve": {Month: 12, Day: 31}, "independence day": {Month: 7, Day: 4},
		"thanksgiving": {Month: 11, Weekday: 4, Nth: 4}, "thanksgiving day": {Month: 11, Weekday: 4, Nth: 4},
		"labor day": {Month: 9, Weekday: 1, Nth: 1}, "memorial day": {Month: 5, Weekday: 1, Nth: 4},
	},
	Quarters: []string{"quarter"},
	Halves:   []string{"half"},
	PastCues: []string{
		"said", "says", "reported", "announced", "told",
		"was", "were", "had", "did", "ago", "last",
		"earlier", "rose", "fell", "posted", "closed", "ended", "killed", "died", "met", "signed",
		"became", "began", "made", "took", "came", "went", "saw", "got", "gave", "dropped", "declined",
		"agreed", "won", "lost", "earned", "held",
	},
	FutureCues: []string{
		"will", "'ll", "would", "shall", "next", "scheduled", "planned", "plans", "expected",
		"expects", "is to", "are to", "going to", "tomorrow", "upcoming", "coming", "due",
	},
	ClauseBreaks: []string{"that", "because", "so", "whether", "while", "but", "although"},
	Stopwords: []string{
		"the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "he",
		"she", "by", "at", "from", "his", "her", "an", "are", "be", "have", "has", "had", "were",
		"which", "this", "but", "not", "they", "their", "said", "or", "will", "would", "its", "been",
	},
	Copyright: []string{"copyright", "©", "(c)"},
}
