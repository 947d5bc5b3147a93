package claims

import (
	"slices"

	"github.com/factline/factline/timeline"
)

// quotedDocuments re-anchors the relative dates inside a quoted document
// (an e-mail, a letter, a message read out or reproduced) on the
// document's own date: "In a letter dated Thursday 6 March, Cole wrote:
// 'We will meet tomorrow at 9 a.m.'" is 7 March, whatever day the article
// appeared. A document whose date the text does not give leaves them
// unresolved, so they make no event: a request in a quoted e-mail ("Call
// me Sunday night") is never put on the publication week. It changes out
// in place.
func (b *eventBuilder) quotedDocuments(out []timeline.Timex) []timeline.Timex {
	if len(b.p.ev.documents) == 0 {
		return out
	}
	var drop []int
	var quotes []Span
	for _, para := range b.paras {
		quotes = quoteSpans(b.text, para, quotes[:0])
		for _, q := range quotes {
			inside := b.relativeIn(out, q)
			if len(inside) == 0 {
				continue
			}
			day, document, dated := b.documentFrame(out, q)
			if document {
				b.documents = append(b.documents, q)
			}
			switch {
			case dated:
				b.reanchor(out, inside, q, day)
			case document:
				drop = append(drop, inside...)
			}
		}
	}
	if len(drop) == 0 {
		return out
	}
	slices.Sort(drop)
	kept := out[:0]
	for i, t := range out {
		if _, found := slices.BinarySearch(drop, i); !found {
			kept = append(kept, t)
		}
	}
	return kept
}

// relativeIn returns the indexes of the DATE and TIME expressions inside q
// that were resolved against something (the publication date or another
// expression) rather than read whole from the text.
func (b *eventBuilder) relativeIn(ts []timeline.Timex, q Span) []int {
	var out []int
	for i, t := range ts {
		if q.Start <= t.Start && t.End <= q.End && t.Anchor != "" && (t.Type == timeline.TypeDate || t.Type == timeline.TypeTime) {
			out = append(out, i)
		}
	}
	return out
}

// documentFrame finds the document a quote reproduces and its date: a
// document noun in the sentence that opens the quote or the one before it
// (document), and a day-precision date in that sentence, outside the quote
// (dated, with the date as day).
func (b *eventBuilder) documentFrame(ts []timeline.Timex, q Span) (day timeline.Timex, document, dated bool) {
	si := b.sentenceOf(q.Start, q.End)
	if si < 0 {
		si = b.sentenceOf(q.End-1, q.End)
	}
	if si < 0 {
		return timeline.Timex{}, false, false
	}
	// The sentence that names the document, the quote's own or the one
	// before it; the document's date is given there.
	lead := Span{Start: b.sents[si].Start, End: q.Start}
	if !b.words.has(lead, b.p.ev.documents) {
		if si == 0 || !b.words.has(b.sents[si-1], b.p.ev.documents) {
			return timeline.Timex{}, false, false
		}
		lead = b.sents[si-1]
	}
	for i := len(ts) - 1; i >= 0; i-- {
		t := ts[i]
		if t.Start < lead.Start || t.End > lead.End {
			continue
		}
		if d, err := timeline.ParseDate(t.Value, t.Mod); err == nil && d.Precision == timeline.PrecisionDay {
			return t, true, true
		}
	}
	return timeline.Timex{}, true, false
}

// reanchor resolves the quote's text again with the document's date as
// its publication date and takes the new values of the expressions at
// inside.
func (b *eventBuilder) reanchor(ts []timeline.Timex, inside []int, q Span, day timeline.Timex) {
	d, err := timeline.ParseDate(day.Value, "")
	if err != nil {
		return
	}
	res := timeline.Extract(b.text[q.Start:q.End], timeline.Options{Lang: b.p.code, DCT: d.Start})
	for _, i := range inside {
		for _, n := range res.Timexes {
			if n.Start+q.Start == ts[i].Start && n.End+q.Start == ts[i].End {
				ts[i].Value, ts[i].Mod, ts[i].Anchor = n.Value, n.Mod, day.ID
				break
			}
		}
	}
}

// inDocumentAside reports whether date t stands in a quoted document in a
// clause its writer speaks in as a person, not for a body: the first
// person singular or an imperative ("I can meet you on Thursday", "Call me
// Sunday night", "Will update next week"). That is correspondence, not a
// happening of the story; "We will hold a town hall" from a company is.
func (b *eventBuilder) inDocumentAside(ws []sword, t Span) bool {
	in := false
	for _, q := range b.documents {
		in = in || q.Start <= t.Start && t.End <= q.End
	}
	if !in {
		return false
	}
	i0, i1 := wordRange(ws, t)
	a, z := b.clauseOf(ws, i0, i1)
	for k := a; k < z; k++ {
		if b.p.ev.firstSingular[ws[k].low] {
			return true
		}
	}
	for k := a; k < z; k++ {
		if !b.p.fillers[ws[k].low] && !b.p.ev.headConnectors[ws[k].low] {
			return ws[k].pred == predVerb || b.p.ev.verbAfter[ws[k].low]
		}
	}
	return false
}
