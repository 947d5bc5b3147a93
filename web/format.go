package web

import (
	"html/template"
	"slices"
	"strings"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

var templateFuncs = template.FuncMap{
	"eventDate": func(e store.Event) string { return eventLabel(pageLanguage, e) },
	"when":      func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") },
	"join":      strings.Join,
	"statuses":  claimStatuses,
	// rationaleStatuses are the verdicts that need a reason
	// (claims.Status.NeedsRationale).
	"rationaleStatuses": rationaleStatuses,
	"eventStatus":       store.EventStatuses,
	"mods":              store.EventMods,
	"precisions":        func() []string { return editablePrecisions },
	"add":               func(a, b int) int { return a + b },
	"historyView":       historyView,
	"has":               slices.Contains[[]string],
	"reviews":           claims.ReviewNames,
	"reviewMark":        reviewMark,
	"reviewVerb":        reviewVerb,
	"fieldError":        fieldError,
}

// formField is what the "invalid" and "field-error" partials need to mark
// a form field and show the message about it: the field's name, the
// message ("" for none) and the ids of the help texts that describe it.
type formField struct {
	Name, Message, Help string
}

// fieldError reads the message a form's data holds about one field.
func fieldError(d interface{ ErrorFor(string) string }, name string, help ...string) formField {
	return formField{Name: name, Message: d.ErrorFor(name), Help: strings.Join(help, " ")}
}

// reviewMark is the sign that marks an event's review state beside its
// words: approved ✓, rejected ✗, proposed ?.
func reviewMark(state string) string {
	switch claims.Review(state) {
	case claims.ReviewApproved:
		return "✓"
	case claims.ReviewRejected:
		return "✗"
	}
	return "?"
}

// reviewVerb is what the button that moves an event to a review state
// says.
func reviewVerb(state string) string {
	switch claims.Review(state) {
	case claims.ReviewApproved:
		return "Approve"
	case claims.ReviewRejected:
		return "Reject"
	}
	return "Back to proposed"
}

// claimStatuses are the verdicts in the order claims.Statuses lists them,
// which the review keys follow.
func rationaleStatuses() []string {
	var out []string
	for _, s := range claims.Statuses {
		if s.NeedsRationale() {
			out = append(out, string(s))
		}
	}
	return out
}

func claimStatuses() []string {
	out := make([]string, len(claims.Statuses))
	for i, s := range claims.Statuses {
		out[i] = string(s)
	}
	return out
}

// editablePrecisions are the precisions an editor can coarsen a date to.
var editablePrecisions = []string{"year", "half", "quarter", "month", "day", "minute"}

// pageLanguage is the language the pages are written in, and so the
// language their dates are named in.
const pageLanguage = "en"

// dateLabel names an event's date for readers in lang, as every export
// names it: "late 2011", "since 2017", "akhir 2011", a range as "9
// December 2019 to 11 December 2019" when end is set (see
// timeline.DateNamer). An unknown language reads as the pages' own.
// eventLabel is an event's date in words, with the UTC offset of a clock
// time whose zone the source gave: "28 December 2014 06:18 (UTC+07:00)".
func eventLabel(lang string, e store.Event) string {
	label := dateLabel(lang, e.Value, e.Mod, e.Status, e.EndValue)
	if e.Zone != "" {
		label += " (UTC" + e.Zone + ")"
	}
	return label
}

func dateLabel(lang, value, mod, status, end string) string {
	n, ok := timeline.DateNamerFor(lang)
	if !ok {
		n, _ = timeline.DateNamerFor(pageLanguage)
	}
	return n.EventRange(value, timeline.Mod(mod), timeline.EventStatus(status), end)
}
