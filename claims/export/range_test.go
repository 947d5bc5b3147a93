package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

// TestRangeAndPartsInExports reads in an article that gives a range and
// exports it: the native JSON (valid by its schema) carries the end date and
// each source's predicate, subject and object; the CSV their words and the
// end value; the TimelineJS slide an end_date on the last day. Every
// export names the range from its first to its last day.
func TestRangeAndPartsInExports(t *testing.T) { storetest.Each(t, testRangeAndPartsInExports) }

func testRangeAndPartsInExports(t *testing.T, s *store.Store) {
	published := time.Date(2019, 12, 12, 0, 0, 0, 0, time.UTC)
	out := (&ingest.Ingester{Store: s}).Ingest(context.Background(),
		ingest.Document{Source: "pameran.txt", Kind: "text", Title: "Pameran", Text: storetest.RangeArticle, Lang: "id", Published: published})
	if out.Err != nil || out.Events != 1 {
		t.Fatalf("ingest: %+v", out)
	}
	approveAll(t, s)
	ex := claims.Extract(claims.Article{Title: "Pameran", Lang: "id", Published: published, Text: storetest.RangeArticle})
	want := ex.Events[0]
	words := func(start, end int) string { return storetest.RangeArticle[start:end] }
	pred, subj, obj := words(want.Predicate.Start, want.Predicate.End), words(want.Subject.Start, want.Subject.End),
		words(want.Object.Start, want.Object.End)
	if want.End.Value != "2019-12-11" || pred == "" || subj == "" || obj == "" {
		t.Fatalf("the pipeline made %+v", want)
	}

	raw := export(t, s, JSON, Options{Filter: filter.Filter{}})
	if err := validate(t, compileSchema(t), raw); err != nil {
		t.Fatalf("export does not match its schema: %v\n%s", err, raw)
	}
	var doc struct{ Events []jsonEvent }
	if err := json.Unmarshal(raw, &doc); err != nil || len(doc.Events) != 1 {
		t.Fatalf("JSON export %s: %v", raw, err)
	}
	ev := doc.Events[0]
	if ev.Date.Value != "2019-12-09" || ev.EndDate == nil || ev.EndDate.Value != "2019-12-11" || ev.EndDate.Display != "11 December 2019" ||
		ev.EndDate.End == nil || stampTime(t, *ev.EndDate.End) != time.Date(2019, 12, 12, 0, 0, 0, 0, time.UTC) {
		t.Errorf("JSON dates %+v to %+v, want 2019-12-09 to 2019-12-11", ev.Date, ev.EndDate)
	}
	if len(ev.Sources) != 1 {
		t.Fatalf("JSON sources %+v", ev.Sources)
	}
	src := ev.Sources[0]
	for _, p := range []struct {
		name string
		got  *jsonPart
		want string
	}{{"predicate", src.Predicate, pred}, {"subject", src.Subject, subj}, {"object", src.Object, obj}} {
		if p.got == nil || p.got.Text != p.want || words(p.got.Start, p.got.End) != p.want {
			t.Errorf("JSON %s %+v, want %q at its offsets", p.name, p.got, p.want)
		}
	}

	rows, err := csv.NewReader(bytes.NewReader(export(t, s, CSV, Options{}))).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("CSV rows %v: %v", rows, err)
	}
	cell := func(col string) string { return rows[1][slices.Index(rows[0], col)] }
	for col, want := range map[string]string{"timex_value": "2019-12-09", "end_value": "2019-12-11",
		"display_date": "9 December 2019 to 11 December 2019", "predicates": pred, "subjects": subj, "objects": obj} {
		if slices.Index(rows[0], col) < 0 || cell(col) != want {
			t.Errorf("CSV %s = %q, want %q (header %v)", col, cell(col), want, rows[0])
		}
	}

	var tl struct {
		Events []tlSlide `json:"events"`
	}
	if err := json.Unmarshal(export(t, s, TimelineJS, Options{Lang: "id"}), &tl); err != nil || len(tl.Events) != 1 {
		t.Fatalf("TimelineJS %+v: %v", tl, err)
	}
	slide := tl.Events[0]
	if slide.EndDate == nil || *slide.EndDate != (tlDate{Year: 2019, Month: 12, Day: 11}) || *slide.StartDate != (tlDate{Year: 2019, Month: 12, Day: 9}) {
		t.Errorf("slide from %+v to %+v, want 2019-12-09 to 2019-12-11", slide.StartDate, slide.EndDate)
	}
	if slide.DisplayDate != "9 Desember 2019 sampai 11 Desember 2019" {
		t.Errorf("slide display_date %q", slide.DisplayDate)
	}
}
