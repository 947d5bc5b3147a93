package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

func TestTimelineOrderAndFilters(t *testing.T) { storetest.Each(t, testTimelineOrderAndFilters) }

func testTimelineOrderAndFilters(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a := saveFixture(t, s, "ANTARA")
	saveFixture(t, s, "Reuters")
	checkFirstSource(t, s)
	all := eventsOf(t, s, filter.Filter{})
	if len(all) != 6 || all[0].Value != "2011" || all[0].Mod != "END" {
		t.Fatalf("timeline: %d events, first %s", len(all), all[0].Value)
	}
	// Same day: the order the article tells them in, not alphabetical.
	one := eventsOf(t, s, filter.Filter{ArticleID: a.ID})
	if !strings.HasPrefix(one[1].Headline, "Kim met") || !strings.HasPrefix(one[2].Headline, "Later") {
		t.Errorf("same-day order: %q then %q", one[1].Headline, one[2].Headline)
	}
	if evs, total, err := s.Timeline(ctx, filter.Filter{From: "2011-10", To: "2011-10"}, 0); len(evs) != 2 || total != 2 || err != nil {
		t.Errorf("October 2011 overlaps %d events (total %d, %v), want the two 'late 2011'", len(evs), total, err)
	}
	for name, f := range map[string]filter.Filter{
		"speaker":   {Speaker: "Lee"},
		"publisher": {Publisher: "Reuters", EventStatuses: []string{"happened"}},
		"article":   {ArticleID: a.ID},
		"query":     {Query: "power"},
	} {
		evs := eventsOf(t, s, f)
		if len(evs) == 0 || len(evs) == 6 {
			t.Errorf("%s filter kept %d of 6", name, len(evs))
		}
	}
	if _, err := s.UpdateEvent(ctx, all[0].ID, 1, store.EventPatch{Hidden: ptr(true), Tags: &[]string{"power"}}, nil); err != nil {
		t.Fatal(err)
	}
	if evs := eventsOf(t, s, filter.Filter{}); len(evs) != 5 {
		t.Errorf("hidden event still listed: %d", len(evs))
	}
	if evs := eventsOf(t, s, filter.Filter{IncludeHidden: true, Tag: "Power"}); len(evs) != 1 || !evs[0].Hidden {
		t.Errorf("hidden+tag: %+v", evs)
	}
	evs, total, err := s.Timeline(ctx, filter.Filter{}, 2)
	if err != nil || len(evs) != 2 || total != 5 {
		t.Errorf("limit 2: %d of %d, %v", len(evs), total, err)
	}
	facets, err := s.TimelineFacets(ctx)
	if err != nil || len(facets.Publishers) != 2 || len(facets.Speakers) != 2 || facets.Tags[0] != "power" {
		t.Errorf("facets %+v %v", facets, err)
	}
}

// checkFirstSource fails unless every event's stored first source (the
// order columns of migration 0002) is what its sources say now.
func checkFirstSource(t *testing.T, s *store.Store) {
	t.Helper()
	var wrong int64
	err := s.DB().Raw(`SELECT COUNT(*) FROM events WHERE
		first_article_id <> COALESCE((SELECT MIN(es.article_id) FROM event_sources es WHERE es.event_id = events.id), 0)
		OR first_offset <> COALESCE((SELECT MIN(es.start_offset) FROM event_sources es
			WHERE es.event_id = events.id AND es.article_id = events.first_article_id), -1)`).Scan(&wrong).Error
	if err != nil || wrong != 0 {
		t.Errorf("%d events with a stale first source (%v)", wrong, err)
	}
}

func TestTimelineWindowsMatchIntervals(t *testing.T) {
	storetest.Each(t, testTimelineWindowsMatchIntervals)
}

// testTimelineWindowsMatchIntervals checks the window query, which reads
// short events from a year before the window and long ones through their
// own index, against the plain definition: every event whose interval
// overlaps the window, at every precision, modifier and leap year.
func testTimelineWindowsMatchIntervals(t *testing.T, s *store.Store) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	values := func() string {
		y := 1980 + rng.IntN(45)
		switch rng.IntN(10) {
		case 0:
			return fmt.Sprint(y / 100)
		case 1:
			return fmt.Sprint(y / 10)
		case 2:
			return fmt.Sprint(y)
		case 3:
			return fmt.Sprintf("%d-Q%d", y, 1+rng.IntN(4))
		case 4:
			return fmt.Sprintf("%d-H%d", y, 1+rng.IntN(2))
		case 5:
			return fmt.Sprintf("%d-%s", y, []string{"SP", "SU", "FA", "WI"}[rng.IntN(4)])
		case 6:
			return fmt.Sprintf("%d-W%02d", y, 1+rng.IntN(52))
		case 7:
			return fmt.Sprintf("%d-%02d", y, 1+rng.IntN(12))
		case 8:
			return fmt.Sprintf("%d-02-%02d", y-y%4, 1+rng.IntN(29)) // leap years
		}
		return fmt.Sprintf("%d-%02d-%02dT%02d:%02d", y, 1+rng.IntN(12), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60))
	}
	mods := []string{"", "", "START", "MID", "END", "APPROX"}
	type span struct{ start, end time.Time }
	spans := map[int64]span{}
	for i := range 400 {
		ev, err := s.CreateEvent(ctx, store.NewEvent{Headline: fmt.Sprint("event ", i), Value: values(), Mod: mods[rng.IntN(len(mods))]}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Precision != "century" && ev.Precision != "decade" && ev.EndsAt.Sub(*ev.StartsAt) > store.ShortSpan {
			t.Fatalf("%s (%s) covers %s, more than ShortSpan", ev.Value, ev.Precision, ev.EndsAt.Sub(*ev.StartsAt))
		}
		spans[ev.ID] = span{*ev.StartsAt, *ev.EndsAt}
	}
	for range 60 {
		from := time.Date(1975+rng.IntN(55), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
		to := from.AddDate(0, rng.IntN(3), 1+rng.IntN(40))
		f := filter.Filter{From: from.Format(time.DateOnly), To: to.AddDate(0, 0, -1).Format(time.DateOnly)}
		evs, _, err := s.Timeline(ctx, f, store.MaxTimelineLimit)
		if err != nil {
			t.Fatal(err)
		}
		var overlapping []int64
		if err := s.DB().Model(&store.Event{}).Where("ends_at > ? AND starts_at < ?", from, to).Pluck("id", &overlapping).Error; err != nil {
			t.Fatal(err)
		}
		if len(overlapping) != len(evs) {
			t.Errorf("window %s..%s: %d events overlap it, Timeline lists %d", from, to, len(overlapping), len(evs))
		}
		got := map[int64]bool{}
		for i, e := range evs {
			got[e.ID] = true
			if i > 0 && e.StartsAt.Before(*evs[i-1].StartsAt) {
				t.Errorf("window %s..%s: #%d starts before the event listed ahead of it", from, to, e.ID)
			}
		}
		for id, sp := range spans {
			if want := sp.start.Before(to) && sp.end.After(from); want != got[id] {
				t.Errorf("window %s..%s: event #%d (%s..%s) listed %v, want %v", from.Format(time.DateOnly), to.Format(time.DateOnly),
					id, sp.start.Format(time.DateOnly), sp.end.Format(time.DateOnly), got[id], want)
			}
		}
	}
}
