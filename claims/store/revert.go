package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"github.com/factline/factline/claims/apperr"
)

// ActionRestore is the revision of an editor putting a whole earlier
// version back; ActionRevert is one undoing a single change.
const ActionRestore = "restore"

// Overwrite is a field that a change after the one being undone also
// touched: undoing would replace its Current value with After.
type Overwrite struct {
	Field   string `json:"field"`
	Current string `json:"current"`
	After   string `json:"after"`
}

// OverwriteError refuses an undo that would overwrite later changes; its
// Fields say what would be lost. It is an apperr.Conflict, so the API
// answers 409; the same undo sent with overwrite set goes through.
type OverwriteError struct {
	Revision int64
	Fields   []Overwrite
	err      *apperr.Error
}

func (e *OverwriteError) Error() string { return e.err.Message }

// Unwrap makes the error an apperr.Conflict.
func (e *OverwriteError) Unwrap() error { return e.err }

func overwriteError(rev *Revision, fields []Overwrite) *OverwriteError {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Field
	}
	e := apperr.Errorf(apperr.Conflict, "undoing revision #%d would overwrite later changes to %s; confirm to overwrite them", rev.ID, strings.Join(names, ", "))
	e.ID = rev.EntityID
	return &OverwriteError{Revision: rev.ID, Fields: fields, err: e}
}

// Revertable reports whether the revision changed an event or claim that
// existed before it by an edit an undo or restore can take back: not the
// creation, and not a note of evidence.
func (r *Revision) Revertable() bool { return r.Before != "" && r.Action != ActionEvidence }

// revertable loads a revision that a revert or restore may act on: one
// that changed an event or claim that existed before it.
func (s *Store) revertable(ctx context.Context, revisionID int64) (*Revision, error) {
	rev, err := s.RevisionByID(ctx, revisionID)
	if err != nil {
		return nil, err
	}
	if rev.Before == "" {
		return nil, apperr.Errorf(apperr.Invalid, "revision #%d created the %s; hide it instead of reverting", rev.ID, rev.Entity)
	}
	if rev.Entity != EntityEvent && rev.Entity != EntityClaim {
		return nil, apperr.Errorf(apperr.Invalid, "revisions of %ss cannot be reverted", rev.Entity)
	}
	return rev, nil
}

// Revert undoes one revision of an event or claim: the fields it changed
// get the values they had before it, and every other field keeps what
// later changes made of it. When a later revision also changed one of
// those fields, and it does not already hold the old value, the undo would
// overwrite that change: without overwrite it is refused with an
// *OverwriteError listing each such field, its current value and the value
// it would get. version is the entity's version the editor saw; the undo
// is logged as a revert, a new change (the log only grows).
func (s *Store) Revert(ctx context.Context, revisionID int64, version int, overwrite bool, userID *int64) (*Revision, error) {
	rev, err := s.revertable(ctx, revisionID)
	if err != nil {
		return nil, err
	}
	if rev.Entity == EntityClaim {
		return rev, s.tx(ctx, func(tx *gorm.DB) error { return s.undoClaim(tx, rev, version, overwrite, userID) })
	}
	return rev, s.tx(ctx, func(tx *gorm.DB) error { return s.undoEvent(tx, rev, version, overwrite, userID) })
}

// Restore puts a whole event or claim back as it was before a revision,
// undoing that revision and every later one (the event's review state
// excepted, as an edit keeps it, unless the revision was a review). It is
// logged as a restore.
func (s *Store) Restore(ctx context.Context, revisionID int64, version int, userID *int64) (*Revision, error) {
	rev, err := s.revertable(ctx, revisionID)
	if err != nil {
		return nil, err
	}
	if rev.Entity == EntityClaim {
		return rev, s.tx(ctx, func(tx *gorm.DB) error {
			var old Claim
			if err := json.Unmarshal([]byte(rev.Before), &old); err != nil {
				return fmt.Errorf("store: revision #%d: %w", rev.ID, err)
			}
			_, err := s.saveClaimStatus(tx, rev.EntityID, version, old.Status, ActionRestore, userID)
			return err
		})
	}
	return rev, s.tx(ctx, func(tx *gorm.DB) error { return s.restoreEvent(tx, rev, version, userID) })
}

// EventVersion returns an event as it was at an earlier version, with its
// tags (not its sources), read from the revision log: what an editor's
// form was built from when their edit comes too late. A version the log
// does not hold is apperr.NotFound.
func (s *Store) EventVersion(ctx context.Context, id int64, version int) (*EventDetail, error) {
	var revs []Revision
	if err := s.db.WithContext(ctx).Where("entity = ? AND entity_id = ?", EntityEvent, id).Order("id").Find(&revs).Error; err != nil {
		return nil, err
	}
	for _, r := range revs {
		for _, snap := range []string{r.Before, r.After} {
			var st eventState
			if snap == "" || json.Unmarshal([]byte(snap), &st) != nil || st.Version != version {
				continue
			}
			return &EventDetail{Event: st.Event, Tags: nonNilTags(st.Tags), Sources: []EventSourceDetail{}}, nil
		}
	}
	return nil, apperr.Errorf(apperr.NotFound, "the history of event #%d does not hold version %d", id, version)
}

// laterRevisions reads the revisions of rev's entity made after it.
func laterRevisions(tx *gorm.DB, rev *Revision) ([]Revision, error) {
	var out []Revision
	err := tx.Where("entity = ? AND entity_id = ? AND id > ?", rev.Entity, rev.EntityID, rev.ID).Order("id").Find(&out).Error
	return out, err
}

func (s *Store) undoClaim(tx *gorm.DB, rev *Revision, version int, overwrite bool, userID *int64) error {
	old, made, err := decodeClaimStates(rev)
	if err != nil {
		return err
	}
	now, err := claimByID(tx, rev.EntityID)
	if err != nil {
		return err
	}
	if !claimUndoable(old.Status, made.Status, now.Status) {
		return apperr.Errorf(apperr.Invalid, "revision #%d has nothing left to undo: the claim is %s", rev.ID, now.Status)
	}
	if now.Status != made.Status && !overwrite {
		return overwriteError(rev, []Overwrite{{Field: "status", Current: now.Status, After: old.Status}})
	}
	_, err = s.saveClaimStatus(tx, rev.EntityID, version, old.Status, ActionRevert, userID)
	return err
}

// eventField is a part of an event that one undo puts back as a whole:
// the date is its value, modifier, precision and end together, since one
// without the others may not even be valid.
type eventField struct {
	name string
	// show is the field as a reader sees it; equal shows are equal fields.
	show func(st *eventState) string
	// put copies the field from old into st.
	put func(st, old *eventState)
}

var undoFields = []eventField{
	{"headline", func(st *eventState) string { return st.Headline }, func(st, old *eventState) { st.Headline = old.Headline }},
	{"description", func(st *eventState) string { return st.Description }, func(st, old *eventState) { st.Description = old.Description }},
	{"date", showDate, func(st, old *eventState) {
		st.Value, st.Mod, st.Precision, st.StartsAt, st.EndsAt, st.EndValue, st.Zone = old.Value, old.Mod, old.Precision, old.StartsAt, old.EndsAt, old.EndValue, old.Zone
	}},
	{"status", func(st *eventState) string { return st.Status }, func(st, old *eventState) { st.Status = old.Status }},
	{"hidden", func(st *eventState) string { return strconv.FormatBool(st.Hidden) }, func(st, old *eventState) { st.Hidden = old.Hidden }},
	{"tags", func(st *eventState) string { return strings.Join(st.Tags, ", ") }, func(st, old *eventState) { st.Tags = nonNilTags(old.Tags) }},
	{"merged into", func(st *eventState) string {
		if st.MergedInto == nil {
			return ""
		}
		return "#" + strconv.FormatInt(*st.MergedInto, 10)
	}, func(st, old *eventState) { st.MergedInto = old.MergedInto }},
	{"review", func(st *eventState) string { return st.Review }, func(st, old *eventState) { st.Review = old.Review }},
	// An editor's resolution comes back with its note; taking one back
	// lets the sources say again whether they disagree (see undoEvent).
	{"resolution", func(st *eventState) string { return st.Resolution }, putResolution},
	{"sources", func(st *eventState) string { return showSources(st.SourceIDs) }, nil},
}

func putResolution(st, old *eventState) {
	st.Resolution = old.Resolution
	if old.Resolution != "" && !old.Disagree {
		st.Disagree = false
	}
}

// showDate is an event's date as the editor types it: the value, its
// modifier and the end of a range.
func showDate(st *eventState) string {
	out := st.Value
	if st.Mod != "" {
		out += " " + st.Mod
	}
	if st.EndValue != "" {
		out += " to " + st.EndValue
	}
	return out
}

func showSources(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range slices.Sorted(slices.Values(ids)) {
		parts[i] = "#" + strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, ", ")
}

// touched lists the fields that differ between two states.
func touched(before, after *eventState) []string {
	var out []string
	for _, f := range undoFields {
		if f.show(before) != f.show(after) {
			out = append(out, f.name)
		}
	}
	return out
}

func decodeEventStates(rev *Revision) (before, after *eventState, err error) {
	before, after = &eventState{}, &eventState{}
	if err := json.Unmarshal([]byte(rev.Before), before); err != nil {
		return nil, nil, fmt.Errorf("store: revision #%d: %w", rev.ID, err)
	}
	if rev.After != "" {
		if err := json.Unmarshal([]byte(rev.After), after); err != nil {
			return nil, nil, fmt.Errorf("store: revision #%d: %w", rev.ID, err)
		}
	}
	return before, after, nil
}

// revisedEvent reads what rev recorded of an event (old before it, made
// after it) and the event now, refusing with apperr.Conflict when now is no
// longer at the version the editor saw.
func revisedEvent(tx *gorm.DB, rev *Revision, version int) (old, made, now *eventState, err error) {
	if old, made, err = decodeEventStates(rev); err != nil {
		return nil, nil, nil, err
	}
	if now, err = loadEventState(tx, rev.EntityID); err != nil {
		return nil, nil, nil, err
	}
	if now.Version != version {
		e := apperr.Errorf(apperr.Conflict, "event #%d was changed by someone else since you opened it (you saw version %d, it is now at version %d)", now.ID, version, now.Version)
		e.ID = now.ID
		return nil, nil, nil, e
	}
	return old, made, now, nil
}

// undoPlan says what undoing a revision of an event would do, given the
// event before it (old), after it (made) and now: the fields it changed
// that do not already hold their old value, and the sources it took away
// that the event does not hold again. Nothing in both means nothing is
// left to undo.
func undoPlan(old, made, now *eventState) (undo []eventField, taken []int64) {
	for _, id := range old.SourceIDs {
		if !slices.Contains(made.SourceIDs, id) && !slices.Contains(now.SourceIDs, id) {
			taken = append(taken, id)
		}
	}
	for _, f := range undoFields {
		if f.show(old) == f.show(made) || (f.put != nil && f.show(now) == f.show(old)) || (f.put == nil && len(taken) == 0) {
			continue
		}
		undo = append(undo, f)
	}
	return undo, taken
}

// claimUndoable reports whether undoing a revision that moved a claim's
// status from old to made would change the claim as it is now.
func claimUndoable(old, made, now string) bool { return old != made && now != old }

// Undoable reports, for each of revs (revisions of one event or claim, as
// Revisions returns them), whether Revert would have anything left to put
// back, reading only: a revision whose change is already undone, or that
// created, hid or gave evidence, has none.
func (s *Store) Undoable(ctx context.Context, entity string, id int64, revs []Revision) (map[int64]bool, error) {
	out := map[int64]bool{}
	check, err := s.undoCheck(ctx, entity, id)
	if err != nil || check == nil {
		return out, err
	}
	for i := range revs {
		r := &revs[i]
		if r.Entity != entity || r.EntityID != id || !r.Revertable() {
			continue
		}
		if out[r.ID], err = check(r); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// undoCheck returns what tells whether undoing one revision of an event or
// claim would change it as it is now; nil for other entities.
func (s *Store) undoCheck(ctx context.Context, entity string, id int64) (func(*Revision) (bool, error), error) {
	db := s.db.WithContext(ctx)
	switch entity {
	case EntityEvent:
		now, err := loadEventState(db, id)
		if err != nil {
			return nil, err
		}
		return func(r *Revision) (bool, error) {
			old, made, err := decodeEventStates(r)
			if err != nil {
				return false, err
			}
			undo, _ := undoPlan(old, made, now)
			return len(undo) > 0, nil
		}, nil
	case EntityClaim:
		now, err := claimByID(db, id)
		if err != nil {
			return nil, err
		}
		return func(r *Revision) (bool, error) {
			old, made, err := decodeClaimStates(r)
			if err != nil {
				return false, err
			}
			return claimUndoable(old.Status, made.Status, now.Status), nil
		}, nil
	}
	return nil, nil
}

// decodeClaimStates reads the claim a revision recorded before and after it.
func decodeClaimStates(rev *Revision) (before, after *Claim, err error) {
	before, after = &Claim{}, &Claim{}
	if err := json.Unmarshal([]byte(rev.Before), before); err != nil {
		return nil, nil, fmt.Errorf("store: revision #%d: %w", rev.ID, err)
	}
	if err := json.Unmarshal([]byte(rev.After), after); err != nil {
		return nil, nil, fmt.Errorf("store: revision #%d: %w", rev.ID, err)
	}
	return before, after, nil
}

// undoEvent puts back the fields rev changed. The sources rev took away
// come back; sources it brought stay (undo the merge from the merged
// event's history, or split them off).
func (s *Store) undoEvent(tx *gorm.DB, rev *Revision, version int, overwrite bool, userID *int64) error {
	old, made, now, err := revisedEvent(tx, rev, version)
	if err != nil {
		return err
	}
	undo, taken := undoPlan(old, made, now)
	if len(undo) == 0 {
		return apperr.Errorf(apperr.Invalid, "revision #%d has nothing left to undo: what it changed is back as it was", rev.ID)
	}
	later, err := laterRevisions(tx, rev)
	if err != nil {
		return err
	}
	laterTouched := map[string]bool{}
	for i := range later {
		if later[i].Before == "" || later[i].After == "" {
			continue
		}
		b, a, err := decodeEventStates(&later[i])
		if err != nil {
			return err
		}
		for _, name := range touched(b, a) {
			laterTouched[name] = true
		}
	}
	// What the event becomes: fields rev changed that do not already hold
	// their old value take it; the sources rev took away are added to the
	// ones it has now.
	want := *now
	want.Tags, want.SourceIDs = slices.Clone(now.Tags), append(slices.Clone(now.SourceIDs), taken...)
	var lost []Overwrite
	for _, f := range undo {
		if f.put != nil {
			f.put(&want, old)
		}
		if laterTouched[f.name] && f.show(now) != f.show(made) {
			lost = append(lost, Overwrite{Field: f.name, Current: f.show(now), After: f.show(&want)})
		}
	}
	if len(lost) > 0 && !overwrite {
		return overwriteError(rev, lost)
	}
	if len(taken) > 0 {
		if err := s.bringBackSources(tx, now.ID, taken, userID); err != nil {
			return err
		}
	}
	if slices.ContainsFunc(undo, func(f eventField) bool { return f.name == "resolution" }) && old.Resolution == "" {
		if err := refreshAgreement(tx, now.ID); err != nil {
			return err
		}
	}
	after, err := loadEventState(tx, now.ID)
	if err != nil {
		return err
	}
	for _, f := range undo {
		if f.put != nil {
			f.put(after, old)
		}
	}
	if err := s.saveEventState(tx, after); err != nil {
		return err
	}
	return s.recordRevision(tx, EntityEvent, now.ID, ActionRevert, now, after, userID)
}

// bringBackSources moves sources back to event id from the events that
// hold them now; each of those logs its loss.
func (s *Store) bringBackSources(tx *gorm.DB, id int64, sourceIDs []int64, userID *int64) error {
	var losers []int64
	if err := tx.Model(&EventSource{}).Where("id IN ? AND event_id <> ?", nonNil(sourceIDs), id).
		Distinct("event_id").Pluck("event_id", &losers).Error; err != nil {
		return err
	}
	loserBefore := map[int64]*eventState{}
	for _, l := range losers {
		st, err := loadEventState(tx, l)
		if err != nil {
			return err
		}
		loserBefore[l] = st
	}
	if err := moveSources(tx, sourceIDs, id); err != nil {
		return err
	}
	for _, l := range losers {
		after, err := loadEventState(tx, l)
		if err != nil {
			return err
		}
		if err := s.saveEventState(tx, after); err != nil {
			return err
		}
		if err := s.recordRevision(tx, EntityEvent, l, ActionSources, loserBefore[l], after, userID); err != nil {
			return err
		}
	}
	return nil
}

// restoreEvent puts the whole event back as it was before rev.
func (s *Store) restoreEvent(tx *gorm.DB, rev *Revision, version int, userID *int64) error {
	old, _, before, err := revisedEvent(tx, rev, version)
	if err != nil {
		return err
	}
	// Sources that were taken away (by a merge or a split) come back.
	if err := s.bringBackSources(tx, before.ID, old.SourceIDs, userID); err != nil {
		return err
	}
	after, err := loadEventState(tx, before.ID)
	if err != nil {
		return err
	}
	for _, f := range undoFields {
		// The review state changes only by review: restoring the version
		// before one puts the old state back; any other restore keeps the
		// state the event has now, as an edit does. The sources were
		// brought back above and said again whether they disagree.
		if f.put == nil || (f.name == "review" && rev.Action != ActionReview) {
			continue
		}
		f.put(after, old)
	}
	if err := s.saveEventState(tx, after); err != nil {
		return err
	}
	return s.recordRevision(tx, EntityEvent, before.ID, ActionRestore, before, after, userID)
}
