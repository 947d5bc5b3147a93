package export

import (
	"encoding/json"
	"strconv"
	"testing"
)

func TestParseFilter(t *testing.T) {
	f, err := ParseFilter(" Verified, scheduled ,,false", "2019", "2019-12-28", " korea ", "7")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.EventStatuses) != 1 || f.EventStatuses[0] != "scheduled" || len(f.ClaimStatuses) != 2 ||
		f.From != "2019" || f.To != "2019-12-28" || f.Tag != "korea" || f.ArticleID != 7 {
		t.Fatalf("filter %+v", f)
	}
	for _, bad := range [][5]string{
		{"verified,maybe", "", "", "", ""},
		{"", "last year", "", "", ""},
		{"", "", "2019-13", "", ""},
		{"", "2020", "2019", "", ""},
		{"", "", "", "", "abc"},
		{"", "", "", "", "-1"},
	} {
		if _, err := ParseFilter(bad[0], bad[1], bad[2], bad[3], bad[4]); err == nil {
			t.Errorf("ParseFilter%q accepted", bad)
		}
	}
}

// ids exports JSON with a filter and returns the event IDs in order.
func ids(t *testing.T, fx *fixture, statuses, from, to, tag, article string) []int64 {
	t.Helper()
	f, err := ParseFilter(statuses, from, to, tag, article)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct{ Events []struct{ ID int64 } }
	if err := json.Unmarshal(export(t, fx.s, JSON, Options{Filter: f}), &doc); err != nil {
		t.Fatal(err)
	}
	out := make([]int64, len(doc.Events))
	for i, e := range doc.Events {
		out[i] = e.ID
	}
	return out
}

func TestFilters(t *testing.T) {
	fx := newFixture(t)
	other := ingestOther(t, fx)
	all := ids(t, fx, "", "", "", "", "")
	for _, c := range []struct {
		name                             string
		statuses, from, to, tag, article string
		want                             func(id int64) bool
		n                                int
	}{
		{"verified claims", "verified", "", "", "", "", func(id int64) bool { return id == fx.kcna }, 1},
		{"verdict false or reported events", "false,reported", "", "", "", "", func(id int64) bool { return id == fx.obrien }, 1},
		{"scheduled", "scheduled", "", "", "", "", nil, 1},
		{"tag", "", "", "", "plenary", "", func(id int64) bool { return id == fx.plenary }, 1},
		// late 2019 overlaps both.
		{"28-29 December", "", "2019-12-28", "2019-12-29", "", "", nil, 5},
		{"from 2019-12-30", "", "2019-12-30", "", "", "", nil, 4},
		// late 2011 (September-December) does not overlap its first half.
		{"first half of 2011", "", "2011-01", "2011-06", "", "", nil, 0},
		{"late 2011 overlaps its last quarter", "", "2011-Q4", "2011-Q4", "", "", nil, 1},
		{"other article", "", "", "", "", other, func(id int64) bool { return true }, 1},
	} {
		got := ids(t, fx, c.statuses, c.from, c.to, c.tag, c.article)
		if len(got) != c.n {
			t.Errorf("%s: %d events %v, want %d", c.name, len(got), got, c.n)
		}
		for _, id := range got {
			if c.want != nil && !c.want(id) {
				t.Errorf("%s: event %d should not pass", c.name, id)
			}
		}
	}
	if len(ids(t, fx, "", "", "", "", "")) != len(all) {
		t.Error("unfiltered export changed between calls")
	}
}

// ingestOther stores a second article with one event and returns its ID
// as the --article flag takes it.
func ingestOther(t *testing.T, fx *fixture) string {
	t.Helper()
	var a struct{ ID int64 }
	exec(t, fx.s, `INSERT INTO articles (content_hash, title, body, created_at, updated_at) VALUES ('other', 'Other', 'Other story.', ?, ?)`, fx.s.Now(), fx.s.Now())
	fx.s.DB().Raw("SELECT id FROM articles WHERE content_hash = 'other'").Scan(&a)
	addEvent(t, fx.s, a.ID, "2019-12-30", "", "happened", "Other event", "Other story.", 0)
	return strconv.FormatInt(a.ID, 10)
}
