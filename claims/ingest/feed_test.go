package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

// feedServer serves an RSS feed of three items on loopback: two article
// pages and a link that answers 404.
func feedServer(t *testing.T, format string) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	var srv *httptest.Server
	pages := map[string]string{
		"/a": "<html><head><title>Page title A</title></head><body><article><p>MAKASSAR - Kapal motor Sinar Bahari 7 hilang kontak di perairan Selayar pada Selasa (4/3/2025) pukul 02.15 Wita, kata Basarnas.</p></article></body></html>",
		"/b": "<html><head><title>Page title B</title></head><body><article><p>MAKASSAR - Tim SAR menemukan 12 penumpang KM Sinar Bahari 7 dalam keadaan selamat pada Rabu (5/3/2025).</p></article></body></html>",
	}
	for path, body := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body)
		})
	}
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		base := srv.URL
		switch format {
		case "atom":
			w.Header().Set("Content-Type", "application/atom+xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Selayar desk</title>
<entry><title>Kapal hilang kontak</title><link href="%[1]s/a"/><updated>2025-03-04T08:00:00+08:00</updated><id>a</id></entry>
<entry><title>Penumpang selamat</title><link href="%[1]s/b"/><updated>2025-03-05T09:00:00+08:00</updated><id>b</id></entry>
<entry><title>Gone</title><link href="%[1]s/missing"/><updated>2025-03-06T09:00:00+08:00</updated><id>c</id></entry></feed>`, base)
		default:
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Selayar desk</title>
<item><title>Kapal hilang kontak</title><link>%[1]s/a</link><pubDate>Tue, 04 Mar 2025 08:00:00 +0800</pubDate></item>
<item><title>Penumpang selamat</title><link>%[1]s/b</link><pubDate>Wed, 05 Mar 2025 09:00:00 +0800</pubDate></item>
<item><title>Gone</title><link>%[1]s/missing</link></item></channel></rss>`, base)
		}
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "this is no feed") })
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// A followed feed's new items become the story's articles with the item's
// own title, link and date; an item is read once; what fails is recorded
// on the feed.
func TestReadFeed(t *testing.T) {
	for _, format := range []string{"rss", "atom"} {
		t.Run(format, func(t *testing.T) { testReadFeed(t, format) })
	}
}

func testReadFeed(t *testing.T, format string) {
	ctx := context.Background()
	srv := feedServer(t, format)
	s := storetest.SQLite(t)
	st, err := s.CreateStory(ctx, "SB7", store.StoryInput{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.FollowFeed(ctx, st.ID, srv.URL+"/feed", nil)
	if err != nil {
		t.Fatal(err)
	}
	in := &Ingester{Store: s, Fetcher: &Fetcher{Client: srv.Client()}}
	out := in.ReadFeed(ctx, *f)
	if out.Title != "Selayar desk" || out.Items != 3 || out.Added != 2 || len(out.Failures) != 1 || !strings.Contains(out.Failures[0], "/missing") {
		t.Fatalf("first read = %+v", out)
	}
	arts, err := s.StoryArticles(ctx, st.ID)
	if err != nil || len(arts) != 2 {
		t.Fatalf("story articles %d, %v", len(arts), err)
	}
	if arts[0].Title != "Kapal hilang kontak" || arts[0].URL != srv.URL+"/a" || arts[0].Published != "2025-03-04" || arts[0].PublishedInferred {
		t.Errorf("first item stored as %+v: want the item's title, link and date", arts[0])
	}
	feeds, _ := s.StoryFeeds(ctx, st.ID)
	if feeds[0].LastReadAt == nil || feeds[0].Title != "Selayar desk" || feeds[0].ItemsAdded != 2 || !strings.Contains(feeds[0].LastError, "404") {
		t.Errorf("feed record %+v", feeds[0])
	}
	// Read again: every item was read, nothing new.
	again := in.ReadFeed(ctx, *f)
	if again.Items != 0 || again.Added != 0 || len(again.Failures) != 0 {
		t.Errorf("second read = %+v, want nothing new", again)
	}
	if feeds, _ := s.StoryFeeds(ctx, st.ID); feeds[0].LastError != "" || feeds[0].ItemsAdded != 2 {
		t.Errorf("after a clean read the feed says %+v", feeds[0])
	}
	// The same articles through another story's feed join that story
	// without being stored twice.
	other, _ := s.CreateStory(ctx, "Selayar", store.StoryInput{}, nil)
	f2, _ := s.FollowFeed(ctx, other.ID, srv.URL+"/feed", nil)
	o2 := in.ReadFeed(ctx, *f2)
	if o2.Added != 0 || o2.Joined != 2 {
		t.Errorf("second story's read = %+v, want the two stored articles joined", o2)
	}
	if _, total, _ := s.Articles(ctx, store.ArticleFilter{}); total != 2 {
		t.Errorf("%d articles stored, want 2", total)
	}
	// A feed that is no feed fails with a message on its record.
	bad, _ := s.FollowFeed(ctx, st.ID, srv.URL+"/broken", nil)
	if o := in.ReadFeed(ctx, *bad); len(o.Failures) != 1 || !strings.Contains(o.Failures[0], "read feed") {
		t.Errorf("broken feed = %+v", o)
	}
	if err := in.ReadAllFeeds(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if evs, _, _ := s.Timeline(ctx, filter.Filter{Story: "SB7"}, 0); len(evs) == 0 {
		t.Error("the story's timeline is empty after its feed was read")
	}
}

// The feed's address guard is the URL ingest's: with the default fetcher a
// feed on loopback is refused before any request leaves.
func TestReadFeedGuarded(t *testing.T) {
	ctx := context.Background()
	s := storetest.SQLite(t)
	st, _ := s.CreateStory(ctx, "SB7", store.StoryInput{}, nil)
	f, err := s.FollowFeed(ctx, st.ID, "http://127.0.0.1:9/feed", nil)
	if err != nil {
		t.Fatal(err)
	}
	d := &recordingDialer{}
	o := (&Ingester{Store: s, Fetcher: d.fetcher(false)}).ReadFeed(ctx, *f)
	if len(o.Failures) != 1 || !strings.Contains(o.Failures[0], "not a public address") || len(d.asked) != 0 {
		t.Errorf("loopback feed = %+v, dialled %v; want it refused before dialling", o, d.asked)
	}
	if _, err := s.FollowFeed(ctx, st.ID, "ftp://example.org/feed", nil); err == nil {
		t.Error("an ftp feed was followed")
	}
}
