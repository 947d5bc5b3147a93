package claims

import (
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/timeline"
)

// tx builds a hand-made DATE expression for the n-th occurrence (from 1)
// of s in text.
func tx(text, s string, n int, value string, mod timeline.Mod) timeline.Timex {
	at := -1
	for ; n > 0; n-- {
		i := strings.Index(text[at+1:], s)
		if i < 0 {
			panic("no " + s)
		}
		at += 1 + i
	}
	return timeline.Timex{Start: at, End: at + len(s), Text: s, Type: timeline.TypeDate, Value: value, Mod: mod}
}

func TestEvents(t *testing.T) {
	text := "Kim mengadakan rapat pada Sabtu (28/12) untuk membahas kebijakan.\n\n" +
		"Uji rudal telah ditangguhkan sejak 2017, kata komandan militer AS.\n\n" +
		"Penasihat Robert O'Brien mengatakan pada Minggu bahwa AS akan bertindak.\n\n" +
		"Dewan Keamanan dijadwalkan bertemu pada Senin.\n\n" +
		"Kim mengadakan rapat lagi pada Sabtu (28/12) untuk membahas kebijakan ekonomi.\n\n" +
		"Rapat berlangsung lebih dari satu hari.\n\n" +
		"Baca juga: Rapat akhir tahun Korea Utara"
	dct := time.Date(2019, 12, 30, 0, 0, 0, 0, time.UTC)
	res := timeline.Result{Lang: "id", DCT: dct, Timexes: []timeline.Timex{
		tx(text, "Sabtu (28/12)", 1, "2019-12-28", ""),
		tx(text, "2017", 1, "2017", ""),
		tx(text, "Minggu", 1, "2019-12-29", ""),
		tx(text, "Senin", 1, "2019-12-30", ""),
		tx(text, "Sabtu (28/12)", 2, "2019-12-28", ""),
		{Start: strings.Index(text, "lebih dari"), End: strings.Index(text, " hari.") + 5, Type: timeline.TypeDuration, Value: "P1D", Mod: timeline.ModMoreThan},
		tx(text, "akhir tahun", 1, "2019", timeline.ModEnd),
	}}
	ex := extractWith(Article{Text: text, Published: dct}, res)
	type want struct {
		value  string
		mod    timeline.Mod
		status timeline.EventStatus
		in     string
	}
	wants := []want{
		{"2019-12-28", "", timeline.StatusHappened, "Kim mengadakan rapat pada Sabtu"},
		{"2017", timeline.ModStart, timeline.StatusOngoing, "sejak 2017"},
		{"2019-12-29", "", timeline.StatusReported, "mengatakan pada Minggu"},
		{"2019-12-30", "", timeline.StatusScheduled, "dijadwalkan bertemu"},
	}
	if len(ex.Events) != len(wants) {
		for _, e := range ex.Events {
			t.Logf("%+v", e)
		}
		t.Fatalf("%d events, want %d (a repeated mention folds, durations and boilerplate give none)", len(ex.Events), len(wants))
	}
	for i, w := range wants {
		e := ex.Events[i]
		ev := text[e.Evidence.Start:e.Evidence.End]
		if e.Date.Value != w.value || e.Date.Mod != w.mod || e.Status != w.status || !strings.Contains(ev, w.in) {
			t.Errorf("event %d: %s %s %s %q, want %s %s %s in %q", i, e.Date.Value, e.Date.Mod, e.Status, ev, w.value, w.mod, w.status, w.in)
		}
		if e.ClaimID == "" || e.TimexID == "" || e.Headline == "" {
			t.Errorf("event %d lacks claim, timex or headline: %+v", i, e)
		}
	}
	if first := ex.Events[0]; len(first.Also) != 1 || !strings.Contains(text[first.Also[0].Start:first.Also[0].End], "lagi") {
		t.Errorf("repeated mention not folded into the first event: %+v", first)
	}
	if h := ex.Events[2].Headline; !strings.HasPrefix(h, "Robert O'Brien: AS akan bertindak") {
		t.Errorf("reported headline %q", h)
	}
}
