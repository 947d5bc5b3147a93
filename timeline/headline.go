package timeline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// HeadlineWords returns the sorted distinct stems of a headline's words of
// three letters or more, ignoring case and punctuation, so that
// "pertemuan"/"pertemuannya" or "meeting"/"meetings" agree (see firstLetters).
// WordOverlap of two headlines' words says how alike they read; callers
// that compare one headline with many keep its words.
func HeadlineWords(s string) []string {
	var out []string
	low := strings.ToLower(s)
	add := func(f string) {
		if utf8.RuneCountInString(f) >= 3 {
			if out == nil {
				out = make([]string, 0, 12) // headlines are short
			}
			out = append(out, firstLetters(f))
		}
	}
	start := -1 // of the word being read
	for i, r := range low {
		switch inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\''; {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			add(low[start:i])
			start = -1
		}
	}
	if start >= 0 {
		add(low[start:])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// WordOverlap is the Dice coefficient of two sorted sets of words, such as
// two headlines' HeadlineWords.
func WordOverlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch strings.Compare(a[i], b[j]) {
		case 0:
			common++
			i++
			j++
		case -1:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}
