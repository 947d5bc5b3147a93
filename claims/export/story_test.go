package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

// A story's export holds the events of its articles only and opens on the
// story's title and description, not on a count of events.
func TestStoryExportTitleAndScope(t *testing.T) {
	s, first := loadReference(t)
	ctx := context.Background()
	other := saveText(t, s, "Unrelated", "BP raised its dividend on Tuesday, 3 March 2020, the company said.")
	st, err := s.CreateStory(ctx, "KIM-PLENARY", store.StoryInput{Title: ptrTo("Kim's year-end plenary"),
		Description: ptrTo("The party meeting <b>and</b> what Kim said.")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddStoryArticle(ctx, st.ID, first, store.JoinedByEditor, nil); err != nil {
		t.Fatal(err)
	}
	f, slides := readTimelineJS(t, export(t, s, TimelineJS, Options{Filter: filter.Filter{Story: "kim-plenary"}}))
	if f.Title.Text.Headline != "Kim&#39;s year-end plenary" || f.Title.Text.Text != "<p>The party meeting &lt;b&gt;and&lt;/b&gt; what Kim said.</p>" {
		t.Errorf("title slide %+v, want the story's title and escaped description", f.Title.Text)
	}
	all := visibleEvents(t, s)
	if len(slides) == 0 || len(slides) >= all {
		t.Fatalf("story export has %d slides of %d events, want only the story's", len(slides), all)
	}
	for _, sl := range slides {
		if strings.Contains(sl.Text.Text, "BP raised") {
			t.Errorf("an event of article #%d, outside the story, was exported: %q", other, sl.Text.Headline)
		}
	}
	var buf strings.Builder
	err = Write(ctx, s, &buf, JSON, Options{Filter: filter.Filter{Story: "nosuch"}})
	if apperr.CodeOf(err) != apperr.NotFound || !strings.Contains(err.Error(), `no story named "nosuch"`) {
		t.Errorf("export of an unknown story = %v, want NotFound", err)
	}
	if got := describe(filter.Filter{Story: "KIM-PLENARY"}); got != fmt.Sprintf("story %s", "KIM-PLENARY") {
		t.Errorf("describe = %q", got)
	}
}

func ptrTo[T any](v T) *T { return &v }

// saveText ingests one short article and returns its ID.
func saveText(t *testing.T, s *store.Store, title, text string) int64 {
	t.Helper()
	out := (&ingest.Ingester{Store: s}).Ingest(context.Background(), ingest.Document{Kind: "text", Title: title, Lang: "en", Text: text})
	if out.Err != nil || out.Events == 0 {
		t.Fatalf("ingest %q: %+v", title, out)
	}
	approveAll(t, s)
	return out.ArticleID
}

// A slide of an event whose sources disagree says so, and each source
// says the date it gives.
func TestTimelineJSMarksDisagreement(t *testing.T) {
	s, first := loadReference(t)
	ctx := context.Background()
	other := saveText(t, s, "Other telling", "PYONGYANG - Kim Jong Un opened the plenary meeting on Sunday, 29 December 2019, KCNA said.")
	evs := func(article int64) []store.TimelineEvent {
		list, _, err := s.Timeline(ctx, filter.Filter{ArticleID: article}, 0)
		if err != nil || len(list) == 0 {
			t.Fatalf("events of #%d: %d, %v", article, len(list), err)
		}
		return list
	}
	var target store.TimelineEvent
	for _, ev := range evs(first) {
		if ev.Value == "2019-12-28" {
			target = ev
		}
	}
	o := evs(other)[0]
	if _, err := s.MergeEvents(ctx, store.VersionedID{ID: target.ID, Version: target.Version}, []store.VersionedID{{ID: o.ID, Version: o.Version}}, nil); err != nil {
		t.Fatal(err)
	}
	_, slides := readTimelineJS(t, export(t, s, TimelineJS, Options{}))
	found := false
	for _, sl := range slides {
		if sl.UniqueID == fmt.Sprintf("factline-event-%d", target.ID) {
			found = true
			if !strings.HasPrefix(sl.Text.Text, "<p><strong>Sources disagree on the date.</strong></p>") ||
				!strings.Contains(sl.Text.Text, "(gives 2019-12-28)") || !strings.Contains(sl.Text.Text, "(gives "+o.Value) {
				t.Errorf("slide text %s", sl.Text.Text)
			}
		} else if strings.Contains(sl.Text.Text, "Sources disagree") {
			t.Errorf("slide %s marked without a disagreement", sl.UniqueID)
		}
	}
	if !found {
		t.Fatal("merged event not exported")
	}
}

// goldStoryDir is a gold story with planted disagreements: its first and
// third reports say the ferry left Bira at 21.40 and at 22.10 Wita.
const goldStoryDir = "../../testdata/stories/sinar-bahari"

// The JSON and CSV exports of a story mark the events whose sources
// disagree, as planted in the gold story, and give each source's article,
// span and date; the CSV says in its columns what the JSON says.
func TestStoryExportsCarryDisagreement(t *testing.T) {
	s := storetest.SQLite(t)
	ctx := context.Background()
	st, _ := storetest.SaveGoldStory(t, s, goldStoryDir, "SB7")
	if _, err := s.LinkStory(ctx, st.ID); err != nil {
		t.Fatal(err)
	}
	approveAll(t, s)
	opt := Options{Filter: filter.Filter{Story: st.Name}}
	raw := export(t, s, JSON, opt)
	if err := validate(t, compileSchema(t), raw); err != nil {
		t.Fatalf("the story's export does not match the schema: %v", err)
	}
	var doc struct{ Events []jsonEvent }
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(export(t, s, CSV, opt))).ReadAll()
	if err != nil || len(rows) != len(doc.Events)+1 {
		t.Fatalf("%d CSV rows for %d events, %v", len(rows), len(doc.Events), err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	departure := false
	for i, ev := range doc.Events {
		row := rows[i+1]
		var cells, values []string
		for _, src := range ev.Sources {
			cell := fmt.Sprintf("%d@%d-%d=%s", src.Article.ID, src.Span.Start, src.Span.End, src.Value)
			if src.Mod != "" {
				cell += " " + src.Mod
			}
			cells = append(cells, cell)
			if !slices.Contains(values, src.Value) {
				values = append(values, src.Value)
			}
		}
		if row[col["id"]] != strconv.FormatInt(ev.ID, 10) || row[col["disagree"]] != strconv.FormatBool(ev.Disagree) ||
			row[col["source_dates"]] != strings.Join(cells, csvJoin) {
			t.Errorf("event #%d (disagree %v, sources %q): CSV row has disagree %q, source_dates %q",
				ev.ID, ev.Disagree, cells, row[col["disagree"]], row[col["source_dates"]])
		}
		if ev.Disagree && len(values) < 2 {
			t.Errorf("event #%d disagrees with its sources giving only %q", ev.ID, values)
		}
		for _, src := range ev.Sources {
			if !strings.Contains(src.Sentence, "pukul 21.40 Wita") {
				continue
			}
			departure = true
			if !ev.Disagree || !slices.Contains(values, "2025-03-03T21:40") || !slices.Contains(values, "2025-03-03T22:10") {
				t.Errorf("the departure: disagree %v, sources give %q; want 21.40 and 22.10 on 3 March, disagreeing", ev.Disagree, values)
			}
			if !strings.Contains(row[col["source_dates"]], "=2025-03-03T21:40") || !strings.Contains(row[col["source_dates"]], "=2025-03-03T22:10") {
				t.Errorf("the departure's CSV source_dates %q", row[col["source_dates"]])
			}
		}
	}
	if !departure {
		t.Fatal("the departure at 21.40 is not in the story's export")
	}
}
