package export

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
	"github.com/factline/factline/timeline"
)

// referenceArticle is the article every export test reads.
const referenceArticle = "../../testdata/antara-2019-12-30-kim-plenary.txt"

// referenceURL is where the reference article was published.
const referenceURL = "https://www.antaranews.com/berita/1229851/kim-jong-un-serukan-langkah-positif-dan-ofensif"

// loadReference ingests the reference article into a fresh store and
// returns the store and the article's ID.
func loadReference(t testing.TB) (*store.Store, int64) {
	t.Helper()
	s := storetest.SQLite(t)
	return s, ingestReference(t, s)
}

func ingestReference(t testing.TB, s *store.Store) int64 {
	t.Helper()
	raw, err := os.ReadFile(referenceArticle)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ingest.ParseText(filepath.Base(referenceArticle), raw)
	if err != nil {
		t.Fatal(err)
	}
	doc.Title = "Kim Jong Un serukan langkah positif dan ofensif"
	doc.URL, doc.Publisher, doc.Lang = referenceURL, "ANTARA", "id"
	if doc.Published, err = ingest.ParsePublished("2019-12-30", "id"); err != nil {
		t.Fatal(err)
	}
	out := (&ingest.Ingester{Store: s}).Ingest(context.Background(), doc)
	if out.Err != nil || out.Events == 0 {
		t.Fatalf("ingest reference article: %+v", out)
	}
	approveAll(t, s)
	return out.ArticleID
}

// approveAll approves every event, as an editor publishing the timeline
// would: exports hold approved events only.
func approveAll(t testing.TB, s *store.Store) {
	t.Helper()
	exec(t, s, "UPDATE events SET review = 'approved'")
}

// export runs one export and returns its bytes.
func export(t testing.TB, s *store.Store, f Format, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(context.Background(), s, &buf, f, opt); err != nil {
		t.Fatalf("export %s: %v", f, err)
	}
	return buf.Bytes()
}

// exec runs SQL that sets up a test, failing the test on error.
func exec(t testing.TB, s *store.Store, sql string, args ...any) {
	t.Helper()
	if err := s.DB().Exec(sql, args...).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// idWhere returns the smallest ID of a row of table matching where.
func idWhere(t testing.TB, s *store.Store, table, where string, args ...any) int64 {
	t.Helper()
	var ids []int64
	if err := s.DB().Table(table).Where(where, args...).Order("id").Pluck("id", &ids).Error; err != nil || len(ids) == 0 {
		t.Fatalf("no %s where %s %v: %v", table, where, args, err)
	}
	return ids[0]
}

// addEvent stores an event told by one sentence of an article, as an
// editor adding it by hand would, and returns its ID.
func addEvent(t testing.TB, s *store.Store, articleID int64, value, mod, status, headline, sentence string, offset int) int64 {
	t.Helper()
	d, err := timeline.ParseDate(value, timeline.Mod(mod))
	if err != nil {
		t.Fatal(err)
	}
	ev := store.EventFromDate(d)
	now := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	ev.Headline, ev.Status, ev.Manual, ev.CreatedAt, ev.UpdatedAt, ev.Version = headline, status, true, now, now, 1
	ev.Review = "approved"
	if err := s.DB().Create(&ev).Error; err != nil {
		t.Fatal(err)
	}
	src := store.EventSource{EventID: ev.ID, ArticleID: articleID, Start: offset, End: offset + len(sentence), Sentence: sentence}
	if err := s.DB().Create(&src).Error; err != nil {
		t.Fatal(err)
	}
	return ev.ID
}

// fixture is the reference article after an editor's work: tags, verdicts
// with evidence, a hidden event and one merged into another.
type fixture struct {
	s                    *store.Store
	article              int64
	kcna, obrien, hidden int64 // event IDs
	merged, plenary      int64
	kcnaClaim, obClaim   int64
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	s, art := loadReference(t)
	f := &fixture{s: s, article: art}
	f.kcna = idWhere(t, s, "events", "headline LIKE ?", "KCNA:%")
	f.obrien = idWhere(t, s, "events", "headline LIKE ?", "%O'Brien%")
	f.plenary = idWhere(t, s, "events", "value = ?", "2019-12-28")
	f.kcnaClaim = claimOf(t, s, f.kcna)
	f.obClaim = claimOf(t, s, f.obrien)
	verdictAt := time.Date(2020, 1, 3, 9, 0, 0, 0, time.UTC)
	exec(t, s, "UPDATE claims SET status = 'verified', updated_at = ? WHERE id = ?", verdictAt, f.kcnaClaim)
	exec(t, s, "UPDATE claims SET status = 'false', updated_at = ? WHERE id = ?", verdictAt, f.obClaim)
	exec(t, s, "INSERT INTO claim_evidence (claim_id, note, url, created_at) VALUES (?, ?, ?, ?)",
		f.kcnaClaim, "KCNA English dispatch of 30 December carries the call.", "https://kcnawatch.org/", verdictAt)
	exec(t, s, "INSERT INTO claim_evidence (claim_id, note, url, created_at) VALUES (?, ?, ?, ?)",
		f.obClaim, "Transcript shows no such statement on Sunday.", "", verdictAt)
	for _, tag := range []string{"plenary", "korea"} {
		exec(t, s, "INSERT INTO event_tags (event_id, tag) VALUES (?, ?)", f.plenary, tag)
	}
	f.hidden = addEvent(t, s, art, "2019-12-29", "", "happened", "Hidden by an editor", "Hidden sentence.", 10)
	exec(t, s, "UPDATE events SET hidden = ? WHERE id = ?", true, f.hidden)
	f.merged = addEvent(t, s, art, "2019-12-28", "", "happened", "Merged into the plenary", "Merged sentence.", 20)
	exec(t, s, "UPDATE events SET merged_into = ? WHERE id = ?", f.plenary, f.merged)
	return f
}

// visibleEvents counts the events an unfiltered export must hold.
func visibleEvents(t testing.TB, s *store.Store) int {
	t.Helper()
	var n int64
	if err := s.DB().Table("events").Where("hidden = ? AND merged_into IS NULL", false).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return int(n)
}

// claimOf returns the claim that carries an event.
func claimOf(t testing.TB, s *store.Store, eventID int64) int64 {
	t.Helper()
	var ids []int64
	if err := s.DB().Table("event_sources").Where("event_id = ? AND claim_id IS NOT NULL", eventID).Pluck("claim_id", &ids).Error; err != nil || len(ids) == 0 {
		t.Fatalf("event %d has no claim: %v", eventID, err)
	}
	return ids[0]
}

// parseFilter reads a filter from the parameters the CLI takes.
func parseFilter(statuses, from, to, tag, article string) (filter.Filter, error) {
	return filter.Parse(filter.Params{Status: []string{statuses}, From: from, To: to, Tag: tag, Article: article})
}

// eachEvent hands fn the events s.EventBatches finds, one at a time.
func eachEvent(s *store.Store, f filter.Filter, d store.Depth, fn func(*store.ExportEvent) error) error {
	return s.EventBatches(context.Background(), f, d, func(batch []store.ExportEvent) error {
		for i := range batch {
			if err := fn(&batch[i]); err != nil {
				return err
			}
		}
		return nil
	})
}
