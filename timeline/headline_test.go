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
