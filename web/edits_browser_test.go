package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
)

// In Chromium: a bad date keeps the rewritten headline and says what is
// wrong beside the date; an edit that came too late shows both versions
// and saves on the current one; undoing an older change keeps a later
// edit of another field.
func TestBrowserEditsNeverLoseWork(t *testing.T) {
	root := browser(t)
	e := newEnv(t)
	e.seed()
	ed := e.tab(root, "editor")
	ev := e.storedEvent("2019-12-28")
	scheduled, later, laterHeadline := "scheduled", "2019-12-27", "A later headline"
	page := fmt.Sprintf("%s/events/%d", ed.base, ev.ID)
	ed.do(chromedp.Navigate(page),
		chromedp.SetValue(chromedp.CSS(`#event-form input[name="headline"]`), "A headline rewritten with care"),
		chromedp.SetValue(chromedp.CSS(`#event-form input[name="value"]`), "next week"),
		chromedp.Click(chromedp.CSS(`#event-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#value-error`)))
	if got := eval[string](ed, `document.querySelector('#event-form input[name="headline"]').value`); got != "A headline rewritten with care" {
		t.Errorf("after a bad date the headline reads %q", got)
	}
	if msg := eval[string](ed, `document.getElementById('value-error').textContent`); !strings.Contains(msg, "is not a date") {
		t.Errorf("the date's message is %q", msg)
	}
	ed.screenshot("event-bad-date")

	// Someone else marks the event scheduled; the editor fixes the date
	// and saves on the version they had.
	if _, err := e.store.UpdateEvent(t.Context(), ev.ID, ev.Version, store.EventPatch{Status: &scheduled}, nil); err != nil {
		t.Fatal(err)
	}
	ed.do(chromedp.SetValue(chromedp.CSS(`#event-form input[name="value"]`), "2019-12-28"),
		chromedp.Click(chromedp.CSS(`#event-form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#stale-compare`)))
	rows := eval[string](ed, `document.getElementById('stale-compare').innerText`)
	if !strings.Contains(rows, "A headline rewritten with care") || !strings.Contains(rows, ev.Headline) || !strings.Contains(rows, "scheduled") {
		t.Errorf("the comparison does not show both versions:\n%s", rows)
	}
	ed.screenshot("event-stale")
	ed.do(chromedp.Click(chromedp.CSS(`#event-form button[type="submit"]`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	saved, _ := e.store.EventByID(t.Context(), ev.ID)
	if saved.Headline != "A headline rewritten with care" || saved.Status != "scheduled" {
		t.Fatalf("after saving on the current version: %q %s", saved.Headline, saved.Status)
	}

	// A later edit of the date; then undo the headline edit from the page.
	revs, _ := e.store.Revisions(t.Context(), store.EntityEvent, ev.ID)
	headlineEdit := revs[len(revs)-1].ID
	if _, err := e.store.UpdateEvent(t.Context(), ev.ID, saved.Version, store.EventPatch{Value: &later}, nil); err != nil {
		t.Fatal(err)
	}
	ed.do(chromedp.Navigate(page),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`tr[data-revision="%d"] .revert-form button`, headlineEdit))),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	undone, _ := e.store.EventByID(t.Context(), ev.ID)
	if undone.Headline != ev.Headline || undone.Value != "2019-12-27" || undone.Status != "scheduled" {
		t.Errorf("after undoing the headline edit: %q %s %s; want %q with the later date 2019-12-27 and the status kept",
			undone.Headline, undone.Value, undone.Status, ev.Headline)
	}
	if h := eval[string](ed, `document.querySelector('h1').textContent`); h != ev.Headline {
		t.Errorf("the page's headline is %q", h)
	}
	ed.screenshot("event-undone")

	// A later headline: undoing the headline edit again would overwrite
	// it, so the page asks, showing both values, and overwrites on demand.
	if _, err := e.store.UpdateEvent(t.Context(), ev.ID, undone.Version, store.EventPatch{Headline: &laterHeadline}, nil); err != nil {
		t.Fatal(err)
	}
	ed.do(chromedp.Navigate(page),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`tr[data-revision="%d"] .revert-form button`, headlineEdit))),
		chromedp.WaitVisible(chromedp.CSS(`#revert-overwrites`)))
	asked := eval[string](ed, `document.getElementById('revert-overwrites').innerText`)
	if !strings.Contains(asked, "headline") || !strings.Contains(asked, laterHeadline) || !strings.Contains(asked, ev.Headline) {
		t.Errorf("the undo asks with:\n%s", asked)
	}
	if got, _ := e.store.EventByID(t.Context(), ev.ID); got.Headline != laterHeadline {
		t.Errorf("asking changed the headline to %q", got.Headline)
	}
	ed.screenshot("event-undo-asks")
	ed.do(chromedp.Click(chromedp.CSS(`form[action$="/revert"] button.danger`)), chromedp.WaitVisible(chromedp.CSS(`.flash`)))
	if got, _ := e.store.EventByID(t.Context(), ev.ID); got.Headline != ev.Headline || got.Value != "2019-12-27" {
		t.Errorf("after the confirmed undo: %q %s", got.Headline, got.Value)
	}
	ed.clean()
}

// A drag on the timeline after someone else changed the event is refused
// (409); the event is redrawn as it is now and one click saves the same
// move on the current version, keeping the other edit; another undoes it.
func TestBrowserStaleDragSavesAgain(t *testing.T) {
	root := browser(t)
	e := newEnv(t)
	e.seed()
	ed := e.tab(root, "editor")
	ev := e.storedEvent("2019-12-28")
	item := fmt.Sprintf(`.vis-item[data-id="%d"]`, ev.ID)
	ed.do(chromedp.Navigate(ed.base+"/timeline"), chromedp.WaitVisible(chromedp.CSS(drawn(item))))
	eval[chromedp.Void](ed, `document.getElementById('timeline').timeline.setWindow(new Date('2019-12-22'), new Date('2020-01-08'), {animation: false})`)
	ed.do(chromedp.Sleep(300 * time.Millisecond))
	headline := "Renamed by someone else"
	if _, err := e.store.UpdateEvent(t.Context(), ev.ID, ev.Version, store.EventPatch{Headline: &headline}, nil); err != nil {
		t.Fatal(err)
	}
	x, y := itemBox(ed, ev.ID)
	dx := eval[float64](ed, `(() => { const u = document.getElementById('timeline').timeline.body.util;
		return u.toScreen(new Date('2020-01-02T12:00:00Z')) - u.toScreen(new Date('2019-12-28T12:00:00Z')); })()`)
	ed.do(chromedp.MouseClickXY(x, y), chromedp.Sleep(200*time.Millisecond), drag(x, y, dx))
	ed.waitFor(`document.getElementById('save-again') !== null`)
	if got, _ := e.store.EventByID(t.Context(), ev.ID); got.Value != "2019-12-28" {
		t.Fatalf("the stale drag saved %s", got.Value)
	}
	ed.screenshot("timeline-stale-drag")
	ed.do(chromedp.Click(chromedp.CSS(`#save-again`)))
	ed.waitFor(`document.getElementById('timeline-status').textContent.startsWith('Saved')`)
	got, _ := e.store.EventByID(t.Context(), ev.ID)
	if got.Value <= "2019-12-28" || got.Headline != headline {
		t.Errorf("after saving the move again: %s %q; want a later date and the other edit's headline", got.Value, got.Headline)
	}
	// The move can be undone from the status line.
	ed.do(chromedp.Click(chromedp.CSS(`#undo-move`)))
	ed.waitFor(`document.getElementById('timeline-status').textContent.includes('is now dated 2019-12-28')`)
	if back, _ := e.store.EventByID(t.Context(), ev.ID); back.Value != "2019-12-28" || back.Headline != headline || back.Version != got.Version+1 {
		t.Errorf("after undoing the move: %s %q version %d", back.Value, back.Headline, back.Version)
	}
	ed.clean()
}

// storedEvent is the stored event dated value, read from the store.
func (e *env) storedEvent(value string) store.TimelineEvent {
	e.t.Helper()
	for _, ev := range e.storedEvents() {
		if ev.Value == value {
			return ev
		}
	}
	e.t.Fatalf("no event dated %s stored", value)
	return store.TimelineEvent{}
}

// storedEvents reads every event on the timeline from the store.
func (e *env) storedEvents() []store.TimelineEvent {
	e.t.Helper()
	evs, _, err := e.store.Timeline(e.t.Context(), filter.Filter{}, 0)
	if err != nil {
		e.t.Fatal(err)
	}
	return evs
}
