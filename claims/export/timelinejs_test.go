package export

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

// tlFile is a TimelineJS document as a graphics tool reads it.
type tlFile struct {
	Title  tlSlide                      `json:"title"`
	Events []map[string]json.RawMessage `json:"events"`
	Scale  string                       `json:"scale"`
}

func readTimelineJS(t *testing.T, b []byte) (tlFile, []tlSlide) {
	t.Helper()
	var f tlFile
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("TimelineJS export is not JSON: %v\n%s", err, b)
	}
	slides := make([]tlSlide, len(f.Events))
	for i, raw := range f.Events {
		b, _ := json.Marshal(raw)
		if err := json.Unmarshal(b, &slides[i]); err != nil {
			t.Fatal(err)
		}
	}
	return f, slides
}

func TestTimelineJSReference(t *testing.T) {
	fx := newFixture(t)
	f, slides := readTimelineJS(t, export(t, fx.s, TimelineJS, Options{}))
	if want := visibleEvents(t, fx.s); len(slides) != want {
		t.Fatalf("%d slides, want one per visible event (%d)", len(slides), want)
	}
	if f.Title.Text.Headline == "" || !strings.Contains(f.Title.Text.Text, fmt.Sprintf("%d events", len(slides))) {
		t.Errorf("title slide %+v", f.Title)
	}
	byID := map[string]tlSlide{}
	for i, sl := range slides {
		if _, dup := byID[sl.UniqueID]; dup || !strings.HasPrefix(sl.UniqueID, "factline-event-") {
			t.Errorf("slide %d unique_id %q: want a unique factline-event-ID", i, sl.UniqueID)
		}
		byID[sl.UniqueID] = sl
		for _, hidden := range []int64{fx.hidden, fx.merged} {
			if sl.UniqueID == fmt.Sprintf("factline-event-%d", hidden) {
				t.Errorf("hidden or merged event %d exported", hidden)
			}
		}
		if sl.StartDate == nil || sl.StartDate.Year == 0 || sl.Text.Headline == "" || !strings.Contains(sl.Text.Text, "<blockquote>") {
			t.Errorf("slide %d incomplete: %+v", i, sl)
		}
	}

	// Only the parts the precision names: late 2011 is a year.
	late2011 := findSlide(t, slides, "late 2011")
	if raw := f.Events[indexOf(slides, late2011)]["start_date"]; string(raw) != `{"year":2011}` {
		t.Errorf("late 2011 start_date = %s, want only the year", raw)
	}
	early := findSlide(t, slides, "early December 2019")
	if *early.StartDate != (tlDate{Year: 2019, Month: 12}) {
		t.Errorf("early December 2019 start_date = %+v", early.StartDate)
	}
	findSlide(t, slides, "since 2017")
	sched := findSlide(t, slides, "30 December 2019 (scheduled)")
	if *sched.StartDate != (tlDate{Year: 2019, Month: 12, Day: 30}) {
		t.Errorf("scheduled slide start_date = %+v", sched.StartDate)
	}

	// Same-day events keep the article's order: on 29 December the session
	// (offset 512) comes before O'Brien (2051) and the economy (2516).
	var day29 []string
	for _, sl := range slides {
		if *sl.StartDate == (tlDate{Year: 2019, Month: 12, Day: 29}) {
			day29 = append(day29, sl.Text.Headline)
		}
	}
	if len(day29) != 3 || !strings.Contains(day29[0], "menyarankan") || !strings.Contains(day29[1], "O&#39;Brien") || !strings.Contains(day29[2], "dibahas") {
		t.Errorf("29 December slides out of source order: %q", day29)
	}

	plenary := byID[fmt.Sprintf("factline-event-%d", fx.plenary)]
	if plenary.Group != "korea" {
		t.Errorf("plenary group %q, want its first tag", plenary.Group)
	}
	if !strings.Contains(plenary.Text.Text, `<a href="`+referenceURL+`"`) || !strings.Contains(plenary.Text.Text, "ANTARA: Kim Jong Un") {
		t.Errorf("plenary text does not name and link its source: %s", plenary.Text.Text)
	}
}

func findSlide(t *testing.T, slides []tlSlide, display string) tlSlide {
	t.Helper()
	for _, sl := range slides {
		if sl.DisplayDate == display {
			return sl
		}
	}
	t.Fatalf("no slide with display_date %q", display)
	return tlSlide{}
}

func indexOf(slides []tlSlide, sl tlSlide) int {
	for i := range slides {
		if slides[i].UniqueID == sl.UniqueID {
			return i
		}
	}
	return -1
}

// An edited headline keeps the slide's unique_id; untrusted text is
// escaped and only web URLs become links.
func TestTimelineJSEditsAndEscaping(t *testing.T) {
	fx := newFixture(t)
	exec(t, fx.s, "UPDATE events SET headline = ?, description = ? WHERE id = ?",
		`<img src=x onerror=alert(1)> Kim "convenes"`, "Editors' note: <b>check</b> & see", fx.plenary)
	exec(t, fx.s, "UPDATE articles SET url = ? WHERE id = ?", "javascript:alert(1)", fx.article)
	_, slides := readTimelineJS(t, export(t, fx.s, TimelineJS, Options{}))
	sl := slides[indexOf(slides, tlSlide{UniqueID: fmt.Sprintf("factline-event-%d", fx.plenary)})]
	if !strings.HasPrefix(sl.Text.Headline, "&lt;img src=x") || strings.Contains(sl.Text.Headline, "<img") {
		t.Errorf("headline not escaped: %q", sl.Text.Headline)
	}
	if !strings.Contains(sl.Text.Text, "<p>Editors&#39; note: &lt;b&gt;check&lt;/b&gt; &amp; see</p>") {
		t.Errorf("description not escaped: %q", sl.Text.Text)
	}
	if strings.Contains(sl.Text.Text, "javascript:") || strings.Contains(sl.Text.Text, "<a ") {
		t.Errorf("a javascript: URL became a link: %q", sl.Text.Text)
	}
}

func TestDatePartsAndDisplay(t *testing.T) {
	en, id := newDateBook("en"), newDateBook("id")
	for _, c := range []struct {
		value, mod, status string
		start, end         tlDate // end zero: none
		en, id             string
	}{
		{"2011", "END", "happened", tlDate{Year: 2011}, tlDate{}, "late 2011", "akhir 2011"},
		{"2019-12", "START", "happened", tlDate{Year: 2019, Month: 12}, tlDate{}, "early December 2019", "awal Desember 2019"},
		{"2019-12", "MID", "happened", tlDate{Year: 2019, Month: 12}, tlDate{}, "mid-December 2019", "pertengahan Desember 2019"},
		{"2017", "START", "ongoing", tlDate{Year: 2017}, tlDate{}, "since 2017", "sejak 2017"},
		{"2019-12-30", "", "scheduled", tlDate{Year: 2019, Month: 12, Day: 30}, tlDate{}, "30 December 2019 (scheduled)", "30 Desember 2019 (dijadwalkan)"},
		{"2019-Q4", "", "happened", tlDate{Year: 2019, Month: 10}, tlDate{Year: 2019, Month: 12}, "Q4 2019", "kuartal 4 2019"},
		{"2019-H1", "", "happened", tlDate{Year: 2019, Month: 1}, tlDate{Year: 2019, Month: 6}, "first half of 2019", "paruh pertama 2019"},
		{"2019-W52", "", "happened", tlDate{Year: 2019, Month: 12, Day: 23}, tlDate{Year: 2019, Month: 12, Day: 29}, "week 52 of 2019", "minggu ke-52 2019"},
		{"2019-12-28T10:15", "APPROX", "happened", tlDate{Year: 2019, Month: 12, Day: 28, Hour: 10, Minute: 15}, tlDate{}, "about 28 December 2019, 10:15", "sekitar 28 Desember 2019 pukul 10.15"},
		{"201", "", "happened", tlDate{Year: 2010}, tlDate{}, "the 2010s", "dekade 2010-an"},
	} {
		d, err := timeline.ParseDate(c.value, timeline.Mod(c.mod))
		if err != nil {
			t.Fatal(err)
		}
		it := &store.ExportEvent{}
		it.ID, it.Value, it.Mod, it.Status, it.Headline = 1, c.value, c.mod, c.status, "h"
		it.Precision = string(d.Precision)
		sl, ok := slideOf(t, it, en)
		if !ok || *sl.StartDate != c.start {
			t.Errorf("%s: start_date %+v, want %+v", c.value, sl.StartDate, c.start)
		}
		if (c.end == tlDate{}) != (sl.EndDate == nil) || (sl.EndDate != nil && *sl.EndDate != c.end) {
			t.Errorf("%s: end_date %+v, want %+v", c.value, sl.EndDate, c.end)
		}
		if got := en.displayDate(c.value, c.mod, c.status, ""); got != c.en {
			t.Errorf("%s %s %s: en %q, want %q", c.value, c.mod, c.status, got, c.en)
		}
		if got := id.displayDate(c.value, c.mod, c.status, ""); got != c.id {
			t.Errorf("%s %s %s: id %q, want %q", c.value, c.mod, c.status, got, c.id)
		}
	}
	// A plain day is named in the export's language too, as the app names
	// it; an undated value gets no slide.
	if sl, _ := slideOf(t, &store.ExportEvent{}, en); sl.DisplayDate != "" {
		t.Error("an undated event got a slide")
	}
	it := &store.ExportEvent{}
	it.Value, it.Status = "2019-12-28", "happened"
	if sl, ok := slideOf(t, it, id); !ok || sl.DisplayDate != "28 Desember 2019" {
		t.Errorf("plain day: display_date %q, want 28 Desember 2019", sl.DisplayDate)
	}
	it.Value = "PRESENT_REF"
	if _, ok := slideOf(t, it, en); ok {
		t.Error("PRESENT_REF got a slide")
	}
}

// slideOf is an item's slide as the export writes it.
func slideOf(t *testing.T, it *store.ExportEvent, dates *dateBook) (tlSlide, bool) {
	t.Helper()
	b, ok := (&slideWriter{dates: dates, web: map[string]bool{}}).appendSlide(nil, it)
	if !ok {
		return tlSlide{}, false
	}
	var sl tlSlide
	if err := json.Unmarshal(b, &sl); err != nil {
		t.Fatalf("slide is not JSON: %v\n%s", err, b)
	}
	return sl, true
}
