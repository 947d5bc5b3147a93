package web

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// An editor's whole story flow in Chromium: create a story, add four
// articles to it through the form (the fourth brings a proposal), accept a proposal, undo an automatic
// link, see and resolve a disagreement, and export the story to TimelineJS
// under its own title.
func TestBrowserStoryFlow(t *testing.T) {
	root := browser(t)
	e := newEnv(t)
	ed := e.tab(root, "editor")
	ed.do(chromedp.Navigate(ed.base+"/stories"),
		chromedp.SetValue(chromedp.CSS(`#story-new input[name="name"]`), "SB7"),
		chromedp.SetValue(chromedp.CSS(`#story-new input[name="title"]`), "KM Sinar Bahari 7"),
		chromedp.SetValue(chromedp.CSS(`#story-new textarea[name="description"]`), "The ferry lost off Selayar, told day by day."),
		chromedp.Click(chromedp.CSS(`#story-new button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#story-add-article`)))
	if h := eval[string](ed, `document.querySelector('h1').textContent`); h != "KM Sinar Bahari 7" {
		t.Fatalf("story page heading %q", h)
	}

	for _, a := range goldArticles(t)[:4] {
		text, err := os.ReadFile(filepath.Join(goldStory, a.File))
		if err != nil {
			t.Fatal(err)
		}
		ed.do(chromedp.Navigate(ed.base+"/stories/SB7"),
			chromedp.Click(chromedp.CSS(`a[href="/articles/new?story=SB7"]`)),
			chromedp.WaitVisible(chromedp.CSS(`#article-form`)),
			chromedp.SetValue(chromedp.CSS(`input[name="published"]`), a.Published),
			chromedp.SetValue(chromedp.CSS(`select[name="lang"]`), a.Lang),
			chromedp.SetValue(chromedp.CSS(`textarea[name="text"]`), string(text)),
			chromedp.Click(chromedp.CSS(`#article-form button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(`#article-body`)))
		if got := eval[string](ed, `document.getElementById('article-stories').textContent`); !strings.Contains(got, "SB7") {
			t.Fatalf("article %s is not in the story: %q", a.File, got)
		}
	}
	ed.do(chromedp.Navigate(ed.base+"/stories/SB7"), chromedp.WaitVisible(chromedp.CSS(`#review`)))
	if n := eval[int](ed, `document.querySelectorAll('#story-articles tbody tr').length`); n != 4 {
		t.Fatalf("story page lists %d articles, want 4", n)
	}
	ed.screenshot("story-review")

	// Accept the first proposal with its own button.
	if n := eval[int](ed, `document.querySelectorAll('#proposals button[name="accept"]').length`); n == 0 {
		t.Fatal("no proposal to accept")
	}
	// The story's page comes back saying what was done.
	ed.do(chromedp.Click(chromedp.CSS(`#proposals button[name="accept"]`)), chromedp.WaitVisible(chromedp.CSS(`p.flash`)))
	if msg := eval[string](ed, `document.querySelector('p.flash').textContent`); msg != "1 links accepted." {
		t.Errorf("after accepting: %q", msg)
	}

	// Undo an automatic link whose event is not the one in disagreement.
	undo := `(() => { const dis = new Set(Array.from(document.querySelectorAll('#disagreements a')).map(a => a.getAttribute('href')));
		for (const li of document.querySelectorAll('#linked li')) {
			if (!li.textContent.includes('linked:')) continue;
			if (dis.has(li.querySelector('a').getAttribute('href'))) continue;
			return li.querySelector('button[value="undo"]') ? Array.from(document.querySelectorAll('#linked li')).indexOf(li) + 1 : 0;
		}
		return 0; })()`
	row := eval[int](ed, undo)
	if row == 0 {
		t.Fatal("no automatic link to undo outside the disagreement")
	}
	before := eval[int](ed, `document.querySelectorAll('#linked li').length`)
	// The old page's message goes, so the one waited for is the new page's.
	eval[chromedp.Void](ed, `document.querySelectorAll('p.flash').forEach(p => p.remove())`)
	ed.do(chromedp.Click(chromedp.CSS(`#linked li:nth-child(`+itoa(int64(row))+`) button[value="undo"]`)), chromedp.WaitVisible(chromedp.CSS(`p.flash`)))
	if msg := eval[string](ed, `document.querySelector('p.flash').textContent`); msg != "1 links undone." {
		t.Errorf("after undoing: %q", msg)
	}
	if after := eval[int](ed, `document.querySelectorAll('#linked li').length`); after != before-1 {
		t.Errorf("%d links after the undo, want %d", after, before-1)
	}

	// The zoomable timeline marks the disagreeing event: a class, a sign
	// and words for a screen reader; its panel points to the two sides.
	dis := eval[string](ed, `document.querySelector('#disagreements a').getAttribute('href')`)
	item := `.vis-item[data-id="` + strings.TrimPrefix(dis, "/events/") + `"]`
	ed.do(chromedp.Navigate(ed.base+"/timeline?story=SB7"), chromedp.WaitReady(chromedp.CSS(`#timeline`)))
	ed.waitFor(`!!document.querySelector('` + drawn(item) + `')`)
	if cls := eval[string](ed, `document.querySelector('`+item+`').className`); !strings.Contains(cls, "ev-disagree") {
		t.Errorf("the disagreeing event's item has classes %q", cls)
	}
	if sr := eval[string](ed, `document.querySelector('`+item+` .sr').textContent`); !strings.Contains(sr, "Sources disagree") {
		t.Errorf("the item tells a screen reader %q", sr)
	}
	// vis-timeline gives a box's line and dot its classes too: count boxes and ranges.
	marked := `document.querySelectorAll('.vis-item.ev-disagree:is(.vis-box, .vis-range)').length`
	if n, signs := eval[int](ed, marked), eval[int](ed, `document.querySelectorAll('.vis-item .disagree-mark').length`); n == 0 || n != signs {
		t.Errorf("%d items marked, with %d signs", n, signs)
	}
	ed.screenshot("story-timeline-disagree")
	// The pointer rests in a corner, so no item's tooltip lies over another.
	ed.do(chromedp.MouseEvent(chromedp.MouseMoved, 1, 1))
	eval[chromedp.Void](ed, `document.getElementById('timeline').timeline.focus(`+strings.TrimPrefix(dis, "/events/")+`, {animation: false})`)
	// The click lands on the item's centre: wait until the timeline has
	// redrawn and nothing else lies on top of it there.
	ed.waitFor(`(() => { const el = document.querySelector('` + item + `'); if (!el) return false;
		const r = el.getBoundingClientRect(); const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
		return r.width > 0 && !!top && el.contains(top); })()`)
	// vis-timeline reads a click as a tap; one that comes while it is still
	// settling the moved view can be dropped, as a person's might: click
	// again, as they would.
	for try := 0; try < 5 && eval[bool](ed, `document.getElementById('panel-disagree').hidden`); try++ {
		ed.do(chromedp.Click(chromedp.CSS(item)), chromedp.Sleep(300*time.Millisecond))
	}
	ed.do(chromedp.WaitVisible(chromedp.CSS(`#panel-disagree`)))
	if href := eval[string](ed, `document.querySelector('#panel-disagree a').getAttribute('href')`); href != dis+"#disagree" {
		t.Errorf("the panel's disagreement link goes to %q", href)
	}

	// See the disagreement, each side with its sentences, and resolve it.
	ed.do(chromedp.Navigate(ed.base + "/stories/SB7"))
	ed.do(chromedp.Click(chromedp.CSS(`#disagreements a`)), chromedp.WaitVisible(chromedp.CSS(`#disagree`)))
	if n := eval[int](ed, `document.querySelectorAll('#disagree .side').length`); n < 2 {
		t.Fatalf("%d sides shown, want at least 2", n)
	}
	if q := eval[int](ed, `document.querySelectorAll('#disagree .side q').length`); q < 2 {
		t.Errorf("the sides show %d sentences", q)
	}
	ed.screenshot("story-disagree")
	chosen := eval[string](ed, `document.querySelectorAll('#resolve-form input[name="choice"]')[1].value`)
	ed.do(chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('#resolve-form input[name="choice"]')[1].checked = true`),
		chromedp.SetValue(chromedp.CSS(`#resolve-form textarea[name="note"]`), "The harbour master's log gives this time."),
		chromedp.Click(chromedp.CSS(`#resolve-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#resolution`)))
	if n := eval[int](ed, `document.querySelectorAll('#disagree').length`); n != 0 {
		t.Error("the resolved event still shows its sources disagree")
	}
	value, _, _ := strings.Cut(chosen, " ")
	if got := eval[string](ed, `document.querySelector('.eventline code').textContent`); !strings.HasPrefix(got, value) {
		t.Errorf("event date %q after choosing %q", got, chosen)
	}
	if hist := eval[string](ed, `document.body.textContent`); !strings.Contains(hist, "resolve") {
		t.Error("the history does not show the resolution")
	}

	// Export the story to TimelineJS from its page, once its events are
	// approved: the title slide is the story's.
	e.approveAll()
	ed.do(chromedp.Navigate(ed.base + "/stories/SB7"))
	href := eval[string](ed, `document.querySelector('a[href^="/api/v1/export?format=timelinejs"]').getAttribute('href')`)
	ed.do(chromedp.Navigate(ed.base+href), chromedp.WaitReady(chromedp.CSS(`body`)))
	var tl struct {
		Title struct {
			Text struct{ Headline, Text string } `json:"text"`
		} `json:"title"`
		Events []json.RawMessage `json:"events"`
	}
	if err := json.Unmarshal([]byte(eval[string](ed, `document.body.innerText`)), &tl); err != nil {
		t.Fatalf("the export is not JSON: %v", err)
	}
	if tl.Title.Text.Headline != "KM Sinar Bahari 7" || !strings.Contains(tl.Title.Text.Text, "The ferry lost off Selayar") || len(tl.Events) == 0 {
		t.Errorf("TimelineJS title slide %+v with %d slides", tl.Title.Text, len(tl.Events))
	}
	ed.clean()
}
