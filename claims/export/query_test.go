package export

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
)

// ids exports JSON with a filter and returns the event IDs in order.
func ids(t *testing.T, fx *fixture, statuses, from, to, tag, article string) []int64 {
	t.Helper()
	f, err := parseFilter(statuses, from, to, tag, article)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Events []struct{ ID int64 } }
	if err := json.Unmarshal(export(t, fx.s, JSON, Options{Filter: f}), &doc); err != nil {
		t.Fatal(err)
	}
	out := make([]int64, len(doc.Events))
	for i, e := range doc.Events {
		out[i] = e.ID
	}
	return out
}

func TestFilters(t *testing.T) {
	fx := newFixture(t)
	other := ingestOther(t, fx)
	all := ids(t, fx, "", "", "", "", "")
	for _, c := range []struct {
		name                             string
		statuses, from, to, tag, article string
		want                             func(id int64) bool
		n                                int
	}{
		{"verified claims", "verified", "", "", "", "", func(id int64) bool { return id == fx.kcna }, 1},
		{"verdict false or reported events", "false,reported", "", "", "", "", func(id int64) bool { return id == fx.obrien }, 1},
		{"scheduled", "scheduled", "", "", "", "", nil, 1},
		{"tag", "", "", "", "plenary", "", func(id int64) bool { return id == fx.plenary }, 1},
		// late 2019 overlaps both.
		{"28-29 December", "", "2019-12-28", "2019-12-29", "", "", nil, 5},
		{"from 2019-12-30", "", "2019-12-30", "", "", "", nil, 4},
		// late 2011 (September-December) does not overlap its first half.
		{"first half of 2011", "", "2011-01", "2011-06", "", "", nil, 0},
		{"late 2011 overlaps its last quarter", "", "2011-Q4", "2011-Q4", "", "", nil, 1},
		{"other article", "", "", "", "", other, func(id int64) bool { return true }, 1},
	} {
		got := ids(t, fx, c.statuses, c.from, c.to, c.tag, c.article)
		if len(got) != c.n {
			t.Errorf("%s: %d events %v, want %d", c.name, len(got), got, c.n)
		}
		for _, id := range got {
			if c.want != nil && !c.want(id) {
				t.Errorf("%s: event %d should not pass", c.name, id)
			}
		}
	}
	if len(ids(t, fx, "", "", "", "", "")) != len(all) {
		t.Error("unfiltered export changed between calls")
	}
}

// ingestOther stores a second article with one event and returns its ID
// as the --article flag takes it.
func ingestOther(t *testing.T, fx *fixture) string {
	t.Helper()
	var a struct{ ID int64 }
	exec(t, fx.s, `INSERT INTO articles (content_hash, title, body, created_at, updated_at) VALUES ('other', 'Other', 'Other story.', ?, ?)`, fx.s.Now(), fx.s.Now())
	fx.s.DB().Raw("SELECT id FROM articles WHERE content_hash = 'other'").Scan(&a)
	addEvent(t, fx.s, a.ID, "2019-12-30", "", "happened", "Other event", "Other story.", 0)
	return strconv.FormatInt(a.ID, 10)
}

// itemSummary is what eachEvent loaded for an item, in a comparable form.
type itemSummary struct {
	Tags     []string
	Sources  []string // article, span, claim and sentence of each source
	Claims   []string // ID, article, text and evidence notes of each claim
	Start    string
	Articles []string
}

func summarise(it *store.ExportEvent, d store.Depth) itemSummary {
	sum := itemSummary{Tags: it.Tags}
	if it.StartsAt != nil {
		sum.Start = it.StartsAt.UTC().String()
	}
	for _, src := range it.Sources {
		claim := "-"
		if src.ClaimID != nil {
			claim = strconv.FormatInt(*src.ClaimID, 10)
		}
		if d == store.SlideDepth {
			sum.Sources = append(sum.Sources, fmt.Sprint(src.ArticleID, " ", src.Sentence))
		} else {
			sum.Sources = append(sum.Sources, fmt.Sprint(src.ArticleID, " ", src.Start, "-", src.End, " ", claim, " ", src.Sentence))
		}
		sum.Articles = append(sum.Articles, src.ArticleTitle)
	}
	for _, c := range it.Claims {
		var notes []string
		for _, e := range c.Evidence {
			notes = append(notes, e.Note)
		}
		sum.Claims = append(sum.Claims, fmt.Sprint(c.ID, " ", c.ArticleID, " ", c.Text, " ", c.Speaker, " ", notes))
		sum.Articles = append(sum.Articles, c.ArticleTitle)
	}
	return sum
}

// loadOne reads an item's lists the plain way, one event at a time.
func loadOne(t *testing.T, s *store.Store, id int64, d store.Depth) itemSummary {
	t.Helper()
	db := s.DB()
	var ev store.Event
	if err := db.First(&ev, id).Error; err != nil {
		t.Fatal(err)
	}
	it := &store.ExportEvent{Event: ev, Tags: []string{}}
	if d == store.SlideDepth {
		it.StartsAt = nil
	}
	if err := db.Model(&store.EventTag{}).Where("event_id = ?", id).Order("tag").Pluck("tag", &it.Tags).Error; err != nil {
		t.Fatal(err)
	}
	var srcs []store.EventSource
	if err := db.Where("event_id = ?", id).Order("article_id, start_offset").Find(&srcs).Error; err != nil {
		t.Fatal(err)
	}
	ref := func(article int64) store.ArticleCredit {
		var a store.Article
		if err := db.First(&a, article).Error; err != nil {
			t.Fatal(err)
		}
		return store.ArticleCredit{ArticleTitle: a.Title, ArticleURL: a.URL, ArticlePublisher: a.Publisher, ArticlePublished: a.Published}
	}
	for _, es := range srcs {
		it.Sources = append(it.Sources, store.ExportSource{EventSource: es, ArticleCredit: ref(es.ArticleID)})
		if d == store.SlideDepth || es.ClaimID == nil || slices.ContainsFunc(it.Claims, func(c store.ExportClaim) bool { return c.ID == *es.ClaimID }) {
			continue
		}
		var c store.ExportClaim
		if err := db.First(&c.Claim, *es.ClaimID).Error; err != nil {
			t.Fatal(err)
		}
		c.ArticleCredit = ref(c.ArticleID)
		if err := db.Where("claim_id = ?", c.ID).Order("id").Find(&c.Evidence).Error; err != nil {
			t.Fatal(err)
		}
		it.Claims = append(it.Claims, c)
	}
	return summarise(it, d)
}

// Batches reuse their arrays: every item of an export that spans several
// batches, with no, one or several sources, shared and repeated claims,
// tags and evidence, holds what a plain read of its event finds.
func TestEachEventAcrossBatches(t *testing.T) {
	s := seedEvents(t, 2*store.EventBatchSize+store.EventBatchSize/2)
	exec(t, s, "DELETE FROM event_sources WHERE event_id % 7 = 0")
	exec(t, s, "DELETE FROM event_tags WHERE event_id % 3 = 0")
	exec(t, s, "UPDATE events SET starts_at = NULL, ends_at = NULL WHERE id % 11 = 0")
	// A second source carrying the same claim, and a third carrying
	// another event's claim, from another article.
	exec(t, s, `INSERT INTO event_sources (event_id, article_id, claim_id, start_offset, end_offset, sentence)
		SELECT event_id, article_id, claim_id, 200, 250, 'again ' || event_id FROM event_sources WHERE event_id % 3 = 1`)
	exec(t, s, `INSERT INTO event_sources (event_id, article_id, claim_id, start_offset, end_offset, sentence)
		SELECT event_id, 1, claim_id + 1, 5, 9, 'other ' || event_id FROM event_sources WHERE event_id % 4 = 2 AND start_offset = 0`)
	exec(t, s, `INSERT INTO claim_evidence (claim_id, note, url, created_at) SELECT id, 'second note ' || id, '', created_at FROM claims WHERE id % 20 = 0`)
	for _, d := range []store.Depth{store.FullDepth, store.SlideDepth} {
		n := 0
		shapes := map[[3]int]bool{}
		err := eachEvent(s, filter.Filter{}, d, func(it *store.ExportEvent) error {
			n++
			shapes[[3]int{len(it.Tags), len(it.Sources), len(it.Claims)}] = true
			if got, want := summarise(it, d), loadOne(t, s, it.ID, d); !reflect.DeepEqual(got, want) {
				t.Errorf("depth %d, event %d:\n got %+v\nwant %+v", d, it.ID, got, want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if want := 2*store.EventBatchSize + store.EventBatchSize/2; n != want || len(shapes) < 6 {
			t.Errorf("depth %d: %d events in %d shapes (tags, sources, claims), want %d in more", d, n, len(shapes), want)
		}
	}
}
