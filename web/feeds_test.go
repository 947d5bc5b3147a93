package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store"
)

// An editor makes a story follow a feed from its page: the feed is read at
// once through the server's fetcher, and the page says when it was read,
// what it added and what failed. The API follows and unfollows too.
func TestStoryFollowsFeed(t *testing.T) {
	mux := http.NewServeMux()
	var origin *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Selayar desk</title>
<item><title>Kapal hilang kontak</title><link>%[1]s/a</link><pubDate>Tue, 04 Mar 2025 08:00:00 +0800</pubDate></item>
<item><title>Gone</title><link>%[1]s/gone</link></item></channel></rss>`, origin.URL)
	})
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "MAKASSAR - Kapal motor Sinar Bahari 7 hilang kontak di perairan Selayar pada Selasa (4/3/2025) pukul 02.15 Wita.")
	})
	origin = httptest.NewServer(mux)
	defer origin.Close()
	e := newEnv(t)
	e.srv.fetcher = &ingest.Fetcher{Client: origin.Client()}
	if _, err := e.store.CreateStory(context.Background(), "SB7", store.StoryInput{}, nil); err != nil {
		t.Fatal(err)
	}
	ed := e.as("editor")
	csrf := ed.get("/stories/SB7").csrf()
	res := ed.form("POST", "/stories/SB7/feeds", url.Values{"csrf_token": {csrf}, "url": {origin.URL + "/feed"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("follow = %d %.300s", res.status, res.body)
	}
	page := ed.get("/stories/SB7")
	if !strings.Contains(page.body, "Selayar desk") || !strings.Contains(page.body, "/gone") || !strings.Contains(page.body, "404") ||
		strings.Contains(page.body, ">never<") || !strings.Contains(page.body, "Kapal hilang kontak") {
		t.Errorf("the story page does not show the feed's title, its last read, its failure and the article it added")
	}
	for body, want := range map[string]int{
		`{"url": "` + origin.URL + `/feed"}`: http.StatusConflict,
		`{"url": "file:///etc/passwd"}`:      http.StatusUnprocessableEntity,
		`{"address": "x"}`:                   http.StatusBadRequest,
	} {
		if res := ed.do("POST", "/api/v1/stories/SB7/feeds", strings.NewReader(body), "application/json"); res.status != want || res.apiErr().Message == "" {
			t.Errorf("POST feeds %s = %d %s, want %d", body, res.status, res.body, want)
		}
	}
	var d storyData
	e.tokenClient().get("/api/v1/stories/SB7").decode(&d)
	if len(d.Feeds) != 1 || d.Feeds[0].LastReadAt == nil || d.Feeds[0].ItemsAdded != 1 || len(d.Articles) != 1 {
		t.Fatalf("story API: feeds %+v, %d articles", d.Feeds, len(d.Articles))
	}
	if res := ed.do("DELETE", "/api/v1/stories/SB7/feeds/"+itoa(d.Feeds[0].ID), nil, ""); res.status != http.StatusNoContent {
		t.Fatalf("unfollow = %d %s", res.status, res.body)
	}
	if res := ed.do("DELETE", "/api/v1/stories/SB7/feeds/"+itoa(d.Feeds[0].ID), nil, ""); res.status != http.StatusNotFound {
		t.Errorf("unfollow twice = %d, want 404", res.status)
	}
}
