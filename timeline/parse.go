package timeline

// parser finds expressions in one text's lexemes. Every rule is written
// against lexicon roles, never against words, so it serves every language.
type parser struct {
	text string
	lx   []lexeme
	lang *lexicon
}

// e returns the entry of lexeme k, or nil.
func (p *parser) e(k int) *entry {
	if k >= 0 && k < len(p.lx) {
		return p.lx[k].e
	}
	return nil
}

// is tells whether lexeme k is the punctuation s.
func (p *parser) is(k int, s string) bool {
	if k < 0 || k >= len(p.lx) || p.lx[k].kind != tokPunct {
		return false
	}
	return p.text[p.lx[k].start:p.lx[k].end] == s
}

// glued tells that lexeme k follows the previous one without a space.
func (p *parser) glued(k int) bool { return k > 0 && k < len(p.lx) && !p.lx[k].space }

// num returns the value of digit lexeme k, or -1.
func (p *parser) num(k int) int {
	if k < 0 || k >= len(p.lx) || p.lx[k].kind != tokNum {
		return -1
	}
	return p.lx[k].num
}

// inNumber tells that digit lexeme k is part of a larger number or code:
// "2.000", "1,24", "A320", "QZ8501", "320-200".
func (p *parser) inNumber(k int) bool {
	if k > 0 && p.glued(k) {
		prev := p.lx[k-1]
		if prev.kind == tokWord || prev.kind == tokNum {
			return true
		}
		if (p.is(k-1, ".") || p.is(k-1, ",")) && k > 1 && p.glued(k-1) && p.lx[k-2].kind == tokNum {
			return true
		}
	}
	if k+1 < len(p.lx) && p.glued(k+1) {
		if p.lx[k+1].kind == tokNum {
			return true
		}
		if p.lx[k+1].kind == tokWord && p.lx[k+1].e == nil {
			return true
		}
		if (p.is(k+1, ".") || p.is(k+1, ",")) && k+2 < len(p.lx) && p.glued(k+2) && p.lx[k+2].kind == tokNum {
			return true
		}
	}
	return false
}

// parseAll returns the expressions of the text, left to right, without
// overlaps: at each lexeme the longest parse wins.
func (p *parser) parseAll(out []expr) []expr {
	for i := 0; i < len(p.lx); {
		if !p.starts(i) {
			// Most lexemes start nothing: skip them before parseAt
			// builds an empty expression to say so.
			i++
			continue
		}
		if x, ok := p.parseAt(i); ok {
			if n := len(out); n > 0 && p.coordinatedSet(out[n-1], x) {
				x.kind, x.typ, x.rule = kindSet, TypeSet, "set-coordinated"
			}
			if p.rate(out, x) {
				x.kind, x.typ, x.rule = kindSet, TypeSet, "rate"
			}
			if x.kind == kindDuration && x.upTo != 0 {
				// "2-3 menit", "between 12 and 18 months": two lengths,
				// as TimeML writes a range, the first in the unit of
				// the second
				low, high := x, x
				low.j, low.upTo = x.lowEnd, 0
				high.i, high.n, high.upTo, high.rule = x.lowEnd+1, x.upTo, 0, "range-end"
				out = append(out, low, high)
				i = x.j
				continue
			}
			out = append(out, x)
			i = x.j
			if y, ok := p.yearRangeEnd(x); ok {
				out = append(out, y)
				i = y.j
			}
			continue
		}
		i++
	}
	return out
}

// rate tells that x, one unit, is the "per" of a rate: it follows a
// number that no date holds ("£2,700 a month") or a length ("delapan jam
// sehari", "eight hours a day").
func (p *parser) rate(out []expr, x expr) bool {
	if x.kind != kindDuration || x.n != 1 || x.upTo != 0 || x.plusHalf || x.adjective || x.i == 0 {
		return false
	}
	if n := len(out); n > 0 && out[n-1].j == x.i {
		return out[n-1].kind == kindDuration
	}
	return p.num(x.i-1) >= 0 && p.lx[x.i].space
}

// yearRangeEnd reads the second year of a range written with its last two
// digits after a year and a dash ("1957-58", "2024-25", "1999-00"): the
// year of the first's century, or the next one, that follows it.
func (p *parser) yearRangeEnd(x expr) (expr, bool) {
	k := x.j
	if x.kind != kindCal || x.year == 0 || x.month != 0 || x.day != 0 || x.quarter != 0 || x.half != 0 || x.season != "" || x.hasTime ||
		p.num(x.j-1) != x.year || !p.is(k, "-") || !p.glued(k) || !p.glued(k+1) || p.num(k+1) < 0 || p.lx[k+1].digits != 2 || p.inNumber(k+1) {
		return expr{}, false
	}
	y := x.year/100*100 + p.num(k+1)
	if y <= x.year {
		y += 100
	}
	if y-x.year > 10 {
		return expr{}, false
	}
	return expr{i: k + 1, j: k + 2, kind: kindCal, typ: TypeDate, year: y, rule: "year-range-end"}, true
}

// coordinatedSet tells that x is a bare weekday joined by one conjunction
// to the weekly recurrence prev: "Kamis" in "setiap Senin dan Kamis".
func (p *parser) coordinatedSet(prev, x expr) bool {
	if prev.kind != kindSet || prev.weekday == 0 || x.kind != kindCal || x.weekday == 0 || x.day != 0 || x.month != 0 || x.i != prev.j+1 {
		return false
	}
	e := p.e(prev.j)
	return e != nil && e.conj
}

// prefix is what the words before a nucleus add to it.
type prefix struct {
	start     int
	det, bef  bool
	mod, qmod Mod
}

// starts reports whether an expression may start at lexeme i < len(p.lx):
// a number or a word that can start one.
func (p *parser) starts(i int) bool {
	e := p.lx[i].e
	return e != nil && e.trigger || p.lx[i].kind == tokNum
}

// parseAt parses the longest expression starting at lexeme i: optional
// determiners and modifiers, a nucleus, then what may follow it.
func (p *parser) parseAt(i int) (expr, bool) {
	if i >= len(p.lx) || !p.starts(i) {
		return expr{}, false
	}
	var best expr
	found := false
	pre := prefix{start: i}
	k := i
	for steps := 0; steps < 5 && k < len(p.lx); steps++ {
		if x, ok := p.nucleus(k); ok {
			if x, ok = p.applyPrefix(x, pre); ok && (!found || x.j > best.j) {
				best, found = x, true
			}
		}
		e := p.e(k)
		if e == nil {
			break
		}
		switch {
		case e.det && !pre.det:
			pre.det = true
		case e.qmod != "" && pre.qmod == "":
			pre.qmod = e.qmod
		case e.before && !pre.bef:
			pre.bef = true
		case e.mod != "" && pre.mod == "":
			pre.mod = e.mod
			if p.is(k+1, "-") && p.glued(k+1) {
				k++
			}
		default:
			steps = 5
			continue
		}
		k++
	}
	return best, found
}

// applyPrefix adds the prefix words to x when they fit its kind.
func (p *parser) applyPrefix(x expr, pre prefix) (expr, bool) {
	bare := x.kind == kindDeictic && x.n == bareUnit && x.rule != "unit-end"
	if pre.start == x.i {
		return x, !bare
	}
	if bare && pre.mod == "" {
		// "the season" refers back to a season the text named (of
		// a sport, of the flu): no time of its own.
		if !pre.det || pre.qmod != "" || pre.bef || x.unit < unitWeek || x.unit > unitYear || x.unit == unitSeason {
			return x, false
		}
		// "the quarter" is the quarter the text is about; "the year"
		// in "for the year ended" is a length.
		if x.unit == unitQuarter {
			x.kind, x.rule, x.n = kindOffset, "the-unit", 0
		} else {
			x.kind, x.typ, x.n, x.rule = kindDuration, TypeDuration, 1, "the-unit"
		}
	}
	x.i = pre.start
	if pre.qmod != "" {
		switch x.kind {
		case kindDuration, kindOffset:
			x.mod = pre.qmod
		case kindCal:
			if !x.hasTime {
				return x, false
			}
			x.mod = pre.qmod
		default:
			return x, false
		}
	}
	if pre.mod != "" {
		switch x.kind {
		case kindCal, kindDeictic, kindRelDay:
			if x.hasTime {
				return x, false
			}
			x.mod = pre.mod
		default:
			return x, false
		}
	}
	if pre.bef {
		// "menjelang 2020" is 2020 BEFORE; "menjelang akhir tahun" keeps
		// END and leaves the preposition out, as TimeML does.
		if x.kind != kindCal && x.kind != kindDeictic || x.mod != "" {
			return x, false
		}
		x.mod = ModBefore
	}
	if pre.det && pre.mod == "" {
		// A determiner belongs to a temporal noun phrase ("the third
		// quarter", "the 1990s", "the past two months"), not to a name
		// ("the Oct. 23") or a reference ("the current").
		switch {
		case x.adjective:
			return x, false
		case x.phrase:
		case x.kind == kindRef || x.kind == kindRelDay:
			return x, false
		case x.kind == kindCal:
			if x.month != 0 || x.day != 0 || x.weekday != 0 || x.hasTime || x.year != 0 && x.quarter == 0 && x.half == 0 && x.season == "" {
				return x, false
			}
		}
	}
	return x, true
}

// nucleus returns the longest core expression starting at k, extended by
// what may follow it.
func (p *parser) nucleus(k int) (expr, bool) {
	var best expr
	found := false
	// Called directly rather than through a slice of method values, which
	// would allocate on every lexeme.
	for rule := 0; rule < 5; rule++ {
		var x expr
		var ok bool
		switch rule {
		case 0:
			x, ok = p.calendar(k)
		case 1:
			x, ok = p.words(k)
		case 2:
			x, ok = p.counted(k)
		case 3:
			x, ok = p.deictic(k)
		case 4:
			x, ok = p.clock(k)
		}
		if ok && (!found || x.j > best.j) {
			best, found = x, true
		}
	}
	if !found {
		return best, false
	}
	p.suffix(&best)
	return best, true
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
			// "Senin ini", "akhir pekan ini": the name with a deictic,
			// as "this Monday" is. "Minggu itu" points back at the story,
			// not at the publication week.
			x.force, x.rule = e.deictic, "deictic-name"
			if e.anchored {
				x.fromRef, x.rule = true, "anaphoric-name"
			}
			x.j++
		case x.kind == kindCal && !x.particle && (x.year != 0 || x.hasTime || x.day != 0 && x.month != 0) && e != nil && e.dateParticle:
			// "1988 lalu", "Minggu (28/12/2014) kemarin", "pukul 10.00
			// WIB tadi": the date says when; the particle only points
			x.particle = true
			switch {
			case e.hasRelDay:
				x.particleDay, x.hasParticleDay = e.relDay, true
			case e.hasDeictic && e.deictic == 0:
				x.hasParticleDay = true
			}
			x.j++
		case x.kind == kindCal && x.year == 0 && !x.hasYearDir && x.day == 0 && (x.month != 0 || x.quarter != 0 || x.half != 0 || x.season != "" || x.holiday != nil):
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
