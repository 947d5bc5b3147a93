package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

// TestEventRange stores an article that gives a range and follows the
// range through the timeline API, the event page and the edit form: the
// API and the page name it from its first to its last day and show the
// predicate, subject and object the pipeline found; an end before the
// date is refused with 422 and a message, keeping what was typed; an
// emptied end makes the event a single date.
func TestEventRange(t *testing.T) { storetest.Each(t, testEventRange) }

func testEventRange(t *testing.T, st *store.Store) {
	e := newEnvOn(t, st)
	e.addText("Pameran", storetest.RangeArticle)
	ex := claims.Extract(claims.Article{Title: "Pameran", Lang: "id", Published: time.Date(2019, 12, 30, 0, 0, 0, 0, time.UTC), Text: storetest.RangeArticle})
	if len(ex.Events) != 1 {
		t.Fatalf("pipeline events %+v, want one", ex.Events)
	}
	want := ex.Events[0]
	pred, subj, obj := storetest.RangeArticle[want.Predicate.Start:want.Predicate.End], storetest.RangeArticle[want.Subject.Start:want.Subject.End],
		storetest.RangeArticle[want.Object.Start:want.Object.End]
	if pred == "" || subj == "" || obj == "" {
		t.Fatalf("the pipeline found predicate %q, subject %q, object %q", pred, subj, obj)
	}

	c := e.as("editor")
	ev := c.findEvent("2019-12-09")
	const label = "9 December 2019 to 11 December 2019"
	if ev.EndValue != "2019-12-11" || ev.Label != label {
		t.Errorf("API event ends %q, label %q; want 2019-12-11, %q", ev.EndValue, ev.Label, label)
	}
	if p := ev.Parts; p == nil || p.Predicate == nil || p.Predicate.Text != pred || p.Predicate.Start != want.Predicate.Start ||
		p.Subject == nil || p.Subject.Text != subj || p.Object == nil || p.Object.Text != obj {
		t.Errorf("API parts %+v, want predicate %q, subject %q, object %q", p, pred, subj, obj)
	}

	path := "/events/" + itoa(ev.ID)
	page := c.get(path).body
	for _, s := range []string{`<span class="date">` + label + `</span>`, "<dt>Did</dt><dd>" + template.HTMLEscapeString(pred) + "</dd>",
		"<dt>Who</dt><dd>" + template.HTMLEscapeString(subj) + "</dd>", "<dt>What</dt><dd>" + template.HTMLEscapeString(obj) + "</dd>",
		`name="end" value="2019-12-11"`} {
		if !strings.Contains(page, s) {
			t.Errorf("event page lacks %s", s)
		}
	}

	form := url.Values{"csrf_token": {c.csrf}, "version": {itoa(int64(ev.Version))}, "headline": {"Pameran wisata Jakarta"},
		"description": {""}, "value": {"2019-12-09"}, "end": {"2019-12-08"}, "mod": {""}, "precision": {""}, "status": {"happened"}, "tags": {""}}
	res := c.form("POST", path, form)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "must come after the date 2019-12-09") {
		t.Errorf("an end before the date: %d, want 422 saying why: %s", res.status, res.body)
	}
	for _, s := range []string{`name="end" value="2019-12-08"`, `name="headline" value="Pameran wisata Jakarta"`, "keeps what you typed"} {
		if !strings.Contains(res.body, s) {
			t.Errorf("the refused form lost what was typed: lacks %s", s)
		}
	}
	if d, err := st.EventByID(t.Context(), ev.ID); err != nil || d.Version != ev.Version || d.EndValue != "2019-12-11" {
		t.Fatalf("a refused edit changed the event: %+v, %v", d, err)
	}
	if res := c.json("PATCH", "/api/v1"+path, map[string]any{"version": ev.Version, "end": "11 Desember"}); res.status != http.StatusUnprocessableEntity ||
		!strings.Contains(res.apiErr().Message, `end date: "11 Desember" is not a date`) {
		t.Errorf("API end that is not a date: %d %s", res.status, res.body)
	}

	form.Set("end", "")
	if res := c.form("POST", path, form); res.status != http.StatusSeeOther {
		t.Fatalf("emptying the end: %d %s", res.status, res.body)
	}
	if d := c.findEvent("2019-12-09"); d.EndValue != "" || d.Label != "9 December 2019" || d.Headline != "Pameran wisata Jakarta" {
		t.Errorf("after emptying the end: ends %q, label %q, headline %q", d.EndValue, d.Label, d.Headline)
	}
}
