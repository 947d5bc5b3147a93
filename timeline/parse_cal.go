package timeline

// calendar parses named calendar dates: weekdays with an optional bracketed
// date, day-month-year in either order, months, years, decades, numeric
// dates and quarters.
func (p *parser) calendar(k int) (expr, bool) {
	x := expr{i: k, kind: kindCal, typ: TypeDate}
	e := p.e(k)
	switch {
	case e != nil && e.dayWord:
		// "hari Minggu", "tanggal 24"
		if y, ok := p.calendar(k + 1); ok && (y.weekday != 0 || y.day != 0) {
			y.i = k
			return y, true
		}
		if d := p.num(k + 1); d >= 1 && d <= 31 && !p.inNumber(k+1) {
			x.day, x.j, x.rule = d, k+2, "day-number"
			return x, true
		}
		return x, false
	case e != nil && e.abbrev && !p.is(k+1, ".") && p.num(k+1) < 0:
		return x, false
	case e != nil && e.weekday != 0:
		return p.weekday(k)
	case e != nil && e.month != 0:
		return p.monthFirst(k)
	case e != nil && e.unit == unitMonth && p.e(k+1) != nil && p.e(k+1).month != 0:
		// "bulan Maret"
		if y, ok := p.monthFirst(k + 1); ok && y.day == 0 {
			y.i = k
			return y, true
		}
	case e != nil && (e.yearWord || e.unit == unitYear):
		// "tahun 2013", "fiscal 1999", "tahun 1990-an"
		j := k + 1
		for j < len(p.lx) && p.e(j) != nil && (p.e(j).yearWord || p.e(j).unit == unitYear) {
			j++
		}
		if y, ok := p.year(j, true); ok {
			// "the year 2000" is one noun phrase with its determiner
			y.i, y.phrase = k, e.unit == unitYear
			return y, true
		}
	case e != nil && (e.quarter || e.half):
		return p.quarterOrdinal(k)
	case e != nil && e.dayLetter && (p.is(k+1, "-") || p.is(k+1, "+")):
		return p.holidayCountdown(k)
	case e != nil && e.partLetter != unitNone:
		return p.letterPart(k)
	case e != nil && e.fiscalLetter:
		return p.fiscalYear(k)
	}
	if p.num(k) >= 0 {
		if x, ok := p.dayFirst(k); ok {
			return x, true
		}
		// A bare "7/8" is a fraction as often as a date: only a
		// bracketed one or one with a year is taken.
		if x, ok := p.numericDate(k); ok && (x.year != 0 || p.lang.pack.BareNumericDates || p.is(k-1, "(") && p.is(x.j, ")")) {
			return x, true
		}
		if x, ok := p.rangeEndDay(k); ok {
			return x, true
		}
		if x, ok := p.ordinalDay(k); ok {
			return x, true
		}
		return p.year(k, p.yearCueBefore(k))
	}
	if e != nil && e.hasNum {
		return p.spokenYear(k, false)
	}
	return x, false
}

// weekday parses "Sabtu (28/12)", "Senin (29/12/2014)", "Friday, Aug. 7".
func (p *parser) weekday(k int) (expr, bool) {
	x := expr{i: k, j: k + 1, kind: kindCal, typ: TypeDate, weekday: p.e(k).weekday, rule: "weekday"}
	if p.is(k+1, ".") && p.glued(k+1) && p.e(k).abbrev {
		x.j++
	}
	if p.is(x.j, "(") {
		if d, ok := p.numericDate(x.j + 1); ok && p.is(d.j, ")") {
			d.i, d.j, d.weekday, d.rule = k, d.j+1, x.weekday, "weekday+daymonth"
			return d, true
		}
	}
	j := x.j
	if p.is(j, ",") {
		j++
	}
	if d, ok := p.calendar(j); ok && d.day != 0 && d.month != 0 {
		d.i, d.weekday, d.rule = k, x.weekday, "weekday+date"
		return d, true
	}
	return x, true
}

// numericDate parses "28/12" and "28/12/2014" (day first), and
// "1998-08-07" (ISO).
func (p *parser) numericDate(k int) (expr, bool) {
	x := expr{i: k, kind: kindCal, typ: TypeDate, rule: "numeric-date"}
	a := p.num(k)
	if a < 0 || !p.glued(k+1) || !p.glued(k+2) || p.glued(k) && p.lx[k-1].kind != tokPunct {
		// "Kav. X2/2" is an address, not a date
		return x, false
	}
	sep := ""
	switch {
	case p.is(k+1, "/"):
		sep = "/"
	case p.is(k+1, "-"):
		sep = "-"
	default:
		return x, false
	}
	b := p.num(k + 2)
	if b < 0 {
		return x, false
	}
	if sep == "-" && p.lx[k].digits == 4 {
		// ISO 1998-08-07
		if p.is(k+3, "-") && p.glued(k+3) && p.glued(k+4) {
			if d := p.num(k + 4); validDate(a, b, d) {
				x.year, x.month, x.day, x.j = a, b, d, k+5
				return x, true
			}
		}
		return x, false
	}
	// A language that writes the month first reads "12/28" and "5/6" so;
	// a first number over 12 can only be the day ("28/12").
	if p.lang.pack.MonthFirstNumericDates && validDate(2000, a, b) {
		a, b = b, a
	}
	if !validDate(2000, b, a) {
		return x, false
	}
	x.day, x.month, x.j = a, b, k+3
	if p.is(k+3, sep) && p.glued(k+3) && p.glued(k+4) {
		y := p.num(k + 4)
		switch {
		case p.lx[k+4].digits == 4 && y >= 1000:
			x.year, x.j = y, k+5
		case p.lx[k+4].digits == 2:
			x.year, x.j = 2000+y, k+5
			if y > 50 {
				x.year -= 100
			}
		default:
			return x, false
		}
	} else if sep == "-" {
		return x, false
	}
	if x.year != 0 && !validDate(x.year, x.month, x.day) {
		return x, false
	}
	return x, true
}

// dayFirst parses "29 Desember 2019", "7 August", "24 Mei".
func (p *parser) dayFirst(k int) (expr, bool) {
	x := expr{i: k, kind: kindCal, typ: TypeDate, rule: "day-month"}
	d := p.num(k)
	if d < 1 || d > 31 || p.lx[k].digits > 2 || p.inNumber(k) {
		return x, false
	}
	_, m := p.ordinalWord(k) // "21st March"
	if m == k {
		m = k + 1
	}
	if e := p.e(m); e == nil || e.month == 0 {
		// "11-22 November", "5 hingga 7 Desember": the first day of a
		// range takes the month of the second.
		if p.linksRange(k+1) && p.num(k+2) > d {
			if y, ok := p.dayFirst(k + 2); ok {
				x.day, x.month, x.j, x.rule = d, y.month, k+1, "range-start-day"
				return x, validDate(2000, x.month, d)
			}
		}
		return x, false
	}
	x.day, x.month, x.j = d, p.e(m).month, p.monthEnd(m)
	if y, ok := p.yearAfter(x.j); ok {
		x.year, x.j = y.year, y.j
	}
	return x, validDate(2000, x.month, x.day)
}

// rangeEndDay parses the bare last day of a range whose month stands
// before its first day: "22" in "Nov. 11-22" and "November 11 to 22".
func (p *parser) rangeEndDay(k int) (expr, bool) {
	x := expr{i: k, j: k + 1, kind: kindCal, typ: TypeDate, rule: "range-end-day"}
	d, first := p.num(k), p.num(k-2)
	if d < 1 || d > 31 || p.lx[k].digits > 2 || p.inNumber(k) || !p.linksRange(k-1) || first < 1 || first >= d {
		return x, false
	}
	m := k - 3
	if p.is(m, ".") && p.glued(m) {
		m-- // "Nov."
	}
	e := p.e(m)
	if e == nil || e.month == 0 {
		return x, false
	}
	x.day, x.month = d, e.month
	j := x.j
	if p.is(j, ",") {
		j++
	}
	if y, ok := p.yearAfter(j); ok {
		x.year, x.j = y.year, y.j
	}
	return x, validDate(2000, x.month, d)
}

// ordinalDay parses a day of the month written as a numeric ordinal (the
// caller has seen digits at k) after a determiner and ending its phrase:
// "on the 14th," ("the 14th century" and "the 5th floor" go on to a noun).
func (p *parser) ordinalDay(k int) (expr, bool) {
	x := expr{i: k, kind: kindCal, typ: TypeDate, rule: "ordinal-day-of-month"}
	d, end := p.ordinalWord(k)
	if d < 1 || d > 31 || p.e(k-1) == nil || !p.e(k-1).det {
		return x, false
	}
	if end < len(p.lx) && p.lx[end].kind != tokPunct && (p.e(end) == nil || !p.e(end).conj) {
		return x, false
	}
	x.day, x.j, x.phrase = d, end, true
	return x, true
}

// linksRange tells whether lexeme k joins the ends of a range: a dash or
// a range word of the pack ("to", "hingga").
func (p *parser) linksRange(k int) bool {
	if k < 0 || k >= len(p.lx) {
		return false
	}
	lm := p.lx[k]
	if lm.kind == tokPunct {
		switch p.text[lm.start:lm.end] {
		case "-", "–", "—":
			return true
		}
		return false
	}
	return lm.e != nil && lm.e.rangeLink
}

// monthFirst parses "Desember 2019", "Aug. 7, 1998", "April", "Sept. 30".
func (p *parser) monthFirst(k int) (expr, bool) {
	x := expr{i: k, kind: kindCal, typ: TypeDate, month: p.e(k).month, rule: "month"}
	x.j = p.monthEnd(k)
	if d := p.num(x.j); d >= 1 && d <= 31 && p.lx[x.j].digits <= 2 && !p.inNumber(x.j) && validDate(2000, x.month, d) {
		x.day, x.j, x.rule = d, x.j+1, "month-day"
		if _, end := p.ordinalWord(x.j - 1); end > x.j {
			x.j = end // "March 21st"
		}
	}
	// "Aug. 7, 1998", "Desember 2019"
	j := x.j
	if p.is(j, ",") {
		j++
	}
	if y, ok := p.yearAfter(j); ok {
		x.year, x.j = y.year, y.j
	}
	return x, true
}

// monthEnd returns the lexeme after month name k, past the full stop of an
// abbreviation ("Sept.").
func (p *parser) monthEnd(k int) int {
	if p.is(k+1, ".") && p.glued(k+1) && p.e(k).abbrev {
		return k + 2
	}
	return k + 1
}

// yearCueBefore tells that the word before lexeme k points to a year: a
// cue ("since", "tahun") or a modifier, glued by a hyphen or not ("late
// 1996", "mid-1996 after the defection").
func (p *parser) yearCueBefore(k int) bool {
	if p.is(k-1, "-") && p.glued(k-1) && p.glued(k) {
		k--
	}
	e := p.e(k - 1)
	return e != nil && (e.yearCue || e.mod != "")
}

// yearAfter parses a year that completes a date: "2019", "tahun 2019".
func (p *parser) yearAfter(k int) (expr, bool) {
	j := k
	if e := p.e(j); e != nil && (e.yearWord || e.unit == unitYear) {
		j++
	}
	if y, ok := p.year(j, true); ok && y.decade == 0 {
		return y, true
	}
	return expr{}, false
}

// shortDecade parses a decade written with two digits where the context
// points to a year ("tahun 40-an"): news means the twentieth century's.
func (p *parser) shortDecade(k int, strong bool) (expr, bool) {
	x := expr{i: k, kind: kindCal, typ: TypeDate, rule: "decade"}
	if !strong {
		return x, false
	}
	j := k + 1
	if p.is(j, "-") && p.glued(j) {
		j++
	}
	if e := p.e(j); e == nil || !e.decade || !p.glued(j) {
		return x, false
	}
	x.j, x.decade = j+1, 190+p.num(k)/10
	return x, true
}

// year parses a four-digit year, or a decade ("1990-an", "1990s"). strong
// says the context already points to a year; without it the number must be
// a plausible modern year and not followed by a noun it counts ("2000 orang").
func (p *parser) year(k int, strong bool) (expr, bool) {
	x := expr{i: k, j: k + 1, kind: kindCal, typ: TypeDate, rule: "year"}
	y := p.num(k)
	if y < 0 {
		return p.spokenYear(k, strong)
	}
	if p.lx[k].digits == 2 && y%10 == 0 {
		return p.shortDecade(k, strong)
	}
	if p.lx[k].digits != 4 {
		return x, false
	}
	if e := p.e(k - 1); e != nil && e.notYear && !strong {
		return x, false
	}
	if p.is(k-1, "$") || p.is(k-1, "#") {
		return x, false
	}
	if p.zoneAt(k + 1) {
		// "(2055 GMT Monday)": the wire services' 24-hour time in another
		// zone, not a year
		return x, false
	}
	// Decades: "1990s", "1990-an", "1990's".
	if y%10 == 0 {
		j := k + 1
		if p.is(j, "-") && p.glued(j) || p.is(j, "'") && p.glued(j) || p.is(j, "’") && p.glued(j) {
			j++
		}
		if e := p.e(j); e != nil && e.decade && p.glued(j) {
			x.decade, x.j, x.rule = y/10, j+1, "decade"
			return x, true
		}
	}
	if p.inNumber(k) {
		return x, false
	}
	x.year = y
	// "the 1988 period", "the 1988 third quarter"
	adj := strong || p.e(k-1) != nil && p.e(k-1).yearAdj
	if e := p.e(k + 1); e != nil && (e.period || e.unit == unitQuarter) && adj {
		x.j, x.phrase, x.rule = k+2, true, "year-period"
		return x, true
	}
	if o, end := p.ordinal(k + 1); o >= 1 && o <= 4 && p.unitAt(end) == unitQuarter && adj {
		x.j, x.quarter, x.phrase, x.rule = end+1, o, true, "year-quarter"
		return x, true
	}
	if strong {
		return x, y >= 1000 && y <= 2999
	}
	if y < 1900 || y > 2099 {
		return x, false
	}
	if k+1 < len(p.lx) {
		n := p.lx[k+1]
		if n.kind == tokWord && (n.e == nil || !n.e.stop && n.e.unit == unitNone && n.e.month == 0 && !n.e.hasDeictic) && !n.cap {
			// A year qualifies a noun after a determiner ("the 1987
			// crash") or a name ("APBN 2015 mampu", "Outlook 2015 was"),
			// which a count does not follow; a year listed after
			// another is a year too ("between 2009 and 2017 before").
			if b := p.e(k - 1); (b == nil || !b.yearAdj) && !p.nameBefore(k) && !p.listedAfterYear(k) {
				return x, false
			}
		}
		if n.kind == tokNum {
			return x, false
		}
	}
	return x, true
}

// spokenYear parses a year in words, as broadcast transcripts write it:
// "nineteen ninety-six" (hundreds, then a number from ten to 99) anywhere,
// "two thousand" only where the context points to a year ("the year two
// thousand"), since elsewhere it counts.
func (p *parser) spokenYear(k int, strong bool) (expr, bool) {
	x := expr{i: k, kind: kindCal, typ: TypeDate, rule: "spoken-year"}
	e := p.e(k)
	if e == nil || !e.hasNum {
		return x, false
	}
	if e.num >= 10 && e.num < 30 {
		if n, end, ok := p.count(k + 1); ok && n >= 10 && n < 100 && p.num(k+1) < 0 {
			x.year, x.j = e.num*100+n, end
			return x, true
		}
	}
	if n, end, ok := p.count(k); ok && strong && n >= 1000 && n < 3000 {
		x.year, x.j = n, end
		return x, true
	}
	return x, false
}

// listedAfterYear tells that lexeme k follows a year and a link: a comma,
// a glued hyphen, a conjunction or a range word ("2020 and 2022",
// "2023-2024", "2009 dan 2017").
func (p *parser) listedAfterYear(k int) bool {
	e := p.e(k - 1)
	link := p.is(k-1, ",") || p.is(k-1, "-") && p.glued(k-1) && p.glued(k) || e != nil && (e.conj || e.rangeLink)
	y := p.num(k - 2)
	return link && y >= 1900 && y <= 2099 && p.lx[k-2].digits == 4
}

// nameBefore tells that lexeme k follows a capitalised word that is no
// known word and does not open its sentence: a name.
func (p *parser) nameBefore(k int) bool {
	if k < 2 {
		return false
	}
	b := p.lx[k-1]
	return b.kind == tokWord && b.cap && b.e == nil && b.sent == p.lx[k-2].sent && !p.is(k-2, "\"") && !p.is(k-2, "“")
}

// quarterOrdinal parses a quarter or half named by an ordinal after it
// ("kuartal III", "triwulan pertama", "semester I").
func (p *parser) quarterOrdinal(k int) (expr, bool) {
	x := expr{i: k, kind: kindCal, typ: TypeDate, rule: "quarter"}
	e := p.e(k)
	o, j := p.ordinal(k + 1)
	if o == 0 {
		return x, false
	}
	if !setPart(&x, e.quarter, o) {
		return x, false
	}
	x.j = j
	if y, ok := p.partYear(j); ok {
		x.year, x.j = y.year, y.j
	}
	return x, true
}

// letterPart parses a quarter or half written as a capital glued to its
// number, as business news abbreviates them: "Q3", "H1 2024", "Q4/2023".
// A half needs its year ("H2" alone is also hydrogen), a glued letter
// makes a code ("H1N1"), and a quarter after a name is a model ("Audi Q3").
func (p *parser) letterPart(k int) (expr, bool) {
	x := expr{i: k, j: k + 2, kind: kindCal, typ: TypeDate, rule: "letter-part"}
	if !p.upper(k) || !p.glued(k+1) || p.num(k+1) < 0 || p.lx[k+1].digits != 1 || p.gluedWord(k+2) || p.nameBefore(k) {
		return x, false
	}
	if !setPart(&x, p.e(k).partLetter == unitQuarter, p.num(k+1)) {
		return x, false
	}
	if y, ok := p.partYear(x.j); ok {
		x.year, x.j = y.year, y.j
	}
	return x, x.quarter != 0 || x.year != 0
}

// partYear parses the year of a quarter or half, after a space or a
// glued slash or hyphen: "kuartal III 2024", "semester I/2024",
// "triwulan I-2015", "Q4/2023".
func (p *parser) partYear(j int) (expr, bool) {
	if (p.is(j, "/") || p.is(j, "-")) && p.glued(j) && p.glued(j+1) {
		j++
	}
	return p.yearAfter(j)
}

// holidayCountdown parses a day counted from a holiday, as Indonesian news
// counts down to Lebaran: "H-3 Lebaran" is three days before it, "H+2
// Natal" two days after.
func (p *parser) holidayCountdown(k int) (expr, bool) {
	n := p.num(k + 2)
	if !p.upper(k) || !p.glued(k+1) || !p.glued(k+2) || n < 0 || p.lx[k+2].digits > 2 || p.gluedWord(k+3) {
		return expr{}, false
	}
	h, ok := p.words(k + 3)
	if !ok || h.holiday == nil {
		return expr{}, false
	}
	h.i, h.dayShift, h.rule = k, n, "holiday-countdown"
	if p.is(k+1, "-") {
		h.dayShift = -n
	}
	return h, true
}

// fiscalYear parses a fiscal year abbreviated "FY2024", "FY 2024" or
// "FY24" (a two-digit year is taken between 1970 and 2069).
func (p *parser) fiscalYear(k int) (expr, bool) {
	x := expr{i: k, j: k + 2, kind: kindCal, typ: TypeDate, rule: "fiscal-year"}
	y := p.num(k + 1)
	switch {
	case !p.upper(k) || y < 0 || p.gluedWord(k+2):
		return x, false
	case p.lx[k+1].digits == 4 && y >= 1900 && y <= 2099:
	case p.lx[k+1].digits == 2 && p.glued(k+1):
		y += 2000
		if y >= 2070 {
			y -= 100
		}
	default:
		return x, false
	}
	x.year = y
	return x, true
}

// upper tells that lexeme k is written in capitals only.
func (p *parser) upper(k int) bool {
	for _, c := range []byte(p.text[p.lx[k].start:p.lx[k].end]) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// gluedWord tells that lexeme k is a word or number glued to the one
// before it.
func (p *parser) gluedWord(k int) bool {
	return k < len(p.lx) && p.glued(k) && (p.lx[k].kind == tokWord || p.lx[k].kind == tokNum)
}

// setPart sets the quarter (or half) o of x.
func setPart(x *expr, quarter bool, o int) bool {
	if quarter {
		x.quarter = o
		return o >= 1 && o <= 4
	}
	x.half = o
	return o >= 1 && o <= 2
}

// ordinal reads an ordinal at k, a word ("third"), digits with a suffix
// ("20th") or "ke-3"/"ke 3": value and end.
func (p *parser) ordinal(k int) (int, int) {
	if o, end := p.ordinalWord(k); o != 0 {
		return o, end
	}
	if e := p.e(k); e != nil && e.ordPrefix {
		j := k + 1
		if p.is(j, "-") {
			j++
		}
		if n := p.num(j); n > 0 && n < 100 {
			return n, j + 1
		}
	}
	return 0, k
}

// ordinalWord reads an ordinal that is one word at k, spelled out
// ("third") or digits with a glued suffix ("3rd", "20th"): value and end.
func (p *parser) ordinalWord(k int) (int, int) {
	if e := p.e(k); e != nil && e.ord != 0 {
		return e.ord, k + 1
	}
	if n := p.num(k); n > 0 && n < 100 && p.glued(k+1) {
		if e := p.e(k + 1); e != nil && e.ordSuffix {
			return n, k + 2
		}
	}
	return 0, k
}

// validDate tells whether y-m-d exists.
func validDate(y, m, d int) bool {
	return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m)
}
