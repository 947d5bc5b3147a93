package claims

import (
	"testing"
	"time"

	"github.com/factline/factline/timeline"
)

// TestEveryLanguageHasAPack checks that every registered language reads
// attribution through a pack: its own or its near language's.
func TestEveryLanguageHasAPack(t *testing.T) {
	for _, l := range timeline.Languages() {
		p := packOf(l.Code)
		if p == nil {
			t.Errorf("%s: no pack", l.Code)
			continue
		}
		if packFor(l.Code) == nil && (l.Near == "" || p != packOf(l.Near)) {
			t.Errorf("%s reads %s's pack; want its near language %q's", l.Code, p.code, l.Near)
		}
	}
}

// TestNearLanguageAttribution extracts a Malay article, which has no
// attribution data of its own: the article keeps its language and the
// speaker is found with the Indonesian cues.
func TestNearLanguageAttribution(t *testing.T) {
	text := `Polis menahan tiga lelaki pada Isnin. "Kami akan menyiasat kes ini sepenuhnya," kata Ketua Polis Negara Abdul Hamid Bador kepada pemberita semalam.`
	ex := Extract(Article{Text: text, Published: time.Date(2019, 12, 30, 0, 0, 0, 0, time.UTC)})
	if ex.Article.Lang != "ms" {
		t.Errorf("Lang = %q; want ms", ex.Article.Lang)
	}
	var speakers []string
	for _, c := range ex.Claims {
		if c.Speaker != "" {
			speakers = append(speakers, c.Speaker+"/"+c.Cue)
		}
	}
	if len(speakers) != 1 || speakers[0] != "Abdul Hamid Bador/kata" {
		t.Errorf("speakers %v; want [Abdul Hamid Bador/kata]", speakers)
	}
}
