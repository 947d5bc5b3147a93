package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/timeline"
)

// ContentHash identifies an article by its text: Unicode-normalised, with
// runs of white space folded, so the same story ingested as a file and as a
// batch line, or with Windows line endings, is recognised as one.
func ContentHash(text string) string {
	fields := strings.Fields(norm.NFC.String(text))
	sum := sha256.Sum256([]byte(strings.Join(fields, " ")))
	return hex.EncodeToString(sum[:])
}

// SaveOptions says where an article came from.
type SaveOptions struct {
	SourceKind string // text, html, jsonl, url or form
	CreatedBy  *int64
	// StoryIDs are the stories the article joins as it is stored.
	StoryIDs []int64
}

// SaveExtraction stores an article with its timexes, claims, events and
// event sources in one transaction: either all of it is there or none.
// An article whose content is already stored fails with apperr.Duplicate, naming
// the existing article's ID.
func (s *Store) SaveExtraction(ctx context.Context, ex *claims.Extraction, opt SaveOptions) (*Article, error) {
	a := ex.Article
	boiler, err := json.Marshal(spansOrEmpty(ex.Boilerplate))
	if err != nil {
		return nil, err
	}
	now := s.Now()
	row := &Article{
		ContentHash: ContentHash(a.Text), Title: a.Title, URL: a.URL, Publisher: a.Publisher, Author: a.Author,
		Lang: a.Lang, PublishedInferred: a.PublishedInferred, PublishedEvidence: a.PublishedEvidence,
		Dateline: a.Dateline, WireSource: a.Credits.WireSource, Translator: a.Credits.Translator,
		Editor: a.Credits.Editor, Reporter: a.Credits.Reporter, Boilerplate: string(boiler), Body: a.Text,
		SourceKind: opt.SourceKind, CreatedBy: opt.CreatedBy, CreatedAt: now, UpdatedAt: now, Version: 1,
	}
	if !a.Published.IsZero() {
		row.Published = a.Published.Format("2006-01-02")
	}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if id, found, err := articleIDByHash(tx, row.ContentHash); err != nil || found {
			if found {
				return duplicateArticle(id)
			}
			return err
		}
		if err := tx.Create(row).Error; err != nil {
			return err
		}
		// The log shows who added the article and with what metadata; the
		// body never changes, so it is not copied into the log.
		logged := *row
		logged.Body = ""
		if err := s.recordRevision(tx, EntityArticle, row.ID, "create", nil, logged, opt.CreatedBy); err != nil {
			return err
		}
		timexIDs, err := saveTimexes(tx, row.ID, ex.Timexes)
		if err != nil {
			return err
		}
		claimIDs, err := saveClaims(tx, row.ID, ex.Claims, now)
		if err != nil {
			return err
		}
		if err := s.saveEvents(tx, row, ex.Events, timexIDs, claimIDs); err != nil {
			return err
		}
		for i, id := range opt.StoryIDs {
			if slices.Contains(opt.StoryIDs[:i], id) {
				continue
			}
			if err := s.joinStory(tx, id, row.ID, JoinedByIngest, opt.CreatedBy); err != nil {
				return err
			}
		}
		return nil
	})
	if isUniqueViolation(err) {
		// Another ingest of the same text won the race.
		if id, found, _ := articleIDByHash(s.db.WithContext(ctx), row.ContentHash); found {
			return nil, duplicateArticle(id)
		}
	}
	if err != nil {
		return nil, err
	}
	return row, nil
}

func duplicateArticle(id int64) error {
	e := apperr.Errorf(apperr.Duplicate, "already ingested as #%d", id)
	e.ID = id
	return e
}

func articleIDByHash(tx *gorm.DB, hash string) (int64, bool, error) {
	var ids []int64
	if err := tx.Model(&Article{}).Where("content_hash = ?", hash).Limit(1).Pluck("id", &ids).Error; err != nil {
		return 0, false, err
	}
	if len(ids) == 0 {
		return 0, false, nil
	}
	return ids[0], true, nil
}

func spansOrEmpty(s []claims.Span) []claims.Span {
	if s == nil {
		return []claims.Span{}
	}
	return s
}

// saveTimexes inserts an article's timexes and maps their refs to row IDs.
func saveTimexes(tx *gorm.DB, articleID int64, txs []timeline.Timex) (map[string]int64, error) {
	rows := make([]Timex, len(txs))
	for i, t := range txs {
		rows[i] = Timex{ArticleID: articleID, Ref: t.ID, Start: t.Start, End: t.End, Text: t.Text, Type: string(t.Type),
			Value: t.Value, Mod: string(t.Mod), Anchor: t.Anchor, Rule: t.Rule, Explanation: t.Explanation}
	}
	return insertByRef(tx, rows, func(r Timex) (string, int64) { return r.Ref, r.ID })
}

// saveClaims inserts an article's claims, unverified, and maps refs to IDs.
func saveClaims(tx *gorm.DB, articleID int64, cs []claims.Claim, now time.Time) (map[string]int64, error) {
	rows := make([]Claim, len(cs))
	for i, c := range cs {
		rows[i] = Claim{ArticleID: articleID, Ref: c.ID, Start: c.Start, End: c.End, Text: c.Text, Kind: string(c.Kind),
			Speaker: c.Speaker, Role: c.Role, Cue: c.Cue, Quote: c.Quote, TimexRefs: strings.Join(c.TimexIDs, " "),
			Status: string(claims.StatusUnverified), CreatedAt: now, UpdatedAt: now, Version: 1}
	}
	return insertByRef(tx, rows, func(r Claim) (string, int64) { return r.Ref, r.ID })
}

// insertByRef inserts rows in batches and maps each row's article-local ref
// ("t3", "c2") to the ID the database gave it.
func insertByRef[T any](tx *gorm.DB, rows []T, key func(T) (string, int64)) (map[string]int64, error) {
	ids := make(map[string]int64, len(rows))
	if len(rows) == 0 {
		return ids, nil
	}
	if err := tx.CreateInBatches(rows, 200).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		ref, id := key(r)
		ids[ref] = id
	}
	return ids, nil
}

// saveEvents inserts an article's events, each with a source row for its
// evidence sentence and for every other sentence that tells it.
func (s *Store) saveEvents(tx *gorm.DB, a *Article, evs []timeline.Event, timexIDs, claimIDs map[string]int64) error {
	for _, ev := range evs {
		row := EventFromDate(ev.Date)
		row.Headline, row.Status, row.EndValue = ev.Headline, string(ev.Status), ev.End.Value
		row.CreatedAt, row.UpdatedAt, row.Version = a.CreatedAt, a.CreatedAt, 1
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		claimID, timexID := optionalID(claimIDs, ev.ClaimID), optionalID(timexIDs, ev.TimexID)
		seen := map[int]bool{}
		for i, span := range append([]timeline.Span{ev.Evidence}, ev.Also...) {
			if seen[span.Start] || span.Start < 0 || span.End > len(a.Body) || span.Start > span.End {
				continue
			}
			seen[span.Start] = true
			src := EventSource{EventID: row.ID, ArticleID: a.ID, Start: span.Start, End: span.End, Sentence: a.Body[span.Start:span.End],
				Value: ev.Date.Value, Mod: string(ev.Date.Mod)}
			if i == 0 {
				src.ClaimID, src.TimexID = claimID, timexID
				src.setParts(ev)
			}
			if err := tx.Create(&src).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// setParts records the predicate, subject and object of ev that lie inside
// the source's sentence.
func (src *EventSource) setParts(ev timeline.Event) {
	part := func(sp timeline.Span) (*int, *int) {
		if sp.Len() <= 0 || sp.Start < src.Start || sp.End > src.End {
			return nil, nil
		}
		a, b := sp.Start, sp.End
		return &a, &b
	}
	src.PredicateStart, src.PredicateEnd = part(ev.Predicate)
	src.SubjectStart, src.SubjectEnd = part(ev.Subject)
	src.ObjectStart, src.ObjectEnd = part(ev.Object)
}

// EventFromDate fills an event row's date columns from a resolved date; a
// zone is kept only with a clock time.
func EventFromDate(d timeline.Date) Event {
	e := Event{Value: d.Value, Mod: string(d.Mod), Precision: string(d.Precision)}
	if d.Precision == timeline.PrecisionMinute {
		e.Zone = d.Zone
	}
	if !d.Start.IsZero() {
		start, end := d.Start.UTC(), d.End.UTC()
		e.StartsAt, e.EndsAt = &start, &end
	}
	return e
}

func optionalID(ids map[string]int64, ref string) *int64 {
	if id, ok := ids[ref]; ok && ref != "" {
		return &id
	}
	return nil
}

// ArticleByID returns one article.
func (s *Store) ArticleByID(ctx context.Context, id int64) (*Article, error) {
	var a Article
	err := s.db.WithContext(ctx).First(&a, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.Errorf(apperr.NotFound, "no article #%d", id)
	}
	return &a, err
}

// ArticleFilter narrows an article listing.
type ArticleFilter struct {
	Query     string // words in the title or body
	Lang      string
	Publisher string
	From, To  string // publication dates, YYYY-MM-DD, inclusive
	Limit     int
	Offset    int
}

// Articles lists articles, newest publication first, without their bodies.
func (s *Store) Articles(ctx context.Context, f ArticleFilter) ([]Article, int64, error) {
	q := s.db.WithContext(ctx).Model(&Article{})
	if f.Query != "" {
		q = containing(q, f.Query, "title", "body")
	}
	if f.Lang != "" {
		q = q.Where("lang = ?", f.Lang)
	}
	if f.Publisher != "" {
		q = q.Where("publisher = ?", f.Publisher)
	}
	if f.From != "" {
		q = q.Where("published >= ?", f.From)
	}
	if f.To != "" {
		q = q.Where("published <= ?", f.To)
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	var out []Article
	err := q.Omit("body").Order("published DESC, id DESC").Limit(f.Limit).Offset(f.Offset).Find(&out).Error
	return out, total, err
}

// escapeLike makes user text match literally inside a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// containing narrows q to rows where any of cols holds words, whatever
// the case, on SQLite and PostgreSQL alike (LIKE alone ignores case on one
// and not the other).
func containing(q *gorm.DB, words string, cols ...string) *gorm.DB {
	like := "%" + escapeLike(strings.ToLower(words)) + "%"
	conds := make([]string, len(cols))
	args := make([]any, len(cols))
	for i, c := range cols {
		conds[i] = "LOWER(" + c + ") LIKE ? ESCAPE '\\'"
		args[i] = like
	}
	return q.Where("("+strings.Join(conds, " OR ")+")", args...)
}

// ArticleTimexes returns an article's temporal expressions in text order.
func (s *Store) ArticleTimexes(ctx context.Context, articleID int64) ([]Timex, error) {
	var out []Timex
	err := s.db.WithContext(ctx).Where("article_id = ?", articleID).Order("start_offset").Find(&out).Error
	return out, err
}

// ArticleClaims returns an article's claims in text order.
func (s *Store) ArticleClaims(ctx context.Context, articleID int64) ([]Claim, error) {
	var out []Claim
	err := s.db.WithContext(ctx).Where("article_id = ?", articleID).Order("start_offset").Find(&out).Error
	return out, err
}
