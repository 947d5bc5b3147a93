package timeline

import (
	"strings"
	"testing"
	"time"
)

func TestDCTInference(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"weekday agreeing with a day-month, copyright year and report day",
			"Rapat digelar Sabtu (28/12) dan Minggu (29/12), menurut KCNA, Senin.\n\nCopyright © ANTARA 2019", "2019-12-30"},
		{"fully dated mention", "Menteri menyampaikan hal itu, Kamis (17/10/2013), di Jakarta.", "2013-10-17"},
		{"the reader's day of an event abroad", "Indeks saham jatuh pada Jumat (6/3/2015) waktu setempat (Sabtu dini hari WIB).", "2015-03-07"},
		{"a bracketed weekday far from the date is no report day", "Rapat digelar Senin (2/3/2015); hasilnya dibahas lagi (Jumat) pekan depan.", "2015-03-02"},
		{"no dated mention", "Harga naik tajam pekan lalu.", ""},
		{"an English report that dates nothing", "Shares fell on Monday after the company said profit dropped last quarter.", ""},
		{"a planned date is not the publication date", "Kamis (5/12/2013) rapat digelar. Aturan akan berlaku 1 Juni 2014.", "2013-12-05"},
		{"a date said to be yesterday is the day before publication", "Pesawat itu hilang kontak pada 28 Desember 2014 kemarin.", "2014-12-29"},
		{"a date said to be yesterday outweighs its weekday", "Rapat digelar Minggu (28/12/2014) kemarin di Jakarta.", "2014-12-29"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Extract(tt.text, Options{Lang: "id"})
			got := ""
			if !res.DCT.IsZero() {
				got = res.DCT.Format("2006-01-02")
			}
			if got != tt.want || res.DCTInferred != (tt.want != "") {
				t.Errorf("DCT %q (inferred %v, %s); want %q", got, res.DCTInferred, res.DCTEvidence, tt.want)
			}
			if tt.want == "" && !strings.HasPrefix(res.DCTEvidence, "unknown: ") {
				t.Errorf("no DCT, evidence %q; want the reason it is unknown", res.DCTEvidence)
			}
		})
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Kim mengadakan pertemuan para pejabat tinggi partai pada Sabtu untuk membahas masalah yang macet.", "id"},
		{"The company said on Friday that its profit rose in the third quarter.", "en"},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.text); got != tt.want {
			t.Errorf("DetectLanguage(%q) = %q; want %q", tt.text, got, tt.want)
		}
		if got := Extract(tt.text, Options{Lang: "auto"}).Lang; got != tt.want {
			t.Errorf("Extract(auto).Lang = %q; want %q", got, tt.want)
		}
	}
}

// TestCalendarValuesParse checks that every calendar value the tagger
// produces on the gold sets names an interval ParseDate accepts.
func TestCalendarValuesParse(t *testing.T) {
	for _, path := range []string{"../testdata/timex/id-gold.jsonl", "../testdata/timex/antara-2019-12-30-kim-plenary.timex.jsonl"} {
		for _, doc := range readGold(t, path) {
			dct, _ := time.Parse("2006-01-02", doc.DCT)
			for _, x := range Extract(doc.Text, Options{Lang: doc.Lang, DCT: dct}).Timexes {
				if x.Type != TypeDate && x.Type != TypeTime || strings.HasSuffix(x.Value, "_REF") || strings.Contains(x.Value, "X") {
					continue
				}
				if _, err := ParseDate(x.Value, x.Mod); err != nil {
					t.Errorf("%s: %q -> %q: %v", doc.ID, x.Text, x.Value, err)
				}
			}
		}
	}
}
