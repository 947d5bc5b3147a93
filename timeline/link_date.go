package timeline

import (
	"time"
)

// span is the stretch of time a date allows. It is the date's interval,
// except that a date that only bounds the happening ("before 5 a.m.",
// "after the meeting") opens on the side it leaves free, and "about" widens it by
// half its length on each side.
func span(d Date) (time.Time, time.Time) {
	start, end := d.Start, d.End
	length := end.Sub(start)
	switch d.Mod {
	case ModBefore, ModOnOrBefore:
		// "shortly before 5 a.m.": the same day, up to the point named.
		start = start.Add(-max(length, 12*time.Hour))
	case ModAfter, ModOnOrAfter:
		end = end.Add(max(length, 12*time.Hour))
	case ModApprox:
		start, end = start.Add(-length/2), end.Add(length/2)
	}
	return start, end
}

// Compatible reports whether two dates can name the same moment: their
// intervals overlap once modifiers are taken into account. A day is
// compatible with a clock time on it, a month with its days, "2014-12-28TMO"
// with 06:12 that day; 06:14 and 06:18 are not, nor are the 28th and the
// 29th.
func Compatible(a, b Date) bool {
	if a.IsZero() || b.IsZero() {
		return false
	}
	as, ae := span(a)
	bs, be := span(b)
	return as.Before(be) && bs.Before(ae)
}

// dateGap is how far apart two dates' spans lie, 0 when they overlap or
// touch.
func dateGap(a, b Date) time.Duration {
	as, ae := span(a)
	bs, be := span(b)
	switch {
	case !ae.After(bs):
		return bs.Sub(ae)
	case !be.After(as):
		return as.Sub(be)
	}
	return 0
}

// nearGap is how far apart the spans of two clock times (or parts of day)
// may lie and still be near, across midnight too.
const nearGap = 3 * time.Hour

// day is 24 hours: a day's length, and how far a neighbouring day lies.
const day = 24 * time.Hour

// near reports whether two incompatible dates lie close enough to be one
// happening that sources date differently: two clock times or parts of one
// day (06:14 and 07:55), a day and its neighbour when one source gives only
// the day (the 28th and the 29th), or touching months and years. Two clock
// times on neighbouring days (21:40 Monday, 02:15 Tuesday) are two
// happenings.
func near(a, b Date) bool {
	gap := dateGap(a, b)
	la, lb := a.End.Sub(a.Start), b.End.Sub(b.Start)
	if la > day || lb > day {
		return gap == 0
	}
	da, db := a.Start.Truncate(day), b.Start.Truncate(day)
	switch {
	case da.Equal(db), gap <= nearGap:
		return true
	case da.Sub(db).Abs() == day:
		return la == day || lb == day
	}
	return false
}

// consensus returns the date of a linked event and whether its sources
// agree. Sources agree when every pair of their dates is compatible; the
// date is then the finest of them. When they do not, the date is the
// finest source date compatible with all the others (a week holding two
// different days), else the finest calendar unit (day, month, year) holding
// every one of them, else the earliest source's date.
func consensus(dates []Date) (Date, bool) {
	agree := true
	best := -1
	for i, d := range dates {
		ok := true
		for j, o := range dates {
			if i != j && !Compatible(d, o) {
				ok = false
				break
			}
		}
		agree = agree && ok
		if ok && (best < 0 || finer(d, dates[best])) {
			best = i
		}
	}
	if best >= 0 {
		return dates[best], agree
	}
	lo, hi := dates[0].Start, dates[0].End
	earliest := 0
	for i, d := range dates {
		if d.Start.Before(lo) {
			lo, earliest = d.Start, i
		}
		if d.End.After(hi) {
			hi = d.End
		}
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if d, err := ParseDate(lo.Format(layout), ModNone); err == nil && !d.End.Before(hi) {
			return d, false
		}
	}
	return dates[earliest], false
}

// finer reports whether a pins down a shorter stretch of time than b.
func finer(a, b Date) bool {
	return a.End.Sub(a.Start) < b.End.Sub(b.Start)
}

// sides splits sources that disagree into groups whose dates are
// compatible among themselves, finest dates first; a source compatible
// with every other (a day when the others give clock times on it) belongs
// to no side. It returns indexes into dates.
func sides(dates []Date) [][]int {
	order := make([]int, 0, len(dates))
	for i := range dates {
		neutral := true
		for j := range dates {
			if i != j && !Compatible(dates[i], dates[j]) {
				neutral = false
				break
			}
		}
		if !neutral {
			order = append(order, i)
		}
	}
	// Finest first, so each side forms around a precise claim.
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && finer(dates[order[j]], dates[order[j-1]]); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	var out [][]int
next:
	for _, i := range order {
		for k, side := range out {
			fits := true
			for _, j := range side {
				fits = fits && Compatible(dates[i], dates[j])
			}
			if fits {
				out[k] = append(out[k], i)
				continue next
			}
		}
		out = append(out, []int{i})
	}
	for _, side := range out {
		for i := 1; i < len(side); i++ {
			for j := i; j > 0 && side[j] < side[j-1]; j-- {
				side[j], side[j-1] = side[j-1], side[j]
			}
		}
	}
	return out
}

// sameDay reports whether two dates of a day or less fall on one
// calendar day.
func sameDay(a, b Date) bool {
	return a.End.Sub(a.Start) <= day && b.End.Sub(b.Start) <= day && a.Start.Truncate(day).Equal(b.Start.Truncate(day))
}
