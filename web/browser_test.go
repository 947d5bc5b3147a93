package web

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
)

// chromium finds the browser for the browser tests. They skip only when
// nobody asked for them and no browser is installed; in CI or with
// FACTLINE_BROWSER_TESTS=1 a missing browser fails the run, so a broken
// setup cannot pass as a skip.
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("FACTLINE_CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("FACTLINE_BROWSER_TESTS") == "" && os.Getenv("CI") != "true" {
		t.Skip("chromium not installed: browser tests skipped (set FACTLINE_BROWSER_TESTS=1 to require them)")
	}
	t.Fatal("chromium is required (CI=true or FACTLINE_BROWSER_TESTS=1) but not installed: apt-get install -y chromium")
	return ""
}

// browser starts a headless Chromium with a fresh profile and returns a
// context for its first tab.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromium(t)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 900))
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// tab is one signed-in browser profile: its own cookies, and a record of
// every JavaScript dialog and uncaught exception, which must stay empty.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string
	mu   sync.Mutex
	bad  []string
}

func (e *env) tab(parent context.Context, role string) *tab {
	e.t.Helper()
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	e.t.Cleanup(cancel)
	tb := &tab{t: e.t, ctx: ctx, base: e.http.URL}
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			tb.note("dialog " + string(ev.Type) + ": " + ev.Message)
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	console := chromedp.Console(ctx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			// A page must work within its Content-Security-Policy, load
			// every file it names and log no error; the refusals the tests
			// provoke (403, 409, 422 answers) are not the page's.
			if m.Type == "exception" || m.Type == "error" && !provoked.MatchString(m.Text) ||
				strings.Contains(m.Text, "Refused to execute") || strings.Contains(m.Text, "Content Security Policy") {
				tb.note("console " + m.String())
			}
		}
	}()
	tb.do(chromedp.Navigate(tb.base+"/login"),
		chromedp.SetValue(chromedp.CSS(`input[name="username"]`), role),
		chromedp.SetValue(chromedp.CSS(`input[name="password"]`), testPassword),
		chromedp.Click(chromedp.CSS(`form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`nav[aria-label="Main"]`)))
	return tb
}

// provoked matches the console line of an answer a test asks for: a
// viewer's refused write, a stale edit, a validation error.
var provoked = regexp.MustCompile(`Failed to load resource: the server responded with a status of (403|409|422) `)

func (tb *tab) note(s string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.bad = append(tb.bad, s)
}

// clean fails the test if a dialog opened or a script failed.
func (tb *tab) clean() {
	tb.t.Helper()
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, b := range tb.bad {
		tb.t.Errorf("browser: %s", b)
	}
	tb.bad = nil
}

func (tb *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.t.Fatalf("browser: %v", err)
	}
}

func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// waitFor polls a JavaScript predicate until it holds.
func (tb *tab) waitFor(js string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(100*time.Millisecond))); err != nil {
		tb.t.Fatalf("waiting for %s: %v", js, err)
	}
}

// addArticleThroughForm fills the add-article form as an editor would.
func (tb *tab) addArticleThroughForm(title, text string) {
	tb.t.Helper()
	tb.do(chromedp.Navigate(tb.base+"/articles/new"),
		chromedp.SetValue(chromedp.CSS(`input[name="title"]`), title),
		chromedp.SetValue(chromedp.CSS(`input[name="publisher"]`), "ANTARA"),
		chromedp.SetValue(chromedp.CSS(`input[name="published"]`), "2019-12-30"),
		chromedp.SetValue(chromedp.CSS(`select[name="lang"]`), "id"),
		chromedp.SetValue(chromedp.CSS(`textarea[name="text"]`), text),
		chromedp.Click(chromedp.CSS(`#article-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#article-body`)))
}

// screenshot saves a PNG of the page where a person can look at it after
// the test, and logs its path.
func (tb *tab) screenshot(name string) {
	tb.t.Helper()
	dir, err := screenshotDir()
	if err != nil {
		tb.t.Fatal(err)
	}
	png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("screenshot: %s", path)
}

// screenshotDir is one directory per test run, outside t.TempDir so the
// images outlive the test: $FACTLINE_SCREENSHOT_DIR, or a new temporary one.
var screenshotDir = sync.OnceValues(func() (string, error) {
	if dir := os.Getenv("FACTLINE_SCREENSHOT_DIR"); dir != "" {
		return dir, os.MkdirAll(dir, 0o755)
	}
	return os.MkdirTemp("", "factline-screens-")
})

// drag presses the mouse on (x, y), moves it by dx in steps and releases,
// as a person dragging a timeline item does.
func drag(x, y, dx float64) chromedp.Action[chromedp.Void] {
	held := func(p *input.DispatchMouseEventParams) { p.Button, p.Buttons = input.MouseButtonLeft, 1 }
	steps := []chromedp.Action[chromedp.Void]{chromedp.MouseEvent(chromedp.MousePressed, x, y, held, chromedp.ClickCount(1))}
	for i := 1; i <= 10; i++ {
		steps = append(steps, chromedp.MouseEvent(chromedp.MouseMoved, x+dx*float64(i)/10, y, held), chromedp.Sleep(20*time.Millisecond))
	}
	steps = append(steps, chromedp.MouseEvent(chromedp.MouseReleased, x+dx, y, held, chromedp.ClickCount(1)))
	return chromedp.Steps(steps...)
}

// drawn selects sel inside the zoomable timeline once it has drawn its
// first view: moving the view before then races with that first draw.
func drawn(sel string) string { return `#timeline[data-ready="true"] ` + sel }

// itemBox returns the centre of a timeline item on the screen.
func itemBox(tb *tab, id int64) (x, y float64) {
	tb.t.Helper()
	r := eval[[]float64](tb, fmt.Sprintf(`(() => { const r = document.querySelector('.vis-item[data-id="%d"]').getBoundingClientRect();
		return [r.left + r.width / 2, r.top + r.height / 2]; })()`, id))
	return r[0], r[1]
}

func TestBrowserEditorFlow(t *testing.T) {
	root := browser(t)
	e := newEnv(t)
	text, err := os.ReadFile(referenceArticle)
	if err != nil {
		t.Fatal(err)
	}
	ed := e.tab(root, "editor")
	ed.addArticleThroughForm("Kim Jong Un serukan langkah ofensif", string(text))
	tips := eval[string](ed, `Array.from(document.querySelectorAll('#article-body .timex')).map(n => n.dataset.tip).join('\n')`)
	if !strings.Contains(tips, "2019-12-28") || !strings.Contains(tips, "publication date 2019-12-30") {
		t.Errorf("article dates do not explain themselves:\n%s", tips)
	}
	if n := eval[int](ed, `document.querySelectorAll('#article-body .claim-ref').length`); n == 0 {
		t.Error("no claims highlighted")
	}
	ed.do(chromedp.Focus(chromedp.CSS(`#article-body .timex`)))
	ed.screenshot("article")

	evs, _, err := e.store.Timeline(t.Context(), filter.Filter{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var plenary store.TimelineEvent
	for _, ev := range evs {
		if ev.Value == "2019-12-28" {
			plenary = ev
			break
		}
	}
	if plenary.ID == 0 {
		t.Fatal("no 2019-12-28 event stored")
	}

	// Find the plenary on the timeline, zoom to the week, drag it five days on.
	item := fmt.Sprintf(`.vis-item[data-id="%d"]`, plenary.ID)
	ed.do(chromedp.Navigate(ed.base+"/timeline"), chromedp.WaitVisible(chromedp.CSS(drawn(item))))
	eval[chromedp.Void](ed, `document.getElementById('timeline').timeline.setWindow(new Date('2019-12-22'), new Date('2020-01-08'), {animation: false})`)
	ed.do(chromedp.Sleep(300 * time.Millisecond))
	ed.screenshot("timeline-editor")
	if n := eval[int](ed, `document.querySelectorAll('.vis-item.vis-range').length`); n == 0 {
		t.Error("no imprecise date is drawn as a range")
	}
	x, y := itemBox(ed, plenary.ID)
	dx := eval[float64](ed, `(() => { const u = document.getElementById('timeline').timeline.body.util;
		return u.toScreen(new Date('2020-01-02T12:00:00Z')) - u.toScreen(new Date('2019-12-28T12:00:00Z')); })()`)
	ed.do(chromedp.MouseClickXY(x, y), chromedp.Sleep(200*time.Millisecond), drag(x, y, dx))
	ed.waitFor(`document.getElementById('timeline-status').textContent.startsWith('Saved')`)
	moved, err := e.store.EventByID(t.Context(), plenary.ID)
	if err != nil {
		t.Fatal(err)
	}
	if moved.Value <= "2019-12-28" || moved.Version != plenary.Version+1 {
		t.Fatalf("after the drag the event is %s, version %d", moved.Value, moved.Version)
	}
	t.Logf("dragged 2019-12-28 to %s", moved.Value)
	ed.screenshot("timeline-after-drag")

	// Then edit it in the form back to the 28th and see both in the history.
	ed.do(chromedp.Navigate(fmt.Sprintf("%s/events/%d", ed.base, plenary.ID)),
		chromedp.SetValue(chromedp.CSS(`#event-form input[name="value"]`), "2019-12-28"),
		chromedp.SetValue(chromedp.CSS(`#event-form input[name="headline"]`), "Kim opens the party plenary"),
		chromedp.Click(chromedp.CSS(`#event-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	history := eval[string](ed, `document.querySelector('.history').innerText`)
	for _, want := range []string{"2019-12-28", moved.Value, "editor", "Kim opens the party plenary"} {
		if !strings.Contains(history, want) {
			t.Errorf("history lacks %q:\n%s", want, history)
		}
	}
	ed.screenshot("event")

	// Review claims from the keyboard: j focuses the first, v verifies it.
	ed.do(chromedp.Navigate(ed.base+"/review"), chromedp.WaitVisible(chromedp.CSS(`.review-item`)),
		chromedp.KeyEvent("j"), chromedp.KeyEvent("v"))
	ed.waitFor(`document.getElementById('review-status').textContent.includes('is now verified')`)
	claimID := eval[string](ed, `document.querySelector('.review-item').dataset.claim`)
	var id int64
	fmt.Sscan(claimID, &id)
	if c, err := e.store.ClaimByID(t.Context(), id); err != nil || c.Status != "verified" {
		t.Errorf("claim %s after pressing v: %+v %v", claimID, c, err)
	}
	// f on the next claim asks why before it saves: the cursor goes to the
	// rationale, and Enter there saves "false" with it as evidence.
	next := eval[string](ed, `document.activeElement.dataset.claim`)
	ed.do(chromedp.KeyEvent("f"))
	ed.waitFor(`document.activeElement.classList.contains('rationale') && document.getElementById('review-status').textContent.startsWith('Say why')`)
	ed.do(chromedp.SendKeys(chromedp.CSS(`.review-item[data-claim="`+next+`"] .rationale`), "KCNA later corrected the date"), chromedp.KeyEvent("\r"))
	ed.waitFor(`document.getElementById('review-status').textContent.includes('is now false')`)
	fmt.Sscan(next, &id)
	if c, err := e.store.ClaimByID(t.Context(), id); err != nil || c.Status != "false" {
		t.Errorf("claim %s after f and a rationale: %+v %v", next, c, err)
	}
	if ev, _ := e.store.Evidence(t.Context(), id); len(ev) != 1 || ev[0].Note != "KCNA later corrected the date" {
		t.Errorf("claim %s's evidence after the verdict: %+v", next, ev)
	}
	ed.screenshot("review")

	// The zoomable timeline works from the keyboard: n selects an event,
	// Enter opens it.
	ed.do(chromedp.Navigate(ed.base+"/timeline"), chromedp.WaitVisible(chromedp.CSS(drawn(`.vis-item`))),
		chromedp.Focus(chromedp.CSS(`#timeline`)), chromedp.KeyEvent("+"), chromedp.KeyEvent("n"), chromedp.KeyEvent("n"))
	ed.waitFor(`!document.getElementById('event-panel').hidden`)
	ed.do(chromedp.KeyEvent("\r"), chromedp.WaitVisible(chromedp.CSS(`.history`)))
	if loc := eval[string](ed, `location.pathname`); !strings.HasPrefix(loc, "/events/") {
		t.Errorf("Enter on the timeline went to %s", loc)
	}

	// Lanes: grouped by speaker, the timeline draws one row per speaker.
	ed.do(chromedp.Navigate(ed.base+"/timeline?group=speaker"), chromedp.WaitVisible(chromedp.CSS(drawn(`.vis-item`))))
	if n := eval[int](ed, `document.querySelectorAll('.vis-label').length`); n < 2 {
		t.Errorf("grouped by speaker: %d lanes", n)
	}
	ed.clean()
}

func TestBrowserViewerCannotEdit(t *testing.T) {
	root := browser(t)
	e := newEnv(t)
	e.seed()
	var plenary store.TimelineEvent
	evs, _, _ := e.store.Timeline(t.Context(), filter.Filter{}, 0)
	for _, ev := range evs {
		if ev.Value == "2019-12-28" {
			plenary = ev
		}
	}
	v := e.tab(root, "viewer")
	item := fmt.Sprintf(`.vis-item[data-id="%d"]`, plenary.ID)
	v.do(chromedp.Navigate(v.base+"/timeline"), chromedp.WaitVisible(chromedp.CSS(drawn(item))))
	eval[chromedp.Void](v, `document.getElementById('timeline').timeline.setWindow(new Date('2019-12-22'), new Date('2020-01-08'), {animation: false})`)
	v.do(chromedp.Sleep(300 * time.Millisecond))
	x, y := itemBox(v, plenary.ID)
	v.do(chromedp.MouseClickXY(x, y), drag(x, y, 150), chromedp.Sleep(500*time.Millisecond))
	if got, _ := e.store.EventByID(t.Context(), plenary.ID); got.Version != plenary.Version {
		t.Errorf("a viewer's drag changed the event to %s", got.Value)
	}
	status := eval[int](v, fmt.Sprintf(`factline.api('PATCH', '/api/v1/events/%d', {version: %d, value: '2020-01-01'}).then(r => r.status)`, plenary.ID, plenary.Version))
	if status != 403 {
		t.Errorf("a viewer's PATCH from the page = %d, want 403", status)
	}
	v.do(chromedp.Navigate(fmt.Sprintf("%s/events/%d", v.base, plenary.ID)), chromedp.WaitVisible(chromedp.CSS(`.history`)))
	if n := eval[int](v, `document.querySelectorAll('#event-form, form[action$="/split"] button, .history button').length`); n != 0 {
		t.Errorf("a viewer sees %d edit controls", n)
	}
	// On a phone the list view reads without sideways scrolling.
	v.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(v.base+"/timeline/list"),
		chromedp.WaitVisible(chromedp.CSS(`.timeline-list`)))
	if w := eval[int](v, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the list view is %dpx wide on a 390px phone", w)
	}
	v.screenshot("list-phone")
	v.clean()
}

func TestBrowserHostileArticleRunsNothing(t *testing.T) {
	root := browser(t)
	e := newEnv(t)
	ed := e.tab(root, "editor")
	hostile := "Pada Senin (30/12) juru bicara itu mengatakan <script>alert(1)</script> bahwa rapat ditunda.\n\n" +
		`Kata dia pada Sabtu (28/12): "><img src=x onerror=alert(1)> adalah jawaban kami, ujar Kim.`
	ed.addArticleThroughForm(`<img src=x onerror=alert(2)> judul`, hostile)
	body := eval[string](ed, `document.getElementById('article-body').innerText`)
	for _, want := range []string{"<script>alert(1)</script>", `"><img src=x onerror=alert(1)>`} {
		if !strings.Contains(body, want) {
			t.Errorf("article text does not show %q as text:\n%s", want, body)
		}
	}
	if n := eval[int](ed, `document.querySelectorAll('main img, main script').length`); n != 0 {
		t.Errorf("%d injected elements in the page", n)
	}
	ed.do(chromedp.Navigate(ed.base+"/timeline"), chromedp.WaitVisible(chromedp.CSS(drawn(`.vis-item`))), chromedp.Sleep(300*time.Millisecond))
	if n := eval[int](ed, `document.querySelectorAll('#timeline img, #timeline script').length`); n != 0 {
		t.Errorf("%d injected elements in the timeline", n)
	}
	ed.do(chromedp.Navigate(ed.base+"/timeline/list"), chromedp.Navigate(ed.base+"/review"), chromedp.Sleep(500*time.Millisecond))
	ed.clean()
}
