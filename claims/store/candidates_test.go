package store_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

// saveGoldArticle stores one article of a gold story, published on the
// day given (the gold's own day when empty), in no story.
func saveGoldArticle(t *testing.T, s *store.Store, dir, file, day string) *store.Article {
	t.Helper()
	var gold struct {
		Articles []struct{ File, Published, Lang string }
	}
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(raw, &gold)
	for _, a := range gold.Articles {
		if a.File != file {
			continue
		}
		text, err := os.ReadFile(filepath.Join(dir, a.File))
		if err != nil {
			t.Fatal(err)
		}
		if day == "" {
			day = a.Published
		}
		pub, _ := time.Parse("2006-01-02", day)
		ex := claims.Extract(claims.Article{Title: a.File, Lang: a.Lang, Text: string(text), Published: pub})
		row, err := s.SaveExtraction(context.Background(), &ex, store.SaveOptions{SourceKind: "text"})
		if err != nil {
			t.Fatal(err)
		}
		return row
	}
	t.Fatalf("no %s in %s", file, dir)
	return nil
}

// An article of the story, stored outside it, is proposed for it with a
// reason; the articles of the two other gold stories, dated to fit, are
// not. Accepting puts the article in the story; a decided pair is not
// proposed again.
func TestStoryCandidates(t *testing.T) { storetest.Each(t, testStoryCandidates) }

func testStoryCandidates(t *testing.T, s *store.Store) {
	ctx := context.Background()
	st, _ := loadGoldStory(t, s, "Sinar-Bahari")
	// The gold story holds seven articles; the story keeps the first four.
	arts, _ := s.StoryArticles(ctx, st.ID)
	for _, a := range arts[4:] {
		if err := s.RemoveStoryArticle(ctx, st.ID, a.ID, nil); err != nil {
			t.Fatal(err)
		}
	}
	var own []*store.Article
	for _, a := range arts[4:] {
		own = append(own, &store.Article{ID: a.ID})
	}
	var others []*store.Article
	for _, g := range []struct{ dir, file string }{
		{"../../testdata/stories/kasuari-614", "01-tergelincir.txt"},
		{"../../testdata/stories/kasuari-614", "05-kotak-hitam.txt"},
		{"../../testdata/stories/millbrook-blast", "01-explosion.txt"},
		{"../../testdata/stories/millbrook-blast", "04-worker-found.txt"},
	} {
		others = append(others, saveGoldArticle(t, s, g.dir, g.file, "2025-03-06"))
	}
	proposed := 0
	for _, a := range own {
		n, err := s.ProposeStories(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		proposed += n
	}
	for _, a := range others {
		if n, err := s.ProposeStories(ctx, a.ID); err != nil || n != 0 {
			t.Errorf("article %s of another story proposed %d times (%v)", a.Title, n, err)
		}
	}
	cands, err := s.StoryCandidates(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cands {
		t.Logf("candidate %s: %.2f %s", c.Title, c.Score, c.Reason)
	}
	if proposed < 2 || len(cands) != proposed {
		t.Fatalf("%d of the story's %d other articles proposed (%d listed)", proposed, len(own), len(cands))
	}
	if !strings.Contains(cands[0].Reason, "events are the story's") || cands[0].Title == "" {
		t.Errorf("candidate %+v: want a reason and the article's title", cands[0])
	}
	if err := s.DecideStoryCandidate(ctx, st.ID, cands[0].ID, store.DecideAccept, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.DecideStoryCandidate(ctx, st.ID, cands[1].ID, store.DecideReject, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.DecideStoryCandidate(ctx, st.ID, cands[1].ID, store.DecideAccept, nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("deciding twice = %v, want Invalid", err)
	}
	in, _ := s.StoryArticles(ctx, st.ID)
	if len(in) != 5 {
		t.Errorf("story holds %d articles after one acceptance, want 5", len(in))
	}
	if n, _ := s.ProposeStories(ctx, cands[1].ArticleID); n != 0 {
		t.Error("a rejected article was proposed again")
	}
}
