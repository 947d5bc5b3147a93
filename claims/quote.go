package claims

import (
	"unicode/utf8"
)

// quoteSpans finds the direct quotations of one paragraph, opening and
// closing marks included. Curly quotes say which way they face, except that
// some newsrooms open with ” as well; a mark is taken as opening when no
// quote is open and it stands before a word. A quote still open at the end
// of the paragraph runs to its end, as multi-paragraph quotes do.
func quoteSpans(text string, para Span, out []Span) []Span {
	open := -1
	for i := para.Start; i < para.End; {
		if c := text[i]; c < utf8.RuneSelf && c != '"' {
			i++ // most of a text: no quote mark to decode
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:para.End])
		if !isQuoteRune(r) {
			i += n
			continue
		}
		if open < 0 {
			next, _ := utf8.DecodeRuneInString(text[i+n : para.End])
			if i+n < para.End && !isSpace(next) || r == '“' || r == '„' || r == '«' {
				open = i
			}
		} else {
			out = append(out, Span{Start: open, End: i + n})
			open = -1
		}
		i += n
	}
	if open >= 0 {
		out = append(out, Span{Start: open, End: para.End})
	}
	return out
}

// quotedBytes counts how many bytes of s lie inside quotes.
func quotedBytes(s Span, quotes []Span) int {
	n := 0
	for _, q := range quotes {
		if lo, hi := max(s.Start, q.Start), min(s.End, q.End); lo < hi {
			n += hi - lo
		}
	}
	return n
}
