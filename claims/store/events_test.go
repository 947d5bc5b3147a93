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
	"github.com/factline/factline/timeline"
)

// fixtureText has three dated sentences; the first two share a day so the
// timeline must keep their order, the third is imprecise ("late 2011").
const fixtureText = "Kim met officials on Saturday. Later on Saturday the plenary opened. Kim took power in late 2011, Lee said."

// saveFixture stores one article with three events, each backed by a claim
// and a timex, as the pipeline would.
func saveFixture(t *testing.T, s *store.Store, publisher string) *store.Article {
	t.Helper()
	day, _ := timeline.ParseDate("2019-12-28", "")
	late, _ := timeline.ParseDate("2011", timeline.ModEnd)
	s1 := strings.Index(fixtureText, "Later")
	s2 := strings.Index(fixtureText, "Kim took")
	spans := [][2]int{{0, s1 - 1}, {s1, s2 - 1}, {s2, len(fixtureText)}}
	ex := &claims.Extraction{Article: claims.Article{Title: "Fixture " + publisher, Publisher: publisher, Lang: "en",
		Text: fixtureText + " " + publisher, Published: time.Date(2019, 12, 30, 0, 0, 0, 0, time.UTC)}}
	for i, sp := range spans {
		ref := string(rune('a' + i))
		d := day
		if i == 2 {
			d = late
		}
		ex.Timexes = append(ex.Timexes, timeline.Timex{ID: "t" + ref, Start: sp[0], End: sp[0] + 3, Text: fixtureText[sp[0] : sp[0]+3],
			Type: timeline.TypeDate, Value: d.Value, Mod: d.Mod, Explanation: "fixture"})
		ex.Claims = append(ex.Claims, claims.Claim{ID: "c" + ref, Start: sp[0], End: sp[1], Text: fixtureText[sp[0]:sp[1]],
			Kind: claims.KindStatement, Speaker: []string{"KCNA", "KCNA", "Lee"}[i], TimexIDs: []string{"t" + ref}})
		ex.Events = append(ex.Events, timeline.Event{ID: "e" + ref, Date: d, Status: timeline.StatusHappened,
			Headline: fixtureText[sp[0]:sp[1]], Evidence: timeline.Span{Start: sp[0], End: sp[1]}, ClaimID: "c" + ref, TimexID: "t" + ref})
	}
	a, err := s.SaveExtraction(context.Background(), ex, store.SaveOptions{SourceKind: "text"})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func eventsOf(t *testing.T, s *store.Store, f filter.Filter) []store.TimelineEvent {
	t.Helper()
	evs, _, err := s.Timeline(context.Background(), f, 0)
	if err != nil {
		t.Fatal(err)
	}
	return evs
}

func ptr[T any](v T) *T { return &v }

func TestUpdateEventLocksAndLogs(t *testing.T) { storetest.Each(t, testUpdateEventLocksAndLogs) }

func testUpdateEventLocksAndLogs(t *testing.T, s *store.Store) {
	ctx := context.Background()
	saveFixture(t, s, "ANTARA")
	ev := eventsOf(t, s, filter.Filter{})[1]
	user, err := s.CreateUser(ctx, "ed", "a long enough password", store.RoleEditor)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.UpdateEvent(ctx, ev.ID, ev.Version, store.EventPatch{Value: ptr("2019-12"), Tags: &[]string{" Plenary ", "plenary", "KIM"}}, &user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Precision != "month" || got.StartsAt.Day() != 1 || got.EndsAt.Month() != time.January || strings.Join(got.Tags, ",") != "kim,plenary" || got.Version != 2 {
		t.Fatalf("after update: %+v", got)
	}
	if _, err := s.UpdateEvent(ctx, ev.ID, 1, store.EventPatch{Headline: ptr("stale")}, &user.ID); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("stale update: %v", err)
	}
	if _, err := s.UpdateEvent(ctx, ev.ID, 2, store.EventPatch{Value: ptr("2019"), Precision: ptr("day")}, &user.ID); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("inventing precision: %v", err)
	}
	// A failed edit leaves no trace: the revision log has the one change.
	revs, _ := s.Revisions(ctx, store.EntityEvent, ev.ID)
	if len(revs) != 1 || revs[0].Action != store.ActionUpdate || *revs[0].UserID != user.ID || !strings.Contains(revs[0].Before, `"2019-12-28"`) {
		t.Fatalf("revisions: %+v", revs)
	}
	if _, err := s.Revert(ctx, revs[0].ID, 2, false, &user.ID); err != nil {
		t.Fatal(err)
	}
	back, _ := s.EventByID(ctx, ev.ID)
	if back.Value != "2019-12-28" || len(back.Tags) != 0 || back.Version != 3 {
		t.Fatalf("after revert: %+v", back)
	}
	if _, err := s.Revert(ctx, revs[0].ID, 2, false, &user.ID); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("stale revert: %v", err)
	}
}

func TestMergeSplitAndRevertMerge(t *testing.T) { storetest.Each(t, testMergeSplitAndRevertMerge) }

func testMergeSplitAndRevertMerge(t *testing.T, s *store.Store) {
	ctx := context.Background()
	saveFixture(t, s, "ANTARA")
	saveFixture(t, s, "Reuters")
	plenaries := eventsOf(t, s, filter.Filter{Query: "plenary"})
	if len(plenaries) != 2 {
		t.Fatalf("%d plenary events", len(plenaries))
	}
	a, b := plenaries[0], plenaries[1]
	if _, err := s.UpdateEvent(ctx, b.ID, 1, store.EventPatch{Tags: &[]string{"reuters"}}, nil); err != nil {
		t.Fatal(err)
	}
	merged, err := s.MergeEvents(ctx, store.VersionedID{ID: a.ID, Version: 1}, []store.VersionedID{{ID: b.ID, Version: 2}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(merged.Sources) != 2 || strings.Join(merged.Tags, ",") != "reuters" {
		t.Fatalf("merged: %d sources, tags %v", len(merged.Sources), merged.Tags)
	}
	if evs := eventsOf(t, s, filter.Filter{Query: "plenary"}); len(evs) != 1 || len(evs[0].Articles) != 2 {
		t.Fatalf("after merge the timeline has %d plenary events", len(evs))
	}
	if _, err := s.UpdateEvent(ctx, b.ID, 3, store.EventPatch{Headline: ptr("x")}, nil); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("editing a merged-away event: %v", err)
	}
	// Undo the merge from the merged-away event's history: its source
	// comes back and it returns to the timeline.
	revs, _ := s.Revisions(ctx, store.EntityEvent, b.ID)
	last := revs[len(revs)-1]
	if last.Action != store.ActionMerged {
		t.Fatalf("last revision of b is %s", last.Action)
	}
	if _, err := s.Revert(ctx, last.ID, 3, false, nil); err != nil {
		t.Fatal(err)
	}
	if evs := eventsOf(t, s, filter.Filter{Query: "plenary"}); len(evs) != 2 {
		t.Fatalf("after reverting the merge: %d plenary events", len(evs))
	}
	checkFirstSource(t, s)
	restored, _ := s.EventByID(ctx, a.ID)
	if len(restored.Sources) != 1 {
		t.Fatalf("target keeps %d sources", len(restored.Sources))
	}
	if aRevs, _ := s.Revisions(ctx, store.EntityEvent, a.ID); aRevs[len(aRevs)-1].Action != store.ActionSources {
		t.Errorf("the target's loss of a source is not logged")
	}

	// Split: give the target back two sources, then split one off.
	merged, err = s.MergeEvents(ctx, store.VersionedID{ID: a.ID, Version: restored.Version}, []store.VersionedID{{ID: b.ID, Version: 4}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SplitEvent(ctx, store.VersionedID{ID: a.ID, Version: merged.Version}, []int64{merged.Sources[0].ID, merged.Sources[1].ID}, nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("splitting off every source: %v", err)
	}
	created, err := s.SplitEvent(ctx, store.VersionedID{ID: a.ID, Version: merged.Version}, []int64{merged.Sources[1].ID}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(created.Sources) != 1 || created.Value != a.Value || created.Headline != a.Headline {
		t.Fatalf("split created %+v", created)
	}
	checkFirstSource(t, s)
}

func TestCreateEvent(t *testing.T) { storetest.Each(t, testCreateEvent) }

func testCreateEvent(t *testing.T, s *store.Store) {
	ctx := context.Background()
	ev, err := s.CreateEvent(ctx, store.NewEvent{Headline: "Summit", Value: "2020-Q1", Status: "scheduled", Tags: []string{"talks"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !ev.Manual || ev.Precision != "quarter" || ev.EndsAt.Month() != time.April || ev.Tags[0] != "talks" {
		t.Fatalf("created %+v", ev)
	}
	for _, bad := range []store.NewEvent{{Headline: "", Value: "2020"}, {Headline: "x", Value: "soon"}, {Headline: "x", Value: "2020", Status: "maybe"}} {
		if _, err := s.CreateEvent(ctx, bad, nil); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	revs, _ := s.Revisions(ctx, store.EntityEvent, ev.ID)
	if len(revs) != 1 || revs[0].Action != store.ActionCreate {
		t.Errorf("creation not logged: %+v", revs)
	}
}

// TestSavedRangeKeepsItsEnd stores a range the pipeline found ("9-11
// Desember 2024") and reads it back: the event keeps its end, its interval
// covers every day of the range, and its source keeps the predicate,
// subject and object.
func TestSavedRangeKeepsItsEnd(t *testing.T) { storetest.Each(t, testSavedRangeKeepsItsEnd) }

func testSavedRangeKeepsItsEnd(t *testing.T, s *store.Store) {
	ex := claims.Extract(claims.Article{Title: "Pameran", Lang: "id", Published: time.Date(2024, 12, 3, 0, 0, 0, 0, time.UTC),
		Text: "Kementerian Pariwisata menggelar pameran wisata di Jakarta pada 9-11 Desember 2024."})
	if len(ex.Events) != 1 || ex.Events[0].End.Value == "" {
		t.Fatalf("pipeline events %+v, want one range", ex.Events)
	}
	if _, err := s.SaveExtraction(context.Background(), &ex, store.SaveOptions{SourceKind: "text"}); err != nil {
		t.Fatal(err)
	}
	evs := eventsOf(t, s, filter.Filter{})
	if len(evs) != 1 {
		t.Fatalf("%d events stored, want 1", len(evs))
	}
	e := evs[0]
	if e.Value != "2024-12-09" || e.EndValue != "2024-12-11" {
		t.Errorf("stored %s..%s, want 2024-12-09..2024-12-11", e.Value, e.EndValue)
	}
	if e.EndsAt == nil || e.EndsAt.Before(time.Date(2024, 12, 11, 12, 0, 0, 0, time.UTC)) {
		t.Errorf("interval ends %v, want it to cover 11 December", e.EndsAt)
	}
	d, err := s.EventByID(context.Background(), e.ID)
	if err != nil || len(d.Sources) != 1 {
		t.Fatalf("event detail %+v, %v", d, err)
	}
	src, want := d.Sources[0], ex.Events[0]
	for _, p := range []struct {
		name       string
		start, end *int
		span       timeline.Span
	}{{"predicate", src.PredicateStart, src.PredicateEnd, want.Predicate}, {"subject", src.SubjectStart, src.SubjectEnd, want.Subject}, {"object", src.ObjectStart, src.ObjectEnd, want.Object}} {
		if p.span.Len() == 0 {
			t.Fatalf("the pipeline found no %s in %q", p.name, ex.Article.Text)
		}
		if p.start == nil || p.end == nil || *p.start != p.span.Start || *p.end != p.span.End {
			t.Errorf("stored %s %v-%v, want %d-%d", p.name, p.start, p.end, p.span.Start, p.span.End)
		}
	}
}
