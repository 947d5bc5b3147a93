package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"

	"gorm.io/gorm"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
)

// ActionReview is the revision of an editor changing an event's review
// state; reverting it puts the state back.
const ActionReview = "review"

// BeforeCreate starts every new event, the pipeline's and an editor's,
// proposed unless its creator chose a state.
func (e *Event) BeforeCreate(*gorm.DB) error {
	if e.Review == "" {
		e.Review = string(claims.ReviewProposed)
	}
	return nil
}

// SetReview moves the event an editor read at version to a review state
// and records the change in the revision log. Any state may follow any
// other; setting the state it has is refused, so the log holds only
// changes. A merged event is refused as every edit of one is.
func (s *Store) SetReview(ctx context.Context, id int64, version int, state string, userID *int64) (*EventDetail, error) {
	state = strings.ToLower(strings.TrimSpace(state))
	if !claims.Review(state).Valid() {
		return nil, apperr.Errorf(apperr.Invalid, "review must be one of %s, not %q", strings.Join(claims.ReviewNames(), ", "), state)
	}
	var out *EventDetail
	err := s.tx(ctx, func(tx *gorm.DB) error {
		before, err := lockedEvent(tx, id, version)
		if err != nil {
			return err
		}
		if before.Review == state {
			return apperr.Errorf(apperr.Invalid, "event #%d is already %s", id, state)
		}
		after := *before
		after.Tags = slices.Clone(before.Tags)
		after.Review = state
		if err := s.saveEventState(tx, &after); err != nil {
			return err
		}
		if err := s.recordRevision(tx, EntityEvent, id, ActionReview, before, &after, userID); err != nil {
			return err
		}
		out, err = eventDetail(tx, id)
		return err
	})
	return out, err
}

// ReviewCounts count events by review state. Disputed counts the events,
// whatever their state, whose sources disagree on the date and that no
// editor has resolved.
type ReviewCounts struct {
	Proposed int64 `json:"proposed"`
	Approved int64 `json:"approved"`
	Rejected int64 `json:"rejected"`
	Disputed int64 `json:"disputed"`
}

// of points at the count of one review state, nil for a string that is
// none.
func (c *ReviewCounts) of(state claims.Review) *int64 {
	switch state {
	case claims.ReviewProposed:
		return &c.Proposed
	case claims.ReviewApproved:
		return &c.Approved
	case claims.ReviewRejected:
		return &c.Rejected
	}
	return nil
}

// Of is the count of one review state.
func (c ReviewCounts) Of(state claims.Review) int64 {
	if n := c.of(state); n != nil {
		return *n
	}
	return 0
}

// Except keeps the counts of the review states not in kept, Disputed
// aside: what a selection of kept states leaves out.
func (c ReviewCounts) Except(kept []string) ReviewCounts {
	var out ReviewCounts
	for _, r := range claims.Reviews {
		if !slices.Contains(kept, string(r)) {
			*out.of(r) = c.Of(r)
		}
	}
	return out
}

// ReviewCounts counts the events f keeps by review state, f's own Review
// aside: what an export gated on review leaves out is the rest.
func (s *Store) ReviewCounts(ctx context.Context, f filter.Filter) (ReviewCounts, error) {
	f.Review = nil
	var c ReviewCounts
	q, err := matching(s.db.WithContext(ctx).Model(&Event{}), f)
	if err != nil {
		return c, err
	}
	q = withClaimStatuses(q, f).Select("events.review, COUNT(*), " +
		"SUM(CASE WHEN events.disagree THEN 1 ELSE 0 END)").Group("events.review")
	err = ScanRows(q, func(r *sql.Rows) error {
		var state string
		var n int64
		var disputed sql.NullInt64
		if err := r.Scan(&state, &n, &disputed); err != nil {
			return err
		}
		if count := c.of(claims.Review(state)); count != nil {
			*count = n
		}
		c.Disputed += disputed.Int64
		return nil
	})
	return c, err
}
