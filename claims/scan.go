package claims

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one token of running text, as byte offsets.
type word struct{ start, end int }

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && isASCIIWordByte(byte(r)) ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

// isASCIIWordByte reports whether c is an ASCII letter or digit, which
// isWordRune accepts.
func isASCIIWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isJoiner reports whether r joins two word runes into one word: hyphens
// and apostrophes ("Moo-jin", "O'Brien"), dots and commas inside numbers and
// names ("1.000", "1,24", "Kompas.com").
func isJoiner(r rune, prev, next rune) bool {
	switch r {
	case '-', '\'', '’':
		return true
	case '.':
		return isDigit(prev) && isDigit(next) || unicode.IsLetter(prev) && unicode.IsLower(next)
	case ',':
		return isDigit(prev) && isDigit(next)
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// eachWord calls f for each word of text[from:to] in order.
func eachWord(text string, from, to int, f func(word)) {
	start := -1
	var prev rune
	for i := from; i < to; {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:to])
		}
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
			prev, i = r, i+n
			// The rest of an ASCII run in one step: most words are one.
			for i < to && isASCIIWordByte(text[i]) {
				prev, i = rune(text[i]), i+1
			}
			continue
		case start >= 0 && i+n < to:
			if next, _ := utf8.DecodeRuneInString(text[i+n : to]); !isJoiner(r, prev, next) || !isWordRune(next) {
				f(word{start, i})
				start = -1
			}
		case start >= 0:
			f(word{start, i})
			start = -1
		}
		prev = r
		i += n
	}
	if start >= 0 {
		f(word{start, to})
	}
}

// wordsIn returns the words of text[from:to].
func wordsIn(text string, from, to int) []word {
	var ws []word
	eachWord(text, from, to, func(w word) { ws = append(ws, w) })
	return ws
}

// countWords counts the words of text[from:to] without allocating.
func countWords(text string, from, to int) int {
	n := 0
	eachWord(text, from, to, func(word) { n++ })
	return n
}

// lowerASCII lower-cases s without allocating when it is already lower
// case ASCII, the common case for cue and stop words.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if c >= 'A' && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// isUpperStart reports whether s starts with an upper-case letter.
func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isAcronym reports whether s is written in capitals with at least two
// letters ("KCNA", "AS", "ESDM"), which names an organisation or a country,
// never a person.
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// Quote marks. Straight and curly double quotes open and close direct
// speech; single quotes are left alone because they double as apostrophes.
func isQuoteRune(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '„' || r == '«' || r == '»'
}

// isSpace reports whether r is white space, including the no-break space
// that pasted articles are full of.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }

// trimSpan narrows [start, end) of text to exclude surrounding white space.
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpace(r) {
			break
		}
		end -= n
	}
	return start, end
}

// runeBefore returns the last rune of text[:i] that is not white space, and
// its offset; -1 if none.
func runeBefore(text string, i, floor int) (rune, int) {
	for i > floor {
		r, n := utf8.DecodeLastRuneInString(text[floor:i])
		i -= n
		if !isSpace(r) {
			return r, i
		}
	}
	return 0, -1
}

// runeAfter returns the first rune of text[i:limit] that is not white
// space, and its offset; -1 if none.
func runeAfter(text string, i, limit int) (rune, int) {
	for i < limit {
		r, n := utf8.DecodeRuneInString(text[i:limit])
		if !isSpace(r) {
			return r, i
		}
		i += n
	}
	return 0, -1
}

// tokenBefore returns the token that ends at offset i and starts no
// earlier than floor, with the dots inside it ("U.S", "a.n") and the
// ampersands that join the letters of one name ("LG&E", whose final "E" is
// no initial).
func tokenBefore(text string, floor, i int) string {
	b := i
	for b > floor {
		r, n := utf8.DecodeLastRuneInString(text[floor:b])
		if !isWordRune(r) && r != '.' && r != '&' {
			break
		}
		b -= n
	}
	return text[b:i]
}

// textWords holds the words of one article, found once with their
// lower-case forms, so that every stage reads words by offset instead of
// scanning and lower-casing the text again. Its slices are read-only.
type textWords struct {
	text string
	ws   []word
	low  []string
}

// indexWords finds the words of text.
func indexWords(text string) *textWords {
	t := &textWords{text: text, ws: make([]word, 0, len(text)/6+1)}
	eachWord(text, 0, len(text), func(w word) { t.ws = append(t.ws, w) })
	// The forms of ASCII words are slices of one copy of the text with its
	// ASCII capitals lowered: a capitalised word then costs no allocation of
	// its own, and a fifth of the words or more are capitalised.
	lowText := lowerASCIILetters(text)
	t.low = make([]string, len(t.ws))
	for i, w := range t.ws {
		if s := text[w.start:w.end]; isASCII(s) {
			t.low[i] = lowText[w.start:w.end]
		} else {
			t.low[i] = strings.ToLower(s)
		}
	}
	return t
}

// lowerASCIILetters returns text with its ASCII capitals lowered and every
// other byte kept, so that offsets into text hold for the result; for an
// ASCII word that is the word's lower case.
func lowerASCIILetters(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	last := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' {
			b.WriteString(text[last:i])
			b.WriteByte(c + 'a' - 'A')
			last = i + 1
		}
	}
	b.WriteString(text[last:])
	return b.String()
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// in returns the words lying wholly inside text[from:to] and their
// lower-case forms; appending to either copies it.
func (t *textWords) in(from, to int) ([]word, []string) {
	i := sort.Search(len(t.ws), func(i int) bool { return t.ws[i].start >= from })
	// The end is found by walking the words, which callers walk anyway:
	// spans are sentences of a few dozen words.
	j := i
	for j < len(t.ws) && t.ws[j].end <= to {
		j++
	}
	return t.ws[i:j:j], t.low[i:j:j]
}

// has reports whether any word of s is in set.
func (t *textWords) has(s Span, set set) bool {
	_, low := t.in(s.Start, s.End)
	for _, l := range low {
		if set[l] {
			return true
		}
	}
	return false
}
