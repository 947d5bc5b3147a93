package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/timeline"
)

// EventStatuses lists the statuses an event may have, as the schema's
// CHECK does.
func EventStatuses() []string {
	out := make([]string, len(timeline.EventStatuses))
	for i, s := range timeline.EventStatuses {
		out[i] = string(s)
	}
	return out
}

// eventMods are the modifiers an event date may carry: those that say where
// in the value's interval it lies or how sure it is. Duration modifiers
// (MORE_THAN, ...) make no sense on a date.
var eventMods = []timeline.Mod{
	timeline.ModNone, timeline.ModStart, timeline.ModMid, timeline.ModEnd, timeline.ModApprox,
	timeline.ModBefore, timeline.ModAfter, timeline.ModOnOrBefore, timeline.ModOnOrAfter,
}

// EventMods lists the date modifiers an event may carry, "" first.
func EventMods() []string {
	out := make([]string, len(eventMods))
	for i, m := range eventMods {
		out[i] = string(m)
	}
	return out
}

// storable reports whether text can be stored on every database:
// PostgreSQL's text type refuses NUL and invalid UTF-8 with an error, so
// such input must be refused as apperr.Invalid before it gets there.
func storable(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }

// Limits on what an editor may write.
const (
	maxHeadline    = 500
	maxDescription = 10000
	maxTags        = 20
	maxTag         = 50
)

// EventSourceDetail is a source of an event with what a reader needs to
// judge it: the article and, when a claim carries the event, its speaker and
// verification status.
type EventSourceDetail struct {
	EventSource
	ArticleTitle string `json:"article_title"`
	ArticleURL   string `json:"article_url"`
	Publisher    string `json:"publisher"`
	Published    string `json:"published"`
	Speaker      string `json:"speaker,omitempty"`
	ClaimStatus  string `json:"claim_status,omitempty"`
	// TimexStart and TimexEnd are the article offsets of the expression that
	// dates the event, when known; TimexExplanation says how it was resolved.
	TimexStart       *int   `json:"timex_start,omitempty"`
	TimexEnd         *int   `json:"timex_end,omitempty"`
	TimexExplanation string `json:"timex_explanation,omitempty"`
	// Parts are the predicate, subject and object with their words.
	Parts Parts `json:"parts" gorm:"-"`
}

// Parts are the predicate, subject and object of a source's clause, each
// nil where the source has none.
type Parts struct {
	Predicate *Part `json:"predicate,omitempty"`
	Subject   *Part `json:"subject,omitempty"`
	Object    *Part `json:"object,omitempty"`
}

// Part is a span of an article inside a source's sentence: its article
// offsets [Start, End) and its words.
type Part struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Empty reports whether p holds no part.
func (p Parts) Empty() bool { return p.Predicate == nil && p.Subject == nil && p.Object == nil }

// Parts reads the predicate, subject and object of src from its sentence;
// a part whose offsets are unknown or fall outside the sentence is nil.
func (src *EventSource) Parts() Parts {
	part := func(start, end *int) *Part {
		if start == nil || end == nil {
			return nil
		}
		a, b := *start-src.Start, *end-src.Start
		if a < 0 || a >= b || b > len(src.Sentence) {
			return nil
		}
		return &Part{Start: *start, End: *end, Text: src.Sentence[a:b]}
	}
	return Parts{Predicate: part(src.PredicateStart, src.PredicateEnd), Subject: part(src.SubjectStart, src.SubjectEnd),
		Object: part(src.ObjectStart, src.ObjectEnd)}
}

// EventDetail is an event with its tags and every source.
type EventDetail struct {
	Event
	Tags    []string            `json:"tags"`
	Sources []EventSourceDetail `json:"sources"`
}

// eventState is what the revision log keeps of an event: its row, its tags
// and which sources it holds, so a revert can restore all three.
type eventState struct {
	Event
	Tags      []string `json:"tags"`
	SourceIDs []int64  `json:"source_ids"`
}

// EventPatch names the fields of an event to change; nil leaves a field as
// it is. Precision, when given, coarsens Value ("2019-12-28" to month gives
// "2019-12"); it cannot invent detail the value lacks.
//
// End is the last date of a range ("9-11 December" ends on 2019-12-11),
// written as Value is and never before it; "" makes the event a single
// date. A patch that changes the date (Value, Mod or Precision differ from
// the event's) without giving End makes it a single date too: the old end
// belonged to the old date. A patch that leaves the date as it is keeps the
// end. The event's interval covers the range when it lasts at most
// timeline.MaxRangeCover.
type EventPatch struct {
	Headline    *string   `json:"headline,omitempty"`
	Description *string   `json:"description,omitempty"`
	Value       *string   `json:"value,omitempty"`
	Mod         *string   `json:"mod,omitempty"`
	Precision   *string   `json:"precision,omitempty"`
	End         *string   `json:"end,omitempty"`
	Status      *string   `json:"status,omitempty"`
	Hidden      *bool     `json:"hidden,omitempty"`
	Tags        *[]string `json:"tags,omitempty"`
}

// Revision actions on events and claims.
const (
	ActionCreate   = "create"
	ActionUpdate   = "update"
	ActionMerge    = "merge"
	ActionMerged   = "merged"
	ActionSplit    = "split"
	ActionSources  = "sources"
	ActionRevert   = "revert"
	ActionStatus   = "status"
	ActionEvidence = "evidence"
)

// EventByID returns one event with its tags and sources. Merged and hidden
// events are returned too: their pages explain where they went.
func (s *Store) EventByID(ctx context.Context, id int64) (*EventDetail, error) {
	return eventDetail(s.db.WithContext(ctx), id)
}

func eventDetail(db *gorm.DB, id int64) (*EventDetail, error) {
	var ev Event
	if err := db.First(&ev, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.Errorf(apperr.NotFound, "no event #%d", id)
	} else if err != nil {
		return nil, err
	}
	d := &EventDetail{Event: ev, Tags: []string{}, Sources: []EventSourceDetail{}}
	if err := db.Model(&EventTag{}).Where("event_id = ?", id).Order("tag").Pluck("tag", &d.Tags).Error; err != nil {
		return nil, err
	}
	err := db.Table("event_sources AS es").
		Select(`es.*, a.title AS article_title, a.url AS article_url, a.publisher, a.published,
			COALESCE(c.speaker, '') AS speaker, COALESCE(c.status, '') AS claim_status,
			t.start_offset AS timex_start, t.end_offset AS timex_end, COALESCE(t.explanation, '') AS timex_explanation`).
		Joins("JOIN articles a ON a.id = es.article_id").
		Joins("LEFT JOIN claims c ON c.id = es.claim_id").
		Joins("LEFT JOIN timexes t ON t.id = es.timex_id").
		Where("es.event_id = ?", id).Order("a.published, es.article_id, es.start_offset").
		Scan(&d.Sources).Error
	for i := range d.Sources {
		d.Sources[i].Parts = d.Sources[i].EventSource.Parts()
	}
	return d, err
}

// loadEventState reads an event as the revision log records it.
func loadEventState(tx *gorm.DB, id int64) (*eventState, error) {
	var st eventState
	if err := tx.First(&st.Event, id).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.Errorf(apperr.NotFound, "no event #%d", id)
	} else if err != nil {
		return nil, err
	}
	st.Tags, st.SourceIDs = []string{}, []int64{}
	if err := tx.Model(&EventTag{}).Where("event_id = ?", id).Order("tag").Pluck("tag", &st.Tags).Error; err != nil {
		return nil, err
	}
	err := tx.Model(&EventSource{}).Where("event_id = ?", id).Order("id").Pluck("id", &st.SourceIDs).Error
	return &st, err
}

// lockedEvent loads an event for an edit that read version. A version that
// is not the current one is a apperr.Conflict naming the current version; a merged
// event is a apperr.Conflict too, since its sources now live elsewhere.
func lockedEvent(tx *gorm.DB, id int64, version int) (*eventState, error) {
	st, err := loadEventState(tx, id)
	if err != nil {
		return nil, err
	}
	if st.Version != version {
		e := apperr.Errorf(apperr.Conflict, "event #%d was changed by someone else since you opened it (you edited version %d, it is now at version %d)", id, version, st.Version)
		e.ID = id
		return nil, e
	}
	if st.MergedInto != nil {
		e := apperr.Errorf(apperr.Conflict, "event #%d was merged into #%d; edit that one", id, *st.MergedInto)
		e.ID = *st.MergedInto
		return nil, e
	}
	return st, nil
}

// saveEventState writes an edited event whose version was checked in this
// transaction, bumping the version. The WHERE on version keeps a concurrent
// writer on a database without SQLite's immediate locks from being
// overwritten.
func (s *Store) saveEventState(tx *gorm.DB, st *eventState) error {
	old := st.Version
	st.Version, st.UpdatedAt = old+1, s.Now()
	res := tx.Model(&Event{}).Where("id = ? AND version = ?", st.ID, old).Updates(map[string]any{
		"headline": st.Headline, "description": st.Description, "value": st.Value, "mod": st.Mod,
		"precision": st.Precision, "starts_at": st.StartsAt, "ends_at": st.EndsAt, "end_value": st.EndValue, "zone": st.Zone,
		"status": st.Status, "hidden": st.Hidden, "merged_into": st.MergedInto,
		"disagree": st.Disagree, "resolution": st.Resolution, "review": st.Review,
		"updated_at": st.UpdatedAt, "version": st.Version,
	})
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		e := apperr.Errorf(apperr.Conflict, "event #%d was changed by someone else at the same moment; reload it", st.ID)
		e.ID = st.ID
		return e
	}
	return setTags(tx, st.ID, st.Tags)
}

func setTags(tx *gorm.DB, id int64, tags []string) error {
	if err := tx.Where("event_id = ?", id).Delete(&EventTag{}).Error; err != nil {
		return err
	}
	for _, t := range tags {
		if err := tx.Create(&EventTag{EventID: id, Tag: t}).Error; err != nil {
			return err
		}
	}
	return nil
}

// UpdateEvent applies an editor's change to the event they read at version
// and records it in the revision log in the same transaction.
func (s *Store) UpdateEvent(ctx context.Context, id int64, version int, p EventPatch, userID *int64) (*EventDetail, error) {
	var out *EventDetail
	err := s.tx(ctx, func(tx *gorm.DB) error {
		before, err := lockedEvent(tx, id, version)
		if err != nil {
			return err
		}
		after := *before
		after.Tags = slices.Clone(before.Tags)
		if err := p.apply(&after); err != nil {
			return err
		}
		if err := s.saveEventState(tx, &after); err != nil {
			return err
		}
		if err := s.recordRevision(tx, EntityEvent, id, ActionUpdate, before, &after, userID); err != nil {
			return err
		}
		out, err = eventDetail(tx, id)
		return err
	})
	return out, err
}

// apply validates the patch and writes it into st.
func (p EventPatch) apply(st *eventState) error {
	for _, f := range []struct {
		name string
		text *string
	}{{"headline", p.Headline}, {"description", p.Description}, {"value", p.Value}, {"mod", p.Mod},
		{"precision", p.Precision}, {"end", p.End}, {"status", p.Status}} {
		if f.text != nil && !storable(*f.text) {
			return apperr.InField(f.name, "the text may not contain NUL characters or invalid UTF-8")
		}
	}
	if p.Headline != nil {
		h := strings.TrimSpace(*p.Headline)
		if h == "" || utf8.RuneCountInString(h) > maxHeadline {
			return apperr.InField("headline", "the headline must be 1-%d characters", maxHeadline)
		}
		st.Headline = h
	}
	if p.Description != nil {
		if utf8.RuneCountInString(*p.Description) > maxDescription {
			return apperr.InField("description", "the description must be at most %d characters", maxDescription)
		}
		st.Description = strings.TrimSpace(*p.Description)
	}
	if p.Status != nil {
		if !timeline.EventStatus(*p.Status).Valid() {
			return apperr.InField("status", "status must be one of %s, not %q", strings.Join(EventStatuses(), ", "), *p.Status)
		}
		st.Status = *p.Status
	}
	if p.Hidden != nil {
		st.Hidden = *p.Hidden
	}
	if p.Tags != nil {
		tags, err := cleanTags(*p.Tags)
		if err != nil {
			return err
		}
		st.Tags = tags
	}
	if p.Value == nil && p.Mod == nil && p.Precision == nil && p.End == nil {
		return nil
	}
	value, mod := st.Value, st.Mod
	if p.Value != nil {
		value = strings.TrimSpace(*p.Value)
	}
	if p.Mod != nil {
		mod = *p.Mod
	}
	d, err := parseEventDate(value, mod)
	if err != nil {
		return err
	}
	if p.Precision != nil && *p.Precision != "" && *p.Precision != string(d.Precision) {
		if value, err = coarsen(d, timeline.Precision(*p.Precision)); err != nil {
			return err
		}
		if d, err = parseEventDate(value, mod); err != nil {
			return err
		}
	}
	end := st.EndValue
	if p.End != nil {
		end = strings.TrimSpace(*p.End)
	} else if d.Value != st.Value || d.Mod != timeline.Mod(st.Mod) || d.Precision != timeline.Precision(st.Precision) {
		end = ""
	}
	if end != "" {
		e, err := parseEventDate(end, "")
		if err != nil {
			return apperr.InField("end", "end date: %s", err)
		}
		// The mod narrows the first date's interval, not where the range
		// may end: compare with the whole of it.
		first, _ := timeline.ParseDate(d.Value, timeline.ModNone)
		if e.Start.Before(first.Start) || !e.End.After(first.End) {
			return apperr.InField("end", "the end date %s must come after the date %s", end, d.Value)
		}
		d = d.Through(e)
	}
	// A clock time moved by an editor is still told in the source's zone.
	d.Zone = st.Zone
	dated := EventFromDate(d)
	st.Value, st.Mod, st.Precision, st.StartsAt, st.EndsAt, st.Zone = dated.Value, dated.Mod, dated.Precision, dated.StartsAt, dated.EndsAt, dated.Zone
	st.EndValue = end
	return nil
}

// parseEventDate reads a date an editor typed, explaining what it accepts.
func parseEventDate(value, mod string) (timeline.Date, error) {
	if !slices.Contains(eventMods, timeline.Mod(mod)) {
		return timeline.Date{}, apperr.InField("mod", "unknown date modifier %q", mod)
	}
	d, err := timeline.ParseDate(value, timeline.Mod(mod))
	// Year 0 parses (ISO 8601 counts it) but no article dates an event
	// there; it is a typo or a probe.
	if err != nil || d.Start.Year() < 1 {
		return d, apperr.InField("value", "%q is not a date: write 2019-12-28, 2019-12, 2019-Q4, 2019 or 2019-12-28T10:15", value)
	}
	return d, nil
}

// coarsen rewrites a date's value at a coarser precision: an editor may say
// "we only know the month", never the reverse.
func coarsen(d timeline.Date, p timeline.Precision) (string, error) {
	start := d.Start
	if d.Mod != timeline.ModNone { // the interval was narrowed; read the calendar from the value
		if plain, err := timeline.ParseDate(d.Value, timeline.ModNone); err == nil {
			start = plain.Start
		}
	}
	rank := map[timeline.Precision]int{
		timeline.PrecisionYear: 1, timeline.PrecisionHalf: 2, timeline.PrecisionQuarter: 3,
		timeline.PrecisionMonth: 4, timeline.PrecisionDay: 5, timeline.PrecisionMinute: 6,
	}
	have, want := rank[d.Precision], rank[p]
	if want == 0 {
		return "", apperr.InField("precision", "precision must be year, half, quarter, month, day or minute, not %q", p)
	}
	if have == 0 || want > have {
		return "", apperr.InField("precision", "the date %s has %s precision: type a more precise date instead of asking for %s precision", d.Value, d.Precision, p)
	}
	switch p {
	case timeline.PrecisionYear:
		return start.Format("2006"), nil
	case timeline.PrecisionHalf:
		return fmt.Sprintf("%d-H%d", start.Year(), (int(start.Month())+5)/6), nil
	case timeline.PrecisionQuarter:
		return fmt.Sprintf("%d-Q%d", start.Year(), (int(start.Month())+2)/3), nil
	case timeline.PrecisionMonth:
		return start.Format("2006-01"), nil
	case timeline.PrecisionDay:
		return start.Format("2006-01-02"), nil
	}
	return d.Value, nil
}

// normalTag is a tag as it is stored and compared: trimmed and lower-case,
// so "Korea" and "korea" are one tag.
func normalTag(t string) string { return strings.ToLower(strings.TrimSpace(t)) }

// cleanTags normalises and de-duplicates tags.
func cleanTags(in []string) ([]string, error) {
	out := []string{}
	for _, t := range in {
		t = normalTag(t)
		if t == "" || slices.Contains(out, t) {
			continue
		}
		if utf8.RuneCountInString(t) > maxTag || strings.ContainsAny(t, ",\n") || !storable(t) {
			return nil, apperr.InField("tags", "a tag must be at most %d characters without commas", maxTag)
		}
		out = append(out, t)
	}
	if len(out) > maxTags {
		return nil, apperr.InField("tags", "an event may have at most %d tags", maxTags)
	}
	slices.Sort(out)
	return out, nil
}

// NewEvent is an event an editor adds by hand.
type NewEvent struct {
	Headline    string `json:"headline"`
	Description string `json:"description"`
	Value       string `json:"value"`
	Mod         string `json:"mod"`
	// End is the last date of a range, "" for a single date (see
	// EventPatch).
	End    string   `json:"end,omitempty"`
	Status string   `json:"status"`
	Tags   []string `json:"tags"`
}

// CreateEvent adds a hand-made event (Manual is set) and logs its creation.
func (s *Store) CreateEvent(ctx context.Context, n NewEvent, userID *int64) (*EventDetail, error) {
	if n.Status == "" {
		n.Status = string(timeline.StatusHappened)
	}
	st := &eventState{Event: Event{Status: string(timeline.StatusHappened)}}
	desc, tags := n.Description, n.Tags
	if tags == nil {
		tags = []string{}
	}
	if err := (EventPatch{Headline: &n.Headline, Description: &desc, Value: &n.Value, Mod: &n.Mod, End: &n.End, Status: &n.Status, Tags: &tags}).apply(st); err != nil {
		return nil, err
	}
	now := s.Now()
	st.Manual, st.CreatedAt, st.UpdatedAt, st.Version, st.SourceIDs = true, now, now, 1, []int64{}
	var out *EventDetail
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := tx.Create(&st.Event).Error; err != nil {
			return err
		}
		if err := setTags(tx, st.ID, st.Tags); err != nil {
			return err
		}
		if err := s.recordRevision(tx, EntityEvent, st.ID, ActionCreate, nil, st, userID); err != nil {
			return err
		}
		var err error
		out, err = eventDetail(tx, st.ID)
		return err
	})
	return out, err
}

// VersionedID names a record and the version an editor read.
type VersionedID struct {
	ID      int64 `json:"id"`
	Version int   `json:"version"`
}

// MergeEvents folds others into target: their sources and tags move to the
// target and each is marked merged into it (it leaves the timeline but keeps
// its page and history). Every event's version is checked. The sources keep
// their predicate, subject and object. The target keeps its date; a target
// without an end takes the end of the first other event that starts on the
// same date and has one, so the range one article gives survives a merge
// with another article's single day.
func (s *Store) MergeEvents(ctx context.Context, target VersionedID, others []VersionedID, userID *int64) (*EventDetail, error) {
	var out *EventDetail
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.mergeEvents(tx, target, others, userID); err != nil {
			return err
		}
		var err error
		out, err = eventDetail(tx, target.ID)
		return err
	})
	return out, err
}

// mergeEvents is MergeEvents inside the transaction tx, without reading
// the merged event back.
func (s *Store) mergeEvents(tx *gorm.DB, target VersionedID, others []VersionedID, userID *int64) error {
	if len(others) == 0 {
		return apperr.Errorf(apperr.Invalid, "choose at least two events to merge")
	}
	tBefore, err := lockedEvent(tx, target.ID, target.Version)
	if err != nil {
		return err
	}
	tagSet, end := slices.Clone(tBefore.Tags), tBefore.EndValue
	for _, o := range others {
		if o.ID == target.ID {
			return apperr.Errorf(apperr.Invalid, "cannot merge event #%d into itself", o.ID)
		}
		oBefore, err := lockedEvent(tx, o.ID, o.Version)
		if err != nil {
			return err
		}
		if err := moveSources(tx, oBefore.SourceIDs, target.ID); err != nil {
			return err
		}
		tagSet = append(tagSet, oBefore.Tags...)
		if end == "" && oBefore.Value == tBefore.Value {
			end = oBefore.EndValue
		}
		oAfter, err := loadEventState(tx, o.ID)
		if err != nil {
			return err
		}
		oAfter.MergedInto = &target.ID
		if err := s.saveEventState(tx, oAfter); err != nil {
			return err
		}
		if err := s.recordRevision(tx, EntityEvent, o.ID, ActionMerged, oBefore, oAfter, userID); err != nil {
			return err
		}
	}
	tAfter, err := loadEventState(tx, target.ID)
	if err != nil {
		return err
	}
	if tAfter.Tags, err = cleanTags(tagSet); err != nil {
		return err
	}
	if end != tAfter.EndValue {
		// An end that does not fit the target's date (it is checked
		// as an editor's would be) leaves the target a single date
		// rather than refuse the merge.
		_ = EventPatch{End: &end}.apply(tAfter)
	}
	if err := s.saveEventState(tx, tAfter); err != nil {
		return err
	}
	return s.recordRevision(tx, EntityEvent, target.ID, ActionMerge, tBefore, tAfter, userID)
}

// moveSources gives sources to another event. A source whose sentence the
// receiving event already holds stays where it is rather than break the
// one-row-per-sentence rule.
func moveSources(tx *gorm.DB, ids []int64, to int64) error {
	if len(ids) == 0 {
		return nil
	}
	var from []int64
	if err := tx.Model(&EventSource{}).Where("id IN ?", ids).Distinct("event_id").Pluck("event_id", &from).Error; err != nil {
		return err
	}
	err := tx.Exec(`UPDATE event_sources SET event_id = ? WHERE id IN ? AND event_id <> ? AND NOT EXISTS (
		SELECT 1 FROM event_sources o WHERE o.event_id = ? AND o.article_id = event_sources.article_id
		AND o.start_offset = event_sources.start_offset)`, to, ids, to, to).Error
	if err != nil {
		return err
	}
	if err := refreshAgreement(tx, append(from, to)...); err != nil {
		return err
	}
	return placeByFirstSource(tx, append(from, to)...)
}

// placeByFirstSource recomputes, after their sources changed, where events
// stand among those that start together: events.first_article_id and
// first_offset (migration 0002), which the timeline and exports sort by.
func placeByFirstSource(tx *gorm.DB, eventIDs ...int64) error {
	const first = "FROM event_sources es WHERE es.event_id = events.id ORDER BY es.article_id, es.start_offset LIMIT 1"
	return tx.Exec(`UPDATE events SET first_article_id = COALESCE((SELECT es.article_id `+first+`), 0),
		first_offset = COALESCE((SELECT es.start_offset `+first+`), -1) WHERE id IN ?`, eventIDs).Error
}

// AfterCreate places a new source's event by its first source. Sources
// are only ever added through GORM (as an article is read in), so this
// hook keeps the order columns right wherever they are added.
func (src *EventSource) AfterCreate(tx *gorm.DB) error {
	return placeByFirstSource(tx.Session(&gorm.Session{NewDB: true}), src.EventID)
}

// SplitEvent moves some of an event's sources to a new event that starts as
// a copy of it, for when one event turns out to be two happenings.
func (s *Store) SplitEvent(ctx context.Context, ev VersionedID, sourceIDs []int64, userID *int64) (*EventDetail, error) {
	var out *EventDetail
	err := s.tx(ctx, func(tx *gorm.DB) error {
		before, err := lockedEvent(tx, ev.ID, ev.Version)
		if err != nil {
			return err
		}
		for _, id := range sourceIDs {
			if !slices.Contains(before.SourceIDs, id) {
				return apperr.Errorf(apperr.Invalid, "source #%d does not belong to event #%d", id, ev.ID)
			}
		}
		if len(sourceIDs) == 0 || len(sourceIDs) >= len(before.SourceIDs) {
			return apperr.Errorf(apperr.Invalid, "choose some, but not all, of the event's sources to split off")
		}
		now := s.Now()
		created := &eventState{Event: before.Event, Tags: slices.Clone(before.Tags)}
		created.ID, created.Version, created.CreatedAt, created.UpdatedAt = 0, 1, now, now
		// The part split off is a happening no editor has reviewed yet.
		created.Hidden, created.MergedInto, created.Review = false, nil, string(claims.ReviewProposed)
		if err := tx.Create(&created.Event).Error; err != nil {
			return err
		}
		if err := setTags(tx, created.ID, created.Tags); err != nil {
			return err
		}
		if err := moveSources(tx, sourceIDs, created.ID); err != nil {
			return err
		}
		created.SourceIDs = sourceIDs
		if err := s.recordRevision(tx, EntityEvent, created.ID, ActionCreate, nil, created, userID); err != nil {
			return err
		}
		after, err := loadEventState(tx, ev.ID)
		if err != nil {
			return err
		}
		if err := s.saveEventState(tx, after); err != nil {
			return err
		}
		if err := s.recordRevision(tx, EntityEvent, ev.ID, ActionSplit, before, after, userID); err != nil {
			return err
		}
		out, err = eventDetail(tx, created.ID)
		return err
	})
	return out, err
}

// RevisionByID returns one entry of the revision log.
func (s *Store) RevisionByID(ctx context.Context, id int64) (*Revision, error) {
	var r Revision
	err := s.db.WithContext(ctx).First(&r, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.Errorf(apperr.NotFound, "no revision #%d", id)
	}
	return &r, err
}

// nonNil keeps an IN clause valid for an empty list.
func nonNil(ids []int64) []int64 {
	if len(ids) == 0 {
		return []int64{0}
	}
	return ids
}

func nonNilTags(t []string) []string {
	if t == nil {
		return []string{}
	}
	return t
}
