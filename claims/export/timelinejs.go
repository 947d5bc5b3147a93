package export

import (
	"bufio"
	"context"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

// The TimelineJS3 JSON format, as documented at
// https://timeline.knightlab.com/docs/json-format.html. Only the fields
// factline fills are declared.
type (
	tlSlide struct {
		StartDate   *tlDate `json:"start_date,omitempty"`
		EndDate     *tlDate `json:"end_date,omitempty"`
		DisplayDate string  `json:"display_date,omitempty"`
		Text        tlText  `json:"text"`
		Group       string  `json:"group,omitempty"`
		UniqueID    string  `json:"unique_id"`
	}
	tlText struct {
		Headline string `json:"headline"`
		Text     string `json:"text,omitempty"`
	}
	// tlDate carries only the parts an event's precision names: TimelineJS
	// draws a date with only a year as the year, not as 1 January.
	tlDate struct {
		Year   int `json:"year"`
		Month  int `json:"month,omitempty"`
		Day    int `json:"day,omitempty"`
		Hour   int `json:"hour,omitempty"`
		Minute int `json:"minute,omitempty"`
	}
)

// writeTimelineJS writes a TimelineJS3 timeline: one slide per dated event,
// then the title slide. The title comes last because it counts the events,
// which a stream knows only at the end; JSON objects are unordered, so
// TimelineJS reads it the same.
func writeTimelineJS(ctx context.Context, s *store.Store, w *bufio.Writer, opt Options) error {
	dates := newDateBook(opt.Lang)
	title, err := titleOf(ctx, s, opt, dates.words)
	if err != nil {
		return err
	}
	if err := text(w, `{"events":[`); err != nil {
		return err
	}
	list := newJSONList(w)
	err = eachEvent(ctx, s, opt.Filter, func(it *Item) error {
		slide, ok := eventSlide(it, dates)
		if !ok {
			return nil
		}
		return list.add(slide)
	})
	if err != nil {
		return err
	}
	intro := fmt.Sprintf("%d events", list.n)
	if d := describe(opt.Filter); d != "" {
		intro += ": " + d
	}
	if err := text(w, "],\n", `"title":`); err != nil {
		return err
	}
	if err := writeJSONValue(w, tlSlide{
		Text:     tlText{Headline: html.EscapeString(title), Text: "<p>" + html.EscapeString(intro) + "</p>"},
		UniqueID: "factline-title",
	}); err != nil {
		return err
	}
	return text(w, `,"scale":"human"}`, "\n")
}

// titleOf picks the title slide's headline.
func titleOf(ctx context.Context, s *store.Store, opt Options, words *words) (string, error) {
	if opt.Title != "" {
		return opt.Title, nil
	}
	if opt.Filter.ArticleID != 0 {
		a, err := s.ArticleByID(ctx, opt.Filter.ArticleID)
		if err != nil {
			return "", err
		}
		if a.Title != "" {
			return a.Title, nil
		}
	}
	return words.title, nil
}

// eventSlide makes an event's slide; ok is false for an event whose value
// names no calendar interval, which TimelineJS cannot place.
func eventSlide(it *Item, dates *dateBook) (tlSlide, bool) {
	d, ok := dates.calendarDate(it.Value)
	if !ok {
		return tlSlide{}, false
	}
	slide := tlSlide{
		StartDate: datePart(d.Start, d.Precision),
		Text:      tlText{Headline: html.EscapeString(it.Headline), Text: slideText(it)},
		// The event ID, not anything editable, so a graphic's links and
		// styling survive an edited headline.
		UniqueID: fmt.Sprintf("factline-event-%d", it.ID),
	}
	if ranged(d.Precision) {
		slide.EndDate = datePart(lastInstant(d.End), d.Precision)
	}
	if end, ok := dates.calendarDate(it.EndValue); ok && it.EndValue != "" {
		slide.EndDate = datePart(lastInstant(end.End), end.Precision)
	}
	if needsDisplayDate(d, it.Mod, it.Status) {
		slide.DisplayDate = dates.displayDate(it.Value, it.Mod, it.Status)
	}
	if len(it.Tags) > 0 {
		slide.Group = it.Tags[0]
	}
	return slide, true
}

// ranged reports whether a precision names a span TimelineJS must draw as
// a range from its first to its last month or day.
func ranged(p timeline.Precision) bool {
	switch p {
	case timeline.PrecisionHalf, timeline.PrecisionSeason, timeline.PrecisionQuarter, timeline.PrecisionWeek:
		return true
	}
	return false
}

// datePart keeps the parts of t that precision p names. Halves, seasons
// and quarters are drawn by month, weeks by day.
func datePart(t time.Time, p timeline.Precision) *tlDate {
	d := &tlDate{Year: t.Year()}
	switch p {
	case timeline.PrecisionCentury, timeline.PrecisionDecade, timeline.PrecisionYear:
		return d
	}
	d.Month = int(t.Month())
	switch p {
	case timeline.PrecisionHalf, timeline.PrecisionSeason, timeline.PrecisionQuarter, timeline.PrecisionMonth:
		return d
	}
	d.Day = t.Day()
	if p == timeline.PrecisionMinute {
		d.Hour, d.Minute = t.Hour(), t.Minute()
	}
	return d
}

// slideText is a slide's body: the description, then every source
// sentence quoted with its article named and linked. All of it is article
// or editor text, so all of it is escaped.
func slideText(it *Item) string {
	var b strings.Builder
	if it.Description != "" {
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(it.Description))
	}
	for _, src := range it.Sources {
		fmt.Fprintf(&b, "<blockquote>%s</blockquote><p>— %s</p>", html.EscapeString(src.Sentence), sourceCredit(src))
	}
	return b.String()
}

// sourceCredit names an article, linked when its URL is a web address.
// Other schemes (javascript:, data:) are never made links.
func sourceCredit(src Source) string {
	name := src.ArticlePublisher
	if src.ArticleTitle != "" {
		if name != "" {
			name += ": "
		}
		name += src.ArticleTitle
	}
	if name == "" {
		name = fmt.Sprintf("article #%d", src.ArticleID)
	}
	credit := html.EscapeString(name)
	if webURL(src.ArticleURL) {
		credit = fmt.Sprintf(`<a href="%s" target="_blank" rel="noopener">%s</a>`, html.EscapeString(src.ArticleURL), credit)
	}
	if src.ArticlePublished != "" {
		credit += ", " + html.EscapeString(src.ArticlePublished)
	}
	return credit
}
