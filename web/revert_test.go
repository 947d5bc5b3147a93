package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factline/factline/claims/store"
)

// Undo takes back one change and keeps a later edit to another field; an
// undo that would overwrite a later change to its own field asks (409 with
// what would be lost) until confirmed; restore puts the whole version back.
func TestRevertUndoesOneChangeAndRestoreRestores(t *testing.T) {
	e := newEnv(t)
	c, ev := e.editSeeded()
	path := "/api/v1/events/" + itoa(ev.ID)
	var d store.EventDetail
	c.json("PATCH", path, map[string]any{"version": ev.Version, "headline": "Kim opens the plenary"}).decode(&d)
	c.json("PATCH", path, map[string]any{"version": d.Version, "value": "2019-12-27"}).decode(&d)
	var hist struct {
		Revisions []store.Revision `json:"revisions"`
	}
	c.get(path + "/revisions").decode(&hist)
	headlineRev := itoa(hist.Revisions[0].ID)

	// The form: undo the headline edit; the later date edit stays.
	page := c.get("/events/" + itoa(ev.ID))
	for _, want := range []string{"Undo this change", "Restore version 1", "/revisions/" + headlineRev + "/restore"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the history lacks %q", want)
		}
	}
	token := page.csrf()
	res := c.form("POST", "/revisions/"+headlineRev+"/revert", url.Values{"csrf_token": {token}, "version": {itoa(int64(d.Version))}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("undo = %d %s", res.status, res.body)
	}
	c.get(path).decode(&d)
	if d.Headline != ev.Headline || d.Value != "2019-12-27" {
		t.Fatalf("after the undo: %q %s; want %q and the later date 2019-12-27", d.Headline, d.Value, ev.Headline)
	}
	// The undone edit offers no second undo, only its restore.
	page = c.get("/events/" + itoa(ev.ID))
	if strings.Contains(page.body, "/revisions/"+headlineRev+"/revert") || !strings.Contains(page.body, "Already undone") ||
		!strings.Contains(page.body, "/revisions/"+headlineRev+"/restore") {
		t.Errorf("the history still offers to undo the undone headline edit, or lost its restore")
	}

	// A later edit of the headline: undoing the first again asks, on the
	// page and in the API, and changes nothing until confirmed.
	c.json("PATCH", path, map[string]any{"version": d.Version, "headline": "Kim closes the plenary"}).decode(&d)
	c.json("PATCH", path, map[string]any{"version": d.Version, "headline": "Kim ends the plenary"}).decode(&d)
	c.get(path + "/revisions").decode(&hist)
	closes := itoa(hist.Revisions[len(hist.Revisions)-2].ID)
	res = c.form("POST", "/revisions/"+closes+"/revert", url.Values{"csrf_token": {token}, "version": {itoa(int64(d.Version))}})
	if res.status != http.StatusConflict || !strings.Contains(res.body, "<td>Kim ends the plenary</td>") ||
		!strings.Contains(res.body, `name="confirm" value="1"`) {
		t.Fatalf("conflicting undo from the form = %d %.800s", res.status, res.body)
	}
	api := c.json("POST", "/api/v1/revisions/"+closes+"/revert", map[string]any{"version": d.Version})
	var conflict struct {
		Error      apiError          `json:"error"`
		Overwrites []store.Overwrite `json:"overwrites"`
		Current    store.EventDetail `json:"current"`
	}
	api.decode(&conflict)
	want := store.Overwrite{Field: "headline", Current: "Kim ends the plenary", After: ev.Headline}
	if api.status != http.StatusConflict || len(conflict.Overwrites) != 1 || conflict.Overwrites[0] != want || conflict.Current.Version != d.Version {
		t.Fatalf("conflicting undo from the API = %d %s", api.status, api.body)
	}
	if api := c.json("POST", "/api/v1/revisions/"+closes+"/revert", map[string]any{"version": d.Version, "confirm": true}); api.status != http.StatusOK {
		t.Fatalf("confirmed undo = %d %s", api.status, api.body)
	}
	c.get(path).decode(&d)
	if d.Headline != ev.Headline || d.Value != "2019-12-27" {
		t.Errorf("after the confirmed undo: %q %s", d.Headline, d.Value)
	}

	// Restore the version before the first edit: everything comes back.
	res = c.form("POST", "/revisions/"+headlineRev+"/restore", url.Values{"csrf_token": {token}, "version": {itoa(int64(d.Version))}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("restore = %d %s", res.status, res.body)
	}
	c.get(path).decode(&d)
	if d.Headline != ev.Headline || d.Value != ev.Value {
		t.Errorf("after the restore: %q %s, want %q %s", d.Headline, d.Value, ev.Headline, ev.Value)
	}
	if history := c.get("/events/" + itoa(ev.ID)).body; !strings.Contains(history, "<td>restore</td>") || !strings.Contains(history, "<td>revert</td>") {
		t.Error("the history does not show the undo and the restore")
	}
	// A history form from a page older than the event goes back to the
	// event's page, with the reason and the history as it is now.
	res = c.form("POST", "/revisions/"+headlineRev+"/revert", url.Values{"csrf_token": {token}, "version": {itoa(int64(d.Version - 1))}})
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/events/"+itoa(ev.ID) {
		t.Errorf("a stale undo form = %d to %q", res.status, res.header.Get("Location"))
	}
	if page := c.get("/events/" + itoa(ev.ID)).body; !strings.Contains(page, "Nothing was changed: event #"+itoa(ev.ID)+" was changed by someone else") {
		t.Error("the event page does not say why the stale undo changed nothing")
	}
	stale := c.json("POST", "/api/v1/revisions/"+headlineRev+"/restore", map[string]any{"version": d.Version - 1})
	if stale.status != http.StatusConflict || !strings.Contains(stale.body, `"current"`) {
		t.Errorf("stale restore = %d %s", stale.status, stale.body)
	}
}
