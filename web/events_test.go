package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factline/factline/claims/store"
)

func TestEditEventWithOptimisticLockingAndRevert(t *testing.T) {
	e := newEnv(t)
	c, ev := e.editSeeded()
	path := "/api/v1/events/" + itoa(ev.ID)

	res := c.json("PATCH", path, map[string]any{"version": ev.Version, "value": "2019-12-27", "tags": []string{"Plenary", "kim"}})
	if res.status != http.StatusOK {
		t.Fatalf("PATCH = %d %s", res.status, res.body)
	}
	var got store.EventDetail
	res.decode(&got)
	if got.Value != "2019-12-27" || got.Version != ev.Version+1 || got.StartsAt.Format("2006-01-02") != "2019-12-27" || strings.Join(got.Tags, ",") != "kim,plenary" {
		t.Fatalf("after PATCH: %+v", got)
	}

	// A second editor still holding the old version is refused and shown
	// the current one.
	stale := c.json("PATCH", path, map[string]any{"version": ev.Version, "headline": "stale edit"})
	if stale.status != http.StatusConflict || stale.apiErr().Code != "conflict" {
		t.Fatalf("stale PATCH = %d %s", stale.status, stale.body)
	}
	var conflict struct {
		Current store.EventDetail `json:"current"`
	}
	stale.decode(&conflict)
	if conflict.Current.Version != got.Version || conflict.Current.Value != "2019-12-27" {
		t.Errorf("409 shows %+v", conflict.Current)
	}

	var hist struct {
		Revisions []store.Revision `json:"revisions"`
	}
	c.get(path + "/revisions").decode(&hist)
	if len(hist.Revisions) != 1 || hist.Revisions[0].UserID == nil || !strings.Contains(hist.Revisions[0].After, "2019-12-27") {
		t.Fatalf("revisions = %+v", hist.Revisions)
	}
	page := c.get("/events/" + itoa(ev.ID))
	for _, want := range []string{"2019-12-28</del>", "2019-12-27</ins>", "editor", "/revisions/" + itoa(hist.Revisions[0].ID) + "/revert"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("history lacks %q", want)
		}
	}

	rv := c.json("POST", "/api/v1/revisions/"+itoa(hist.Revisions[0].ID)+"/revert", map[string]any{"version": got.Version})
	if rv.status != http.StatusOK {
		t.Fatalf("revert = %d %s", rv.status, rv.body)
	}
	c.get(path).decode(&got)
	if got.Value != "2019-12-28" || len(got.Tags) != 0 {
		t.Errorf("after revert: value %s tags %v", got.Value, got.Tags)
	}
}

func TestEditEventRejectsBadValues(t *testing.T) {
	e := newEnv(t)
	c, ev := e.editSeeded()
	path := "/api/v1/events/" + itoa(ev.ID)
	for name, body := range map[string]map[string]any{
		"bad date":       {"version": ev.Version, "value": "next week"},
		"bad status":     {"version": ev.Version, "status": "rumoured"},
		"empty headline": {"version": ev.Version, "headline": " "},
		"finer than":     {"version": ev.Version, "value": "2019", "precision": "day"},
		"bad mod":        {"version": ev.Version, "mod": "LOUDLY"},
	} {
		if res := c.json("PATCH", path, body); res.status != http.StatusUnprocessableEntity {
			t.Errorf("%s = %d %s", name, res.status, res.body)
		}
	}
	for name, raw := range map[string]string{"no version": `{"headline":"x"}`, "not JSON": `{headline`, "unknown field": `{"version":1,"colour":"red"}`, "empty": ``} {
		if res := c.do("PATCH", path, strings.NewReader(raw), "application/json"); res.status != http.StatusBadRequest {
			t.Errorf("%s = %d %s", name, res.status, res.body)
		}
	}
	big := `{"version":1,"description":"` + strings.Repeat("x", maxEditBody) + `"}`
	if res := c.do("PATCH", path, strings.NewReader(big), "application/json"); res.status != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized JSON = %d", res.status)
	}
	// Coarsening keeps what is known: a day becomes its month.
	res := c.json("PATCH", path, map[string]any{"version": ev.Version, "precision": "month"})
	var got store.EventDetail
	res.decode(&got)
	if got.Value != "2019-12" || got.Precision != "month" {
		t.Errorf("coarsened to %s %s", got.Value, got.Precision)
	}
}

func TestEventFormsEditHideAndAdd(t *testing.T) {
	e := newEnv(t)
	c, ev := e.editSeeded()
	path := "/events/" + itoa(ev.ID)
	token := c.get(path).csrf()
	form := url.Values{"csrf_token": {token}, "version": {itoa(int64(ev.Version))}, "headline": {"Plenary opens"},
		"description": {"Kim convenes senior officials."}, "value": {"2019-12-28"}, "mod": {""}, "precision": {""},
		"status": {"happened"}, "tags": {"plenary"}}
	if res := c.form("POST", path, form); res.status != http.StatusSeeOther {
		t.Fatalf("edit form = %d %s", res.status, res.body)
	}
	// The same form again is stale: 409 and the page shows the current version.
	res := c.form("POST", path, form)
	if res.status != http.StatusConflict || !strings.Contains(res.body, "changed by someone else") || !strings.Contains(res.body, `value="Plenary opens"`) {
		t.Fatalf("stale form = %d %.500s", res.status, res.body)
	}
	hide := url.Values{"csrf_token": {token}, "version": {itoa(int64(ev.Version + 1))}, "hidden": {"1"}, "return": {"/timeline/list"}}
	if res := c.form("POST", path, hide); res.status != http.StatusSeeOther || res.header.Get("Location") != "/timeline/list" {
		t.Fatalf("hide = %d %s", res.status, res.header.Get("Location"))
	}
	if list := c.get("/timeline/list"); strings.Contains(list.body, "Plenary opens") {
		t.Error("hidden event still listed")
	}
	if list := c.get("/timeline/list?hidden=1"); !strings.Contains(list.body, "Plenary opens") {
		t.Error("hidden event not listed for an editor who asks")
	}
	if list := e.as("viewer").get("/timeline/list?hidden=1"); strings.Contains(list.body, "Plenary opens") {
		t.Error("viewer sees hidden events")
	}
	if _, err := e.store.EventByID(t.Context(), ev.ID); err != nil {
		t.Errorf("hidden event was deleted: %v", err)
	}

	add := url.Values{"csrf_token": {token}, "headline": {"Kim's New Year speech"}, "value": {"2020-01-01"}, "mod": {""}, "status": {"scheduled"}, "tags": {"speech"}}
	res = c.form("POST", "/events", add)
	if res.status != http.StatusSeeOther {
		t.Fatalf("add = %d %s", res.status, res.body)
	}
	if page := c.get(res.header.Get("Location")); !strings.Contains(page.body, "added by hand") || !strings.Contains(page.body, "scheduled") {
		t.Error("manual event page")
	}
	add.Set("value", "soon")
	if res := c.form("POST", "/events", add); res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "is not a date") {
		t.Errorf("bad manual event = %d", res.status)
	}
}

func TestMergeAndSplit(t *testing.T) {
	e := newEnv(t)
	e.seed()
	c := e.as("editor")
	a, b := c.findEvent("2019-12-28"), c.findEvent("2019-12-29")
	token := c.get("/timeline/list").csrf()
	res := c.form("POST", "/events/merge", url.Values{"csrf_token": {token}, "event": {itoa(a.ID) + ":" + itoa(int64(a.Version)), itoa(b.ID) + ":" + itoa(int64(b.Version))}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("merge = %d %s", res.status, res.body)
	}
	merged, err := e.store.EventByID(t.Context(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(merged.Sources) < 2 {
		t.Fatalf("merged event has %d sources", len(merged.Sources))
	}
	gone, _ := e.store.EventByID(t.Context(), b.ID)
	if gone.MergedInto == nil || *gone.MergedInto != a.ID {
		t.Fatalf("merged-away event: %+v", gone.Event)
	}
	if page := c.get("/events/" + itoa(b.ID)); !strings.Contains(page.body, "was merged into") {
		t.Error("merged-away event page does not say where it went")
	}
	// Split the second source back off, through the API.
	res = c.json("POST", "/api/v1/events/"+itoa(a.ID)+"/split", map[string]any{"version": merged.Version, "source_ids": []int64{merged.Sources[len(merged.Sources)-1].ID}})
	if res.status != http.StatusCreated {
		t.Fatalf("split = %d %s", res.status, res.body)
	}
	var created store.EventDetail
	res.decode(&created)
	if len(created.Sources) != 1 || created.ID == a.ID {
		t.Errorf("split created %+v", created)
	}
	res = c.json("POST", "/api/v1/events/merge", map[string]any{"target": map[string]any{"id": a.ID, "version": 1}, "others": []any{}})
	if res.status != http.StatusUnprocessableEntity {
		t.Errorf("merge of one = %d", res.status)
	}
}

func TestTimelineFiltersAndOrder(t *testing.T) {
	e := newEnv(t)
	e.seed()
	c := e.as("viewer")
	var all timelineResult
	c.get("/api/v1/timeline").decode(&all)
	if len(all.Events) < 5 {
		t.Fatalf("timeline has %d events", len(all.Events))
	}
	for i := 1; i < len(all.Events); i++ {
		p, q := all.Events[i-1], all.Events[i]
		if p.StartsAt != nil && q.StartsAt != nil && q.StartsAt.Before(*p.StartsAt) {
			t.Errorf("events out of order: %s before %s", p.Value, q.Value)
		}
	}
	late := c.findEvent("2011")
	if late.Label != "late 2011" || late.EndsAt.Sub(*late.StartsAt).Hours() < 24*60 {
		t.Errorf("late 2011 is %q from %v to %v, want a range", late.Label, late.StartsAt, late.EndsAt)
	}
	var dec timelineResult
	c.get("/api/v1/timeline?from=2019-12&to=2019-12&status=happened&status=scheduled").decode(&dec)
	for _, ev := range dec.Events {
		if ev.StartsAt.Year() < 2019 || (ev.Status != "happened" && ev.Status != "scheduled") {
			t.Errorf("filtered timeline has %s %s", ev.Value, ev.Status)
		}
	}
	if len(dec.Events) == 0 {
		t.Error("December 2019 is empty")
	}
	var bySpeaker timelineResult
	c.get("/api/v1/timeline?speaker=" + url.QueryEscape("Lee Sang-min")).decode(&bySpeaker)
	if len(bySpeaker.Events) == 0 || bySpeaker.Events[0].Speakers[0] != "Lee Sang-min" {
		t.Errorf("speaker filter: %+v", bySpeaker.Events)
	}
	var byText timelineResult
	c.get("/api/v1/timeline?q=pleno&publisher=ANTARA&article=1&group=article").decode(&byText)
	if len(byText.Events) == 0 {
		t.Error("text filter found nothing")
	}
	for _, bad := range []string{"from=yesterday", "status=rumoured", "group=colour", "article=x", "limit=0"} {
		if res := c.get("/api/v1/timeline?" + bad); res.status != http.StatusUnprocessableEntity {
			t.Errorf("%s = %d", bad, res.status)
		}
	}
	page := c.get("/timeline/list?status=scheduled")
	if page.status != http.StatusOK || strings.Contains(page.body, `name="event"`) {
		t.Errorf("viewer's list view = %d, merge boxes shown: %v", page.status, strings.Contains(page.body, `name="event"`))
	}
	if page := c.get("/timeline?group=speaker"); !strings.Contains(page.body, `data-can-edit="false"`) {
		t.Error("viewer's timeline is editable")
	}
}

// TestEventPageShowsWhoDidWhat stores the reference article and opens the
// event of the plenary: its source shows the subject, predicate and object
// the pipeline found in the sentence, read back from the store.
func TestEventPageShowsWhoDidWhat(t *testing.T) {
	e := newEnv(t)
	c, ev := e.editSeeded()
	d, err := e.store.EventByID(t.Context(), ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	var src *store.EventSourceDetail
	for i := range d.Sources {
		if d.Sources[i].PredicateStart != nil {
			src = &d.Sources[i]
		}
	}
	if src == nil {
		t.Fatalf("no source of %q keeps its predicate: %+v", ev.Headline, d.Sources)
	}
	if src.Parts.Predicate == nil || src.Parts.Subject == nil {
		t.Fatalf("source parts %+v lack the predicate or subject", src.Parts)
	}
	page := c.get("/events/" + itoa(ev.ID)).body
	want := "<dt>Did</dt><dd>" + src.Parts.Predicate.Text + "</dd>"
	if !strings.Contains(page, want) {
		t.Errorf("event page lacks %s", want)
	}
	if subj := src.Parts.Subject.Text; subj == "" || !strings.Contains(page, "<dt>Who</dt><dd>"+subj+"</dd>") {
		t.Errorf("event page lacks the subject %q", subj)
	}
	if !strings.Contains(ev.Headline, src.Parts.Predicate.Text) {
		t.Errorf("headline %q does not hold the stored predicate", ev.Headline)
	}
}
