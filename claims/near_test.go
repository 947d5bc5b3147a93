package claims

import (
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/timeline"
	"github.com/factline/factline/timeline/lang"
)

// TestEveryLanguageHasAPack checks that every registered language reads
// attribution through a pack with cues and event words: its own, or its
// near language's.
func TestEveryLanguageHasAPack(t *testing.T) {
	for _, l := range timeline.Languages() {
		p := packOf(l.Code)
		if p == nil || len(p.cues) == 0 || len(p.ev.functionWords) == 0 {
			t.Errorf("%s: pack %+v lacks cues or event words", l.Code, p)
		}
	}
}

// TestMalayAttribution reads a Malay article with Malay's own cues
// ("memberitahu", "kata beliau", "menurut", "tambahnya") and honorifics,
// and Indonesian's for the sections Malay's folder leaves to it.
func TestMalayAttribution(t *testing.T) {
	text := `Menteri Kewangan Lim Guan Eng memberitahu pemberita bahawa belanjawan akan dibentangkan pada Oktober. ` +
		`"Kami akan meneliti semua cadangan," kata beliau. Menurut Bernama, mesyuarat itu diadakan di Putrajaya semalam. ` +
		`Pengerusi syarikat itu, Datuk Seri Ahmad Zahid, berkata keuntungan meningkat 20 peratus, tambahnya.`
	ex := Extract(Article{Text: text, Published: time.Date(2019, 12, 30, 0, 0, 0, 0, time.UTC)})
	if ex.Article.Lang != "ms" {
		t.Errorf("Lang = %q; want ms", ex.Article.Lang)
	}
	var got []string
	for _, c := range ex.Claims {
		got = append(got, c.Speaker+"/"+c.Role+"/"+c.Cue)
	}
	want := []string{"Lim Guan Eng/Menteri Kewangan/memberitahu", "Lim Guan Eng/Menteri Kewangan/kata", "Bernama//menurut",
		"Ahmad Zahid/Pengerusi syarikat itu/berkata"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("claims %v; want %v", got, want)
	}
	if ms, id := packOf("ms"), packOf("id"); ms == id || !ms.abbrevEnder["dll"] || ms.starters["ia"] != id.starters["ia"] {
		t.Errorf("ms pack does not take Indonesian's sections it lacks")
	}
}

// TestClaimsDataDefects checks that a defect in a claims file names the
// file, the line and what is wrong.
func TestClaimsDataDefects(t *testing.T) {
	for _, tt := range []struct {
		sec  lang.Section
		want string
	}{
		{lang.Section{Name: "cue-after", Line: 3}, "xx/claims-attribution.txt:3: unknown section [cue-after]"},
		{lang.Section{Name: "boilerplate-labels", Entries: []lang.Entry{{Key: "pewarta:", Value: "writer", Line: 5}}},
			`xx/claims-attribution.txt:5: [boilerplate-labels] "pewarta:": credit "writer" is not one of`},
		{lang.Section{Name: "role-words", Entries: []lang.Entry{{Key: "menteri", Value: "minister", Line: 7}}},
			`xx/claims-attribution.txt:7: [role-words] "menteri": this section is a list`},
		{lang.Section{Name: "cues-after", Entries: []lang.Entry{{Key: "kata", Value: "nya", Line: 9}}},
			`xx/claims-attribution.txt:9: [cues-after] "kata": want the cue alone, or "= enclitic"`},
		{lang.Section{Name: "verdict-names", Entries: []lang.Entry{{Key: "wrong", Value: "Salah", Line: 11}}},
			`xx/claims-attribution.txt:11: [verdict-names] "wrong": want "<status> = <name for readers>"`},
		{lang.Section{Name: "event-settings", Entries: []lang.Entry{{Key: "min-affixed", Value: "five", Line: 13}}},
			`xx/claims-attribution.txt:13: [event-settings] "min-affixed": want "min-affixed = <letters>"`},
		{lang.Section{Name: "event-verb-prefixes", Entries: []lang.Entry{{Key: "me", Value: "verb", Line: 15}}},
			`xx/claims-attribution.txt:15: [event-verb-prefixes] "me": this section is a list`},
	} {
		p := &pack{code: "xx", cues: map[string][]cue{}}
		sec := tt.sec
		err := p.bind(&lang.Tables{Path: "xx/claims-attribution.txt", Sections: []*lang.Section{&sec}}, map[string]bool{})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("err = %v; want %q", err, tt.want)
		}
	}
}
