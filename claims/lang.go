package claims

import "github.com/factline/factline/timeline"

// pack holds everything the engine needs to know about one language, read
// from the claims-*.txt files of its folder in timeline/lang (see
// langdata.go) and, for the event words, from lang_<code>.go. The engine
// only reads these tables; adding a language never adds a branch in the
// code.
type pack struct {
	code string
	// lineRules recognise boilerplate lines by their opening label.
	lineRules []lineRule
	// contributorPhrases mark a short line as crediting contributors
	// wherever they stand in it ("... contributed to this report").
	contributorPhrases []string
	// outlets are news organisations that may follow the place in a
	// dateline without brackets or a web domain ("Jakarta, CNN Indonesia
	// --"), lower case.
	outlets set

	// Abbreviations, lower case, without the final dot. never: a dot after
	// them never ends a sentence ("Dr.", "Jl."). ender: they close lists and
	// end a sentence whenever a capital follows ("dll.", "etc."). Other
	// dotted tokens ("U.S.", "p.m.") end one only before a word in starters.
	abbrevNever, abbrevEnder set
	// numberAbbrevs are abbreviations only before a number ("No. 5").
	numberAbbrevs set
	starters      set

	// cues are the attribution words, keyed by their first word (lower case).
	cues map[string][]cue
	// nya is the enclitic that turns a cue into "cue + pronoun" ("ujarnya").
	nya string
	// pronouns refer back to the last named speaker.
	pronouns set
	// firstPerson pronouns speak inside a quote ("Kami berharap ...");
	// they never name the speaker of the sentence.
	firstPerson set
	// speakerStops end a speaker phrase that follows its cue ("kata Ali
	// kepada wartawan", "said Smith on Monday"); they are matched case
	// sensitively so that "Yang Moo-jin" is not cut at "yang".
	speakerStops set
	// sourceNouns may follow a name in a speaker phrase ("LSEG data").
	sourceNouns set
	// appositives open a role after a name ("Yang, seorang profesor").
	appositives set
	// fillers are trimmed from both ends of a speaker phrase ("Namun ia juga").
	fillers set
	// roleWords mark the role part of a speaker phrase ("juru bicara").
	roleWords set
	// proxyRoles speak for a body they name after a preposition ("a
	// spokesperson for the ministry"): the body is the speaker.
	proxyRoles set
	// titles are ranks and honorifics written before a name ("Kombes
	// Pol", "Prof", "Irjen"): neither the name nor, at its end, the role.
	titles set
	// roleHeadFirst says a role word governs the capitalised word after it
	// ("Menteri Keuangan": minister of finance) rather than the word after
	// it starting the name ("Public Prosecutor Lim Hui Shan").
	roleHeadFirst bool
	// placePreps before a final place name in a subject give the place of
	// saying ("Theodorus Kossay di Jayapura, Jumat, menjelaskan").
	placePreps set
	// orgWords name institutions; they and the capitalised word after them
	// belong to the role, not to the person's name ("Gedung Putih").
	// adverbEndings make a lower-case word an adverb ("publicly"), unless
	// it is one of notAdverbs ("family").
	adverbEndings []string
	notAdverbs    set
	orgWords      set
	// places are countries and regions: at the head of the name run of a
	// role-first phrase they belong to the role ("Menteri Luar Negeri
	// Venezuela Rafael Ramirez").
	places set
	// particles are lower-case parts of personal names ("bin", "van").
	particles set
	// backRefVerbs are passive verbs of saying; after a sentence-initial
	// "<noun> itu" they mean the attribution covers the previous sentence
	// ("Seruan itu disampaikan ... menurut KCNA").
	backRefVerbs set
	// demonstratives follow the noun in such a back reference ("itu").
	demonstratives set
	// backRefPhrases are whole phrases with the same effect ("hal itu").
	backRefPhrases [][]string

	// clauseWords open a clause a subject cannot reach back over
	// ("bahwa", "that", "yang", "who").
	clauseWords set
	// relatives open a relative clause in an apposition ("who", "yang").
	relatives set
	// prepositions link a name to its institution ("of", "dari").
	prepositions set
	// conjunctions join the parts of a listed name ("dan", "and").
	conjunctions set
	// datePreps may stand between a cue and the day of saying
	// ("mengatakan pada Minggu", "said on Sunday").
	datePreps set
	// complementizers open reported content ("bahwa", "that"); a date
	// after one belongs to the content, not to the act of saying.
	complementizers set

	// futureCues make a claim a forecast and a dated event scheduled.
	futureCues set
	// sinceCues before a date make the event ongoing from it (mod START).
	sinceCues set
	// figureUnits after or before a number make it a figure worth checking.
	figureUnits set
	// numberWords are scale words that make a figure on their own.
	numberWords set

	// verdictNames name claim statuses for readers; timelineTitle heads a
	// timeline given no title.
	verdictNames  map[string]string
	timelineTitle string

	// ev is what the event layer reads: how to find a clause's predicate and
	// where a headline may start and end.
	ev eventLex
}

// eventLex tells the event layer how a language marks a happening. A
// predicate is a verb (listed, or made by an affix) or, in a clause without
// one, an event noun; a date that anchors neither makes no event.
type eventLex struct {
	// verbs are verbs without a telling affix: base verbs ("tiba", "hilang")
	// and irregular forms ("met", "took").
	verbs set
	// verbPrefixes and verbSuffixes make a lower-case word of at least
	// minAffixed letters a verb ("mengadakan", "ditangguhkan", "arrived"),
	// unless it is in notVerbs ("mereka", "menteri", "hundred").
	verbPrefixes, verbSuffixes []string
	minAffixed                 int
	notVerbs                   set
	// modifierPrefixes make a verb that, after the object noun of a verb,
	// describes that noun: "menerima pesawat berbadan lebar".
	modifierPrefixes []string
	// clitics end a word without changing what it is ("dinasnya" is the
	// noun "dinas" of notVerbs, no verb).
	clitics []string
	// participles are endings that make a verb after a copula ("were
	// waiting"), and a noun elsewhere ("the evening").
	participles []string
	// reducedRelatives are endings that make a verb between a noun and a
	// preposition modify the noun ("three aid workers kidnapped in South
	// Sudan arrived"): part of the subject, not its predicate.
	reducedRelatives []string
	// sayingVerbs always report speech, whatever follows them ("told
	// reporters on Monday", "mengatakan pada Minggu"); other verbs of the
	// cue table ("announced", "declared") report it only before what was
	// said.
	sayingVerbs set
	// timePreps stand before a date as its preposition besides the
	// attribution layer's datePreps ("sepanjang 2014", "throughout 2014");
	// dateNouns before a date belong to it ("tahun 2015", "pukul"), and
	// zoneWords after it ("waktu setempat", "WIB", "local time").
	timePreps, dateNouns, zoneWords set
	// assessments after a date make it the thing assessed ("2024
	// sebagai tahun terburuk"); aheadOf before a date make it a time
	// something came before ("menjelang Natal", "ahead of Christmas");
	// numberWords before a number make the date after it part of an
	// identifier ("Nomor 22 Tahun 2021", "No. 5 of 2019").
	assessments, aheadOf, numberWords set
	// titleNouns next to a year make it part of a document's name ("the
	// 2024 annual report", "Rencana Strategis 2025").
	titleNouns set
	// contractNouns next to a month make it the name of a contract ("for
	// January delivery", "untuk pengiriman Januari"): no happening.
	contractNouns set
	// namingVerbs take a date as the object they name or judge ("called
	// Tuesday \"the worst day\"", "menyebut libur akhir tahun sebagai"):
	// no happening.
	namingVerbs set
	// periodEnds after a periodNoun join the date after them, the end that
	// names a period ("the quarter ended Sept. 30", "pekan yang berakhir 5
	// Desember"), and are no predicate.
	periodEnds, periodNouns set
	// rankings before a since-word make its date the reference of a
	// ranking ("the worst since 2009", "tertinggi sejak 2014"), not the
	// start of a state.
	rankings set
	// firstSingular pronouns mark a writer speaking as a person ("I",
	// "saya"), not for a body ("we", "kami").
	firstSingular set
	// documents name written correspondence whose quoted text keeps its
	// own time ("email", "surat"): see quotedDocuments.
	documents set
	// comparisons open a date that only measures against another one
	// ("dibandingkan 2023", "compared with 2019").
	comparisons set
	// figureComparisons open such a date only before a figure ("from 1.9%
	// in September"); before a date they start a period ("from March 30").
	figureComparisons set
	// addressVerbs take the audience right after them ("told reporters on
	// Monday"); audiences are common nouns that name one.
	addressVerbs, audiences set
	// occasions open the circumstance of saying after the cue, whose verb
	// tells how the speaker was reached ("kata Budi ketika dihubungi Tempo
	// pada Rabu", "said when reached by phone on Friday").
	occasions set
	// rangeOpeners before the first of two dates joined by a conjunction
	// make them one range ("between 2021 and 2023", "antara 2009 dan 2010").
	rangeOpeners set
	// classes says which of these lists, and of the pack's cues, date
	// prepositions and since-cues, hold a word: see wordClass.
	classes map[string]wordClass
	// verbAfter are words after which a lower-case content word is a verb
	// ("akan tiba", "will meet"); infinitive marks one after a verb
	// ("agreed to pay").
	verbAfter, infinitive set
	// possessives open a noun phrase as its owner ("its rate"): after a
	// noun, a word that names a happening and stands before one is its
	// verb.
	possessives set
	// possessiveMarkers follow an owner's last word ("'s"): a date they
	// mark names the noun after it ("Friday's fire").
	possessiveMarkers set
	// happenVerbs only say that their subject happened ("terjadi",
	// "occurred"): in a relative clause with a date they name the noun by
	// its day ("gempa yang terjadi kemarin") rather than tell a happening.
	happenVerbs set
	// offsetAfter and offsetBefore follow a count of days, weeks, months
	// or years and open the clause of a happening that long before or
	// after the sentence's date ("nine days after investigators arrested
	// him", "dua hari sebelum pemilu").
	offsetAfter, offsetBefore set
	// nounPreps are subordinators that are prepositions before a name, a
	// determiner or a word that is no verb ("the train to Bandung",
	// "minyak untuk pengiriman Januari"), and open a clause otherwise.
	nounPreps set
	// eventNouns name happenings ("rapat", "summit"); they are the predicate
	// of a clause with no verb ("pertemuan pertama pada 2013").
	eventNouns set
	// copulas link a subject to a description; never a happening on their
	// own ("2014 merupakan tahun terburuk", "2014 was the worst year").
	copulas set
	// subordinators open a subordinate clause ("untuk membahas", "after
	// the plane landed"); directly before a date they are its preposition.
	subordinators set
	// rangeWords join the two ends of one range of dates ("9 hingga 11
	// Desember", "from 2009 to 2010"); altWords join two ways of giving the
	// same time ("06.17 WIB atau 07.17 WITA").
	rangeWords, altWords set
	// untilCues before a date make it a deadline: scheduled when the date
	// has not passed ("hingga Jumat", "by 2030").
	untilCues set
	// headConnectors are stripped from the start of a headline ("bahwa",
	// "yang", "untuk", "that", "which").
	headConnectors set
	// functionWords never end a headline ("di", "yang", "the", "of").
	functionWords set
	// determiners open a noun phrase ("the driver", "para anggota").
	determiners set
	// nounLinks join a noun to the noun it counts or is part of ("scores
	// of trucks", "83 persen dari kredit"): a subject is not cut before one.
	nounLinks set
	// subjectPronouns stand for the last named person or body ("ia", "he").
	subjectPronouns set
}

// set is a set of lower-case words.
type set map[string]bool

// direction says where a cue finds its speaker.
type direction uint8

const (
	// after: the speaker follows an inverted cue that comes after a comma
	// or closing quote ("..., kata Ali", "\"...\", said Smith").
	dirAfter direction = iota
	// before: the speaker is the subject before the cue ("Ali mengatakan").
	dirBefore
	// prep: a preposition whose object is the speaker ("menurut KCNA").
	dirPrep
	// either: after when the cue follows a comma or quote, else before
	// (English "said").
	dirEither
)

// cue is one attribution word or phrase.
type cue struct {
	words []string // lower case
	dir   direction
	// nya allows the enclitic pronoun form ("katanya").
	nya bool
}

// lineRule recognises one kind of boilerplate line by its label.
type lineRule struct {
	label string // lower case, matched at the start of a trimmed line
	// credit is the Credits field the rest of the line fills, if any.
	credit creditField
}

// creditField names where a boilerplate line's value goes.
type creditField uint8

const (
	creditNone creditField = iota
	creditWire
	creditTranslator
	creditEditor
	creditReporter
	creditPublisher
)

// packFor returns the pack for code, or nil.
func packFor(code string) *pack {
	if err := LoadLanguages(); err != nil {
		// A defect in the embedded data is a broken build, which the
		// package's tests catch; commands report it at start-up.
		panic(err)
	}
	return loaded[code]
}

// packOf returns the pack that reads a registered language: its own, else
// that of its near language ("ms" reads "id"), else the default language's.
func packOf(code string) *pack {
	for seen := map[string]bool{}; code != "" && !seen[code]; {
		seen[code] = true
		if p := packFor(code); p != nil {
			return p
		}
		l, _ := timeline.LookupLanguage(code)
		code = l.Near
	}
	return packFor(timeline.DefaultLanguage().Code)
}
