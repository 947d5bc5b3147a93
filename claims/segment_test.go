package claims

import (
	"reflect"
	"testing"
)

// split segments text as one region.
func split(text, lang string) []string {
	var out []string
	for _, para := range paragraphs(text, []Span{{Start: 0, End: len(text)}}) {
		for _, s := range sentences(text, para, packFor(lang), nil) {
			out = append(out, text[s.Start:s.End])
		}
	}
	return out
}

func TestSentences(t *testing.T) {
	for _, tt := range []struct {
		lang, text string
		want       []string
	}{
		{"id", "Harga naik dll. Namun stok aman.", []string{"Harga naik dll.", "Namun stok aman."}},
		{"id", "Prof. Dr. Budi hadir di Jl. Sudirman No. 5 kemarin. Ia bicara.", []string{"Prof. Dr. Budi hadir di Jl. Sudirman No. 5 kemarin.", "Ia bicara."}},
		{"id", "Dana a.n. Budi dikirim. Lalu dicek.", []string{"Dana a.n. Budi dikirim.", "Lalu dicek."}},
		{"id", "Nilainya Rp 1,24 triliun. Itu besar.", []string{"Nilainya Rp 1,24 triliun.", "Itu besar."}},
		{"en", "Mr. Smith met U.S. President Biden on Jan. 5 at 3 p.m. in Washington.", []string{"Mr. Smith met U.S. President Biden on Jan. 5 at 3 p.m. in Washington."}},
		{"en", "He lives in the U.S. The company did not comment.", []string{"He lives in the U.S.", "The company did not comment."}},
		{"en", "Talks ended at 5 p.m. The deal is off.", []string{"Talks ended at 5 p.m.", "The deal is off."}},
		{"en", "It was No. 1 in sales. George W. Bush said so.", []string{"It was No. 1 in sales.", "George W. Bush said so."}},
		// Quotes: a question inside a quote goes on; a quote can hold
		// several sentences.
		{"en", `"Is it over?" he asked. "No. It is not," she said.`, []string{`"Is it over?" he asked.`, `"No.`, `It is not," she said.`}},
		{"id", "”Kami siap. Semua aman,” ujarnya. Lalu ia pergi.", []string{"”Kami siap.", "Semua aman,” ujarnya.", "Lalu ia pergi."}},
		// Paragraphs: blank lines split; a hard wrap inside a sentence does not.
		{"en", "First line goes\non here.\n\nSecond paragraph.", []string{"First line goes\non here.", "Second paragraph."}},
		{"id", "Ekonomi Independen\nEkonomi Korut terkena sanksi.", []string{"Ekonomi Independen", "Ekonomi Korut terkena sanksi."}},
		{"id", "1. Pool Bus Mayasari Bakti, Cibitung", []string{"1. Pool Bus Mayasari Bakti, Cibitung"}},
	} {
		if got := split(tt.text, tt.lang); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s %q:\n got %q\nwant %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestQuoteSpans(t *testing.T) {
	text := `”Kami siap. Semua aman,” ujarnya. "Lagi" kata dia. "Belum selesai`
	got := quoteSpans(text, Span{Start: 0, End: len(text)}, nil)
	var s []string
	for _, q := range got {
		s = append(s, text[q.Start:q.End])
	}
	want := []string{"”Kami siap. Semua aman,”", `"Lagi"`, `"Belum selesai`}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("quotes %q, want %q", s, want)
	}
}
