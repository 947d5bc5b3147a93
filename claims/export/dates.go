package export

import (
	"fmt"
	"time"

	"github.com/factline/factline/timeline"
)

// words are the phrases a display date needs in one language. Adding a
// language means adding one of these, not code.
type words struct {
	months [12]string
	// day formats a day from its number, month name and year.
	day             string
	century, decade string // from the century's or decade's first year
	halves          [2]string
	quarter         string // from quarter number and year
	seasons         map[int]string
	week            string // from ISO week and year
	mods            map[timeline.Mod]string
	// verdicts names claim statuses for readers (ClaimReview ratings).
	verdicts         map[string]string
	since, scheduled string
	// title heads a timeline that was given none.
	title string
}

// languages holds display-date words by language code. English is the
// default because the graphics desk's tools and readers vary; an
// Indonesian desk asks for "id".
var languages = map[string]*words{
	"en": {
		months:  [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		day:     "%d %s %d",
		century: "the %ds", decade: "the %ds",
		halves:  [2]string{"first half of %d", "second half of %d"},
		quarter: "Q%d %d",
		seasons: map[int]string{3: "spring %d", 6: "summer %d", 9: "autumn %d", 12: "winter %d"},
		week:    "week %d of %d",
		mods: map[timeline.Mod]string{
			timeline.ModStart: "early %s", timeline.ModMid: "mid-%s", timeline.ModEnd: "late %s",
			timeline.ModApprox: "about %s", timeline.ModBefore: "before %s", timeline.ModAfter: "after %s",
			timeline.ModOnOrBefore: "by %s", timeline.ModOnOrAfter: "from %s",
		},
		verdicts: map[string]string{"verified": "Verified", "disputed": "Disputed", "false": "False", "unverifiable": "Unverifiable"},
		since:    "since %s", scheduled: "%s (scheduled)", title: "Timeline",
	},
	"id": {
		months:  [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
		day:     "%d %s %d",
		century: "tahun %d-an", decade: "tahun %d-an",
		halves:  [2]string{"paruh pertama %d", "paruh kedua %d"},
		quarter: "kuartal %d %d",
		seasons: map[int]string{3: "musim semi %d", 6: "musim panas %d", 9: "musim gugur %d", 12: "musim dingin %d"},
		week:    "minggu ke-%d %d",
		mods: map[timeline.Mod]string{
			timeline.ModStart: "awal %s", timeline.ModMid: "pertengahan %s", timeline.ModEnd: "akhir %s",
			timeline.ModApprox: "sekitar %s", timeline.ModBefore: "sebelum %s", timeline.ModAfter: "setelah %s",
			timeline.ModOnOrBefore: "paling lambat %s", timeline.ModOnOrAfter: "mulai %s",
		},
		verdicts: map[string]string{"verified": "Terverifikasi", "disputed": "Diperdebatkan", "false": "Salah", "unverifiable": "Tidak dapat diverifikasi"},
		since:    "sejak %s", scheduled: "%s (dijadwalkan)", title: "Linimasa",
	},
}

// Languages lists the registered languages display dates can be written
// in: those with display words.
func Languages() []string {
	var out []string
	for _, code := range timeline.LanguageCodes() {
		if languages[code] != nil {
			out = append(out, code)
		}
	}
	return out
}

// wordsFor returns the words of a language, English when it is unknown.
func wordsFor(lang string) *words {
	if w, ok := languages[lang]; ok {
		return w
	}
	return languages["en"]
}

// rememberedDates bounds what a dateBook keeps, so an export of events
// with ever-different dates stays in flat memory.
const rememberedDates = 4096

// dateBook reads and names the dates of one export. The events of a
// timeline share few distinct dates, and parsing and naming each one again
// was about a tenth of an export's time, so both are remembered.
type dateBook struct {
	*words
	dates map[string]parsedDate
	names map[[3]string]string
}

type parsedDate struct {
	d  timeline.Date
	ok bool
}

func newDateBook(lang string) *dateBook {
	return &dateBook{words: wordsFor(lang), dates: map[string]parsedDate{}, names: map[[3]string]string{}}
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

// displayDate is words.displayDate, remembered.
func (b *dateBook) displayDate(value, mod, status string) string {
	k := [3]string{value, mod, status}
	if s, ok := b.names[k]; ok {
		return s
	}
	s := b.words.displayDate(value, mod, status)
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

// name writes a date at its precision and no finer: "2011", "December
// 2019", "Q4 2019", "28 December 2019, 10:15".
func (w *words) name(d timeline.Date) string {
	s := d.Start
	y, m := s.Year(), int(s.Month())
	switch d.Precision {
	case timeline.PrecisionCentury:
		return fmt.Sprintf(w.century, y)
	case timeline.PrecisionDecade:
		return fmt.Sprintf(w.decade, y)
	case timeline.PrecisionHalf:
		return fmt.Sprintf(w.halves[(m-1)/6], y)
	case timeline.PrecisionSeason:
		return fmt.Sprintf(w.seasons[m], y)
	case timeline.PrecisionQuarter:
		return fmt.Sprintf(w.quarter, (m-1)/3+1, y)
	case timeline.PrecisionMonth:
		return w.months[m-1] + " " + fmt.Sprint(y)
	case timeline.PrecisionWeek:
		wy, wk := s.ISOWeek()
		return fmt.Sprintf(w.week, wk, wy)
	case timeline.PrecisionDay:
		return fmt.Sprintf(w.day, s.Day(), w.months[m-1], y)
	case timeline.PrecisionMinute:
		return fmt.Sprintf(w.day, s.Day(), w.months[m-1], y) + s.Format(", 15:04")
	}
	return fmt.Sprint(y)
}

// displayDate is how a reader should see an event's date: its name with the
// modifier ("late 2011", "early December 2019"), "since" for a state that
// still holds, and a mark on what is only scheduled. It is "" for values
// that name no calendar interval.
func (w *words) displayDate(value, mod, status string) string {
	d, ok := calendarDate(value)
	if !ok {
		return ""
	}
	text := w.name(d)
	switch {
	case status == string(timeline.StatusOngoing):
		// An ongoing state's START means "since", not "early".
		text = fmt.Sprintf(w.since, text)
	case w.mods[timeline.Mod(mod)] != "":
		text = fmt.Sprintf(w.mods[timeline.Mod(mod)], text)
	}
	if status == string(timeline.StatusScheduled) {
		text = fmt.Sprintf(w.scheduled, text)
	}
	return text
}

// needsDisplayDate reports whether TimelineJS's own date formatting would
// mislead: it knows nothing of modifiers, of quarters, seasons, halves,
// weeks, decades or centuries, nor of scheduled or ongoing events.
func needsDisplayDate(d timeline.Date, mod, status string) bool {
	switch {
	case mod != "", status == string(timeline.StatusScheduled), status == string(timeline.StatusOngoing):
		return true
	}
	switch d.Precision {
	case timeline.PrecisionYear, timeline.PrecisionMonth, timeline.PrecisionDay, timeline.PrecisionMinute:
		return false
	}
	return true
}

// lastInstant is the last moment inside a half-open interval's end.
func lastInstant(end time.Time) time.Time { return end.Add(-time.Nanosecond) }
