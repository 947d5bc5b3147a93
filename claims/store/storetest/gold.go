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

// StoryGold is a gold story's testdata/stories/<story>/gold.json: its
// articles with their publication date and language, and the clusters of
// sentences that tell one happening. An anchor is an exact substring of its
// article; a cluster marked Disagree holds sources that give incompatible
// dates on purpose.
type StoryGold struct {
	Title    string `json:"title"`
	Articles []struct {
		File      string `json:"file"`
		Published string `json:"published"`
		Lang      string `json:"lang"`
	} `json:"articles"`
	Clusters []struct {
		ID       string `json:"id"`
		Disagree bool   `json:"disagree"`
		Anchors  []struct {
			File string `json:"file"`
			Text string `json:"text"`
		} `json:"anchors"`
	} `json:"clusters"`
}

// SaveGoldStory stores the articles of the gold story in dir, in
// publication order, in a new story called name, and returns the story, its
// gold and the extractions the store was given.
func SaveGoldStory(t testing.TB, s *store.Store, dir, name string) (*store.Story, StoryGold, []*claims.Extraction) {
	t.Helper()
	ctx := context.Background()
	var gold StoryGold
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
	return st, gold, exs
}
