package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/factline/factline/claims/store"
)

// The zoomable timeline keeps the day's events readable: events longer
// than a month have a lane of their own, the view opens on the short
// events (or on the filter's From and To), hovering an item gives its
// whole headline, and lane labels stay narrow.
func TestBrowserTimelineLanesAndWindow(t *testing.T) {
	root := browser(t)
	e := newEnv(t)
	e.seed()
	evs := e.storedEvents()
	byValue := map[string]store.TimelineEvent{}
	for _, ev := range evs {
		byValue[ev.Value] = ev
	}
	plenary, year, takeover := byValue["2019-12-28"], byValue["2019"], byValue["2011"]
	if plenary.ID == 0 || year.ID == 0 || takeover.ID == 0 {
		t.Fatalf("the reference article lacks the plenary, the year 2019 or 2011: %v", byValue)
	}
	v := e.tab(root, "viewer")
	v.do(chromedp.Navigate(v.base+"/timeline"), chromedp.WaitVisible(chromedp.CSS(drawn(fmt.Sprintf(`.vis-item[data-id="%d"]`, plenary.ID)))))
	lane := func(id int64) string {
		return eval[string](v, fmt.Sprintf(`String(document.getElementById('timeline').timeline.itemsData.get(%d).group)`, id))
	}
	if g := lane(plenary.ID); g != "short" {
		t.Errorf("the plenary (a day) is in lane %q, want short", g)
	}
	for _, id := range []int64{year.ID, takeover.ID} {
		if g := lane(id); g != "long" {
			t.Errorf("event %d (a year) is in lane %q, want long", id, g)
		}
	}
	if labels := eval[string](v, `Array.from(document.querySelectorAll('.vis-label')).map(l => l.textContent).join('|')`); labels != "Events|Longer than a month" {
		t.Errorf("lanes %q", labels)
	}
	// The view opens on the short events, not on 2011's bar.
	window := func() (time.Time, time.Time) { return viewWindow(v) }
	start, end := window()
	if start.Year() < 2013 || !start.Before(*plenary.StartsAt) || !end.After(*plenary.StartsAt) {
		t.Errorf("first view %s to %s: want one holding the plenary and not opening on 2011", start, end)
	}
	if st := eval[string](v, `document.getElementById('timeline-status').textContent`); !strings.Contains(st, "outside this view") {
		t.Errorf("status %q does not say some events are outside the view", st)
	}
	// 0 shows them all.
	v.do(chromedp.Focus(chromedp.CSS(`#timeline`)), chromedp.KeyEvent("0"), chromedp.Sleep(200*time.Millisecond))
	if start, _ := window(); start.After(*takeover.StartsAt) {
		t.Errorf("after 0 the view starts %s, after 2011's start", start)
	}
	// Hovering shows the whole headline, the date in words and the source.
	tip := eval[string](v, fmt.Sprintf(`document.getElementById('timeline').timeline.itemsData.get(%d).title`, plenary.ID))
	if !strings.Contains(tip, plenary.Headline) || !strings.Contains(tip, "2019") || !strings.Contains(tip, "Kim plenary") {
		t.Errorf("tooltip %q lacks the headline, date or source", tip)
	}
	v.screenshot("timeline-lanes")

	// A filter's From and To are the view.
	v.do(chromedp.Navigate(v.base+"/timeline?from=2019-12-20&to=2020-01-05"), chromedp.WaitVisible(chromedp.CSS(drawn(`.vis-item`))))
	start, end = window()
	if !start.Equal(time.Date(2019, 12, 20, 0, 0, 0, 0, time.UTC)) || !end.Equal(time.Date(2020, 1, 6, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("filtered view %s to %s, want 2019-12-20 to the end of 2020-01-05", start, end)
	}

	// Lane labels are cut to a bounded width; hovering gives the whole.
	long := "Laporan panjang tentang rapat pleno partai yang berlangsung empat hari di Pyongyang menjelang akhir tahun"
	e.addText(long, "Rapat itu dibuka pada Sabtu (28/12).")
	v.do(chromedp.Navigate(v.base+"/timeline?group=article"), chromedp.WaitVisible(chromedp.CSS(drawn(`.vis-label`))))
	w := eval[[]float64](v, `Array.from(document.querySelectorAll('.vis-label .vis-inner')).map(n => n.getBoundingClientRect().width)`)
	for _, px := range w {
		if px > 260 {
			t.Errorf("a lane label is %.0f px wide", px)
		}
	}
	if n := eval[int](v, fmt.Sprintf(`Array.from(document.querySelectorAll('.vis-label [title]')).filter(n => n.title.endsWith(%q)).length`, long)); n != 1 {
		t.Errorf("%d lane labels carry the whole title on hover", n)
	}

	// A filter that matches nothing says what to do, not a blank grid.
	v.do(chromedp.Navigate(v.base+"/timeline?from=1800&to=1801"), chromedp.WaitVisible(chromedp.CSS(`#timeline .empty-hint`)))
	if hint := eval[string](v, `document.querySelector('#timeline .empty-hint').textContent`); !strings.HasPrefix(hint, "No events match these filters") {
		t.Errorf("empty timeline says %q", hint)
	}
	if n := eval[int](v, `document.querySelectorAll('#timeline .vis-timeline').length`); n != 0 {
		t.Error("an empty timeline still draws its grid")
	}
	v.clean()
}

// A week told minute by minute (300 events) beside a dozen year-long
// events: the first view is the week and no long bar lies over a point
// event.
func TestBrowserTimelineWeekAmongYears(t *testing.T) {
	root := browser(t)
	e := newEnv(t)
	ctx := t.Context()
	week := time.Date(2014, 12, 28, 0, 0, 0, 0, time.UTC)
	for i := range 300 {
		at := week.Add(time.Duration(i) * 7 * 24 * time.Hour / 300)
		if _, err := e.store.CreateEvent(ctx, store.NewEvent{Headline: fmt.Sprintf("Update %d from the search", i+1),
			Value: at.Format("2006-01-02T15:04"), Tags: []string{"search"}}, nil); err != nil {
			t.Fatal(err)
		}
	}
	for y := 2003; y < 2015; y++ {
		if _, err := e.store.CreateEvent(ctx, store.NewEvent{Headline: fmt.Sprintf("Air traffic grew in %d", y),
			Value: fmt.Sprint(y), Tags: []string{"search"}}, nil); err != nil {
			t.Fatal(err)
		}
	}
	v := e.tab(root, "viewer")
	v.do(chromedp.Navigate(v.base+"/timeline?tag=search"), chromedp.WaitVisible(chromedp.CSS(drawn(`.vis-item`))), chromedp.Sleep(300*time.Millisecond))
	start, end := viewWindow(v)
	last := week.Add(299 * 7 * 24 * time.Hour / 300)
	if start.Before(week.AddDate(0, 0, -2)) || start.After(week) || end.Before(last) || end.After(week.AddDate(0, 0, 9)) {
		t.Errorf("first view %s to %s, want the week of %s", start, end, week.Format("2006-01-02"))
	}
	// Every drawn point event, and no year bar on top of it.
	overlaps := eval[int](v, `(() => {
		const box = n => n.getBoundingClientRect();
		const points = Array.from(document.querySelectorAll('#timeline .vis-item.vis-box')).map(box).filter(r => r.width > 0);
		const bars = Array.from(document.querySelectorAll('#timeline .vis-item.ev-long')).map(box).filter(r => r.width > 0);
		if (!points.length) return -1;
		return points.filter(p => bars.some(b => p.left < b.right && b.left < p.right && p.top < b.bottom && b.top < p.bottom)).length;
	})()`)
	if overlaps != 0 {
		t.Errorf("%d point events lie under a year bar (-1: nothing drawn)", overlaps)
	}
	v.screenshot("timeline-week-among-years")
	v.clean()
}

// Ctrl-clicking several events selects them all; the bulk panel approves
// them in one action, and merges two into the first.
func TestBrowserTimelineBulkActions(t *testing.T) {
	root := browser(t)
	e := newEnv(t)
	e.seed()
	evs := e.storedEvents()
	var days []store.TimelineEvent
	for _, ev := range evs {
		if ev.Precision == "day" && ev.Value >= "2019-12-28" && ev.Value <= "2019-12-30" && ev.EndValue == "" {
			days = append(days, ev)
		}
	}
	if len(days) < 4 {
		t.Fatalf("the reference article has %d single days from the 28th to the 30th, want 4", len(days))
	}
	ed := e.tab(root, "editor")
	ed.do(chromedp.Navigate(ed.base+"/timeline?from=2019-12-26&to=2020-01-01"), chromedp.WaitVisible(chromedp.CSS(drawn(`.vis-item`))), chromedp.Sleep(300*time.Millisecond))
	pick := func(evs []store.TimelineEvent) {
		for _, ev := range evs {
			x, y := itemBox(ed, ev.ID)
			ed.do(chromedp.MouseClickXY(x, y, chromedp.ButtonModifiers(chromedp.ModifierCtrl)), chromedp.Sleep(100*time.Millisecond))
		}
	}
	pick(days[:3])
	ed.waitFor(`!document.getElementById('bulk-panel').hidden && document.getElementById('bulk-count').textContent === '3 events selected'`)
	ed.screenshot("timeline-bulk")
	ed.do(chromedp.Click(chromedp.CSS(`#bulk-panel button[data-review="approved"]`)))
	ed.waitFor(`document.getElementById('timeline-status').textContent.startsWith('3 of 3 events now approved')`)
	for _, ev := range days[:3] {
		if got, _ := e.store.EventByID(t.Context(), ev.ID); got.Review != "approved" {
			t.Errorf("event %d is %s after the bulk approval", ev.ID, got.Review)
		}
	}
	if got, _ := e.store.EventByID(t.Context(), days[3].ID); got.Review != "proposed" {
		t.Errorf("the unselected event %d is %s", days[3].ID, got.Review)
	}
	// A fresh selection of two, merged into the first.
	eval[chromedp.Void](ed, `document.getElementById('timeline').timeline.setSelection([])`)
	pick(days[2:4])
	ed.waitFor(`document.getElementById('bulk-count').textContent === '2 events selected'`)
	ed.do(chromedp.Click(chromedp.CSS(`#bulk-panel button[data-action="merge"]`)))
	ed.waitFor(`document.getElementById('timeline-status').textContent.startsWith('Merged 1 event(s)')`)
	if got, _ := e.store.EventByID(t.Context(), days[3].ID); got.MergedInto == nil || *got.MergedInto != days[2].ID {
		t.Errorf("event %d merged into %v, want %d", days[3].ID, got.MergedInto, days[2].ID)
	}
	if n := eval[int](ed, fmt.Sprintf(`document.querySelectorAll('.vis-item[data-id="%d"]').length`, days[3].ID)); n != 0 {
		t.Errorf("the merged event is still drawn")
	}
	ed.clean()
}

// viewWindow is the span the zoomable timeline shows.
func viewWindow(tb *tab) (start, end time.Time) {
	tb.t.Helper()
	w := eval[[]string](tb, `(() => { const w = document.getElementById('timeline').timeline.getWindow(); return [w.start.toISOString(), w.end.toISOString()]; })()`)
	start, _ = time.Parse(time.RFC3339, w[0])
	end, _ = time.Parse(time.RFC3339, w[1])
	return start, end
}
