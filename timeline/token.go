package timeline

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a raw token.
type tokKind uint8

const (
	tokWord  tokKind = iota + 1 // a run of letters
	tokNum                      // a run of ASCII digits
	tokPunct                    // one other visible character
)

// token is a raw token: a letter run, a digit run or one punctuation rune.
type token struct {
	start, end int
	kind       tokKind
	// space tells that whitespace precedes the token; newline that it
	// holds a line break.
	space, newline bool
}

// tokenize splits text into raw tokens, appending to buf. It never splits a
// rune, so every offset is a rune boundary.
func tokenize(text string, buf []token) []token {
	space, newline := true, true
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			space = true
			i++
			continue
		case c == '\n':
			space, newline = true, true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			buf = append(buf, token{start: i, end: j, kind: tokNum, space: space, newline: newline})
			space, newline = false, false
			i = j
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isLetter(r):
			j := i + size
			for j < len(text) {
				if c := text[j]; c < utf8.RuneSelf {
					// most of a word: ASCII, read without a call
					if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
						break
					}
					j++
					continue
				}
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isLetter(r2) {
					break
				}
				j += s2
			}
			buf = append(buf, token{start: i, end: j, kind: tokWord, space: space, newline: newline})
			i = j
		case unicode.IsSpace(r):
			space = true
			i += size
			continue
		default:
			buf = append(buf, token{start: i, end: i + size, kind: tokPunct, space: space, newline: newline})
			i += size
		}
		space, newline = false, false
	}
	return buf
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// lexeme is one token, or several merged into a phrase of the lexicon.
type lexeme struct {
	start, end int
	kind       tokKind
	e          *entry // nil when the lexicon does not know the word
	num        int    // value of a digit run (-1 when too long)
	digits     int    // length of a digit run
	space      bool   // whitespace before
	newline    bool   // a line break before
	cap        bool   // starts with an upper-case letter
	sent       int    // sentence number
}

// lexer turns raw tokens into lexemes using a lexicon, reusing its buffers.
type lexer struct {
	toks  []token
	lx    []lexeme
	low   []byte
	exprs []expr
}

// lex tokenizes text and merges the longest known phrases.
func (l *lexer) lex(text string, lx *lexicon) []lexeme {
	l.toks = tokenize(text, l.toks[:0])
	toks := l.toks
	out := slices.Grow(l.lx[:0], len(toks)) // a lexeme per token at most
	sent := 0
	for i := 0; i < len(toks); {
		t := toks[i]
		// A full stop, question or exclamation mark followed by a space
		// and a capital or a line break ends a sentence.
		if t.newline && i > 0 && !toks[i-1].newline {
			sent++
		}
		lm := lexeme{start: t.start, end: t.end, kind: t.kind, space: t.space, newline: t.newline, num: -1, sent: sent}
		if t.kind == tokNum {
			lm.digits = t.end - t.start
			if lm.digits <= 9 {
				n := 0
				for k := t.start; k < t.end; k++ {
					n = n*10 + int(text[k]-'0')
				}
				lm.num = n
			}
		}
		// Longest phrase of the lexicon starting here.
		n, best, bestEnd := lx.root, (*entry)(nil), i
		for j := i; j < len(toks) && n != nil; j++ {
			low := l.lower(text[toks[j].start:toks[j].end])
			if j == i && !lx.mayStart(low) {
				break
			}
			n = n.next[string(low)]
			if n != nil && n.e != nil {
				best, bestEnd = n.e, j+1
			}
		}
		if best != nil {
			lm.e = best
			lm.end = toks[bestEnd-1].end
			r, _ := utf8.DecodeRuneInString(text[t.start:])
			lm.cap = unicode.IsUpper(r)
			if best.lower != nil && !lm.cap {
				lm.e = best.lower
			}
		} else {
			bestEnd = i + 1
		}
		if t.kind == tokWord && best == nil {
			r, _ := utf8.DecodeRuneInString(text[t.start:])
			lm.cap = unicode.IsUpper(r)
			if !lm.cap && lx.pastBySuffix(l.lower(text[t.start:t.end])) {
				lm.e = lx.pastForm
			}
		}
		out = append(out, lm)
		if t.kind == tokPunct && bestEnd == i+1 {
			c := text[t.start]
			if (c == '.' || c == '!' || c == '?') && i+1 < len(toks) && toks[i+1].space {
				nx := toks[i+1]
				r, _ := utf8.DecodeRuneInString(text[nx.start:])
				if unicode.IsUpper(r) || r == '"' || r == '“' {
					sent++
				}
			}
		}
		i = bestEnd
	}
	l.lx = out
	return out
}

// lower returns s in lower case in the lexer's buffer, valid until the next
// call; indexing a map with string(b) does not allocate.
func (l *lexer) lower(s string) []byte {
	l.low = l.low[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			l.low = l.low[:0]
			for _, r := range s {
				l.low = utf8.AppendRune(l.low, unicode.ToLower(r))
			}
			return l.low
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		l.low = append(l.low, c)
	}
	return l.low
}
