package export

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store/storetest"
)

// A clock time keeps the zone its source gives: "pukul 06.18 WIB" is
// exported as 06:18 at +07:00 in JSON and CSV, and a clock time without a
// zone stays in UTC with no zone.
func TestExportKeepsTheSourcesZone(t *testing.T) {
	s := storetest.SQLite(t)
	doc, err := ingest.ParseText("qz8501.txt", []byte("Pesawat AirAsia QZ8501 hilang kontak pada Minggu (28/12/2014) pukul 06.18 WIB. "+
		"Tim SAR berangkat dari Pangkalan Bun pada Senin (29/12/2014) pukul 09.00."))
	if err != nil {
		t.Fatal(err)
	}
	doc.Title, doc.Publisher, doc.Lang = "QZ8501 hilang kontak", "KOMPAS", "id"
	if doc.Published, err = ingest.ParsePublished("2014-12-29", "id"); err != nil {
		t.Fatal(err)
	}
	if out := (&ingest.Ingester{Store: s}).Ingest(context.Background(), doc); out.Err != nil {
		t.Fatal(out.Err)
	}
	approveAll(t, s)

	var got struct {
		Events []jsonEvent `json:"events"`
	}
	if err := json.Unmarshal(export(t, s, JSON, Options{}), &got); err != nil {
		t.Fatal(err)
	}
	dates := map[string]jsonDate{}
	for _, e := range got.Events {
		dates[e.Date.Value] = e.Date
	}
	lost, ok := dates["2014-12-28T06:18"]
	if !ok || lost.Zone == nil || *lost.Zone != "+07:00" || lost.Start == nil || *lost.Start != "2014-12-28T06:18:00+07:00" {
		t.Errorf("06.18 WIB exported as %+v", lost)
	}
	search, ok := dates["2014-12-29T09:00"]
	if !ok || search.Zone != nil || search.Start == nil || *search.Start != "2014-12-29T09:00:00Z" {
		t.Errorf("09.00 without a zone exported as %+v", search)
	}

	rows, err := csv.NewReader(strings.NewReader(string(export(t, s, CSV, Options{})))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var starts []string
	for _, r := range rows[1:] {
		if r[col["timex_value"]] == "2014-12-28T06:18" {
			starts = append(starts, r[col["starts_at"]], r[col["ends_at"]])
		}
	}
	if strings.Join(starts, " ") != "2014-12-28T06:18:00+07:00 2014-12-28T06:19:00+07:00" {
		t.Errorf("CSV starts_at and ends_at of 06.18 WIB: %q", starts)
	}
}
