package timeline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// HeadlineWords returns the sorted distinct stems of a headline's words of
// three letters or more, ignoring case and punctuation, so that
// "pertemuan"/"pertemuannya" or "meeting"/"meetings" agree (see stem).
// WordOverlap of two headlines' words says how alike they read; callers
// that compare one headline with many keep its words.
func HeadlineWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
	}) {
		if utf8.RuneCountInString(f) < 3 {
			continue
		}
		out = append(out, stem(f))
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
