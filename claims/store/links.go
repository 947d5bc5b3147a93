package store

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/timeline"
)

// Statuses of a story link.
const (
	LinkLinked   = "linked"
	LinkPending  = "pending"
	LinkAccepted = "accepted"
	LinkRejected = "rejected"
	LinkUndone   = "undone"
)

// Decisions an editor takes on story links.
const (
	DecideAccept = "accept"
	DecideReject = "reject"
	DecideUndo   = "undo"
)

// ActionResolve is the revision of an editor resolving a disagreement.
const ActionResolve = "resolve"

// maxResolutionNote bounds an editor's note on a resolved disagreement.
const maxResolutionNote = 2000

// StoryLink is what the linker did or proposes in a story: OtherID merged,
// or to be merged, into EventID. Its rules: the linker merges at once
// above timeline.LinkScore (status linked; an editor may undo it) and
// proposes between timeline.ProposeScore and that (pending; an editor
// accepts or rejects it); a pair once decided (accepted, rejected, undone)
// is never linked or proposed again.
type StoryLink struct {
	ID        int64      `gorm:"column:id;primaryKey" json:"id"`
	StoryID   int64      `gorm:"column:story_id" json:"story_id"`
	EventID   int64      `gorm:"column:event_id" json:"event_id"`
	OtherID   int64      `gorm:"column:other_id" json:"other_id"`
	Score     float64    `gorm:"column:score" json:"score"`
	Reason    string     `gorm:"column:reason" json:"reason"`
	Status    string     `gorm:"column:status" json:"status"`
	DecidedBy *int64     `gorm:"column:decided_by" json:"decided_by,omitempty"`
	CreatedAt time.Time  `gorm:"column:created_at" json:"created_at"`
	DecidedAt *time.Time `gorm:"column:decided_at" json:"decided_at,omitempty"`
}

// TableName keeps GORM's pluralisation away from the schema's name.
func (StoryLink) TableName() string { return "story_links" }

// LinkOutcome counts what one run of the linker did in a story.
type LinkOutcome struct {
	Linked   int `json:"linked"`
	Proposed int `json:"proposed"`
}

// storySource is one source row of a story's event as the linker reads it.
type storySource struct {
	EventID  int64
	Start    int
	End      int
	Value    string
	Mod      string
	EvValue  string
	EvMod    string
	Status   string
	Headline string
}

// storyReports reads the story's articles, in publication order, as the
// linker reads them (articleReport).
func (s *Store) storyReports(ctx context.Context, storyID int64) ([]timeline.Report, error) {
	var arts []Article
	if err := s.db.WithContext(ctx).Model(&Article{}).Select("id, lang, body, published").
		Where("id IN (SELECT article_id FROM story_articles WHERE story_id = ?)", storyID).
		Order("published, id").Find(&arts).Error; err != nil {
		return nil, err
	}
	reports := make([]timeline.Report, 0, len(arts))
	for i := range arts {
		r, err := s.articleReport(ctx, &arts[i])
		if err != nil {
			return nil, err
		}
		reports = append(reports, r)
	}
	return reports, nil
}

// articleReport reads an article as the linker reads it: each visible
// event with the first sentence of the article that tells it and the date
// that sentence gives. Doc is the article's ID.
func (s *Store) articleReport(ctx context.Context, a *Article) (timeline.Report, error) {
	var rows []storySource
	err := s.db.WithContext(ctx).Table("event_sources AS es").
		Select("es.event_id, es.start_offset AS start, es.end_offset AS end, es.value, es.mod, e.value AS ev_value, e.mod AS ev_mod, e.status, e.headline").
		Joins("JOIN events e ON e.id = es.event_id").
		Where("es.article_id = ? AND e.merged_into IS NULL AND e.hidden = ?", a.ID, false).
		Order("es.start_offset, es.id").Scan(&rows).Error
	if err != nil {
		return timeline.Report{}, err
	}
	r := timeline.Report{Doc: strconv.FormatInt(a.ID, 10), Lang: a.Lang, Text: a.Body}
	seen := map[int64]bool{}
	for _, row := range rows {
		if seen[row.EventID] {
			continue
		}
		seen[row.EventID] = true
		value, mod := row.Value, row.Mod
		if value == "" {
			value, mod = row.EvValue, row.EvMod
		}
		d, err := timeline.ParseDate(value, timeline.Mod(mod))
		if err != nil {
			continue
		}
		r.Events = append(r.Events, timeline.Event{ID: strconv.FormatInt(row.EventID, 10), Date: d,
			Status: timeline.EventStatus(row.Status), Headline: row.Headline, Evidence: timeline.Span{Start: row.Start, End: row.End}})
	}
	return r, nil
}

// LinkStory runs the cross-article linker (timeline.Linker) over the
// story's articles in publication order: events it links are merged at once
// and recorded as linked, pairs it proposes wait as pending. Pairs an
// editor decided on are left as they are. Each merge is its own edit,
// logged like an editor's, by no user; one that meets a concurrent edit is
// left for the next run. The story's linker is kept between runs, so a run
// reads only the articles that joined since (the 1,000th article of a story
// costs about what the 10th does); an edit of the story's events or
// articles, or an article leaving it, has the next run read it all again.
func (s *Store) LinkStory(ctx context.Context, storyID int64) (LinkOutcome, error) {
	sl := s.linkerFor(storyID)
	defer sl.mu.Unlock()
	return s.linkNew(ctx, sl, storyID)
}

// propose records a pending proposal that b is a's happening; false when
// a concurrent run recorded the pair first.
func (s *Store) propose(ctx context.Context, storyID, a, b int64, score float64, reason string) (bool, error) {
	err := s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Create(&StoryLink{StoryID: storyID, EventID: a, OtherID: b, Score: score, Reason: reason,
			Status: LinkPending, CreatedAt: s.Now()}).Error
	})
	if err != nil && isUniqueViolation(err) {
		return false, nil
	}
	return err == nil, err
}

// autoLink merges other into target at their current versions and records
// the link. A concurrent edit (a stale version, an event merged meanwhile)
// skips it.
func (s *Store) autoLink(ctx context.Context, storyID, target, other int64) (bool, error) {
	t, o, err := s.currentVersions(ctx, target, other)
	if err != nil {
		return false, err
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.mergeEvents(tx, t, []VersionedID{o}, nil); err != nil {
			return err
		}
		return tx.Create(&StoryLink{StoryID: storyID, EventID: target, OtherID: other, Status: LinkLinked, CreatedAt: s.Now(),
			Reason: "linked by the linker: the sentences scored at least " + strconv.FormatFloat(timeline.LinkScore, 'f', 2, 64)}).Error
	})
	if c := apperr.CodeOf(err); c == apperr.Conflict || c == apperr.NotFound {
		return false, nil
	}
	return err == nil, err
}

func (s *Store) currentVersions(ctx context.Context, ids ...int64) (VersionedID, VersionedID, error) {
	var evs []Event
	if err := s.db.WithContext(ctx).Select("id, version").Where("id IN ?", ids).Find(&evs).Error; err != nil {
		return VersionedID{}, VersionedID{}, err
	}
	v := map[int64]int{}
	for _, e := range evs {
		v[e.ID] = e.Version
	}
	return VersionedID{ID: ids[0], Version: v[ids[0]]}, VersionedID{ID: ids[1], Version: v[ids[1]]}, nil
}

// StoryLinkDetail is a story link with both its events as they are now.
type StoryLinkDetail struct {
	StoryLink
	Event *EventDetail `json:"event"`
	Other *EventDetail `json:"other"`
}

// maxStoryLinks bounds a review queue's page.
const maxStoryLinks = 500

// StoryLinks lists the story's links with the given statuses (all when
// none), newest first, at most 500.
func (s *Store) StoryLinks(ctx context.Context, storyID int64, statuses ...string) ([]StoryLinkDetail, error) {
	db := s.db.WithContext(ctx)
	q := db.Where("story_id = ?", storyID)
	if len(statuses) > 0 {
		q = q.Where("status IN ?", statuses)
	}
	var links []StoryLink
	if err := q.Order("id DESC").Limit(maxStoryLinks).Find(&links).Error; err != nil {
		return nil, err
	}
	out := make([]StoryLinkDetail, 0, len(links))
	for _, l := range links {
		d := StoryLinkDetail{StoryLink: l}
		var err error
		if d.Event, err = eventDetail(db, l.EventID); err != nil {
			return nil, err
		}
		if d.Other, err = eventDetail(db, l.OtherID); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// DecideStoryLinks applies an editor's decision to links of a story:
// accept merges a pending proposal's events, reject closes it, undo takes
// back a link (the merged event returns with its sources, through the
// revert of its merge). Each link is decided in order; the first that
// cannot be fails the call with the ones before it done, and says why.
func (s *Store) DecideStoryLinks(ctx context.Context, storyID int64, linkIDs []int64, decision string, userID *int64) (int, error) {
	if len(linkIDs) == 0 {
		return 0, apperr.Errorf(apperr.Invalid, "choose at least one link")
	}
	switch decision {
	case DecideAccept, DecideReject, DecideUndo:
	default:
		return 0, apperr.Errorf(apperr.Invalid, "decision must be accept, reject or undo, not %q", decision)
	}
	for i, id := range linkIDs {
		var l StoryLink
		err := s.db.WithContext(ctx).Where("id = ? AND story_id = ?", id, storyID).First(&l).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return i, apperr.Errorf(apperr.NotFound, "no link #%d in this story", id)
		}
		if err != nil {
			return i, err
		}
		if err := s.decide(ctx, &l, decision, userID); err != nil {
			return i, err
		}
	}
	return len(linkIDs), nil
}

func (s *Store) decide(ctx context.Context, l *StoryLink, decision string, userID *int64) error {
	status := ""
	switch {
	case decision == DecideAccept && l.Status == LinkPending:
		t, o, err := s.currentVersions(ctx, l.EventID, l.OtherID)
		if err != nil {
			return err
		}
		if _, err := s.MergeEvents(ctx, t, []VersionedID{o}, userID); err != nil {
			return err
		}
		status = LinkAccepted
	case decision == DecideReject && l.Status == LinkPending:
		status = LinkRejected
	case decision == DecideUndo && (l.Status == LinkLinked || l.Status == LinkAccepted):
		if err := s.unmerge(ctx, l, userID); err != nil {
			return err
		}
		status = LinkUndone
	default:
		return apperr.Errorf(apperr.Invalid, "link #%d is %s: it cannot be %s", l.ID, l.Status, pastTense(decision))
	}
	now := s.Now()
	return s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Model(&StoryLink{}).Where("id = ?", l.ID).Updates(map[string]any{"status": status, "decided_by": userID, "decided_at": now}).Error
	})
}

func pastTense(decision string) string {
	switch decision {
	case DecideAccept:
		return "accepted"
	case DecideReject:
		return "rejected"
	}
	return "undone"
}

// unmerge reverts the latest merge of l.OtherID into l.EventID.
func (s *Store) unmerge(ctx context.Context, l *StoryLink, userID *int64) error {
	var revs []Revision
	if err := s.db.WithContext(ctx).Where("entity = ? AND entity_id = ? AND action = ?", EntityEvent, l.OtherID, ActionMerged).
		Order("id DESC").Find(&revs).Error; err != nil {
		return err
	}
	for _, r := range revs {
		var after struct {
			MergedInto *int64 `json:"merged_into"`
		}
		if json.Unmarshal([]byte(r.After), &after) != nil || after.MergedInto == nil || *after.MergedInto != l.EventID {
			continue
		}
		var ev Event
		if err := s.db.WithContext(ctx).Select("id, version, merged_into").First(&ev, l.OtherID).Error; err != nil {
			return err
		}
		if ev.MergedInto == nil || *ev.MergedInto != l.EventID {
			return apperr.Errorf(apperr.Conflict, "event #%d is no longer merged into #%d: it was edited since", l.OtherID, l.EventID)
		}
		_, err := s.Revert(ctx, r.ID, ev.Version, true, userID)
		return err
	}
	return apperr.Errorf(apperr.Invalid, "event #%d was never merged into #%d", l.OtherID, l.EventID)
}

// refreshAgreement recomputes, after their sources changed, whether each
// event's sources agree on its date (timeline.Agreement). Any change of an
// event's sources asks again, a resolved disagreement included.
func refreshAgreement(tx *gorm.DB, eventIDs ...int64) error {
	for _, id := range eventIDs {
		var srcs []EventSource
		if err := tx.Model(&EventSource{}).Select("value, mod").Where("event_id = ?", id).Find(&srcs).Error; err != nil {
			return err
		}
		dates := make([]timeline.Date, 0, len(srcs))
		for _, src := range srcs {
			if d, err := timeline.ParseDate(src.Value, timeline.Mod(src.Mod)); err == nil && !d.IsZero() {
				dates = append(dates, d)
			}
		}
		_, agree, _ := timeline.Agreement(dates)
		if err := tx.Model(&Event{}).Where("id = ?", id).Update("disagree", !agree).Error; err != nil {
			return err
		}
	}
	return nil
}

// ResolveDisagreement records an editor's choice of an event's date when its
// sources disagree: value and mod become the event's date, note says why,
// and the event no longer shows "sources disagree". version is the version
// the editor saw; the revision log records the choice (action resolve).
func (s *Store) ResolveDisagreement(ctx context.Context, id int64, version int, value, mod, note string, userID *int64) (*EventDetail, error) {
	note = strings.TrimSpace(note)
	if note == "" || utf8.RuneCountInString(note) > maxResolutionNote || !storable(note) {
		return nil, apperr.Errorf(apperr.Invalid, "say in a note (1-%d characters) why this date is the right one", maxResolutionNote)
	}
	var out *EventDetail
	err := s.tx(ctx, func(tx *gorm.DB) error {
		before, err := lockedEvent(tx, id, version)
		if err != nil {
			return err
		}
		if !before.Disagree {
			return apperr.Errorf(apperr.Invalid, "the sources of event #%d do not disagree", id)
		}
		after := *before
		after.Tags = slices.Clone(before.Tags)
		if err := (EventPatch{Value: &value, Mod: &mod}).apply(&after); err != nil {
			return err
		}
		after.Disagree, after.Resolution = false, note
		if err := s.saveEventState(tx, &after); err != nil {
			return err
		}
		if err := s.recordRevision(tx, EntityEvent, id, ActionResolve, before, &after, userID); err != nil {
			return err
		}
		out, err = eventDetail(tx, id)
		return err
	})
	return out, err
}
