package timeline

import "testing"

// TestDigitOrdinal reads ordinals written with digits through each
// language's ordinal affixes.
func TestDigitOrdinal(t *testing.T) {
	for _, c := range []struct {
		code, word string
		want       bool
	}{
		{"en", "12th", true}, {"en", "3rd", true}, {"en", "21st", true}, {"en", "th", false},
		{"en", "2024", false}, {"en", "ke-12", false},
		{"id", "ke-12", true}, {"id", "ke-", false}, {"id", "12th", false}, {"ms", "ke-3", true},
		{"xx", "12th", false},
	} {
		if got := DigitOrdinal(c.code, c.word); got != c.want {
			t.Errorf("DigitOrdinal(%q, %q) = %v, want %v", c.code, c.word, got, c.want)
		}
	}
}
