package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
)

// ingest --story creates the story once and puts every article in it, an
// article stored before included; export --story reads only the story.
func TestIngestIntoStory(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "f.db")
	if code, _, errOut := runCLI(t, "", "migrate", "--db", db); code != exitOK {
		t.Fatalf("migrate: %q", errOut)
	}
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.txt", "JAKARTA, KOMPAS.com - Pesawat AirAsia QZ8501 hilang kontak pada Minggu (28/12/2014) pukul 06.17 WIB, kata Basarnas.")
	b := write("b.txt", "JAKARTA, KOMPAS.com - Basarnas menemukan serpihan pesawat QZ8501 pada Selasa (30/12/2014), kata juru bicara.")
	other := write("c.txt", "LONDON - BP raised its dividend on Tuesday, 3 March 2020, the company said.")
	if code, out, errOut := runCLI(t, "", "ingest", "--db", db, other); code != exitOK {
		t.Fatalf("ingest: %d %q %q", code, out, errOut)
	}
	code, out, errOut := runCLI(t, "", "ingest", "--db", db, "--story", "QZ8501", "--published", "2014-12-30", a, b)
	if code != exitOK || !strings.Contains(out, "story QZ8501 created") || !strings.Contains(out, "2 stored") {
		t.Fatalf("ingest --story: %d %q %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "", "ingest", "--db", db, "--story", "qz8501", a, other)
	if code != exitOK || strings.Contains(out, "created") || !strings.Contains(out, "2 already there") {
		t.Fatalf("second ingest --story: %d %q %q", code, out, errOut)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	st, err := s.StoryByName(ctx, "QZ8501")
	if err != nil {
		t.Fatal(err)
	}
	arts, err := s.StoryArticles(ctx, st.ID)
	if err != nil || len(arts) != 3 {
		t.Fatalf("story articles %+v, %v; want the two new ones and the one stored before", arts, err)
	}
	evs, _, err := s.Timeline(ctx, filter.Filter{Story: "QZ8501"}, 0)
	if err != nil || len(evs) == 0 {
		t.Fatalf("story timeline: %d events, %v", len(evs), err)
	}
	code, out, errOut = runCLI(t, "", "export", "--db", db, "--format", "timelinejs", "--story", "QZ8501")
	if code != exitOK || !strings.Contains(out, `"headline":"QZ8501"`) {
		t.Fatalf("export --story: %d %.300q %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "", "export", "--db", db, "--format", "json", "--story", "MH370"); code != exitFail || !strings.Contains(errOut, `no story named "MH370"`) {
		t.Errorf("export of an unknown story: %d %q", code, errOut)
	}
}

// ingest --story NAME --feed URL follows the feed and reads its items into
// the story; a second run reads nothing twice.
func TestIngestFeed(t *testing.T) {
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
<item><title>Kapal hilang kontak</title><link>%s/a</link><pubDate>Tue, 04 Mar 2025 08:00:00 +0800</pubDate></item></channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, "MAKASSAR - Kapal motor Sinar Bahari 7 hilang kontak di perairan Selayar pada Selasa (4/3/2025) pukul 02.15 Wita.")
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "f.db")
	if code, _, errOut := runCLI(t, "", "migrate", "--db", db); code != exitOK {
		t.Fatalf("migrate: %q", errOut)
	}
	if code, _, errOut := runCLI(t, "", "ingest", "--db", db, "--feed", srv.URL+"/feed"); code != exitUsage || !strings.Contains(errOut, "--feed needs --story") {
		t.Errorf("--feed without --story: %d %q", code, errOut)
	}
	// Loopback is refused unless allowed, like any URL.
	if code, _, errOut := runCLI(t, "", "ingest", "--db", db, "--story", "SB7", "--feed", srv.URL+"/feed"); code != exitFail || !strings.Contains(errOut, "not a public") {
		t.Errorf("feed on loopback without --allow-private: %d %q", code, errOut)
	}
	code, out, errOut := runCLI(t, "", "ingest", "--db", db, "--allow-private", "--story", "SB7", "--feed", srv.URL+"/feed")
	if code != exitOK || !strings.Contains(out, "1 new items, 1 stored") {
		t.Fatalf("ingest --feed: %d %q %q", code, out, errOut)
	}
	code, out, _ = runCLI(t, "", "ingest", "--db", db, "--allow-private", "--story", "SB7", "--feed", srv.URL+"/feed")
	if code != exitOK || !strings.Contains(out, "0 new items") {
		t.Errorf("second ingest --feed: %d %q", code, out)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, _ := s.StoryByName(context.Background(), "SB7")
	arts, _ := s.StoryArticles(context.Background(), st.ID)
	if len(arts) != 1 || arts[0].Title != "Kapal hilang kontak" || arts[0].Published != "2025-03-04" {
		t.Errorf("story articles %+v", arts)
	}
	if code, _, errOut := runCLI(t, "", "serve", "--db", db, "--feed-interval", "5s"); code != exitUsage || !strings.Contains(errOut, "feed-interval") {
		t.Errorf("serve --feed-interval 5s: %d %q", code, errOut)
	}
}
