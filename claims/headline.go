package claims

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factline/factline/timeline"
)

// Headlines are made only of the source's words, in their order: the
// subject, the predicate and its object, without the date, its
// preposition, leading connectors or a trailing function word.
const (
	// maxHeadlineWords keeps a headline short enough for a timeline label.
	maxHeadlineWords = 12
	// minHeadlineWords is the length below which a headline borrows the
	// words after the date or the clause a complementizer opens.
	minHeadlineWords = 4
	// maxSubjectWords bounds a subject borrowed from an earlier clause.
	maxSubjectWords = 6
	// maxAbbreviation is the longest capitalised word (in bytes) read as
	// an abbreviation when a dot follows it inside a sentence ("Corp.").
	maxAbbreviation = 4
)

// wordRange returns the indexes [i, j) of the words inside s.
func wordRange(ws []sword, s Span) (int, int) {
	i := 0
	for i < len(ws) && ws[i].end <= s.Start {
		i++
	}
	j := i
	for j < len(ws) && ws[j].start < s.End {
		j++
	}
	return i, j
}

// spanOf converts a word to a span.
func spanOf(w word) Span { return Span{Start: w.start, End: w.end} }

// clauseOf returns the word range [a, z) of the clause around words
// [i0, i1): between clause marks and subordinators ("untuk", "after"),
// except a subordinator that is the date's own preposition ("sejak 2017",
// "after Monday").
func (b *eventBuilder) clauseOf(ws []sword, i0, i1 int) (int, int) {
	a := i0
	for a > 0 && !ws[a].cut && !b.opensClause(ws, a-1) {
		a--
	}
	z := i1
	for z < len(ws) && !ws[z].cut && !b.opensClause(ws, z) {
		z++
	}
	return a, z
}

// opensClause reports whether word k is a subordinator that opens a clause
// (not a date's preposition). One that is also an infinitive marker is a
// preposition before a name or a determiner: "the train to Bandung
// derailed" is one clause, "agreed to pay" two.
func (b *eventBuilder) opensClause(ws []sword, k int) bool {
	if k < 0 || k >= len(ws) || !b.p.ev.subordinators[ws[k].low] {
		return false
	}
	if b.p.ev.nounPreps[ws[k].low] && k+1 < len(ws) && !ws[k+1].cut {
		next := ws[k+1]
		if isUpperStart(b.text[next.start:next.end]) || b.p.ev.determiners[next.low] ||
			k > 0 && ws[k-1].pred == predNone && next.pred == predNone && !b.p.ev.functionWords[next.low] && !b.p.ev.verbAfter[next.low] {
			return false
		}
	}
	return !b.beforeDate(ws, k)
}

// beforeDate reports whether word k is a preposition of the date that
// follows it, directly or after another preposition ("sejak 2017", "pada
// tanggal", "on Sunday").
func (b *eventBuilder) beforeDate(ws []sword, k int) bool {
	for j := k + 1; j < len(ws) && j <= k+2; j++ {
		if ws[j].date {
			return true
		}
		if !b.isDatePrep(ws[j].low) {
			return false
		}
	}
	return false
}

// isDatePrep reports whether low can stand before a date as its
// preposition.
func (b *eventBuilder) isDatePrep(low string) bool {
	return b.p.ev.classes[low].is(classDatePrep)
}

// predicate returns the index of the predicate in [a, z) nearest the date
// [i0, i1): a verb outside relative clauses, else an event noun; -1 if the
// clause has neither. A date inside a relative clause anchors that
// clause's own verb ("the man who was arrested on Monday").
func (b *eventBuilder) predicate(ws []sword, a, z, i0, i1 int) int {
	inRel := i0 < len(ws) && ws[i0].rel
	best := b.nearest(ws, a, z, i0, i1, inRel)
	if inRel && (best < 0 || b.p.ev.happenVerbs[ws[best].low]) {
		// A relative clause without a verb of its own ("residivis yang
		// bebas dua tahun lalu"), or whose verb only says when its noun
		// happened ("gempa yang terjadi kemarin itu merusak"), is dated
		// with the clause around it: the date names the noun.
		if outer := b.nearest(ws, a, z, i0, i1, false); outer >= 0 || best < 0 {
			best = outer
		}
	}
	return best
}

// nearest returns the predicate of [a, z) that the date [i0, i1) anchors,
// a verb before an event noun, taking verbs only inside (inRel) or outside
// relative clauses. A date follows the predicate it modifies in both
// languages ("Kim mengadakan rapat pada Sabtu", "The ferry left port at
// 5:10"), so the nearest one before it wins, then the nearest after it
// ("On Sunday, divers found ..."); neither search crosses a conjunction
// ("left port at 5:10 and rescuers reached it") unless nothing is found.
func (b *eventBuilder) nearest(ws []sword, a, z, i0, i1 int, inRel bool) int {
	for _, kind := range []predKind{predVerb, predNoun} {
		ok := func(k int) bool {
			return ws[k].pred == kind && !ws[k].boiler && (ws[k].rel == inRel || kind == predNoun) &&
				!(kind == predNoun && b.afterCopula(ws, a, k))
		}
		for _, crossAnd := range []bool{false, true} {
			for k := i0 - 1; k >= a; k-- {
				if ok(k) {
					return k
				}
				if !crossAnd && b.p.conjunctions[ws[k].low] {
					break
				}
			}
			for k := i1; k < z; k++ {
				if ok(k) {
					return k
				}
				if !crossAnd && b.p.conjunctions[ws[k].low] {
					break
				}
			}
		}
	}
	return -1
}

// afterCopula reports whether a copula stands in [a, k): a noun after one
// describes the subject ("2014 was the worst year for crashes") and tells
// no happening.
func (b *eventBuilder) afterCopula(ws []sword, a, k int) bool {
	for j := a; j < k; j++ {
		if b.p.ev.copulas[ws[j].low] {
			return true
		}
	}
	return false
}

// hasVerb reports whether [a, z) holds a verb outside relative clauses.
func (b *eventBuilder) hasVerb(ws []sword, a, z int) bool {
	for k := a; k < z; k++ {
		if ws[k].pred == predVerb && !ws[k].rel {
			return true
		}
	}
	return false
}

// fronted reports whether clause [a, z) is an adjunct put before the
// clause it belongs to: no verb, and it opens with a preposition or the
// date itself ("Pada sesi hari Minggu (29/12), Kim ...", "On Sunday, ...").
func (b *eventBuilder) fronted(ws []sword, a, z int) bool {
	first := -1
	for k := a; k < z; k++ {
		if ws[k].pred == predVerb {
			return false
		}
		if first < 0 && !b.p.fillers[ws[k].low] && !b.p.ev.headConnectors[ws[k].low] {
			first = k
		}
	}
	return first >= 0 && (ws[first].date || b.isDatePrep(ws[first].low) || b.p.prepositions[ws[first].low])
}

// assessment reports whether clause [a, z) describes rather than tells: a
// copula and no verb ("Tahun 2014 merupakan tahun terburuk", "2014 was the
// worst year for aviation").
func (b *eventBuilder) assessment(ws []sword, a, z int) bool {
	copula := false
	for k := a; k < z; k++ {
		if ws[k].pred == predVerb {
			return false
		}
		copula = copula || b.p.ev.copulas[ws[k].low]
	}
	return copula
}

// notAHappening reports whether the date at words [i0, i1) dates no
// happening whatever the clause says: the subject of an assessment ("2023
// was the worst year", "said 2024 had been a terrible year", "menilai 2024
// sebagai tahun terburuk"), the number of a document ("Peraturan Gubernur
// Nomor 22 Tahun 2021"), or a time something came ahead of ("menjelang
// libur Natal", "ahead of Christmas"), which is not the time it happened.
func (b *eventBuilder) notAHappening(ws []sword, i0, i1 int) bool {
	ev := &b.p.ev
	before := i0 - 1
	for before >= 0 && ev.dateNouns[ws[before].low] {
		before--
	}
	// Only a date that stands as a noun phrase of its own is assessed: one
	// after a preposition dates the noun before it ("a cut in May could
	// not be ruled out", "dilantik pada 2019 sebagai presiden").
	subject := before < 0 || !b.isDatePrep(ws[before].low) && !b.p.prepositions[ws[before].low]
	for k := i1; subject && k < len(ws) && k <= i1+2 && !ws[k].cut; k++ {
		low := ws[k].low
		if ev.copulas[low] || ev.assessments[low] {
			return true
		}
		if !ev.verbAfter[low] && !b.p.fillers[low] {
			break
		}
	}
	if before >= 0 && b.p.sinceCues[ws[before].low] && b.ranked(ws, before) {
		return true
	}
	// "menjelang libur Natal", "ahead of Christmas", "menjelang musim
	// belanja akhir tahun": a few words of the noun phrase may stand
	// between, never a clause mark or a predicate, which the date dates
	// instead ("menjelang tenggat akhir tahun": the deadline is at the
	// year's end).
	for k := before; k >= 0 && k >= before-maxAheadGap; k-- {
		if ev.aheadOf[ws[k].low] {
			return true
		}
		if ws[k].cut || ws[k].pred != predNone {
			break
		}
	}
	// "Nomor 22 Tahun 2021", "Nomor KP-DRJD 4821 Tahun 2025": a number
	// word, then the number, then the date.
	for k := i0 - 2; k >= 0 && k >= i0-maxIdentifierGap; k-- {
		if !ev.numberWords[ws[k].low] {
			continue
		}
		for j := k + 1; j < i0; j++ {
			if isDigit(rune(ws[j].low[0])) {
				return true
			}
		}
	}
	// "called Tuesday \"the worst day in a generation\"", "menyebut libur
	// akhir tahun kali ini sebagai yang terpanjang": the date is what the
	// verb names or judges. A preposition before the date ("called on
	// Tuesday for calm") or after it ("called Monday for an end to the
	// violence") makes it the time of the calling.
	if subject && (i1 >= len(ws) || !b.p.prepositions[ws[i1].low] && !b.isDatePrep(ws[i1].low) &&
		!(ev.functionWords[ws[i1].low] && !ev.determiners[ws[i1].low])) {
		for k := before; k >= 0 && k >= before-maxNamingGap && !ws[k+1].cut; k-- {
			// "were named Thursday in a bulletin": a passive naming is a
			// happening on the date.
			if ev.namingVerbs[ws[k].low] && (k == 0 || !ev.copulas[ws[k-1].low]) {
				return true
			}
			if ws[k].pred == predVerb {
				break
			}
		}
	}
	// "for January delivery", "untuk pengiriman Januari": the month of a
	// contract traded today.
	if (i0 > 0 && ev.contractNouns[ws[i0-1].low] || i1 < len(ws) && ev.contractNouns[ws[i1].low]) && !namesDay(ws[i0:i1]) {
		return true
	}
	// "the museum's 2024 annual report", "Rencana Strategis 2025", "RUPTL
	// 2025-2034": a year or a span of years that names a document.
	if yearsOnly(ws[i0:i1]) {
		for k := i1; k < len(ws) && k <= i1+1 && !ws[k].cut; k++ {
			if ev.titleNouns[ws[k].low] {
				return true
			}
		}
		if i0 > 0 && ev.titleNouns[ws[i0-1].low] {
			return true
		}
	}
	return false
}

// namesDay reports whether a date's words ws hold a day of the month: a
// number of one or two digits ("10 Januari", "Jan. 10").
func namesDay(ws []sword) bool {
	for _, w := range ws {
		if len(w.low) <= 2 && isNumberWord(w) {
			return true
		}
	}
	return false
}

// yearsOnly reports whether ws are one year or a span of two: "2025",
// "2025-2034", "2025–2034".
func yearsOnly(ws []sword) bool {
	var years []string
	for _, w := range ws {
		years = append(years, strings.FieldsFunc(w.low, func(r rune) bool { return r == '-' || r == '–' })...)
	}
	for _, y := range years {
		if len(y) != 4 || strings.TrimFunc(y, isDigit) != "" {
			return false
		}
	}
	return len(years) == 1 || len(years) == 2
}

// kindOfThing reports whether a part of the day at word i stands between a
// determiner and the noun it qualifies, naming a kind of thing: "the
// overnight reverse repurchase rate". A happening's noun ("the overnight
// raid") keeps its time.
func (b *eventBuilder) kindOfThing(ws []sword, i int) bool {
	ev := &b.p.ev
	return i > 0 && i+1 < len(ws) && ev.determiners[ws[i-1].low] && !ws[i].cut && !ws[i+1].cut &&
		ws[i+1].pred == predNone && !ev.functionWords[ws[i+1].low] && !ev.eventNouns[ws[i+1].low] && !b.isDatePrep(ws[i+1].low)
}

// namesPeriod reports whether a holiday's name at words [i0, i1) names a
// period with a period noun next to it ("masa angkutan Natal dan Tahun
// Baru", "the Christmas period"): the season, not the holiday's day.
func (b *eventBuilder) namesPeriod(ws []sword, i0, i1 int) bool {
	if i1 < len(ws) && !ws[i1].cut && b.p.ev.periodNouns[ws[i1].low] {
		return true
	}
	// Another holiday listed before it shares the noun: "masa angkutan
	// Natal dan Tahun Baru".
	gap := 0
	for k := i0 - 1; k >= 0 && gap < maxNamingGap && !ws[k+1].cut; k-- {
		switch {
		case b.p.ev.periodNouns[ws[k].low]:
			return true
		case ws[k].pred != predNone:
			return false
		case !ws[k].date && !b.p.conjunctions[ws[k].low]:
			gap++
		}
	}
	return false
}

// maxNamingGap is how many words of the named thing may stand between a
// naming verb or a period noun and the date: "menyebut libur akhir
// tahun", "masa angkutan Natal".
const maxNamingGap = 2

// maxIdentifierGap is how many words a number word may stand before the
// date of an identifier ("Nomor KP-DRJD 4821 Tahun 2025").
const maxIdentifierGap = 5

// ranked reports whether a ranking word stands in the few words before
// the since-word at k, within its clause: "the worst since", "the 12th
// since", "ke-5 sejak".
func (b *eventBuilder) ranked(ws []sword, k int) bool {
	for j := k - 1; j >= 0 && j >= k-maxRankGap && !ws[j+1].cut; j-- {
		if low := ws[j].low; b.p.ev.rankings[low] || timeline.DigitOrdinal(b.p.code, low) {
			return true
		}
	}
	return false
}

// maxRankGap is how many words a ranking may stand before its since-word
// ("the deadliest earthquake to hit the region since").
const maxRankGap = 6

// maxAheadGap is how many words may stand between a word such as
// "menjelang" and the date it governs.
const maxAheadGap = 3

// statement reports whether clause [a, z) states a dated fact without a
// predicate the lexicon knows: no copula, and at least two content words
// besides the date ("Pada kuartal II 2025 pertumbuhan hanya 4,8 persen").
func (b *eventBuilder) statement(ws []sword, a, z int) bool {
	n := 0
	for k := a; k < z; k++ {
		if b.p.ev.copulas[ws[k].low] {
			return false
		}
		if !b.skip(ws, k, false) && !b.p.ev.functionWords[ws[k].low] {
			n++
		}
	}
	return n >= 2
}

// saying reports whether the predicate at pi reports speech: a verb that
// always does ("said", "told", "ujar"), or one followed by reported content
// ("announced that", a quote).
// "declared a state of emergency" is an act, not a statement.
func (b *eventBuilder) saying(ws []sword, pi int) bool {
	// "The decision was announced at 4 p.m.": a passive tells what was
	// done, not who said what.
	if pi > 0 && b.p.ev.copulas[ws[pi-1].low] {
		return false
	}
	if b.p.ev.sayingVerbs[ws[pi].low] {
		return true
	}
	if !b.isSpeechVerb(ws[pi].low) {
		return false
	}
	for k := pi + 1; k < len(ws) && k <= pi+3; k++ {
		if b.p.complementizers[ws[k].low] || strings.ContainsAny(b.text[ws[k-1].end:ws[k].start], "\"“:") {
			return true
		}
	}
	return false
}

// skip reports whether word k is left out of a headline: a date word, a
// date's preposition, or a word of a relative clause the predicate is not
// in.
func (b *eventBuilder) skip(ws []sword, k int, inRel bool) bool {
	w := ws[k]
	return w.date || w.boiler || w.periodEnd || b.isDatePrep(w.low) && b.beforeDate(ws, k) || w.rel && !inRel
}

// phrase makes the headline of the predicate at pi in clause [a, z) of
// sentence si: its subject (borrowed from an earlier clause when the
// clause has none), the predicate and its object. It returns the headline
// and the subject and object spans.
func (b *eventBuilder) phrase(ws []sword, a, z, pi, si int) (string, Span, Span) {
	inRel := ws[pi].rel
	if inRel {
		// The relative clause's subject is the noun it follows.
		r := pi
		for r > 0 && ws[r-1].rel {
			r--
		}
		if r > 0 {
			// The noun may stand before the clause's comma: "pengujian
			// rudal, yang telah ditangguhkan sejak 2017".
			lo := a
			if r == a {
				lo = 0
			}
			inRel = false
			ws = withoutRelative(ws, r)
			a = b.nounBefore(ws, lo, r)
			if a < r && a > lo && slices.ContainsFunc(ws[a:r], isNumberWord) && !slices.ContainsFunc(ws[a:r], func(w sword) bool { return !isNumberWord(w) && !w.date }) {
				// An age in apposition stands between the noun and its
				// clause: "Siti Rohmah, 54, who died", "Rizki (9), yang
				// hanyut". The noun is the one before it, without it.
				for k := a; k < r; k++ {
					ws[k].date = true
				}
				a = b.nounBefore(ws, lo, a)
			}
		}
	}
	var subj []int
	if ws[pi].pred == predVerb {
		from, end, to := b.subjectRange(ws, a, pi, inRel)
		for k := from; k < end; k++ {
			if !b.skip(ws, k, inRel) {
				subj = append(subj, k)
			}
		}
		// Auxiliaries alone are no subject: "Farkas, an air force
		// captain, was sent into space" borrows "Farkas" before "was".
		var aux []int
		// An infinitive's "to be" has for subject the noun before it, the
		// object of the verb it completes: "expect the transaction to be
		// completed" reads "The transaction to be completed".
		onlyAux := len(subj) > 0 && !slices.ContainsFunc(subj, func(k int) bool { return !b.p.ev.verbAfter[ws[k].low] && !b.p.ev.copulas[ws[k].low] })
		switch {
		case onlyAux && subj[0] > 1 && b.p.ev.infinitive[ws[subj[0]-1].low]:
			// After a clause mark the noun is no object of the verb
			// ("a placement of preferred shares, to be completed"):
			// the infinitive stands alone.
			to := subj[0] - 1
			if n := b.nounBefore(ws, 0, to); n < to && ws[n].pred == predNone && !ws[to].cut {
				subj = append(seq(n, to+1), subj...)
			}
		case onlyAux:
			aux, subj = subj, nil
		}
		subj = b.trimLead(ws, b.withoutFrontedAdjunct(ws, subj))
		if len(subj) == 0 {
			subj = b.borrowSubject(ws, a)
		}
		subj = append(subj, aux...)
		// The verbs chained before the predicate ("mulai retak",
		// "dijadwalkan berlanjut") stay with it.
		for k := to; k < pi; k++ {
			if !b.skip(ws, k, inRel) {
				subj = append(subj, k)
			}
		}
	} else {
		// An event noun heads its own phrase: "pertemuan pertama".
		a = pi
	}
	obj := b.object(ws, pi, z, inRel, len(subj))
	switch {
	case (len(subj) == 0 || len(obj) == 0) && len(subj)+1+len(obj) < minHeadlineWords:
		obj = append(obj, b.extend(ws, obj, pi, z, inRel, minHeadlineWords-len(subj)-1-len(obj))...)
	case len(obj) == 0 && pi+1 < z && ws[pi+1].date:
		// "closed yesterday at $43.50", "mengungsi pukul 15.30 ke balai
		// desa": what completes the verb follows its date.
		obj = b.extend(ws, obj, pi, z, inRel, maxHeadlineWords-len(subj)-1)
	case len(obj) == 0 && b.takesClause(ws, pi):
		// "OPEC memutuskan untuk tidak memangkas produksi": the verb's
		// object is the clause it opens.
		obj = b.extend(ws, obj, pi, z, inRel, maxHeadlineWords-len(subj)-1)
	}
	idx := append(append(append([]int{}, subj...), pi), obj...)
	idx = b.fit(ws, idx, pi)
	words := make([]string, 0, len(idx))
	for n, k := range idx {
		w := b.wordText(ws[k].word)
		if n == 0 && len(subj) > 0 && k == subj[0] && b.p.ev.subjectPronouns[ws[k].low] && len(subj) == 1 {
			if name := b.antecedent(b.sents[si].Start); name != "" {
				w = name
			}
		}
		words = append(words, w)
	}
	var subjSpan, objSpan Span
	if len(subj) > 0 {
		subjSpan = Span{Start: ws[subj[0]].start, End: ws[subj[len(subj)-1]].end}
	}
	if len(obj) > 0 {
		objSpan = Span{Start: ws[obj[0]].start, End: ws[obj[len(obj)-1]].end}
	}
	return capitalise(b.joinWords(ws, idx, words)), subjSpan, objSpan
}

// subjectRange returns the words [from, end) of the predicate's subject in
// clause [a, pi): after an earlier verb whose object it is ("mengatakan
// hujan deras mengguyur": "hujan deras"), or, when the earlier verb is
// coordinated with the predicate, the subject they share ("Tim SAR tiba di
// lokasi dan mengevakuasi": "Tim SAR"). to is where the predicate's chain
// of verbs begins.
func (b *eventBuilder) subjectRange(ws []sword, a, pi int, inRel bool) (from, end, to int) {
	to = pi
	if from, end, to := b.outerSubject(ws, a, pi, inRel); end > from {
		return from, end, to
	}
	for k := pi - 1; k >= a; k-- {
		w := ws[k]
		if w.rel != inRel || w.date {
			continue
		}
		if w.pred != predVerb || b.reducedRelative(ws, a, k) || b.attributive(ws, k, to) {
			continue
		}
		if b.chained(ws, k, to) {
			to = k
			continue
		}
		if c := b.coordinated(ws, k, to); c >= 0 {
			// "meninggal dunia dan Dinkes menurunkan": a subject of its
			// own after the conjunction.
			for j := c + 1; j < to; j++ {
				if !b.skip(ws, j, inRel) && !b.p.fillers[ws[j].low] {
					return c + 1, to, to
				}
			}
			first := k
			for j := a; j < k; j++ {
				if ws[j].pred == predVerb && ws[j].rel == inRel {
					first = j
					break
				}
			}
			return a, first, to
		}
		return k + 1, to, to
	}
	return a, to, to
}

// outerSubject returns the subject [from, end) of a predicate at pi that
// follows the verb of the subordinate clause opening its clause [a, pi):
// the subordinate clause stands between the subject and its predicate, as
// in "A woman injured when a train derailed died" and "Pria yang terluka
// saat kereta anjlok meninggal" (subjects "A woman", "Pria"). The words
// before the subordinator must be a noun phrase modified by a participle
// (left out) or a relative clause: a bare noun before a subordinator is
// what the clause tells of ("a time when"), and a verb of saying or one
// that takes a clause has the subordinate clause for its object. to is
// where the predicate's auxiliaries and copulas begin ("the bomb exploded
// was identified"). from == end when the clause is not of that shape.
func (b *eventBuilder) outerSubject(ws []sword, a, pi int, inRel bool) (from, end, to int) {
	if a < 2 || a >= pi || !b.opensClause(ws, a-1) || b.p.ev.infinitive[ws[a-1].low] || ws[a-1].cut || b.p.prepositions[ws[a].low] {
		return a, a, pi
	}
	to, verb := pi, false
	for k := pi - 1; k >= a; k-- {
		if ws[k+1].cut || b.p.conjunctions[ws[k].low] {
			return a, a, pi
		}
		if ws[k].rel == inRel && ws[k].pred == predVerb {
			// A verb right before the predicate chains with it ("saat
			// mulai retak") unless the subordinate clause has a
			// subject of its own ("saat kereta anjlok meninggal").
			verb = !b.chained(ws, k, pi) || slices.ContainsFunc(ws[a:k], func(w sword) bool {
				return w.pred == predNone && !w.date && !b.p.ev.functionWords[w.low]
			})
			// The auxiliaries and copulas after the clause's verb are
			// the predicate's: "exploded was identified".
			if !slices.ContainsFunc(ws[k+1:pi], func(w sword) bool { return !b.p.ev.verbAfter[w.low] && !b.p.ev.copulas[w.low] }) {
				to = k + 1
			}
			break
		}
	}
	if !verb {
		return a, a, pi
	}
	end, noun, modified := a-1, false, false
	for j := a - 2; j >= 0; j-- {
		w := ws[j]
		if w.rel != inRel {
			modified = true
		}
		if w.rel != inRel || b.skip(ws, j, inRel) {
			if w.cut {
				break
			}
			continue
		}
		switch {
		case w.pred == predVerb && !noun && !modified && j > 0 && !b.isSpeechVerb(w.low) && !b.takesClause(ws, j):
			end, modified = j, true
		case w.pred != predNone || b.opensClause(ws, j):
			return a, a, pi
		case !b.p.ev.functionWords[w.low]:
			noun = true
		}
		from = j
		if w.cut {
			break
		}
	}
	if !noun || !modified {
		return a, a, pi
	}
	return from, end, to
}

// reducedRelative reports whether the verb at k, after a noun and before a
// preposition, modifies that noun: "workers kidnapped in South Sudan".
func (b *eventBuilder) reducedRelative(ws []sword, a, k int) bool {
	if k <= a || k+1 >= len(ws) || ws[k].cut || ws[k+1].cut || !hasAnySuffix(ws[k].low, b.p.ev.reducedRelatives) {
		return false
	}
	prev, next := ws[k-1], ws[k+1].low
	return prev.pred == predNone && !b.p.ev.functionWords[prev.low] && (b.p.prepositions[next] || b.p.datePreps[next])
}

// attributive reports whether the verb at k, a participle between a
// preposition or determiner and a noun before to, describes that noun:
// "letters to affected patients went out", "the injured passengers".
func (b *eventBuilder) attributive(ws []sword, k, to int) bool {
	if k == 0 || k+1 >= to || ws[k].cut || ws[k+1].cut || !hasAnySuffix(ws[k].low, b.p.ev.reducedRelatives) {
		return false
	}
	prev, next := ws[k-1].low, ws[k+1]
	return (b.p.prepositions[prev] || b.p.ev.determiners[prev]) && next.pred == predNone && !next.date && !b.p.ev.functionWords[next.low]
}

// chained reports whether the verb at k joins the chain starting at to:
// only auxiliaries, subordinators or function words stand between them
// ("dijadwalkan untuk mengadakan", "mulai retak").
func (b *eventBuilder) chained(ws []sword, k, to int) bool {
	for j := k + 1; j < to; j++ {
		low := ws[j].low
		if !b.p.ev.verbAfter[low] && !b.p.ev.subordinators[low] {
			return false
		}
	}
	return true
}

// coordinated returns the last conjunction (or clause mark) between the
// verb at k and the chain at to ("tiba di lokasi dan mengevakuasi"), -1 if
// none.
func (b *eventBuilder) coordinated(ws []sword, k, to int) int {
	for j := to - 1; j > k; j-- {
		if b.p.conjunctions[ws[j].low] {
			return j
		}
		if ws[j].cut {
			return j - 1
		}
	}
	return -1
}

// withoutRelative returns ws with the relative word and what stands between
// it and the verb at pi marked as part of the clause, so the noun before
// the relative word is the subject: "the man who was arrested" reads "the
// man was arrested".
func withoutRelative(ws []sword, r int) []sword {
	out := append([]sword(nil), ws...)
	for k := r; k < len(out) && out[k].rel; k++ {
		out[k].rel = false
	}
	out[r].date = true // the relative word itself is left out
	return out
}

// seq returns the word indexes from, from+1, ..., to-1.
func seq(from, to int) []int {
	out := make([]int, 0, max(0, to-from))
	for k := from; k < to; k++ {
		out = append(out, k)
	}
	return out
}

// isNumberWord reports whether w is written in digits only.
func isNumberWord(w sword) bool {
	return w.low != "" && strings.TrimFunc(w.low, isDigit) == ""
}

// nounBefore returns where the noun phrase ending before word r starts,
// no earlier than a: back to a verb, copula, preposition or clause mark
// ("pengujian rudal jarak jauh yang ditangguhkan": "pengujian").
func (b *eventBuilder) nounBefore(ws []sword, a, r int) int {
	s := r
	for s > a && r-s < maxSubjectWords && (s == r || !ws[s].cut) {
		low := ws[s-1].low
		if ws[s-1].pred == predVerb || b.p.ev.copulas[low] || b.p.ev.functionWords[low] && !b.p.demonstratives[low] && !b.p.ev.determiners[low] {
			break
		}
		s--
		if b.p.ev.determiners[low] {
			break
		}
	}
	return s
}

// object returns the words after the predicate at pi that complete it, up
// to the date, a clause mark, a relative or subordinate clause, or a
// coordinated second predicate.
func (b *eventBuilder) object(ws []sword, pi, z int, inRel bool, subjLen int) []int {
	var obj []int
	// fit cuts a longer subject to its noun phrase: the object has room
	// for what is left after that.
	room := maxHeadlineWords - min(subjLen, maxSubjectWords) - 1
	for k := pi + 1; k < z && len(obj) < room+2; k++ {
		w := ws[k]
		if w.date && (k > 0 && b.p.ev.determiners[ws[k-1].low] || b.compoundModifier(ws, k, z)) {
			// A date inside the object ("posted a third-quarter loss",
			// "reported third-quarter profit jumped").
			for k+1 < z && ws[k+1].date {
				k++
			}
			continue
		}
		if w.date || w.periodEnd || b.isDatePrep(w.low) && b.beforeDate(ws, k) {
			if j := b.clauseGoesOn(ws, pi, k, z); len(obj) > 0 && j > k {
				// "memperkirakan defisit RAPBN 2008 mencapai Rp75
				// triliun": the date is inside the clause that is the
				// verb's object, whose predicate comes after it.
				k = j - 1
				continue
			}
			break
		}
		if w.rel && !inRel || b.p.relatives[w.low] || b.opensClause(ws, k) {
			break
		}
		if (b.p.conjunctions[w.low] || b.comparesBase(ws, k)) && len(obj) >= 2 {
			break
		}
		if w.pred == predVerb && len(obj) >= 2 && ws[k-1].pred != predVerb && !b.isSpeechVerb(ws[pi].low) && !b.p.futureCues[ws[pi].low] {
			// A second predicate is coordinated, except after a verb of
			// saying or planning, whose object is a clause ("said net
			// income dropped", "menargetkan pembangunan kereta cepat
			// dimulai").
			break
		}
		obj = append(obj, k)
	}
	// The room ends after a word, not inside a figure or a name: "sekitar
	// 100 juta dolar AS" keeps its units, "Keputusan Menteri Keuangan" its
	// last words.
	for n := len(obj); n > 0 && n < len(obj)+maxSubjectWords; n++ {
		w, k := ws[obj[n-1]], obj[n-1]+1
		if k >= z || ws[k].date || ws[k].cut || !b.insideFigure(w, ws[k]) && !(b.capitalised(w) && b.capitalised(ws[k])) {
			break
		}
		obj = append(obj, k)
	}
	return obj
}

// comparesBase reports whether word k opens the base of a comparison,
// which is no part of what happened ("totaled $212 million, compared with
// net income of ...", "turun 1,35 dollar dibanding penutupan"); before a
// figure it is a quantity ("more than $4 a share").
func (b *eventBuilder) comparesBase(ws []sword, k int) bool {
	if !b.p.ev.comparisons[ws[k].low] {
		return false
	}
	return ws[k].cut || k+1 >= len(ws) || !isDigit(rune(b.text[ws[k+1].start]))
}

// compoundModifier reports whether the date word at k is one hyphenated
// word before the noun it modifies ("third-quarter profit", "year-end
// bonus"), not a phrase of its own.
func (b *eventBuilder) compoundModifier(ws []sword, k, z int) bool {
	if !strings.Contains(b.text[ws[k].start:ws[k].end], "-") || k+1 >= z || (k > 0 && ws[k-1].date) {
		return false
	}
	next := ws[k+1]
	return !next.cut && !next.date && next.pred == predNone && !b.p.ev.functionWords[next.low] &&
		!b.p.prepositions[next.low] && !b.isDatePrep(next.low)
}

// clauseGoesOn returns where the object of the verb at pi resumes past
// the date words starting at k: at a copula that completes it
// ("meningkat dari Rp21 pada 2006 | menjadi Rp25"), or, after a verb of
// saying or planning, whose object is a clause, at a verb or auxiliary of
// that clause ("memperkirakan pertumbuhan kredit pada 2008 | akan lebih
// tinggi"); k when the date ends the object.
func (b *eventBuilder) clauseGoesOn(ws []sword, pi, k, z int) int {
	j := k
	for j < z && (ws[j].date || b.isDatePrep(ws[j].low)) {
		j++
	}
	if j == k || j >= z || ws[j].cut || ws[j].rel || b.capitalised(ws[j]) {
		return k
	}
	if b.p.ev.copulas[ws[j].low] {
		// "meningkat dari Rp21 pada kuartal pertama 2006 | menjadi Rp25":
		// the change ends after the date.
		return j
	}
	if (b.isSpeechVerb(ws[pi].low) || b.p.futureCues[ws[pi].low]) && (ws[j].pred == predVerb || b.p.ev.verbAfter[ws[j].low]) {
		return j
	}
	return k
}

// takesClause reports whether the verb at pi is followed directly by the
// infinitive marker or complementizer of a clause that completes it
// ("memutuskan untuk", "decided to").
func (b *eventBuilder) takesClause(ws []sword, pi int) bool {
	if pi+2 >= len(ws) || ws[pi+1].cut || ws[pi+1].date {
		return false
	}
	low := ws[pi+1].low
	return (b.marksInfinitive(low) || b.p.complementizers[low]) && !b.beforeDate(ws, pi+1)
}

// marksInfinitive reports whether low can open an infinitive after a
// verb: an infinitive marker, or a noun preposition, which before a verb
// is one ("memutuskan untuk memangkas").
func (b *eventBuilder) marksInfinitive(low string) bool {
	return b.p.ev.infinitive[low] || b.p.ev.nounPreps[low]
}

// extend returns up to n words to lengthen a short headline: what follows
// the date in the clause ("tiba pada Minggu di Jakarta"), or the clause a
// complementizer opens ("menyarankan agar tindakan dijalankan").
func (b *eventBuilder) extend(ws []sword, obj []int, pi, z int, inRel bool, n int) []int {
	from := pi + 1
	if len(obj) > 0 {
		from = obj[len(obj)-1] + 1
	}
	var out []int
	for k := from; k < len(ws) && len(out) < n+maxHeadlineWords/2; k++ {
		if k >= z && (ws[k].cut || k > z+maxHeadlineWords) {
			break
		}
		if b.skip(ws, k, inRel) {
			continue
		}
		if low := ws[k].low; b.p.conjunctions[low] || len(out) > 0 && (b.p.ev.headConnectors[low] || b.p.ev.subordinators[low] && !b.p.ev.nounPreps[low]) {
			break
		}
		if k >= z && len(out) == 0 && (!b.p.complementizers[ws[k].low] && !b.p.ev.subordinators[ws[k].low] || dateBetween(ws, from, k)) {
			// A subordinate clause completes the verb only when it follows
			// it directly ("menyarankan agar ..."); after the date it is
			// an adjunct ("dihentikan pukul 17.00 karena ...").
			break
		}
		out = append(out, k)
	}
	return out
}

// dateBetween reports whether a date word lies in [from, to).
func dateBetween(ws []sword, from, to int) bool {
	for k := from; k < to; k++ {
		if ws[k].date {
			return true
		}
	}
	return false
}

// withoutFrontedAdjunct drops from a subject the phrase a preposition
// opens before a clause mark: "In Los Angeles, the lesson was brought home"
// has "the lesson" for subject.
func (b *eventBuilder) withoutFrontedAdjunct(ws []sword, idx []int) []int {
	if len(idx) < 2 || !b.p.prepositions[ws[idx[0]].low] && !b.isDatePrep(ws[idx[0]].low) {
		return idx
	}
	for n := len(idx) - 1; n > 0; n-- {
		if ws[idx[n]].cut {
			return idx[n:]
		}
	}
	return idx
}

// trimLead drops leading connectors and fillers ("bahwa", "namun",
// "meanwhile") from a list of word indexes.
func (b *eventBuilder) trimLead(ws []sword, idx []int) []int {
	for len(idx) > 0 {
		low := ws[idx[0]].low
		if !b.p.ev.headConnectors[low] && !b.p.fillers[low] && !b.p.complementizers[low] {
			break
		}
		idx = idx[1:]
	}
	return idx
}

// borrowSubject returns the subject of the sentence's first clause with a
// verb before word a: "Pesawat itu lepas landas pukul 05.35 dan hilang
// kontak pukul 06.17" gives "Pesawat itu" to the second clause.
func (b *eventBuilder) borrowSubject(ws []sword, a int) []int {
	if subj := b.subjectBeforeAside(ws, a); subj != nil {
		return subj
	}
	for k := 0; k < a; k++ {
		if ws[k].pred != predVerb || ws[k].rel {
			continue
		}
		s := k
		for s > 0 && !ws[s].cut && !b.opensClause(ws, s-1) {
			s--
		}
		var subj []int
		for j := s; j < k; j++ {
			if !b.skip(ws, j, false) {
				subj = append(subj, j)
			}
		}
		subj = b.trimLead(ws, subj)
		if len(subj) == 0 || len(subj) > maxSubjectWords {
			return nil
		}
		if b.p.futureCues[ws[k].low] || k+2 == a && b.marksInfinitive(ws[k+1].low) {
			// "dijadwalkan untuk meresmikan", "memutuskan untuk
			// memangkas": the plan or decision stays in the headline, or
			// it would read as done.
			for j := k; j < a; j++ {
				if !b.skip(ws, j, false) {
					subj = append(subj, j)
				}
			}
		}
		return subj
	}
	// No verb before the clause: the sentence opens with its subject and
	// an apposition or adjunct ("Smith, 57, resigned", "IHSG pada
	// penutupan hari ini, Kamis, berakhir"); the first stretch between
	// clause marks that is not itself an adjunct ("Pada penutupan,")
	// names it, cut as nounPhrase cuts a long one.
	for s := 0; s < a; {
		e := s + 1
		for e < a && !ws[e].cut {
			e++
		}
		if subj := b.nounPhrase(ws, s, e); subj != nil {
			return subj
		}
		s = e
	}
	return nil
}

// subjectBeforeAside returns the noun phrase before an aside that ends
// right before word a: a relative clause or a participle phrase set off
// by commas stands between the subject and its predicate ("Police said the
// fire, which destroyed 40 homes, started on Sunday", "The offer,
// advertised in today's editions, expires"). nil when no such aside ends
// there.
func (b *eventBuilder) subjectBeforeAside(ws []sword, a int) []int {
	s := a - 1
	for s > 0 && !ws[s].cut {
		s--
	}
	if s <= 0 || s >= a || !ws[s].cut {
		return nil
	}
	// The predicate's auxiliaries and the verb of a plan may open the
	// clause after the aside ("is scheduled to expire"): they stay with
	// the predicate, and the aside ends before them.
	var chain []int
	if !slices.ContainsFunc(ws[s:a], func(w sword) bool {
		return !b.p.ev.verbAfter[w.low] && !b.p.ev.copulas[w.low] && !b.p.ev.infinitive[w.low] && !b.p.futureCues[w.low]
	}) {
		chain = seq(s, a)
		a, s = s, s-1
		for s > 0 && !ws[s].cut {
			s--
		}
		if s <= 0 || !ws[s].cut {
			return nil
		}
	}
	opener := ws[s]
	if !b.p.relatives[opener.low] && !(opener.pred == predVerb && hasAnySuffix(opener.low, b.p.ev.reducedRelatives)) {
		return nil
	}
	// The subject runs back from the aside to the clause's start or the
	// verb whose object it is ("said the fire", "The British and Irish
	// governments"); a longer stretch holds more than the subject, whose
	// noun phrase ends at the aside.
	from := s - 1
	for from > 0 && !ws[from].cut && ws[from-1].pred != predVerb && !b.opensClause(ws, from-1) {
		from--
	}
	if s-from > maxSubjectWords {
		from = b.nounBefore(ws, from, s)
	}
	var subj []int
	for j := from; j < s; j++ {
		if !b.skip(ws, j, false) {
			subj = append(subj, j)
		}
	}
	if subj = b.trimLead(ws, subj); len(subj) == 0 || len(subj) > maxSubjectWords {
		return nil
	}
	return append(subj, chain...)
}

// nounPhrase returns the words of stretch [s, e) that can be a subject,
// without dates: the whole stretch, or when that is longer than a subject
// its words up to the first preposition ("IHSG pada penutupan hari ini"),
// then up to the first conjunction or alternative ("harga minyak mentah
// atau West Texas Intermediate"). It is nil when the stretch opens with
// a function word (an adjunct: "Pada penutupan") or is a long
// subordinate clause ("Meski pertumbuhan pada kuartal ketiga melambat").
func (b *eventBuilder) nounPhrase(ws []sword, s, e int) []int {
	stops := []func(string) bool{
		func(string) bool { return false },
		func(low string) bool { return b.p.prepositions[low] || b.isDatePrep(low) },
		func(low string) bool { return b.p.conjunctions[low] || b.p.ev.altWords[low] },
	}
	var subj []int
	for _, stop := range stops {
		subj = subj[:0]
		for k := s; k < e; k++ {
			if len(subj) > 0 && stop(ws[k].low) {
				break
			}
			if !b.skip(ws, k, false) {
				subj = append(subj, k)
			}
		}
		subj = b.trimLead(ws, subj)
		if len(subj) == 0 || b.onlyDate(ws, subj) ||
			b.p.ev.functionWords[ws[subj[0]].low] && !b.p.ev.determiners[ws[subj[0]].low] {
			return nil
		}
		if len(subj) <= maxSubjectWords {
			return subj
		}
		if b.p.ev.subordinators[ws[subj[0]].low] {
			// A subordinate clause is taken whole or not at all: cut at a
			// preposition it is no noun phrase.
			return nil
		}
	}
	return nil
}

// onlyDate reports whether the words at idx are all prepositions, fillers
// or connectors: a fronted adjunct, no subject.
func (b *eventBuilder) onlyDate(ws []sword, idx []int) bool {
	for _, k := range idx {
		low := ws[k].low
		if !b.isDatePrep(low) && !b.p.fillers[low] && !b.p.ev.headConnectors[low] && !b.p.prepositions[low] {
			return false
		}
	}
	return true
}

// withoutAges leaves out of a headline the numbers in brackets after a
// name, which give the person's age: "Muhammad Rizki Ramadhan (9)
// hanyut" reads "Muhammad Rizki Ramadhan hanyut".
func (b *eventBuilder) withoutAges(ws []sword, idx []int) []int {
	return slices.DeleteFunc(slices.Clone(idx), func(k int) bool {
		w := ws[k]
		return k > 0 && isNumberWord(w) && isUpperStart(b.text[ws[k-1].start:ws[k-1].end]) &&
			strings.TrimSpace(b.text[ws[k-1].end:w.start]) == "(" && strings.HasPrefix(b.text[w.end:], ")")
	})
}

// fit cuts a headline to maxHeadlineWords. A headline with a predicate
// keeps it (pi is its word, -1 for none): a subject too long for the room
// loses its asides in brackets, then what follows its head noun's phrase
// (from its first preposition or conjunction), so "Produksi CPO (Crude
// Palm Oil) PT Astra Agro Lestari Tbk (AALI) mencapai 641.954 ton" keeps
// "mencapai"; only then are the words after the predicate cut where a
// phrase ends. Trailing function words and connectors are dropped, never
// the predicate.
func (b *eventBuilder) fit(ws []sword, idx []int, pi int) []int {
	idx = b.trimLead(ws, b.withoutAges(ws, idx))
	at := slices.Index(idx, pi)
	if at < 0 {
		return b.trimEnd(ws, b.cutAtPhrase(ws, idx, minHeadlineWords), 1)
	}
	idx = b.withoutStranded(ws, idx, pi)
	at = slices.Index(idx, pi)
	subj, rest := idx[:at], idx[at:]
	if len(subj)+len(rest) > maxHeadlineWords {
		subj = b.shortSubject(ws, subj, max(maxHeadlineWords-len(rest), maxSubjectWords))
	}
	keep := len(subj) + min(2, len(rest))
	return b.trimEnd(ws, b.cutAtPhrase(ws, append(slices.Clip(subj), rest...), keep), len(subj)+1)
}

// longestHeadline is the most words a headline may keep when no phrase
// ends within maxHeadlineWords.
const longestHeadline = 14

// cutAtPhrase cuts idx to maxHeadlineWords where a phrase ends (before a
// function word or a copula), keeping at least keep words. When no phrase
// ends in that room, the headline may run to longestHeadline to reach the
// end of one ("filed a housing discrimination complaint | against");
// failing that it is cut at the limit, but not inside a figure.
func (b *eventBuilder) cutAtPhrase(ws []sword, idx []int, keep int) []int {
	if len(idx) <= maxHeadlineWords {
		return idx
	}
	for c := maxHeadlineWords; c >= max(keep, 1); c-- {
		// A verb's object starts with its determiner: "plans to hold | a
		// news conference" is no place to cut.
		if b.endsPhrase(ws[idx[c]]) && !(b.p.ev.determiners[ws[idx[c]].low] && ws[idx[c-1]].pred == predVerb) {
			return idx[:c]
		}
	}
	for c := maxHeadlineWords + 1; c <= longestHeadline; c++ {
		if c == len(idx) || b.endsPhrase(ws[idx[c]]) {
			return idx[:c]
		}
	}
	c := maxHeadlineWords
	for c > keep && b.insideFigure(ws[idx[c-1]], ws[idx[c]]) {
		c--
	}
	return idx[:c]
}

// insideFigure reports whether w and next are parts of one figure: a
// number or unit followed by its unit ("Rp266,8 | miliar", "227,8 juta |
// dolar").
func (b *eventBuilder) insideFigure(w, next sword) bool {
	return b.p.figureUnits[next.low] && (strings.ContainsFunc(w.low, isDigit) || b.p.figureUnits[w.low])
}

// endsPhrase reports whether a phrase ends before w: a function word
// opens the next one, but an auxiliary or negation belongs to the verb
// after it ("tidak memangkas"); a copula opens one ("turun 10.000 barel
// per hari | menjadi 9,13 juta barel").
func (b *eventBuilder) endsPhrase(w sword) bool {
	return b.p.ev.functionWords[w.low] && !b.p.ev.verbAfter[w.low] || b.p.ev.copulas[w.low] && !b.capitalised(w)
}

// trimEnd drops the function words, connectors and copulas idx ends on,
// keeping at least keep words.
func (b *eventBuilder) trimEnd(ws []sword, idx []int, keep int) []int {
	for len(idx) > keep && b.weakEnd(ws[idx[len(idx)-1]].low) {
		idx = idx[:len(idx)-1]
	}
	return idx
}

// weakEnd reports whether a headline may not end on low: a function
// word, a connector or a copula.
func (b *eventBuilder) weakEnd(low string) bool {
	return b.p.ev.functionWords[low] || b.p.ev.headConnectors[low] || b.p.ev.copulas[low]
}

// withoutStranded drops from idx the prepositions and connectors whose
// phrase, a date, the headline left out ("planned for | Saturday",
// "sampai dengan | kuartal III"): each is followed in the sentence, past
// other such words, by a date word the headline does not keep.
// Auxiliaries, copulas and the predicate pi stay: they are part of the
// predicate ("telah | mencapai").
func (b *eventBuilder) withoutStranded(ws []sword, idx []int, pi int) []int {
	kept := func(j int) bool { return slices.Contains(idx, j) }
	return slices.DeleteFunc(slices.Clone(idx), func(k int) bool {
		low := ws[k].low
		if k == pi || b.p.ev.verbAfter[low] || b.p.ev.copulas[low] || !b.weakEnd(low) || b.p.ev.determiners[low] {
			return false
		}
		// After a determiner the phrase goes on past a date inside it:
		// "in the | October 1998 | shooting".
		j := k + 1
		for j < len(ws) && b.weakEnd(ws[j].low) && !ws[j].date && !b.p.ev.determiners[ws[j].low] {
			j++
		}
		return j < len(ws) && ws[j].date && !kept(j)
	})
}

// shortSubject cuts subject words subj to at most n where a phrase ends:
// first without the words in brackets ("(Crude Palm Oil)", "(AALI)"),
// then before the first preposition or conjunction after its first word
// (not one inside a name, nor a noun link), then at n words, never inside
// a name. A subject that holds a verb is a clause and stays whole; one
// that holds a subordinator starts after it. The auxiliaries and chained
// verbs the subject ends with stay with the predicate after them.
func (b *eventBuilder) shortSubject(ws []sword, subj []int, n int) []int {
	t := len(subj)
	for t > 0 && (b.p.auxiliary(ws[subj[t-1]].low) && !b.p.conjunctions[ws[subj[t-1]].low] || ws[subj[t-1]].pred == predVerb || b.marksInfinitive(ws[subj[t-1]].low)) {
		t--
	}
	np, tail := subj[:t], subj[t:]
	if slices.ContainsFunc(np, func(k int) bool { return ws[k].pred == predVerb && !ws[k].rel }) {
		// A clause before the predicate ("he wants Cuban diplomats based
		// in Washington | to meet") is no noun phrase to cut.
		return subj
	}
	// A subject holds no clause mark: after one ("it is just a matter of
	// days before | Elian Gonzalez will be reunited") comes the subject.
	for c := len(np) - 1; c > 0; c-- {
		if low := ws[np[c]].low; b.p.ev.subordinators[low] || b.p.complementizers[low] {
			if c+1 < len(np) {
				np = np[c+1:]
			}
			break
		}
	}
	room := max(n-len(tail), 1)
	if len(np) > room {
		np = slices.DeleteFunc(slices.Clone(np), func(k int) bool { return b.inBrackets(ws, k) })
	}
	if len(np) > room {
		for c := 1; c < len(np); c++ {
			if b.inName(ws, np, c) {
				continue
			}
			if low := ws[np[c]].low; b.p.ev.functionWords[low] && !b.p.ev.determiners[low] && !b.p.ev.verbAfter[low] && !b.p.ev.nounLinks[low] {
				np = np[:c]
				break
			}
		}
	}
	if len(np) > room {
		// A name is not cut ("Kepala Divisi Perdagangan BEJ | Supandi"):
		// a subject that is one name stays whole.
		c := room
		for c > 1 && b.inName(ws, np, c-1) && b.inName(ws, np, c) {
			c--
		}
		if c > 1 {
			np = b.trimEnd(ws, np[:c], 1)
		}
	}
	return append(slices.Clip(np), tail...)
}

func (b *eventBuilder) capitalised(w sword) bool { return isUpperStart(b.text[w.start:w.end]) }

// inName reports whether word c of the words idx belongs to a name: it is
// capitalised, or stands between two capitalised words ("Department of
// Housing and Urban Development").
func (b *eventBuilder) inName(ws []sword, idx []int, c int) bool {
	return b.capitalised(ws[idx[c]]) || c > 0 && c+1 < len(idx) && b.capitalised(ws[idx[c-1]]) && b.capitalised(ws[idx[c+1]])
}

// inBrackets reports whether word k of its sentence stands inside round
// brackets.
func (b *eventBuilder) inBrackets(ws []sword, k int) bool {
	depth := 0
	for j := 0; j <= k; j++ {
		from := ws[0].start
		if j > 0 {
			from = ws[j-1].end
		}
		gap := b.text[from:ws[j].start]
		depth += strings.Count(gap, "(") - strings.Count(gap, ")")
	}
	return depth > 0
}

// reportedHeadline reads "Speaker: what they said" for a day of saying:
// the gist is the first clause with content on the longer side of the
// attribution zone, made the same way as any headline.
func (b *eventBuilder) reportedHeadline(ws []sword, sent, t Span, u *unit, zone Span) string {
	if u == nil {
		return ""
	}
	speaker := u.at.speaker
	if speaker == "" && u.at.pronoun {
		// "kata dia": the last named speaker.
		speaker = b.antecedent(u.span.Start)
	}
	if speaker == "" {
		return ""
	}
	lo, hi := min(zone.Start, t.Start), max(zone.End, t.End)
	part := Span{Start: sent.Start, End: lo}
	if after := (Span{Start: hi, End: sent.End}); after.Len() > part.Len() {
		part = after
	}
	gist := b.gist(ws, sent, part)
	if gist == "" {
		gist = b.earlierGist(u, sent)
	}
	if gist == "" {
		return ""
	}
	return b.saidBy(speaker, gist)
}

// saidBy is the headline of a statement: "Speaker: gist", within
// maxReportedWords.
func (b *eventBuilder) saidBy(speaker, gist string) string {
	return capitalise(speaker) + ": " + b.shorten(gist, maxReportedWords-len(strings.Fields(speaker)))
}

// maxReportedWords bounds a reported headline, speaker and gist together.
const maxReportedWords = 16

// shorten cuts a gist of more than n words where a phrase ends, at most
// n words in: before the last preposition (not an infinitive's "to"),
// conjunction or clause word that allows it ("... the Hutu-organized genocide | of more than 500,000"),
// else before the last function word ("... refused to pay | the $4.5
// million ransom"), else after n words; then it drops the function words
// it ends on.
func (b *eventBuilder) shorten(gist string, n int) string {
	words := strings.Fields(gist)
	if len(words) <= n || n < minHeadlineWords {
		return gist
	}
	opens := func(low string) bool {
		return (b.p.prepositions[low] || b.p.conjunctions[low] || b.p.complementizers[low] || b.p.relatives[low]) && !b.p.ev.infinitive[low]
	}
	lastBefore := func(boundary func(string) bool) int {
		for c := n; c >= minHeadlineWords; c-- {
			if boundary(lowerASCII(words[c])) {
				return c
			}
		}
		return -1
	}
	cut := lastBefore(opens)
	if cut < 0 {
		cut = lastBefore(func(low string) bool { return b.p.ev.functionWords[low] })
	}
	if cut < 0 {
		cut = n
	}
	words = words[:cut]
	for len(words) > 1 && b.p.ev.functionWords[lowerASCII(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// earlierGist is the gist of the last sentence of unit u before sent: a
// sentence that only says who spoke tells the quotation before it
// ("\"Mengapa saya harus memotong produksi?\" Menteri Ali mengatakan
// kepada wartawan, Rabu."). Empty when u holds none with a gist.
func (b *eventBuilder) earlierGist(u *unit, sent Span) string {
	for k := len(u.sentences) - 1; k >= 0; k-- {
		if q := u.sentences[k]; q.End <= sent.Start {
			if gist := b.gist(b.sentenceWords(q, nil), q, q); gist != "" {
				return gist
			}
		}
	}
	return ""
}

// gist is the headline of what was said in part of sentence sent: its
// first clause with content, read as a phrase around its first verb that
// is not one of saying, or as its words; empty when that leaves one word
// ("Mardiasmo: Sepanjang" says nothing).
func (b *eventBuilder) gist(ws []sword, sent, part Span) string {
	part = b.firstClause(part)
	a, z := wordRange(ws, part)
	if a >= z {
		return ""
	}
	// "said the records were back online and that letters went out": a
	// second thing said is a clause of its own.
	for k := a + 1; k+1 < z; k++ {
		if b.p.conjunctions[ws[k].low] && b.p.complementizers[ws[k+1].low] {
			z = k
			break
		}
	}
	pi := -1
	for k := a; k < z && pi < 0; k++ {
		if ws[k].pred == predVerb && !ws[k].rel && !b.isSpeechVerb(ws[k].low) {
			pi = k
		}
	}
	gist := b.plainHeadline(ws, a, z)
	if pi >= 0 {
		gist, _, _ = b.phrase(ws, a, z, pi, b.sentenceOf(sent.Start, sent.End))
	}
	if !strings.Contains(gist, " ") {
		// The clause read as a phrase left one word ("belum" of
		// "Sepanjang yang saya tahu belum"): its words as written say it.
		gist = b.spokenWords(ws, a, z)
	}
	if !strings.Contains(gist, " ") {
		return ""
	}
	return gist
}

// spokenWords is what a speaker said in words [a, z), as written but for
// its dates and boilerplate, cut to length.
func (b *eventBuilder) spokenWords(ws []sword, a, z int) string {
	var idx []int
	for k := a; k < z; k++ {
		if !ws[k].date && !ws[k].boiler {
			idx = append(idx, k)
		}
	}
	return b.headlineOf(ws, idx)
}

// plainHeadline is the headline of a clause [a, z) without a predicate:
// its words without the date, cut to length ("Pertumbuhan hanya 4,8
// persen").
func (b *eventBuilder) plainHeadline(ws []sword, a, z int) string {
	var idx []int
	for k := a; k < z; k++ {
		if !b.skip(ws, k, false) {
			idx = append(idx, k)
		}
	}
	return b.headlineOf(ws, idx)
}

// headlineOf is the headline made of words idx, fitted to length.
func (b *eventBuilder) headlineOf(ws []sword, idx []int) string {
	idx = b.fit(ws, idx, -1)
	parts := make([]string, len(idx))
	for n, k := range idx {
		parts[n] = b.wordText(ws[k].word)
	}
	return capitalise(b.joinWords(ws, idx, parts))
}

// wordText is w as a headline shows it: a figure keeps the sign glued to
// it ("31%", "$14.2", "€3").
func (b *eventBuilder) wordText(w word) string {
	start, end := w.start, w.end
	if isDigit(rune(b.text[start])) {
		for _, sign := range currencySigns {
			if strings.HasSuffix(b.text[:start], sign) {
				start -= len(sign)
				break
			}
		}
		if end < len(b.text) && b.text[end] == '%' {
			end++
		}
	}
	return b.text[start:end]
}

// joinWords joins the headline words parts (the texts of words idx) with
// spaces, except where the source writes two neighbouring words as one
// token: the dots and apostrophes between them stay ("U.S.", "Corp.'s",
// "relatives' yard").
func (b *eventBuilder) joinWords(ws []sword, idx []int, parts []string) string {
	var sb strings.Builder
	for n, k := range idx {
		if n > 0 {
			prev := ws[idx[n-1]]
			if gap := b.text[prev.end:ws[k].start]; k == idx[n-1]+1 && tokenGlue(gap, prev.end-prev.start) {
				sb.WriteString(gap)
			} else {
				b.writeMark(&sb, prev.word, false)
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(parts[n])
	}
	if len(idx) > 0 {
		b.writeMark(&sb, ws[idx[len(idx)-1]].word, true)
	}
	return sb.String()
}

// writeMark writes the character after w when it belongs to the word: the
// dot of an abbreviation ("U.S.", "Ms.") or the apostrophe of a plural
// possessive before the next headline word ("relatives' yard"); last
// says w ends the headline.
func (b *eventBuilder) writeMark(sb *strings.Builder, w word, last bool) {
	if w.end >= len(b.text) {
		return
	}
	c := b.text[w.end]
	// Inside a headline a dot after a short capitalised word ends an
	// abbreviation ("Ms.", "Corp."); at its end only an initialism keeps it.
	short := isUpperStart(b.text[w.start:w.end]) && w.end-w.start <= maxAbbreviation
	initialism := c == '.' && short && (!last || w.end-w.start == 1 && w.start > 0 && b.text[w.start-1] == '.')
	possessive := c == '\'' && b.text[w.end-1] == 's' && w.end+1 < len(b.text) && b.text[w.end+1] == ' ' && !last
	if initialism || possessive {
		sb.WriteByte(c)
	}
}

// tokenGlue reports whether gap, the text between two words, joins them
// into one token: apostrophes ("Corp.'s"), or a dot after a single letter
// ("U.S."); a dot after a longer word ends a sentence written without its
// space.
func tokenGlue(gap string, before int) bool {
	if gap == "" {
		return false
	}
	for _, r := range gap {
		if r != '.' && r != '\'' && r != '’' || r == '.' && before > 1 && !strings.ContainsAny(gap, "'’") {
			return false
		}
	}
	return true
}

// currencySigns are the signs written glued before a sum.
var currencySigns = []string{"$", "€", "£", "¥"}

// antecedent returns the person or body a pronoun subject at offset at
// stands for: the last named speaker before it.
func (b *eventBuilder) antecedent(at int) string {
	name := ""
	for i := range b.units {
		u := &b.units[i]
		if u.span.Start >= at {
			break
		}
		if u.attrib && !u.at.pronoun && u.at.speaker != "" {
			name = u.at.speaker
		}
	}
	return name
}

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
