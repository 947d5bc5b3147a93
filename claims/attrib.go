package claims

import (
	"strings"
	"unicode/utf8"
)

// attribution is who a sentence is attributed to and by which cue.
type attribution struct {
	cue     string // as the pack spells it, lower case: "ujar", "according to"
	cueSpan Span
	// phrase is the speaker phrase as written, role included; speaker and
	// role are its parts. pronoun marks "ia", "he" or a "-nya" cue, to be
	// resolved to the last named speaker.
	phrase        Span
	speaker, role string
	pronoun       bool
	// acronymOf is the long name an acronym speaker stands for
	// ("Kantor Berita Pusat Korea" for "KCNA").
	acronymOf string
	// afterQuote is true when the cue directly follows a closing quote or
	// a quote directly follows it: direct speech.
	afterQuote bool
}

// attributor finds attributions in the sentences of one text.
type attributor struct {
	text  string
	words *textWords
	p     *pack
	// stops are spans (timexes) that end a speaker phrase: "said Smith
	// Monday" names Smith, not "Smith Monday".
	stops []Span
}

// attribute finds the attribution of the sentence s, if it has one. Among
// several cues the one next to a quote wins, then the first.
func (a *attributor) attribute(s Span) (attribution, bool) {
	ws, lows := a.words.in(s.Start, s.End)
	var best attribution
	found := false
	for i := 0; i < len(ws); i++ {
		at, ok := a.tryCue(s, ws, lows, i)
		if !ok {
			continue
		}
		if !found || at.afterQuote && !best.afterQuote {
			best, found = at, true
		}
	}
	return best, found
}

// opensAdjunct reports whether low opens a phrase of when, where, to whom
// or how something was said ("kepada", "pada", "on", "in"), not what was
// said: a preposition or a word that ends a speaker phrase, other than a
// complementizer, relative or demonstrative ("bahwa", "that", "yang",
// "ini").
func (p *pack) opensAdjunct(low string) bool {
	return (p.speakerStops[low] || p.prepositions[low] || p.datePreps[low]) &&
		!p.complementizers[low] && !p.relatives[low] && !p.demonstratives[low]
}

// bareCue reports whether sentence s only tells who said something: it
// opens with its cue or speaker, and after both comes nothing but an
// audience, a preposition's phrase or a date ("Menteri Ali mengatakan
// kepada wartawan, Rabu.", "Kata Ali, Senin.", "the minister told
// reporters on Wednesday.").
func (a *attributor) bareCue(s Span) bool {
	at, ok := a.attribute(s)
	if !ok || at.speaker == "" && !at.pronoun {
		return false
	}
	ws, lows := a.words.in(s.Start, s.End)
	if len(ws) == 0 || ws[0].start != min(at.cueSpan.Start, at.phrase.Start) {
		return false
	}
	end := max(at.cueSpan.End, at.phrase.End)
	for i, w := range ws {
		if w.start < end || a.p.ev.determiners[lows[i]] {
			// "told the committee": the audience is the noun.
			continue
		}
		return a.p.opensAdjunct(lows[i]) || a.p.ev.audiences[lows[i]] || inSpans(w.start, a.stops)
	}
	return true
}

// tryCue checks whether ws[i] opens a cue and, if so, finds its speaker;
// lows are the words' lower-case forms.
func (a *attributor) tryCue(s Span, ws []word, lows []string, i int) (attribution, bool) {
	low := lows[i]
	nya := false
	cands := a.p.cues[low]
	if len(cands) == 0 && a.p.nya != "" && strings.HasSuffix(low, a.p.nya) {
		cands, nya = a.p.cues[low[:len(low)-len(a.p.nya)]], true
	}
	for _, c := range cands {
		if nya && !c.nya || !matchWords(lows, i, c.words) {
			continue
		}
		at := attribution{cue: strings.Join(c.words, " "), cueSpan: Span{Start: ws[i].start, End: ws[i+len(c.words)-1].end}}
		for _, dir := range a.directions(c.dir, at.cueSpan.Start, s.Start) {
			var ok bool
			switch {
			case nya:
				at.pronoun, ok = true, true
			case dir == dirBefore:
				ok = a.speakerBefore(ws[:i], &at)
			default:
				ok = a.speakerAfter(s, ws[i+len(c.words):], &at)
			}
			if ok {
				at.afterQuote = a.quoteNextTo(at, s)
				return at, true
			}
			at = attribution{cue: at.cue, cueSpan: at.cueSpan}
		}
	}
	return attribution{}, false
}

// directions lists where to look for the speaker of a cue at offset cue, in
// order. Inverted cues ("kata", "ujarnya") must follow a comma or a closing
// quote, otherwise "kata" or "jelas" in running text would count. English
// "said" after a quote looks after it first ("\"...,\" said Smith"), after
// a plain comma before it first ("Janet Cole, who ..., warned").
func (a *attributor) directions(d direction, cue, floor int) []direction {
	before, at := runeBefore(a.text, cue, floor)
	afterComma := at >= 0 && (before == ',' || isQuoteRune(before))
	afterQuote := isQuoteRune(before)
	if before == ',' && at >= 0 {
		r, _ := runeBefore(a.text, at, floor)
		afterQuote = isQuoteRune(r)
	}
	switch {
	case d == dirAfter && afterComma, d == dirPrep:
		return []direction{dirAfter}
	case d == dirBefore:
		return []direction{dirBefore}
	case d == dirEither && afterQuote:
		return []direction{dirAfter, dirBefore}
	case d == dirEither && afterComma:
		return []direction{dirBefore, dirAfter}
	case d == dirEither:
		return []direction{dirBefore}
	}
	return nil
}

// matchWords reports whether the words at lows[i+1:] spell the rest of
// want, whose first word lows[i] matched.
func matchWords(lows []string, i int, want []string) bool {
	if i+len(want) > len(lows) {
		return false
	}
	for k := 1; k < len(want); k++ {
		if lows[i+k] != want[k] {
			return false
		}
	}
	return true
}

// quoteNextTo reports whether a quotation mark stands right before the
// attribution (after an optional comma) or right after its cue (after an
// optional comma or colon): "...," kata X / "...," Lopez told reporters /
// X mengatakan: "...".
func (a *attributor) quoteNextTo(at attribution, s Span) bool {
	from := at.cueSpan.Start
	if at.phrase.End > 0 {
		from = min(from, at.phrase.Start)
	}
	r, i := runeBefore(a.text, from, s.Start)
	if r == ',' && i >= 0 {
		r, _ = runeBefore(a.text, i, s.Start)
	}
	if isQuoteRune(r) {
		return true
	}
	r, i = runeAfter(a.text, at.cueSpan.End, s.End)
	if (r == ',' || r == ':') && i >= 0 {
		r, _ = runeAfter(a.text, i+1, s.End)
	}
	return isQuoteRune(r)
}

// maxSpeakerWords bounds a speaker phrase; longer candidates are clauses,
// not names.
const maxSpeakerWords = 12

// speakerAfter reads the speaker phrase following a cue: "kata Yang
// Moo-jin, seorang profesor di ...", "menurut Kantor Berita Pusat Korea
// (KCNA), Senin", "said John Smith, a professor at ...".
func (a *attributor) speakerAfter(s Span, ws []word, at *attribution) bool {
	n := 0
	prevEnd := at.cueSpan.End
	named := false // a capitalised word has been read
	for n < len(ws) && n < maxSpeakerWords {
		w := ws[n]
		tok := a.text[w.start:w.end]
		// A preposition after an unnamed proxy opens the body it speaks
		// for ("seorang pejabat di Kementerian Perdagangan").
		forBody := !named && n > 0 && a.p.proxyRoles[lowerASCII(a.text[ws[n-1].start:ws[n-1].end])] && a.p.prepositions[tok] &&
			a.capitalAfterDeterminer(ws, n+1)
		if a.breaksPhrase(prevEnd, w.start) || a.p.speakerStops[tok] && !forBody || a.inStop(w.start) {
			break
		}
		// After a name only a role word, a source noun ("WHO figures",
		// "U.S. officials") or a linking word before another capital
		// ("Department of Forestry") continues it; "menurut Bambang tidak
		// seharusnya" ends at "tidak".
		if named && !isUpperStart(tok) && !a.p.sourceNouns[lowerASCII(tok)] && !a.p.roleWords[lowerASCII(tok)] &&
			!(a.links(tok) && n+1 < len(ws) && isUpperStart(a.text[ws[n+1].start:ws[n+1].end])) {
			break
		}
		named = named || isUpperStart(tok)
		prevEnd = w.end
		n++
	}
	if n == 0 {
		return false
	}
	n = a.acronymAhead(ws, n)
	prevEnd = ws[n-1].end
	at.phrase = Span{Start: ws[0].start, End: a.closeParen(prevEnd, s.End)}
	if !a.setSpeaker(ws[:n], at) {
		return false
	}
	// An apposition after a comma is the role: "X, seorang profesor di Y".
	if n < len(ws) {
		if r, c := runeAfter(a.text, prevEnd, s.End); r == ',' && c >= 0 {
			a.apposition(s, c+1, at)
		}
	}
	return true
}

// links reports whether tok may join two capitalised parts of one name:
// a particle, preposition or conjunction ("bin", "of", "dan").
func (a *attributor) links(tok string) bool {
	return a.p.particles[tok] || a.p.prepositions[tok] || a.p.conjunctions[tok]
}

// acronymAhead extends a speaker phrase of n words that stopped at a comma
// over a list of capitalised words that ends in a parenthesised acronym:
// "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)".
func (a *attributor) acronymAhead(ws []word, n int) int {
	for k := n; k < len(ws) && k < n+maxSpeakerWords; k++ {
		w := a.text[ws[k].start:ws[k].end]
		gap := a.text[ws[k-1].end:ws[k].start]
		if strings.TrimSpace(gap) == "(" && isAcronym(w) && strings.HasPrefix(a.text[ws[k].end:], ")") {
			return k + 1
		}
		if strings.Trim(gap, " ,") != "" || !isUpperStart(w) && !a.p.conjunctions[w] {
			break
		}
	}
	return n
}

// closeParen extends end past a ")" that closes a parenthesis the phrase
// opened: "Kantor Berita Pusat Korea (KCNA".
func (a *attributor) closeParen(end, limit int) int {
	if r, i := runeAfter(a.text, end, limit); r == ')' && i >= 0 {
		return i + 1
	}
	return end
}

// apposition reads a role after the speaker's name, starting at from, when
// it opens with an appositive ("seorang", "a") or a role word.
func (a *attributor) apposition(s Span, from int, at *attribution) {
	ws, _ := a.words.in(from, s.End)
	if len(ws) == 0 {
		return
	}
	if !a.roleLike(ws) {
		return
	}
	first := lowerASCII(a.text[ws[0].start:ws[0].end])
	n, prevEnd := 0, from
	for n < len(ws) && n < maxSpeakerWords+3 {
		if gap := a.text[prevEnd:ws[n].start]; strings.ContainsAny(gap, ",;:!?\"“”") || strings.Contains(gap, ". ") {
			break
		}
		prevEnd = ws[n].end
		n++
	}
	start := ws[0].start
	if a.p.appositives[first] && n > 1 {
		start = ws[1].start
	}
	at.role = a.text[start:prevEnd]
	at.phrase.End = prevEnd
}

// speakerBefore reads the subject before a cue: "Komandan militer AS
// mengatakan", "\"...\", the minister said", "Ia juga mengatakan". A
// subject set off by commas is an apposition: "Kuasa hukum Rudi, Andi
// Pratama, mengatakan", "Adrian Hill, director of the Jenner Institute,
// told Reuters", "Janet Cole, who voted against the plan, warned".
func (a *attributor) speakerBefore(ws []word, at *attribution) bool {
	// "The decision was announced at 4 p.m.": the subject of a passive
	// is what was said or done, not who said it.
	if n := len(ws); n > 0 && ws[n-1].end <= at.cueSpan.Start && strings.TrimSpace(a.text[ws[n-1].end:at.cueSpan.Start]) == "" &&
		a.p.ev.copulas[a.lowAt(ws[n-1])] {
		return false
	}
	ws, end := a.skipDayOfSaying(ws, at.cueSpan.Start)
	if a.coordinatedSubject(ws, at) {
		return true
	}
	ws, end, aside := a.skipAsides(ws, end)
	if r, i := runeBefore(a.text, end, 0); r == ',' && len(ws) > 0 && ws[len(ws)-1].end <= i {
		if a.appositiveSubject(ws, end, at) {
			return true
		}
		if !aside {
			return false
		}
		end = i
	}
	sub := a.segmentBefore(ws, end, true)
	// A date ("Ali on Monday said") or an adjunct without a name ("Analis
	// Commerzbank dalam sebuah catatan pasar mengatakan") ends it.
	for k, w := range sub {
		if a.inStop(w.start) || k > 0 && a.p.speakerStops[a.text[w.start:w.end]] && !a.hasCapital(sub[k:]) {
			sub = sub[:k]
			break
		}
	}
	sub = a.dropPlace(sub)
	for len(sub) > 0 && a.isTrim(sub[len(sub)-1]) {
		sub = sub[:len(sub)-1]
	}
	if len(sub) == 0 || len(sub) > maxSpeakerWords || a.plainWords(sub) > 2 {
		return false
	}
	at.phrase = Span{Start: sub[0].start, End: sub[len(sub)-1].end}
	return a.setSpeaker(sub, at)
}

// coordinatedSubject reads a cue that a conjunction joins to an earlier
// verb ("First Minister Rhian Morgan visited Aberporth on Sunday and said",
// "Presiden Joko Widodo meninjau lokasi banjir dan mengatakan"): the
// speaker is the clause's subject, the words before that verb, not the
// object next to the cue. The verb is the first lower-case word that is no
// role, source, determiner or function word. Only a verb of saying reads
// so: "... dan berharap Kim akan ..., kata O'Brien" names its speaker
// later.
func (a *attributor) coordinatedSubject(ws []word, at *attribution) bool {
	n := len(ws)
	if n < 3 || !a.p.conjunctions[a.lowAt(ws[n-1])] || !a.p.ev.sayingVerbs[at.cue] {
		return false
	}
	sub := a.segmentBefore(ws[:n-1], ws[n-1].start, true)
	k := 0
	for ; k < len(sub); k++ {
		low := a.lowAt(sub[k])
		if !isUpperStart(a.text[sub[k].start:sub[k].end]) && !a.p.ev.functionWords[low] && !a.p.ev.determiners[low] &&
			!a.p.roleWords[low] && !a.p.sourceNouns[low] {
			break
		}
	}
	if k == 0 || k == len(sub) {
		return false
	}
	// The subject ends where its verb begins: not inside a noun phrase
	// ("Lawyers for the boy's family"), and no clause of its own stands
	// between the verb and the cue ("... took a turn when Saddam called
	// Bush a liar and said").
	if low := a.lowAt(sub[k-1]); a.p.ev.determiners[low] || a.p.ev.functionWords[low] && !a.p.auxiliary(low) {
		return false
	}
	for _, w := range sub[k:] {
		if low := a.lowAt(w); a.p.clauseWords[a.text[w.start:w.end]] || a.p.ev.subordinators[low] || a.p.ev.headConnectors[low] {
			return false
		}
	}
	for k > 0 && a.p.auxiliary(a.lowAt(sub[k-1])) {
		k--
	}
	if k == 0 || k > maxSpeakerWords || k == 1 && a.p.pronouns[a.lowAt(sub[0])] {
		return false
	}
	subj := sub[:k]
	if !a.setSpeaker(subj, at) {
		return false
	}
	at.phrase = Span{Start: subj[0].start, End: subj[k-1].end}
	return true
}

// beforeVerb reports whether low is a word that stands between a subject
// and its verb: an auxiliary, a function word or an adverb by its ending
// (not a noun that ends like one: "family", "assembly").
func (a *attributor) beforeVerb(low string) bool {
	if a.p.auxiliary(low) || a.p.ev.functionWords[low] {
		return true
	}
	for _, end := range a.p.adverbEndings {
		if len(low) > len(end)+2 && strings.HasSuffix(low, end) && !a.p.notAdverbs[low] {
			return true
		}
	}
	return false
}

// lowAt is word w in lower case.
func (a *attributor) lowAt(w word) string { return lowerASCII(a.text[w.start:w.end]) }

// skipDayOfSaying drops the day of saying after a comma right before a
// cue ("Theodorus Kossay di Jayapura, Jumat, menjelaskan", "Smith, on
// Monday, said", "Kostaman Thayib di Jakarta, Senin mengatakan"): it is
// neither the speaker nor an apposition. It
// returns the words before it and the offset the subject now ends at.
func (a *attributor) skipDayOfSaying(ws []word, end int) ([]word, int) {
	r, comma := runeBefore(a.text, end, 0)
	if r != ',' {
		// "Kostaman Thayib di Jakarta, Senin mengatakan": the day stands
		// right before the cue.
		comma = end
	}
	k := len(ws)
	for k > 0 && ws[k-1].end <= comma && !a.breaksPhrase(ws[k-1].end, comma) {
		if w := ws[k-1]; !a.inStop(w.start) && !a.p.datePreps[lowerASCII(a.text[w.start:w.end])] {
			break
		}
		comma = ws[k-1].start
		k--
	}
	if k == len(ws) || k == 0 || !a.inStop(ws[k].start) {
		return ws, end
	}
	if r, c := runeBefore(a.text, ws[k].start, 0); r == ',' && c >= ws[k-1].end {
		return ws[:k], c
	}
	return ws, end
}

// skipAsides drops the asides of where or how something was said that
// stand, each after a comma, between the speaker and the cue at end:
// "Direktur AALI Santoso, dalam laporannya ke bursa, Senin, mengatakan"
// and "Bank investasi Morgan Stanley, dalam sebuah catatan penelitian
// memproyeksikan" name their speakers before the asides. end is then just
// after the comma before the first aside, and aside reports whether any
// was dropped.
func (a *attributor) skipAsides(ws []word, end int) (_ []word, _ int, aside bool) {
	for {
		segEnd, comma := end, strings.HasPrefix(a.text[end:], ",")
		if r, i := runeBefore(a.text, end, 0); r == ',' {
			segEnd, comma = i, true
		}
		seg := a.segmentBefore(ws, segEnd, false)
		if len(seg) == 0 || len(seg) == len(ws) || !a.p.opensAdjunct(a.lowAt(seg[0])) {
			return ws, end, aside
		}
		// Without a comma before the cue, a subordinate clause is no
		// aside: "ketika analis memperkirakan" holds the speaker.
		if !comma && a.p.ev.subordinators[a.lowAt(seg[0])] {
			return ws, end, aside
		}
		rest := ws[:len(ws)-len(seg)]
		r, c := runeBefore(a.text, seg[0].start, 0)
		if r != ',' || c < rest[len(rest)-1].end {
			return ws, end, aside
		}
		ws, end, aside = rest, c+1, true
	}
}

// dropPlace cuts a final place of saying off a subject when a name comes
// before it: "Ketua KPU Papua Theodorus Kossay di Jayapura" ends at
// "Kossay". A place inside a title ("Duta Besar RI di Jepang Heri
// Akhmadi") is followed by more words and stays.
func (a *attributor) dropPlace(sub []word) []word {
	for k := len(sub) - 2; k > 0; k-- {
		w := sub[k]
		if a.p.placePreps[a.text[w.start:w.end]] {
			if a.nameLike(sub[k+1:]) && isUpperStart(a.text[sub[k-1].start:sub[k-1].end]) {
				return sub[:k]
			}
			break
		}
		if !isUpperStart(a.text[w.start:w.end]) {
			break
		}
	}
	return sub
}

// hasCapital reports whether any word of ws starts with a capital.
func (a *attributor) hasCapital(ws []word) bool {
	for _, w := range ws {
		if isUpperStart(a.text[w.start:w.end]) {
			return true
		}
	}
	return false
}

// plainWords counts the lower-case words of a subject that are neither
// role, source nor filler words, nor short function words ("of", "dan",
// also English ones inside an Indonesian name). A real subject has few
// ("Komandan militer AS"); more means a clause was taken for one ("Jadi
// bayangkan kalau BI biasanya").
func (a *attributor) plainWords(ws []word) int {
	n := 0
	for _, w := range ws {
		tok := a.text[w.start:w.end]
		low := lowerASCII(tok)
		if !isUpperStart(tok) && len(tok) > 3 && !a.p.roleWords[low] && !a.p.sourceNouns[low] && !a.p.fillers[low] {
			n++
		}
	}
	return n
}

// segmentBefore returns the words of ws that end at offset end and start
// after the last phrase break or, if clauses is set, clause word ("bahwa",
// "that", "yang").
func (a *attributor) segmentBefore(ws []word, end int, clauses bool) []word {
	k := len(ws)
	for k > 0 {
		w := ws[k-1]
		if a.breaksPhrase(w.end, end) || clauses && a.p.clauseWords[a.text[w.start:w.end]] {
			break
		}
		end = w.start
		k--
	}
	return ws[k:]
}

// appositiveSubject reads "A, B, cue" where one of A and B names the
// speaker and the other gives the role (or is a relative clause).
func (a *attributor) appositiveSubject(ws []word, end int, at *attribution) bool {
	_, comma := runeBefore(a.text, end, 0)
	b := a.segmentBefore(ws, comma, false)
	if len(b) == 0 || len(b) == len(ws) {
		return false
	}
	_, comma0 := runeBefore(a.text, b[0].start, 0)
	if comma0 < 0 || a.text[comma0] != ',' {
		return false
	}
	rest := ws[:len(ws)-len(b)]
	aSeg := a.segmentBefore(rest, comma0, true)
	if len(aSeg) == 0 || len(aSeg) > maxSpeakerWords {
		return false
	}
	name, role := aSeg, b
	switch {
	case a.nameLike(a.dropTitles(b)):
		name, role = a.dropTitles(b), aSeg
	case !a.roleLike(b) && !a.p.relatives[lowerASCII(a.text[b[0].start:b[0].end])]:
		return false
	}
	if !a.setSpeaker(name, at) {
		return false
	}
	at.phrase = Span{Start: aSeg[0].start, End: b[len(b)-1].end}
	if a.roleLike(role) {
		if a.p.appositives[lowerASCII(a.text[role[0].start:role[0].end])] && len(role) > 1 {
			role = role[1:]
		}
		at.role = a.text[role[0].start:role[len(role)-1].end]
	}
	return true
}

// dropTitles drops the ranks and honorifics that open a name ("Prof
// Syamsul Bahri"), keeping at least one word.
func (a *attributor) dropTitles(ws []word) []word {
	for len(ws) > 1 && a.p.titles[lowerASCII(strings.TrimSuffix(a.text[ws[0].start:ws[0].end], "."))] {
		ws = ws[1:]
	}
	return ws
}

// nameLike reports whether ws reads as a personal name: a few capitalised
// words, particles allowed inside.
func (a *attributor) nameLike(ws []word) bool {
	if len(ws) == 0 || len(ws) > 5 {
		return false
	}
	for i, w := range ws {
		s := a.text[w.start:w.end]
		low := lowerASCII(s)
		// Only the first word may not be a role or institution word:
		// surnames such as "Hakim" (judge) are role words too.
		if !isUpperStart(s) && !(a.p.particles[s] && i > 0) || i == 0 && (a.p.roleWords[low] || a.p.orgWords[low]) {
			return false
		}
	}
	return true
}

// roleLike reports whether ws reads as a role: a role word among its first
// words ("seorang profesor", "director of ...", "a WHO spokesman").
func (a *attributor) roleLike(ws []word) bool {
	if len(ws) == 0 {
		return false
	}
	for _, w := range ws[:min(len(ws), 4)] {
		if a.p.roleWords[lowerASCII(a.text[w.start:w.end])] {
			return true
		}
	}
	return false
}

// isTrim reports whether w may be dropped from the end of a subject
// ("juga", "also", "pada" before a dropped date).
func (a *attributor) isTrim(w word) bool {
	s := a.text[w.start:w.end]
	return a.p.fillers[lowerASCII(s)] || a.p.speakerStops[s]
}

// breaksPhrase reports whether the gap text[from:to] between two words
// ends a speaker phrase: any punctuation but parentheses, and a dot only
// when it ends a word that is no abbreviation or initial.
func (a *attributor) breaksPhrase(from, to int) bool {
	gap := a.text[from:to]
	for i := 0; i < len(gap); {
		r, n := utf8.DecodeRuneInString(gap[i:])
		switch {
		case isSpace(r), r == '(', r == ')', r == '&':
		case r == '.':
			if !a.abbrevBefore(from) {
				return true
			}
		default:
			return true
		}
		i += n
	}
	return false
}

// abbrevBefore reports whether the word ending at i is an abbreviation or
// initial that a dot may follow inside a name ("Dr.", "George W.").
func (a *attributor) abbrevBefore(i int) bool {
	tok := tokenBefore(a.text, 0, i)
	return a.p.abbrevNever[lowerASCII(tok)] || utf8.RuneCountInString(tok) == 1 && isUpperStart(tok) || strings.Contains(tok, ".")
}

// inStop reports whether offset i starts or lies in a stop span.
func (a *attributor) inStop(i int) bool {
	for _, s := range a.stops {
		if s.Start <= i && i < s.End {
			return true
		}
	}
	return false
}

// mention finds a person named with a role at the start of sentence s
// without a cue ("Dutch Economy Minister Micky Adriaansens urged ..."), whom
// pronouns in later sentences may mean.
func (a *attributor) mention(s Span) (attribution, bool) {
	ws, _ := a.words.in(s.Start, min(s.End, s.Start+200))
	n := 0
	for n < len(ws) && n < maxSpeakerWords {
		w := a.text[ws[n].start:ws[n].end]
		if !isUpperStart(w) && !a.p.roleWords[lowerASCII(w)] && !a.p.particles[w] || n > 0 && a.breaksPhrase(ws[n-1].end, ws[n].start) {
			break
		}
		n++
	}
	if n < 2 {
		return attribution{}, false
	}
	var at attribution
	at.speaker, at.role, _ = splitSpeaker(a.text, ws[:n], a.p)
	return at, at.role != "" && isPersonName(strings.Fields(at.speaker))
}

// setSpeaker validates a speaker phrase and splits it into speaker and
// role. A phrase must open with a capital, an article or hold a role word
// ("fire officials", "juru bicara kementerian Lee Sang-min").
func (a *attributor) setSpeaker(ws []word, at *attribution) bool {
	// A subordinator opens a clause, not a name ("Although the government
	// said", "ketika analis memperkirakan"); a capitalised one stays when
	// a name follows it.
	subordinate := false
	for len(ws) > 0 && (a.p.fillers[a.lowAt(ws[0])] || a.p.ev.subordinators[a.lowAt(ws[0])] &&
		(len(ws) == 1 || !isUpperStart(a.text[ws[1].start:ws[1].end]))) {
		subordinate = subordinate || a.p.ev.subordinators[a.lowAt(ws[0])]
		ws = ws[1:]
	}
	// Auxiliaries and adverbs before the cue are the clause's, not the
	// name's ("Israel has publicly said", "Ali belum bisa memastikan").
	for len(ws) > 1 && !isUpperStart(a.text[ws[len(ws)-1].start:ws[len(ws)-1].end]) && a.beforeVerb(a.lowAt(ws[len(ws)-1])) {
		ws = ws[:len(ws)-1]
	}
	// "menurut data BPS", "according to figures from ...": the source
	// noun is what the speaker published, not part of its name.
	for len(ws) > 1 && a.p.sourceNouns[lowerASCII(a.text[ws[0].start:ws[0].end])] && isUpperStart(a.text[ws[1].start:ws[1].end]) {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return false
	}
	first := a.text[ws[0].start:ws[0].end]
	lowFirst := lowerASCII(first)
	if a.p.firstPerson[lowFirst] {
		return false
	}
	if a.p.pronouns[lowFirst] {
		// "He sold the house and said ..." is a clause, not a speaker;
		// "meskipun ia menyatakan" leans on the clause it qualifies.
		at.pronoun = len(ws) == 1 && !subordinate
		return at.pronoun
	}
	if !isUpperStart(first) && !a.p.appositives[lowFirst] && !a.roleLike(ws) {
		return false
	}
	at.speaker, at.role, at.acronymOf = splitSpeaker(a.text, ws, a.p)
	return at.speaker != ""
}

// splitAffiliation splits "Tim Evans dari Citi Futures" or "John Smith of
// Harvard" into the name and its affiliation when the phrase opens with a
// personal name of two or more words followed by a preposition. Bodies
// ("Bank of England", "The Port of Rotterdam") keep the whole phrase.
func splitAffiliation(text string, ws []word, p *pack, phrase string, end int) (speaker, role, acronymOf string) {
	k := 0
	for k < len(ws) {
		w := text[ws[k].start:ws[k].end]
		if !isUpperStart(w) || isAcronym(w) || p.orgWords[lowerASCII(w)] || p.appositives[lowerASCII(w)] {
			break
		}
		k++
	}
	if k < 2 || k+1 >= len(ws) || !p.prepositions[text[ws[k].start:ws[k].end]] || !isUpperStart(text[ws[k+1].start:ws[k+1].end]) {
		return phrase, "", ""
	}
	return text[ws[0].start:ws[k-1].end], text[ws[k].start:end], ""
}

// splitSpeaker splits a speaker phrase into the name and the role around
// it. The name is the run of capitalised words at the end that are neither
// acronyms, role words nor institution words (a capitalised institution
// word also takes the word after it: "Gedung Putih"). When that run follows
// a preposition and a name stands right after a role word, that one is the
// name: "Professor Faith Osier of Imperial College London". Without a role
// word the whole phrase names the speaker ("Kementerian Unifikasi Seoul").
// A final parenthesised acronym stands for the name before it: "Kantor
// Berita Pusat Korea (KCNA)".
func splitSpeaker(text string, ws []word, p *pack) (speaker, role, acronymOf string) {
	last := ws[len(ws)-1]
	end := last.end
	if strings.HasPrefix(text[end:], ")") && strings.Count(text[ws[0].start:end], "(") > strings.Count(text[ws[0].start:end], ")") {
		end++ // "PT Pertamina (Persero)"
	}
	phrase := text[ws[0].start:end]
	if len(ws) > 1 && isAcronym(text[last.start:last.end]) && strings.HasSuffix(strings.TrimRight(text[ws[len(ws)-2].end:last.start], " "), "(") {
		long := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text[ws[0].start:last.start]), "("))
		return text[last.start:last.end], "", long
	}
	tok := func(i int) string { return text[ws[i].start:ws[i].end] }
	if speaker, role, ok := proxySpeaker(text, ws, p, end); ok {
		return speaker, role, ""
	}
	isRole := func(i int) bool {
		low := lowerASCII(strings.TrimSuffix(tok(i), "."))
		return p.roleWords[low] || p.titles[low]
	}
	hasRole := false
	for i := range ws {
		if isRole(i) {
			hasRole = true
			break
		}
	}
	if !hasRole {
		return splitAffiliation(text, ws, p, phrase, end)
	}
	nameLike := func(i int) bool {
		w := tok(i)
		// The "E" of "LG&E" ends an acronym, not a name.
		glued := i > 0 && text[ws[i-1].end:ws[i].start] == "&"
		return isUpperStart(w) && !isAcronym(w) && !glued && !isRole(i) && !p.orgWords[lowerASCII(w)]
	}
	// Initials inside a name: "Bambang PS Brodjonegoro".
	initials := func(i int) bool { return isAcronym(tok(i)) && len(tok(i)) <= 2 && i > 0 && nameLike(i-1) }
	// The run of name-like words ending at end, stopping at brackets.
	runStart := func(end int) int {
		k := end
		for k > 0 && (nameLike(k-1) || (p.particles[tok(k-1)] || initials(k-1)) && k < end) {
			if k < end && strings.ContainsAny(text[ws[k-1].end:ws[k].start], "()") {
				break
			}
			k--
		}
		return k
	}
	k := runStart(len(ws))
	if k > 0 && k < len(ws) {
		// A capitalised institution word takes the next word ("Gedung
		// Putih"), and so does a role word heading three or more capitals
		// ("Menteri Keuangan Bambang Brodjonegoro").
		if org := tok(k - 1); isUpperStart(org) && p.orgWords[lowerASCII(org)] || p.roleHeadFirst && isRole(k-1) && !p.titles[lowerASCII(org)] && len(ws)-k >= 3 {
			k++
		}
	}
	if k > 1 && k < len(ws) && p.prepositions[tok(k-1)] {
		// "Professor Faith Osier of Imperial College London".
		for i := 1; i < k-1; i++ {
			if isRole(i-1) && nameLike(i) {
				j := i
				for j < k-1 && nameLike(j) {
					j++
				}
				role = strings.TrimSpace(text[ws[0].start:ws[i].start]) + " " + text[ws[j].start:end]
				return text[ws[i].start:ws[j-1].end], role, ""
			}
		}
	}
	k = max(k, len(ws)-3)
	// A country or an institution word opening the run belongs to the
	// role when a name of two words or more follows: "Menteri Luar Negeri
	// Venezuela Rafael Ramirez", "Menteri Perminyakan Arab Saudi Ali
	// Al-Naimi".
	for k < len(ws)-2 && (p.places[lowerASCII(tok(k))] || p.orgWords[lowerASCII(tok(k))]) {
		k++
	}
	if k >= len(ws) {
		// No name ends the phrase; a body's capitalised name or acronym
		// after a role noun speaks for it: "the utility LG&E".
		m := len(ws)
		for m > 0 && isUpperStart(tok(m-1)) {
			m--
		}
		if m > 0 && m < len(ws) && isRole(m-1) && !p.roleWords[lowerASCII(tok(len(ws)-1))] {
			return text[ws[m].start:end], trimAppositive(text[ws[0].start:ws[m].start], p), ""
		}
	}
	// "The Iraqi ambassador to Greece": a run after a preposition names a
	// place or body, not the speaker.
	if k >= len(ws) || k == 0 || p.prepositions[tok(k-1)] {
		return phrase, "", ""
	}
	// Ranks before the name belong to neither ("Kabid Humas Polda Jawa
	// Timur Kombes Pol Dirmanto").
	r := k
	for r > 0 && p.titles[lowerASCII(strings.TrimSuffix(tok(r-1), "."))] {
		r--
	}
	if r == 0 {
		return text[ws[k].start:end], "", ""
	}
	role = strings.TrimRight(trimAppositive(text[ws[0].start:ws[r].start], p), ",")
	return text[ws[k].start:end], role, ""
}

// capitalAfterDeterminer reports whether ws[i], or the word after it when
// ws[i] is a determiner, starts with a capital: a name ("Kementerian
// Perdagangan", "the Ministry of Trade").
func (a *attributor) capitalAfterDeterminer(ws []word, i int) bool {
	if i < len(ws) && a.p.ev.determiners[a.lowAt(ws[i])] {
		i++
	}
	return i < len(ws) && isUpperStart(a.text[ws[i].start:ws[i].end])
}

// maxProxyModifiers is how many words may stand before a proxy role.
const maxProxyModifiers = 3

// proxySpeaker reads "a spokesperson for the Rail Delivery Group": someone
// unnamed who speaks for a body, so the body is the source and the proxy
// word the role.
func proxySpeaker(text string, ws []word, p *pack, end int) (speaker, role string, ok bool) {
	tok := func(i int) string { return text[ws[i].start:ws[i].end] }
	// The role may follow its article and modifiers ("a senior
	// official at"); a capital after the first word is a name.
	i := 0
	for i < len(ws) && i < maxProxyModifiers && !p.proxyRoles[lowerASCII(tok(i))] && (i == 0 || !isUpperStart(tok(i))) {
		i++
	}
	if i+2 >= len(ws) || !p.proxyRoles[lowerASCII(tok(i))] || !p.prepositions[tok(i+1)] {
		return "", "", false
	}
	j := i + 2
	for j < len(ws)-1 && p.appositives[lowerASCII(tok(j))] {
		j++
	}
	if !isUpperStart(tok(j)) {
		return "", "", false
	}
	return text[ws[j].start:end], tok(i), true
}

// trimAppositive drops an article opening a role ("the utility" ->
// "utility") and the space around it.
func trimAppositive(role string, p *pack) string {
	f := strings.Fields(role)
	for len(f) > 0 && p.appositives[lowerASCII(f[0])] {
		f = f[1:]
	}
	return strings.Join(f, " ")
}
