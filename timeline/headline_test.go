package timeline

import "testing"

func TestHeadlineSimilarity(t *testing.T) {
	HeadlineSimilarity := func(a, b string) float64 { return WordOverlap(HeadlineWords(a), HeadlineWords(b)) }
	if s := HeadlineSimilarity("Kim opens the plenary", "Kim opens the plenary"); s != 1 {
		t.Errorf("identical: %v", s)
	}
	if s := HeadlineSimilarity("Kim opens the plenary", "Oil prices rise"); s != 0 {
		t.Errorf("unrelated: %v", s)
	}
	if s := HeadlineSimilarity("Pertemuan pleno dibuka", "pertemuannya dibuka"); s < 0.5 {
		t.Errorf("stems: %v", s)
	}
}

// TestStemCutsLetters checks firstLetters against cutting the word's runes, for
// short, long, accented and not-UTF-8 words.
func TestStemCutsLetters(t *testing.T) {
	for _, w := range []string{"", "rapat", "pertemuan", "pertemuannya", "café-société", "ab\xffcdefgh", "\xff\xfe", "abcdef"} {
		want := w
		if r := []rune(w); len(r) > stemLength {
			want = string(r[:stemLength])
		}
		if got := firstLetters(w); got != want {
			t.Errorf("firstLetters(%q) = %q, want %q", w, got, want)
		}
	}
}
