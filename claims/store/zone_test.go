package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
	"github.com/factline/factline/timeline"
)

// A clock time is stored with the zone its source gave; an editor who
// moves the time keeps that zone, and one who makes it a day drops it.
func TestEventZoneFollowsItsClockTime(t *testing.T) {
	storetest.Each(t, testEventZoneFollowsItsClockTime)
}

func testEventZoneFollowsItsClockTime(t *testing.T, s *store.Store) {
	ctx := context.Background()
	text := "Pesawat hilang kontak pukul 06.18 WIB."
	d, _ := timeline.ParseDate("2014-12-28T06:18", "")
	d.Zone = "+07:00"
	ex := &claims.Extraction{Article: claims.Article{Title: "QZ8501", Lang: "id", Text: text, Published: time.Date(2014, 12, 29, 0, 0, 0, 0, time.UTC)},
		Events: []timeline.Event{{ID: "e1", Date: d, Status: timeline.StatusHappened, Headline: "Pesawat hilang kontak", Evidence: timeline.Span{End: len(text)}}}}
	if _, err := s.SaveExtraction(ctx, ex, store.SaveOptions{SourceKind: "text"}); err != nil {
		t.Fatal(err)
	}
	ev := eventsOf(t, s, filter.Filter{})[0]
	if ev.Zone != "+07:00" {
		t.Fatalf("stored zone %q, want +07:00", ev.Zone)
	}
	moved, err := s.UpdateEvent(ctx, ev.ID, ev.Version, store.EventPatch{Value: ptr("2014-12-28T06:14")}, nil)
	if err != nil || moved.Zone != "+07:00" || moved.Value != "2014-12-28T06:14" {
		t.Fatalf("after moving the time: %+v %v", moved, err)
	}
	day, err := s.UpdateEvent(ctx, ev.ID, moved.Version, store.EventPatch{Value: ptr("2014-12-28")}, nil)
	if err != nil || day.Zone != "" {
		t.Fatalf("after making it a day: zone %q %v", day.Zone, err)
	}
}
