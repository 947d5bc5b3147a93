package claims

import (
	"testing"
	"unicode/utf8"

	"github.com/factline/factline/timeline"
)

// FuzzClean feeds arbitrary text through cleaning, segmentation and the
// rest of the pipeline (without the tagger) and checks that nothing panics
// and every span is valid: inside the text, on rune boundaries, ordered,
// sentences inside paragraphs and clear of boilerplate.
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"Seoul (ANTARA) - Kim \"langkah ofensif\". Seruan itu disampaikan, menurut KCNA (KCNA), Senin.\n\nBaca juga: x\nEditor: Tia\nCopyright © ANTARA 2019",
		"JAKARTA, KOMPAS.com – ”Kami siap. Semua aman,” ujarnya. (EVY)",
		"WASHINGTON (Reuters) - Mr. Smith met U.S. officials at 5 p.m. \"No. It is not,\" he said.\n(Reporting by A; Editing by B)",
		"\"", "(", ")", ". . .", "- -", "“”„«»", "\u00a0\n\r\n", "1. a", "Dr.\xff.", "kata, kata ujarnya",
	} {
		f.Add(s, "id")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		p := packFor(lang)
		if p == nil {
			p = packFor("id")
		}
		c := clean(text, p)
		checkSpans(t, text, "boilerplate", c.boiler)
		paras := paragraphs(text, contentRegions(len(text), c.boiler))
		checkSpans(t, text, "paragraphs", paras)
		var sents []Span
		for _, para := range paras {
			sents = sentences(text, para, p, sents)
			checkSpans(t, text, "quotes", quoteSpans(text, para, nil))
		}
		checkSpans(t, text, "sentences", sents)
		for _, s := range sents {
			if inside(s, paras) < 0 {
				t.Fatalf("sentence %v outside every paragraph", s)
			}
			for _, b := range c.boiler {
				if s.Start < b.End && b.Start < s.End {
					t.Fatalf("sentence %v overlaps boilerplate %v", s, b)
				}
			}
		}
		ex := extractWith(Article{Text: text}, timeline.Result{Lang: p.code})
		for _, cl := range ex.Claims {
			checkSpans(t, text, "claim", []Span{{Start: cl.Start, End: cl.End}})
			if cl.Text != text[cl.Start:cl.End] {
				t.Fatalf("claim text %q is not its span", cl.Text)
			}
		}
	})
}

// checkSpans fails unless spans are non-empty, inside text, on rune
// boundaries (as Go decodes the text, an invalid byte being a rune of its
// own) and in order without overlap.
func checkSpans(t *testing.T, text, what string, spans []Span) {
	t.Helper()
	starts := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		starts[i] = true
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	starts[len(text)] = true
	prev := 0
	for _, s := range spans {
		if s.Start < prev || s.Start >= s.End || s.End > len(text) {
			t.Fatalf("%s span %v invalid (previous end %d, text %d bytes)", what, s, prev, len(text))
		}
		if !starts[s.Start] || !starts[s.End] {
			t.Fatalf("%s span %v cuts a rune", what, s)
		}
		prev = s.End
	}
}

func inside(s Span, in []Span) int {
	for i, o := range in {
		if o.Contains(s) {
			return i
		}
	}
	return -1
}
