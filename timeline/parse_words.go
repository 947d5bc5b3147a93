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
	case e.pod != "" && e.podAlone:
		// "selepas ashar", "pada malam hari": that part of the day the
		// narrative has reached
		x.kind, x.typ, x.pod, x.fromRef, x.rule = kindRelDay, TypeTime, e.pod, true, "part-of-day"
	case e.ref != "":
		if e.clauseFirst && p.clauseEnds(k+1) {
			// "makan dulu.": first, unless "sejak dulu"
			if b := p.e(k - 1); b == nil || !b.refPrep {
				return x, false
			}
		}
		x.kind, x.ref, x.rule = kindRef, e.ref, "reference"
	case e.setWord != "":
		if p.titleAfter(k) {
			// a newspaper: "harian Kompas", "the daily Haaretz"
			return x, false
		}
		x.kind, x.typ, x.ref, x.rule = kindSet, TypeSet, e.setWord, "set-word"
	case e.vagueUnit != unitNone:
		x.kind, x.typ, x.unit, x.n, x.rule = kindDuration, TypeDuration, e.vagueUnit, -1, "vague-duration"
		if s := p.e(k + 1); s != nil && s.shift != nil {
			// "puluhan tahun lalu"
			return vagueRef(k, k+2, s.shift.Dir), true
		}
	case e.moment:
		// "sejenak", "beberapa saat": a while of no named unit
		x.kind, x.typ, x.ref, x.rule = kindDuration, TypeDuration, "PXX", "moment"
		if s := p.e(k + 1); s != nil && s.shift != nil {
			return vagueRef(k, k+2, s.shift.Dir), true
		}
	case e.plural != unitNone:
		// "for years", "within weeks", "days later", "months of talks":
		// PXY, PXW, PXD, PXM
		if !p.pluralCued(k) {
			return x, false
		}
		x.kind, x.typ, x.unit, x.n, x.rule = kindDuration, TypeDuration, e.plural, -1, "bare-plural"
		if s := p.e(k + 1); s != nil && s.shift != nil && s.pluralAfter {
			// "months ago", "days later": the shift word belongs to the
			// span, the length stays unknown
			x.j = k + 2
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
	case e.decadeName != 0:
		// "the nineties", "the early eighties"; "his nineties" is an age
		b := k - 1
		if m := p.e(b); m != nil && m.mod != "" {
			b--
		}
		if d := p.e(b); d == nil || !d.det {
			return x, false
		}
		x.kind, x.decade, x.rule = kindCal, e.decadeName, "decade-name"
	case e.unit != unitNone:
		// A bare unit is only a date with a modifier before it ("akhir
		// tahun", "the end of the year"), which applyPrefix checks, or
		// with a word for its end after it ("year-end").
		x.kind, x.unit, x.rule, x.n = kindDeictic, e.unit, "bare-unit", bareUnit
		if a := p.skipHyphen(k + 1); p.e(a) != nil && p.e(a).unitEnd && p.lx[a].sent == p.lx[k].sent {
			x.mod, x.j, x.rule = ModEnd, a+1, "unit-end"
		}
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

// pluralCued tells that the bare plural unit at k is a measure: a plural
// cue stands before it, or a plural-after word follows it and the word
// before it is a function word the lexicon knows, or punctuation, or none,
// so that the unit heads no larger phrase ("eight trading days after",
// "the days before").
func (p *parser) pluralCued(k int) bool {
	if c := p.e(k - 1); c != nil && c.pluralCue {
		return true
	}
	if a := p.e(k + 1); a == nil || !a.pluralAfter {
		return false
	}
	if k == 0 || p.lx[k-1].sent != p.lx[k].sent || p.lx[k-1].kind == tokPunct {
		return true
	}
	b := p.e(k - 1)
	return b != nil && !b.trigger
}

// clauseEnds tells that the clause ends at lexeme k: punctuation, the end
// of the sentence or text, or a clause break.
func (p *parser) clauseEnds(k int) bool {
	if k >= len(p.lx) || p.lx[k].sent != p.lx[k-1].sent || p.lx[k].kind == tokPunct {
		return true
	}
	e := p.e(k)
	return e != nil && (e.clauseBreak || e.conj)
}

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

// titleAfter tells that a title follows lexeme k in its sentence: a
// capitalised word that names nothing the pack knows, or a capitalised
// determiner ("harian The Jakarta Post").
func (p *parser) titleAfter(k int) bool {
	if k+1 >= len(p.lx) {
		return false
	}
	n := p.lx[k+1]
	return n.kind == tokWord && n.cap && n.sent == p.lx[k].sent && (n.e == nil || n.e.det)
}
