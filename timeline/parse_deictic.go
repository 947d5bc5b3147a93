package timeline

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
			p.stretch(&x, k)
		case e.pod != "":
			x.kind, x.typ, x.n, x.pod, x.j, x.fromRef = kindRelDay, TypeTime, min(d.deictic, 0), e.pod, k+2, d.anchored
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
	if e := p.e(j); e != nil && e.yearWord && p.unitAt(j+1) == unitYear {
		j++ // "this fiscal year"
	}
	if n, end, ok := p.count(j); ok && (n > 1 || n == -1) {
		// "the past two months", "the last few months": the stretch
		// they fill is a duration, of an unknown count for "few" (PXM),
		// and for a range of counts ("the next 12 to 18 months"), one
		// stretch of a length the text leaves open
		if m, mEnd, ok := p.countRangeEnd(end); ok && n > 0 && m > n && p.unitAt(mEnd) != unitNone {
			n, end = -1, mEnd
		}
		if u := p.unitAt(end); u != unitNone {
			return expr{i: k, j: end + 1, kind: kindDuration, typ: TypeDuration, unit: u, n: n, rule: "deictic-duration"}, true
		}
	}
	e := p.e(j)
	if e == nil || e.unit == unitNone && e.plural == unitNone && e.weekday == 0 && e.month == 0 && e.season == "" && !e.weekend && e.pod == "" {
		// "in the past": the deictic names the time itself
		if b := p.e(k - 1); d.deicticRef != "" && b != nil && b.det {
			return expr{i: k, j: k + 1, kind: kindRef, typ: TypeDate, ref: d.deicticRef, rule: "deictic-ref", phrase: true}, true
		}
		return x, false
	}
	switch {
	case e.plural != unitNone:
		// "recent years", "coming weeks": a stretch of unknown length
		// before or after now, PXY as TimeML writes it
		return expr{i: k, j: j + 1, kind: kindDuration, typ: TypeDuration, unit: e.plural, n: -1, rule: "deictic-vague"}, true
	case e.unit == unitYear && (p.is(j+1, "'") || p.is(j+1, "’")) && p.glued(j+1) && p.lx[j+2].kind == tokWord && p.glued(j+2):
		// "this year's third quarter", "last year's quarter"
		q := j + 3
		if o, end := p.ordinal(q); o != 0 && p.unitAt(end) == unitQuarter {
			return expr{i: k, j: end + 1, kind: kindCal, typ: TypeDate, quarter: o, yearDir: d.deictic, hasYearDir: true, rule: "year's-quarter"}, o <= 4
		}
		x.unit, x.n, x.j = e.unit, d.deictic, j+1
	case e.unit != unitNone:
		x.unit, x.n, x.j, x.fromRef = e.unit, d.deictic, j+1, d.anchored
		p.stretch(&x, k)
	case e.weekday != 0 || e.month != 0 || e.season != "" || e.weekend:
		x = expr{i: k, j: j + 1, kind: kindCal, typ: TypeDate, weekday: e.weekday, month: e.month,
			season: e.season, weekend: e.weekend, force: d.deictic, fromRef: d.anchored && e.season != "", rule: "deictic-name", phrase: true}
		if x.force == 0 && x.weekday == 0 && x.month != 0 {
			x.yearDir, x.hasYearDir = 0, true
		}
	case e.pod != "":
		x.kind, x.typ, x.n, x.pod, x.j, x.fromRef = kindRelDay, TypeTime, min(d.deictic, 0), e.pod, j+1, d.anchored
	default:
		return x, false
	}
	return x, true
}

// stretch makes a decade or century that a deictic word picks (starting at
// k) a length when a stretch word stands before it, past a determiner:
// "over the next decade" is ten years from now, not the 2030s.
func (p *parser) stretch(x *expr, k int) {
	if x.unit < unitDecade || x.n == 0 {
		return
	}
	b := k - 1
	if e := p.e(b); e != nil && e.det {
		b--
	}
	if e := p.e(b); e != nil && e.stretchCue {
		x.kind, x.typ, x.n, x.fromRef, x.rule = kindDuration, TypeDuration, 1, false, "deictic-stretch"
	}
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
