package claims

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/factline/factline/timeline"
)

// eventBuilder dates the claims and sentences of one article.
type eventBuilder struct {
	text   string
	p      *pack
	dct    time.Time
	sents  []Span
	units  []unit
	claims []Claim
	source string
}

// maxReportGap is how far after an attribution a date may stand and still
// be the day of saying: "kata Suhartoko saat konferensi pers di kantor
// Pertamina Jakarta, Rabu (23/10/2013)".
const maxReportGap = 64

// sameEventSimilarity is the headline similarity from which two mentions
// of one date in one article are taken as the same event.
const sameEventSimilarity = 0.5

// build makes one event per resolved DATE or TIME expression outside
// boilerplate, folding repeated mentions of one event together.
func (b *eventBuilder) build(timexes []timeline.Timex) []timeline.Event {
	var out []timeline.Event
	for _, t := range timexes {
		if t.Type != timeline.TypeDate && t.Type != timeline.TypeTime {
			continue
		}
		si := b.sentenceOf(t.Start, t.End)
		if si < 0 {
			continue
		}
		mod := t.Mod
		since := b.p.sinceCues[lowerASCII(b.wordBefore(t.Start))]
		if since && mod == timeline.ModNone {
			mod = timeline.ModStart
		}
		date, err := timeline.ParseDate(t.Value, mod)
		if err != nil {
			continue
		}
		sent := b.sents[si]
		u := b.unitOf(sent)
		e := timeline.Event{Date: date, Evidence: sent, TimexID: t.ID, Source: b.source}
		tspan := Span{Start: t.Start, End: t.End}
		zone, reported := b.reportZone(u, tspan)
		switch {
		case reported:
			e.Status = timeline.StatusReported
		case since:
			e.Status = timeline.StatusOngoing
		case b.scheduled(date, sent, tspan):
			e.Status = timeline.StatusScheduled
		default:
			e.Status = timeline.StatusHappened
		}
		e.Headline = b.headline(sent, tspan, u, zone, reported)
		for _, c := range b.claims {
			if c.Start <= t.Start && t.End <= c.End {
				e.ClaimID = c.ID
				break
			}
		}
		if b.fold(out, e) {
			continue
		}
		e.ID = "e" + strconv.Itoa(len(out)+1)
		out = append(out, e)
	}
	return out
}

// fold adds e as a further mention of an earlier event with the same date
// and a similar headline, reporting whether it did.
func (b *eventBuilder) fold(events []timeline.Event, e timeline.Event) bool {
	for i := range events {
		o := &events[i]
		if o.Date.Value == e.Date.Value && o.Date.Mod == e.Date.Mod &&
			timeline.HeadlineSimilarity(o.Headline, e.Headline) >= sameEventSimilarity {
			if o.Evidence != e.Evidence {
				o.Also = append(o.Also, e.Evidence)
			}
			return true
		}
	}
	return false
}

// sentenceOf returns the index of the sentence holding [start, end), -1 if
// none does (the expression is in boilerplate).
func (b *eventBuilder) sentenceOf(start, end int) int {
	i := sort.Search(len(b.sents), func(i int) bool { return b.sents[i].End >= end })
	if i < len(b.sents) && b.sents[i].Start <= start {
		return i
	}
	return -1
}

// unitOf returns the unit holding sentence s.
func (b *eventBuilder) unitOf(s Span) *unit {
	i := sort.Search(len(b.units), func(i int) bool { return b.units[i].span.End >= s.End })
	if i < len(b.units) && b.units[i].span.Start <= s.Start {
		return &b.units[i]
	}
	return nil
}

// wordBefore returns the word just before offset i.
func (b *eventBuilder) wordBefore(i int) string {
	ws := wordsIn(b.text, max(0, i-24), i)
	if len(ws) == 0 || strings.TrimSpace(b.text[ws[len(ws)-1].end:i]) != "" {
		return ""
	}
	return b.text[ws[len(ws)-1].start:ws[len(ws)-1].end]
}

// reportZone returns the attribution of u (cue and speaker phrase) and
// whether the date t is the day of saying: inside it, right after it
// ("mengatakan pada Minggu", "(KCNA), Senin"), or just before its subject
// ("On Sunday, X said"). A date further into what was said ("Stam said the
// sides would meet on Friday") is not.
func (b *eventBuilder) reportZone(u *unit, t Span) (Span, bool) {
	if u == nil || !u.attrib || u.at.cueSpan.End == 0 {
		return Span{}, false
	}
	zone := u.at.cueSpan
	if u.at.phrase.End > 0 {
		zone = Span{Start: min(zone.Start, u.at.phrase.Start), End: max(zone.End, u.at.phrase.End)}
	}
	if t.Start < zone.End && zone.Start < t.End {
		return zone, true
	}
	subjectFirst := u.at.phrase.End > 0 && u.at.phrase.Start < u.at.cueSpan.Start
	if t.Start >= zone.End && t.Start-zone.End <= maxReportGap {
		// Right after the cue or speaker, with at most a preposition
		// between ("mengatakan pada Minggu", "said on Sunday"), or after
		// a comma that closes an inverted attribution ("ujar Syafrin di
		// Balai Kota, Kamis").
		gap := Span{Start: zone.End, End: t.Start}
		onlyPreps := true
		eachWord(b.text, gap.Start, gap.End, func(w word) {
			onlyPreps = onlyPreps && b.p.datePreps[lowerASCII(b.text[w.start:w.end])]
		})
		g := b.text[gap.Start:gap.End]
		if onlyPreps && !strings.ContainsAny(g, "\"“”.!?;") ||
			!subjectFirst && strings.HasSuffix(strings.TrimRight(g, " "), ",") && !strings.ContainsAny(g, "\"“”!?;") {
			return zone, true
		}
	}
	if subjectFirst && t.End <= zone.Start && strings.Trim(b.text[t.End:zone.Start], " ,") == "" && b.opensSentence(t) {
		return zone, true
	}
	return zone, false
}

// opensSentence reports whether only prepositions stand before t in its
// sentence ("On Sunday, ...", "Pada Senin, ...").
func (b *eventBuilder) opensSentence(t Span) bool {
	si := b.sentenceOf(t.Start, t.End)
	if si < 0 {
		return false
	}
	ok := true
	eachWord(b.text, b.sents[si].Start, t.Start, func(w word) {
		ok = ok && b.p.datePreps[lowerASCII(b.text[w.start:w.end])]
	})
	return ok
}

// scheduled reports whether the event lies ahead of publication: its date
// starts after the publication day, or the clause plans it ("dijadwalkan",
// "will") and the date has not wholly passed.
func (b *eventBuilder) scheduled(d timeline.Date, sent, t Span) bool {
	if b.dct.IsZero() {
		return false
	}
	if !d.Start.Before(b.dct.AddDate(0, 0, 1)) {
		return true
	}
	c := b.clause(sent, t)
	return d.End.After(b.dct) && hasWord(b.text, Span{Start: c.Start, End: t.Start}, b.p.futureCues)
}

// clause returns the part of sentence s around t between clause marks,
// never cutting t itself.
func (b *eventBuilder) clause(s, t Span) Span {
	c := s
	for i := t.Start - 1; i >= s.Start; i-- {
		if isClauseMark(b.text, i) {
			c.Start = i + 1
			break
		}
	}
	for i := t.End; i < s.End; i++ {
		if isClauseMark(b.text, i) {
			c.End = i
			break
		}
	}
	return c
}

// isClauseMark reports whether text[i] separates clauses: a comma (not one
// inside a number such as "45,000"), semicolon, colon, double quote or the
// first byte of a curly quote or dash.
func isClauseMark(text string, i int) bool {
	switch c := text[i]; c {
	case ',':
		return i == 0 || i+1 >= len(text) || !(text[i-1] >= '0' && text[i-1] <= '9' && text[i+1] >= '0' && text[i+1] <= '9')
	case ';', ':', '"':
		return true
	case 0xE2: // “ ” — – all start with 0xE2 0x80
		return i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x9C || text[i+2] == 0x9D || text[i+2] == 0x94 || text[i+2] == 0x93)
	}
	return false
}

// maxHeadlineWords keeps headlines short enough for a timeline label.
const maxHeadlineWords = 14

// headline makes a short label from the clause around the date. For a day
// of saying it is "Speaker: what they said".
func (b *eventBuilder) headline(sent, t Span, u *unit, zone Span, reported bool) string {
	if reported {
		// What was said lies on the longer side of the attribution.
		lo, hi := min(zone.Start, t.Start), max(zone.End, t.End)
		part := Span{Start: sent.Start, End: lo}
		if after := (Span{Start: hi, End: sent.End}); after.Len() > part.Len() {
			part = after
		}
		words := b.clauseWords(b.firstClause(part))
		if u.at.speaker != "" && len(words) > 0 {
			return u.at.speaker + ": " + strings.Join(words, " ")
		}
	}
	c := b.clause(sent, t)
	// A clause that is little more than the date borrows a neighbour, the
	// one before if there is one.
	dateWords := countWords(b.text, t.Start, t.End)
	short := func() bool { return countWords(b.text, c.Start, c.End)-dateWords < 4 }
	for short() && c.Start > sent.Start {
		c.Start = b.clause(sent, Span{Start: c.Start - 1, End: c.Start - 1}).Start
	}
	for short() && c.End < sent.End {
		c.End = b.clause(sent, Span{Start: c.End + 1, End: c.End + 1}).End
	}
	return strings.Join(b.window(c, t), " ")
}

// firstClause returns the first clause of s with content words.
func (b *eventBuilder) firstClause(s Span) Span {
	for _, part := range splitClauses(b.text, s) {
		if countWords(b.text, part.Start, part.End) >= 3 {
			return part
		}
	}
	return s
}

// splitClauses cuts s at clause marks.
func splitClauses(text string, s Span) []Span {
	var out []Span
	start := s.Start
	for i := s.Start; i < s.End; i++ {
		if isClauseMark(text, i) {
			out = append(out, Span{Start: start, End: i})
			start = i + 1
		}
	}
	return append(out, Span{Start: start, End: s.End})
}

// clauseWords returns the clause's text as words without its opening
// complementizer or filler, cut to the headline length.
func (b *eventBuilder) clauseWords(c Span) []string {
	ws := wordsIn(b.text, c.Start, c.End)
	for len(ws) > 0 {
		low := lowerASCII(b.text[ws[0].start:ws[0].end])
		if !b.p.complementizers[low] && !b.p.fillers[low] {
			break
		}
		ws = ws[1:]
	}
	if len(ws) > maxHeadlineWords {
		ws = ws[:maxHeadlineWords]
	}
	return b.spelled(ws)
}

// window returns at most maxHeadlineWords words of c around t.
func (b *eventBuilder) window(c, t Span) []string {
	ws := wordsIn(b.text, c.Start, c.End)
	for len(ws) > 0 && b.p.fillers[lowerASCII(b.text[ws[0].start:ws[0].end])] {
		ws = ws[1:]
	}
	if len(ws) > maxHeadlineWords {
		// Keep the clause's opening (its subject) unless the date lies
		// too far in; then centre on the date.
		lo := 0
		if at := sort.Search(len(ws), func(i int) bool { return ws[i].start >= t.Start }); at >= maxHeadlineWords-2 {
			lo = max(0, min(at-maxHeadlineWords/2, len(ws)-maxHeadlineWords))
		}
		ws = ws[lo : lo+maxHeadlineWords]
	}
	return b.spelled(ws)
}

// spelled returns the words as written, keeping brackets that belong to
// them ("Sabtu (28/12)" reads better than "Sabtu 28 12").
func (b *eventBuilder) spelled(ws []word) []string {
	if len(ws) == 0 {
		return nil
	}
	// Rebuild from the source text so punctuation inside the span stays,
	// then collapse white space.
	s := b.text[ws[0].start:ws[len(ws)-1].end]
	if strings.Count(s, "(") > strings.Count(s, ")") {
		if i := strings.IndexByte(b.text[ws[len(ws)-1].end:], ')'); i == 0 {
			s += ")"
		}
	}
	return strings.Fields(s)
}
