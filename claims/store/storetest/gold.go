package storetest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/store"
)

// SaveGoldStory stores the articles of the gold story in dir (its
// gold.json lists them, in publication order, with their day and
// language) in a new story called name, and returns the story and the
// extractions the store was given.
func SaveGoldStory(t testing.TB, s *store.Store, dir, name string) (*store.Story, []*claims.Extraction) {
	t.Helper()
	ctx := context.Background()
	var gold struct {
		Articles []struct{ File, Published, Lang string }
	}
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	st, err := s.CreateStory(ctx, name, store.StoryInput{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var exs []*claims.Extraction
	for _, a := range gold.Articles {
		text, err := os.ReadFile(filepath.Join(dir, a.File))
		if err != nil {
			t.Fatal(err)
		}
		pub, _ := time.Parse("2006-01-02", a.Published)
		ex := claims.Extract(claims.Article{Title: a.File, Lang: a.Lang, Text: string(text), Published: pub})
		if _, err := s.SaveExtraction(ctx, &ex, store.SaveOptions{SourceKind: "text", StoryIDs: []int64{st.ID}}); err != nil {
			t.Fatal(err)
		}
		exs = append(exs, &ex)
	}
	return st, exs
}
