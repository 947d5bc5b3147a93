package timeline

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// stemmer strips a language's derivational affixes (stems.txt), so two
// forms of one word compare equal: "tangkap"/"menangkap"/"penangkapan",
// "erupted"/"eruption".
//
// A word loses at most maxPrefixes prefixes, then one suffix, each the
// first of its list (longest first) that leaves at least minStem letters;
// a second prefix must leave one letter more, so a root that merely starts
// like a prefix keeps it ("memberikan" is "beri", not "ikan").
// A nasal prefix that took the place of the root's first letter before a
// vowel ("men" + "tangkap" is "menangkap") gives that letter back
// (restores), so the root meets its other forms ("ditangkap").
type stemmer struct {
	prefixes, suffixes []string
	restores           map[string]string
	vowels             []string
}

// minStem is how many letters a stem keeps at least.
const minStem = 4

// maxPrefixes is how many prefixes one word may lose ("keberangkatan":
// "ke", then "ber").
const maxPrefixes = 2

var (
	stemmersOnce sync.Once
	stemmers     map[string]*stemmer
)

// Stem returns the stem of a lower-case word in the language code; a word
// of a language without affix lists is its own stem. A language without
// lists of its own uses its near language's (Malay, Indonesian's).
func Stem(code, low string) string {
	stemmersOnce.Do(func() {
		stemmers = map[string]*stemmer{}
		for c, lx := range lexicons() {
			p := lx.pack
			if len(p.StemPrefixes)+len(p.StemSuffixes) > 0 {
				stemmers[c] = &stemmer{prefixes: p.StemPrefixes, suffixes: p.StemSuffixes, restores: p.StemRestores, vowels: p.StemVowels}
			}
		}
		for _, l := range Languages() {
			if stemmers[l.Code] == nil && l.Near != "" {
				stemmers[l.Code] = stemmers[l.Near]
			}
		}
	})
	s := stemmers[code]
	if s == nil {
		return low
	}
	return s.stem(low)
}

func (s *stemmer) stem(low string) string {
	n := utf8.RuneCountInString(low)
	for k := range maxPrefixes {
		cut := false
		for _, p := range s.prefixes {
			if !strings.HasPrefix(low, p) || n-utf8.RuneCountInString(p) < minStem+k {
				continue
			}
			root := low[len(p):]
			if r, ok := s.restores[p]; ok && slices.ContainsFunc(s.vowels, func(v string) bool { return strings.HasPrefix(root, v) }) {
				root = r + root
			}
			low, n, cut = root, utf8.RuneCountInString(root), true
			break
		}
		if !cut {
			break
		}
	}
	for _, x := range s.suffixes {
		if strings.HasSuffix(low, x) && n-utf8.RuneCountInString(x) >= minStem {
			return low[:len(low)-len(x)]
		}
	}
	return low
}
