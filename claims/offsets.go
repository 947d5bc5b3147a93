package claims

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/factline/factline/timeline"
)

// offsetRule names the dates offsetDates derives.
const offsetRule = "offset-clause"

// offsetDates adds a date for each count of days, weeks, months or years
// that stands before an offset word of the language and counts from the
// sentence's own date: "sworn in on Thursday, nine days after
// investigators arrested the regent" dates the arrest nine days before
// that Thursday, "kembali meluap pada Jumat, dua hari setelah genangan
// pertama surut" the receding two days before that Friday. The added date
// keeps the count's ID and spans the count and the offset word, so the
// event it makes is the happening the clause after that word tells, dated
// at the precision of the count's unit (a day for days, the week, month or
// year for the others). A count with no dated expression in its sentence
// stays a duration. The tagger's own values are unchanged.
func (b *eventBuilder) offsetDates(ts []timeline.Timex) []timeline.Timex {
	var added []timeline.Timex
	for _, t := range ts {
		if t.Type != timeline.TypeDuration {
			continue
		}
		n, unit, ok := countOf(t.Value)
		if !ok {
			continue
		}
		word, end := b.wordAfter(t.End)
		sign := 0
		switch w := lowerASCII(word); {
		case b.p.ev.offsetAfter[w]:
			sign = -1
		case b.p.ev.offsetBefore[w]:
			sign = 1
		default:
			continue
		}
		from, ok := b.offsetAnchor(ts, t, unit)
		if !ok {
			continue
		}
		value, ok := shifted(from.Value, sign*n, unit)
		if !ok {
			continue
		}
		// A count that is not exact ("nearly two months") gives an
		// approximate date.
		mod := timeline.ModNone
		if t.Mod != timeline.ModNone {
			mod = timeline.ModApprox
		}
		added = append(added, timeline.Timex{ID: t.ID, Start: t.Start, End: end, Text: b.text[t.Start:end],
			Type: timeline.TypeDate, Value: value, Mod: mod, Anchor: from.ID, Rule: offsetRule})
	}
	if len(added) == 0 {
		return ts
	}
	out := append(slices.Clone(ts), added...)
	slices.SortStableFunc(out, func(a, c timeline.Timex) int { return a.Start - c.Start })
	return out
}

// joinRecaps folds each event whose day a count gave (recaps[i]) into the
// first other event of the article on that day: a happening a sentence
// dates by counting days from another ("arrived home on Sunday, a day
// after their release was negotiated") is most often one the article
// tells in its own words too ("By Saturday afternoon the kidnappers had
// agreed to free them"), and that telling names it and dates it finer. A
// recap that no other event dates stays an event, and so does one of a
// week, month or year, which hold too many happenings to tell which.
// Events are numbered anew.
func joinRecaps(events []timeline.Event, recaps []bool) []timeline.Event {
	joined := make([]bool, len(events))
	for i, e := range events {
		if !recaps[i] || e.Date.Precision != timeline.PrecisionDay {
			continue
		}
		for j := range events {
			o := &events[j]
			if j == i || recaps[j] || !contains(e.Date, o.Date) {
				continue
			}
			if o.Evidence != e.Evidence && !slices.Contains(o.Also, e.Evidence) {
				o.Also = append(o.Also, e.Evidence)
			}
			joined[i] = true
			break
		}
	}
	if !slices.Contains(joined, true) {
		return events
	}
	var out []timeline.Event
	for i, e := range events {
		if !joined[i] {
			e.ID = eventID(len(out))
			out = append(out, e)
		}
	}
	return out
}

// offsetClause reports whether pred is the happening the clause after the
// offset date tells: it follows the date with no relative or complement
// clause opening between them ("two days after the derailment that killed
// one passenger" tells the derailment, a noun, not the killing).
func (b *eventBuilder) offsetClause(ws []sword, date, pred Span) bool {
	if pred.Start < date.End {
		return false
	}
	for _, w := range ws {
		if w.start >= date.End && w.end <= pred.Start && (b.p.relatives[w.low] || b.p.complementizers[w.low]) {
			return false
		}
	}
	return true
}

// countOf reads a duration value of a whole count of one unit ("P9D",
// "P2W", "P3M", "P1Y").
func countOf(value string) (int, byte, bool) {
	if len(value) < 3 || value[0] != 'P' {
		return 0, 0, false
	}
	unit := value[len(value)-1]
	if unit != 'D' && unit != 'W' && unit != 'M' && unit != 'Y' {
		return 0, 0, false
	}
	n, err := strconv.Atoi(value[1 : len(value)-1])
	if err != nil || n <= 0 {
		return 0, 0, false
	}
	return n, unit, true
}

// wordAfter returns the word right after offset i and where it ends.
func (b *eventBuilder) wordAfter(i int) (string, int) {
	ws, _ := b.words.in(i, min(len(b.text), i+24))
	if len(ws) == 0 || strings.TrimSpace(b.text[i:ws[0].start]) != "" {
		return "", i
	}
	return b.text[ws[0].start:ws[0].end], ws[0].end
}

// offsetAnchor returns the date a count in sentence counts from: the
// nearest DATE or TIME of its sentence, the one before it first, whose
// value holds the count's unit (a count of days needs a day).
func (b *eventBuilder) offsetAnchor(ts []timeline.Timex, count timeline.Timex, unit byte) (timeline.Timex, bool) {
	si := b.sentenceOf(count.Start, count.End)
	if si < 0 {
		return timeline.Timex{}, false
	}
	best, bestDist := timeline.Timex{}, -1
	for _, t := range ts {
		if t.Type != timeline.TypeDate && t.Type != timeline.TypeTime || b.sentenceOf(t.Start, t.End) != si || !holdsUnit(t.Value, unit) {
			continue
		}
		// One before the count is the clause it hangs on; one after
		// it may belong to the offset clause itself, so it counts as
		// further away.
		d := count.Start - t.End
		if t.Start > count.Start {
			d = 2 * (t.Start - count.End)
		}
		if d >= 0 && (bestDist < 0 || d < bestDist) {
			best, bestDist = t, d
		}
	}
	return best, bestDist >= 0
}

// holdsUnit reports whether a calendar value is as fine as the unit: a
// day for days and weeks, a month for months, a year for years.
func holdsUnit(value string, unit byte) bool {
	layout := time.DateOnly
	switch unit {
	case 'M':
		layout = "2006-01"
	case 'Y':
		layout = "2006"
	}
	if len(value) < len(layout) {
		return false
	}
	_, err := time.Parse(layout, value[:len(layout)])
	return err == nil
}

// shifted moves a calendar value by n units and gives it at the unit's
// precision.
func shifted(value string, n int, unit byte) (string, bool) {
	switch unit {
	case 'D', 'W':
		d, err := time.Parse(time.DateOnly, value[:dayLen])
		if err != nil {
			return "", false
		}
		if unit == 'D' {
			return d.AddDate(0, 0, n).Format(time.DateOnly), true
		}
		y, w := d.AddDate(0, 0, 7*n).ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w), true
	case 'M':
		d, err := time.Parse("2006-01", value[:len("2006-01")])
		if err != nil {
			return "", false
		}
		return d.AddDate(0, n, 0).Format("2006-01"), true
	}
	y, err := strconv.Atoi(value[:len("2006")])
	if err != nil {
		return "", false
	}
	return fmt.Sprintf("%04d", y+n), true
}
