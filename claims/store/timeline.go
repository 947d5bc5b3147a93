package store

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"gorm.io/gorm"
)

// Timeline listing limits: the default keeps the first view fast on a big
// newsroom database; a caller that narrows the filter may ask for more.
const (
	DefaultTimelineLimit = 1000
	MaxTimelineLimit     = 5000
)

// TimelineFilter narrows the timeline. Zero fields do not filter.
type TimelineFilter struct {
	// From and To keep events whose interval overlaps [From, To).
	From, To  *time.Time
	Statuses  []string
	Speaker   string
	Publisher string
	ArticleID int64
	Tag       string
	// Query matches words in the headline, description or a source sentence.
	Query string
	// IncludeHidden shows events editors hid (never merged ones).
	IncludeHidden bool
	Limit         int
}

// TimelineEvent is an event as the timeline draws it: with its tags and a
// summary of its sources for grouping and filtering.
type TimelineEvent struct {
	Event
	Tags     []string     `json:"tags"`
	Articles []ArticleRef `json:"articles"`
	Speakers []string     `json:"speakers"`
}

// ArticleRef names an article an event comes from.
type ArticleRef struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
}

// Timeline lists events matching f in date order; events of the same day
// keep the order their article tells them in. Undated events come last. It
// also returns how many events match in all, which exceeds len when the
// limit cut the list.
func (s *Store) Timeline(ctx context.Context, f TimelineFilter) ([]TimelineEvent, int64, error) {
	q := s.db.WithContext(ctx).Model(&Event{}).Where("merged_into IS NULL")
	if !f.IncludeHidden {
		q = q.Where("hidden = ?", false)
	}
	if f.From != nil {
		q = q.Where("ends_at > ?", f.From.UTC())
	}
	if f.To != nil {
		q = q.Where("starts_at < ?", f.To.UTC())
	}
	if len(f.Statuses) > 0 {
		q = q.Where("status IN ?", f.Statuses)
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
	if f.Tag != "" {
		q = q.Where("EXISTS (SELECT 1 FROM event_tags t WHERE t.event_id = events.id AND t.tag = ?)", f.Tag)
	}
	if f.Query != "" {
		like := "%" + escapeLike(f.Query) + "%"
		q = q.Where(`(headline LIKE ? ESCAPE '\' OR description LIKE ? ESCAPE '\' OR EXISTS (
			SELECT 1 FROM event_sources es WHERE es.event_id = events.id AND es.sentence LIKE ? ESCAPE '\'))`, like, like, like)
	}
	if f.Limit <= 0 {
		f.Limit = DefaultTimelineLimit
	}
	f.Limit = min(f.Limit, MaxTimelineLimit)
	// Dated events first, read in the order of the events_timeline_order
	// index so the database stops at the limit instead of sorting every
	// match; the undated ones fill what room is left. Events that start
	// together keep the order their first source tells them in.
	q = q.Session(&gorm.Session{})
	const sameStart = "first_article_id, first_offset, id"
	dated := q.Where("starts_at IS NOT NULL").Order("starts_at, " + sameStart).Session(&gorm.Session{})
	var rows []Event
	var err error
	if f.From != nil {
		// "ends_at > From" alone makes the database walk every event that
		// starts before the window. Only decades and centuries last longer
		// than ShortSpan, so the others are read from ShortSpan before
		// From on, and the long ones that began earlier through their own
		// partial index; they sort first, all starting earlier.
		early := f.From.UTC().Add(-ShortSpan)
		if rows, err = findEvents(dated.Where("starts_at < ?", early).Where(longSpan).Limit(f.Limit), nil); err != nil {
			return nil, 0, err
		}
		dated = dated.Where("starts_at >= ?", early)
	}
	if len(rows) < f.Limit {
		if rows, err = findEvents(dated.Limit(f.Limit-len(rows)), rows); err != nil {
			return nil, 0, err
		}
	}
	// An undated event has no interval, so a date bound leaves it out.
	if len(rows) < f.Limit && f.From == nil && f.To == nil {
		if rows, err = findEvents(q.Where("starts_at IS NULL").Order(sameStart).Limit(f.Limit-len(rows)), rows); err != nil {
			return nil, 0, err
		}
	}
	// Only a list the limit cut short needs counting: otherwise it is all.
	total := int64(len(rows))
	if len(rows) == f.Limit {
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

// EndsAfter narrows q, a query on events, to the events whose interval
// ends after from. It says so in a form the database answers from its
// indexes with an upper bound on the start also given (see Timeline): the
// plain "ends_at > from" walks every event that starts earlier.
func EndsAfter(q *gorm.DB, from time.Time) *gorm.DB {
	return q.Where("events.ends_at > ? AND (events.starts_at >= ? OR events."+longSpan+")", from.UTC(), from.UTC().Add(-ShortSpan))
}

// eventFields are the columns of Event in the order findEvents scans them.
const eventFields = "events.id, events.headline, events.description, events.value, events.mod, events.precision, " +
	"events.starts_at, events.ends_at, events.end_value, events.status, events.hidden, events.merged_into, " +
	"events.manual, events.created_at, events.updated_at, events.version"

// findEvents appends the events q selects to dst.
func findEvents(q *gorm.DB, dst []Event) ([]Event, error) {
	err := ScanRows(q.Select(eventFields), func(r *sql.Rows) error {
		var e Event
		if err := r.Scan(&e.ID, &e.Headline, &e.Description, &e.Value, &e.Mod, &e.Precision, &e.StartsAt, &e.EndsAt,
			&e.EndValue, &e.Status, &e.Hidden, &e.MergedInto, &e.Manual, &e.CreatedAt, &e.UpdatedAt, &e.Version); err != nil {
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
		err = ScanRows(db.Table("event_sources AS es").
			Select("es.event_id, a.id, a.title, a.publisher, COALESCE(c.speaker, '')").
			Joins("JOIN articles a ON a.id = es.article_id").Joins("LEFT JOIN claims c ON c.id = es.claim_id").
			Where("es.event_id IN ?", chunk).Order("es.event_id, es.article_id, es.start_offset"),
			func(r *sql.Rows) error {
				var id int64
				var a ArticleRef
				var speaker string
				if err := r.Scan(&id, &a.ID, &a.Title, &a.Publisher, &speaker); err != nil {
					return err
				}
				e := byID[id]
				e.Articles = appendNew(e.Articles, a)
				if speaker != "" {
					e.Speakers = appendNew(e.Speakers, speaker)
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
