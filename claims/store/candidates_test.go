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
	"github.com/factline/factline/claims/filter"
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
	cands := proposeOwnArticles(t, s, st)
	for _, c := range cands {
		t.Logf("candidate %s: %.2f %s", c.Title, c.Score, c.Reason)
	}
	for _, g := range []struct{ dir, file string }{
		{"../../testdata/stories/kasuari-614", "01-tergelincir.txt"},
		{"../../testdata/stories/kasuari-614", "05-kotak-hitam.txt"},
		{"../../testdata/stories/millbrook-blast", "01-explosion.txt"},
		{"../../testdata/stories/millbrook-blast", "04-worker-found.txt"},
	} {
		a := saveGoldArticle(t, s, g.dir, g.file, "2025-03-06")
		if n, err := s.ProposeStories(ctx, a.ID); err != nil || n != 0 {
			t.Errorf("article %s of another story proposed %d times (%v)", a.Title, n, err)
		}
	}
	if !strings.Contains(cands[0].Reason, "events are the story's") || cands[0].Title == "" {
		t.Errorf("candidate %+v: want a reason and the article's title", cands[0])
	}
	if _, err := s.DecideStoryCandidates(ctx, st.ID, []int64{cands[0].ID}, store.DecideAccept, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DecideStoryCandidates(ctx, st.ID, []int64{cands[1].ID}, store.DecideReject, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DecideStoryCandidates(ctx, st.ID, []int64{cands[1].ID}, store.DecideAccept, nil); apperr.CodeOf(err) != apperr.Invalid {
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

// proposeOwnArticles keeps the gold story's first four articles (of
// seven) in the story, proposes the other three for it, and returns the
// waiting proposals: at least two, as many as were made.
func proposeOwnArticles(t *testing.T, s *store.Store, st *store.Story) []store.StoryCandidate {
	t.Helper()
	ctx := context.Background()
	arts, _ := s.StoryArticles(ctx, st.ID)
	for _, a := range arts[4:] {
		if err := s.RemoveStoryArticle(ctx, st.ID, a.ID, nil); err != nil {
			t.Fatal(err)
		}
	}
	proposed := 0
	for _, a := range arts[4:] {
		n, err := s.ProposeStories(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		proposed += n
	}
	cands, err := s.StoryCandidates(ctx, st.ID)
	if err != nil || proposed < 2 || len(cands) != proposed {
		t.Fatalf("%d of the story's %d other articles proposed (%d listed, %v)", proposed, len(arts)-4, len(cands), err)
	}
	return cands
}

// Several proposed articles are decided at once: accepted, each joins the
// story with its own revision and their events are linked with the
// story's; a list naming another story's proposal, or one already decided,
// changes nothing.
func TestStoryCandidatesInBulk(t *testing.T) { storetest.Each(t, testStoryCandidatesInBulk) }

func testStoryCandidatesInBulk(t *testing.T, s *store.Store) {
	ctx := context.Background()
	st, _ := loadGoldStory(t, s, "Sinar-Bahari")
	cands := proposeOwnArticles(t, s, st)
	other, err := s.CreateStory(ctx, "Other", store.StoryInput{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	foreign := store.StoryCandidate{StoryID: other.ID, ArticleID: cands[0].ArticleID, Score: 0.5, Reason: "test", Status: store.LinkPending, CreatedAt: time.Now()}
	if err := s.DB().Omit("title").Create(&foreign).Error; err != nil {
		t.Fatal(err)
	}
	joins := func() int {
		revs, err := s.Revisions(ctx, store.EntityStory, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, r := range revs {
			if r.Action == store.ActionJoin {
				n++
			}
		}
		return n
	}
	articles := func() int {
		in, err := s.StoryArticles(ctx, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(in)
	}
	before, joined := articles(), joins()
	for _, bad := range []struct {
		ids  []int64
		code apperr.Code
	}{
		{[]int64{cands[0].ID, foreign.ID}, apperr.NotFound},
		{[]int64{cands[1].ID, 999999}, apperr.NotFound},
		{nil, apperr.Invalid},
	} {
		n, err := s.DecideStoryCandidates(ctx, st.ID, bad.ids, store.DecideAccept, nil)
		if apperr.CodeOf(err) != bad.code || n != 0 {
			t.Errorf("accepting %v = %d, %v; want %s", bad.ids, n, err, bad.code)
		}
	}
	if still, _ := s.StoryCandidates(ctx, st.ID); len(still) != len(cands) || articles() != before || joins() != joined {
		t.Fatalf("a refused bulk decision changed something: %d proposals, %d articles, %d joins", len(still), articles(), joins())
	}
	eventsBefore := len(eventsOf(t, s, filter.Filter{Story: st.Name}))
	n, err := s.DecideStoryCandidates(ctx, st.ID, []int64{cands[0].ID, cands[1].ID, cands[0].ID}, store.DecideAccept, nil)
	if err != nil || n != 2 {
		t.Fatalf("bulk accept = %d, %v", n, err)
	}
	if got := articles(); got != before+2 {
		t.Errorf("%d articles after accepting two, want %d", got, before+2)
	}
	if got := joins(); got != joined+2 {
		t.Errorf("%d join revisions after accepting two, want %d", got, joined+2)
	}
	// The new articles' events join the story's: some are linked with its events.
	added := 0
	for _, c := range cands[:2] {
		added += len(eventsOf(t, s, filter.Filter{ArticleID: c.ArticleID}))
	}
	if after := len(eventsOf(t, s, filter.Filter{Story: st.Name})); after >= eventsBefore+added {
		t.Errorf("%d story events after adding %d to %d: none of the accepted articles' events were linked", after, added, eventsBefore)
	}
	if _, err := s.DecideStoryCandidates(ctx, st.ID, []int64{cands[0].ID}, store.DecideReject, nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("rejecting an accepted proposal = %v, want Invalid", err)
	}
	if f, _ := s.StoryCandidates(ctx, other.ID); len(f) != 1 {
		t.Errorf("the other story's proposal was decided: %d left", len(f))
	}
}
