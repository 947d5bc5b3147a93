package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

func TestRevertUndoesOneChange(t *testing.T) { storetest.Each(t, testRevertUndoesOneChange) }

// Three edits of one event: the date, then the headline, then the date
// again. Undoing the headline edit keeps both dates' edits; undoing the
// first date edit would overwrite the third, so it asks; restoring the
// version before the first edit puts everything back.
func testRevertUndoesOneChange(t *testing.T, s *store.Store) {
	ctx := context.Background()
	saveFixture(t, s, "ANTARA")
	ev := eventsOf(t, s, filter.Filter{})[1]
	orig, err := s.EventByID(ctx, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.UpdateEvent(ctx, ev.ID, 1, store.EventPatch{Value: ptr("2019-12-27")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err = s.UpdateEvent(ctx, ev.ID, d.Version, store.EventPatch{Headline: ptr("Kim opens the plenary"), Tags: &[]string{"plenary"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err = s.UpdateEvent(ctx, ev.ID, d.Version, store.EventPatch{Value: ptr("2019-12-26"), Status: ptr("scheduled")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	revs, _ := s.Revisions(ctx, store.EntityEvent, ev.ID)
	firstDate, headline := revs[0], revs[1]

	// The headline edit is undone alone: the later date and status stay.
	if _, err := s.Revert(ctx, headline.ID, d.Version, false, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := s.EventByID(ctx, ev.ID)
	if got.Headline != orig.Headline || len(got.Tags) != 0 || got.Value != "2019-12-26" || got.Status != "scheduled" {
		t.Fatalf("after undoing the headline edit: %q %v %s %s; want the old headline, no tags, 2019-12-26 scheduled",
			got.Headline, got.Tags, got.Value, got.Status)
	}
	if _, err := s.Revert(ctx, headline.ID, got.Version, false, nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("undoing it twice = %v, want Invalid", err)
	}
	// The history offers Undo where Revert has something left to do:
	// not on the undone headline edit, still on both date edits.
	revs, _ = s.Revisions(ctx, store.EntityEvent, ev.ID)
	undoable, err := s.Undoable(ctx, store.EntityEvent, ev.ID, revs)
	if err != nil {
		t.Fatal(err)
	}
	if undoable[headline.ID] || !undoable[firstDate.ID] || !undoable[revs[2].ID] {
		t.Errorf("undoable %v: want the headline edit (#%d) false, the date edits (#%d, #%d) true", undoable, headline.ID, firstDate.ID, revs[2].ID)
	}

	// The first date edit was overwritten by the third: undoing it asks.
	_, err = s.Revert(ctx, firstDate.ID, got.Version, false, nil)
	var ow *store.OverwriteError
	if !errors.As(err, &ow) || apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("undoing an overwritten change = %v, want an OverwriteError", err)
	}
	if len(ow.Fields) != 1 || ow.Fields[0] != (store.Overwrite{Field: "date", Current: "2019-12-26", After: orig.Value}) {
		t.Errorf("overwrites %+v, want the date from 2019-12-26 to %s", ow.Fields, orig.Value)
	}
	if after, _ := s.EventByID(ctx, ev.ID); after.Version != got.Version {
		t.Errorf("a refused undo changed the event to version %d", after.Version)
	}
	if _, err := s.Revert(ctx, firstDate.ID, got.Version, true, nil); err != nil {
		t.Fatal(err)
	}
	got, _ = s.EventByID(ctx, ev.ID)
	if got.Value != orig.Value || got.Status != "scheduled" {
		t.Errorf("after a confirmed undo: %s %s, want %s and the later status kept", got.Value, got.Status, orig.Value)
	}

	// Restore puts the whole version back, the later status too.
	if _, err := s.Restore(ctx, firstDate.ID, got.Version, nil); err != nil {
		t.Fatal(err)
	}
	got, _ = s.EventByID(ctx, ev.ID)
	if got.Value != orig.Value || got.Status != orig.Status || got.Headline != orig.Headline {
		t.Errorf("after restoring version 1: %s %s %q", got.Value, got.Status, got.Headline)
	}
	revs, _ = s.Revisions(ctx, store.EntityEvent, ev.ID)
	var actions []string
	for _, r := range revs {
		actions = append(actions, r.Action)
	}
	want := []string{"update", "update", "update", "revert", "revert", "restore"}
	if len(actions) != len(want) || actions[3] != want[3] || actions[5] != want[5] {
		t.Errorf("history %v, want %v", actions, want)
	}
	if _, err := s.Restore(ctx, firstDate.ID, got.Version-1, nil); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("a stale restore = %v, want Conflict", err)
	}
}
