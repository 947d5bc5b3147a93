package timeline

import "strings"

// words parses expressions named by one lexicon entry: relative days,
// vague references, set words, weekends, seasons and recurrences.
func (p *parser) words(k int) (expr, bool) {
	e := p.e(k)
	x := expr{i: k, j: k + 1, typ: TypeDate}
	if e == nil {
		return x, false
	}
	switch {
	case e.set:
		return p.set(k)
	case e.holiday != nil:
		x.kind, x.holiday, x.rule = kindCal, e.holiday, "holiday"
		x.month, x.day = e.holiday.Month, e.holiday.Day
		if y, ok := p.yearAfter(k + 1); ok {
			x.year, x.j = y.year, y.j
		}
	case e.hasAnchoredDay:
		x.kind, x.unit, x.n, x.dir, x.fromRef, x.rule = kindOffset, unitDay, abs(e.anchoredDay), sign(e.anchoredDay), true, "anchored-day"
	case e.hasRelDay:
		x.kind, x.n, x.pod, x.rule = kindRelDay, e.relDay, e.pod, "relative-day"
		if x.pod != "" {
			x.typ = TypeTime
		}
	case e.ref != "":
		x.kind, x.ref, x.rule = kindRef, e.ref, "reference"
	case e.setWord != "":
		x.kind, x.typ, x.ref, x.rule = kindSet, TypeSet, e.setWord, "set-word"
	case e.vagueUnit != unitNone:
		x.kind, x.typ, x.unit, x.n, x.rule = kindDuration, TypeDuration, e.vagueUnit, -1, "vague-duration"
		if s := p.e(k + 1); s != nil && s.shift != nil {
			// "puluhan tahun lalu"
			return vagueRef(k, k+2, s.shift.Dir), true
		}
	case e.weekend:
		x.kind, x.weekend, x.rule = kindCal, true, "weekend"
	case e.season != "":
		// A one-word season is also an ordinary word ("fall", "spring"):
		// it needs a year, or a determiner or deictic before it.
		x.kind, x.season, x.rule = kindCal, e.season, "season"
		if y, ok := p.yearAfter(k + 1); ok {
			x.year, x.j = y.year, y.j
		} else if !strings.Contains(wordOf(p.text, p.lx[k]), " ") && !p.contextBefore(k) {
			return x, false
		}
	case e.unit != unitNone:
		// A bare unit is only a date with a modifier before it ("akhir
		// tahun", "the end of the year"); applyPrefix checks that.
		x.kind, x.unit, x.rule, x.n = kindDeictic, e.unit, "bare-unit", bareUnit
	default:
		return x, false
	}
	return x, true
}

func abs(n int) int { return max(n, -n) }

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// bareUnit marks a unit without a deictic word in expr.n.
const bareUnit = -99

// wordOf returns the text of a lexeme.
func wordOf(text string, l lexeme) string { return text[l.start:l.end] }

// contextBefore tells whether lexeme k-1 makes a following noun temporal
// (a determiner or deictic word).
func (p *parser) contextBefore(k int) bool {
	e := p.e(k - 1)
	return e != nil && (e.det || e.hasDeictic)
}

// set parses a recurrence: "setiap tahun", "tiap Senin", "every month",
// "each July", "setiap dua pekan".
func (p *parser) set(k int) (expr, bool) {
	x := expr{i: k, kind: kindSet, typ: TypeSet, rule: "set"}
	j := k + 1
	if e := p.e(j); e != nil && e.dayWord {
		j++
	}
	e := p.e(j)
	if e == nil {
		if n, end, ok := p.count(j); ok && n > 0 {
			if u := p.unitAt(end); u != unitNone {
				x.unit, x.n, x.j = u, n, end+1
				return x, true
			}
		}
		return x, false
	}
	switch {
	case e.weekday != 0:
		x.weekday, x.j = e.weekday, j+1
		if pe := p.e(x.j); pe != nil && pe.pod != "" {
			x.pod, x.j = pe.pod, x.j+1
		}
	case e.month != 0:
		x.month, x.j = e.month, j+1
	case e.pod != "":
		x.pod, x.j = e.pod, j+1
	case e.season != "":
		x.season, x.j = e.season, j+1
	case e.unit != unitNone:
		x.unit, x.n, x.j = e.unit, 1, j+1
	case e.counted != unitNone:
		x.unit, x.n, x.j = e.counted, 1, j+1
	default:
		if n, end, ok := p.count(j); ok && n > 0 {
			if u := p.unitAt(end); u != unitNone {
				x.unit, x.n, x.j = u, n, end+1
				return x, true
			}
		}
		return x, false
	}
	return x, true
}

// unitAt returns the unit named at k (singular or plural), or unitNone.
func (p *parser) unitAt(k int) unit {
	e := p.e(k)
	if e == nil {
		return unitNone
	}
	if e.unit != unitNone {
		return e.unit
	}
	return e.plural
}

// count reads a count at k: digits, number words ("dua puluh lima",
// "twenty-four") or a vague word (-1). It returns the value and the end.
func (p *parser) count(k int) (int, int, bool) {
	if n := p.num(k); n >= 0 {
		if p.lx[k].digits > 3 || p.inNumber(k) {
			return 0, k, false
		}
		return n, k + 1, true
	}
	e := p.e(k)
	if e == nil {
		return 0, k, false
	}
	if e.vague {
		return -1, k + 1, true
	}
	if !e.hasNum {
		return 0, k, false
	}
	n, j := e.num, k+1
	if n >= 20 && n%10 == 0 && n < 100 {
		jj := j
		if p.is(jj, "-") && p.glued(jj) {
			jj++
		}
		if f := p.e(jj); f != nil && f.hasNum && f.num > 0 && f.num < 10 {
			n, j = n+f.num, jj+1
		}
	}
	return n, j, true
}

// counted parses counted spans: durations ("tiga hari", "48 jam",
// "two-year", "sehari"), offsets ("tiga hari lalu", "a year earlier"),
// ordinal days ("hari kedua", "the second day") and ordinal quarters
// ("the third quarter").
func (p *parser) counted(k int) (expr, bool) {
	x := expr{i: k, kind: kindDuration, typ: TypeDuration, rule: "duration"}
	e := p.e(k)
	var j int
	switch {
	case e != nil && e.counted != unitNone:
		x.unit, x.n, j = e.counted, 1, k+1
	case e != nil && e.ord != 0 && p.unitAt(p.skipHyphen(k+1)) != unitNone:
		x, ok := p.ordinalUnit(e.ord, k, p.skipHyphen(k+1))
		x.adjective = p.skipHyphen(k+1) != k+1
		return x, ok
	case e != nil && e.ord == 1:
		// "the first nine months": the length from the start of the year
		n, end, ok := p.count(k + 1)
		if u := p.unitAt(end); !ok || n < 2 || u == unitNone {
			return x, false
		}
		x.unit, x.n, x.j = p.unitAt(end), n, end+1
		return x, true
	case e != nil && e.unit != unitNone:
		// "hari kedua", "hari ke-2", "abad ke-20"
		if o, end := p.ordinal(k + 1); o != 0 {
			x, ok := p.ordinalUnit(o, k, k)
			x.j = end
			return x, ok
		}
		return p.unitShiftAdjective(k)
	default:
		n, end, ok := p.count(k)
		if !ok {
			return x, false
		}
		hyphen := p.skipHyphen(end)
		u := p.unitAt(hyphen)
		// "three-quarters" and "a half" are fractions, not spans.
		if u == unitNone || u == unitHalf || hyphen != end && u == unitQuarter {
			return x, false
		}
		x.unit, x.n, j, x.adjective = u, n, hyphen+1, hyphen != end
		if b := p.e(k - 1); b != nil && b.ageBefore {
			return x, false
		}
		if a := p.e(p.skipHyphen(j)); a != nil && a.ageAfter {
			return x, false
		}
	}
	x.j = j
	if f := p.e(k - 1); f != nil && f.frequency && x.n == 1 {
		// "dua kali sehari": a recurrence
		x.kind, x.typ, x.rule = kindSet, TypeSet, "frequency"
		return x, true
	}
	if s := p.e(j); s != nil && s.shift != nil {
		x.kind, x.typ, x.dir, x.fromRef, x.j, x.rule = kindOffset, TypeDate, s.shift.Dir, s.shift.FromRef, j+1, "offset"
	} else if s != nil && s.hasDeictic && p.lang.pack.DeicticAfterUnit {
		// "tiga tahun terakhir": the span the duration fills
		x.j = j + 1
	}
	return x, true
}

// unitShiftAdjective parses "year-earlier" and "year-ago" used as
// adjectives, with the noun they qualify: "the year-ago period", "the
// year-earlier quarter", "the year-ago third quarter".
func (p *parser) unitShiftAdjective(k int) (expr, bool) {
	x := expr{i: k, kind: kindOffset, typ: TypeDate, unit: p.e(k).unit, n: 1, rule: "unit-shift-adjective"}
	if !p.is(k+1, "-") || !p.glued(k+1) || !p.glued(k+2) {
		return x, false
	}
	s := p.e(k + 2)
	if s == nil || s.shift == nil {
		return x, false
	}
	x.dir, x.fromRef, x.j, x.adjective = s.shift.Dir, s.shift.FromRef, k+3, true
	switch e := p.e(x.j); {
	case e == nil:
	case e.period || e.unit == unitQuarter:
		x.j++
		x.adjective, x.phrase = false, true
	case e.ord != 0 && p.unitAt(x.j+1) == unitQuarter:
		x.j += 2
		x.adjective, x.phrase = false, true
	}
	return x, true
}

// skipHyphen returns k+1 when lexeme k is a hyphen glued to its neighbours.
func (p *parser) skipHyphen(k int) int {
	if p.is(k, "-") && p.glued(k) && p.glued(k+1) {
		return k + 1
	}
	return k
}

// ordinalUnit builds "the second day" (k..u) and "hari kedua".
func (p *parser) ordinalUnit(o, k, u int) (expr, bool) {
	x := expr{i: k, j: u + 1, kind: kindCal, typ: TypeDate, rule: "ordinal-unit"}
	switch p.unitAt(u) {
	case unitDay:
		x.kind, x.n, x.rule = kindOrdDay, o, "ordinal-day"
	case unitQuarter:
		if !setPart(&x, true, o) {
			return x, false
		}
	case unitHalf:
		if !setPart(&x, false, o) {
			return x, false
		}
	case unitCentury:
		x.century = o - 1
	default:
		return x, false
	}
	if x.kind == kindCal {
		j := x.j
		if e := p.e(j); e != nil && e.yearCue {
			j++
		}
		if y, ok := p.yearAfter(j); ok {
			x.year, x.j = y.year, y.j
		}
	}
	return x, true
}

// deictic parses a unit, weekday, month or part of day picked by a deictic
// word: "pekan lalu", "tahun ini", "last week", "this morning", "the past
// two months" (a duration), "last April".
func (p *parser) deictic(k int) (expr, bool) {
	x := expr{i: k, kind: kindDeictic, typ: TypeDate, rule: "deictic"}
	if p.lang.pack.DeicticAfterUnit {
		// unit first: "pekan lalu", "pagi ini"
		d := p.e(k + 1)
		if d == nil || !d.hasDeictic {
			return x, false
		}
		e := p.e(k)
		switch {
		case e == nil:
			return x, false
		case e.unit != unitNone:
			x.unit, x.n, x.j, x.fromRef = e.unit, d.deictic, k+2, d.anchored
		case e.pod != "":
			x.kind, x.typ, x.n, x.pod, x.j = kindRelDay, TypeTime, min(d.deictic, 0), e.pod, k+2
		default:
			return x, false
		}
		return x, true
	}
	d := p.e(k)
	if d == nil || !d.hasDeictic {
		return x, false
	}
	j := k + 1
	if n, end, ok := p.count(j); ok && (n > 1 || n == -1) {
		// "the past two months"; "the last few months" is only a
		// vague reference
		if u := p.unitAt(end); u != unitNone {
			if n < 0 {
				x := vagueRef(k, end+1, d.deictic)
				x.phrase = true
				return x, true
			}
			return expr{i: k, j: end + 1, kind: kindDuration, typ: TypeDuration, unit: u, n: n, rule: "deictic-duration"}, true
		}
	}
	e := p.e(j)
	if e == nil {
		return x, false
	}
	switch {
	case e.plural != unitNone:
		// "recent years", "coming weeks"
		return vagueRef(k, j+1, d.deictic), true
	case e.unit == unitYear && (p.is(j+1, "'") || p.is(j+1, "’")) && p.glued(j+1) && p.lx[j+2].kind == tokWord && p.glued(j+2):
		// "this year's third quarter", "last year's quarter"
		q := j + 3
		if o, end := p.ordinal(q); o != 0 && p.unitAt(end) == unitQuarter {
			return expr{i: k, j: end + 1, kind: kindCal, typ: TypeDate, quarter: o, yearDir: d.deictic, hasYearDir: true, rule: "year's-quarter"}, o <= 4
		}
		x.unit, x.n, x.j = e.unit, d.deictic, j+1
	case e.unit != unitNone:
		x.unit, x.n, x.j, x.fromRef = e.unit, d.deictic, j+1, d.anchored
	case e.weekday != 0 || e.month != 0 || e.season != "" || e.weekend:
		x = expr{i: k, j: j + 1, kind: kindCal, typ: TypeDate, weekday: e.weekday, month: e.month,
			season: e.season, weekend: e.weekend, force: d.deictic, rule: "deictic-name", phrase: true}
		if x.force == 0 && x.weekday == 0 && x.month != 0 {
			x.yearDir, x.hasYearDir = 0, true
		}
	case e.pod != "":
		x.kind, x.typ, x.n, x.pod, x.j = kindRelDay, TypeTime, min(d.deictic, 0), e.pod, j+1
	default:
		return x, false
	}
	return x, true
}

// vagueRef is an unmeasured stretch before or after now ("recent years",
// "the coming months").
func vagueRef(i, j, dir int) expr {
	x := expr{i: i, j: j, kind: kindRef, typ: TypeDate, ref: "PAST_REF", rule: "deictic-vague"}
	switch {
	case dir > 0:
		x.ref = "FUTURE_REF"
	case dir == 0:
		x.ref = "PRESENT_REF"
	}
	return x
}

// clock parses clock times: "pukul 05.00 WIB", "jam 06.00 WIB pagi",
// "5 p.m. EST", "7:15 p.m.", "noon".
func (p *parser) clock(k int) (expr, bool) {
	x := expr{i: k, kind: kindCal, typ: TypeTime, hasTime: true, rule: "clock"}
	e := p.e(k)
	j := k
	needMark := true
	if e != nil && e.clock {
		j, needMark = k+1, false
	}
	if e != nil && e.clockName != 0 {
		x.hour, x.j = e.clockName, k+1
	} else {
		h := p.num(j)
		if h < 0 || h > 24 || p.lx[j].digits > 2 || (p.glued(j) && p.lx[j-1].kind != tokPunct) {
			return x, false
		}
		x.hour, x.j = h, j+1
		if (p.is(j+1, ":") || p.is(j+1, ".")) && p.glued(j+1) && p.glued(j+2) && p.num(j+2) >= 0 && p.lx[j+2].digits == 2 {
			x.minute, x.j = p.num(j+2), j+3
			if p.is(j+1, ":") && !p.inNumber(j+2) {
				needMark = false
			}
			if p.is(x.j, ":") && p.glued(x.j) && p.num(x.j+1) >= 0 {
				x.j += 2 // seconds
			}
		}
		if m := p.e(x.j); m != nil && (m.am || m.pm) {
			if m.pm && x.hour < 12 {
				x.hour += 12
			}
			if m.am && x.hour == 12 {
				x.hour = 0
			}
			x.j++
			needMark = false
		}
	}
	if z := p.e(x.j); z != nil && z.zone {
		x.j++
		needMark = false
	}
	if needMark && (e == nil || e.clockName == 0) {
		return x, false
	}
	if pe := p.e(x.j); pe != nil && pe.pod != "" {
		if (pe.pod == "AF" || pe.pod == "EV" || pe.pod == "NI") && x.hour < 12 && x.hour > 0 {
			x.hour += 12
		}
		x.j++
	}
	// "5 p.m. EST, Nov. 6", "9 a.m. EST Tuesday"
	j = x.j
	if p.is(j, ",") {
		j++
	}
	if d, ok := p.calendar(j); ok && (d.day != 0 || d.weekday != 0) && !d.hasTime {
		d.i, d.hour, d.minute, d.hasTime, d.typ, d.rule = k, x.hour, x.minute, true, TypeTime, "clock+date"
		return d, true
	}
	return x, true
}

// suffix extends a parsed expression with what may follow it: a part of
// day, a clock time, a deictic word (in languages that put it after), or
// the year of a month, quarter or season.
func (p *parser) suffix(x *expr) {
	pk := p.lang.pack
	for steps := 0; steps < 4; steps++ {
		if x.j >= len(p.lx) || p.lx[x.j].newline || p.lx[x.j].sent != p.lx[x.j-1].sent {
			return
		}
		e := p.e(x.j)
		dayLike := x.kind == kindCal && (x.day != 0 || x.weekday != 0) || x.kind == kindRelDay
		switch {
		case dayLike && !x.hasTime && x.pod == "" && e != nil && e.pod != "":
			x.pod, x.typ = e.pod, TypeTime
			x.j++
		case dayLike && !x.hasTime && (e != nil && e.clock || p.num(x.j) >= 0):
			c, ok := p.clock(x.j)
			if !ok || c.day != 0 || c.weekday != 0 {
				return
			}
			x.hour, x.minute, x.hasTime, x.typ, x.pod, x.j = c.hour, c.minute, true, TypeTime, "", c.j
		case pk.DeicticAfterUnit && x.kind == kindCal && x.force == 0 && x.year == 0 && (x.weekday != 0 || x.month != 0 || x.day != 0 || x.weekend || x.season != "") && e != nil && e.hasDeictic:
			x.force = e.deictic
			x.j++
		case x.kind == kindCal && x.year == 0 && !x.hasYearDir && x.day == 0 && (x.month != 0 || x.quarter != 0 || x.half != 0 || x.season != ""):
			// "Desember tahun lalu", "the third quarter of last year"
			j := x.j
			if e != nil && e.yearCue && !(e.unit == unitYear) {
				j++
			}
			if d, ok := p.deictic(j); ok && d.kind == kindDeictic && d.unit == unitYear {
				x.yearDir, x.hasYearDir, x.j = d.n, true, d.j
				continue
			}
			if j != x.j {
				if y, ok := p.yearAfter(j); ok {
					x.year, x.j = y.year, y.j
					continue
				}
			}
			return
		default:
			return
		}
	}
}
