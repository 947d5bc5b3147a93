package timeline

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision is how much of a calendar date a value actually pins down. It is
// never more than the source text says: "late 2011" has year precision.
type Precision string

// Precisions, coarsest first.
const (
	PrecisionNone    Precision = ""
	PrecisionCentury Precision = "century"
	PrecisionDecade  Precision = "decade"
	PrecisionYear    Precision = "year"
	PrecisionHalf    Precision = "half"
	PrecisionSeason  Precision = "season"
	PrecisionQuarter Precision = "quarter"
	PrecisionMonth   Precision = "month"
	PrecisionWeek    Precision = "week"
	PrecisionDay     Precision = "day"
	PrecisionMinute  Precision = "minute"
)

// Date is a resolved calendar value with its precision, modifier and the
// half-open interval [Start, End) it covers, in UTC. Events sort by Start and
// are drawn as the range Start..End, so an imprecise date is never shown as a
// point it does not name. The modifier narrows the interval: 2011 with END
// covers September to December.
//
// A clock time is wall-clock time: Start holds its hour and minute as
// written, in UTC's fields, so that a 06:18 stays 06:18 on every screen.
// Zone is the UTC offset the text gave for it ("+07:00" for WIB), "" when
// it gave none or the date has no clock time; exports write the instant
// with that offset.
type Date struct {
	Value     string    `json:"value"`
	Mod       Mod       `json:"mod"`
	Precision Precision `json:"precision"`
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	Zone      string    `json:"zone,omitempty"`
}

// IsZero reports whether d holds no date.
func (d Date) IsZero() bool { return d.Value == "" }

// MaxRangeCover is the longest range a date's interval is widened to cover:
// a leap year. A date of year precision or finer never covers more, and
// storage reads timeline windows by that rule.
const MaxRangeCover = 366 * 24 * time.Hour

// Through returns d, the first date of a range that ends on end ("9-11
// December", "from 2009 to 2010"), with its interval widened to cover the
// end too, when the whole range lasts at most MaxRangeCover; a longer range
// keeps d's own interval, and its end only in the end date. The interval
// never shrinks.
func (d Date) Through(end Date) Date {
	if end.End.After(d.End) && end.End.Sub(d.Start) <= MaxRangeCover {
		d.End = end.End
	}
	return d
}

// ParseDate reads a TIMEX3 DATE or TIME value ("2019", "2019-12", "2019-Q4",
// "2019-W52", "2019-WI", "2019-12-28", "2019-12-28TMO", "2019-12-28T10:15",
// "201", "19") and a modifier into a Date. Values that name no point on the
// calendar (PRESENT_REF, durations, "XXXX-12-28") return an error.
func ParseDate(value string, mod Mod) (Date, error) {
	d := Date{Value: value, Mod: mod}
	bad := func() (Date, error) { return Date{}, fmt.Errorf("timeline: %q is not a calendar value", value) }
	datePart, timePart, hasTime := strings.Cut(value, "T")
	// strings.Split, into an array that stays on the stack: the event
	// layer parses every date it reads.
	var partsBuf [4]string
	parts := partsBuf[:0]
	for rest, more := datePart, true; more; {
		var part string
		part, rest, more = strings.Cut(rest, "-")
		parts = append(parts, part)
	}
	if len(parts[0]) < 2 || len(parts[0]) > 4 || !allDigits(parts[0]) {
		return bad()
	}
	n, _ := strconv.Atoi(parts[0])
	switch len(parts[0]) {
	case 2: // century: "19" is 1900-1999
		d.Precision, d.Start, d.End = PrecisionCentury, ymd(n*100, 1, 1), ymd(n*100+100, 1, 1)
	case 3: // decade: "201" is 2010-2019
		d.Precision, d.Start, d.End = PrecisionDecade, ymd(n*10, 1, 1), ymd(n*10+10, 1, 1)
	default:
		d.Precision, d.Start, d.End = PrecisionYear, ymd(n, 1, 1), ymd(n+1, 1, 1)
	}
	year := n
	if len(parts) > 1 {
		if d.Precision != PrecisionYear {
			return bad()
		}
		p := parts[1]
		switch {
		case len(p) == 2 && p[0] == 'Q' && p[1] >= '1' && p[1] <= '4':
			q := int(p[1] - '0')
			d.Precision, d.Start, d.End = PrecisionQuarter, ymd(year, 3*q-2, 1), ymd(year, 3*q+1, 1)
		case len(p) == 2 && p[0] == 'H' && (p[1] == '1' || p[1] == '2'):
			h := int(p[1] - '0')
			d.Precision, d.Start, d.End = PrecisionHalf, ymd(year, 6*h-5, 1), ymd(year, 6*h+1, 1)
		case p == "SP" || p == "SU" || p == "FA" || p == "WI":
			start := seasonStart[p]
			d.Precision, d.Start, d.End = PrecisionSeason, ymd(year, start, 1), ymd(year, start+3, 1)
		case len(p) == 3 && p[0] == 'W' && allDigits(p[1:]):
			w, _ := strconv.Atoi(p[1:])
			if w < 1 || w > 53 {
				return bad()
			}
			// ISO week 1 holds the year's first Thursday.
			jan4 := ymd(year, 1, 4)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
			d.Precision, d.Start, d.End = PrecisionWeek, monday, monday.AddDate(0, 0, 7)
		case len(p) == 2 && allDigits(p):
			m, _ := strconv.Atoi(p)
			if m < 1 || m > 12 {
				return bad()
			}
			d.Precision, d.Start, d.End = PrecisionMonth, ymd(year, m, 1), ymd(year, m+1, 1)
			if len(parts) > 2 {
				if len(parts[2]) != 2 || !allDigits(parts[2]) || len(parts) > 3 {
					return bad()
				}
				day, _ := strconv.Atoi(parts[2])
				if day < 1 || day > daysIn(year, m) {
					return bad()
				}
				d.Precision, d.Start, d.End = PrecisionDay, ymd(year, m, day), ymd(year, m, day+1)
			}
		default:
			return bad()
		}
	}
	if hasTime {
		if d.Precision != PrecisionDay {
			return bad()
		}
		if err := d.narrowToTime(timePart); err != nil {
			return bad()
		}
	}
	d.Start, d.End = applyMod(d.Start, d.End, mod)
	return d, nil
}

// narrowToTime narrows a day to a part of day ("MO") or a clock time ("10:15").
func (d *Date) narrowToTime(t string) error {
	if span, ok := partsOfDay[t]; ok {
		d.End = d.Start.Add(time.Duration(span[1]) * time.Hour)
		d.Start = d.Start.Add(time.Duration(span[0]) * time.Hour)
		return nil
	}
	hh, mm, ok := strings.Cut(t, ":")
	if !ok {
		mm = "00"
	}
	if len(mm) > 2 { // drop seconds and zone: minute precision is enough for a timeline
		mm = mm[:2]
	}
	h, err1 := strconv.Atoi(hh)
	m, err2 := strconv.Atoi(mm)
	if err1 != nil || err2 != nil || h < 0 || h > 24 || m < 0 || m > 59 {
		return fmt.Errorf("bad time %q", t)
	}
	d.Precision = PrecisionMinute
	d.Start = d.Start.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
	d.End = d.Start.Add(time.Minute)
	return nil
}

// partsOfDay maps TIMEX3 part-of-day codes to the hours they cover.
var partsOfDay = map[string][2]int{
	"MO": {0, 12}, "MI": {11, 13}, "AF": {12, 18}, "EV": {18, 21}, "NI": {18, 24}, "DT": {8, 18},
}

// applyMod narrows (START, MID, END) or keeps the interval; modifiers such as
// BEFORE or APPROX change what the value means, not where it is drawn.
func applyMod(start, end time.Time, mod Mod) (time.Time, time.Time) {
	third := end.Sub(start) / 3
	switch mod {
	case ModStart:
		return start, start.Add(third)
	case ModMid:
		return start.Add(third), end.Add(-third)
	case ModEnd:
		return end.Add(-third), end
	}
	return start, end
}

func ymd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func daysIn(year, month int) int { return ymd(year, month+1, 0).Day() }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// InZone is the instant a wall-clock time names in zone: wall holds the
// hour and minute as written, in UTC's fields (see Date), and zone is a UTC
// offset such as "+07:00". It returns wall in UTC when zone is empty or not
// such an offset.
func InZone(wall time.Time, zone string) time.Time {
	w := wall.UTC()
	if len(zone) != len("+07:00") || zone[0] != '+' && zone[0] != '-' || zone[3] != ':' {
		return w
	}
	h, err1 := strconv.Atoi(zone[1:3])
	m, err2 := strconv.Atoi(zone[4:])
	if err1 != nil || err2 != nil || h > 14 || m > 59 {
		return w
	}
	off := h*3600 + m*60
	if zone[0] == '-' {
		off = -off
	}
	return time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), time.FixedZone(zone, off))
}
