package store

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"time"

	"github.com/factline/factline/claims/filter"
	"gorm.io/gorm"
)

// Timeline listing limits: the default keeps the first view fast on a big
// newsroom database; a caller that narrows the filter may ask for more.
const (
	DefaultTimelineLimit = 1000
	MaxTimelineLimit     = 5000
)

// TimelineEvent is an event as the timeline draws it: with its tags and a
// summary of its sources for grouping and filtering.
type TimelineEvent struct {
	Event
	Tags     []string     `json:"tags"`
	Articles []ArticleRef `json:"articles"`
	Speakers []string     `json:"speakers"`
	// Parts are the predicate, subject and object of the first source, in
	// source order, that has any; nil when none has.
	Parts *Parts `json:"parts,omitempty"`
}

// ArticleRef names an article an event comes from.
type ArticleRef struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
}

// Timeline lists up to limit events that f keeps, in timeline order
// (DefaultTimelineLimit when limit is 0, never more than MaxTimelineLimit).
// It also returns how many events match in all, which exceeds len when the
// limit cut the list.
func (s *Store) Timeline(ctx context.Context, f filter.Filter, limit int) ([]TimelineEvent, int64, error) {
	q, err := matching(s.db.WithContext(ctx).Model(&Event{}), f)
	if err != nil {
		return nil, 0, err
	}
	q = withClaimStatuses(q, f)
	from, to, _ := f.Window()
	if limit <= 0 {
		limit = DefaultTimelineLimit
	}
	limit = min(limit, MaxTimelineLimit)
	// Dated events first, read in the order of the events_timeline_order
	// index so the database stops at the limit instead of sorting every
	// match; the undated ones fill what room is left. Events that start
	// together keep the order their first source tells them in.
	q = q.Session(&gorm.Session{})
	dated := q.Where("events.starts_at IS NOT NULL").Order(datedOrder).Session(&gorm.Session{})
	var rows []Event
	if from != nil {
		// "ends_at > From" alone makes the database walk every event that
		// starts before the window. Only decades and centuries last longer
		// than ShortSpan, so the others are read from ShortSpan before
		// From on, and the long ones that began earlier through their own
		// partial index; they sort first, all starting earlier.
		early := from.Add(-ShortSpan)
		if rows, err = findEvents(dated.Where("events.starts_at < ?", early).Where(longSpan).Limit(limit), nil); err != nil {
			return nil, 0, err
		}
		dated = dated.Where("events.starts_at >= ?", early)
	}
	if len(rows) < limit {
		if rows, err = findEvents(dated.Limit(limit-len(rows)), rows); err != nil {
			return nil, 0, err
		}
	}
	// An undated event has no interval, so a date bound leaves it out.
	if len(rows) < limit && from == nil && to == nil {
		if rows, err = findEvents(q.Where("events.starts_at IS NULL").Order(sameStart).Limit(limit-len(rows)), rows); err != nil {
			return nil, 0, err
		}
	}
	// Only a list the limit cut short needs counting: otherwise it is all.
	total := int64(len(rows))
	if len(rows) == limit {
		if err := q.Count(&total).Error; err != nil {
			return nil, 0, err
		}
	}
	out := make([]TimelineEvent, len(rows))
	byID := make(map[int64]*TimelineEvent, len(rows))
	ids := make([]int64, len(rows))
	for i, r := range rows {
		out[i] = TimelineEvent{Event: r, Tags: []string{}, Articles: []ArticleRef{}, Speakers: []string{}}
		byID[r.ID], ids[i] = &out[i], r.ID
	}
	if err := s.fillTimelineSources(ctx, ids, byID); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// ShortSpan bounds the interval of an event dated at year precision or
// finer (a leap year and a day of slack); only the precisions longSpan
// names cover more.
const ShortSpan = 367 * 24 * time.Hour

// longSpan selects the events whose interval may exceed ShortSpan. It is
// written exactly as the predicate of the events_long_span partial index
// (migrations/0003), which the database uses only for that same condition.
const longSpan = "precision IN ('century', 'decade')"

// Timeline order, the one order every list and export of events uses:
// by start; events that start together in the order their first source
// tells them (article, then offset, kept in the event's row), so the events
// of one day read as the story does; undated events last. datedOrder is the
// order of the events_timeline_order index, which a query that keeps only
// dated events reads without sorting.
const (
	sameStart     = "events.first_article_id, events.first_offset, events.id"
	datedOrder    = "events.starts_at, " + sameStart
	timelineOrder = "events.starts_at IS NULL, " + datedOrder
)

// matching narrows q, a query on events, to the events f keeps, its
// ClaimStatuses aside (see withClaimStatuses): the one place a filter
// becomes SQL. A bad From or To fails with apperr.Invalid, a Story that
// does not exist with apperr.NotFound.
func matching(q *gorm.DB, f filter.Filter) (*gorm.DB, error) {
	from, to, err := f.Window()
	if err != nil {
		return nil, err
	}
	q = q.Where("events.merged_into IS NULL")
	if !f.IncludeHidden {
		q = q.Where("events.hidden = ?", false)
	}
	if from != nil {
		// "ends_at > from" alone makes the database walk every event that
		// starts earlier; with the start bounded too it answers from its
		// indexes (only decades and centuries last longer than ShortSpan).
		q = q.Where("events.ends_at > ? AND (events.starts_at >= ? OR events."+longSpan+")", *from, from.Add(-ShortSpan))
	}
	if to != nil {
		q = q.Where("events.starts_at < ?", *to)
	}
	if len(f.EventStatuses) > 0 {
		q = q.Where("events.status IN ?", f.EventStatuses)
	}
	if len(f.Review) > 0 {
		q = q.Where("events.review IN ?", f.Review)
	}
	if f.Speaker != "" {
		q = q.Where(`EXISTS (SELECT 1 FROM event_sources es JOIN claims c ON c.id = es.claim_id
			WHERE es.event_id = events.id AND c.speaker = ?)`, f.Speaker)
	}
	if f.Publisher != "" {
		q = q.Where(`EXISTS (SELECT 1 FROM event_sources es JOIN articles a ON a.id = es.article_id
			WHERE es.event_id = events.id AND a.publisher = ?)`, f.Publisher)
	}
	if f.ArticleID != 0 {
		q = q.Where("EXISTS (SELECT 1 FROM event_sources es WHERE es.event_id = events.id AND es.article_id = ?)", f.ArticleID)
	}
	if f.Story != "" {
		// A story that does not exist is a mistake to report, not an empty
		// timeline.
		if _, err := storyByName(q.Session(&gorm.Session{NewDB: true}), f.Story); err != nil {
			return nil, err
		}
		q = q.Where(`EXISTS (SELECT 1 FROM event_sources es JOIN story_articles sa ON sa.article_id = es.article_id
			JOIN stories st ON st.id = sa.story_id WHERE es.event_id = events.id AND lower(st.name) = ?)`, strings.ToLower(f.Story))
	}
	if tag := normalTag(f.Tag); tag != "" {
		q = q.Where("EXISTS (SELECT 1 FROM event_tags t WHERE t.event_id = events.id AND t.tag = ?)", tag)
	}
	if f.Query != "" {
		like := "%" + escapeLike(f.Query) + "%"
		q = q.Where(`(events.headline LIKE ? ESCAPE '\' OR events.description LIKE ? ESCAPE '\' OR EXISTS (
			SELECT 1 FROM event_sources es WHERE es.event_id = events.id AND es.sentence LIKE ? ESCAPE '\'))`, like, like, like)
	}
	return q, nil
}

// withClaimStatuses narrows q, a query on events, to the events carried by
// a claim with one of f's ClaimStatuses.
func withClaimStatuses(q *gorm.DB, f filter.Filter) *gorm.DB {
	if len(f.ClaimStatuses) == 0 {
		return q
	}
	return q.Where(`EXISTS (SELECT 1 FROM event_sources es JOIN claims c ON c.id = es.claim_id
		WHERE es.event_id = events.id AND c.status IN ?)`, f.ClaimStatuses)
}

// eventFields are the columns of Event in the order findEvents scans them.
const eventFields = "events.id, events.headline, events.description, events.value, events.mod, events.precision, " +
	"events.starts_at, events.ends_at, events.end_value, events.zone, events.status, events.hidden, events.merged_into, " +
	"events.manual, events.disagree, events.resolution, events.review, events.created_at, events.updated_at, events.version"

// findEvents appends the events q selects to dst.
func findEvents(q *gorm.DB, dst []Event) ([]Event, error) {
	err := ScanRows(q.Select(eventFields), func(r *sql.Rows) error {
		var e Event
		if err := r.Scan(&e.ID, &e.Headline, &e.Description, &e.Value, &e.Mod, &e.Precision, &e.StartsAt, &e.EndsAt,
			&e.EndValue, &e.Zone, &e.Status, &e.Hidden, &e.MergedInto, &e.Manual, &e.Disagree, &e.Resolution, &e.Review, &e.CreatedAt, &e.UpdatedAt, &e.Version); err != nil {
			return err
		}
		dst = append(dst, e)
		return nil
	})
	return dst, err
}

// ScanRows runs q and hands each row to scan. The timeline and exports
// read thousands of rows a request; scanning them by hand, column list
// beside Scan, costs a fraction of GORM's reflection per row and column.
func ScanRows(q *gorm.DB, scan func(*sql.Rows) error) error {
	rows, err := q.Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// fillTimelineSources loads tags and source summaries for many events in
// two queries, in chunks that stay under every database's parameter limit.
func (s *Store) fillTimelineSources(ctx context.Context, ids []int64, byID map[int64]*TimelineEvent) error {
	db := s.db.WithContext(ctx)
	for chunk := range slices.Chunk(ids, 900) {
		err := ScanRows(db.Model(&EventTag{}).Select("event_id, tag").Where("event_id IN ?", chunk).Order("event_id, tag"),
			func(r *sql.Rows) error {
				var id int64
				var tag string
				if err := r.Scan(&id, &tag); err != nil {
					return err
				}
				e := byID[id]
				e.Tags = append(e.Tags, tag)
				return nil
			})
		if err != nil {
			return err
		}
		// A sentence is read only where it has parts to cut from it.
		err = ScanRows(db.Table("event_sources AS es").
			Select("es.event_id, a.id, a.title, a.publisher, COALESCE(c.speaker, ''), es.start_offset, "+
				"es.predicate_start, es.predicate_end, es.subject_start, es.subject_end, es.object_start, es.object_end, "+
				"CASE WHEN COALESCE(es.predicate_start, es.subject_start, es.object_start) IS NULL THEN '' ELSE es.sentence END").
			Joins("JOIN articles a ON a.id = es.article_id").Joins("LEFT JOIN claims c ON c.id = es.claim_id").
			Where("es.event_id IN ?", chunk).Order("es.event_id, es.article_id, es.start_offset"),
			func(r *sql.Rows) error {
				var id int64
				var a ArticleRef
				var speaker string
				var src EventSource
				if err := r.Scan(&id, &a.ID, &a.Title, &a.Publisher, &speaker, &src.Start, &src.PredicateStart, &src.PredicateEnd,
					&src.SubjectStart, &src.SubjectEnd, &src.ObjectStart, &src.ObjectEnd, &src.Sentence); err != nil {
					return err
				}
				e := byID[id]
				e.Articles = appendNew(e.Articles, a)
				if speaker != "" {
					e.Speakers = appendNew(e.Speakers, speaker)
				}
				if p := src.Parts(); e.Parts == nil && !p.Empty() {
					e.Parts = &p
				}
				return nil
			})
		if err != nil {
			return err
		}
	}
	return nil
}

func appendNew[T comparable](s []T, v T) []T {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

// Facets are the values the timeline can be filtered by, for pickers.
type Facets struct {
	Speakers   []string `json:"speakers"`
	Publishers []string `json:"publishers"`
	Tags       []string `json:"tags"`
}

// TimelineFacets lists the speakers, publishers and tags in the database.
func (s *Store) TimelineFacets(ctx context.Context) (*Facets, error) {
	db := s.db.WithContext(ctx)
	f := &Facets{Speakers: []string{}, Publishers: []string{}, Tags: []string{}}
	if err := db.Model(&Claim{}).Where("speaker <> ''").Distinct("speaker").Order("speaker").Limit(1000).Pluck("speaker", &f.Speakers).Error; err != nil {
		return nil, err
	}
	if err := db.Model(&Article{}).Where("publisher <> ''").Distinct("publisher").Order("publisher").Limit(1000).Pluck("publisher", &f.Publishers).Error; err != nil {
		return nil, err
	}
	err := db.Model(&EventTag{}).Distinct("tag").Order("tag").Limit(1000).Pluck("tag", &f.Tags).Error
	return f, err
}
