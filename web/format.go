package web

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

var templateFuncs = template.FuncMap{
	"dateLabel":   dateLabel,
	"eventDate":   func(e store.Event) string { return dateLabel(e.Value, e.Mod) },
	"when":        func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") },
	"join":        strings.Join,
	"statuses":    claimStatuses,
	"eventStatus": store.EventStatuses,
	"mods":        store.EventMods,
	"precisions":  func() []string { return editablePrecisions },
	"add":         func(a, b int) int { return a + b },
	"historyView": historyView,
	"has":         slices.Contains[[]string],
}

// claimStatuses are the verdicts in the order claims.Statuses lists them,
// which the review keys follow.
func claimStatuses() []string {
	out := make([]string, len(claims.Statuses))
	for i, s := range claims.Statuses {
		out[i] = string(s)
	}
	return out
}

// editablePrecisions are the precisions an editor can coarsen a date to.
var editablePrecisions = []string{"year", "half", "quarter", "month", "day", "minute"}

// modWords say a modifier the way a reporter would.
var modWords = map[string][2]string{
	"START": {"early ", ""}, "MID": {"mid ", ""}, "END": {"late ", ""}, "APPROX": {"about ", ""},
	"BEFORE": {"before ", ""}, "AFTER": {"after ", ""}, "ON_OR_BEFORE": {"by ", ""}, "ON_OR_AFTER": {"", " or later"},
}

// dateLabel writes a date no more precisely than it is known: "late 2011",
// "December 2019", "Sat 28 Dec 2019", "Q4 2019". An unreadable value is
// shown as it is.
func dateLabel(value, mod string) string {
	d, err := timeline.ParseDate(value, timeline.ModNone)
	if err != nil {
		return strings.TrimSpace(modWords[mod][0] + value + modWords[mod][1])
	}
	var s string
	switch d.Precision {
	case timeline.PrecisionMinute:
		s = d.Start.Format("Mon 2 Jan 2006 15:04")
	case timeline.PrecisionDay:
		s = d.Start.Format("Mon 2 Jan 2006")
	case timeline.PrecisionWeek:
		s = "week of " + d.Start.Format("2 Jan 2006")
	case timeline.PrecisionMonth:
		s = d.Start.Format("January 2006")
	case timeline.PrecisionQuarter:
		s = fmt.Sprintf("Q%d %d", (int(d.Start.Month())+2)/3, d.Start.Year())
	case timeline.PrecisionHalf:
		s = fmt.Sprintf("H%d %d", (int(d.Start.Month())+5)/6, d.Start.Year())
	case timeline.PrecisionYear:
		s = d.Start.Format("2006")
	case timeline.PrecisionDecade:
		s = fmt.Sprintf("the %ds", d.Start.Year())
	default:
		s = value
	}
	return modWords[mod][0] + s + modWords[mod][1]
}
