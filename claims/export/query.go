package export

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

// Filter selects what an export holds. Zero fields do not filter. Hidden
// events and events merged into another are never exported.
type Filter struct {
	// EventStatuses keeps events with one of these statuses (happened,
	// scheduled, ongoing, reported).
	EventStatuses []string `json:"event_statuses,omitempty"`
	// ClaimStatuses keeps events carried by at least one claim with one of
	// these verification statuses (verified, disputed, ...). For ClaimReview
	// it selects the claims themselves.
	ClaimStatuses []string `json:"claim_statuses,omitempty"`
	// From and To are calendar values (2019, 2019-12, 2019-12-28); events
	// whose interval overlaps [start of From, end of To) are kept.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	Tag  string `json:"tag,omitempty"`
	// ArticleID keeps events told by this article.
	ArticleID int64 `json:"article_id,omitempty"`

	from, to timeline.Date
}

// ParseFilter reads a filter as the CLI and the API take it: statuses as a
// comma-separated list mixing event statuses and claim verification statuses
// (an editor asks for "verified" and means what was checked), dates as
// calendar values and the article as an ID. Bad input fails with
// store.Invalid.
func ParseFilter(statuses, from, to, tag, article string) (Filter, error) {
	var f Filter
	eventStatuses := store.EventStatuses()
	for _, st := range strings.Split(statuses, ",") {
		st = strings.ToLower(strings.TrimSpace(st))
		switch {
		case st == "":
		case slices.Contains(eventStatuses, st):
			f.EventStatuses = append(f.EventStatuses, st)
		case claims.Status(st).Valid():
			f.ClaimStatuses = append(f.ClaimStatuses, st)
		default:
			return Filter{}, store.Errorf(store.Invalid, "unknown status %q: want one of %s, %s",
				st, strings.Join(eventStatuses, ", "), joinStatuses(claims.Statuses))
		}
	}
	var err error
	if f.From, f.from, err = parseBound("from", from); err != nil {
		return Filter{}, err
	}
	if f.To, f.to, err = parseBound("to", to); err != nil {
		return Filter{}, err
	}
	if f.From != "" && f.To != "" && !f.from.Start.Before(f.to.End) {
		return Filter{}, store.Errorf(store.Invalid, "from %s is after to %s", f.From, f.To)
	}
	f.Tag = strings.TrimSpace(tag)
	if article = strings.TrimSpace(article); article != "" {
		id, err := strconv.ParseInt(article, 10, 64)
		if err != nil || id <= 0 {
			return Filter{}, store.Errorf(store.Invalid, "article must be an article ID, not %q", article)
		}
		f.ArticleID = id
	}
	return f, nil
}

func joinStatuses(ss []claims.Status) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = string(s)
	}
	return strings.Join(out, ", ")
}

// parseBound reads a --from or --to calendar value. The modifier is left
// off: a bound is the whole interval the value names.
func parseBound(name, v string) (string, timeline.Date, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", timeline.Date{}, nil
	}
	d, err := timeline.ParseDate(v, timeline.ModNone)
	if err != nil {
		return "", timeline.Date{}, store.Errorf(store.Invalid, "%s must be a date such as 2019, 2019-12 or 2019-12-28, not %q", name, v)
	}
	return v, d, nil
}

// Item is one event with everything an export shows of it.
type Item struct {
	store.Event
	Tags    []string
	Sources []Source
	// Claims are the distinct claims that carry the event, in source order.
	Claims []Claim
}

// Source is a sentence of an article that tells an event.
type Source struct {
	store.EventSource
	ArticleRef
}

// Claim is a claim with the article it was made in and the evidence behind
// its verdict.
type Claim struct {
	store.Claim
	ArticleRef
	Evidence []store.ClaimEvidence `gorm:"-"`
}

// ArticleRef is what an export tells of an article.
type ArticleRef struct {
	ArticleTitle     string `gorm:"column:article_title"`
	ArticleURL       string `gorm:"column:article_url"`
	ArticlePublisher string `gorm:"column:article_publisher"`
	ArticlePublished string `gorm:"column:article_published"`
}

// articleRefColumns selects an ArticleRef from articles joined as a.
const articleRefColumns = "a.title AS article_title, a.url AS article_url, a.publisher AS article_publisher, a.published AS article_published"

// batchSize is how many events or claims are completed at a time: large
// enough that the side queries cost little per row, small enough that
// memory stays flat however big the export, and far under every database's
// limit on bound parameters.
const batchSize = 500

// eventQuery selects the filtered events. ClaimStatuses is left to the
// caller, which applies it to events or to claims.
func eventQuery(db *gorm.DB, f Filter) *gorm.DB {
	q := db.Model(&store.Event{}).Where("events.hidden = ? AND events.merged_into IS NULL", false)
	if len(f.EventStatuses) > 0 {
		q = q.Where("events.status IN ?", f.EventStatuses)
	}
	if f.From != "" {
		q = q.Where("events.ends_at > ?", f.from.Start)
	}
	if f.To != "" {
		q = q.Where("events.starts_at < ?", f.to.End)
	}
	if f.Tag != "" {
		q = q.Where("EXISTS (SELECT 1 FROM event_tags t WHERE t.event_id = events.id AND t.tag = ?)", f.Tag)
	}
	if f.ArticleID != 0 {
		q = q.Where("EXISTS (SELECT 1 FROM event_sources es WHERE es.event_id = events.id AND es.article_id = ?)", f.ArticleID)
	}
	return q
}

// timelineOrder sorts events by start, then, for events that start
// together, in the order their first source tells them (article, then
// offset), so the events of one day read as the story does; undated events
// come last. It is the order of store.Timeline, done in SQL so the export
// can stream.
const (
	firstArticle  = "(SELECT MIN(es.article_id) FROM event_sources es WHERE es.event_id = events.id)"
	firstOffset   = "(SELECT MIN(es.start_offset) FROM event_sources es WHERE es.event_id = events.id AND es.article_id = " + firstArticle + ")"
	timelineOrder = "events.starts_at IS NULL, events.starts_at, " + firstArticle + ", " + firstOffset + ", events.id"
)

// eachEvent streams the filtered events in timeline order to fn, each with
// its tags, sources and claims. It holds one batch in memory at a time.
func eachEvent(ctx context.Context, s *store.Store, f Filter, fn func(*Item) error) error {
	db := s.DB().WithContext(ctx)
	q := eventQuery(db, f)
	if len(f.ClaimStatuses) > 0 {
		q = q.Where(`EXISTS (SELECT 1 FROM event_sources es JOIN claims c ON c.id = es.claim_id
			WHERE es.event_id = events.id AND c.status IN ?)`, f.ClaimStatuses)
	}
	rows, err := q.Select("events.*").Order(timelineOrder).Rows()
	if err != nil {
		return err
	}
	defer rows.Close()
	batch := make([]Item, 0, batchSize)
	flush := func() error {
		if err := completeEvents(db, batch); err != nil {
			return err
		}
		for i := range batch {
			if err := fn(&batch[i]); err != nil {
				return err
			}
		}
		batch = batch[:0]
		return nil
	}
	for rows.Next() {
		batch = append(batch, Item{})
		if err := db.ScanRows(rows, &batch[len(batch)-1].Event); err != nil {
			return err
		}
		if len(batch) == batchSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush()
}

// completeEvents loads the tags, sources and claims of a batch of events.
func completeEvents(db *gorm.DB, batch []Item) error {
	if len(batch) == 0 {
		return nil
	}
	ids := make([]int64, len(batch))
	byID := make(map[int64]*Item, len(batch))
	for i := range batch {
		it := &batch[i]
		it.Tags, it.Sources, it.Claims = []string{}, []Source{}, []Claim{}
		ids[i], byID[it.ID] = it.ID, it
	}
	var tags []store.EventTag
	if err := db.Where("event_id IN ?", ids).Order("event_id, tag").Find(&tags).Error; err != nil {
		return err
	}
	for _, t := range tags {
		byID[t.EventID].Tags = append(byID[t.EventID].Tags, t.Tag)
	}
	var srcs []Source
	err := db.Table("event_sources AS es").Select("es.*, "+articleRefColumns).
		Joins("JOIN articles a ON a.id = es.article_id").
		Where("es.event_id IN ?", ids).Order("es.event_id, es.article_id, es.start_offset").
		Scan(&srcs).Error
	if err != nil {
		return err
	}
	var claimIDs []int64
	for _, src := range srcs {
		it := byID[src.EventID]
		it.Sources = append(it.Sources, src)
		if src.ClaimID != nil {
			claimIDs = append(claimIDs, *src.ClaimID)
		}
	}
	if len(claimIDs) == 0 {
		return nil
	}
	cs, err := loadClaims(db, func(q *gorm.DB) *gorm.DB { return q.Where("c.id IN ?", claimIDs) })
	if err != nil {
		return err
	}
	byClaim := make(map[int64]*Claim, len(cs))
	for i := range cs {
		byClaim[cs[i].ID] = &cs[i]
	}
	for i := range batch {
		it := &batch[i]
		for _, src := range it.Sources {
			if src.ClaimID == nil {
				continue
			}
			c := byClaim[*src.ClaimID]
			if c != nil && !slices.ContainsFunc(it.Claims, func(have Claim) bool { return have.ID == c.ID }) {
				it.Claims = append(it.Claims, *c)
			}
		}
	}
	return nil
}

// loadClaims reads, by ID, the claims that scope selects (on claims as c)
// with their articles and evidence.
func loadClaims(db *gorm.DB, scope func(*gorm.DB) *gorm.DB) ([]Claim, error) {
	var cs []Claim
	err := db.Table("claims AS c").Select("c.*, " + articleRefColumns).
		Joins("JOIN articles a ON a.id = c.article_id").Scopes(scope).Order("c.id").Scan(&cs).Error
	if err != nil || len(cs) == 0 {
		return nil, err
	}
	ids := make([]int64, len(cs))
	at := make(map[int64]int, len(cs))
	for i := range cs {
		cs[i].Evidence = []store.ClaimEvidence{}
		ids[i], at[cs[i].ID] = cs[i].ID, i
	}
	var ev []store.ClaimEvidence
	if err := db.Where("claim_id IN ?", ids).Order("claim_id, id").Find(&ev).Error; err != nil {
		return nil, err
	}
	for _, e := range ev {
		cs[at[e.ClaimID]].Evidence = append(cs[at[e.ClaimID]].Evidence, e)
	}
	return cs, nil
}

// eachReviewedClaim streams, by ID, the claims an editor gave a verdict
// (any status but unverified) to fn. ClaimStatuses narrows the verdicts,
// ArticleID the article; the event fields of f keep the claims that carry
// a kept event. Pages are read by ID (keyset), so no cursor stays open
// while fn writes.
func eachReviewedClaim(ctx context.Context, s *store.Store, f Filter, fn func(*Claim) error) error {
	db := s.DB().WithContext(ctx)
	var after int64
	reviewed := func(q *gorm.DB) *gorm.DB {
		q = q.Where("c.status <> ? AND c.id > ?", string(claims.StatusUnverified), after)
		if len(f.ClaimStatuses) > 0 {
			q = q.Where("c.status IN ?", f.ClaimStatuses)
		}
		if f.ArticleID != 0 {
			q = q.Where("c.article_id = ?", f.ArticleID)
		}
		if len(f.EventStatuses) > 0 || f.From != "" || f.To != "" || f.Tag != "" {
			events := eventQuery(db, f).Select("events.id")
			q = q.Where("c.id IN (SELECT es.claim_id FROM event_sources es WHERE es.event_id IN (?))", events)
		}
		return q.Limit(batchSize)
	}
	for {
		page, err := loadClaims(db, reviewed)
		if err != nil {
			return err
		}
		for i := range page {
			if err := fn(&page[i]); err != nil {
				return err
			}
		}
		if len(page) < batchSize {
			return nil
		}
		after = page[len(page)-1].ID
	}
}
