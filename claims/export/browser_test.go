package export

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds the browser for browser tests. It skips the test when
// there is none, except in CI or when FACTLINE_BROWSER_TESTS=1, where a
// missing browser must fail rather than pass as a skip.
func chromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv("FACTLINE_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" || os.Getenv("FACTLINE_BROWSER_TESTS") == "1" {
			t.Fatalf("chromium not found at %s: browser tests are required here (install it: apt-get install chromium)", path)
		}
		t.Skipf("chromium not found at %s; set FACTLINE_BROWSER_TESTS=1 to require it", path)
	}
	return path
}

// timelinePage embeds a timeline the way a graphics desk does: the library's
// files, a div, and the export's URL.
const timelinePage = `<!doctype html>
<html><head><meta charset="utf-8"><title>factline export</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script>
</head><body>
<div id="timeline-embed" style="width: 1000px; height: 600px"></div>
<script src="/init.js"></script>
</body></html>`

// timelineInit turns off TimelineJS's web font, which it would fetch from a
// CDN and Google Fonts: the test, like an offline newsroom, uses no network
// beyond this server.
const timelineInit = `window.timeline = new TL.Timeline("timeline-embed", "/export.json", {font: null});`

// The TimelineJS export of the reference article loads into the real
// TimelineJS3 in Chromium without a console error, one slide per event plus
// the title.
func TestTimelineJSRendersInBrowser(t *testing.T) {
	bin := chromium(t)
	fx := newFixture(t)
	data := export(t, fx.s, TimelineJS, Options{})
	_, slides := readTimelineJS(t, data)

	mux := http.NewServeMux()
	mux.Handle("/tl/", http.StripPrefix("/tl/", http.FileServer(http.Dir("testdata/timelinejs"))))
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, timelinePage)
	})
	mux.HandleFunc("/init.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		fmt.Fprint(w, timelineInit)
	})
	mux.HandleFunc("/export.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", TimelineJS.ContentType())
		w.Write(data)
	})
	srv := httptest.NewServer(mux) // listens on 127.0.0.1
	defer srv.Close()

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1200, 800),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()

	// Subscribing starts the browser, on a context without a timeout as
	// chromedp asks; messages are collected while the page renders.
	watch, stopWatching := context.WithCancel(ctx)
	messages := chromedp.Console(watch)
	var problems []string
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				problems = append(problems, m.String()+" "+m.URL)
			}
		}
	}()

	run, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	err := chromedp.Do(run,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(".tl-slide-titleslide")),
		// Let the library finish its layout and load its icon font.
		chromedp.Sleep(time.Second),
	)
	if err != nil {
		t.Fatalf("rendering the timeline: %v", err)
	}
	slideCount, err := chromedp.Run(run, chromedp.Evaluate[int](`document.querySelectorAll(".tl-slide").length`))
	if err != nil {
		t.Fatal(err)
	}
	eventCount, err := chromedp.Run(run, chromedp.Evaluate[int](`window.timeline.config.events.length`))
	if err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(run, chromedp.Text(chromedp.CSS(".tl-slide-titleslide .tl-headline")))
	if err != nil {
		t.Fatal(err)
	}
	stopWatching()
	<-collected
	for _, p := range problems {
		t.Errorf("browser console: %s", p)
	}
	t.Logf("TimelineJS rendered %d slides for %d exported events", slideCount, len(slides))
	if eventCount != len(slides) || slideCount != len(slides)+1 {
		t.Errorf("TimelineJS made %d slides from %d events; want %d events and %d slides (one per event plus the title)",
			slideCount, eventCount, len(slides), len(slides)+1)
	}
	if strings.TrimSpace(title) == "" {
		t.Error("the title slide has no headline")
	}
}
