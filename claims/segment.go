package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// contentRegions returns the parts of [0, n) not covered by boiler.
func contentRegions(n int, boiler []Span) []Span {
	var out []Span
	at := 0
	for _, b := range boiler {
		if b.Start > at {
			out = append(out, Span{Start: at, End: b.Start})
		}
		at = max(at, b.End)
	}
	if at < n {
		out = append(out, Span{Start: at, End: n})
	}
	return out
}

// paragraphs splits each region into paragraphs. A blank line always ends
// one; a single line break ends one only after a sentence end or a short
// heading, so hard-wrapped text keeps its sentences whole.
func paragraphs(text string, regions []Span) []Span {
	var out []Span
	for _, reg := range regions {
		start := reg.Start
		for i := reg.Start; i < reg.End; i++ {
			if text[i] != '\n' {
				continue
			}
			// Look past this line break for a blank line.
			j := i + 1
			blank := false
			for j < reg.End && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n') {
				if text[j] == '\n' {
					blank = true
				}
				j++
			}
			if blank || endsParagraph(text, start, i, j, reg.End) {
				out = appendTrimmed(out, text, start, i)
				start = j
			}
			i = j - 1
		}
		out = appendTrimmed(out, text, start, reg.End)
	}
	return out
}

// endsParagraph reports whether the line text[start:i] ends a paragraph at
// a single line break, the next line starting at next: after a sentence
// end, or after a short heading when the next line opens a sentence.
func endsParagraph(text string, start, i, next, limit int) bool {
	r, at := runeBefore(text, i, start)
	if at < 0 {
		return true
	}
	if isTerminal(r) || isQuoteRune(r) || r == ')' || r == ':' {
		return true
	}
	n, _ := runeAfter(text, next, limit)
	return opensSentence(n) && isHeadingLike(text, line{start, at + 1})
}

func appendTrimmed(out []Span, text string, start, end int) []Span {
	if s, e := trimSpan(text, start, end); s < e {
		out = append(out, Span{Start: s, End: e})
	}
	return out
}

func isTerminal(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// isCloser reports whether r may follow a sentence's final punctuation and
// still belong to it.
func isCloser(r rune) bool {
	return isQuoteRune(r) || r == '’' || r == '\'' || r == ')' || r == ']'
}

// sentences splits one paragraph into sentences. A sentence ends at . ! ?
// or … (with any closing quotes and brackets) when white space and a
// sentence opening follow. Dots after abbreviations, initials and list
// numbers do not end sentences; quotes may hold several sentences.
func sentences(text string, para Span, p *pack, out []Span) []Span {
	start := para.Start
	for i := para.Start; i < para.End; {
		if c := text[i]; c < utf8.RuneSelf && !isTerminal(rune(c)) {
			i++ // most of a text: no rune to decode
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:para.End])
		if !isTerminal(r) {
			i += n
			continue
		}
		dot := i
		j := i + n
		// The whole run of final punctuation and closers belongs here.
		for j < para.End {
			r2, n2 := utf8.DecodeRuneInString(text[j:para.End])
			if !isTerminal(r2) && !isCloser(r2) {
				break
			}
			j += n2
		}
		i = j
		next, k := runeAfter(text, j, para.End)
		if k < 0 {
			break // paragraph end: the last sentence is appended below
		}
		if k == j || !opensSentence(next) {
			continue
		}
		if r == '.' && j == dot+1 && !dotEnds(text, start, dot, k, para.End, p) {
			continue
		}
		out = appendTrimmed(out, text, start, j)
		start = k
	}
	return appendTrimmed(out, text, start, para.End)
}

// opensSentence reports whether r can be the first character of a sentence.
func opensSentence(r rune) bool {
	return unicode.IsUpper(r) || isDigit(r) || isQuoteRune(r) || r == '(' || r == '[' || r == '‘' || r == '\''
}

// dotEnds decides whether the single dot at text[dot] ends a sentence, the
// next one starting at next.
func dotEnds(text string, sentStart, dot, next, limit int, p *pack) bool {
	tok := tokenBefore(text, sentStart, dot)
	b := dot - len(tok)
	if tok == "" {
		return true
	}
	low := lowerASCII(tok)
	switch {
	case p.numberAbbrevs[low]:
		// "No. 5" but "No. It is not."
		r, _ := utf8.DecodeRuneInString(text[next:limit])
		return !isDigit(r)
	case p.abbrevNever[low]:
		return false
	case p.abbrevEnder[low]:
		return true
	case utf8.RuneCountInString(tok) == 1 && isUpperStart(tok):
		return false // an initial: "A. Tony", "George W. Bush"
	case allDigitsOrDash(tok) && b == sentStart:
		return false // a list number: "1. Pool Bus"
	case strings.Contains(tok, "."):
		// "U.S." or "p.m." end a sentence only before a typical opener.
		w := nextWord(text, next, limit)
		return p.starters[lowerASCII(w)]
	}
	return true
}

// nextWord returns the word starting at or after i, skipping any opening
// quotes or brackets.
func nextWord(text string, i, limit int) string {
	for i < limit {
		r, n := utf8.DecodeRuneInString(text[i:limit])
		if isWordRune(r) {
			break
		}
		i += n
	}
	j := i
	for j < limit {
		r, n := utf8.DecodeRuneInString(text[j:limit])
		if !isWordRune(r) {
			break
		}
		j += n
	}
	return text[i:j]
}
