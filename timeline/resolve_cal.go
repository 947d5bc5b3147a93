package timeline

import (
	"fmt"
	"time"
)

// calendar resolves calendar fields, filling what the text left out (the
// year of "Sabtu (28/12)", the date of "Senin") from the publication date in
// the direction the sentence points.
func (r *resolver) calendar(x *expr) resolved {
	if x.dayShift != 0 {
		return r.countdown(x)
	}
	haveDCT := !r.dct.IsZero()
	dctS := r.dctS
	switch {
	case x.century != 0:
		return resolved{value: fmt.Sprintf("%02d", x.century), why: "century"}
	case x.decade != 0:
		return resolved{value: fmt.Sprintf("%03d", x.decade), why: "decade"}
	}
	// The direction comes from a deictic word, else from a tense cue
	// near enough to govern the expression, else from nearness to the
	// publication date (dir 0).
	dir, strict, dirWhy := x.force, x.force != 0, "the deictic word"
	if dir == 0 {
		dirWhy = "a tense cue"
		switch {
		case x.day != 0 && x.month != 0 && x.weekday == 0:
			// A date without a year is a deadline as often as a
			// report: only a close future cue decides, else nearness.
			dir = max(r.tense(x, 3), 0)
		case x.weekday != 0 && x.day == 0:
			// A weekday is in the past unless a future cue is close
			// ("said he will begin ... on Friday" still reports) or,
			// with no cue at all, it is the day after publication: six
			// days back, a report would say "last Tuesday". A past
			// verb governing it ("said Friday") keeps it in the past.
			switch t, before := r.tenseAround(x, 6); {
			case t > 0 || t == 0 && r.modalAhead(x):
				dir = 1
			case t < 0 && before:
				dir = -1
			case (x.weekday-isoWeekday(r.dct)+7)%7 == 1:
				dir, dirWhy = 1, "being the day after publication"
			default:
				dir, dirWhy = -1, "news reporting the past"
			}
		default:
			dir = r.tense(x, 12)
		}
		if dir == 0 {
			dirWhy = "nearness to the publication date"
		}
	}
	year := x.year
	why := ""
	anchor := ""
	if x.rangeEnd != "" {
		why = "year from the other end of the range, " + x.rangeEnd
	}
	if year == 0 && x.hasYearDir && haveDCT {
		year, anchor = r.dct.Year()+x.yearDir, "dct"
		why = fmt.Sprintf("year %+d from the publication date %s", x.yearDir, dctS)
	}
	// A clock time alone belongs to the day last mentioned, or the
	// publication date. A day named by "kemarin" or "yesterday" governs
	// its own sentence only: a later clock time on its own ("Harga ...
	// pukul 10:14 WIB") is the running story of the publication day.
	if x.hasTime && x.day == 0 && x.weekday == 0 && x.month == 0 && year == 0 {
		base, id := r.dct, "dct"
		if x.hasParticleDay && haveDCT {
			// "pukul 10.00 WIB tadi": the day the particle names
			base = r.dct.AddDate(0, 0, x.particleDay)
		} else if !r.day.IsZero() && (r.dayRelSent < 0 || r.dayRelSent == r.p.lx[x.i].sent || r.dct.IsZero()) {
			y, m, d := r.day.Start.Date()
			base, id = ymd(y, int(m), d), r.dayID
		}
		if base.IsZero() {
			return resolved{value: fmt.Sprintf("XXXX-XX-XXT%02d:%02d", x.hour, x.minute), why: "clock time without a date"}
		}
		return resolved{value: dayValue(base) + fmt.Sprintf("T%02d:%02d", x.hour, x.minute), anchor: id, why: "clock time on " + dayValue(base)}
	}
	if x.holiday != nil && x.day == 0 && (haveDCT || year != 0) {
		// "the fourth Thursday of November", "Lebaran": its date in the
		// year the publication date points to.
		if year == 0 {
			// The sentence's tense decides ("mudik diperkirakan
			// memuncak pada Lebaran" in November is next year's);
			// failing one, a holiday more than a few weeks ahead is
			// last year's, unless it is nearly a year back.
			year = r.dct.Year()
			d, ok := holidayDate(year, x.holiday)
			switch {
			case !ok:
			case dir > 0 && d.Before(r.dct):
				year++
			case dir < 0 && d.After(r.dct):
				year--
			case dir == 0 && d.After(r.dct.AddDate(0, 0, int(nearFuture.Hours()/24))):
				year--
			case dir == 0 && r.dct.Sub(d) > 365*24*time.Hour-nearFuture:
				year++
			}
		}
		d, ok := holidayDate(year, x.holiday)
		if !ok {
			// A moving holiday outside its table: the year, no invented day.
			return resolved{value: fmt.Sprintf("%04d", year), anchor: "dct", why: "holiday in " + fmt.Sprint(year) + ", day unknown"}
		}
		return resolved{value: dayValue(d), anchor: "dct", why: "holiday in " + fmt.Sprint(year)}
	}
	var v string
	switch {
	case x.weekend:
		if !haveDCT {
			return resolved{value: "XXXX-WXX-WE", why: "weekend without a publication date"}
		}
		sat := r.nearestWeekday(6, pastIfUnknown(dir), strict)
		if x.force == 0 && x.rule == "deictic-name" {
			// "this weekend", "akhir pekan ini": the publication week's.
			sat = weekMonday(r.dct).AddDate(0, 0, 5)
		}
		y, w := sat.ISOWeek()
		return resolved{value: fmt.Sprintf("%04d-W%02d-WE", y, w), anchor: "dct", why: "weekend nearest the publication date, by " + dirWhy}
	case x.day != 0 && x.month != 0:
		if year == 0 {
			if !haveDCT {
				return resolved{value: fmt.Sprintf("XXXX-%02d-%02d", x.month, x.day) + r.timeSuffix(x), why: "no year and no publication date"}
			}
			year, why = r.yearOfDay(x, dir, strict), fmt.Sprintf("year from the publication date %s", dctS)
			if x.weekday != 0 {
				why += " and the weekday"
			} else {
				why += ", by " + dirWhy
			}
			anchor = "dct"
		}
		if !validDate(year, x.month, x.day) {
			return resolved{why: "no such date"}
		}
		v = fmt.Sprintf("%04d-%02d-%02d", year, x.month, x.day)
	case x.day != 0:
		// "tanggal 24": the month is the publication month or its
		// neighbour in the sentence's direction.
		if !haveDCT {
			return resolved{value: fmt.Sprintf("XXXX-XX-%02d", x.day), why: "no publication date"}
		}
		d := ymd(r.dct.Year(), int(r.dct.Month()), x.day)
		if dir <= 0 && d.After(r.dct) {
			d = d.AddDate(0, -1, 0)
		} else if dir > 0 && d.Before(r.dct) {
			d = d.AddDate(0, 1, 0)
		}
		v, anchor, why = dayValue(d), "dct", "month from the publication date "+dctS+", by "+dirWhy
	case x.weekday != 0:
		if !haveDCT {
			return resolved{value: "XXXX-WXX-" + fmt.Sprint(x.weekday) + r.timeSuffix(x), why: "weekday without a publication date"}
		}
		if !x.weekFrom.IsZero() {
			d := x.weekFrom.AddDate(0, 0, (x.weekday-isoWeekday(x.weekFrom)+7)%7)
			return resolved{value: dayValue(d) + r.timeSuffix(x), anchor: r.dayID,
				why: "the weekday on or after the start of its range, " + dayValue(x.weekFrom)}
		}
		if x.fromRef && !r.day.IsZero() {
			// "Minggu pagi itu": that Sunday of the story, the one
			// nearest the day the narrative has reached.
			d := nearestWeekdayTo(r.day.Start, x.weekday)
			return resolved{value: dayValue(d) + r.timeSuffix(x), anchor: r.dayID,
				why: fmt.Sprintf("the weekday nearest the day last mentioned, %s", r.day.Value)}
		}
		d := r.nearestWeekday(x.weekday, pastIfUnknown(dir), strict)
		if x.force == 0 && x.rule == "deictic-name" {
			d = weekMonday(r.dct).AddDate(0, 0, x.weekday-1)
		}
		v, anchor, why = dayValue(d), "dct", fmt.Sprintf("the weekday nearest the publication date %s, by %s", dctS, dirWhy)
	case x.month != 0:
		if year == 0 {
			if !haveDCT {
				return resolved{value: fmt.Sprintf("XXXX-%02d", x.month), why: "no year and no publication date"}
			}
			year, anchor = r.dct.Year(), "dct"
			m := int(r.dct.Month())
			switch {
			case dir < 0 && (x.month > m || strict && x.month == m):
				year--
			case dir > 0 && (x.month < m || strict && x.month == m):
				year++
			// Without a cue a month up to four months ahead is
			// upcoming, one further ahead is last year's.
			case dir == 0 && x.month-m > 4:
				year--
			case dir == 0 && m-x.month >= 8:
				year++
			}
			why = fmt.Sprintf("year from the publication date %s, by %s", dctS, dirWhy)
		}
		v = fmt.Sprintf("%04d-%02d", year, x.month)
	case x.quarter != 0 || x.half != 0 || x.season != "":
		if year == 0 && x.fromRef && r.hasRef {
			// "granted permission on 14 October 2024 and construction
			// began the following spring": the first such season after
			// (or before) the date last mentioned.
			year, anchor = r.ref.Start.Year(), r.refID
			why = fmt.Sprintf("the %s %s the date last mentioned, %s", x.season, map[bool]string{true: "after", false: "before"}[x.force > 0], r.ref.Value)
			start := seasonStart[x.season]
			switch m := int(r.ref.Start.Month()); {
			case x.force > 0 && m >= start:
				year++
			case x.force < 0 && m < start+3:
				year--
			}
		}
		if year == 0 {
			if !haveDCT {
				year = -1
			} else {
				year, anchor, why = r.dct.Year(), "dct", "year of the publication date "+dctS
				if x.force < 0 {
					year--
				} else if x.force > 0 {
					year++
				}
			}
		}
		ys := fmt.Sprintf("%04d", year)
		if year < 0 {
			ys = "XXXX"
		}
		switch {
		case x.quarter != 0:
			v = fmt.Sprintf("%s-Q%d", ys, x.quarter)
		case x.half != 0:
			v = fmt.Sprintf("%s-H%d", ys, x.half)
		default:
			v = ys + "-" + x.season
		}
	case year != 0:
		v = fmt.Sprintf("%04d", year)
	default:
		return resolved{why: "nothing to resolve"}
	}
	if why == "" {
		why = "as written"
	}
	return resolved{value: v + r.timeSuffix(x), anchor: anchor, why: why}
}

// countdown resolves a day counted from a holiday ("H-3 Lebaran"): the
// holiday's date, shifted. A holiday whose day is unknown stays as it is.
func (r *resolver) countdown(x *expr) resolved {
	day := *x
	day.dayShift = 0
	rv := r.calendar(&day)
	d, err := ParseDate(rv.value, "")
	if err != nil || d.Precision != PrecisionDay {
		return rv
	}
	rv.value = dayValue(d.Start.AddDate(0, 0, x.dayShift))
	rv.why += fmt.Sprintf(", %+d day(s)", x.dayShift)
	return rv
}

// timeSuffix is the clock time or part of day of x, "" if none.
func (r *resolver) timeSuffix(x *expr) string {
	if x.hasTime {
		return fmt.Sprintf("T%02d:%02d", x.hour, x.minute)
	}
	return podSuffix(x.pod)
}

// yearOfDay picks the year of a day and month: the one whose weekday
// matches when a weekday is given, else the nearest in direction dir.
func (r *resolver) yearOfDay(x *expr, dir int, strict bool) int {
	y := r.dct.Year()
	if x.weekday != 0 {
		best, bestDist := 0, time.Duration(1<<62)
		for _, c := range [3]int{y - 1, y, y + 1} {
			if !validDate(c, x.month, x.day) {
				continue
			}
			d := ymd(c, x.month, x.day)
			if isoWeekday(d) != x.weekday {
				continue
			}
			dist := d.Sub(r.dct)
			if dist < 0 {
				dist = -dist
			}
			if dist < bestDist {
				best, bestDist = c, dist
			}
		}
		if best != 0 {
			return best
		}
	}
	d := ymd(y, x.month, min(x.day, daysIn(y, x.month)))
	switch {
	case dir < 0 && (d.After(r.dct) || strict && d.Equal(r.dct)):
		return y - 1
	case dir > 0 && (d.Before(r.dct) || strict && d.Equal(r.dct)):
		return y + 1
	case dir == 0 && d.Sub(r.dct) > nearFuture:
		return y - 1
	case dir == 0 && r.dct.Sub(d) > 365*24*time.Hour-nearFuture:
		return y + 1
	}
	return y
}

// nearestWeekday returns the date of weekday wd (1 = Monday) nearest the
// publication date in direction dir; the publication day itself counts
// unless strict.
func (r *resolver) nearestWeekday(wd, dir int, strict bool) time.Time {
	cur := isoWeekday(r.dct)
	if dir > 0 {
		diff := (wd - cur + 7) % 7
		if diff == 0 && strict {
			diff = 7
		}
		return r.dct.AddDate(0, 0, diff)
	}
	diff := (cur - wd + 7) % 7
	if diff == 0 && strict {
		diff = 7
	}
	return r.dct.AddDate(0, 0, -diff)
}

// nearFuture is how far ahead a date without a year may lie before it is
// read as last year's.
const nearFuture = 120 * 24 * time.Hour

// holidayDate returns the date of a holiday without a fixed day in year
// y: from its table of dates, or its Nth weekday of the month; false when
// the table lacks the year.
func holidayDate(y int, h *Holiday) (time.Time, bool) {
	if h.Dates != nil {
		var m, d int
		if _, err := fmt.Sscanf(h.Dates[y], "%d-%d", &m, &d); err != nil || !validDate(y, m, d) {
			return time.Time{}, false
		}
		return ymd(y, m, d), true
	}
	first := ymd(y, h.Month, 1)
	return first.AddDate(0, 0, (h.Weekday-isoWeekday(first)+7)%7+7*(h.Nth-1)), true
}

// pastIfUnknown maps an unknown direction to the past: news reports what
// happened.
func pastIfUnknown(dir int) int {
	if dir == 0 {
		return -1
	}
	return dir
}

// nearestWeekdayTo returns the date of weekday wd nearest t, looking at most
// three days ahead and three back (back on a tie).
func nearestWeekdayTo(t time.Time, wd int) time.Time {
	back := (isoWeekday(t) - wd + 7) % 7
	if back <= 3 {
		return t.AddDate(0, 0, -back)
	}
	return t.AddDate(0, 0, 7-back)
}

// isoWeekday numbers Monday 1 to Sunday 7.
func isoWeekday(t time.Time) int {
	return (int(t.Weekday())+6)%7 + 1
}

// weekMonday returns the Monday of t's ISO week.
func weekMonday(t time.Time) time.Time { return t.AddDate(0, 0, 1-isoWeekday(t)) }

// seasonStart is the first month of each TIMEX3 season, as date.go reads
// them.
var seasonStart = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}
