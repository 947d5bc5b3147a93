package export

import (
	"context"
	"database/sql"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
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
// apperr.Invalid.
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
			return Filter{}, apperr.Errorf(apperr.Invalid, "unknown status %q: want one of %s, %s",
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
		return Filter{}, apperr.Errorf(apperr.Invalid, "from %s is after to %s", f.From, f.To)
	}
	f.Tag = strings.TrimSpace(tag)
	if article = strings.TrimSpace(article); article != "" {
		id, err := strconv.ParseInt(article, 10, 64)
		if err != nil || id <= 0 {
			return Filter{}, apperr.Errorf(apperr.Invalid, "article must be an article ID, not %q", article)
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
		return "", timeline.Date{}, apperr.Errorf(apperr.Invalid, "%s must be a date such as 2019, 2019-12 or 2019-12-28, not %q", name, v)
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
	// slideEventColumns and slideSourceColumns are what a slide shows.
	slideEventColumns  = "events.id, events.headline, events.description, events.value, events.mod, events.end_value, events.status"
	slideSourceColumns = "es.event_id, es.article_id, es.sentence"
	claimColumns       = "c.id, c.article_id, c.start_offset, c.end_offset, c.text, c.kind, c.speaker, c.role, c.cue, c.quote, " +
		"c.status, c.updated_at, a.title, a.url, a.publisher, a.published"
)

// depth says how much of each event an export reads.
type depth int

const (
	// fullDepth reads all an Item holds.
	fullDepth depth = iota
	// slideDepth reads what a TimelineJS slide shows: the event's texts, value,
	// modifier, end value and status, its tags, and its sources' sentences
	// and articles. Its stored interval, precision and update time, the
	// sources' spans and the claims (with their evidence) are left out:
	// joining the claims cost more than the rest of the sources' query.
	slideDepth
)

// scan reads sourceColumns into s and c; c is meaningful when s.ClaimID is
// set. At slide depth it reads slideSourceColumns into s alone.
func (s *Source) scan(r *sql.Rows, c *Claim, d depth) error {
	if d == slideDepth {
		return r.Scan(&s.EventID, &s.ArticleID, &s.Sentence)
	}
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
		q = store.EndsAfter(q, f.from.Start)
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
// its tags, sources and claims, as deep as d. It holds one batch in memory
// at a time; an item and its lists are valid only until fn returns.
func eachEvent(ctx context.Context, s *store.Store, f Filter, d depth, fn func(*Item) error) error {
	db := s.DB().WithContext(ctx)
	q := eventQuery(db, f)
	if len(f.ClaimStatuses) > 0 {
		q = q.Where(`EXISTS (SELECT 1 FROM event_sources es JOIN claims c ON c.id = es.claim_id
			WHERE es.event_id = events.id AND c.status IN ?)`, f.ClaimStatuses)
	}
	b := newEventBatch(d)
	flush := func() error {
		if err := b.complete(db); err != nil {
			return err
		}
		for i := range b.items {
			if err := fn(&b.items[i]); err != nil {
				return err
			}
		}
		b.reset()
		return nil
	}
	columns := eventColumns
	if d == slideDepth {
		columns = slideEventColumns
	}
	err := store.ScanRows(q.Select(columns).Order(timelineOrder), func(r *sql.Rows) error {
		if err := b.scanEvent(r); err != nil {
			return err
		}
		if len(b.items) == batchSize {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// eventBatch is a batch of events being read. Its items' lists (tags,
// sources, claims) and stored times are windows on arrays the batch keeps
// from one batch to the next, as are the rows' scan targets: allocated row
// by row, they were a third of the memory a JSON export allocated, and
// collecting it a good part of the export's time.
type eventBatch struct {
	depth depth
	items []Item
	// runs[i] locates the lists of items[i] in tags, sources and claims.
	runs []runs
	// ids are the items' IDs, boxed once for the side queries: given
	// []int64, GORM boxes every element for every query.
	ids     []any
	index   map[int64]int // of items, by event ID
	times   []time.Time
	tags    []string
	sources []Source
	claims  []Claim
	// claimIDs are the IDs of claims, whose evidence is loaded.
	claimIDs []int64
	// articles are the articles that sources and claims name, by ID.
	articles map[int64]ArticleRef

	// Scan targets, reused row after row.
	startsAt, endsAt sql.NullTime
	tag              string
	src              Source
	claim            Claim
}

// runs are the bounds of an item's lists in its batch's arrays.
type runs struct{ tags, sources, claims [2]int }

func newEventBatch(d depth) *eventBatch {
	return &eventBatch{depth: d, items: make([]Item, 0, batchSize), index: make(map[int64]int, batchSize),
		times: make([]time.Time, 0, 2*batchSize), articles: map[int64]ArticleRef{}}
}

// reset empties the batch for the next, keeping its arrays.
func (b *eventBatch) reset() {
	clear(b.items)
	clear(b.tags)
	clear(b.sources)
	clear(b.claims)
	b.items, b.runs, b.ids, b.times = b.items[:0], b.runs[:0], b.ids[:0], b.times[:0]
	b.tags, b.sources, b.claims, b.claimIDs = b.tags[:0], b.sources[:0], b.claims[:0], b.claimIDs[:0]
	clear(b.index)
	clear(b.articles)
}

// scanEvent adds the event in r's current row.
func (b *eventBatch) scanEvent(r *sql.Rows) error {
	b.items = append(b.items, Item{})
	e := &b.items[len(b.items)-1]
	if b.depth == slideDepth {
		return r.Scan(&e.ID, &e.Headline, &e.Description, &e.Value, &e.Mod, &e.EndValue, &e.Status)
	}
	err := r.Scan(&e.ID, &e.Headline, &e.Description, &e.Value, &e.Mod, &e.Precision,
		&b.startsAt, &b.endsAt, &e.EndValue, &e.Status, &e.UpdatedAt)
	e.StartsAt, e.EndsAt = b.time(b.startsAt), b.time(b.endsAt)
	return err
}

// time keeps t in the batch's times, which has room for two of every
// event's.
func (b *eventBatch) time(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	b.times = append(b.times, t.Time)
	return &b.times[len(b.times)-1]
}

// complete loads the tags, sources, claims, articles and evidence of the
// batch's items, as deep as its depth. The queries order rows by event, so
// an item's rows come together and its lists are runs in the arrays.
func (b *eventBatch) complete(db *gorm.DB) error {
	if len(b.items) == 0 {
		return nil
	}
	b.runs = slices.Grow(b.runs[:0], len(b.items))[:len(b.items)]
	clear(b.runs)
	for i := range b.items {
		b.ids = append(b.ids, b.items[i].ID)
		b.index[b.items[i].ID] = i
	}
	err := store.ScanRows(db.Model(&store.EventTag{}).Select("event_id, tag").Where("event_id IN ?", b.ids).Order("event_id, tag"),
		func(r *sql.Rows) error {
			var id int64
			if err := r.Scan(&id, &b.tag); err != nil {
				return err
			}
			run := &b.runs[b.index[id]]
			if run.tags[0] == run.tags[1] {
				run.tags[0] = len(b.tags)
			}
			b.tags = append(b.tags, b.tag)
			run.tags[1] = len(b.tags)
			return nil
		})
	if err != nil {
		return err
	}
	sources := db.Table("event_sources AS es").Select(sourceColumns).Joins("LEFT JOIN claims c ON c.id = es.claim_id")
	if b.depth == slideDepth {
		sources = db.Table("event_sources AS es").Select(slideSourceColumns)
	}
	err = store.ScanRows(sources.Where("es.event_id IN ?", b.ids).Order("es.event_id, es.article_id, es.start_offset"),
		func(r *sql.Rows) error {
			src, c := &b.src, &b.claim
			if err := src.scan(r, c, b.depth); err != nil {
				return err
			}
			run := &b.runs[b.index[src.EventID]]
			if run.sources[0] == run.sources[1] {
				run.sources[0], run.claims[0], run.claims[1] = len(b.sources), len(b.claims), len(b.claims)
			}
			b.sources = append(b.sources, *src)
			run.sources[1] = len(b.sources)
			b.articles[src.ArticleID] = ArticleRef{}
			carried := b.claims[run.claims[0]:run.claims[1]]
			if src.ClaimID != nil && !slices.ContainsFunc(carried, func(have Claim) bool { return have.ID == *src.ClaimID }) {
				c.ID = *src.ClaimID
				b.claims = append(b.claims, *c)
				run.claims[1] = len(b.claims)
				b.articles[c.ArticleID] = ArticleRef{}
				b.claimIDs = append(b.claimIDs, c.ID)
			}
			return nil
		})
	if err != nil {
		return err
	}
	if err := loadArticles(db, b.articles); err != nil {
		return err
	}
	evidence, err := loadEvidence(db, b.claimIDs)
	if err != nil {
		return err
	}
	for i := range b.sources {
		b.sources[i].ArticleRef = b.articles[b.sources[i].ArticleID]
	}
	for i := range b.claims {
		c := &b.claims[i]
		c.ArticleRef, c.Evidence = b.articles[c.ArticleID], evidence[c.ID]
	}
	for i := range b.items {
		it, run := &b.items[i], b.runs[i]
		it.Tags, it.Sources, it.Claims = []string{}, []Source{}, []Claim{}
		if run.tags[0] < run.tags[1] {
			it.Tags = b.tags[run.tags[0]:run.tags[1]:run.tags[1]]
		}
		if run.sources[0] < run.sources[1] {
			it.Sources = b.sources[run.sources[0]:run.sources[1]:run.sources[1]]
		}
		if run.claims[0] < run.claims[1] {
			it.Claims = b.claims[run.claims[0]:run.claims[1]:run.claims[1]]
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
