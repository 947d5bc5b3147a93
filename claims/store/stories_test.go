package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

func TestStories(t *testing.T) { storetest.Each(t, testStories) }

func testStories(t *testing.T, s *store.Store) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		st, err := s.CreateStory(ctx, "QZ8501", store.StoryInput{Description: ptr(" The lost flight. "), Tags: []string{"Aviation", "aviation", "java sea"}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if st.Title != "QZ8501" || st.Description != "The lost flight." || strings.Join(st.Tags, "|") != "aviation|java sea" || st.Version != 1 {
			t.Fatalf("created %+v", st)
		}
		got, err := s.StoryByName(ctx, "qz8501")
		if err != nil || got.ID != st.ID || strings.Join(got.Tags, "|") != "aviation|java sea" {
			t.Fatalf("StoryByName in another case = %+v, %v", got, err)
		}
	})
	t.Run("ErrNameInvalid", func(t *testing.T) {
		for _, name := range []string{"", "-lead", "two words", "ünïcode", "a/b", strings.Repeat("x", claims.MaxStoryName+1)} {
			_, err := s.CreateStory(ctx, name, store.StoryInput{}, nil)
			if apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(err.Error(), "story name") {
				t.Errorf("CreateStory(%q) = %v, want Invalid naming what a story name is", name, err)
			}
		}
	})
	t.Run("ErrDuplicateWhateverTheCase", func(t *testing.T) {
		first, err := s.StoryByName(ctx, "QZ8501")
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.CreateStory(ctx, "qz8501", store.StoryInput{}, nil)
		var e *apperr.Error
		if apperr.CodeOf(err) != apperr.Duplicate || !asAppErr(err, &e) || e.ID != first.ID {
			t.Fatalf("CreateStory of a taken name = %v, want Duplicate naming #%d", err, first.ID)
		}
	})
	t.Run("ErrFieldsTooLong", func(t *testing.T) {
		for name, in := range map[string]store.StoryInput{
			"title":       {Title: ptr(strings.Repeat("t", 201))},
			"description": {Description: ptr(strings.Repeat("d", 5001))},
			"tag":         {Tags: []string{"a,b"}},
			"nul":         {Title: ptr("a\x00b")},
		} {
			if _, err := s.CreateStory(ctx, "Long-"+name, in, nil); apperr.CodeOf(err) != apperr.Invalid {
				t.Errorf("%s: %v, want Invalid", name, err)
			}
		}
	})
	t.Run("EnsureCreatesOnce", func(t *testing.T) {
		a, created, err := s.EnsureStory(ctx, "Lion-JT610", nil)
		if err != nil || !created || a.Title != "Lion-JT610" {
			t.Fatalf("first EnsureStory = %+v, %v, %v", a, created, err)
		}
		b, created, err := s.EnsureStory(ctx, "lion-jt610", nil)
		if err != nil || created || b.ID != a.ID {
			t.Fatalf("second EnsureStory = %+v, %v, %v; want the same story", b, created, err)
		}
	})
	t.Run("UpdateLocksAndLogs", func(t *testing.T) {
		st, _ := s.StoryByName(ctx, "QZ8501")
		up, err := s.UpdateStory(ctx, "QZ8501", st.Version, store.StoryInput{Title: ptr("AirAsia QZ8501"), Tags: []string{}}, nil)
		if err != nil || up.Title != "AirAsia QZ8501" || up.Version != st.Version+1 || len(up.Tags) != 0 || up.Description != "The lost flight." {
			t.Fatalf("UpdateStory = %+v, %v", up, err)
		}
		if _, err := s.UpdateStory(ctx, "QZ8501", st.Version, store.StoryInput{Title: ptr("stale")}, nil); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("stale UpdateStory = %v, want Conflict", err)
		}
		if _, err := s.UpdateStory(ctx, "nope", 1, store.StoryInput{}, nil); apperr.CodeOf(err) != apperr.NotFound {
			t.Fatalf("UpdateStory of no story = %v, want NotFound", err)
		}
		revs, err := s.Revisions(ctx, store.EntityStory, st.ID)
		if err != nil || len(revs) != 2 || revs[1].Action != store.ActionUpdate || !strings.Contains(revs[1].After, "AirAsia QZ8501") {
			t.Fatalf("story history = %+v, %v", revs, err)
		}
	})
	t.Run("Membership", func(t *testing.T) { testStoryMembership(t, s) })
}

func asAppErr(err error, e **apperr.Error) bool {
	ae, ok := err.(*apperr.Error)
	*e = ae
	return ok
}

func testStoryMembership(t *testing.T, s *store.Store) {
	ctx := context.Background()
	qz, _ := s.StoryByName(ctx, "QZ8501")
	lion, _ := s.StoryByName(ctx, "Lion-JT610")
	a := saveFixture(t, s, "ANTARA")
	b := saveFixture(t, s, "Reuters")
	if err := s.AddStoryArticle(ctx, qz.ID, a.ID, store.JoinedByEditor, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.AddStoryArticle(ctx, lion.ID, a.ID, store.JoinedByEditor, nil); err != nil {
		t.Fatalf("an article in a second story: %v", err)
	}
	if err := s.AddStoryArticle(ctx, qz.ID, a.ID, store.JoinedByEditor, nil); apperr.CodeOf(err) != apperr.Duplicate {
		t.Errorf("joining twice = %v, want Duplicate", err)
	}
	if err := s.AddStoryArticle(ctx, qz.ID, 99999, store.JoinedByEditor, nil); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("joining an unknown article = %v, want NotFound", err)
	}
	if err := s.AddStoryArticle(ctx, qz.ID, b.ID, "magic", nil); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("joining by an unknown way = %v, want Invalid", err)
	}
	stories, err := s.ArticleStories(ctx, a.ID)
	if err != nil || len(stories) != 2 {
		t.Fatalf("article's stories = %+v, %v", stories, err)
	}
	// The story's timeline holds the events of its articles only.
	inStory := eventsOf(t, s, filter.Filter{Story: "qz8501"})
	if all := eventsOf(t, s, filter.Filter{}); len(inStory) != 3 || len(all) != 6 {
		t.Fatalf("story timeline %d events of %d, want the 3 of its one article", len(inStory), len(all))
	}
	if _, _, err := s.Timeline(ctx, filter.Filter{Story: "missing"}, 0); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("timeline of an unknown story = %v, want NotFound", err)
	}
	list, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int64{}
	for _, st := range list {
		counts[st.Name] = st.Articles
	}
	if counts["QZ8501"] != 1 || counts["Lion-JT610"] != 1 {
		t.Errorf("article counts %v", counts)
	}
	if err := s.RemoveStoryArticle(ctx, qz.ID, a.ID, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveStoryArticle(ctx, qz.ID, a.ID, nil); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("leaving twice = %v, want NotFound", err)
	}
	if evs := eventsOf(t, s, filter.Filter{Story: "QZ8501"}); len(evs) != 0 {
		t.Errorf("story timeline after the article left: %d events", len(evs))
	}
	revs, _ := s.Revisions(ctx, store.EntityStory, qz.ID)
	var actions []string
	for _, r := range revs {
		actions = append(actions, r.Action)
	}
	if got := strings.Join(actions, " "); got != "create update join leave" {
		t.Errorf("story history %q, want create update join leave", got)
	}
	if left := revs[len(revs)-1]; !strings.Contains(left.Before, fmt.Sprintf(`"article_id":%d`, a.ID)) {
		t.Errorf("leave revision before=%s, want the article", left.Before)
	}
}

func TestSaveJoinsStories(t *testing.T) { storetest.Each(t, testSaveJoinsStories) }

func testSaveJoinsStories(t *testing.T, s *store.Store) {
	ctx := context.Background()
	st, err := s.CreateStory(ctx, "Dividends", store.StoryInput{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ex := &claims.Extraction{Article: claims.Article{Title: "BP", Lang: "en", Text: "BP raised its dividend."}}
	a, err := s.SaveExtraction(ctx, ex, store.SaveOptions{SourceKind: "text", StoryIDs: []int64{st.ID, st.ID}})
	if err != nil {
		t.Fatal(err)
	}
	arts, err := s.StoryArticles(ctx, st.ID)
	if err != nil || len(arts) != 1 || arts[0].ID != a.ID || arts[0].Body != "" {
		t.Fatalf("story articles after save = %+v, %v", arts, err)
	}
	// A story that does not exist undoes the whole save.
	ex.Article.Text = "Another text entirely."
	if _, err := s.SaveExtraction(ctx, ex, store.SaveOptions{SourceKind: "text", StoryIDs: []int64{st.ID + 1000}}); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("saving into a missing story = %v, want NotFound", err)
	}
	if _, total, _ := s.Articles(ctx, store.ArticleFilter{}); total != 1 {
		t.Errorf("%d articles after a failed save, want 1", total)
	}
}
