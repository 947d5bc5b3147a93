package export

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
)

func TestCSVReadsBackAndNeutralisesFormulas(t *testing.T) {
	fx := newFixture(t)
	attacks := map[string]string{
		"=HYPERLINK(\"http://evil.example\",\"click\")": "'=HYPERLINK(\"http://evil.example\",\"click\")",
		"+1+1":                              "'+1+1",
		"-2+3":                              "'-2+3",
		"@SUM(A1:A9)":                       "'@SUM(A1:A9)",
		"\t=1":                              "'\t=1",
		"\r=1":                              "'=1", // encoding/csv drops a lone CR when writing CRLF lines
		"Plain, \"quoted\"\nand multi-line": "Plain, \"quoted\"\nand multi-line",
	}
	ids := map[int64]string{}
	for headline := range attacks {
		ids[addEvent(t, fx.s, fx.article, "2020-01-01", "", "happened", headline, headline, 40)] = headline
	}
	out := export(t, fx.s, CSV, Options{})
	if !bytes.HasSuffix(out, []byte("\r\n")) || !bytes.HasPrefix(out, []byte("id,timex_value,display_date,")) {
		t.Fatalf("want a header row and CRLF line ends (RFC 4180): %q...", out[:min(len(out), 80)])
	}
	r := csv.NewReader(bytes.NewReader(out))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Fatalf("header %q", rows[0])
	}
	if len(rows)-1 != visibleEvents(t, fx.s) {
		t.Fatalf("%d rows, want one per visible event (%d)", len(rows)-1, visibleEvents(t, fx.s))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	seen := 0
	for _, row := range rows[1:] {
		id, _ := strconv.ParseInt(row[col["id"]], 10, 64)
		if headline, ok := ids[id]; ok {
			seen++
			want := attacks[headline]
			if row[col["headline"]] != want {
				t.Errorf("headline %q read back as %q, want %q", headline, row[col["headline"]], want)
			}
			if got := row[col["sentences"]]; !strings.HasPrefix(got, "'") && strings.ContainsAny(headline[:1], "=+-@\t\r") {
				t.Errorf("sentence %q not neutralised", got)
			}
		}
		if id == fx.plenary && (row[col["tags"]] != "korea | plenary" || row[col["publishers"]] != "ANTARA" || row[col["timex_value"]] != "2019-12-28") {
			t.Errorf("plenary row %q", row)
		}
		if id == fx.kcna && (row[col["speakers"]] != "KCNA" || row[col["claim_statuses"]] != "verified") {
			t.Errorf("KCNA row %q", row)
		}
	}
	if seen != len(attacks) {
		t.Errorf("%d of %d formula rows found", seen, len(attacks))
	}
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"=1": "'=1", "+1": "'+1", "-1": "'-1", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx",
		"": "", "1": "1", "a=b": "a=b", "2019-12-28": "2019-12-28", " =1": " =1",
	} {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}
