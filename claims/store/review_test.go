package store_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
	"github.com/factline/factline/migrations"
)

// Every event starts proposed; an editor moves it between the three
// states, each change versioned and in the history, and reverting a change
// puts the old state back.
func TestReviewStates(t *testing.T) { storetest.Each(t, testReviewStates) }

func testReviewStates(t *testing.T, s *store.Store) {
	ctx := context.Background()
	saveFixture(t, s, "ANTARA")
	evs := eventsOf(t, s, filter.Filter{})
	for _, ev := range evs {
		if ev.Review != "proposed" {
			t.Errorf("event #%d from the pipeline is %q, want proposed", ev.ID, ev.Review)
		}
	}
	user, err := s.CreateUser(ctx, "ed", "a long enough password", store.RoleEditor)
	if err != nil {
		t.Fatal(err)
	}
	ev := evs[0]
	got, err := s.SetReview(ctx, ev.ID, ev.Version, " Approved ", &user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Review != "approved" || got.Version != ev.Version+1 {
		t.Fatalf("after approving: review %q, version %d", got.Review, got.Version)
	}
	for _, bad := range []struct {
		version int
		state   string
		code    apperr.Code
	}{
		{got.Version, "approved", apperr.Invalid},  // already so
		{got.Version, "published", apperr.Invalid}, // no such state
		{got.Version, "", apperr.Invalid},          // none
		{ev.Version, "rejected", apperr.Conflict},  // stale
		{got.Version + 5, "proposed", apperr.Conflict},
	} {
		if _, err := s.SetReview(ctx, ev.ID, bad.version, bad.state, &user.ID); apperr.CodeOf(err) != bad.code {
			t.Errorf("SetReview(version %d, %q) = %v, want %s", bad.version, bad.state, err, bad.code)
		}
	}
	if _, err := s.SetReview(ctx, 999999, 1, "approved", nil); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("SetReview of no event = %v, want not found", err)
	}
	got, err = s.SetReview(ctx, ev.ID, got.Version, "rejected", &user.ID)
	if err != nil || got.Review != "rejected" {
		t.Fatalf("approved -> rejected: %+v, %v", got, err)
	}
	got, err = s.SetReview(ctx, ev.ID, got.Version, "proposed", &user.ID)
	if err != nil || got.Review != "proposed" {
		t.Fatalf("rejected -> proposed: %+v, %v", got, err)
	}
	got, err = s.SetReview(ctx, ev.ID, got.Version, "approved", &user.ID)
	if err != nil {
		t.Fatal(err)
	}

	revs, err := s.Revisions(ctx, store.EntityEvent, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	var reviews []store.Revision
	for _, r := range revs {
		if r.Action == store.ActionReview {
			reviews = append(reviews, r)
		}
	}
	if len(reviews) != 4 || *reviews[0].UserID != user.ID {
		t.Fatalf("history: %d review revisions of %d, want 4 by the editor", len(reviews), len(revs))
	}
	var before, after struct{ Review string }
	if json.Unmarshal([]byte(reviews[1].Before), &before) != nil || json.Unmarshal([]byte(reviews[1].After), &after) != nil ||
		before.Review != "approved" || after.Review != "rejected" {
		t.Errorf("the second review revision records %q -> %q, want approved -> rejected", before.Review, after.Review)
	}
	// Reverting the last approval sends the event back to proposed.
	if _, err := s.Revert(ctx, reviews[3].ID, got.Version, false, &user.ID); err != nil {
		t.Fatal(err)
	}
	d, err := s.EventByID(ctx, ev.ID)
	if err != nil || d.Review != "proposed" {
		t.Fatalf("after reverting the approval: %q, %v", d.Review, err)
	}
	// An edit keeps the review state, and so does restoring the version
	// before an edit made before the approval.
	d, err = s.UpdateEvent(ctx, ev.ID, d.Version, store.EventPatch{Headline: ptr("Kim met the officials")}, &user.ID)
	if err != nil {
		t.Fatal(err)
	}
	d, err = s.SetReview(ctx, ev.ID, d.Version, "approved", &user.ID)
	if err != nil {
		t.Fatal(err)
	}
	d, err = s.UpdateEvent(ctx, ev.ID, d.Version, store.EventPatch{Headline: ptr("Kim met the party's officials")}, &user.ID)
	if err != nil || d.Review != "approved" {
		t.Fatalf("edit of an approved event: %q, %v", d.Review, err)
	}
	revs, err = s.Revisions(ctx, store.EntityEvent, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	var edit int64
	for _, r := range revs {
		if r.Action == store.ActionUpdate && strings.Contains(r.After, "Kim met the officials") {
			edit = r.ID
		}
	}
	if _, err := s.Restore(ctx, edit, d.Version, &user.ID); err != nil {
		t.Fatal(err)
	}
	if d, err = s.EventByID(ctx, ev.ID); err != nil || d.Review != "approved" || d.Headline == "Kim met the officials" {
		t.Fatalf("after restoring the version before an edit made before the approval: %q %q, %v", d.Review, d.Headline, err)
	}

	// An event split off is a happening nobody reviewed; one added by hand
	// is proposed like the pipeline's.
	two := evs[1]
	if _, err := s.MergeEvents(ctx, store.VersionedID{ID: d.ID, Version: d.Version}, []store.VersionedID{{ID: two.ID, Version: two.Version}}, &user.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetReview(ctx, two.ID, two.Version+1, "approved", &user.ID); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("reviewing a merged event = %v, want conflict", err)
	}
	d, err = s.EventByID(ctx, ev.ID)
	if err != nil || d.Review != "approved" || len(d.Sources) != 2 {
		t.Fatalf("merge target: %q, %d sources, %v", d.Review, len(d.Sources), err)
	}
	split, err := s.SplitEvent(ctx, store.VersionedID{ID: d.ID, Version: d.Version}, []int64{d.Sources[1].ID}, &user.ID)
	if err != nil || split.Review != "proposed" {
		t.Fatalf("split off: %+v, %v", split, err)
	}
	made, err := s.CreateEvent(ctx, store.NewEvent{Headline: "By hand", Value: "2019-12-30"}, &user.ID)
	if err != nil || made.Review != "proposed" {
		t.Fatalf("by hand: %+v, %v", made, err)
	}
}

// The filter keeps events by review state, and ReviewCounts counts them by
// state whatever the filter's own states, with the disputed ones.
func TestReviewFilterAndCounts(t *testing.T) { storetest.Each(t, testReviewFilterAndCounts) }

func testReviewFilterAndCounts(t *testing.T, s *store.Store) {
	ctx := context.Background()
	saveFixture(t, s, "ANTARA")
	saveFixture(t, s, "Kompas")
	antara, kompas := eventsOf(t, s, filter.Filter{Publisher: "ANTARA"}), eventsOf(t, s, filter.Filter{Publisher: "Kompas"})
	if len(antara) != 3 || len(kompas) != 3 {
		t.Fatalf("%d and %d events, want 3 each", len(antara), len(kompas))
	}
	for i, state := range []string{"approved", "approved", "rejected"} {
		if _, err := s.SetReview(ctx, antara[i].ID, antara[i].Version, state, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DB().Exec("UPDATE events SET disagree = ? WHERE id IN ?", true, []int64{antara[0].ID, kompas[0].ID}).Error; err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		review []string
		want   int
	}{{nil, 6}, {[]string{"approved"}, 2}, {[]string{"proposed"}, 3}, {[]string{"rejected", "approved"}, 3}} {
		if got := eventsOf(t, s, filter.Filter{Review: c.review}); len(got) != c.want {
			t.Errorf("review %v: %d events, want %d", c.review, len(got), c.want)
		}
	}
	counts, err := s.ReviewCounts(ctx, filter.Filter{Review: []string{"approved"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.ReviewCounts{Proposed: 3, Approved: 2, Rejected: 1, Disputed: 2}); counts != want {
		t.Errorf("counts %+v, want %+v", counts, want)
	}
	if left := counts.Except([]string{"approved", "proposed"}); left != (store.ReviewCounts{Rejected: 1}) {
		t.Errorf("left out by approved and proposed: %+v", left)
	}
	counts, err = s.ReviewCounts(ctx, filter.Filter{Publisher: "Kompas"})
	if err != nil || counts != (store.ReviewCounts{Proposed: 3, Disputed: 1}) {
		t.Errorf("Kompas counts %+v, %v", counts, err)
	}
}

// Migration 0011 makes every event stored before it proposed, and the
// schema refuses a state that is none of the three.
func TestReviewMigrationProposesStoredEvents(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "old.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all, err := migrations.All()
	if err != nil {
		t.Fatal(err)
	}
	db := s.DB()
	if err := db.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`).Error; err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		if m.Name == "event_review" {
			break
		}
		sql, err := m.Render(migrations.SQLite)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Exec(sql).Error; err != nil {
			t.Fatalf("%04d: %v", m.Version, err)
		}
		if err := db.Exec(`INSERT INTO schema_migrations VALUES (?, ?, '')`, m.Version, m.Name).Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Exec(`INSERT INTO events (headline, value, created_at, updated_at) VALUES ('Stored before', '2019-12-28', ?, ?)`,
		time.Now(), time.Now()).Error; err != nil {
		t.Fatal(err)
	}
	applied, err := s.Migrate(context.Background())
	if err != nil || len(applied) == 0 || applied[0].Name != "event_review" {
		t.Fatalf("migrate: %v, %v", applied, err)
	}
	var review string
	if err := db.Raw(`SELECT review FROM events WHERE headline = 'Stored before'`).Scan(&review).Error; err != nil || review != "proposed" {
		t.Errorf("an event stored before the migration is %q, %v; want proposed", review, err)
	}
	if err := db.Exec(`UPDATE events SET review = 'published'`).Error; err == nil {
		t.Error("the schema took a review state that is none")
	}
}
