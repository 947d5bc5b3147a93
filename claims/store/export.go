package store

import (
	"context"
	"database/sql"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/filter"
)

// What exports read: every event a filter keeps with all it shows, in
// batches, and the claims editors reviewed.

// ExportEvent is one event with everything an export shows of it.
type ExportEvent struct {
	Event
	Tags    []string
	Sources []ExportSource
	// Claims are the distinct claims that carry the event, in source order.
	Claims []ExportClaim
}

// ExportSource is a sentence of an article that tells an event.
type ExportSource struct {
	EventSource
	ArticleCredit
}

// ExportClaim is a claim with the article it was made in and the evidence
// behind its verdict.
type ExportClaim struct {
	Claim
	ArticleCredit
	Evidence []ClaimEvidence
}

// ArticleCredit is what an export tells of an article.
type ArticleCredit struct {
	ArticleTitle, ArticleURL, ArticlePublisher, ArticlePublished string
}

// Rows are scanned by hand (ScanRows), and each event's sources come
// with their claims in one query: at 100,000 events the per-column cost of
// the driver is most of an export's time, so no column is read that an
// export does not write.
const (
	eventColumns = "events.id, events.headline, events.description, events.value, events.mod, events.precision, " +
		"events.starts_at, events.ends_at, events.end_value, events.zone, events.status, events.disagree, events.review, events.updated_at"
	// sourceColumns reads a source and the claim it carries, if any
	// (claims joined as c, LEFT).
	sourceColumns = "es.event_id, es.article_id, es.claim_id, es.start_offset, es.end_offset, es.sentence, es.value, es.mod, " +
		"es.predicate_start, es.predicate_end, es.subject_start, es.subject_end, es.object_start, es.object_end, " +
		"COALESCE(c.article_id, 0), COALESCE(c.start_offset, 0), COALESCE(c.end_offset, 0), COALESCE(c.text, ''), " +
		"COALESCE(c.kind, ''), COALESCE(c.speaker, ''), COALESCE(c.role, ''), COALESCE(c.cue, ''), " +
		"COALESCE(c.quote, FALSE), COALESCE(c.status, '')"
	// slideEventColumns and slideSourceColumns are what a slide shows.
	slideEventColumns  = "events.id, events.headline, events.description, events.value, events.mod, events.end_value, events.status, events.disagree"
	slideSourceColumns = "es.event_id, es.article_id, es.sentence, es.value, es.mod"
	claimColumns       = "c.id, c.article_id, c.start_offset, c.end_offset, c.text, c.kind, c.speaker, c.role, c.cue, c.quote, " +
		"c.status, c.updated_at, a.title, a.url, a.publisher, a.published"
)

// Depth says how much of each event an export reads.
type Depth int

const (
	// FullDepth reads all an ExportEvent holds.
	FullDepth Depth = iota
	// SlideDepth reads what a TimelineJS slide shows: the event's texts, value,
	// modifier, end value, status and whether its sources disagree, its tags,
	// and its sources' sentences, dates and articles. Its stored interval, precision and update time, the
	// sources' spans and parts and the claims (with their evidence) are left out:
	// joining the claims cost more than the rest of the sources' query.
	SlideDepth
)

// scan reads sourceColumns into s and c; c is meaningful when s.ClaimID is
// set. At slide depth it reads slideSourceColumns into s alone.
func (s *ExportSource) scan(r *sql.Rows, c *ExportClaim, d Depth) error {
	if d == SlideDepth {
		return r.Scan(&s.EventID, &s.ArticleID, &s.Sentence, &s.Value, &s.Mod)
	}
	return r.Scan(&s.EventID, &s.ArticleID, &s.ClaimID, &s.Start, &s.End, &s.Sentence, &s.Value, &s.Mod,
		&s.PredicateStart, &s.PredicateEnd, &s.SubjectStart, &s.SubjectEnd, &s.ObjectStart, &s.ObjectEnd,
		&c.ArticleID, &c.Start, &c.End, &c.Text, &c.Kind, &c.Speaker, &c.Role, &c.Cue, &c.Quote, &c.Status)
}

func (c *ExportClaim) scan(r *sql.Rows) error {
	return r.Scan(&c.ID, &c.ArticleID, &c.Start, &c.End, &c.Text, &c.Kind, &c.Speaker, &c.Role, &c.Cue, &c.Quote,
		&c.Status, &c.UpdatedAt, &c.ArticleTitle, &c.ArticleURL, &c.ArticlePublisher, &c.ArticlePublished)
}

// EventBatchSize is how many events or claims are completed at a time: large
// enough that the side queries (and their statements, with one parameter
// per ID) cost little per row, small enough that memory stays flat however
// big the export, and far under every database's limit on parameters.
const EventBatchSize = 2000

// EventBatches hands the events f keeps to fn in timeline order, a batch
// of at most EventBatchSize at a time, each event with its tags, sources
// and claims, as deep as d. It holds one batch in memory at a time: a
// batch, its events and their lists are valid only until fn returns.
// Hidden events are kept only when f asks for them.
func (s *Store) EventBatches(ctx context.Context, f filter.Filter, d Depth, fn func([]ExportEvent) error) error {
	db := s.db.WithContext(ctx)
	q, err := matching(db.Model(&Event{}), f)
	if err != nil {
		return err
	}
	q = withClaimStatuses(q, f)
	b := newEventBatch(d)
	flush := func() error {
		if err := b.complete(db); err != nil {
			return err
		}
		if len(b.items) > 0 {
			if err := fn(b.items); err != nil {
				return err
			}
		}
		b.reset()
		return nil
	}
	columns := eventColumns
	if d == SlideDepth {
		columns = slideEventColumns
	}
	err = ScanRows(q.Select(columns).Order(timelineOrder), func(r *sql.Rows) error {
		if err := b.scanEvent(r); err != nil {
			return err
		}
		if len(b.items) == EventBatchSize {
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
	depth Depth
	items []ExportEvent
	// runs[i] locates the lists of items[i] in tags, sources and claims.
	runs []runs
	// ids are the items' IDs, boxed once for the side queries: given
	// []int64, GORM boxes every element for every query.
	ids     []any
	index   map[int64]int // of items, by event ID
	times   []time.Time
	tags    []string
	sources []ExportSource
	claims  []ExportClaim
	// claimIDs are the IDs of claims, whose evidence is loaded.
	claimIDs []int64
	// articles are the articles that sources and claims name, by ID.
	articles map[int64]ArticleCredit

	// Scan targets, reused row after row.
	startsAt, endsAt sql.NullTime
	tag              string
	src              ExportSource
	claim            ExportClaim
}

// runs are the bounds of an item's lists in its batch's arrays.
type runs struct{ tags, sources, claims [2]int }

func newEventBatch(d Depth) *eventBatch {
	return &eventBatch{depth: d, items: make([]ExportEvent, 0, EventBatchSize), index: make(map[int64]int, EventBatchSize),
		times: make([]time.Time, 0, 2*EventBatchSize), articles: map[int64]ArticleCredit{}}
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
	b.items = append(b.items, ExportEvent{})
	e := &b.items[len(b.items)-1]
	if b.depth == SlideDepth {
		return r.Scan(&e.ID, &e.Headline, &e.Description, &e.Value, &e.Mod, &e.EndValue, &e.Status, &e.Disagree)
	}
	err := r.Scan(&e.ID, &e.Headline, &e.Description, &e.Value, &e.Mod, &e.Precision,
		&b.startsAt, &b.endsAt, &e.EndValue, &e.Zone, &e.Status, &e.Disagree, &e.Review, &e.UpdatedAt)
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
	err := ScanRows(db.Model(&EventTag{}).Select("event_id, tag").Where("event_id IN ?", b.ids).Order("event_id, tag"),
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
	if b.depth == SlideDepth {
		sources = db.Table("event_sources AS es").Select(slideSourceColumns)
	}
	err = ScanRows(sources.Where("es.event_id IN ?", b.ids).Order("es.event_id, es.article_id, es.start_offset"),
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
			b.articles[src.ArticleID] = ArticleCredit{}
			carried := b.claims[run.claims[0]:run.claims[1]]
			if src.ClaimID != nil && !slices.ContainsFunc(carried, func(have ExportClaim) bool { return have.ID == *src.ClaimID }) {
				c.ID = *src.ClaimID
				b.claims = append(b.claims, *c)
				run.claims[1] = len(b.claims)
				b.articles[c.ArticleID] = ArticleCredit{}
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
		b.sources[i].ArticleCredit = b.articles[b.sources[i].ArticleID]
	}
	for i := range b.claims {
		c := &b.claims[i]
		c.ArticleCredit, c.Evidence = b.articles[c.ArticleID], evidence[c.ID]
	}
	for i := range b.items {
		it, run := &b.items[i], b.runs[i]
		it.Tags, it.Sources, it.Claims = []string{}, []ExportSource{}, []ExportClaim{}
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
func loadArticles(db *gorm.DB, refs map[int64]ArticleCredit) error {
	ids := make([]int64, 0, len(refs))
	for id := range refs {
		ids = append(ids, id)
	}
	return ScanRows(db.Model(&Article{}).Select("id, title, url, publisher, published").Where("id IN ?", ids),
		func(r *sql.Rows) error {
			var id int64
			var a ArticleCredit
			if err := r.Scan(&id, &a.ArticleTitle, &a.ArticleURL, &a.ArticlePublisher, &a.ArticlePublished); err != nil {
				return err
			}
			refs[id] = a
			return nil
		})
}

// loadEvidence reads the evidence of claims, oldest first, by claim ID;
// every claim gets a list, empty if it has none.
func loadEvidence(db *gorm.DB, claimIDs []int64) (map[int64][]ClaimEvidence, error) {
	out := make(map[int64][]ClaimEvidence, len(claimIDs))
	for _, id := range claimIDs {
		out[id] = []ClaimEvidence{}
	}
	if len(claimIDs) == 0 {
		return out, nil
	}
	err := ScanRows(db.Model(&ClaimEvidence{}).Select("id, claim_id, note, url, created_at").
		Where("claim_id IN ?", claimIDs).Order("claim_id, id"),
		func(r *sql.Rows) error {
			var e ClaimEvidence
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
func loadClaims(db *gorm.DB, scope func(*gorm.DB) *gorm.DB) ([]ExportClaim, error) {
	var cs []ExportClaim
	var ids []int64
	err := ScanRows(db.Table("claims AS c").Select(claimColumns).Joins("JOIN articles a ON a.id = c.article_id").
		Scopes(scope).Order("c.id"),
		func(r *sql.Rows) error {
			var c ExportClaim
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

// ReviewedClaimBatches hands fn, by ID and a batch of at most
// EventBatchSize at a time, the claims an editor gave a verdict (any status
// but unverified), with their articles and evidence. f's ClaimStatuses
// narrow the verdicts and its ArticleID the article; its other fields keep
// the claims that carry an event f keeps. Batches are read by ID (keyset),
// so no cursor stays open while fn writes.
func (s *Store) ReviewedClaimBatches(ctx context.Context, f filter.Filter, fn func([]ExportClaim) error) error {
	db := s.db.WithContext(ctx)
	// The event fields of f keep the claims that carry a kept event; the
	// article alone narrows the claims themselves.
	var events *gorm.DB
	eventsOnly := f
	eventsOnly.ClaimStatuses, eventsOnly.ArticleID = nil, 0
	if eventsOnly.Narrows() {
		eventsOnly.ArticleID = f.ArticleID
		q, err := matching(db.Model(&Event{}), eventsOnly)
		if err != nil {
			return err
		}
		events = q.Select("events.id")
	}
	var after int64
	reviewed := func(q *gorm.DB) *gorm.DB {
		q = q.Where("c.status <> ? AND c.id > ?", string(claims.StatusUnverified), after)
		if len(f.ClaimStatuses) > 0 {
			q = q.Where("c.status IN ?", f.ClaimStatuses)
		}
		if f.ArticleID != 0 {
			q = q.Where("c.article_id = ?", f.ArticleID)
		}
		if events != nil {
			q = q.Where("c.id IN (SELECT es.claim_id FROM event_sources es WHERE es.event_id IN (?))", events)
		}
		return q.Limit(EventBatchSize)
	}
	for {
		page, err := loadClaims(db, reviewed)
		if err != nil {
			return err
		}
		if len(page) > 0 {
			if err := fn(page); err != nil {
				return err
			}
		}
		if len(page) < EventBatchSize {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

// ExportState is a cheap summary of every table an export reads: row
// counts, version sums, the latest change times and IDs. Any edit through
// the store changes one of them: edits, merges and splits bump a version
// (tag changes bump their event's) and updated_at; evidence, sources and
// tags add or remove rows. Exports fingerprint it for their ETags.
type ExportState struct {
	Events, Sources, Tags, Evidence, Revisions    int64
	EventVersions, ClaimVersions, ArticleVersions int64
	EventsAt, ClaimsAt, ArticlesAt                string
}

// ExportState reads the summary of what an export would read now.
func (s *Store) ExportState(ctx context.Context) (ExportState, error) {
	var state ExportState
	err := s.db.WithContext(ctx).Raw(`SELECT
		(SELECT COUNT(*) FROM events) AS events,
		(SELECT COUNT(*) FROM event_sources) AS sources,
		(SELECT COUNT(*) FROM event_tags) AS tags,
		(SELECT COUNT(*) FROM claim_evidence) AS evidence,
		(SELECT COALESCE(MAX(id), 0) FROM revisions) AS revisions,
		(SELECT COALESCE(SUM(version), 0) FROM events) AS event_versions,
		(SELECT COALESCE(SUM(version), 0) FROM claims) AS claim_versions,
		(SELECT COALESCE(SUM(version), 0) FROM articles) AS article_versions,
		(SELECT COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM events) AS events_at,
		(SELECT COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM claims) AS claims_at,
		(SELECT COALESCE(CAST(MAX(updated_at) AS TEXT), '') FROM articles) AS articles_at`).Scan(&state).Error
	return state, err
}
