package timeline

import (
	"fmt"
	"strings"
	"time"
)

// inferDCT reasons out the publication date from the text when none is
// given. A report is written on or after what it reports, and soon after:
//   - a date whose weekday agrees with it ("Kamis (17/10/2013)", "Sabtu
//     (28/12)") is a day the report speaks of, and the strongest evidence;
//     a yearless one takes the year, near a copyright or dateline year
//     ("Copyright © ANTARA 2019"), where that weekday falls;
//   - without such dates, a full date in the opening line (a dateline);
//     full dates further on are as often history as news;
//   - a bare weekday in the wire position (", Senin.") is the report day
//     itself, the first such weekday after the latest date, if within
//     three days of it; so is a weekday alone in brackets, the reader's
//     day of an event abroad ("Rabu (19/11/2014) waktu setempat (Kamis
//     pagi WIB)").
//
// Dates in a sentence pointing to the future (plans, deadlines) are left
// out. It returns the zero time when the text dates nothing to the day.
func inferDCT(p *parser, xs []expr) (time.Time, string) {
	r := &resolver{p: p}
	hint, hintWhy := copyrightYear(p)
	var evidence []string
	if hint != 0 {
		evidence = append(evidence, hintWhy)
	}
	var confirmed, plain time.Time
	var confirmedWhy, plainWhy string
	for i := range xs {
		x := &xs[i]
		if x.kind != kindCal || x.day == 0 || x.month == 0 || r.tense(x, 8) > 0 {
			continue
		}
		span := p.text[p.lx[x.i].start:p.lx[x.j-1].end]
		switch {
		case x.year != 0 && validDate(x.year, x.month, x.day):
			d := ymd(x.year, x.month, x.day)
			if x.particleDay != 0 {
				// "28 Desember 2014 kemarin": the report is a day later
				if pub := d.AddDate(0, 0, -x.particleDay); pub.After(confirmed) {
					confirmed, confirmedWhy = pub, fmt.Sprintf("%q is %+d day(s) from publication", span, x.particleDay)
				}
			} else if x.weekday != 0 && isoWeekday(d) == x.weekday {
				if d.After(confirmed) {
					confirmed, confirmedWhy = d, fmt.Sprintf("%q falls on its weekday", span)
				}
			} else if x.i < datelineLexemes && d.After(plain) {
				plain, plainWhy = d, fmt.Sprintf("%q dates the opening line", span)
			}
		case x.weekday != 0 && hint != 0:
			for _, y := range [3]int{hint, hint - 1, hint + 1} {
				if d := ymd(y, x.month, x.day); validDate(y, x.month, x.day) && isoWeekday(d) == x.weekday {
					if d.After(confirmed) {
						confirmed, confirmedWhy = d, fmt.Sprintf("%q falls on that weekday in %d", span, y)
					}
					break
				}
			}
		}
	}
	latest, why := confirmed, confirmedWhy
	if latest.IsZero() {
		latest, why = plain, plainWhy
	}
	if latest.IsZero() {
		return time.Time{}, ""
	}
	evidence = append(evidence, why)
	dct := latest
	for i := range xs {
		x := &xs[i]
		if x.kind != kindCal || x.weekday == 0 || x.day != 0 || x.force != 0 || x.hasTime || r.tense(x, 8) > 0 {
			continue
		}
		if !(x.pod == "" && p.wirePosition(x)) && !p.bracketed(x) {
			continue
		}
		// A report day a week after the news would not be news.
		d := latest.AddDate(0, 0, (x.weekday-isoWeekday(latest)+7)%7)
		if d.After(dct) && d.Sub(latest) <= 3*24*time.Hour {
			dct = d
			evidence = append(evidence, fmt.Sprintf("the report day %q is %s", p.text[p.lx[x.i].start:p.lx[x.j-1].end], dayValue(d)))
		}
	}
	return dct, strings.Join(evidence, "; ")
}

// noDCTEvidence is the reason given when the text dates nothing to the day.
const noDCTEvidence = "unknown: no date in the text names the day of publication (a dated weekday, a dateline, a date said to be yesterday)"

// datelineLexemes is how far into a text a dateline may stand.
const datelineLexemes = 40

// wirePosition tells whether x stands alone between a comma and the end of
// its sentence or clause, where wire copy puts the report day ("menurut
// KCNA, Senin.").
func (p *parser) wirePosition(x *expr) bool {
	return p.is(x.i-1, ",") && (x.j >= len(p.lx) || p.is(x.j, ".") || p.is(x.j, ","))
}

// bracketed tells whether x stands alone in brackets, as the reader's day
// of a date given in another time zone: "Rabu (19/11/2014) waktu setempat
// (Kamis pagi WIB)".
func (p *parser) bracketed(x *expr) bool {
	if !p.is(x.i-1, "(") {
		return false
	}
	for k := x.j; k < len(p.lx) && k <= x.j+2; k++ {
		if p.is(k, ")") {
			return true
		}
	}
	return false
}

// copyrightYear finds a year on a copyright line ("Copyright © ANTARA
// 2019"): the first year within a few words after a copyright mark.
func copyrightYear(p *parser) (int, string) {
	for k := range p.lx {
		if e := p.e(k); e == nil || !e.copyright {
			continue
		}
		for j := k + 1; j < len(p.lx) && j <= k+6 && !p.lx[j].newline; j++ {
			if y := p.num(j); y >= 1900 && y <= 2999 && p.lx[j].digits == 4 {
				return y, fmt.Sprintf("copyright year %d", y)
			}
		}
	}
	return 0, ""
}
