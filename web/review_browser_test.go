package web

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/factline/factline/claims/filter"
)

// An editor approves three events from the list view's keyboard (j moves,
// a approves and moves on) and the export holds those three and no other;
// on the zoomable timeline, r rejects the selected event.
func TestBrowserReviewByKeyboard(t *testing.T) {
	root := browser(t)
	e := newEnv(t)
	e.seed()
	ed := e.tab(root, "editor")
	ed.do(chromedp.Navigate(ed.base+"/timeline/list"), chromedp.WaitVisible(chromedp.CSS(`.event-item`)),
		chromedp.Focus(chromedp.CSS(`.event-item`)))
	listed := eval[[]string](ed, `Array.from(document.querySelectorAll('.event-item')).slice(0, 3).map(li => li.dataset.event)`)
	for i := 1; i <= 3; i++ {
		ed.do(chromedp.KeyEvent("a"))
		ed.waitFor(fmt.Sprintf(`document.querySelectorAll('.event-item.review-approved').length === %d && document.activeElement.dataset.event !== %q`, i, listed[i-1]))
	}
	marked := eval[[]string](ed, `Array.from(document.querySelectorAll('.event-item.review-approved')).map(li => li.dataset.event + ' ' + li.querySelector('.badge.review').textContent.trim())`)
	for i, id := range listed {
		if i >= len(marked) || marked[i] != id+" ✓ approved" {
			t.Errorf("after pressing a three times the list marks %q, want %v approved", marked, listed)
			break
		}
	}
	ed.screenshot("list-reviewed")
	evs, _, err := e.store.Timeline(t.Context(), filter.Filter{Review: []string{"approved"}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var stored []string
	for _, ev := range evs {
		stored = append(stored, fmt.Sprint(ev.ID))
	}
	exported := eval[[]string](ed, `fetch('/api/v1/export?format=json').then(r => r.json()).then(d => d.events.map(ev => String(ev.id)))`)
	slices.Sort(listed)
	slices.Sort(stored)
	slices.Sort(exported)
	if !slices.Equal(stored, listed) || !slices.Equal(exported, listed) {
		t.Errorf("approved in the store %v, exported %v; want the three pressed, %v", stored, exported, listed)
	}

	// The zoomable timeline: n selects the first event, r rejects it.
	ed.do(chromedp.Navigate(ed.base+"/timeline"), chromedp.WaitVisible(chromedp.CSS(drawn(`.vis-item`))),
		chromedp.Focus(chromedp.CSS(`#timeline`)), chromedp.KeyEvent("n"))
	ed.waitFor(`!document.getElementById('event-panel').hidden`)
	ed.do(chromedp.KeyEvent("r"))
	ed.waitFor(`document.getElementById('timeline-status').textContent.includes('is now rejected')`)
	if n := eval[int](ed, `document.querySelectorAll('.vis-item.review-rejected').length`); n != 1 {
		t.Errorf("%d timeline items marked rejected, want 1", n)
	}
	rejected, _, err := e.store.Timeline(t.Context(), filter.Filter{Review: []string{"rejected"}}, 0)
	if err != nil || len(rejected) != 1 {
		t.Errorf("rejected in the store: %d, %v", len(rejected), err)
	}
	if panel := eval[string](ed, `document.getElementById('panel-review').textContent`); !strings.Contains(panel, "rejected") {
		t.Errorf("the panel says %q, want rejected", panel)
	}
	ed.screenshot("timeline-reviewed")
	ed.clean()
}

// Evidence added on the review queue is saved without leaving the page:
// the claims keep their order and the cursor stays in the note field.
func TestBrowserEvidenceInPlace(t *testing.T) {
	root := browser(t)
	e := newEnv(t)
	e.seed()
	ed := e.tab(root, "editor")
	ed.do(chromedp.Navigate(ed.base+"/review"), chromedp.WaitVisible(chromedp.CSS(`.review-item`)))
	order := eval[[]string](ed, `Array.from(document.querySelectorAll('.review-item')).map(li => li.dataset.claim)`)
	second := `.review-item[data-claim="` + order[1] + `"]`
	eval[chromedp.Void](ed, `window.factlineMark = 'same page'`)
	ed.do(chromedp.SendKeys(chromedp.CSS(second+` .evidence-note`), "KCNA English edition"),
		chromedp.Click(chromedp.CSS(second+` .evidence-form button[type="submit"]`)))
	ed.waitFor(`document.getElementById('review-status').textContent === 'Evidence added to claim ` + order[1] + `.'`)
	if mark := eval[string](ed, `String(window.factlineMark)`); mark != "same page" {
		t.Error("adding evidence reloaded the page")
	}
	if now := eval[[]string](ed, `Array.from(document.querySelectorAll('.review-item')).map(li => li.dataset.claim)`); !slices.Equal(now, order) {
		t.Errorf("the queue is %v after adding evidence, was %v", now, order)
	}
	if focus := eval[bool](ed, `document.activeElement.matches('`+second+` .evidence-note') && document.activeElement.value === ''`); !focus {
		t.Error("the cursor left the emptied note field")
	}
	var id int64
	fmt.Sscan(order[1], &id)
	if ev, _ := e.store.Evidence(t.Context(), id); len(ev) != 1 || ev[0].Note != "KCNA English edition" {
		t.Errorf("claim %d's evidence: %+v", id, ev)
	}
	ed.clean()
}
