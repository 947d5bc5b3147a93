package export

import (
	"context"
	"testing"
	"time"
)

func TestETag(t *testing.T) {
	fx := newFixture(t)
	ctx := context.Background()
	etag := func(f Format, opt Options) string {
		t.Helper()
		e, err := ETag(ctx, fx.s, f, opt)
		if err != nil {
			t.Fatal(err)
		}
		return e
	}
	base := etag(JSON, Options{})
	if base != etag(JSON, Options{}) || len(base) < 10 || base[:3] != `W/"` {
		t.Fatalf("ETag %q is not stable or not a weak tag", base)
	}
	tagged, _ := parseFilter("", "", "", "korea", "")
	seen := map[string]string{base: "base"}
	distinct := func(name, e string) {
		t.Helper()
		if prev, dup := seen[e]; dup {
			t.Errorf("%s: ETag equals the one for %s", name, prev)
		}
		seen[e] = name
	}
	distinct("csv", etag(CSV, Options{}))
	distinct("tag filter", etag(JSON, Options{Filter: tagged}))
	distinct("language", etag(JSON, Options{Lang: "id"}))

	// Edits as the store makes them: a version bump and the current time.
	for name, sql := range map[string]string{
		"edit headline": "UPDATE events SET headline = 'New', version = version + 1, updated_at = ? WHERE id = (SELECT MIN(id) FROM events)",
		"verdict":       "UPDATE claims SET status = 'disputed', version = version + 1, updated_at = ? WHERE id = (SELECT MIN(id) FROM claims)",
		"evidence":      "INSERT INTO claim_evidence (claim_id, note, created_at) VALUES ((SELECT MIN(id) FROM claims), 'n', ?)",
		"article title": "UPDATE articles SET title = 'T', version = version + 1, updated_at = ? WHERE id = (SELECT MIN(id) FROM articles)",
	} {
		exec(t, fx.s, sql, time.Now())
		distinct(name, etag(JSON, Options{}))
	}
	exec(t, fx.s, "INSERT INTO event_tags (event_id, tag) VALUES (?, 'new-tag')", fx.kcna)
	distinct("tag added", etag(JSON, Options{}))
}
