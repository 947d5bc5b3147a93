package timeline

import (
	"os"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract checks that any input yields spans inside the text, on rune
// boundaries, sorted and without overlaps, with IDs in order, and never
// panics, whatever the language and publication date.
func FuzzExtract(f *testing.F) {
	if b, err := os.ReadFile("../testdata/antara-2019-12-30-kim-plenary.txt"); err == nil {
		f.Add(string(b), "id", int64(0))
	}
	for _, l := range languages().langs {
		for _, file := range l.examples {
			for _, s := range file.Sentences {
				f.Add(s.Text, l.Code, s.DCT.Unix())
			}
		}
	}
	f.Add("Sabtu (28/12", "id", int64(0))
	f.Add("pukul 24.59 WIB (31/2/2019) 1990-an 12/13/", "auto", int64(-1))
	f.Add("\xff\xfe Minggu \u00a0(29/12)\u2028Senin.", "", int64(0))
	f.Fuzz(func(t *testing.T, text, lang string, dct int64) {
		var d time.Time
		if dct != 0 {
			d = time.Unix(dct%(1<<36), 0).UTC()
		}
		res := Extract(text, Options{Lang: lang, DCT: d})
		prevEnd := 0
		for i, x := range res.Timexes {
			if x.Start < prevEnd || x.End <= x.Start || x.End > len(text) {
				t.Fatalf("timex %d [%d,%d) out of order or out of text (len %d, previous end %d)", i, x.Start, x.End, len(text), prevEnd)
			}
			if !boundary(text, x.Start) || !boundary(text, x.End) {
				t.Fatalf("timex %d [%d,%d) splits a rune", i, x.Start, x.End)
			}
			if x.Text != text[x.Start:x.End] {
				t.Fatalf("timex %d text %q differs from its span", i, x.Text)
			}
			if want := "t" + itoa(i+1); x.ID != want {
				t.Fatalf("timex %d has ID %q; want %q", i, x.ID, want)
			}
			prevEnd = x.End
		}
	})
}

// boundary tells whether byte offset i of s is where ranging over s
// starts a rune (an invalid byte counts as one), or the end of s.
func boundary(s string, i int) bool {
	if i == len(s) {
		return true
	}
	if utf8.RuneStart(s[i]) {
		return true
	}
	// A stray continuation byte is its own rune when it does not
	// continue a valid sequence.
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if utf8.RuneStart(s[j]) {
			_, size := utf8.DecodeRuneInString(s[j:])
			return j+size <= i
		}
	}
	return true
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
