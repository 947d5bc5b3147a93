package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/factline/factline/claims/store"
)

// The story filter reaches the timeline API and the export: only the
// story's events, the story's title on the TimelineJS title slide, 404 for
// a story that does not exist and 422 for a name that cannot be one.
func TestStoryFilterOnTimelineAndExport(t *testing.T) {
	e := newEnv(t)
	first := e.seed()
	e.addText("Dividends", "LONDON - BP raised its dividend on Tuesday, 3 March 2020, the company said.")
	ctx := context.Background()
	title, about := "Kim's plenary", "The year-end meeting."
	st, err := e.store.CreateStory(ctx, "Plenary", store.StoryInput{Title: &title, Description: &about}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.AddStoryArticle(ctx, st.ID, first, store.JoinedByEditor, nil); err != nil {
		t.Fatal(err)
	}
	c := e.tokenClient()
	var all, story timelineResult
	c.get("/api/v1/timeline").decode(&all)
	c.get("/api/v1/timeline?story=plenary").decode(&story)
	if story.Total == 0 || story.Total >= all.Total {
		t.Fatalf("story timeline %d of %d events", story.Total, all.Total)
	}
	for _, ev := range story.Events {
		if strings.Contains(ev.Headline, "dividend") {
			t.Errorf("event outside the story: %q", ev.Headline)
		}
	}
	res := c.get("/api/v1/export?format=timelinejs&story=Plenary")
	var tl struct {
		Title struct {
			Text struct{ Headline, Text string } `json:"text"`
		} `json:"title"`
	}
	if err := json.Unmarshal([]byte(res.body), &tl); err != nil || res.status != http.StatusOK {
		t.Fatalf("export = %d %v", res.status, err)
	}
	if tl.Title.Text.Headline != "Kim&#39;s plenary" || tl.Title.Text.Text != "<p>The year-end meeting.</p>" {
		t.Errorf("title slide %+v", tl.Title.Text)
	}
	for path, want := range map[string]int{
		"/api/v1/export?format=json&story=MH370": http.StatusNotFound,
		"/api/v1/timeline?story=MH370":           http.StatusNotFound,
		"/api/v1/timeline?story=a%20b":           http.StatusUnprocessableEntity,
		"/api/v1/export?format=csv&story=-x":     http.StatusUnprocessableEntity,
	} {
		res := c.get(path)
		if res.status != want || res.apiErr().Message == "" {
			t.Errorf("GET %s = %d %s, want %d with a message", path, res.status, res.body, want)
		}
	}
}
