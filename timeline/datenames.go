package timeline

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/factline/factline/timeline/lang"
)

// DateNamer names dates for readers in one language: the one namer behind
// the web pages, every export and TimelineJS's display_date. A date is named
// at its precision and no finer ("2011", "December 2019", "Q4 2019",
// "summer 2012", "the 2010s"), with its modifier ("late 2011", "the early
// 1990s") and, for an event, its status ("since 2017" for a state that
// still holds, a mark on what is only scheduled). It never shows a TIMEX3
// code: a value that names no calendar interval reads as the language's
// word for undated.
//
// The words are data: the [date-names], [month-names], [date-modifiers] and
// [date-status] sections of the language's folder (see timeline/lang/en/
// dates.txt for the format). A folder without them uses its near
// language's words.
type DateNamer struct{ w *dateWords }

// dateWords are a language's templates for naming dates. A template holds
// placeholders in braces, filled from the date: {year}, {month} (its name),
// {day}, {hour}, {minute}, {week}, {quarter}, {century} (its ordinal
// number: 20 for the 1900s) and, in modifier and status templates, {date}.
// The range template joins a range's first date, {date}, and its last,
// {end}.
type dateWords struct {
	// names are by precision, with half-1/half-2 and the seasons by name.
	names  map[string]string
	months [12]string
	// mods are by modifier ("END"), or by modifier and precision ("END
	// decade") where a precision is named differently ("the late 1990s").
	mods   map[string]string
	status map[string]string
}

// The entries each section must or may hold.
var (
	dateNameKeys = []string{"century", "decade", "year", "half-1", "half-2", "spring", "summer", "autumn", "winter",
		"quarter", "month", "week", "day", "minute", "undated", "range"}
	dateStatusKeys = []string{string(StatusOngoing), string(StatusScheduled)}
	// namedMods are the modifiers an event date may carry and so a
	// namer must say.
	namedMods = []Mod{ModStart, ModMid, ModEnd, ModApprox, ModBefore, ModAfter, ModOnOrBefore, ModOnOrAfter}
	// seasonNames are by the month a season starts in (see ParseDate).
	seasonNames = map[int]string{3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
	// placeholders are every placeholder a template may use.
	placeholders = []string{"year", "month", "day", "hour", "minute", "week", "quarter", "century", "date", "end"}
)

// dateSections are the sections the date namer reads.
var dateSections = []string{"date-names", "month-names", "date-modifiers", "date-status"}

// bindDateWords reads a folder's date sections (secs, by name; where names
// each section's file); it returns nil when the folder has none.
func bindDateWords(secs map[string]*lang.Section, where map[string]string) (*dateWords, error) {
	var have, lack []string
	for _, name := range dateSections {
		if secs[name] != nil {
			have = append(have, name)
		} else {
			lack = append(lack, name)
		}
	}
	if len(have) == 0 {
		return nil, nil
	}
	if len(lack) > 0 {
		return nil, lang.Errorf(where[have[0]], 0, "the date namer needs [%s] beside [%s]", lack[0], have[0])
	}
	w := &dateWords{names: map[string]string{}, mods: map[string]string{}, status: map[string]string{}}
	read := func(name string, into map[string]string, valid func(key string) bool, want string) error {
		sec, path := secs[name], where[name]
		for _, e := range sec.Entries {
			if !valid(e.Key) {
				return lang.Errorf(path, e.Line, "[%s]: unknown entry %q (want %s)", name, e.Key, want)
			}
			if err := checkTemplate(path, name, e); err != nil {
				return err
			}
			into[e.Key] = e.Value
		}
		return nil
	}
	if err := read("date-names", w.names, func(k string) bool { return slices.Contains(dateNameKeys, k) },
		strings.Join(dateNameKeys, ", ")); err != nil {
		return nil, err
	}
	months := map[string]string{}
	if err := read("month-names", months, func(k string) bool { n, err := strconv.Atoi(k); return err == nil && n >= 1 && n <= 12 },
		"a month number 1-12"); err != nil {
		return nil, err
	}
	if err := read("date-modifiers", w.mods, validModKey, "a modifier such as END, or a modifier and a precision such as \"END decade\""); err != nil {
		return nil, err
	}
	if err := read("date-status", w.status, func(k string) bool { return slices.Contains(dateStatusKeys, k) },
		strings.Join(dateStatusKeys, ", ")); err != nil {
		return nil, err
	}
	missing := func(name string, keys []string, have map[string]string) error {
		for _, k := range keys {
			if have[k] == "" {
				return lang.Errorf(where[name], secs[name].Line, "[%s] has no %s", name, k)
			}
		}
		return nil
	}
	var modKeys []string
	for _, m := range namedMods {
		modKeys = append(modKeys, string(m))
	}
	for i := range w.months {
		w.months[i] = months[strconv.Itoa(i+1)]
	}
	for _, err := range []error{
		missing("date-names", dateNameKeys, w.names),
		missing("month-names", []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}, months),
		missing("date-modifiers", modKeys, w.mods),
		missing("date-status", dateStatusKeys, w.status),
	} {
		if err != nil {
			return nil, err
		}
	}
	return w, nil
}

// validModKey accepts "END" and "END decade".
func validModKey(k string) bool {
	mod, prec, _ := strings.Cut(k, " ")
	if !slices.Contains(namedMods, Mod(mod)) {
		return false
	}
	return prec == "" || slices.Contains(precisionNames, Precision(prec))
}

// precisionNames are the precisions a modifier may be named for.
var precisionNames = []Precision{PrecisionCentury, PrecisionDecade, PrecisionYear, PrecisionHalf, PrecisionSeason,
	PrecisionQuarter, PrecisionMonth, PrecisionWeek, PrecisionDay, PrecisionMinute}

// checkTemplate refuses an empty template and a placeholder the namer does
// not fill.
func checkTemplate(path, section string, e lang.Entry) error {
	if e.Value == "" {
		return lang.Errorf(path, e.Line, "[%s]: %s needs a template", section, e.Key)
	}
	rest := e.Value
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			return lang.Errorf(path, e.Line, "[%s]: %s: an unclosed {", section, e.Key)
		}
		if name := rest[open+1 : open+end]; !slices.Contains(placeholders, name) {
			return lang.Errorf(path, e.Line, "[%s]: %s: unknown placeholder {%s} (want %s)", section, e.Key, name,
				strings.Join(placeholders, ", "))
		}
		rest = rest[open+end+1:]
	}
	return nil
}

// DateNamerFor returns the date namer of a registered language; ok is false
// for a code the registry does not know.
func DateNamerFor(code string) (n DateNamer, ok bool) {
	l, ok := languages().byCode[code]
	if !ok {
		return DateNamer{}, false
	}
	return DateNamer{l.dates}, true
}

// Name names d at its precision, without its modifier: "2011", "December
// 2019", "28 December 2019, 10:15".
func (n DateNamer) Name(d Date) string {
	key := string(d.Precision)
	switch m := int(d.Start.Month()); d.Precision {
	case PrecisionHalf:
		key = fmt.Sprintf("half-%d", (m-1)/6+1)
	case PrecisionSeason:
		key = seasonNames[m]
	}
	return n.fill(n.w.names[key], d, "")
}

// Event names an event's date as readers see it: value read as a calendar
// value, then its modifier, then its status. An ongoing state's START (or
// ON_OR_AFTER) is what "since" already says: "since 2017", not "since early
// 2017".
func (n DateNamer) Event(value string, mod Mod, status EventStatus) string {
	return n.EventRange(value, mod, status, "")
}

// EventRange names the date of an event that may last from value to end, a
// calendar value ("9 December 2019 to 11 December 2019", "2009 sampai
// 2010"); with no end, or one that names no calendar interval, it is
// Event. An ongoing state that has an end is named by its range alone: it
// no longer holds.
func (n DateNamer) EventRange(value string, mod Mod, status EventStatus, end string) string {
	d, err := ParseDate(value, ModNone)
	if err != nil {
		return n.w.names["undated"]
	}
	text := n.Name(d)
	if status == StatusOngoing && (mod == ModStart || mod == ModOnOrAfter) {
		mod = ModNone
	}
	if mod != ModNone {
		t, ok := n.w.mods[string(mod)+" "+string(d.Precision)]
		if !ok {
			t = n.w.mods[string(mod)]
		}
		if t != "" { // a modifier a date cannot carry (MORE_THAN) is not named
			text = n.fill(t, d, text)
		}
	}
	if last, err := ParseDate(end, ModNone); end != "" && err == nil {
		// A name is filled words, never a placeholder, so {end} can go in
		// first.
		text = n.fill(strings.ReplaceAll(n.w.names["range"], "{end}", n.Name(last)), d, text)
		if status == StatusOngoing {
			return text
		}
	}
	if t := n.w.status[string(status)]; t != "" {
		text = n.fill(t, d, text)
	}
	return text
}

// fill fills template t with the parts of d; {date} is name. Exports name
// every event's date, so it writes into one buffer and formats numbers
// without allocating.
func (n DateNamer) fill(t string, d Date, name string) string {
	var b strings.Builder
	b.Grow(len(t) + len(name) + 16)
	var num [20]byte
	s := d.Start
	for {
		open := strings.IndexByte(t, '{')
		end := strings.IndexByte(t[max(open, 0):], '}')
		if open < 0 || end < 0 {
			break
		}
		b.WriteString(t[:open])
		switch t[open+1 : open+end] {
		case "date":
			b.WriteString(name)
		case "year":
			y := s.Year()
			if d.Precision == PrecisionWeek {
				y, _ = s.ISOWeek()
			}
			b.Write(strconv.AppendInt(num[:0], int64(y), 10))
		case "month":
			b.WriteString(n.w.months[s.Month()-1])
		case "day":
			b.Write(strconv.AppendInt(num[:0], int64(s.Day()), 10))
		case "hour":
			b.Write(twoDigits(num[:0], s.Hour()))
		case "minute":
			b.Write(twoDigits(num[:0], s.Minute()))
		case "week":
			_, w := s.ISOWeek()
			b.Write(strconv.AppendInt(num[:0], int64(w), 10))
		case "quarter":
			b.Write(strconv.AppendInt(num[:0], int64((int(s.Month())-1)/3+1), 10))
		case "century":
			b.Write(strconv.AppendInt(num[:0], int64(s.Year()/100+1), 10))
		}
		t = t[open+end+1:]
	}
	b.WriteString(t)
	return b.String()
}

// twoDigits appends n (0-99) as two digits.
func twoDigits(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
