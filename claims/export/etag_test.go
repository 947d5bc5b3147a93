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
	tagged, _ := ParseFilter("", "", "", "korea", "")
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

	later := time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)
	for name, sql := range map[string]string{
		"edit headline": "UPDATE events SET headline = 'New', updated_at = ? WHERE id = (SELECT MIN(id) FROM events)",
		"verdict":       "UPDATE claims SET status = 'disputed', updated_at = ? WHERE id = (SELECT MIN(id) FROM claims)",
		"evidence":      "INSERT INTO claim_evidence (claim_id, note, created_at) VALUES ((SELECT MIN(id) FROM claims), 'n', ?)",
	} {
		exec(t, fx.s, sql, later)
		later = later.Add(time.Hour)
		distinct(name, etag(JSON, Options{}))
	}
	exec(t, fx.s, "INSERT INTO event_tags (event_id, tag) VALUES (?, 'new-tag')", fx.kcna)
	distinct("tag added", etag(JSON, Options{}))
}
