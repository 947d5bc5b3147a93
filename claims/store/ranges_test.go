package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

// dayText tells the opening of storetest.RangeArticle's fair as its
// first day.
const dayText = "Menteri Pariwisata membuka pameran wisata itu di Jakarta pada Senin (9/12/2019)."

// saveText runs the pipeline on an Indonesian article and stores it,
// returning what the pipeline made.
func saveText(t *testing.T, s *store.Store, title, text string) *claims.Extraction {
	t.Helper()
	ex := claims.Extract(claims.Article{Title: title, Lang: "id", Published: time.Date(2019, 12, 12, 0, 0, 0, 0, time.UTC), Text: text})
	if len(ex.Events) != 1 {
		t.Fatalf("the pipeline made %d events of %q, want 1", len(ex.Events), text)
	}
	if _, err := s.SaveExtraction(context.Background(), &ex, store.SaveOptions{SourceKind: "text"}); err != nil {
		t.Fatal(err)
	}
	return &ex
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestEditRangeEnd edits a stored range: an edit that leaves the date
// keeps the end, a new end moves it, a bad or early end is refused with a
// message and changes nothing, and a new single date drops the end.
func TestEditRangeEnd(t *testing.T) { storetest.Each(t, testEditRangeEnd) }

func testEditRangeEnd(t *testing.T, s *store.Store) {
	ctx := context.Background()
	saveText(t, s, "Pameran", storetest.RangeArticle)
	ev := eventsOf(t, s, filter.Filter{})[0]
	if ev.Value != "2019-12-09" || ev.EndValue != "2019-12-11" || !ev.EndsAt.Equal(day("2019-12-12")) {
		t.Fatalf("stored %s..%s ending %v, want 2019-12-09..2019-12-11 ending on the 12th", ev.Value, ev.EndValue, ev.EndsAt)
	}
	version := ev.Version
	edit := func(p store.EventPatch) (*store.EventDetail, error) {
		t.Helper()
		d, err := s.UpdateEvent(ctx, ev.ID, version, p, nil)
		if err == nil {
			version = d.Version
		}
		return d, err
	}
	check := func(d *store.EventDetail, err error, value, end, endsAt string) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if d.Value != value || d.EndValue != end || d.EndsAt == nil || !d.EndsAt.Equal(day(endsAt)) {
			t.Errorf("event %s..%s ending %v, want %s..%s ending %s", d.Value, d.EndValue, d.EndsAt, value, end, endsAt)
		}
	}
	d, err := edit(store.EventPatch{Headline: ptr("Pameran wisata")})
	check(d, err, "2019-12-09", "2019-12-11", "2019-12-12")
	d, err = edit(store.EventPatch{Value: ptr("2019-12-09"), Mod: ptr("")})
	check(d, err, "2019-12-09", "2019-12-11", "2019-12-12")
	d, err = edit(store.EventPatch{End: ptr(" 2019-12-14 ")})
	check(d, err, "2019-12-09", "2019-12-14", "2019-12-15")

	for _, bad := range []struct{ value, end, says string }{
		{"", "2019-12-08", "must come after the date 2019-12-09"},
		{"", "2019-12-09", "must come after the date 2019-12-09"},
		{"", "2019-12", "must come after"},
		{"2019-12-20", "2019-12-14", "must come after the date 2019-12-20"},
		{"", "14 Desember", `end date: "14 Desember" is not a date`},
		{"", "0000-01-01", "is not a date"},
	} {
		p := store.EventPatch{End: &bad.end}
		if bad.value != "" {
			p.Value = &bad.value
		}
		_, err := edit(p)
		if apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(err.Error(), bad.says) {
			t.Errorf("value %q end %q: err %v, want invalid saying %q", bad.value, bad.end, err, bad.says)
		}
	}
	if d, err := s.EventByID(ctx, ev.ID); err != nil || d.Version != version || d.EndValue != "2019-12-14" {
		t.Fatalf("refused edits changed the event: %+v, %v", d, err)
	}

	d, err = edit(store.EventPatch{Value: ptr("2019-12-10")})
	check(d, err, "2019-12-10", "", "2019-12-11")
	d, err = edit(store.EventPatch{Value: ptr("2019"), End: ptr("2021")})
	check(d, err, "2019", "2021", "2020-01-01") // longer than a year: the interval stays the first date's
	d, err = edit(store.EventPatch{End: ptr("")})
	check(d, err, "2019", "", "2020-01-01")
}

// TestMergeKeepsRangeAndParts merges the range of one article into the
// single day of another: the surviving event takes the range's end, and
// every source keeps the predicate, subject and object the pipeline found.
func TestMergeKeepsRangeAndParts(t *testing.T) { storetest.Each(t, testMergeKeepsRangeAndParts) }

func testMergeKeepsRangeAndParts(t *testing.T, s *store.Store) {
	ctx := context.Background()
	exs := []*claims.Extraction{saveText(t, s, "Pembukaan", dayText), saveText(t, s, "Pameran", storetest.RangeArticle)}
	evs := eventsOf(t, s, filter.Filter{})
	if len(evs) != 2 || evs[0].EndValue != "" {
		t.Fatalf("stored %+v, want the day and the range", evs)
	}
	target, other := evs[0], evs[1]
	if other.EndValue == "" {
		target, other = other, target
	}
	d, err := s.MergeEvents(ctx, store.VersionedID{ID: target.ID, Version: target.Version},
		[]store.VersionedID{{ID: other.ID, Version: other.Version}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d.Value != "2019-12-09" || d.EndValue != "2019-12-11" || !d.EndsAt.Equal(day("2019-12-12")) {
		t.Errorf("merged event %s..%s ending %v, want the range 2019-12-09..2019-12-11", d.Value, d.EndValue, d.EndsAt)
	}
	if len(d.Sources) != 2 {
		t.Fatalf("merged event has %d sources, want 2", len(d.Sources))
	}
	for _, src := range d.Sources {
		var ex *claims.Extraction
		for _, e := range exs {
			if e.Article.Title == src.ArticleTitle {
				ex = e
			}
		}
		want, text := ex.Events[0], ex.Article.Text
		for _, p := range []struct {
			name string
			got  *store.Part
			want string
		}{
			{"predicate", src.Parts.Predicate, text[want.Predicate.Start:want.Predicate.End]},
			{"subject", src.Parts.Subject, text[want.Subject.Start:want.Subject.End]},
			{"object", src.Parts.Object, text[want.Object.Start:want.Object.End]},
		} {
			if p.want == "" {
				t.Fatalf("the pipeline found no %s in %q", p.name, text)
			}
			if p.got == nil || p.got.Text != p.want {
				t.Errorf("%s: merged source's %s is %+v, want %q", src.ArticleTitle, p.name, p.got, p.want)
			}
		}
	}
}
