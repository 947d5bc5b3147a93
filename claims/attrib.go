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
	text string
	p    *pack
	// stops are spans (timexes) that end a speaker phrase: "said Smith
	// Monday" names Smith, not "Smith Monday".
	stops []Span
}

// attribute finds the attribution of the sentence s, if it has one. Among
// several cues the one next to a quote wins, then the first.
func (a *attributor) attribute(s Span) (attribution, bool) {
	ws := wordsIn(a.text, s.Start, s.End)
	var best attribution
	found := false
	for i := 0; i < len(ws); i++ {
		at, ok := a.tryCue(s, ws, i)
		if !ok {
			continue
		}
		if !found || at.afterQuote && !best.afterQuote {
			best, found = at, true
		}
	}
	return best, found
}

// tryCue checks whether ws[i] opens a cue and, if so, finds its speaker.
func (a *attributor) tryCue(s Span, ws []word, i int) (attribution, bool) {
	low := lowerASCII(a.text[ws[i].start:ws[i].end])
	nya := false
	cands := a.p.cues[low]
	if len(cands) == 0 && a.p.nya != "" && strings.HasSuffix(low, a.p.nya) {
		cands, nya = a.p.cues[low[:len(low)-len(a.p.nya)]], true
	}
	for _, c := range cands {
		if nya && !c.nya || !a.matchWords(ws, i, c.words) {
			continue
		}
		at := attribution{cue: strings.Join(c.words, " "), cueSpan: Span{Start: ws[i].start, End: ws[i+len(c.words)-1].end}}
		before, bAt := runeBefore(a.text, at.cueSpan.Start, s.Start)
		afterComma := bAt >= 0 && (before == ',' || isQuoteRune(before))
		dir := c.dir
		if dir == dirEither {
			dir = dirBefore
			if afterComma {
				dir = dirAfter
			}
		}
		if dir == dirAfter && !afterComma {
			continue // "kata" or "jelas" in running text is not a cue
		}
		at.afterQuote = a.quoteNextTo(at.cueSpan, s)
		var ok bool
		switch {
		case nya:
			at.pronoun, ok = true, true
		case dir == dirBefore:
			ok = a.speakerBefore(s, ws[:i], &at)
		default:
			ok = a.speakerAfter(s, ws[i+len(c.words):], &at)
		}
		if ok {
			return at, true
		}
	}
	return attribution{}, false
}

// matchWords reports whether the words at ws[i:] spell want.
func (a *attributor) matchWords(ws []word, i int, want []string) bool {
	if i+len(want) > len(ws) {
		return false
	}
	for k := 1; k < len(want); k++ {
		if lowerASCII(a.text[ws[i+k].start:ws[i+k].end]) != want[k] {
			return false
		}
	}
	return true
}

// quoteNextTo reports whether a quotation mark stands right before the cue
// (after an optional comma) or right after it (after an optional comma or
// colon): "...," kata X / X mengatakan: "...".
func (a *attributor) quoteNextTo(cue, s Span) bool {
	r, at := runeBefore(a.text, cue.Start, s.Start)
	if r == ',' && at >= 0 {
		r, _ = runeBefore(a.text, at, s.Start)
	}
	if isQuoteRune(r) {
		return true
	}
	r, at = runeAfter(a.text, cue.End, s.End)
	if (r == ',' || r == ':') && at >= 0 {
		r, _ = runeAfter(a.text, at+1, s.End)
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
	for n < len(ws) && n < maxSpeakerWords {
		w := ws[n]
		if a.breaksPhrase(prevEnd, w.start) || a.p.speakerStops[a.text[w.start:w.end]] || a.inStop(w.start) {
			break
		}
		prevEnd = w.end
		n++
	}
	if n == 0 {
		return false
	}
	at.phrase = Span{Start: ws[0].start, End: a.closeParen(ws[n-1].end, s.End)}
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
	ws := wordsIn(a.text, from, s.End)
	if len(ws) == 0 {
		return
	}
	first := lowerASCII(a.text[ws[0].start:ws[0].end])
	if !a.p.appositives[first] && !a.p.roleWords[first] {
		return
	}
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
// mengatakan", "\"...\", the minister said", "Ia juga mengatakan".
func (a *attributor) speakerBefore(s Span, ws []word, at *attribution) bool {
	end := len(ws)
	startAt := end
	nextStart := at.cueSpan.Start
	for startAt > 0 {
		w := ws[startAt-1]
		if a.breaksPhrase(w.end, nextStart) || a.inStop(w.start) {
			break
		}
		nextStart = w.start
		startAt--
	}
	// A date inside the subject ("Ali on Monday said") ends it.
	for k := startAt; k < end; k++ {
		if a.inStop(ws[k].start) {
			end = k
		}
	}
	sub := ws[startAt:end]
	for len(sub) > 0 && a.isTrim(sub[len(sub)-1]) {
		sub = sub[:len(sub)-1]
	}
	if len(sub) == 0 || len(sub) > maxSpeakerWords {
		return false
	}
	at.phrase = Span{Start: sub[0].start, End: sub[len(sub)-1].end}
	return a.setSpeaker(sub, at)
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
	b := i
	for b > 0 {
		r, n := utf8.DecodeLastRuneInString(a.text[:b])
		if !isWordRune(r) && r != '.' {
			break
		}
		b -= n
	}
	tok := a.text[b:i]
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

// setSpeaker validates a speaker phrase and splits it into speaker and role.
func (a *attributor) setSpeaker(ws []word, at *attribution) bool {
	for len(ws) > 0 && a.p.fillers[lowerASCII(a.text[ws[0].start:ws[0].end])] {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return false
	}
	first := a.text[ws[0].start:ws[0].end]
	lowFirst := lowerASCII(first)
	if len(ws) == 1 && a.p.pronouns[lowFirst] {
		at.pronoun = true
		return true
	}
	if !isUpperStart(first) && !a.p.roleWords[lowFirst] && !a.p.appositives[lowFirst] {
		return false
	}
	at.speaker, at.role, at.acronymOf = splitSpeaker(a.text, ws, a.p)
	return at.speaker != ""
}

// splitSpeaker splits a speaker phrase into the name and the role before
// it. The name is the run of capitalised words at the end that are neither
// acronyms, role words nor institution words (a capitalised institution
// word also takes the word after it: "Gedung Putih"). Without a role word
// the whole phrase names the speaker ("Kementerian Unifikasi Seoul",
// "Komandan militer AS" has no name run). A final parenthesised acronym
// stands for the name before it: "Kantor Berita Pusat Korea (KCNA)".
func splitSpeaker(text string, ws []word, p *pack) (speaker, role, acronymOf string) {
	last := ws[len(ws)-1]
	phrase := text[ws[0].start:last.end]
	if len(ws) > 1 && isAcronym(text[last.start:last.end]) && strings.HasSuffix(strings.TrimRight(text[ws[len(ws)-2].end:last.start], " "), "(") {
		long := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text[ws[0].start:last.start]), "("))
		return text[last.start:last.end], "", long
	}
	hasRole := false
	for _, w := range ws {
		if p.roleWords[lowerASCII(text[w.start:w.end])] {
			hasRole = true
			break
		}
	}
	if !hasRole {
		return phrase, "", ""
	}
	k := len(ws)
	for k > 0 {
		w := text[ws[k-1].start:ws[k-1].end]
		low := lowerASCII(w)
		nameLike := isUpperStart(w) && !isAcronym(w) && !p.roleWords[low] && !p.orgWords[low] || p.particles[w] && k < len(ws)
		if !nameLike || k < len(ws) && strings.ContainsAny(text[ws[k-1].end:ws[k].start], "()") {
			break
		}
		k--
	}
	if k > 0 && k < len(ws) {
		if org := text[ws[k-1].start:ws[k-1].end]; isUpperStart(org) && p.orgWords[lowerASCII(org)] {
			k++
		}
	}
	k = max(k, len(ws)-3)
	if k >= len(ws) || k == 0 {
		return phrase, "", ""
	}
	role = strings.TrimRight(strings.TrimSpace(text[ws[0].start:ws[k].start]), ",")
	return text[ws[k].start:last.end], role, ""
}
