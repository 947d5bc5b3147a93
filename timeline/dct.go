package timeline

import (
	"fmt"
	"strings"
	"time"
)

// inferDCT reasons out the publication date from the text when none is
// given. A report is written on or after everything it dates, and soon
// after: so the date is the earliest day that is
//   - on or after every fully dated mention ("29 Desember 2019",
//     "Kamis (17/10/2013)");
//   - on or after every weekday paired with a day and month ("Sabtu (28/12)"),
//     whose year is the one where that weekday falls, near the year of a
//     copyright or dateline line ("Copyright © ANTARA 2019") or of the
//     latest year the text names;
//   - on or after every bare weekday the text reports without a future cue
//     (", Senin."), each taken as the first such weekday from the latest
//     dated mention.
//
// It returns the zero time when the text dates nothing to the day.
func inferDCT(p *parser, xs []expr) (time.Time, string) {
	var evidence []string
	hint, hintWhy := copyrightYear(p)
	if hint == 0 {
		for _, x := range xs {
			if x.kind == kindCal && x.year > hint && x.decade == 0 && x.century == 0 {
				hint = x.year
			}
		}
		if hint != 0 {
			hintWhy = fmt.Sprintf("latest year named %d", hint)
		}
	} else {
		evidence = append(evidence, hintWhy)
	}
	var latest time.Time
	see := func(d time.Time, what string) {
		evidence = append(evidence, what)
		if d.After(latest) {
			latest = d
		}
	}
	for _, x := range xs {
		if x.kind != kindCal || x.day == 0 || x.month == 0 {
			continue
		}
		span := p.text[p.lx[x.i].start:p.lx[x.j-1].end]
		switch {
		case x.year != 0 && validDate(x.year, x.month, x.day):
			see(ymd(x.year, x.month, x.day), fmt.Sprintf("%q is dated %04d-%02d-%02d", span, x.year, x.month, x.day))
		case x.weekday != 0 && hint != 0:
			for _, y := range [3]int{hint, hint - 1, hint + 1} {
				if validDate(y, x.month, x.day) && isoWeekday(ymd(y, x.month, x.day)) == x.weekday {
					see(ymd(y, x.month, x.day), fmt.Sprintf("%q falls on that weekday in %d", span, y))
					break
				}
			}
		case hint != 0 && validDate(hint, x.month, x.day):
			see(ymd(hint, x.month, x.day), fmt.Sprintf("%q in %d (%s)", span, hint, hintWhy))
		}
	}
	if latest.IsZero() {
		return time.Time{}, ""
	}
	dct := latest
	r := &resolver{p: p}
	for i := range xs {
		x := &xs[i]
		if x.kind != kindCal || x.weekday == 0 || x.day != 0 || x.force != 0 || r.tense(x, 40) > 0 {
			continue
		}
		d := latest.AddDate(0, 0, (x.weekday-isoWeekday(latest)+7)%7)
		if d.After(dct) {
			dct = d
			evidence = append(evidence, fmt.Sprintf("the report day %q is %s", p.text[p.lx[x.i].start:p.lx[x.j-1].end], dayValue(d)))
		}
	}
	return dct, strings.Join(evidence, "; ")
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
