package timeline

import "strings"

// entry holds every role one word or phrase plays in a language. A word may
// play several ("lalu" is both "last" and "ago"; "Minggu" is Sunday and week).
type entry struct {
	month, weekday int
	num            int // cardinal value; hasNum tells zero from none
	hasNum         bool
	ord            int
	unit           unit // singular unit noun
	plural         unit // plural unit noun
	counted        unit // count fused with unit: "sehari"
	vagueUnit      unit // "bertahun-tahun"
	vague          bool
	relDay         int
	hasRelDay      bool
	deictic        int
	hasDeictic     bool
	shift          *Shift
	ref            string
	deicticRef     string
	pod            string
	clockName      int
	mod            Mod
	qmod           Mod
	setWord        string
	season         string
	before         bool
	set            bool
	clock, zone    bool
	am, pm         bool
	yearWord       bool
	yearCue        bool
	pluralCue      bool
	andHalf        bool
	notYear        bool
	dayWord        bool
	det            bool
	decade         bool
	ordPrefix      bool
	ordSuffix      bool
	weekend        bool
	quarter, half  bool
	partLetter     unit
	fiscalLetter   bool
	dayLetter      bool
	past, future   bool
	futurePrep     bool // a future cue only as the date's own preposition
	modal          bool // a future cue that is a verb of the clause
	notPast        bool // ends like a past form and is none: known, so never read as past
	passiveAux     bool
	rangeLink      bool
	stop           bool
	copyright      bool
	abbrev         bool
	period         bool
	ageAfter       bool
	ageBefore      bool
	yearAdj        bool
	anchored       bool
	clauseBreak    bool
	anchoredDay    int
	hasAnchoredDay bool
	holiday        *Holiday
	frequency      bool
	conj           bool
	comparative    bool
	lengthCue      bool
	moment         bool
	halfCount      bool
	pluralAfter    bool
	dateParticle   bool
	notTime        bool
	clauseFirst    bool
	refPrep        bool
	arc            bool
	podAlone       bool
	decadeName     int
	unitEnd        bool
	stretchCue     bool
	// trigger tells that the entry can start an expression; entries
	// that are only cues or stopwords cannot.
	trigger bool
	// lower is the entry to use when the word is written in lower case,
	// for names that are ordinary words then ("may", "minggu").
	lower *entry
}

// node is one state of the phrase trie; phrases are sequences of
// lower-cased tokens.
type node struct {
	next map[string]*node
	e    *entry
}

// lexicon is a compiled Pack: a trie from token sequences to entries.
type lexicon struct {
	pack *Pack
	root *node
	// detect weighs the stopwords and markers of the language, for
	// language detection.
	detect map[string]int
	// pastForm is the entry of a word known as past only by its ending.
	pastForm *entry
	// firstTokens has, for each first byte of the first token of a
	// phrase, a bit for each length of such a token (the last bit for all
	// longer ones): most tokens of a text start no phrase, and this tells
	// most of them apart before a map lookup.
	firstTokens [256]uint32
}

// mayStart reports whether the lower-case token low can be the first token
// of a phrase; false means it is not.
func (lx *lexicon) mayStart(low []byte) bool {
	return lx.firstTokens[low[0]]&(1<<min(len(low), 31)) != 0
}

// compilePack builds the phrase trie of a pack.
func compilePack(p *Pack) *lexicon {
	lx := &lexicon{pack: p, root: &node{}, detect: map[string]int{}, pastForm: &entry{past: true}}
	add := func(key string, f func(e *entry)) {
		f(lx.insert(key))
	}
	for k, v := range p.Months {
		add(k, func(e *entry) { e.month = v })
	}
	for k, v := range p.Weekdays {
		add(k, func(e *entry) { e.weekday = v })
	}
	for k, v := range p.Numbers {
		add(k, func(e *entry) { e.num, e.hasNum = v, true })
	}
	for k, v := range p.Ordinals {
		add(k, func(e *entry) { e.ord = v })
	}
	for k, v := range p.Units {
		add(k, func(e *entry) { e.unit = v })
	}
	for k, v := range p.PluralUnits {
		add(k, func(e *entry) { e.plural = v })
	}
	for k, v := range p.PartLetters {
		add(k, func(e *entry) { e.partLetter = v })
	}
	for k, v := range p.CountedUnits {
		add(k, func(e *entry) { e.counted = v })
	}
	for k, v := range p.VagueUnits {
		add(k, func(e *entry) { e.vagueUnit = v })
	}
	for k, v := range p.RelativeDays {
		add(k, func(e *entry) { e.relDay, e.hasRelDay = v, true })
	}
	for k, v := range p.Deictics {
		add(k, func(e *entry) { e.deictic, e.hasDeictic = v, true })
	}
	for k, v := range p.Holidays {
		h := v
		add(k, func(e *entry) { e.holiday = &h })
	}
	for k, v := range p.AnchoredDays {
		add(k, func(e *entry) { e.anchoredDay, e.hasAnchoredDay = v, true })
	}
	for k, v := range p.AnchoredDeictics {
		add(k, func(e *entry) { e.deictic, e.hasDeictic, e.anchored = v, true, true })
	}
	for k, v := range p.Shifts {
		s := v
		add(k, func(e *entry) { e.shift = &s })
	}
	for k, v := range p.Refs {
		add(k, func(e *entry) { e.ref = v })
	}
	for k, v := range p.DeicticRefs {
		add(k, func(e *entry) { e.deicticRef = v })
	}
	for k, v := range p.PartsOfDay {
		add(k, func(e *entry) { e.pod = v })
	}
	for k, v := range p.ClockNames {
		add(k, func(e *entry) { e.clockName = v })
	}
	for k, v := range p.Mods {
		add(k, func(e *entry) { e.mod = v })
	}
	for k, v := range p.QuantityMods {
		add(k, func(e *entry) { e.qmod = v })
	}
	for k, v := range p.SetWords {
		add(k, func(e *entry) { e.setWord = v })
	}
	for k, v := range p.DecadeNames {
		add(k, func(e *entry) { e.decadeName = v })
	}
	for k, v := range p.Seasons {
		add(k, func(e *entry) { e.season = v })
	}
	flags := []struct {
		words []string
		set   func(e *entry)
	}{
		{p.Vague, func(e *entry) { e.vague = true }},
		{p.Before, func(e *entry) { e.before = true }},
		{p.Sets, func(e *entry) { e.set = true }},
		{p.Clock, func(e *entry) { e.clock = true }},
		{p.Zones, func(e *entry) { e.zone = true }},
		{p.AM, func(e *entry) { e.am = true }},
		{p.PM, func(e *entry) { e.pm = true }},
		{p.YearWords, func(e *entry) { e.yearWord = true }},
		{p.YearCues, func(e *entry) { e.yearCue = true }},
		{p.PluralCues, func(e *entry) { e.pluralCue = true }},
		{p.AndHalf, func(e *entry) { e.andHalf = true }},
		{p.NotYearCues, func(e *entry) { e.notYear = true }},
		{p.DayWords, func(e *entry) { e.dayWord = true }},
		{p.Determiners, func(e *entry) { e.det = true }},
		{p.DecadeSuffixes, func(e *entry) { e.decade = true }},
		{p.OrdinalPrefix, func(e *entry) { e.ordPrefix = true }},
		{p.OrdinalSuffixes, func(e *entry) { e.ordSuffix = true }},
		{p.Weekend, func(e *entry) { e.weekend = true }},
		{p.Quarters, func(e *entry) { e.quarter = true }},
		{p.FiscalLetters, func(e *entry) { e.fiscalLetter = true }},
		{p.DayLetters, func(e *entry) { e.dayLetter = true }},
		{p.Halves, func(e *entry) { e.half = true }},
		{p.PastCues, func(e *entry) { e.past = true }},
		{p.FutureCues, func(e *entry) { e.future = true }},
		{p.FuturePrepositions, func(e *entry) { e.futurePrep = true }},
		{p.ModalCues, func(e *entry) { e.future, e.modal = true, true }},
		{p.PassiveAux, func(e *entry) { e.passiveAux = true }},
		{p.NotPast, func(e *entry) { e.notPast = true }},
		{p.RangeLinks, func(e *entry) { e.rangeLink = true }},
		{p.Stopwords, func(e *entry) { e.stop = true }},
		{p.Copyright, func(e *entry) { e.copyright = true }},
		{p.Abbreviations, func(e *entry) { e.abbrev = true }},
		{p.PeriodNouns, func(e *entry) { e.period = true }},
		{p.AgeAfter, func(e *entry) { e.ageAfter = true }},
		{p.YearAdjectiveCues, func(e *entry) { e.yearAdj = true }},
		{p.ClauseBreaks, func(e *entry) { e.clauseBreak = true }},
		{p.Frequencies, func(e *entry) { e.frequency = true }},
		{p.Conjunctions, func(e *entry) { e.conj = true }},
		{p.Comparatives, func(e *entry) { e.comparative = true }},
		{p.AgeBefore, func(e *entry) { e.ageBefore = true }},
		{p.LengthCues, func(e *entry) { e.lengthCue = true }},
		{p.Moments, func(e *entry) { e.moment = true }},
		{p.HalfCounts, func(e *entry) { e.halfCount = true }},
		{p.PluralAfter, func(e *entry) { e.pluralAfter = true }},
		{p.DateParticles, func(e *entry) { e.dateParticle = true }},
		{p.NotTimes, func(e *entry) { e.notTime = true }},
		{p.ClauseFinalFirsts, func(e *entry) { e.clauseFirst = true }},
		{p.RefPrepositions, func(e *entry) { e.refPrep = true }},
		{p.ArcUnits, func(e *entry) { e.arc = true }},
		{p.StandaloneParts, func(e *entry) { e.podAlone = true }},
		{p.UnitEnds, func(e *entry) { e.unitEnd = true }},
		{p.StretchCues, func(e *entry) { e.stretchCue = true }},
	}
	for _, f := range flags {
		for _, w := range f.words {
			add(w, f.set)
		}
	}
	for _, w := range p.Stopwords {
		lx.detect[strings.ToLower(w)] = 1
	}
	for _, w := range p.Markers {
		lx.detect[strings.ToLower(w)] = markerWeight
	}

	for _, w := range p.NamesNeedCapital {
		if n := lx.find(w); n != nil && n.e != nil {
			low := *n.e
			low.month, low.weekday = 0, 0
			n.e.lower = &low
		}
	}
	lx.walk(lx.root, func(e *entry) {
		e.trigger = canStart(e)
		if e.lower != nil {
			e.lower.trigger = canStart(e.lower)
		}
	})
	for k := range lx.root.next {
		lx.firstTokens[k[0]] |= 1 << min(len(k), 31)
	}
	return lx
}

// pastBySuffix tells whether word, in lower case, ends in a past suffix of
// the pack after a stem of at least three letters ("stepped", not "red").
func (lx *lexicon) pastBySuffix(word []byte) bool {
	for _, suf := range lx.pack.PastSuffixes {
		if len(word) >= len(suf)+3 && string(word[len(word)-len(suf):]) == suf {
			return true
		}
	}
	return false
}

// canStart tells whether an entry has a role that can begin an
// expression, beyond being a cue or a stopword.
func canStart(e *entry) bool {
	active := *e
	active.stop, active.past, active.future, active.futurePrep, active.clauseBreak, active.passiveAux = false, false, false, false, false, false
	active.rangeLink = false
	active.yearAdj, active.copyright, active.yearCue, active.notYear = false, false, false, false
	active.pluralCue, active.andHalf, active.ordSuffix = false, false, false
	active.ageAfter, active.ageBefore, active.period, active.abbrev = false, false, false, false
	active.lengthCue, active.stretchCue, active.pluralAfter, active.dateParticle = false, false, false, false
	active.notTime, active.clauseFirst, active.refPrep, active.arc = false, false, false, false
	active.unitEnd = false
	active.lower, active.trigger = nil, false
	return active != entry{}
}

// walk calls f on every entry of the trie.
func (lx *lexicon) walk(n *node, f func(e *entry)) {
	if n.e != nil {
		f(n.e)
	}
	for _, c := range n.next {
		lx.walk(c, f)
	}
}

// insert returns the entry of a phrase, creating it.
func (lx *lexicon) insert(phrase string) *entry {
	n := lx.root
	for _, t := range tokenize(phrase, nil) {
		key := strings.ToLower(phrase[t.start:t.end])
		if n.next == nil {
			n.next = map[string]*node{}
		}
		c := n.next[key]
		if c == nil {
			c = &node{}
			n.next[key] = c
		}
		n = c
	}
	if n.e == nil {
		n.e = &entry{}
	}
	return n.e
}

// find returns the trie node of a phrase, or nil.
func (lx *lexicon) find(phrase string) *node {
	n := lx.root
	for _, t := range tokenize(phrase, nil) {
		n = n.next[strings.ToLower(phrase[t.start:t.end])]
		if n == nil {
			return nil
		}
	}
	return n
}
