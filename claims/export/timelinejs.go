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
// factline fills are declared. appendSlide writes the events' slides by
// hand; the tests hold its output equal to encoding/json's for these types.
//
// TimelineJS sets every string it shows as HTML, in two ways, and each
// field is escaped for its way so that a reader sees the stored text
// exactly, with no markup of its own:
//   - headline and text go through DOMPurify and are set as HTML: they
//     are escaped once (appendHTML);
//   - display_date and group are first decoded as HTML to their text
//     (entities become characters) and that text is set as HTML: they are
//     escaped twice (appendDecodedHTML), so the decoding leaves the once
//     escaped form.
//
// Autolink is always false: TimelineJS's autolinker rewrites text after
// sanitising it and wraps "www." runs, quotes included, in a single-quoted
// href, which lets an article's sentence add attributes. factline makes its
// own links, escaped, and only for web URLs.
type (
	tlSlide struct {
		StartDate   *tlDate `json:"start_date,omitempty"`
		EndDate     *tlDate `json:"end_date,omitempty"`
		DisplayDate string  `json:"display_date,omitempty"`
		Text        tlText  `json:"text"`
		Group       string  `json:"group,omitempty"`
		Autolink    bool    `json:"autolink"`
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
	title, about, err := titleOf(ctx, s, opt, dates.words)
	if err != nil {
		return err
	}
	if err := text(w, `{"events":[`); err != nil {
		return err
	}
	list := newJSONList(w)
	slides := &slideWriter{dates: dates, web: map[string]bool{}}
	err = s.EventBatches(ctx, opt.Filter, store.SlideDepth, func(batch []store.ExportEvent) error {
		for i := range batch {
			if b, ok := slides.appendSlide(list.next(), &batch[i]); ok {
				if err := list.add(b); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	intro := about
	if intro == "" {
		intro = fmt.Sprintf("%d events", list.n)
		if d := describe(opt.Filter); d != "" {
			intro += ": " + d
		}
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

// titleOf picks the title slide's headline and, for a story, its text:
// a story's export opens on the story's title and description; one
// article's on the article's title; an explicit title wins over both.
func titleOf(ctx context.Context, s *store.Store, opt Options, words *words) (title, about string, err error) {
	if opt.Filter.Story != "" {
		st, err := s.StoryByName(ctx, opt.Filter.Story)
		if err != nil {
			return "", "", err
		}
		title, about = st.Title, st.Description
	}
	if opt.Title != "" {
		return opt.Title, about, nil
	}
	if title != "" {
		return title, about, nil
	}
	if opt.Filter.ArticleID != 0 {
		a, err := s.ArticleByID(ctx, opt.Filter.ArticleID)
		if err != nil {
			return "", "", err
		}
		if a.Title != "" {
			return a.Title, about, nil
		}
	}
	return words.title, about, nil
}

// slideWriter appends the slides of one export.
type slideWriter struct {
	dates *dateBook
	// text holds a slide's field, HTML-escaped, until it is written as a
	// JSON string.
	text []byte
	// web remembers webURL by URL: the sources of many events share an
	// article.
	web map[string]bool
}

// rememberedURLs bounds what a slideWriter remembers of URLs.
const rememberedURLs = 4096

// appendSlide appends an event's slide as encoding/json writes its tlSlide
// (omitting empty fields); ok is false for an event whose value names no
// calendar interval, which TimelineJS cannot place.
func (sw *slideWriter) appendSlide(b []byte, it *store.ExportEvent) ([]byte, bool) {
	d, ok := sw.dates.calendarDate(it.Value)
	if !ok {
		return b, false
	}
	b = append(b, `{"start_date":`...)
	b = appendDate(b, datePart(d.Start, d.Precision))
	if end, ok := sw.dates.calendarDate(it.EndValue); ok && it.EndValue != "" {
		b = append(b, `,"end_date":`...)
		b = appendDate(b, datePart(lastInstant(end.End), end.Precision))
	} else if ranged(d.Precision) {
		b = append(b, `,"end_date":`...)
		b = appendDate(b, datePart(lastInstant(d.End), d.Precision))
	}
	// Always the app's own words: TimelineJS's formatting knows nothing of
	// modifiers, seasons, decades or ongoing events, nor of the language.
	b = append(b, `,"display_date":`...)
	sw.text = appendDecodedHTML(sw.text[:0], sw.dates.displayDate(it.Value, it.Mod, it.Status, it.EndValue))
	b = appendString(b, sw.text)
	b = append(b, `,"text":{"headline":`...)
	sw.text = appendHTML(sw.text[:0], it.Headline)
	b = appendString(b, sw.text)
	if sw.text = sw.appendSlideText(sw.text[:0], it); len(sw.text) > 0 {
		b = append(b, `,"text":`...)
		b = appendString(b, sw.text)
	}
	b = append(b, '}')
	if len(it.Tags) > 0 && it.Tags[0] != "" {
		b = append(b, `,"group":`...)
		sw.text = appendDecodedHTML(sw.text[:0], it.Tags[0])
		b = appendString(b, sw.text)
	}
	b = append(b, `,"autolink":false`...)
	// The event ID, not anything editable, so a graphic's links and
	// styling survive an edited headline.
	b = append(b, `,"unique_id":"factline-event-`...)
	b = appendInt(b, it.ID)
	return append(b, `"}`...), true
}

// appendDate appends a tlDate, leaving out its zero parts.
func appendDate(b []byte, d tlDate) []byte {
	b = append(b, `{"year":`...)
	b = appendInt(b, int64(d.Year))
	for _, part := range [...]struct {
		key string
		n   int
	}{{`,"month":`, d.Month}, {`,"day":`, d.Day}, {`,"hour":`, d.Hour}, {`,"minute":`, d.Minute}} {
		if part.n != 0 {
			b = append(b, part.key...)
			b = appendInt(b, int64(part.n))
		}
	}
	return append(b, '}')
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
func datePart(t time.Time, p timeline.Precision) tlDate {
	d := tlDate{Year: t.Year()}
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

// appendSlideText appends a slide's body: the description, then every
// source sentence quoted with its article named and linked. When the
// sources disagree on the date, a note says so first and each source says
// the date it gives. All of it is article or editor text, so all of it is
// escaped.
func (sw *slideWriter) appendSlideText(b []byte, it *store.ExportEvent) []byte {
	if it.Disagree {
		b = append(b, "<p><strong>Sources disagree on the date.</strong></p>"...)
	}
	if it.Description != "" {
		b = append(b, "<p>"...)
		b = appendHTML(b, it.Description)
		b = append(b, "</p>"...)
	}
	for i := range it.Sources {
		src := &it.Sources[i]
		b = append(b, "<blockquote>"...)
		b = appendHTML(b, src.Sentence)
		b = append(b, "</blockquote><p>— "...)
		b = sw.appendCredit(b, src)
		if it.Disagree && src.Value != "" {
			b = append(b, " (gives "...)
			b = appendHTML(b, strings.TrimSpace(src.Value+" "+src.Mod))
			b = append(b, ")"...)
		}
		b = append(b, "</p>"...)
	}
	return b
}

// appendCredit names a source's article, linked when its URL is a web
// address. Other schemes (javascript:, data:) are never made links.
func (sw *slideWriter) appendCredit(b []byte, src *store.ExportSource) []byte {
	link := sw.webURL(src.ArticleURL)
	if link {
		b = append(b, `<a href="`...)
		b = appendHTML(b, src.ArticleURL)
		b = append(b, `" target="_blank" rel="noopener">`...)
	}
	switch pub, title := src.ArticlePublisher, src.ArticleTitle; {
	case pub != "" && title != "":
		b = appendHTML(b, pub)
		b = append(b, ": "...)
		b = appendHTML(b, title)
	case pub != "":
		b = appendHTML(b, pub)
	case title != "":
		b = appendHTML(b, title)
	default:
		b = append(b, "article #"...)
		b = appendInt(b, src.ArticleID)
	}
	if link {
		b = append(b, "</a>"...)
	}
	if src.ArticlePublished != "" {
		b = append(b, ", "...)
		b = appendHTML(b, src.ArticlePublished)
	}
	return b
}

// webURL is webURL, remembered.
func (sw *slideWriter) webURL(s string) bool {
	if ok, seen := sw.web[s]; seen {
		return ok
	}
	ok := webURL(s)
	if len(sw.web) < rememberedURLs {
		sw.web[s] = ok
	}
	return ok
}

// appendDecodedHTML appends s escaped for a TimelineJS field that is
// decoded as HTML before it is set as HTML: escaped twice.
func appendDecodedHTML(b []byte, s string) []byte {
	start := len(b)
	b = appendHTML(b, s)
	once := len(b)
	b = appendHTML(b, string(b[start:once]))
	return append(b[:start], b[once:]...)
}

// appendHTML appends s escaped as html.EscapeString escapes it.
func appendHTML(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		start = i + 1
	}
	return append(b, s[start:]...)
}
