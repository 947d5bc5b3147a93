package timeline

import "fmt"

// smallHoursEnd is the hour before which a clock time said with the night
// ("pukul 01.00 malam", "2 o'clock at night") is after midnight, not
// twelve hours on.
const smallHoursEnd = 5

// clock parses clock times: "pukul 05.00 WIB", "jam 06.00 WIB pagi",
// "5 p.m. EST", "7:15 p.m.", "noon".
func (p *parser) clock(k int) (expr, bool) {
	x := expr{i: k, kind: kindCal, typ: TypeTime, hasTime: true, rule: "clock"}
	e := p.e(k)
	j := k
	needMark := true
	seconds := -1
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
			if p.is(x.j, ":") && p.glued(x.j) && p.glued(x.j+1) && p.num(x.j+1) >= 0 && p.lx[x.j+1].digits == 2 {
				seconds, x.j = p.num(x.j+1), x.j+2
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
	if b := p.e(k - 1); b != nil && b.lengthCue && seconds >= 0 && j == k && !p.marked(x.j) {
		// "finishing in 2:07:35", "dalam waktu 3:07:35": a length
		return expr{i: k, j: x.j, kind: kindDuration, typ: TypeDuration, rule: "clock-length",
			ref: clockLength(x.hour, x.minute, seconds)}, true
	}
	if z := p.e(x.j); z != nil && z.zone {
		x.j++
		needMark = false
	}
	if needMark && (e == nil || e.clockName == 0) {
		return x, false
	}
	if pe := p.e(x.j); pe != nil && pe.pod != "" {
		if (pe.pod == "AF" || pe.pod == "EV" || pe.pod == "NI" && x.hour >= smallHoursEnd) && x.hour < 12 && x.hour > 0 {
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

// zoneAt tells that lexeme k is a time zone ("GMT", "WIB").
func (p *parser) zoneAt(k int) bool {
	z := p.e(k)
	return z != nil && z.zone
}

// marked tells that lexeme k marks a clock time: a half of the day or a zone.
func (p *parser) marked(k int) bool {
	m := p.e(k)
	return m != nil && (m.am || m.pm || m.zone)
}

// clockLength writes a reading H:MM:SS as a duration, leaving out the
// designators of zero parts: PT2H7M35S, PT58M3S.
func clockLength(h, m, s int) string {
	v := "PT"
	for _, part := range [3]struct {
		n      int
		letter string
	}{{h, "H"}, {m, "M"}, {s, "S"}} {
		if part.n != 0 {
			v += fmt.Sprint(part.n) + part.letter
		}
	}
	if v == "PT" {
		return "PT0S"
	}
	return v
}
