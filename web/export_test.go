package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims/export"
)

// getWith sends a GET with extra headers, as a polling graphic would.
func (c *client) getWith(path string, header map[string]string) response {
	return c.send("GET", path, nil, header)
}

func TestExportAPI(t *testing.T) {
	e := newEnv(t)
	e.seed()
	e.approveAll()
	tok := e.tokenClient()

	res := tok.get("/api/v1/export?format=json")
	if res.status != http.StatusOK || !strings.HasPrefix(res.header.Get("Content-Type"), "application/json") {
		t.Fatalf("token export json = %d %s: %.200s", res.status, res.header.Get("Content-Type"), res.body)
	}
	var doc struct {
		SchemaVersion string            `json:"schema_version"`
		Events        []json.RawMessage `json:"events"`
		Count         int               `json:"count"`
	}
	res.decode(&doc)
	if doc.SchemaVersion != export.SchemaVersion || doc.Count == 0 || doc.Count != len(doc.Events) {
		t.Fatalf("export: version %q, count %d, %d events", doc.SchemaVersion, doc.Count, len(doc.Events))
	}

	// A poll with the ETag is answered 304 without a body, until an edit.
	etag := res.header.Get("ETag")
	if !strings.HasPrefix(etag, `W/"`) || !strings.Contains(res.header.Get("Cache-Control"), "no-cache") {
		t.Fatalf("ETag %q, Cache-Control %q", etag, res.header.Get("Cache-Control"))
	}
	if r := tok.getWith("/api/v1/export?format=json", map[string]string{"If-None-Match": etag}); r.status != http.StatusNotModified || r.body != "" {
		t.Fatalf("poll with ETag = %d (%d bytes), want 304 and no body", r.status, len(r.body))
	}
	if r := tok.getWith("/api/v1/export?format=csv", map[string]string{"If-None-Match": etag}); r.status != http.StatusOK {
		t.Fatalf("another format with the same ETag = %d, want 200", r.status)
	}
	editor := e.as("editor")
	ev := editor.findEvent("2019-12-28")
	if r := editor.json("PATCH", "/api/v1/events/"+itoa(ev.ID), map[string]any{"version": ev.Version, "headline": "Kim opens the plenary"}); r.status != http.StatusOK {
		t.Fatalf("edit = %d: %s", r.status, r.body)
	}
	r := tok.getWith("/api/v1/export?format=json", map[string]string{"If-None-Match": etag})
	if r.status != http.StatusOK || r.header.Get("ETag") == etag || !strings.Contains(r.body, "Kim opens the plenary") {
		t.Fatalf("poll after an edit = %d, ETag %q (was %q)", r.status, r.header.Get("ETag"), etag)
	}

	// Every format, for a viewer too; ClaimReview links into this site.
	viewer := e.as("viewer")
	for format, ctype := range map[string]string{"timelinejs": "application/json", "csv": "text/csv", "claimreview": "application/ld+json"} {
		r := viewer.get("/api/v1/export?format=" + format + "&status=happened,reported&lang=id")
		if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), ctype) {
			t.Errorf("viewer export %s = %d %s: %.200s", format, r.status, r.header.Get("Content-Type"), r.body)
		}
	}
	if err := e.store.DB().Exec("UPDATE claims SET status = 'verified' WHERE id = (SELECT MIN(id) FROM claims)").Error; err != nil {
		t.Fatal(err)
	}
	var reviews []struct {
		URL string `json:"url"`
	}
	viewer.get("/api/v1/export?format=claimreview").decode(&reviews)
	if len(reviews) != 1 || !strings.HasPrefix(reviews[0].URL, e.http.URL+"/claims/") {
		t.Errorf("ClaimReview urls %+v, want this site's claim pages", reviews)
	}

	for _, bad := range []string{"", "?format=pdf", "?format=json&status=maybe", "?format=json&from=soon", "?format=json&lang=fr", "?format=json&article=x"} {
		if r := tok.get("/api/v1/export" + bad); r.status != http.StatusUnprocessableEntity || r.apiErr().Code != "invalid" {
			t.Errorf("export%s = %d %s, want 422", bad, r.status, r.body)
		}
	}
	if r := tok.get("/api/v1/export?format=timelinejs&article=999"); r.status != http.StatusNotFound || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Errorf("export of a missing article = %d %s, want a JSON 404", r.status, r.header.Get("Content-Type"))
	}
	if r := e.anon().get("/api/v1/export?format=json"); r.status != http.StatusUnauthorized {
		t.Errorf("anonymous export = %d, want 401", r.status)
	}

	r = tok.get("/api/v1/schema/export.json")
	if r.status != http.StatusOK || r.body != string(export.Schema) {
		t.Errorf("schema = %d", r.status)
	}
}

// API tokens read and never write; revoked and expired ones are refused.
func TestExportTokens(t *testing.T) {
	e := newEnv(t)
	e.seed()
	ctx := context.Background()
	tok := e.tokenClient()
	ev := e.as("editor").findEvent("2019-12-28")
	if r := tok.json("PATCH", "/api/v1/events/"+itoa(ev.ID), map[string]any{"version": ev.Version, "headline": "x"}); r.status != http.StatusForbidden {
		t.Errorf("token write = %d, want 403: %s", r.status, r.body)
	}
	if r := tok.json("POST", "/api/v1/articles", map[string]any{"source": "paste", "text": "Teks."}); r.status != http.StatusForbidden {
		t.Errorf("token POST = %d, want 403", r.status)
	}

	_, expiring, err := e.store.CreateToken(ctx, "short-lived", time.Millisecond, nil)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond)
	expired := e.anon()
	expired.bearer = expiring
	if r := expired.get("/api/v1/export?format=json"); r.status != http.StatusUnauthorized || !strings.Contains(r.body, "expired") {
		t.Errorf("expired token = %d %s, want 401", r.status, r.body)
	}
	if _, err := e.store.RevokeToken(ctx, "graphics"); err != nil {
		t.Fatal(err)
	}
	if r := tok.get("/api/v1/export?format=json"); r.status != http.StatusUnauthorized || !strings.Contains(r.body, "revoked") {
		t.Errorf("revoked token = %d %s, want 401", r.status, r.body)
	}
	bogus := e.anon()
	bogus.bearer = "fl_not-a-token"
	if r := bogus.get("/api/v1/export?format=json"); r.status != http.StatusUnauthorized {
		t.Errorf("unknown token = %d, want 401", r.status)
	}
}

func TestETagMatches(t *testing.T) {
	for header, want := range map[string]bool{
		`W/"abc"`: true, `"abc"`: true, `"x", W/"abc"`: true, `*`: true, `"abcd"`: false, ``: false,
	} {
		if got := etagMatches(header, `W/"abc"`); got != want {
			t.Errorf("etagMatches(%q) = %v", header, got)
		}
	}
}

// An export is built once per ETag: a second client asking for the same
// unchanged export gets the kept copy, and an edit makes a new one.
func TestExportCacheServesUnchangedExport(t *testing.T) {
	e := newEnv(t)
	c, ev := e.editSeeded()
	const path = "/api/v1/export?format=json"
	e.approveAll()
	first := c.get(path)
	if len(e.srv.exports.items) != 1 {
		t.Fatalf("%d exports kept after one build, want 1", len(e.srv.exports.items))
	}
	again := e.tokenClient().get(path)
	if again.status != http.StatusOK || again.body != first.body || again.header.Get("ETag") != first.header.Get("ETag") {
		t.Fatalf("second export = %d, ETag %q vs %q, same body %v", again.status, again.header.Get("ETag"), first.header.Get("ETag"), again.body == first.body)
	}
	if res := c.json("PATCH", "/api/v1/events/"+itoa(ev.ID), map[string]any{"version": ev.Version, "headline": "Plenary opens"}); res.status != http.StatusOK {
		t.Fatalf("edit = %d %s", res.status, res.body)
	}
	edited := c.get(path)
	if edited.header.Get("ETag") == first.header.Get("ETag") || !strings.Contains(edited.body, "Plenary opens") {
		t.Fatalf("export after an edit kept the old ETag or body")
	}
}

func TestExportCacheStaysUnderItsCap(t *testing.T) {
	c := newExportCache(400)
	for _, k := range []string{"a", "b", "c", "d", "e"} {
		c.put(k, cachedExport{body: make([]byte, 100)})
	}
	if _, ok := c.get("a"); ok || c.size > 400 || len(c.items) != 4 {
		t.Errorf("after five puts: size %d, %d items, oldest kept %v", c.size, len(c.items), ok)
	}
	c.put("big", cachedExport{body: make([]byte, 101)})
	if _, ok := c.get("big"); ok {
		t.Error("an entry over a quarter of the cap was kept")
	}
	var w strings.Builder
	tee := &capture{w: &w, max: 3}
	tee.Write([]byte("ab"))
	tee.Write([]byte("cd"))
	if w.String() != "abcd" || !tee.over || tee.buf != nil {
		t.Errorf("capture passed %q, over %v, kept %q", w.String(), tee.over, tee.buf)
	}
}
