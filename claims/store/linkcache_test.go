package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/factline/factline/claims"
)

// A story's kept linker reads only what changed: after a run, the log
// shows the article that joined and nothing stale; an article leaving the
// story, or an edit of one of its events, has it built again.
func TestKeptLinkerReadsWhatChanged(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "factline-test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	st, err := s.CreateStory(ctx, "SB7", StoryInput{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "testdata", "stories", "sinar-bahari")
	save := func(file, lang, published string) *Article {
		text, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		pub, _ := time.Parse("2006-01-02", published)
		ex := claims.Extract(claims.Article{Lang: lang, Text: string(text), Published: pub})
		a, err := s.SaveExtraction(ctx, &ex, SaveOptions{SourceKind: "text", StoryIDs: []int64{st.ID}})
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	first := save("01-hilang-kontak.txt", "id", "2025-03-04")
	save("02-penumpang-selamat.txt", "id", "2025-03-05")
	if _, err := s.LinkStory(ctx, st.ID); err != nil {
		t.Fatal(err)
	}
	sl := s.linkers.by[st.ID]
	if sl == nil || len(sl.articles) != 2 {
		t.Fatalf("the story keeps no linker of its two articles: %+v", sl)
	}
	third := save("03-operator-diperiksa.txt", "id", "2025-03-06")
	joined, stale, err := s.changesSince(ctx, st.ID, sl.mark, 0, sl.articles, nil)
	if err != nil || stale || !slices.Equal(joined, []int64{third.ID}) {
		t.Fatalf("changes since the run: joined %v, stale %v, %v; want the third article alone", joined, stale, err)
	}
	if _, err := s.LinkStory(ctx, st.ID); err != nil {
		t.Fatal(err)
	}
	if len(sl.articles) != 3 || s.linkers.by[st.ID] != sl {
		t.Fatalf("the kept linker did not take the third article: %d articles", len(sl.articles))
	}
	if err := s.RemoveStoryArticle(ctx, st.ID, first.ID, nil); err != nil {
		t.Fatal(err)
	}
	if _, stale, err := s.changesSince(ctx, st.ID, sl.mark, 0, sl.articles, nil); err != nil || !stale {
		t.Errorf("an article left the story: stale %v, %v", stale, err)
	}
	if _, err := s.LinkStory(ctx, st.ID); err != nil {
		t.Fatal(err)
	}
	if len(sl.articles) != 2 || sl.articles[first.ID] {
		t.Errorf("built again, the linker holds %v; want the two articles left", sl.articles)
	}
	// An editor's edit of one of the story's events.
	var ev Event
	if err := s.db.Joins("JOIN event_sources es ON es.event_id = events.id").Where("es.article_id = ? AND events.merged_into IS NULL", third.ID).First(&ev).Error; err != nil {
		t.Fatal(err)
	}
	headline := "edited"
	if _, err := s.UpdateEvent(ctx, ev.ID, ev.Version, EventPatch{Headline: &headline}, nil); err != nil {
		t.Fatal(err)
	}
	if _, stale, err := s.changesSince(ctx, st.ID, sl.mark, 0, sl.articles, nil); err != nil || !stale {
		t.Errorf("an event of the story was edited: stale %v, %v", stale, err)
	}
}
