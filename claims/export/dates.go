package export

import (
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/timeline"
)

// words are the phrases an export needs in one language beside the dates,
// which timeline.DateNamer names: the language folder's claims-readers.txt.
type words struct {
	// verdicts names claim statuses for readers (ClaimReview ratings).
	verdicts map[string]string
	// title heads a timeline that was given none.
	title string
}

// Languages lists the languages an export can be written in: every
// registered language.
func Languages() []string { return timeline.LanguageCodes() }

// wordsFor returns the words of a language (its near language's where it
// has none of its own); English for an unknown one, because the graphics
// desk's tools and readers vary.
func wordsFor(lang string) *words {
	if _, ok := timeline.LookupLanguage(lang); !ok {
		lang = "en"
	}
	w := &words{verdicts: map[string]string{}, title: claims.TimelineTitle(lang)}
	for _, st := range claims.Statuses {
		if name := claims.VerdictName(lang, string(st)); name != "" {
			w.verdicts[string(st)] = name
		}
	}
	return w
}

// namerFor returns the date namer of a language, English when it is
// unknown.
func namerFor(lang string) timeline.DateNamer {
	if n, ok := timeline.DateNamerFor(lang); ok {
		return n
	}
	n, _ := timeline.DateNamerFor("en")
	return n
}

// rememberedDates bounds what a dateBook keeps, so an export of events
// with ever-different dates stays in flat memory.
const rememberedDates = 4096

// dateBook reads and names the dates of one export. The events of a
// timeline share few distinct dates, and parsing and naming each one again
// was about a tenth of an export's time, so both are remembered.
type dateBook struct {
	*words
	namer timeline.DateNamer
	dates map[string]parsedDate
	names map[[4]string]string
}

type parsedDate struct {
	d  timeline.Date
	ok bool
}

func newDateBook(lang string) *dateBook {
	return &dateBook{words: wordsFor(lang), namer: namerFor(lang), dates: map[string]parsedDate{}, names: map[[4]string]string{}}
}

// calendarDate is calendarDate, remembered.
func (b *dateBook) calendarDate(value string) (timeline.Date, bool) {
	if p, ok := b.dates[value]; ok {
		return p.d, p.ok
	}
	d, ok := calendarDate(value)
	if len(b.dates) < rememberedDates {
		b.dates[value] = parsedDate{d, ok}
	}
	return d, ok
}

// displayDate is how a reader sees an event's date, from value to end for
// a range (see timeline.DateNamer.EventRange), remembered.
func (b *dateBook) displayDate(value, mod, status, end string) string {
	k := [4]string{value, mod, status, end}
	if s, ok := b.names[k]; ok {
		return s
	}
	s := b.namer.EventRange(value, timeline.Mod(mod), timeline.EventStatus(status), end)
	if len(b.names) < rememberedDates {
		b.names[k] = s
	}
	return s
}

// calendarDate reads an event's stored value without its modifier: the
// modifier narrows the interval, but a date is named by the whole of it
// ("late 2011" names 2011). ok is false for values that name no calendar
// interval, which have no place on a drawn timeline.
func calendarDate(value string) (timeline.Date, bool) {
	d, err := timeline.ParseDate(value, timeline.ModNone)
	return d, err == nil
}

// name names a date at its precision, without modifier.
func (b *dateBook) name(d timeline.Date) string { return b.namer.Name(d) }

// lastInstant is the last moment inside a half-open interval's end.
func lastInstant(end time.Time) time.Time { return end.Add(-time.Nanosecond) }
