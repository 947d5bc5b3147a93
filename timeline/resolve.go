package timeline

import (
	"fmt"
	"time"
)

// resolver turns parsed expressions into TIMEX3 values, in text order,
// keeping the dates the text has mentioned so far as anchors for "a day
// later" and "hari kedua".
type resolver struct {
	p    *parser
	dct  time.Time // zero when unknown
	dctS string    // dct as YYYY-MM-DD, for explanations
	// ref is the last calendar value mentioned, for "a year earlier".
	ref    Date
	refID  string
	hasRef bool
	// refSent is the sentence of ref.
	refSent int
	// day is the last day or clock time mentioned, offsets included, for
	// a clock time alone ("pukul 05.00") and "tiga jam kemudian".
	day   Date
	dayID string
	// dayRelSent is the sentence of the last day mentioned when a
	// relative word named it ("kemarin"), else -1.
	dayRelSent int
	// first is the earliest day the text mentioned, the start of the
	// narrated event, for "the second day".
	first   time.Time
	firstID string
	// opening tells that the expression being resolved opens a range;
	// span, spanID and spanSent are the first day of the last range of
	// days and its sentence: "9-11 Desember ... pada hari pertama" is the
	// 9th, however much earlier the text began.
	opening  bool
	span     time.Time
	spanID   string
	spanSent int
	// prev is the expression before the one being resolved: the tense
	// window counts it as one word ("opens at 10:00 a.m. local time on
	// Wednesday").
	prev *expr
}

// tense returns the direction the sentence around x points: -1 past, +1
// future, 0 unknown. The verb that governs a time phrase comes before it,
// so the nearest cue before the expression wins; failing one, the nearest
// after it within the same clause. Both at most window lexemes away.
func (r *resolver) tense(x *expr, window int) int {
	dir, _ := r.tenseAround(x, window)
	return dir
}

// tenseAround is tense that also tells whether the cue stands before the
// expression, where the verb governing it stands.
func (r *resolver) tenseAround(x *expr, window int) (dir int, before bool) {
	lx := r.p.lx
	sent := lx[x.i].sent
	look := func(k int) (int, bool) {
		if k < 0 || k >= len(lx) || lx[k].sent != sent {
			return 0, true
		}
		e := lx[k].e
		switch {
		case e == nil:
			return 0, false
		case e.futurePrep:
			if k == x.i-1 {
				return 1, true
			}
			return 0, false
		case e.future:
			return 1, true
		case e.past && k > 0 && lx[k-1].e != nil && lx[k-1].e.passiveAux:
			// a participle: "is heard", "to be published"
			return 0, false
		case e.past:
			return -1, true
		}
		return 0, e.clauseBreak
	}
	for k, n := x.i-1, 0; n < window; k, n = k-1, n+1 {
		if k > 0 && r.p.is(k, "-") && r.p.glued(k) {
			// "a stop-work meeting": a hyphenated word counts once
			n--
			continue
		}
		if r.prev != nil && r.prev != x && k == r.prev.j-1 {
			k = r.prev.i
			continue
		}
		if dir, stop := look(k); stop {
			if dir != 0 {
				return dir, true
			}
			break
		}
	}
	for k := x.j; k < x.j+window; k++ {
		if k < len(lx) && lx[k].e != nil && lx[k].e.conj {
			// "recovered the black boxes on 30 December and expect to
			// publish": what follows a conjunction has its own tense.
			return 0, false
		}
		if dir, stop := look(k); stop {
			return dir, false
		}
	}
	return 0, false
}

// modalReach bounds how far before a weekday a modal may stand: the clause
// ends the search first in most sentences ("would hold an open meeting for
// members at the Tyneford Working Men's Club on Thursday").
const modalReach = 16

// modalAhead reports whether a modal ("would", "akan") stands before x in
// its clause, with no past cue between, and x is no possessive ("Wednesday's
// ruling" names a day the ruling was made): "said it would hold an open
// meeting for members on Thursday".
func (r *resolver) modalAhead(x *expr) bool {
	p, lx := r.p, r.p.lx
	if (p.is(x.j, "'") || p.is(x.j, "’")) && p.glued(x.j) {
		return false
	}
	for k := x.i - 1; k >= 0 && k >= x.i-modalReach && lx[k].sent == lx[x.i].sent; k-- {
		e := lx[k].e
		switch {
		case e == nil:
		case e.modal:
			return true
		case e.past, e.clauseBreak:
			return false
		}
	}
	return false
}

// resolved is the outcome of resolving one expression.
type resolved struct {
	value, anchor, why string
}

// resolve computes the value of x.
func (r *resolver) resolve(x *expr) resolved {
	haveDCT := !r.dct.IsZero()
	dctS := r.dctS
	switch x.kind {
	case kindRef:
		return resolved{value: x.ref, why: "vague reference"}
	case kindDuration:
		if x.ref != "" {
			return resolved{value: x.ref, why: "length of time, as written"}
		}
		if x.plusHalf {
			return resolved{value: halfDurationValue(x.unit, x.n), why: "length of time"}
		}
		return resolved{value: durationValue(x.unit, x.n), why: "length of time"}
	case kindSet:
		return resolved{value: setValue(x), why: "recurrence"}
	case kindRelDay:
		if x.fromRef && !r.day.IsZero() {
			// "that night", "malam harinya": the day last mentioned
			y, m, d := r.day.Start.Date()
			day := dayValue(ymd(y, int(m), d))
			return resolved{value: day + podSuffix(x.pod), anchor: r.dayID, why: "part of the day last mentioned, " + day}
		}
		if !haveDCT {
			return resolved{value: "XXXX-XX-XX" + podSuffix(x.pod), why: "relative day without a publication date"}
		}
		d := r.dct.AddDate(0, 0, x.n)
		return resolved{value: dayValue(d) + podSuffix(x.pod), anchor: "dct",
			why: relativeWhy(x.n, unitDay, "the publication date "+dctS)}
	case kindDeictic:
		if !haveDCT {
			return resolved{value: unknownValue(x.unit), why: "no publication date"}
		}
		n := x.n
		if n == bareUnit {
			n = 0
		}
		if x.fromRef && r.hasRef {
			return resolved{value: unitValue(x.unit, shiftUnit(r.ref.Start, x.unit, n)), anchor: r.refID,
				why: relativeWhy(n, x.unit, r.ref.Value)}
		}
		if x.n == bareUnit && x.mod != "" {
			if rv, ok := r.pastBoundary(x); ok {
				return rv
			}
		}
		v := unitValue(x.unit, shiftUnit(r.dct, x.unit, n))
		return resolved{value: v, anchor: "dct", why: relativeWhy(n, x.unit, "the publication date "+dctS)}
	case kindOffset:
		if x.n < 0 {
			if x.dir < 0 {
				return resolved{value: "PAST_REF", why: "an unknown time ago"}
			}
			return resolved{value: "FUTURE_REF", why: "an unknown time ahead"}
		}
		// "a year earlier" shifts the date last mentioned, at its
		// precision; so does "a year ago" when the text is about a
		// quarter ("profit rose from a year ago").
		if x.fromRef && x.unit <= unitHour && r.day.Precision == PrecisionMinute {
			// "tiga jam kemudian" after a clock time
			t := shiftUnit(r.day.Start, x.unit, x.dir*x.n)
			x.typ = TypeTime
			return resolved{value: t.Format("2006-01-02T15:04"), anchor: r.dayID,
				why: relativeWhy(x.dir*x.n, x.unit, r.day.Value)}
		}
		if r.hasRef && x.n != 0 && (x.fromRef || r.ref.Precision == PrecisionQuarter && x.unit == unitYear) {
			prec := x.unit
			if pu := precisionUnit(r.ref.Precision); pu < prec && pu != unitNone {
				prec = pu
			}
			d := shiftUnit(r.ref.Start, x.unit, x.dir*x.n)
			return resolved{value: unitValue(prec, d), anchor: r.refID,
				why: relativeWhy(x.dir*x.n, x.unit, r.ref.Value)}
		}
		if !haveDCT {
			return resolved{value: unknownValue(x.unit), why: "no publication date"}
		}
		n := x.dir * x.n
		if x.n == 0 {
			// "the quarter" with nothing dated before it: the last
			// complete one, which is what a news report is about.
			n = -1
		}
		d := shiftUnit(r.dct, x.unit, n)
		prec := x.unit
		if prec == unitWeek && n > 0 {
			// "dua pekan lagi" is a deadline, a day seven days a week
			// away; "two weeks ago" names the week, not a day in it
			prec = unitDay
		}
		return resolved{value: unitValue(prec, d), anchor: "dct",
			why: relativeWhy(n, x.unit, "the publication date "+dctS)}
	case kindOrdDay:
		// The n-th day counts from the first day the text dated; the
		// publication date is no start ("the third day of the strike"
		// may lie weeks before it).
		base, id := r.first, r.firstID
		if r.spanID != "" && r.p.lx[x.i].sent-r.spanSent <= 1 {
			base, id = r.span, r.spanID
		}
		if base.IsZero() {
			return resolved{value: "XXXX-XX-XX", why: "no start date mentioned"}
		}
		return resolved{value: dayValue(base.AddDate(0, 0, x.n-1)), anchor: id,
			why: fmt.Sprintf("day %d of the event that began %s", x.n, dayValue(base))}
	}
	return r.calendar(x)
}

// pastBoundary places the part of a period a past clause speaks of ("peaked
// by the end of the year", "sempat memuncak pada akhir tahun") when that
// part of the publication date's period still lies ahead: a report of what
// happened means the period of the date mentioned just before, when that
// lies in the past, or else the previous period.
func (r *resolver) pastBoundary(x *expr) (resolved, bool) {
	cur, err := ParseDate(unitValue(x.unit, r.dct), x.mod)
	if err != nil || !cur.Start.After(r.dct) || !r.pastClause(x, 12) {
		return resolved{}, false
	}
	sent := r.p.lx[x.i].sent
	if r.hasRef && r.ref.Start.Before(cur.Start) && sent-r.refSent <= 1 && precisionUnit(r.ref.Precision) <= x.unit {
		return resolved{value: unitValue(x.unit, r.ref.Start), anchor: r.refID,
			why: "the " + unitName[x.unit] + " of " + r.ref.Value + ", which the past clause reports"}, true
	}
	return resolved{value: unitValue(x.unit, shiftUnit(r.dct, x.unit, -1)), anchor: "dct",
		why: "the previous " + unitName[x.unit] + ": a past clause, and that part of the publication date's " + unitName[x.unit] + " is still ahead"}, true
}

// pastClause tells that the clause before x, up to window lexemes back,
// reports the past: it holds a past cue and no future cue. A future word
// anywhere there governs the verb ("will publish revised timetables by the
// end of the month", where "revised" only looks past).
func (r *resolver) pastClause(x *expr, window int) bool {
	lx := r.p.lx
	past := false
	for k := x.i - 1; k >= 0 && k >= x.i-window && lx[k].sent == lx[x.i].sent; k-- {
		e := lx[k].e
		switch {
		case e == nil:
		case e.future, e.futurePrep && k == x.i-1:
			return false
		case e.past && !(k > 0 && lx[k-1].e != nil && lx[k-1].e.passiveAux):
			past = true
		case e.clauseBreak:
			return past
		}
	}
	return past
}

// relativeWhy explains a shift of n units from an anchor.
func relativeWhy(n int, u unit, anchor string) string {
	switch {
	case n == 0:
		return "the " + unitName[u] + " of " + anchor
	case n < 0:
		return fmt.Sprintf("%d %s(s) before %s", -n, unitName[u], anchor)
	}
	return fmt.Sprintf("%d %s(s) after %s", n, unitName[u], anchor)
}

// precisionUnit maps a date precision to the unit of the same size.
func precisionUnit(p Precision) unit {
	switch p {
	case PrecisionDay, PrecisionMinute:
		return unitDay
	case PrecisionWeek:
		return unitWeek
	case PrecisionMonth:
		return unitMonth
	case PrecisionQuarter:
		return unitQuarter
	case PrecisionSeason:
		return unitSeason
	case PrecisionHalf:
		return unitHalf
	case PrecisionYear:
		return unitYear
	case PrecisionDecade:
		return unitDecade
	case PrecisionCentury:
		return unitCentury
	}
	return unitNone
}

var unitName = map[unit]string{
	unitSecond: "second", unitMinute: "minute", unitHour: "hour", unitDay: "day", unitWeek: "week",
	unitMonth: "month", unitQuarter: "quarter", unitSeason: "season", unitHalf: "half-year", unitYear: "year",
	unitDecade: "decade", unitCentury: "century",
}

// shiftUnit moves t by n units.
func shiftUnit(t time.Time, u unit, n int) time.Time {
	switch u {
	case unitDay:
		return t.AddDate(0, 0, n)
	case unitWeek:
		return t.AddDate(0, 0, 7*n)
	case unitMonth:
		return addMonths(t, n)
	case unitQuarter, unitSeason:
		return firstOfMonth(t).AddDate(0, 3*n, 0)
	case unitHalf:
		return firstOfMonth(t).AddDate(0, 6*n, 0)
	case unitYear:
		return t.AddDate(n, 0, 0)
	case unitDecade:
		return t.AddDate(10*n, 0, 0)
	case unitCentury:
		return t.AddDate(100*n, 0, 0)
	case unitHour:
		return t.Add(time.Duration(n) * time.Hour)
	case unitMinute:
		return t.Add(time.Duration(n) * time.Minute)
	}
	return t
}

func firstOfMonth(t time.Time) time.Time { return ymd(t.Year(), int(t.Month()), 1) }

// addMonths moves t by n months keeping its day and clock time: a month
// after 14 June is 14 July. A day the target month lacks becomes its last
// day (a month after 31 January is 29 February in a leap year).
func addMonths(t time.Time, n int) time.Time {
	first := firstOfMonth(t).AddDate(0, n, 0)
	day := min(t.Day(), daysIn(first.Year(), int(first.Month())))
	return first.AddDate(0, 0, day-1).Add(t.Sub(ymd(t.Year(), int(t.Month()), t.Day())))
}

// unitValue formats t at the precision of unit u.
func unitValue(u unit, t time.Time) string {
	switch u {
	case unitSecond, unitMinute, unitHour, unitDay:
		return dayValue(t)
	case unitWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case unitMonth:
		return fmt.Sprintf("%04d-%02d", t.Year(), t.Month())
	case unitQuarter:
		return fmt.Sprintf("%04d-Q%d", t.Year(), (int(t.Month())+2)/3)
	case unitSeason:
		// Seasons start in March, June, September and December; January
		// and February close the previous year's winter.
		y, m := t.Year(), int(t.Month())
		if m < 3 {
			y, m = y-1, 12
		}
		return fmt.Sprintf("%04d-%s", y, [4]string{"SP", "SU", "FA", "WI"}[(m-3)/3])
	case unitHalf:
		return fmt.Sprintf("%04d-H%d", t.Year(), (int(t.Month())+5)/6)
	case unitYear:
		return fmt.Sprintf("%04d", t.Year())
	case unitDecade:
		return fmt.Sprintf("%03d", t.Year()/10)
	case unitCentury:
		return fmt.Sprintf("%02d", t.Year()/100)
	}
	return ""
}

// unknownValue is the value of a date of unit u that cannot be placed:
// the TIMEX3 form with X for every unknown digit.
func unknownValue(u unit) string {
	switch u {
	case unitWeek:
		return "XXXX-WXX"
	case unitMonth:
		return "XXXX-XX"
	case unitQuarter:
		return "XXXX-QX"
	case unitSeason, unitHalf, unitYear:
		return "XXXX"
	case unitDecade:
		return "XXX"
	case unitCentury:
		return "XX"
	}
	return "XXXX-XX-XX"
}

func dayValue(t time.Time) string { return t.Format("2006-01-02") }

func podSuffix(pod string) string {
	if pod == "" {
		return ""
	}
	return "T" + pod
}

// durationLetters are the ISO 8601 designators of each unit; time units
// go after a "T".
var durationLetters = map[unit]string{
	unitSecond: "S", unitMinute: "M", unitHour: "H", unitDay: "D", unitWeek: "W", unitMonth: "M",
	unitQuarter: "Q", unitSeason: "M", unitHalf: "H", unitYear: "Y", unitCentury: "C",
}

// durationValue formats n units as a TIMEX3 duration; n < 0 is "some".
func durationValue(u unit, n int) string {
	count := "X"
	if n >= 0 {
		count = fmt.Sprint(n)
	}
	switch {
	case u == unitHalf && n >= 0:
		return fmt.Sprintf("P%dM", 6*n)
	case u == unitSeason && n >= 0:
		return fmt.Sprintf("P%dM", 3*n)
	case u == unitDecade:
		// ISO 8601 has no decade designator: ten years each.
		if n < 0 {
			return "PXY"
		}
		return fmt.Sprintf("P%dY", 10*n)
	}
	if u <= unitHour {
		return "PT" + count + durationLetters[u]
	}
	return "P" + count + durationLetters[u]
}

// halfUnits write half of a unit in the next smaller one: "2 1/2 years"
// is P2Y6M, "5 1/2 hours" PT5H30M.
var halfUnits = map[unit]string{unitYear: "6M", unitDay: "T12H", unitHour: "30M", unitMinute: "30S"}

// halfDurationValue formats n and a half units; a unit without an exact
// half in a smaller one takes a decimal (P1.5W).
func halfDurationValue(u unit, n int) string {
	switch {
	case u == unitDecade:
		return fmt.Sprintf("P%dY", 10*n+5)
	case u == unitCentury && n == 0:
		return "P50Y"
	case n == 0:
		// half a unit alone: in the next smaller unit where it is whole
		if h, ok := halfUnits[u]; ok {
			if h[0] == 'T' {
				return "PT" + h[1:]
			}
			if u <= unitHour {
				return "PT" + h
			}
			return "P" + h
		}
		d := durationValue(u, 0)
		return d[:len(d)-2] + "0.5" + d[len(d)-1:]
	}
	d := durationValue(u, n)
	if h, ok := halfUnits[u]; ok {
		return d + h
	}
	return d[:len(d)-1] + ".5" + d[len(d)-1:]
}

// setValue formats a recurrence.
func setValue(x *expr) string {
	switch {
	case x.ref != "":
		return x.ref
	case x.weekday != 0:
		return fmt.Sprintf("XXXX-WXX-%d", x.weekday) + podSuffix(x.pod)
	case x.month != 0:
		return fmt.Sprintf("XXXX-%02d", x.month)
	case x.season != "":
		return "XXXX-" + x.season
	case x.pod != "":
		// every morning: a part of any day
		return "XXXX-XX-XXT" + x.pod
	case x.unit != unitNone:
		return durationValue(x.unit, max(x.n, 1))
	}
	return ""
}
