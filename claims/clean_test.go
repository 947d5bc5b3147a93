package claims

import (
	"strings"
	"testing"
)

// boilerTexts returns the boilerplate of text as strings.
func boilerTexts(text string, c cleaned) []string {
	var out []string
	for _, s := range c.boiler {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestCleanDateline(t *testing.T) {
	for _, tt := range []struct {
		lang, first         string
		place, agency, span string
	}{
		{"id", "Seoul (ANTARA) - Pemimpin Korea Utara", "Seoul", "ANTARA", "Seoul (ANTARA) - "},
		{"id", "JAKARTA, KOMPAS.com - Harga minyak", "JAKARTA", "KOMPAS.com", "JAKARTA, KOMPAS.com - "},
		{"id", "JAKARTA, KOMPAS. com – Harga minyak", "JAKARTA", "KOMPAS. com", "JAKARTA, KOMPAS. com – "},
		{"id", "KOMPAS.com - Harga minyak kembali", "", "KOMPAS.com", "KOMPAS.com - "},
		{"en", "NEW YORK — Oil prices fell", "NEW YORK", "", "NEW YORK — "},
		{"en", "WASHINGTON, Jan 5 (Reuters) - The U.S.", "WASHINGTON", "Reuters", "WASHINGTON, Jan 5 (Reuters) - "},
		{"en", "SACRAMENTO, Calif. (AP) — A wildfire", "SACRAMENTO", "AP", "SACRAMENTO, Calif. (AP) — "},
		{"en", "Belem (Brazil) (AFP) - Negotiators agreed", "Belem", "AFP", "Belem (Brazil) (AFP) - "},
		{"id", "Jakarta, CNN Indonesia -- Pemerintah menaikkan", "Jakarta", "CNN Indonesia", "Jakarta, CNN Indonesia -- "},
		{"id", "MAKASSAR, FAJAR -- Banjir merendam", "MAKASSAR", "FAJAR", "MAKASSAR, FAJAR -- "},
		{"id", "TEMPO.CO, Jakarta - Komisi Pemberantasan Korupsi", "Jakarta", "TEMPO.CO", "TEMPO.CO, Jakarta - "},
		{"en", "WASHINGTON, D.C. - Lawmakers met", "WASHINGTON", "", "WASHINGTON, D.C. - "},
		{"en", "ISTANBUL, Turkey (AP)_ Some 1,500 people marched", "ISTANBUL", "AP", "ISTANBUL, Turkey (AP)_ "},
		// Not datelines: a sentence with a dash, a long capitalised head.
		{"en", "Oil prices fell - again - on Monday", "", "", ""},
		{"id", "Harga minyak dunia naik - turun pekan ini", "", "", ""},
		{"en", "The Fed Chair Said Rates Will Stay - For Now", "", "", ""},
	} {
		text := tt.first + " and more.\n"
		c := clean(text, packFor(tt.lang))
		got := ""
		if len(c.boiler) > 0 && c.boiler[0].Start == 0 {
			got = text[c.boiler[0].Start:c.boiler[0].End]
		}
		if got != tt.span || c.dateline != tt.place || c.agency != tt.agency {
			t.Errorf("%q: span %q place %q agency %q; want %q %q %q", tt.first, got, c.dateline, c.agency, tt.span, tt.place, tt.agency)
		}
	}
}

func TestCleanCreditsAndFooter(t *testing.T) {
	id := "Seoul (ANTARA) - Isi berita pertama.\n\nIsi berita kedua.\n\nBaca juga: Judul lain di sini\n\nSumber: Reuters\n\n \n\n" +
		"Upaya membangun perdamaian di semenanjung Korea\n\nPenerjemah: Azis Kurmala\nEditor: Tia Mutiasari\nCopyright © ANTARA 2019"
	c := clean(id, packFor("id"))
	want := Credits{WireSource: "Reuters", Translator: "Azis Kurmala", Editor: "Tia Mutiasari"}
	if c.credits != want || c.publisher != "ANTARA" {
		t.Errorf("credits %+v publisher %q, want %+v ANTARA", c.credits, c.publisher, want)
	}
	got := boilerTexts(id, c)
	for _, line := range []string{"Baca juga: Judul lain di sini", "Sumber: Reuters", "Upaya membangun perdamaian di semenanjung Korea", "Copyright © ANTARA 2019"} {
		found := false
		for _, g := range got {
			found = found || strings.Contains(g, line)
		}
		if !found {
			t.Errorf("%q not boilerplate in %q", line, got)
		}
	}
	for _, g := range got {
		if strings.Contains(g, "Isi berita") {
			t.Errorf("content %q taken as boilerplate", g)
		}
	}

	en := "LONDON (Reuters) - Rates held.\n\nRelated: Sterling slips\n\n(Reporting by David Milliken and Andy Bruce; Editing by William Schomberg)"
	c = clean(en, packFor("en"))
	if c.credits.Reporter != "David Milliken and Andy Bruce" || c.credits.Editor != "William Schomberg" {
		t.Errorf("en credits %+v", c.credits)
	}
	if n := len(c.boiler); n != 3 {
		t.Errorf("en boilerplate %q, want dateline, related line and credits", boilerTexts(en, c))
	}

	// A trailing reporter credit closing the last paragraph.
	kompas := "JAKARTA, KOMPAS.com - Isi.\n\n\"Kutipan,\" kata Pri Agung. (EVY)"
	c = clean(kompas, packFor("id"))
	if c.credits.Reporter != "EVY" || !strings.HasSuffix(kompas[:c.boiler[len(c.boiler)-1].End], "(EVY)") {
		t.Errorf("trailing credit: %+v %q", c.credits, boilerTexts(kompas, c))
	}

	// Editors' initials closing an article, in brackets or on their own line.
	for _, tail := range []string{"(fby/agt)", "(ant)", "abc/xyz"} {
		text := "JAKARTA, KOMPAS.com - Isi.\n\n\"Kutipan,\" kata Pri Agung.\n\n" + tail
		c = clean(text, packFor("id"))
		if last := c.boiler[len(c.boiler)-1]; text[last.Start:last.End] != tail {
			t.Errorf("initials %q not boilerplate: %q", tail, boilerTexts(text, c))
		}
	}
	// A last line that merely is short is kept.
	short := "JAKARTA, KOMPAS.com - Isi.\n\nHasilnya baik/buruk"
	if c = clean(short, packFor("id")); len(c.boiler) != 1 {
		t.Errorf("a short last line taken as initials: %q", boilerTexts(short, c))
	}

	// Contributor lines of wire copy.
	ap := "NASHVILLE, Tenn. (AP) — Storms hit.\n\n\"It was loud,\" she said.\n\nAssociated Press writer Jane Roe contributed from Memphis, Tennessee."
	if c = clean(ap, packFor("en")); len(c.boiler) != 2 {
		t.Errorf("contributor line not boilerplate: %q", boilerTexts(ap, c))
	}

	// A list ending an article is content: no label below it.
	list := "JAKARTA, KOMPAS.com - Lokasi pemasangan:\n\n1. Pool Bus Mayasari Bakti, Cibitung"
	c = clean(list, packFor("id"))
	if len(c.boiler) != 1 {
		t.Errorf("list item taken as footer: %q", boilerTexts(list, c))
	}
}

// TestFieldsAtMost checks the field count against strings.Fields, white
// space beyond ASCII and bytes that are not UTF-8 included.
func TestFieldsAtMost(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a  b\t", "a\u00a0b\u0085c", "a\u2003b", "\xff \xfe\xfd", "satu dua tiga empat"} {
		n := len(strings.Fields(s))
		for limit := 0; limit <= 4; limit++ {
			if got, want := fieldsAtMost(s, limit), n <= limit; got != want {
				t.Errorf("fieldsAtMost(%q, %d) = %v, want %v", s, limit, got, want)
			}
		}
	}
}
