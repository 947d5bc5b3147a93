package timeline

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
	// "two thousand ten", "dua ribu": a multiplier word after the
	// count, then what it adds
	if f := p.e(j); f != nil && f.hasNum && (f.num == 100 || f.num == 1000) && n < f.num && n > 0 {
		mult := f.num
		n, j = n*mult, j+1
		// not one: "a" counts one, and "two thousand a year" is a rate
		if g := p.e(j); g != nil && g.hasNum && g.num > 1 && g.num < mult {
			if add, end, ok := p.count(j); ok && add < mult {
				n, j = n+add, end
			}
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
	o, oEnd := p.ordinalWord(k)
	var j int
	switch {
	case e != nil && e.counted != unitNone:
		x.unit, x.n, j = e.counted, 1, k+1
	case o != 0 && p.unitAt(p.skipHyphen(oEnd)) != unitNone:
		x, ok := p.ordinalUnit(o, k, p.skipHyphen(oEnd))
		x.adjective = p.skipHyphen(oEnd) != oEnd
		return x, ok
	case e != nil && e.ord == 1:
		// "the first nine months": the length from the start of the year
		n, end, ok := p.count(k + 1)
		if u := p.unitAt(end); !ok || n < 2 || u == unitNone {
			return x, false
		}
		x.unit, x.n, x.j = p.unitAt(end), n, end+1
		return x, true
	case e != nil && e.halfCount && p.unitAt(k+1) != unitNone && p.e(k+1).unit != unitNone:
		// "setengah jam", "half an hour"
		x.unit, x.n, x.plusHalf, j = p.unitAt(k+1), 0, true, k+2
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
			n, end, ok = p.decimalHalf(k)
			x.plusHalf = ok
		}
		if !ok {
			return x, false
		}
		if h := p.fractionHalf(end); h > end {
			end, x.plusHalf = h, true
		} else if a := p.e(end); a != nil && a.andHalf && p.unitAt(end+1) != unitNone {
			end, x.plusHalf = end+1, true // "two and a half years"
		}
		if m, mEnd, ok := p.countRangeEnd(end); ok && n > 0 && m > n && !x.plusHalf && p.unitAt(p.skipHyphen(mEnd)) != unitNone {
			x.upTo, x.lowEnd, end = m, end, mEnd
		} else if p.is(k-1, "-") && p.glued(k-1) && p.glued(k) && p.num(k-2) >= 0 {
			// the end of a range whose start is no count: "the 2024-25
			// season" is not 25 seasons
			return x, false
		}
		if a := p.e(end); a != nil && a.hasAnchoredDay && (a.anchoredDay == 1 || a.anchoredDay == -1) && n > 0 && !x.plusHalf && x.upTo == 0 {
			// "dua hari sebelumnya": the lexicon reads "hari
			// sebelumnya" as one word, the day before the date last
			// mentioned; a count before it multiplies the shift.
			x.kind, x.typ, x.unit, x.n, x.dir, x.fromRef, x.j, x.rule = kindOffset, TypeDate, unitDay, n, a.anchoredDay, true, end+1, "offset"
			return x, true
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
		if (u == unitMinute || u == unitSecond) && p.arcBefore(k) {
			return x, false
		}
		if a := p.e(p.skipHyphen(j)); a != nil && a.ageAfter {
			return x, false
		}
	}
	if e := p.e(j); e != nil && e.andHalf && !x.plusHalf && x.kind == kindDuration {
		// "an hour and a half"
		x.plusHalf, j = true, j+1
	}
	x.j = j
	if f := p.e(k - 1); f != nil && f.frequency && x.n == 1 {
		// "dua kali sehari": a recurrence
		x.kind, x.typ, x.rule = kindSet, TypeSet, "frequency"
		return x, true
	}
	// A shift counts whole units; "an hour and a half later" keeps the
	// length it says, as TimeML does with the shift word left out.
	if s := p.e(j); s != nil && s.shift != nil && !x.plusHalf && !p.shiftBindsRight(j) {
		x.kind, x.typ, x.dir, x.fromRef, x.j, x.rule = kindOffset, TypeDate, s.shift.Dir, s.shift.FromRef, j+1, "offset"
	} else if s != nil && s.hasDeictic && p.lang.pack.DeicticAfterUnit {
		// "tiga tahun terakhir": the span the duration fills; over a
		// range of counts ("satu hingga dua tahun ke depan") one
		// stretch of a length the text leaves open
		x.j = j + 1
		if x.upTo != 0 {
			x.n, x.upTo = -1, 0
		}
	}
	return x, true
}

// arcBefore tells that the count at k continues an angle: an arc unit
// stands before it, past the counts, minutes and seconds of the same
// measure ("6 derajat 10 menit 30 detik", "12 degrees 30 minutes").
func (p *parser) arcBefore(k int) bool {
	for b := k - 1; b >= 0 && b >= k-6 && p.lx[b].sent == p.lx[k].sent; b-- {
		e := p.e(b)
		switch u := p.unitAt(b); {
		case e != nil && e.arc:
			return true
		case p.num(b) >= 0, u == unitMinute, u == unitSecond, p.is(b, "("), p.is(b, ")"), p.is(b, ","):
		default:
			return false
		}
	}
	return false
}

// countRangeEnd reads the upper end of a range of counts after the count
// ending at k: "-12" glued, or a range word or conjunction and a count
// ("to three", "hingga tiga", "or three"). It returns the count and its end.
func (p *parser) countRangeEnd(k int) (int, int, bool) {
	switch e := p.e(k); {
	case p.is(k, "-") && p.glued(k) && p.glued(k+1) && p.num(k+1) >= 0:
	case e != nil && (e.rangeLink || e.conj) && (p.num(k-1) >= 0) == (p.num(k+1) >= 0):
		// both ends in digits or both in words: "2 to 3", "two to three"
	default:
		return 0, k, false
	}
	m, end, ok := p.count(k + 1)
	return m, end, ok && m > 0
}

// shiftBindsRight tells that the shift word at j belongs to what follows
// it, not to the count before: a comparison ("later than planned") or an
// expression right after it ("three days later this month").
func (p *parser) shiftBindsRight(j int) bool {
	if c := p.e(j + 1); c != nil && c.comparative {
		return true
	}
	_, ok := p.parseAt(j + 1)
	return ok
}

// fractionHalf returns the end of a "1/2" written after a count ("2 1/2
// years"), or k when there is none.
func (p *parser) fractionHalf(k int) int {
	if p.num(k) == 1 && p.lx[k].space && p.is(k+1, "/") && p.glued(k+1) && p.glued(k+2) && p.num(k+2) == 2 {
		return k + 3
	}
	return k
}

// decimalHalf reads a count with a half written as a decimal: "2,5"
// (Indonesian) or "2.5": the whole part and the end.
func (p *parser) decimalHalf(k int) (int, int, bool) {
	n := p.num(k)
	if n < 0 || p.lx[k].digits > 3 || p.glued(k) && k > 0 && p.lx[k-1].kind != tokPunct {
		return 0, k, false
	}
	if (p.is(k+1, ",") || p.is(k+1, ".")) && p.glued(k+1) && p.glued(k+2) && p.num(k+2) == 5 && p.lx[k+2].digits == 1 &&
		!(p.glued(k+3) && (p.is(k+3, ".") || p.is(k+3, ",") || k+3 < len(p.lx) && p.lx[k+3].kind == tokNum)) {
		return n, k + 3, true
	}
	return 0, k, false
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
