package web

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/factline/factline/claims/store"
)

// The timeline API and the export API read one filter: the same tag in any
// case keeps the same events, statuses come repeated or comma-separated,
// and the same bad input gets the same status and message from both.
func TestTimelineAndExportShareOneFilter(t *testing.T) {
	e := newEnv(t)
	e.seed()
	e.approveAll()
	c := e.as("viewer")
	ev := c.findEvent("2019-12-28")
	if _, err := e.store.UpdateEvent(context.Background(), ev.ID, ev.Version, store.EventPatch{Tags: &[]string{"Korea"}}, nil); err != nil {
		t.Fatal(err)
	}
	// ids are the events an API lists, in order: the timeline and the
	// JSON export both answer {"events": [{"id": ...}, ...]}.
	ids := func(path string) []int64 {
		t.Helper()
		var doc struct{ Events []struct{ ID int64 } }
		r := c.get(path)
		if r.status != http.StatusOK {
			t.Fatalf("%s = %d %s", path, r.status, r.body)
		}
		r.decode(&doc)
		var out []int64
		for _, it := range doc.Events {
			out = append(out, it.ID)
		}
		return out
	}
	timelineIDs := func(query string) []int64 { return ids("/api/v1/timeline?" + query) }
	exportIDs := func(query string) []int64 { return ids("/api/v1/export?format=json&" + query) }
	want := []int64{ev.ID}
	for _, tag := range []string{"korea", "Korea", "KOREA", " korea "} {
		q := url.Values{"tag": {tag}}.Encode()
		if got := timelineIDs(q); !slices.Equal(got, want) {
			t.Errorf("timeline %s = %v, want %v", q, got, want)
		}
		if got := exportIDs(q); !slices.Equal(got, want) {
			t.Errorf("export %s = %v, want %v", q, got, want)
		}
	}
	if got := timelineIDs("tag=japan"); len(got) != 0 {
		t.Errorf("an unused tag keeps %v", got)
	}
	repeated, joined := timelineIDs("status=happened&status=Scheduled"), timelineIDs("status=happened,scheduled")
	if len(repeated) == 0 || !slices.Equal(repeated, joined) || !slices.Equal(exportIDs("status=happened&status=Scheduled"), joined) {
		t.Errorf("repeated statuses %v, comma-separated %v", repeated, joined)
	}
	if all := timelineIDs(""); len(joined) >= len(all) {
		t.Errorf("status filter kept %d of %d events", len(joined), len(all))
	}

	for _, bad := range []string{"from=yesterday", "to=2019-13", "from=2020&to=2019", "status=rumoured", "article=x", "article=-1"} {
		tl, ex := c.get("/api/v1/timeline?"+bad), c.get("/api/v1/export?format=json&"+bad)
		if tl.status != http.StatusUnprocessableEntity || ex.status != tl.status {
			t.Errorf("%s: timeline %d, export %d, want both 422", bad, tl.status, ex.status)
			continue
		}
		if te, ee := tl.apiErr(), ex.apiErr(); te != ee || te.Code != "invalid" || te.Message == "" {
			t.Errorf("%s: timeline says %+v, export %+v", bad, te, ee)
		}
	}
}

// A filter the timeline pages cannot read is answered 422 with the page:
// the filter as typed, the reason beside it, and no events.
func TestTimelinePagesKeepABadFilter(t *testing.T) {
	e := newEnv(t)
	e.seed()
	v := e.as("viewer")
	for _, page := range []string{"/timeline", "/timeline/list"} {
		res := v.get(page + "?from=yesterday&speaker=KCNA&status=happened")
		if res.status != http.StatusUnprocessableEntity {
			t.Errorf("%s with a bad date = %d", page, res.status)
		}
		for _, want := range []string{`id="filter-error"`, `from must be a date`, `name="from" value="yesterday"`, `name="speaker" list="speakers" value="KCNA"`, `value="happened" checked`} {
			if !strings.Contains(res.body, want) {
				t.Errorf("%s with a bad date lacks %q", page, want)
			}
		}
		if strings.Contains(res.body, `id="timeline" `) || strings.Contains(res.body, `class="event-item`) {
			t.Errorf("%s draws events for a filter it could not read", page)
		}
	}
	// A filter that matches nothing says what to do.
	if res := v.get("/timeline/list?from=1800&to=1801"); res.status != http.StatusOK || !strings.Contains(res.body, "No events match these filters") {
		t.Errorf("empty list = %d", res.status)
	}
}
