package web

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factline/factline/claims/store"
)

// reviewAPI sets an event's review state through the API.
func (c *client) reviewAPI(id int64, version int, state string) response {
	return c.json("POST", "/api/v1/events/"+itoa(id)+"/review", map[string]any{"version": version, "state": state})
}

// Editors move events between review states through the API, each change
// in the history and revertible; viewers and tokens cannot; bad input gets
// its 4xx.
func TestReviewEventAPI(t *testing.T) {
	e := newEnv(t)
	ed, ev := e.editSeeded()
	if ev.Review != "proposed" {
		t.Fatalf("a new event is %q, want proposed", ev.Review)
	}
	for _, c := range []*client{e.as("viewer"), e.tokenClient()} {
		if res := c.reviewAPI(ev.ID, ev.Version, "approved"); res.status != http.StatusForbidden {
			t.Errorf("approve as a reader = %d %s, want 403", res.status, res.body)
		}
	}
	res := ed.reviewAPI(ev.ID, ev.Version, "approved")
	var got store.EventDetail
	res.decode(&got)
	if res.status != http.StatusOK || got.Review != "approved" || got.Version != ev.Version+1 {
		t.Fatalf("approve = %d %s", res.status, res.body)
	}
	for _, bad := range []struct {
		body   any
		status int
	}{
		{map[string]any{"version": got.Version, "state": "approved"}, http.StatusUnprocessableEntity},
		{map[string]any{"version": got.Version, "state": "published"}, http.StatusUnprocessableEntity},
		{map[string]any{"state": "rejected"}, http.StatusBadRequest},
		{map[string]any{"version": got.Version, "state": "rejected", "colour": "red"}, http.StatusBadRequest},
		{map[string]any{"version": "two", "state": "rejected"}, http.StatusBadRequest},
		{map[string]any{"version": ev.Version, "state": "rejected"}, http.StatusConflict},
	} {
		res := ed.json("POST", "/api/v1/events/"+itoa(ev.ID)+"/review", bad.body)
		if res.status != bad.status || res.apiErr().Message == "" {
			t.Errorf("review %v = %d %s, want %d with a message", bad.body, res.status, res.body, bad.status)
		}
	}
	if res := ed.reviewAPI(999999, 1, "approved"); res.status != http.StatusNotFound {
		t.Errorf("review of no event = %d", res.status)
	}
	var stale struct {
		Current store.EventDetail `json:"current"`
	}
	ed.reviewAPI(ev.ID, ev.Version, "rejected").decode(&stale)
	if stale.Current.Version != got.Version || stale.Current.Review != "approved" {
		t.Errorf("a stale review answers with %+v, want the event as it is now", stale.Current)
	}

	var revs []store.Revision
	var history struct {
		Revisions []store.Revision `json:"revisions"`
	}
	ed.get("/api/v1/events/" + itoa(ev.ID) + "/revisions").decode(&history)
	for _, r := range history.Revisions {
		if r.Action == store.ActionReview {
			revs = append(revs, r)
		}
	}
	if len(revs) != 1 || !strings.Contains(revs[0].After, `"review":"approved"`) {
		t.Fatalf("history %+v, want one review revision to approved", history.Revisions)
	}
	if res := ed.json("POST", "/api/v1/revisions/"+itoa(revs[0].ID)+"/revert", map[string]any{"version": got.Version}); res.status != http.StatusOK {
		t.Fatalf("revert = %d %s", res.status, res.body)
	}
	var now store.EventDetail
	ed.get("/api/v1/events/" + itoa(ev.ID)).decode(&now)
	if now.Review != "proposed" {
		t.Errorf("after reverting the approval the event is %q, want proposed", now.Review)
	}
}

// The page's buttons are forms: they come back to the list the editor
// reviewed from, never to another site.
func TestReviewEventForm(t *testing.T) {
	e := newEnv(t)
	ed, ev := e.editSeeded()
	page := ed.get("/events/" + itoa(ev.ID))
	if !strings.Contains(page.body, `action="/events/`+itoa(ev.ID)+`/review"`) || !strings.Contains(page.body, `id="review-state"`) {
		t.Fatalf("the event page has no review state or buttons")
	}
	if v := e.as("viewer").get("/events/" + itoa(ev.ID)); strings.Contains(v.body, `id="review-form"`) {
		t.Error("a viewer is shown the review buttons")
	}
	form := url.Values{"csrf_token": {page.csrf()}, "version": {fmt.Sprint(ev.Version)}, "state": {"approved"}, "back": {"/timeline/list?review=approved"}}
	res := ed.form("POST", "/events/"+itoa(ev.ID)+"/review", form)
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/timeline/list?review=approved" {
		t.Fatalf("review form = %d to %q", res.status, res.header.Get("Location"))
	}
	if page := ed.get("/events/" + itoa(ev.ID)); !strings.Contains(page.body, "<td>review</td>") ||
		!strings.Contains(page.body, "<b>review</b>: <del>proposed</del> → <ins>approved</ins>") {
		t.Error("the event's history does not show the approval")
	}
	list := ed.get("/timeline/list?review=approved")
	if strings.Count(list.body, `class="event-item `) != 1 || !strings.Contains(list.body, `data-event="`+itoa(ev.ID)+`"`) ||
		!strings.Contains(list.body, "review-approved") || !strings.Contains(list.body, `name="review" value="approved" checked`) {
		t.Errorf("the list of approved events:\n%s", list.body)
	}
	if all := ed.get("/timeline/list"); strings.Count(all.body, `class="event-item `) < 2 || !strings.Contains(all.body, "review-proposed") {
		t.Error("the whole list lacks the proposed events or their mark")
	}
	form.Set("version", fmt.Sprint(ev.Version+1))
	form.Set("state", "rejected")
	form.Set("back", "//evil.example/")
	if res := ed.form("POST", "/events/"+itoa(ev.ID)+"/review", form); res.status != http.StatusSeeOther || res.header.Get("Location") != "/timeline" {
		t.Errorf("review form back to another site = %d to %q", res.status, res.header.Get("Location"))
	}
	form.Set("state", "maybe")
	form.Set("version", fmt.Sprint(ev.Version+2))
	if res := ed.form("POST", "/events/"+itoa(ev.ID)+"/review", form); res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "review must be one of") {
		t.Errorf("review form with a bad state = %d", res.status)
	}
	if res := ed.get("/api/v1/timeline?review=maybe"); res.status != http.StatusUnprocessableEntity {
		t.Errorf("timeline with a bad review filter = %d", res.status)
	}
}

// Exports hold approved events only; include=proposed adds the proposed
// ones; rejected ones never appear; every format says what it left out,
// and the cache keeps the two exports apart.
func TestExportGatedOnReview(t *testing.T) {
	e := newEnv(t)
	ed, _ := e.editSeeded()
	var tl timelineResult
	ed.get("/api/v1/timeline").decode(&tl)
	if len(tl.Events) < 5 {
		t.Fatalf("%d events", len(tl.Events))
	}
	approved := map[int64]bool{}
	for i, ev := range tl.Events[:4] {
		state := "approved"
		if i == 3 {
			state = "rejected"
		} else {
			approved[ev.ID] = true
		}
		if res := ed.reviewAPI(ev.ID, ev.Version, state); res.status != http.StatusOK {
			t.Fatalf("review = %d %s", res.status, res.body)
		}
	}
	proposed := len(tl.Events) - 4
	type doc struct {
		Events []struct {
			ID     int64  `json:"id"`
			Review string `json:"review"`
		} `json:"events"`
		Count   int `json:"count"`
		LeftOut struct {
			Proposed, Approved, Rejected int
		} `json:"left_out"`
	}
	c := e.tokenClient()
	res := c.get("/api/v1/export?format=json")
	var d doc
	res.decode(&d)
	if res.status != http.StatusOK || d.Count != 3 || d.LeftOut.Proposed != proposed || d.LeftOut.Rejected != 1 {
		t.Fatalf("default export = %d: %d events, left out %+v; want the 3 approved", res.status, d.Count, d.LeftOut)
	}
	for _, ev := range d.Events {
		if !approved[ev.ID] || ev.Review != "approved" {
			t.Errorf("exported #%d (%s), not one of the approved", ev.ID, ev.Review)
		}
	}
	if h := res.header.Get("Factline-Left-Out"); h != fmt.Sprintf("proposed=%d, rejected=1", proposed) {
		t.Errorf("Factline-Left-Out %q", h)
	}
	wide := c.get("/api/v1/export?format=json&include=proposed")
	var w doc
	wide.decode(&w)
	if wide.status != http.StatusOK || w.Count != len(tl.Events)-1 || w.LeftOut.Proposed != 0 || w.LeftOut.Rejected != 1 ||
		wide.header.Get("Factline-Left-Out") != "rejected=1" || wide.header.Get("ETag") == res.header.Get("ETag") {
		t.Fatalf("include=proposed = %d: %d events, left out %+v, header %q, ETag %q", wide.status, w.Count, w.LeftOut,
			wide.header.Get("Factline-Left-Out"), wide.header.Get("ETag"))
	}
	if len(e.srv.exports.items) != 2 {
		t.Errorf("%d exports cached, want the default and the wide one apart", len(e.srv.exports.items))
	}
	if again := c.get("/api/v1/export?format=json"); again.body != res.body || again.header.Get("Factline-Left-Out") != res.header.Get("Factline-Left-Out") {
		t.Error("the cached export differs from the one built, or lost its Factline-Left-Out")
	}
	csvRes := c.get("/api/v1/export?format=csv")
	rows, err := csv.NewReader(strings.NewReader(csvRes.body)).ReadAll()
	if err != nil || len(rows) != 4 || csvRes.header.Get("Factline-Left-Out") == "" {
		t.Errorf("csv: %d rows, %v, header %q; want a header row and the 3 approved", len(rows), err, csvRes.header.Get("Factline-Left-Out"))
	}
	var slides struct {
		Events []json.RawMessage `json:"events"`
	}
	tjs := c.get("/api/v1/export?format=timelinejs&include=proposed")
	tjs.decode(&slides)
	if len(slides.Events) == 0 || len(slides.Events) > len(tl.Events)-1 || tjs.header.Get("Factline-Left-Out") != "rejected=1" {
		t.Errorf("timelinejs include=proposed: %d slides, header %q", len(slides.Events), tjs.header.Get("Factline-Left-Out"))
	}
	if res := c.get("/api/v1/export?format=json&review=approved&include=proposed"); !strings.Contains(res.body, `"count":3`) {
		t.Errorf("review=approved narrows the wide export: %.200s", res.body)
	}
	for _, q := range []string{"include=all", "include=rejected", "review=rejected", "review=proposed", "include=proposed&review=rejected"} {
		res := c.get("/api/v1/export?format=json&" + q)
		if res.status != http.StatusUnprocessableEntity || res.apiErr().Message == "" {
			t.Errorf("export ?%s = %d %s, want 422 with a message", q, res.status, res.body)
		}
	}
}

// A story's page and API count its events by review state, with those
// whose sources disagree.
func TestStoryReviewCounts(t *testing.T) {
	e := newEnv(t)
	first := e.seed()
	ctx := context.Background()
	st, err := e.store.CreateStory(ctx, "Plenary", store.StoryInput{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.AddStoryArticle(ctx, st.ID, first, store.JoinedByEditor, nil); err != nil {
		t.Fatal(err)
	}
	ed := e.as("editor")
	var tl timelineResult
	ed.get("/api/v1/timeline?story=Plenary").decode(&tl)
	for _, ev := range tl.Events[:2] {
		if res := ed.reviewAPI(ev.ID, ev.Version, "approved"); res.status != http.StatusOK {
			t.Fatal(res.body)
		}
	}
	if err := e.store.DB().Exec("UPDATE events SET disagree = ? WHERE id = ?", true, tl.Events[2].ID).Error; err != nil {
		t.Fatal(err)
	}
	var d struct {
		Counts store.ReviewCounts `json:"counts"`
	}
	e.tokenClient().get("/api/v1/stories/plenary").decode(&d)
	if want := (store.ReviewCounts{Proposed: int64(len(tl.Events) - 2), Approved: 2, Disputed: 1}); d.Counts != want {
		t.Errorf("story counts %+v, want %+v", d.Counts, want)
	}
	page := ed.get("/stories/Plenary")
	for _, want := range []string{fmt.Sprintf("<strong>%d</strong> proposed", len(tl.Events)-2), "<strong>2</strong> approved", "<strong>1</strong> disputed"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the story page lacks %q", want)
		}
	}
}
