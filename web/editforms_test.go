package web

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/factline/factline/claims/store"
)

// eventFormValue reads the value a field of the event page's edit form
// shows: an input's value, a textarea's text or the selected option of a
// select.
func eventFormValue(t *testing.T, page, name string) string {
	t.Helper()
	form := page[strings.Index(page, `id="event-form"`):]
	form = form[:strings.Index(form, "</form>")]
	if m := regexp.MustCompile(`<input name="` + name + `" value="([^"]*)"`).FindStringSubmatch(form); m != nil {
		return html.UnescapeString(m[1])
	}
	if m := regexp.MustCompile(`(?s)<textarea name="` + name + `"[^>]*>(.*?)</textarea>`).FindStringSubmatch(form); m != nil {
		return html.UnescapeString(m[1])
	}
	sel := regexp.MustCompile(`(?s)<select name="` + name + `".*?</select>`).FindString(form)
	if m := regexp.MustCompile(`<option value="([^"]*)" selected>`).FindStringSubmatch(sel); m != nil {
		return html.UnescapeString(m[1])
	}
	if sel != "" {
		return ""
	}
	t.Fatalf("the edit form has no field %q", name)
	return ""
}

// A bad date refuses the edit with 422 and the form comes back as typed,
// the message next to the field it is about.
func TestEventFormKeepsWhatWasTyped(t *testing.T) {
	e := newEnv(t)
	c, ev := e.editSeeded()
	path := "/events/" + itoa(ev.ID)
	token := c.get(path).csrf()
	typed := url.Values{"csrf_token": {token}, "version": {itoa(int64(ev.Version))}, "headline": {"Kim opens the plenary, rewritten"},
		"description": {"Typed with care."}, "value": {"next week"}, "end": {""}, "mod": {"APPROX"}, "precision": {"month"},
		"status": {"scheduled"}, "tags": {"plenary, kim"}}
	res := c.form("POST", path, typed)
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad date = %d", res.status)
	}
	for _, field := range []string{"headline", "value", "mod", "precision", "status", "tags"} {
		if got := eventFormValue(t, res.body, field); got != typed.Get(field) {
			t.Errorf("after the bad date the form's %s is %q, want %q as typed", field, got, typed.Get(field))
		}
	}
	if !strings.Contains(res.body, `<input name="value" value="next week" required aria-invalid="true" aria-describedby="value-error date-help">`+
		`<span class="field-error" id="value-error">&#34;next week&#34; is not a date`) {
		t.Errorf("the message is not next to the date field:\n%s", res.body[strings.Index(res.body, `id="event-form"`):][:1500])
	}
	if got, _ := e.store.EventByID(t.Context(), ev.ID); got.Version != ev.Version {
		t.Errorf("the refused edit saved version %d", got.Version)
	}

	typed.Set("value", "2019-12-28")
	typed.Set("end", "2019-12-01")
	res = c.form("POST", path, typed)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `id="end-error">the end date 2019-12-01 must come after`) ||
		eventFormValue(t, res.body, "headline") != typed.Get("headline") {
		t.Errorf("an end before the date = %d, the message not next to the end date or the headline lost", res.status)
	}

	// The API says which field too.
	api := c.json("PATCH", "/api/v1/events/"+itoa(ev.ID), map[string]any{"version": ev.Version, "value": "next week"})
	if api.status != http.StatusUnprocessableEntity || api.apiErr().Field != "value" {
		t.Errorf("API bad date = %d %s, want 422 about the field value", api.status, api.body)
	}

	// The add form keeps what was typed as well.
	add := url.Values{"csrf_token": {token}, "headline": {"A hand-made event"}, "value": {"soon"}, "status": {"scheduled"}, "tags": {"x"}}
	res = c.form("POST", "/events", add)
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `value="A hand-made event"`) || !strings.Contains(res.body, `id="value-error"`) {
		t.Errorf("bad date in the add form = %d", res.status)
	}
}

// An edit made on a version someone else changed since is refused (409)
// and shows both: the editor's values and the stored ones side by side, and
// the form holds the editor's changes on top of the current version, so
// saving it again applies them without undoing the other edit.
func TestStaleEventFormShowsBothVersions(t *testing.T) {
	e := newEnv(t)
	c, ev := e.editSeeded()
	path := "/events/" + itoa(ev.ID)
	page := c.get(path).body
	mine := url.Values{"csrf_token": {c.get(path).csrf()}, "version": {itoa(int64(ev.Version))}}
	for _, f := range []string{"headline", "description", "value", "end", "mod", "precision", "status", "tags"} {
		mine.Set(f, eventFormValue(t, page, f))
	}
	mine.Set("headline", "My rewritten headline")

	// Meanwhile another editor marks it scheduled and tags it.
	var other store.EventDetail
	c.json("PATCH", "/api/v1/events/"+itoa(ev.ID), map[string]any{"version": ev.Version, "status": "scheduled", "tags": []string{"theirs"}}).decode(&other)

	res := c.form("POST", path, mine)
	if res.status != http.StatusConflict {
		t.Fatalf("stale edit = %d", res.status)
	}
	table := regexp.MustCompile(`(?s)<table class="list" id="stale-compare".*?</table>`).FindString(res.body)
	for _, want := range []string{`<td class="yours">My rewritten headline</td><td class="current">` + html.EscapeString(ev.Headline) + `</td>`,
		`<td class="yours">happened</td><td class="current">scheduled</td>`, `<td class="yours"></td><td class="current">theirs</td>`} {
		if !strings.Contains(table, want) {
			t.Errorf("the comparison lacks %s:\n%s", want, table)
		}
	}
	if got := eventFormValue(t, res.body, "headline"); got != "My rewritten headline" {
		t.Errorf("the form's headline is %q, want the editor's", got)
	}
	if got := eventFormValue(t, res.body, "status"); got != "scheduled" {
		t.Errorf("the form's status is %q, want the current one the editor did not change", got)
	}
	if !strings.Contains(res.body, `name="version" value="`+itoa(int64(other.Version))+`"`) || !strings.Contains(res.body, "Save my changes on version") {
		t.Fatal("the form is not on the current version")
	}

	// Saving the form as shown applies the change on top of the other.
	again := url.Values{"csrf_token": mine["csrf_token"], "version": {itoa(int64(other.Version))}}
	for _, f := range []string{"headline", "description", "value", "end", "mod", "precision", "status", "tags"} {
		again.Set(f, eventFormValue(t, res.body, f))
	}
	if res := c.form("POST", path, again); res.status != http.StatusSeeOther {
		t.Fatalf("saving again = %d", res.status)
	}
	got, _ := e.store.EventByID(t.Context(), ev.ID)
	if got.Headline != "My rewritten headline" || got.Status != "scheduled" || strings.Join(got.Tags, ",") != "theirs" {
		t.Errorf("after saving again: %q %s %v; want the editor's headline and the other edit's status and tags", got.Headline, got.Status, got.Tags)
	}
}

// A viewer's event page, timeline and list view hold no form that writes
// (the sign-out form aside) and no edit, review, undo or restore control;
// an editor's hold them all.
func TestViewerSeesNoWriteControls(t *testing.T) {
	e := newEnv(t)
	ed, ev := e.editSeeded()
	ed.json("PATCH", "/api/v1/events/"+itoa(ev.ID), map[string]any{"version": ev.Version, "headline": "Edited once"})
	pages := []string{"/events/" + itoa(ev.ID), "/timeline", "/timeline/list"}
	controls := []string{"Undo this change", "Restore version", "Add an event", `id="event-form"`, `id="review-form"`, "/split", "/events/merge"}
	v := e.as("viewer")
	for _, p := range pages {
		body := v.get(p).body
		if n := strings.Count(body, `method="post"`); n != 1 {
			t.Errorf("a viewer's %s has %d forms that post, want only the sign-out", p, n)
		}
		for _, c := range controls {
			if strings.Contains(body, c) {
				t.Errorf("a viewer's %s shows %q", p, c)
			}
		}
		if strings.Contains(body, "data-can-edit") && !strings.Contains(body, `data-can-edit="false"`) {
			t.Errorf("a viewer's %s lets its script edit", p)
		}
	}
	all := ""
	for _, p := range pages {
		all += ed.get(p).body
	}
	for _, c := range controls {
		if !strings.Contains(all, c) {
			t.Errorf("an editor's pages lack %q", c)
		}
	}
}
