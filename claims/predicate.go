package claims

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factline/factline/timeline"
)

// predKind says whether a word can head a happening.
type predKind uint8

const (
	predNone predKind = iota
	predVerb
	predNoun
)

// sword is one word of a sentence as the event layer reads it.
type sword struct {
	word
	low string
	// date marks words inside a temporal expression of the sentence, or
	// overlapping one ("28-30" of "28-30 Desember"); boiler marks words of
	// a dateline or credit inside the sentence.
	date, boiler bool
	// rel marks words of a relative clause ("yang membawa 162 orang",
	// "who was arrested"): neither the subject's head nor the predicate.
	rel bool
	// periodEnd marks a period that an end word names with the date after
	// it, with its preposition ("for the quarter ended Sept. 30", "untuk
	// pekan yang berakhir 5 Desember"): neither a predicate nor a headline
	// word.
	periodEnd bool
	pred      predKind
	// cut marks a clause boundary before the word: a comma, semicolon,
	// colon, quote or dash in the text before it.
	cut bool
	// class is the word's eventLex.classes entry, read once per word.
	class wordClass
}

// sentenceWords reads the words of s, marking dates, predicates, relative
// clauses and clause boundaries. dates are the sentence's temporal
// expressions in text order. The words are valid until the next call.
func (b *eventBuilder) sentenceWords(s Span, dates []Span) []sword {
	ws, lows := b.words.in(s.Start, s.End)
	out := slices.Grow(b.swords[:0], len(ws))[:len(ws)]
	b.swords = out
	di := 0
	for i, w := range ws {
		sw := sword{word: w, low: lows[i], class: b.p.ev.classes[lows[i]]}
		for di < len(dates) && dates[di].End <= w.start {
			di++
		}
		sw.date = di < len(dates) && dates[di].Start < w.end
		sw.boiler = inSpans(w.start, b.boiler)
		if i > 0 {
			for k := ws[i-1].end; k < w.start; k++ {
				if isClauseMark(b.text, k) {
					sw.cut = true
					break
				}
			}
		}
		out[i] = sw
	}
	// A time zone after a date is part of it: "pukul 07.55 waktu
	// setempat", "10 a.m. local time".
	for i := 1; i < len(out); i++ {
		if !out[i].date && out[i-1].date && !out[i].cut && b.p.ev.zoneWords[out[i].low] {
			out[i].date = true
		}
	}
	for i := range out {
		switch {
		case out[i].date:
		case i+1 < len(out) && out[i+1].date && !out[i+1].cut && b.p.ev.periodEnds[out[i].low] && b.afterPeriodNoun(out, i):
			b.markPeriod(out, i)
		default:
			out[i].pred = b.predicateKind(out, i)
		}
	}
	b.markRelatives(out)
	return out
}

// markPeriod marks the period that its end word at i names with the date
// after it, back to its noun and the preposition that introduces it ("for
// the quarter ended Sept. 30", "untuk pekan yang berakhir 5 Desember"): a
// phrase of the date, not of the headline.
func (b *eventBuilder) markPeriod(ws []sword, i int) {
	k := i
	for k > 0 && i-k < maxPeriodGap && !ws[k].cut && !b.p.ev.periodNouns[ws[k].low] {
		k--
	}
	from := k
	for j := k - 1; j >= 0 && k-j <= maxPeriodGap && !ws[j+1].cut; j-- {
		if low := ws[j].low; b.p.prepositions[low] || b.p.datePreps[low] || b.p.ev.nounPreps[low] {
			from = j
			break
		}
		if ws[j].pred != predNone || ws[j].date {
			break
		}
	}
	for j := from; j <= i; j++ {
		ws[j].periodEnd = true
	}
}

// maxPeriodGap is how many words before its end word a period's noun may
// stand: "the fiscal year ended", "pekan yang berakhir".
const maxPeriodGap = 3

// afterPeriodNoun reports whether a period noun stands in the few words
// before word i, within its clause.
func (b *eventBuilder) afterPeriodNoun(ws []sword, i int) bool {
	for k := i - 1; k >= 0 && k >= i-maxPeriodGap && !ws[k+1].cut; k-- {
		if b.p.ev.periodNouns[ws[k].low] {
			return true
		}
	}
	return false
}

// predicateKind says whether word i heads a happening: a verb by the
// language's lists and affixes, or an event noun. Capitalised words inside
// a sentence are names, never predicates.
func (b *eventBuilder) predicateKind(ws []sword, i int) predKind {
	ev := &b.p.ev
	w := ws[i]
	raw := b.text[w.start:w.end]
	if i > 0 && isUpperStart(raw) {
		return predNone
	}
	low := w.low
	c, prev := w.class, wordClass(0)
	if i > 0 {
		prev = ws[i-1].class
	}
	function := c.is(classFunctionWord)
	switch {
	case c.is(classCopula), c.is(classNotVerb), function && !c.is(classVerb):
		return predNone
	case c.is(classDatePrep) && i+1 < len(ws) && ws[i+1].date && !ws[i+1].cut:
		// A verb that is also a date's preposition is the preposition
		// before the date: "mulai Selasa", "menjelang 2020".
		return predNone
	case c.is(classVerb), c.is(classSpeechVerb):
		return predVerb
	case c.is(classEventNoun) && prev.is(classVerbAfter):
		// After a modal the word is the verb: "will visit", "akan rapat".
		return predVerb
	case c.is(classEventNoun) && b.verbBetween(ws, i):
		return predVerb
	case c.is(classEventNoun):
		return predNoun
	}
	if !isLetters(low) {
		return predNone
	}
	if hasAnyPrefix(low, ev.modifierPrefixes) && !w.cut && (b.afterObject(ws, i) || b.measures(ws, i)) {
		// "menerima pesawat berbadan lebar", "memeriksa masinis KA
		// Citarum Jaya berinisial AS": after a verb's object the word
		// describes the object; "gempa bermagnitudo 5,4 mengguncang":
		// before a figure and a verb, it measures the noun before it.
		return predNone
	}
	if b.affixedVerb(low) {
		if i > 0 && i+1 < len(ws) && !ws[i].cut && !ws[i+1].cut && b.p.ev.determiners[ws[i-1].low] {
			// Between a determiner and its noun the word describes the
			// noun: "the self-declared security zone".
			return predNone
		}
		if i == 0 && len(ws) > 1 && !ws[1].cut && (ws[1].class.is(classVerbAfter) || ws[1].class.is(classCopula)) {
			// A sentence's first word before an auxiliary or copula is
			// its subject, a name whatever its ending: "Reed is paying".
			return predNone
		}
		return predVerb
	}
	if prev.is(classVerbAfter) && !function {
		return predVerb
	}
	// "agreed to pay", "plans to resign": after an infinitive marker that
	// follows a verb ("reopened to commercial flights" is a preposition).
	if i > 1 && prev.is(classInfinitive) && ws[i-2].pred == predVerb && !function {
		return predVerb
	}
	if prev.is(classCopula) && hasAnySuffix(low, ev.participles) {
		return predVerb
	}
	return predNone
}

// maxObjectWords is how far back from a word afterObject looks for the
// verb whose object it follows.
const maxObjectWords = 6

// afterObject reports whether the word at i follows a verb's object: one
// to maxObjectWords words after a verb, none a predicate or a function
// word, with no clause boundary between them. A verb of saying takes a
// clause, not an object, and a demonstrative closes the object, so a word
// after either is a predicate ("menjelaskan kapal itu berangkat").
func (b *eventBuilder) afterObject(ws []sword, i int) bool {
	for k := i - 1; k >= 0 && k >= i-1-maxObjectWords; k-- {
		switch {
		case ws[k].pred == predVerb:
			return k < i-1 && !ws[k].class.is(classSpeechVerb)
		case ws[k].pred != predNone || ws[k].class.is(classFunctionWord) || ws[k].cut || b.p.demonstratives[ws[k].low]:
			return false
		}
	}
	return false
}

// maxMeasureWords is how many words a measure may take after its figure
// ("berbobot 500 ton") before the verb it leaves the predicate to.
const maxMeasureWords = 2

// measures reports whether the word at i gives a measure of the noun
// before it: a noun, the word, a figure, at most maxMeasureWords words of
// unit or a relative pronoun, then a verb ("Kapal berbobot 500 ton
// tenggelam", "mencatat gempa bermagnitudo 5,4 yang mengguncang").
// Without a verb after it the word is the predicate ("Jumlah korban
// bertambah 5 orang").
func (b *eventBuilder) measures(ws []sword, i int) bool {
	if i == 0 || i+2 >= len(ws) || ws[i+1].cut || ws[i+1].low == "" || !isDigit(rune(ws[i+1].low[0])) {
		return false
	}
	if prev := ws[i-1]; prev.cut || prev.date || prev.class.is(classFunctionWord) || !isLetters(prev.low) {
		return false
	}
	for j := i + 2; j < len(ws) && j <= i+2+maxMeasureWords; j++ {
		w := ws[j]
		if b.p.relatives[w.low] {
			// "gempa bermagnitudo 5,4 yang mengguncang": the relative
			// clause's verb follows.
			continue
		}
		if w.cut || w.date || w.class.is(classFunctionWord) || w.class.is(classCopula) {
			return false
		}
		if w.class.is(classVerb) || isLetters(w.low) && !hasAnyPrefix(w.low, b.p.ev.modifierPrefixes) && b.affixedVerb(w.low) {
			return true
		}
	}
	return false
}

// verbBetween reports whether the event noun at i stands where only a verb
// can: after a noun and before a possessive that opens its object ("the
// bank cut its rate", "rebels attack their camp").
func (b *eventBuilder) verbBetween(ws []sword, i int) bool {
	if i == 0 || i+1 >= len(ws) || ws[i].cut || ws[i+1].cut || !b.p.ev.possessives[ws[i+1].low] {
		return false
	}
	prev := ws[i-1]
	return prev.pred == predNone && !prev.date && !prev.class.is(classFunctionWord) && isLetters(prev.low)
}

// wordClass is the set of word lists, among those predicateKind and
// isDatePrep read, that hold a word. Those run on every word of every
// dated sentence; one lookup in eventLex.classes replaces up to eight in
// the lists themselves.
type wordClass uint16

const (
	classCopula       wordClass = 1 << iota // eventLex.copulas
	classNotVerb                            // eventLex.notVerbs
	classFunctionWord                       // eventLex.functionWords
	classVerb                               // eventLex.verbs
	classSpeechVerb                         // isSpeechVerb
	classEventNoun                          // eventLex.eventNouns
	classVerbAfter                          // eventLex.verbAfter
	classInfinitive                         // eventLex.infinitive
	// classDatePrep is isDatePrep: pack.datePreps, pack.sinceCues and
	// eventLex.untilCues, rangeWords, subordinators, timePreps, dateNouns.
	classDatePrep
)

// is reports whether the word is in the list of class k.
func (c wordClass) is(k wordClass) bool { return c&k != 0 }

// wordClasses builds eventLex.classes from the pack's finished lists.
func (p *pack) wordClasses() map[string]wordClass {
	ev := &p.ev
	classes := map[string]wordClass{}
	for _, l := range []struct {
		class wordClass
		words set
	}{
		{classCopula, ev.copulas}, {classNotVerb, ev.notVerbs}, {classFunctionWord, ev.functionWords},
		{classVerb, ev.verbs}, {classEventNoun, ev.eventNouns}, {classVerbAfter, ev.verbAfter},
		{classInfinitive, ev.infinitive},
		{classDatePrep, p.datePreps}, {classDatePrep, p.sinceCues}, {classDatePrep, ev.untilCues},
		{classDatePrep, ev.rangeWords}, {classDatePrep, ev.subordinators}, {classDatePrep, ev.timePreps},
		{classDatePrep, ev.dateNouns},
	} {
		for w, in := range l.words {
			if in {
				classes[w] |= l.class
			}
		}
	}
	for w := range p.cues {
		if p.isSpeechVerb(w) {
			classes[w] |= classSpeechVerb
		}
	}
	return classes
}

// affixedVerb reports whether the lower-case word low is made a verb by one
// of the language's verb affixes: long enough, and not one of the words
// that only look like verbs.
func (b *eventBuilder) affixedVerb(low string) bool {
	ev := &b.p.ev
	return !ev.notVerbs[low] && !ev.notVerbs[withoutClitic(low, ev.clitics)] && utf8.RuneCountInString(low) >= ev.minAffixed &&
		(hasAnyPrefix(low, ev.verbPrefixes) || hasAnySuffix(low, ev.verbSuffixes))
}

// withoutClitic returns low without the first of clitics it ends with
// ("dinasnya" is "dinas"), low when it ends with none.
func withoutClitic(low string, clitics []string) string {
	for _, c := range clitics {
		if strings.HasSuffix(low, c) && len(c) < len(low) {
			return low[:len(low)-len(c)]
		}
	}
	return low
}

// hasAnyPrefix reports whether s starts with one of ps.
func hasAnyPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// hasAnySuffix reports whether s ends with one of ss.
func hasAnySuffix(s string, ss []string) bool {
	for _, x := range ss {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// stem returns the stem of a lower-case word (timeline.Stem), so two
// forms of one act compare equal: "hilang"/"kehilangan",
// "erupted"/"eruption".
func (b *eventBuilder) stem(low string) string { return timeline.Stem(b.p.code, low) }

// isSpeechVerb reports whether low is a one-word verb of saying ("said",
// "mengatakan", "ujar"), as opposed to a preposition such as "menurut".
func (b *eventBuilder) isSpeechVerb(low string) bool { return b.p.isSpeechVerb(low) }

// auxiliary reports whether low stands before a verb it helps: "had",
// "would", "was", "telah".
func (p *pack) auxiliary(low string) bool {
	return p.ev.verbAfter[low] || p.ev.copulas[low] || p.fillers[low]
}

// isSpeechVerb reports whether low is a one-word verb of saying in the
// pack's cues.
func (p *pack) isSpeechVerb(low string) bool {
	for _, c := range p.cues[low] {
		if c.dir != dirPrep && len(c.words) == 1 {
			return true
		}
	}
	return false
}

// markRelatives marks each relative clause: from the relative word through
// its own verb and what follows it, up to the next verb or clause boundary.
// "Pesawat yang membawa 162 orang hilang kontak": "hilang" is the
// sentence's predicate, "membawa" the relative clause's.
func (b *eventBuilder) markRelatives(ws []sword) {
	for k := 0; k < len(ws); k++ {
		if !b.p.relatives[ws[k].low] || k == 0 {
			continue
		}
		ws[k].rel = true
		seen := false
		j := k + 1
		for ; j < len(ws) && !ws[j].cut && !b.opensClause(ws, j); j++ {
			if ws[j].pred == predVerb {
				if seen && ws[j-1].pred != predVerb {
					break
				}
				seen = true
			}
			ws[j].rel = true
		}
		k = j - 1
	}
}

// isLetters reports whether s holds only letters and hyphens.
func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return s != ""
}
