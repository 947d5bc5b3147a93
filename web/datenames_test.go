package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"html"
	"net/http"
	"strings"
	"testing"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

// One date namer: every precision, modifier and status, in every language,
// reads the same on the timeline (API and the web formatter) and in every
// export that names dates (JSON, CSV, TimelineJS's display_date).
func TestEveryDateReadsTheSameEverywhere(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	values := []string{"20", "201", "2011", "2011-H2", "2012-SU", "2012-WI", "2019-Q4", "2019-12", "2019-W52", "2019-12-28", "2019-12-28T10:15"}
	type combo struct{ value, mod, status string }
	byID := map[int64]combo{}
	for _, v := range values {
		for _, mod := range store.EventMods() {
			for _, st := range store.EventStatuses() {
				ev, err := e.store.CreateEvent(ctx, store.NewEvent{Headline: fmt.Sprint(v, mod, st), Value: v, Mod: mod, Status: st}, nil)
				if err != nil {
					t.Fatalf("%s %s %s: %v", v, mod, st, err)
				}
				byID[ev.ID] = combo{v, mod, st}
			}
		}
	}
	e.approveAll()
	c := e.as("viewer")
	for _, lang := range timeline.LanguageCodes() {
		seen := map[string][]string{} // by event ID: the text of each place
		add := func(where string, id int64, text string) {
			k := fmt.Sprint(id)
			seen[k] = append(seen[k], where+": "+text)
		}
		var tl timelineResult
		c.get("/api/v1/timeline?limit=5000&lang=" + lang).decode(&tl)
		for _, it := range tl.Events {
			add("timeline", it.ID, it.Label)
		}
		var doc struct {
			Events []struct {
				ID   int64
				Date struct{ Display string }
			}
		}
		c.get("/api/v1/export?format=json&lang=" + lang).decode(&doc)
		for _, ev := range doc.Events {
			add("json", ev.ID, ev.Date.Display)
		}
		r := c.get("/api/v1/export?format=csv&lang=" + lang)
		rows, err := csv.NewReader(bytes.NewReader([]byte(r.body))).ReadAll()
		if r.status != http.StatusOK || err != nil || len(rows) < 2 {
			t.Fatalf("%s csv = %d, %v", lang, r.status, err)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		for _, row := range rows[1:] {
			var id int64
			fmt.Sscan(row[col["id"]], &id)
			add("csv", id, row[col["display_date"]])
		}
		var slides struct {
			Events []struct {
				UniqueID    string `json:"unique_id"`
				DisplayDate string `json:"display_date"`
			}
		}
		c.get("/api/v1/export?format=timelinejs&lang=" + lang).decode(&slides)
		for _, s := range slides.Events {
			var id int64
			fmt.Sscanf(s.UniqueID, "factline-event-%d", &id)
			// TimelineJS decodes display_date as HTML before showing it.
			add("timelinejs", id, html.UnescapeString(html.UnescapeString(s.DisplayDate)))
		}
		for id, cb := range byID {
			want := dateLabel(lang, cb.value, cb.mod, cb.status, "")
			got := seen[fmt.Sprint(id)]
			if len(got) != 4 {
				t.Errorf("%s: %v is in %d places: %q", lang, cb, len(got), got)
				continue
			}
			for _, g := range got {
				if _, text, _ := strings.Cut(g, ": "); text != want {
					t.Errorf("%s: %v reads %q, the web formatter %q", lang, cb, g, want)
				}
			}
		}
	}
}
