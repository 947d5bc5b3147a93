package export

import (
	"context"
	"database/sql"
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
	Evidence []store.ClaimEvidence
}

// ArticleRef is what an export tells of an article.
type ArticleRef struct {
	ArticleTitle, ArticleURL, ArticlePublisher, ArticlePublished string
}

// Rows are scanned by hand (store.ScanRows), and each event's sources come
// with their claims in one query: at 100,000 events the per-column cost of
// the driver is most of an export's time, so no column is read that an
// export does not write.
const (
	eventColumns = "events.id, events.headline, events.description, events.value, events.mod, events.precision, " +
		"events.starts_at, events.ends_at, events.end_value, events.status, events.updated_at"
	// sourceColumns reads a source and the claim it carries, if any
	// (claims joined as c, LEFT).
	sourceColumns = "es.event_id, es.article_id, es.claim_id, es.start_offset, es.end_offset, es.sentence, " +
		"COALESCE(c.article_id, 0), COALESCE(c.start_offset, 0), COALESCE(c.end_offset, 0), COALESCE(c.text, ''), " +
		"COALESCE(c.kind, ''), COALESCE(c.speaker, ''), COALESCE(c.role, ''), COALESCE(c.cue, ''), " +
		"COALESCE(c.quote, FALSE), COALESCE(c.status, '')"
	claimColumns = "c.id, c.article_id, c.start_offset, c.end_offset, c.text, c.kind, c.speaker, c.role, c.cue, c.quote, " +
		"c.status, c.updated_at, a.title, a.url, a.publisher, a.published"
)

func (e *Item) scan(r *sql.Rows) error {
	return r.Scan(&e.ID, &e.Headline, &e.Description, &e.Value, &e.Mod, &e.Precision,
		&e.StartsAt, &e.EndsAt, &e.EndValue, &e.Status, &e.UpdatedAt)
}

// scan reads sourceColumns into s and c; c is meaningful when s.ClaimID is
// set.
func (s *Source) scan(r *sql.Rows, c *Claim) error {
	return r.Scan(&s.EventID, &s.ArticleID, &s.ClaimID, &s.Start, &s.End, &s.Sentence,
		&c.ArticleID, &c.Start, &c.End, &c.Text, &c.Kind, &c.Speaker, &c.Role, &c.Cue, &c.Quote, &c.Status)
}

func (c *Claim) scan(r *sql.Rows) error {
	return r.Scan(&c.ID, &c.ArticleID, &c.Start, &c.End, &c.Text, &c.Kind, &c.Speaker, &c.Role, &c.Cue, &c.Quote,
		&c.Status, &c.UpdatedAt, &c.ArticleTitle, &c.ArticleURL, &c.ArticlePublisher, &c.ArticlePublished)
}

// batchSize is how many events or claims are completed at a time: large
// enough that the side queries (and their statements, with one parameter
// per ID) cost little per row, small enough that memory stays flat however
// big the export, and far under every database's limit on parameters.
const batchSize = 2000

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
// offset, kept by the store in the event's row), so the events of one day
// read as the story does; undated events come last. It is the order of
// store.Timeline.
const timelineOrder = "events.starts_at IS NULL, events.starts_at, events.first_article_id, events.first_offset, events.id"

// eachEvent streams the filtered events in timeline order to fn, each with
// its tags, sources and claims. It holds one batch in memory at a time.
func eachEvent(ctx context.Context, s *store.Store, f Filter, fn func(*Item) error) error {
	db := s.DB().WithContext(ctx)
	q := eventQuery(db, f)
	if len(f.ClaimStatuses) > 0 {
		q = q.Where(`EXISTS (SELECT 1 FROM event_sources es JOIN claims c ON c.id = es.claim_id
			WHERE es.event_id = events.id AND c.status IN ?)`, f.ClaimStatuses)
	}
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
	err := store.ScanRows(q.Select(eventColumns).Order(timelineOrder), func(r *sql.Rows) error {
		batch = append(batch, Item{})
		if err := batch[len(batch)-1].scan(r); err != nil {
			return err
		}
		if len(batch) == batchSize {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// completeEvents loads the tags, sources, claims, articles and evidence of
// a batch of events.
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
	err := store.ScanRows(db.Model(&store.EventTag{}).Select("event_id, tag").Where("event_id IN ?", ids).Order("event_id, tag"),
		func(r *sql.Rows) error {
			var id int64
			var tag string
			if err := r.Scan(&id, &tag); err != nil {
				return err
			}
			byID[id].Tags = append(byID[id].Tags, tag)
			return nil
		})
	if err != nil {
		return err
	}
	articles := map[int64]ArticleRef{}
	var claimIDs []int64
	err = store.ScanRows(db.Table("event_sources AS es").Select(sourceColumns).Joins("LEFT JOIN claims c ON c.id = es.claim_id").
		Where("es.event_id IN ?", ids).Order("es.event_id, es.article_id, es.start_offset"),
		func(r *sql.Rows) error {
			var src Source
			var c Claim
			if err := src.scan(r, &c); err != nil {
				return err
			}
			it := byID[src.EventID]
			it.Sources = append(it.Sources, src)
			articles[src.ArticleID] = ArticleRef{}
			if src.ClaimID != nil && !slices.ContainsFunc(it.Claims, func(have Claim) bool { return have.ID == *src.ClaimID }) {
				c.ID = *src.ClaimID
				it.Claims = append(it.Claims, c)
				articles[c.ArticleID] = ArticleRef{}
				claimIDs = append(claimIDs, c.ID)
			}
			return nil
		})
	if err != nil {
		return err
	}
	if err := loadArticles(db, articles); err != nil {
		return err
	}
	evidence, err := loadEvidence(db, claimIDs)
	if err != nil {
		return err
	}
	for i := range batch {
		it := &batch[i]
		for j := range it.Sources {
			it.Sources[j].ArticleRef = articles[it.Sources[j].ArticleID]
		}
		for j := range it.Claims {
			c := &it.Claims[j]
			c.ArticleRef, c.Evidence = articles[c.ArticleID], evidence[c.ID]
		}
	}
	return nil
}

// loadArticles fills refs, keyed by article ID. Articles are read once per
// batch rather than joined to every row: many events share an article.
func loadArticles(db *gorm.DB, refs map[int64]ArticleRef) error {
	ids := make([]int64, 0, len(refs))
	for id := range refs {
		ids = append(ids, id)
	}
	return store.ScanRows(db.Model(&store.Article{}).Select("id, title, url, publisher, published").Where("id IN ?", ids),
		func(r *sql.Rows) error {
			var id int64
			var a ArticleRef
			if err := r.Scan(&id, &a.ArticleTitle, &a.ArticleURL, &a.ArticlePublisher, &a.ArticlePublished); err != nil {
				return err
			}
			refs[id] = a
			return nil
		})
}

// loadEvidence reads the evidence of claims, oldest first, by claim ID;
// every claim gets a list, empty if it has none.
func loadEvidence(db *gorm.DB, claimIDs []int64) (map[int64][]store.ClaimEvidence, error) {
	out := make(map[int64][]store.ClaimEvidence, len(claimIDs))
	for _, id := range claimIDs {
		out[id] = []store.ClaimEvidence{}
	}
	if len(claimIDs) == 0 {
		return out, nil
	}
	err := store.ScanRows(db.Model(&store.ClaimEvidence{}).Select("id, claim_id, note, url, created_at").
		Where("claim_id IN ?", claimIDs).Order("claim_id, id"),
		func(r *sql.Rows) error {
			var e store.ClaimEvidence
			if err := r.Scan(&e.ID, &e.ClaimID, &e.Note, &e.URL, &e.CreatedAt); err != nil {
				return err
			}
			out[e.ClaimID] = append(out[e.ClaimID], e)
			return nil
		})
	return out, err
}

// loadClaims reads, by ID, the claims that scope selects (on claims as c)
// with their articles and evidence.
func loadClaims(db *gorm.DB, scope func(*gorm.DB) *gorm.DB) ([]Claim, error) {
	var cs []Claim
	var ids []int64
	err := store.ScanRows(db.Table("claims AS c").Select(claimColumns).Joins("JOIN articles a ON a.id = c.article_id").
		Scopes(scope).Order("c.id"),
		func(r *sql.Rows) error {
			var c Claim
			if err := c.scan(r); err != nil {
				return err
			}
			cs, ids = append(cs, c), append(ids, c.ID)
			return nil
		})
	if err != nil {
		return nil, err
	}
	evidence, err := loadEvidence(db, ids)
	for i := range cs {
		cs[i].Evidence = evidence[cs[i].ID]
	}
	return cs, err
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
