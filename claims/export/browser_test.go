package export

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
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

// timelineJSPage is an export rendered by the real TimelineJS3 in Chromium.
type timelineJSPage struct {
	ctx context.Context
	// problems are the console errors and exceptions seen while rendering.
	problems []string
	// dialogs are the alert, confirm and prompt dialogs the page opened.
	dialogs []string
}

// renderTimelineJS serves an export beside TimelineJS on 127.0.0.1 and
// renders it in Chromium, returning once the title slide is visible and the
// library has finished its layout.
func renderTimelineJS(t *testing.T, data []byte) *timelineJSPage {
	t.Helper()
	bin := chromium(t)
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
	t.Cleanup(srv.Close)

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1200, 800),
	}
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)

	// The browser starts on a context without a timeout, as chromedp asks,
	// and lives as long as it; messages are collected while the page
	// renders.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	p := &timelineJSPage{}
	watch, stopWatching := context.WithCancel(ctx)
	messages := chromedp.Console(watch)
	var mu sync.Mutex
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				mu.Lock()
				p.problems = append(p.problems, m.String()+" "+m.URL)
				mu.Unlock()
			}
		}
	}()
	// A dialog is recorded and dismissed, so a page that opens one still
	// finishes rendering.
	dialogs := chromedp.Events(watch, page.JavascriptDialogOpening)
	handled := make(chan struct{})
	go func() {
		defer close(handled)
		for d, err := range dialogs {
			if err != nil {
				return
			}
			mu.Lock()
			p.dialogs = append(p.dialogs, string(d.Type)+": "+d.Message)
			mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
		}
	}()

	run, cancel := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel)
	err := chromedp.Do(run,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(".tl-slide-titleslide")),
		// Let the library finish its layout, load its icon font, and any
		// injected image fail.
		chromedp.Sleep(time.Second),
	)
	if err != nil {
		t.Fatalf("rendering the timeline: %v", err)
	}
	stopWatching()
	<-collected
	<-handled
	p.ctx = run
	return p
}

// eval evaluates a JavaScript expression on the page, failing the test on
// error.
func eval[T any](t *testing.T, p *timelineJSPage, expr string) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// The TimelineJS export of the reference article loads into the real
// TimelineJS3 in Chromium without a console error, one slide per event plus
// the title.
func TestTimelineJSRendersInBrowser(t *testing.T) {
	fx := newFixture(t)
	data := export(t, fx.s, TimelineJS, Options{})
	_, slides := readTimelineJS(t, data)
	p := renderTimelineJS(t, data)
	slideCount := eval[int](t, p, `document.querySelectorAll(".tl-slide").length`)
	eventCount := eval[int](t, p, `window.timeline.config.events.length`)
	title := eval[string](t, p, `document.querySelector(".tl-slide-titleslide .tl-headline").textContent`)
	for _, pr := range p.problems {
		t.Errorf("browser console: %s", pr)
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

// hostileStrings are what an article or an editor could put in any text
// TimelineJS shows: markup, markup that closes an attribute, the same as
// entities (which TimelineJS decodes in some fields), a javascript: link
// and a "www." run its autolinker would wrap in a single-quoted href. Each
// one that runs calls alert with its own number.
var hostileStrings = []string{
	`<img src=x onerror=alert(1)>`,
	`<script>alert(2)</script>`,
	`"><svg onload=alert(3)>`,
	`&lt;img src=x onerror=alert(4)&gt;`,
	`&#60;svg onload=alert(5)&#62;`,
	`javascript:alert(6)`,
	`see www.x.example/'onmouseover='alert(7)'style='display:block;position:fixed;inset:0'x`,
	`'><iframe src="javascript:alert(8)"></iframe>`,
}

// An event whose every text field and tag, and the title slide, hold
// hostile strings renders in the real TimelineJS with no element or
// attribute injected and no dialog, each string shown as its text.
func TestTimelineJSHostileStringsInBrowser(t *testing.T) {
	s, art := loadReference(t)
	hostile := strings.Join(hostileStrings, " ")
	exec(t, s, "UPDATE articles SET title = ?, publisher = ?, url = ? WHERE id = ?", hostile, hostile, "javascript:alert(9)", art)
	sentence := "Sentence: " + hostile
	ev := addEvent(t, s, art, "2019-12-28", "", "happened", hostile, sentence, 0)
	exec(t, s, "UPDATE events SET description = ? WHERE id = ?", hostile, ev)
	// One event per hostile tag: only an event's first tag is its group.
	groups := map[string]bool{}
	for i, tag := range hostileStrings {
		id := ev
		if i > 0 {
			id = addEvent(t, s, art, fmt.Sprintf("2019-12-%02d", 1+i), "", "happened", "Tagged "+tag, "Tagged.", 0)
		}
		exec(t, s, "INSERT INTO event_tags (event_id, tag) VALUES (?, ?)", id, tag)
		groups[tag] = true
	}
	// An attacker who hoped a second article would add a web link gets none
	// either: the autolinker is off and only http(s) URLs are linked.
	data := export(t, s, TimelineJS, Options{Title: hostile})
	p := renderTimelineJS(t, data)

	for _, d := range p.dialogs {
		t.Errorf("the page opened a dialog: %s", d)
	}
	// Nothing TimelineJS draws for these slides is an image, script, SVG,
	// frame or object, no element has an event-handler attribute, and every
	// link is a web link.
	injected := eval[[]string](t, p, `Array.from(document.querySelectorAll("#timeline-embed *")).flatMap(el => {
		const found = [];
		if (/^(img|script|svg|iframe|object|embed|style|link|form|input|video|audio)$/i.test(el.tagName)) found.push("<" + el.tagName.toLowerCase() + ">");
		for (const a of el.attributes) {
			if (/^on/i.test(a.name)) found.push(el.tagName.toLowerCase() + " " + a.name + "=" + a.value);
			if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && !/^(https?:|#)/i.test(a.value.trim())) found.push(el.tagName.toLowerCase() + " " + a.name + "=" + a.value);
		}
		return found;
	})`)
	for _, e := range injected {
		t.Errorf("injected into the page: %s", e)
	}
	// Each string is shown as exactly its text: neither markup nor a
	// visible entity.
	headlines := eval[[]string](t, p, `Array.from(document.querySelectorAll(".tl-slide .tl-headline")).map(el => el.textContent)`)
	if !slices.Contains(headlines, hostile) {
		t.Errorf("no slide headline reads the hostile headline as text; headlines: %q", headlines)
	}
	texts := eval[[]string](t, p, `Array.from(document.querySelectorAll(".tl-slide .tl-text-content")).map(el => el.textContent)`)
	if !slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, hostile) && strings.Contains(s, sentence) }) {
		t.Errorf("none of %d slide texts reads the hostile description and sentence as text", len(texts))
	}
	labels := eval[[]string](t, p, `Array.from(document.querySelectorAll(".tl-timegroup-message")).map(el => el.textContent)`)
	for _, l := range labels {
		delete(groups, l)
	}
	for g := range groups {
		t.Errorf("no group label reads %q; labels: %q", g, labels)
	}
	markers := eval[[]string](t, p, `Array.from(document.querySelectorAll(".tl-timemarker-text .tl-headline")).map(el => el.textContent)`)
	if !slices.Contains(markers, hostile) {
		t.Errorf("no time marker reads the hostile headline as text; markers: %q", markers)
	}
}
