package export

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store"
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
