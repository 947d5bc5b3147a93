package timeline

import "testing"

// TestStemMeetsForms checks that the forms of one word share a stem and
// that a root which only starts like a prefix keeps it.
func TestStemMeetsForms(t *testing.T) {
	for _, tc := range []struct {
		lang  string
		forms []string
	}{
		{"id", []string{"tangkap", "menangkap", "ditangkap", "tertangkap", "penangkapan"}},
		{"id", []string{"pukul", "memukul", "dipukul"}},
		{"id", []string{"serang", "menyerang", "penyerangan", "diserang"}},
		{"id", []string{"tahan", "ditahan", "menahan", "penahanan"}},
		{"id", []string{"berangkat", "keberangkatan", "memberangkatkan"}},
		{"id", []string{"hilang", "kehilangan"}},
		{"ms", []string{"tangkap", "ditangkap", "menangkap"}},
		{"en", []string{"erupted", "eruption"}},
		{"en", []string{"arrest", "arrested", "arrests"}},
	} {
		want := Stem(tc.lang, tc.forms[0])
		for _, f := range tc.forms[1:] {
			if got := Stem(tc.lang, f); got != want {
				t.Errorf("%s: Stem(%q) = %q, Stem(%q) = %q: want one stem", tc.lang, f, got, tc.forms[0], want)
			}
		}
	}
	for _, tc := range []struct{ lang, word, want string }{
		{"id", "memberikan", "beri"},
		{"id", "berita", "berita"}, // "ber" would leave three letters
		{"xx", "menangkap", "menangkap"},
	} {
		if got := Stem(tc.lang, tc.word); got != tc.want {
			t.Errorf("%s: Stem(%q) = %q, want %q", tc.lang, tc.word, got, tc.want)
		}
	}
}
