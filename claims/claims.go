package claims

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/factline/factline/timeline"
)

// unit is a run of sentences one direct quote holds together (or a single
// sentence), the grain of a claim.
type unit struct {
	span      Span
	sentences []Span
	para      int
	at        attribution
	attrib    bool
	who       int // index into the article's speakerBook, -1 for none
	quoted    int // bytes inside quotes
	// spokenBefore marks a quotation joined with the sentence after it
	// that names who said it (joinBareCues): direct speech.
	spokenBefore bool
}

// isQuote reports whether the unit is attributed direct speech.
func (u *unit) isQuote() bool { return u.attrib && (u.at.afterQuote || u.quoted*2 >= u.span.Len()) }

// allQuoted reports whether the unit is a quotation and nothing else.
func (u *unit) allQuoted() bool { return u.quoted*10 >= u.span.Len()*9 }

// buildUnits groups each paragraph's sentences into units.
func buildUnits(text string, paras []Span, sents []Span) []unit {
	units := make([]unit, 0, len(sents))
	var quotes []Span
	si := 0
	for pi, para := range paras {
		quotes = quoteSpans(text, para, quotes[:0])
		for ; si < len(sents) && sents[si].Start < para.End; si++ {
			s := sents[si]
			if n := len(units); n > 0 && units[n-1].para == pi && crossesQuote(units[n-1].span.End, s.Start, quotes) {
				u := &units[n-1]
				u.span.End = s.End
				first := si - len(u.sentences) // a unit's sentences run on in sents
				u.sentences = sents[first : si+1 : si+1]
				u.quoted += quotedBytes(s, quotes)
				continue
			}
			units = append(units, unit{span: s, sentences: sents[si : si+1 : si+1], para: pi, quoted: quotedBytes(s, quotes)})
		}
	}
	return units
}

// joinBareCues joins to a quotation that ends its own sentence ("Mengapa
// saya harus memotong produksi?") the sentence after it that only says who
// said it ("Menteri Ali Al-Naimi mengatakan kepada wartawan, Rabu."): one
// unit, as when a comma ends the quote. A cue sentence with words of its
// own after the cue ("mengatakan harga akan naik") stays apart.
func joinBareCues(units []unit, a *attributor) []unit {
	out := units[:0]
	for _, u := range units {
		if n := len(out); n > 0 && out[n-1].para == u.para && out[n-1].allQuoted() && len(u.sentences) == 1 && a.bareCue(u.span) {
			q := &out[n-1]
			q.span.End = u.span.End
			q.sentences = append(slices.Clip(q.sentences), u.sentences...)
			q.quoted += u.quoted
			q.spokenBefore = true
			continue
		}
		out = append(out, u)
	}
	return out
}

// crossesQuote reports whether one quote covers the gap between two
// sentences.
func crossesQuote(end, start int, quotes []Span) bool {
	for _, q := range quotes {
		if q.Start < end && start < q.End {
			return true
		}
	}
	return false
}

// attributeUnits finds each unit's attribution and resolves its speaker.
// Two kinds of unit inherit the attribution of the one before: a sentence
// that is a quotation and nothing else, right after an attributed quote of
// the same paragraph; and the sentence a "Seruan itu disampaikan ..." or
// "hal itu" reference points back to.
func attributeUnits(units []unit, a *attributor) {
	book := newSpeakerBook()
	for i := range units {
		u := &units[i]
		u.who = -1
		// The last sentence of a quote usually carries "ujarnya".
		for k := len(u.sentences) - 1; k >= 0; k-- {
			if at, ok := a.attribute(u.sentences[k]); ok {
				u.at, u.attrib = at, true
				u.at.afterQuote = u.at.afterQuote || u.spokenBefore
				break
			}
		}
		if !u.attrib {
			if at, ok := a.mention(u.sentences[0]); ok {
				book.resolve(at)
			}
			if prev := prevUnit(units, i); prev != nil && prev.para == u.para && prev.isQuote() && u.allQuoted() {
				u.at, u.attrib, u.who = prev.at, true, prev.who
				u.at.afterQuote = true
			}
			continue
		}
		u.who = book.resolve(u.at)
		if prev := prevUnit(units, i); prev != nil && !prev.attrib && refersBack(a.words, u.sentences[0], a.p) {
			prev.at, prev.attrib, prev.who = u.at, true, u.who
			prev.at.afterQuote = false
		}
	}
	// Names are final only now: a later short name can show where an
	// earlier full name starts.
	for i := range units {
		if u := &units[i]; u.who >= 0 {
			u.at.speaker, u.at.role = book.people[u.who].name, book.people[u.who].role
		}
	}
}

func prevUnit(units []unit, i int) *unit {
	if i == 0 {
		return nil
	}
	return &units[i-1]
}

// refersBack reports whether sentence s points at the one before it:
// "Seruan itu disampaikan ..." (noun, demonstrative, passive verb of
// saying) or a phrase such as "hal itu" / "made the remarks".
func refersBack(tw *textWords, s Span, p *pack) bool {
	ws, lows := tw.in(s.Start, s.End)
	low := func(i int) string { return lows[i] }
	if len(ws) >= 3 && p.demonstratives[low(1)] && p.backRefVerbs[low(2)] {
		return true
	}
	for i := range ws {
		for _, ph := range p.backRefPhrases {
			if i+len(ph) > len(ws) {
				continue
			}
			match := true
			for k, w := range ph {
				if low(i+k) != w {
					match = false
					break
				}
			}
			if match {
				return true
			}
		}
	}
	return false
}

// buildClaims turns units into claims. A unit is a claim when it is
// attributed, holds a figure or a forecast, or carries a date; headings and
// background sentences are not.
func buildClaims(tw *textWords, units []unit, timexes []timeline.Timex, p *pack) []Claim {
	text := tw.text
	var out []Claim
	for _, u := range units {
		if isHeadingLike(text, line{u.span.Start, u.span.End}) {
			continue
		}
		var ids []string
		dated := false
		var inTimex []Span
		// Timexes and units are both in text order: skip those before
		// this unit once and for all.
		for len(timexes) > 0 && timexes[0].End <= u.span.Start {
			timexes = timexes[1:]
		}
		for _, t := range timexes {
			if t.Start >= u.span.End {
				break
			}
			if u.span.Start <= t.Start && t.End <= u.span.End {
				ids = append(ids, t.ID)
				inTimex = append(inTimex, Span{Start: t.Start, End: t.End})
				dated = dated || t.Type == timeline.TypeDate || t.Type == timeline.TypeTime
			}
		}
		figure := hasFigure(tw, u.span, inTimex, p)
		forecast := tw.has(u.span, p.futureCues)
		quote := u.isQuote()
		if !u.attrib && !figure && !forecast && !dated {
			continue
		}
		c := Claim{
			ID: "c" + strconv.Itoa(len(out)+1), Start: u.span.Start, End: u.span.End, Text: text[u.span.Start:u.span.End],
			Kind: KindStatement, Quote: quote, TimexIDs: ids,
		}
		switch {
		case figure:
			c.Kind = KindFigure
		case forecast:
			c.Kind = KindForecast
		case quote:
			c.Kind = KindQuote
		}
		if c.TimexIDs == nil {
			c.TimexIDs = []string{}
		}
		if u.attrib {
			c.Speaker, c.Role, c.Cue = u.at.speaker, u.at.role, u.at.cue
		}
		if out == nil {
			// Most units make a claim (three in four in news text); an
			// article without one keeps a nil list.
			out = make([]Claim, 0, len(units))
		}
		out = append(out, c)
	}
	return out
}

// hasFigure reports whether s states a number worth checking: a number
// next to a unit or currency ("300 peserta", "Rp 1,24 triliun", "12%",
// "$5") or followed by a common noun, or a scale word ("ratusan",
// "millions"). Numbers inside temporal
// expressions and bare years are dates, not figures.
func hasFigure(tw *textWords, s Span, timexes []Span, p *pack) bool {
	text := tw.text
	ws, lows := tw.in(s.Start, s.End)
	for i, w := range ws {
		tok, low := text[w.start:w.end], lows[i]
		if p.numberWords[low] {
			return true
		}
		num := tok
		if len(low) > 2 && (low[:2] == "rp") && isDigit(rune(low[2])) {
			return true // "Rp1.000"
		}
		if r, _ := utf8.DecodeRuneInString(num); !isDigit(r) || inSpans(w.start, timexes) || isYear(num) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(text[w.end:]); r == '%' {
			return true
		}
		if r, _ := utf8.DecodeLastRuneInString(text[:w.start]); r == '$' || r == '€' || r == '£' {
			return true
		}
		if i+1 < len(ws) && p.figureUnits[lows[i+1]] {
			return true
		}
		if i > 0 && p.figureUnits[lows[i-1]] {
			return true
		}
		// A count of something: "12 stasiun", "6,1 mengguncang" is a
		// magnitude. A capital after the number is a name ("Pasal 33 UUD").
		if i+1 < len(ws) && !isUpperStart(text[ws[i+1].start:ws[i+1].end]) && strings.TrimSpace(text[w.end:ws[i+1].start]) == "" {
			return true
		}
	}
	return false
}

// isYear reports whether s is a four-digit year of modern news.
func isYear(s string) bool {
	if len(s) != 4 {
		return false
	}
	n, err := strconv.Atoi(s)
	return err == nil && n >= 1800 && n <= 2199
}

func inSpans(i int, ss []Span) bool {
	for _, s := range ss {
		if s.Start <= i && i < s.End {
			return true
		}
	}
	return false
}
