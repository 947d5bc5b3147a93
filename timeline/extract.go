package timeline

import (
	"strconv"
	"strings"
	"sync"
	"time"
)

// Options controls one extraction.
type Options struct {
	// Lang is the code of a registered language (see Languages); "" or
	// "auto" detects it.
	Lang string
	// DCT is the document creation time (the publication date). The zero
	// time means unknown: it is then inferred from the text where possible.
	DCT time.Time
}

// Result is what Extract finds in one text.
type Result struct {
	Lang string
	// DCT is the publication date used for resolution; zero if none could be
	// found. DCTInferred is true when it came from the text, with the reason
	// in DCTEvidence; when the text gives no evidence DCT stays zero and
	// DCTEvidence says so ("unknown: ...") rather than guess.
	DCT         time.Time
	DCTInferred bool
	DCTEvidence string
	Timexes     []Timex
}

// lexerPool reuses token buffers between calls.
var lexerPool = sync.Pool{New: func() any { return new(lexer) }}

// Extract finds and resolves every temporal expression in text. Spans are
// sorted, do not overlap and fall on rune boundaries.
func Extract(text string, opts Options) Result {
	packs := lexicons()
	code := opts.Lang
	lx, ok := packs[code]
	if !ok {
		code = DetectLanguage(text)
		lx = packs[code]
	}
	l := lexerPool.Get().(*lexer)
	defer lexerPool.Put(l)
	p := &parser{text: text, lx: l.lex(text, lx), lang: lx}
	xs := p.parseAll(l.exprs[:0])
	l.exprs = xs

	res := Result{Lang: code}
	if !opts.DCT.IsZero() {
		y, m, d := opts.DCT.Date()
		res.DCT = ymd(y, int(m), d)
	} else if dct, evidence := inferDCT(p, xs); !dct.IsZero() {
		res.DCT, res.DCTInferred, res.DCTEvidence = dct, true, evidence
	} else {
		res.DCTEvidence = noDCTEvidence
	}
	r := &resolver{p: p, dct: res.DCT, dctS: res.DCT.Format("2006-01-02")}
	res.Timexes = make([]Timex, 0, len(xs))
	for i := range xs {
		x := &xs[i]
		r.dayAfterClock(xs, i, len(res.Timexes)+2)
		r.rangeStart(xs, i)
		r.prev = nil
		if i > 0 {
			r.prev = &xs[i-1]
		}
		rv := r.resolve(x)
		if rv.value == "" {
			continue
		}
		start, end := p.lx[x.i].start, p.lx[x.j-1].end
		id := "t" + strconv.Itoa(len(res.Timexes)+1)
		span := text[start:end]
		zone := ""
		if x.typ == TypeTime {
			zone = p.zoneOf(x.i, x.j)
		}
		res.Timexes = append(res.Timexes, Timex{
			ID: id, Start: start, End: end, Text: span, Type: x.typ, Value: rv.value, Mod: x.mod, Zone: zone,
			Anchor: rv.anchor, Rule: lx.pack.Code + "." + x.rule,
			Explanation: span + " -> " + rv.value + ": " + rv.why,
		})
		r.remember(x, rv.value, id)
		r.rangeEnd(xs, i, rv.value)
	}
	return res
}

// zoneOf is the UTC offset ("+07:00") of the zone named in lexemes [i, j)
// when the language's [zone-offsets] give it, "" otherwise ("waktu
// setempat", "local time").
func (p *parser) zoneOf(i, j int) string {
	for k := i; k < j; k++ {
		if e := p.e(k); e != nil && e.zone {
			off, ok := p.lang.pack.ZoneOffsets[strings.ToUpper(p.text[p.lx[k].start:p.lx[k].end])]
			if !ok {
				return ""
			}
			return off[:3] + ":" + off[3:]
		}
	}
	return ""
}

// dayAfterClock makes the day named right after a bare clock time its day:
// "10:30 a.m. GMT on Friday", "pukul 08.00 WIB pada Sabtu". Only one word
// may stand between them, so a day in a later clause keeps its own
// reading. nextID is the id the day will get.
func (r *resolver) dayAfterClock(xs []expr, i, nextID int) {
	x := &xs[i]
	if i+1 >= len(xs) || !x.hasTime || x.kind != kindCal || x.day != 0 || x.weekday != 0 || x.month != 0 || x.year != 0 {
		return
	}
	y := &xs[i+1]
	if gap := r.p.text[r.p.lx[x.j-1].end:r.p.lx[y.i].start]; strings.Contains(gap, "(") && !strings.Contains(gap, ")") {
		// "7:55 a.m. (2055 GMT Monday)": the day inside the brackets is
		// the other zone's.
		return
	}
	if !r.sameClauseNear(x.j, y.i) || y.hasTime || !(y.kind == kindCal && (y.weekday != 0 || y.day != 0) || y.kind == kindRelDay) {
		return
	}
	r.prev = x
	if d, err := ParseDate(r.resolve(y).value, ""); err == nil && d.Precision == PrecisionDay {
		r.day, r.dayID, r.dayRelSent = d, "t"+strconv.Itoa(nextID), -1
	}
}

// sameClauseNear tells whether lexemes [from, to) are a short stretch of
// one clause: at most eight lexemes, none a conjunction, a clause break or
// a verb the pack knows ("10:45 a.m. local time (0745 GMT) on Wednesday").
func (r *resolver) sameClauseNear(from, to int) bool {
	if to-from > 8 || to < len(r.p.lx) && from > 0 && r.p.lx[to].sent != r.p.lx[from-1].sent {
		return false
	}
	for k := from; k < to; k++ {
		if e := r.p.lx[k].e; e != nil && (e.conj || e.clauseBreak || e.past || e.future || e.futurePrep) {
			return false
		}
	}
	return true
}

// rangeStart gives a month or a date without a year the year of the range
// it opens, when the other end follows after one linking word or a dash:
// "Januari-Maret 2024", "between March and May last year", "from November
// to January". The end is resolved first; the start is the latest such
// month or date not after it.
func (r *resolver) rangeStart(xs []expr, i int) {
	r.opening = i+1 < len(xs) && r.ranged(&xs[i], &xs[i+1])
	if !r.opening || !yearless(&xs[i]) {
		return
	}
	r.prev = &xs[i]
	end, err := ParseDate(r.resolve(&xs[i+1]).value, "")
	if err != nil {
		return
	}
	x := &xs[i]
	year, month := end.Start.Year(), int(end.Start.Month())
	if x.month > month || x.month == month && x.day > end.Start.Day() {
		year--
	}
	x.year, x.rangeEnd = year, end.Value
}

// rangeEnd is rangeStart the other way: the end of a range that names no
// year ("March 2024 to May") is the earliest such month or date not
// before the start, whose value is start.
func (r *resolver) rangeEnd(xs []expr, i int, start string) {
	if i+1 >= len(xs) {
		return
	}
	from, err := ParseDate(start, "")
	if err != nil {
		return
	}
	y := &xs[i+1]
	// "from Monday to Wednesday", "Senin-Rabu"; "Friday and Thursday" is
	// a list.
	if link := r.p.lx[xs[i].j].e; bareWeekday(&xs[i]) && bareWeekday(y) && y.i == xs[i].j+1 && r.p.linksRange(xs[i].j) &&
		(link == nil || !link.conj) && from.Precision == PrecisionDay {
		y.weekFrom = from.Start
		return
	}
	// A start that took its year from this end leaves the end as it is.
	if xs[i].rangeEnd != "" || !yearless(y) || !r.ranged(&xs[i], y) {
		return
	}
	year, month := from.Start.Year(), int(from.Start.Month())
	if y.month < month || y.month == month && y.day != 0 && y.day < from.Start.Day() {
		year++
	}
	y.year, y.rangeEnd = year, from.Value
}

// bareWeekday tells whether x names only a weekday: "Monday", "Rabu".
func bareWeekday(x *expr) bool {
	return x.kind == kindCal && x.weekday != 0 && x.day == 0 && x.month == 0 && x.year == 0 && !x.hasTime
}

// yearless tells whether x is a month or a date whose year nothing in its
// own words fixes.
func yearless(x *expr) bool {
	return x.kind == kindCal && x.month != 0 && x.year == 0 && !x.hasYearDir && x.force == 0 && x.weekday == 0 && !x.hasTime
}

// ranged tells whether x and y, both naming a month, are the two ends of
// a range in one sentence.
func (r *resolver) ranged(x, y *expr) bool {
	return x.kind == kindCal && y.kind == kindCal && x.month != 0 && y.month != 0 && y.i == x.j+1 &&
		r.p.lx[y.i].sent == r.p.lx[x.i].sent && r.p.linksRange(x.j)
}

// remember keeps a resolved calendar value as the anchor of later relative
// expressions. Offsets anchor clock times but not other offsets: "a year
// earlier" twice in a row both count from the same mention.
func (r *resolver) remember(x *expr, value, id string) {
	if x.kind == kindDuration || x.kind == kindSet || x.kind == kindRef {
		return
	}
	d, err := ParseDate(value, "")
	if err != nil {
		return
	}
	if d.Precision == PrecisionDay || d.Precision == PrecisionMinute {
		r.day, r.dayID, r.dayRelSent = d, id, -1
		if x.kind == kindRelDay {
			r.dayRelSent = r.p.lx[x.i].sent
		}
	}
	if x.kind == kindOffset && x.n != 0 {
		return
	}
	r.ref, r.refID, r.hasRef, r.refSent = d, id, true, r.p.lx[x.i].sent
	if d.Precision == PrecisionDay || d.Precision == PrecisionMinute {
		y, m, dd := d.Start.Date()
		day := ymd(y, int(m), dd)
		if r.first.IsZero() || day.Before(r.first) {
			r.first, r.firstID = day, id
		}
		if r.opening && d.Precision == PrecisionDay {
			r.span, r.spanID, r.spanSent = day, id, r.p.lx[x.i].sent
		}
	}
}
