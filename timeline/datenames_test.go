package timeline

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// minimalDates is the smallest set of date words the loader accepts.
var minimalDates = func() string {
	var b strings.Builder
	b.WriteString("# format: tables 1\n[date-names]\n")
	for _, k := range dateNameKeys {
		fmt.Fprintf(&b, "%s = %s {year}\n", k, k)
	}
	b.WriteString("[month-names]\n")
	for m := 1; m <= 12; m++ {
		fmt.Fprintf(&b, "%d = M%d\n", m, m)
	}
	b.WriteString("[date-modifiers]\n")
	for _, m := range namedMods {
		fmt.Fprintf(&b, "%s = %s {date}\n", m, strings.ToLower(string(m)))
	}
	b.WriteString("[date-status]\nongoing = since {date}\nscheduled = {date} planned\n")
	return b.String()
}()

func TestDateNamer(t *testing.T) {
	for _, c := range []struct {
		value      string
		mod        Mod
		status     EventStatus
		en, id, ms string
	}{
		{"2011", ModEnd, StatusHappened, "late 2011", "akhir 2011", "akhir 2011"},
		{"2012-SU", ModNone, StatusHappened, "summer 2012", "musim panas 2012", "musim panas 2012"},
		{"2012-WI", ModNone, StatusHappened, "winter 2012", "musim dingin 2012", "musim sejuk 2012"},
		{"201", ModNone, StatusHappened, "the 2010s", "dekade 2010-an", "dekad 2010-an"},
		{"199", ModStart, StatusHappened, "the early 1990s", "awal dekade 1990-an", "awal dekad 1990-an"},
		{"19", ModNone, StatusReported, "the 1900s", "abad ke-20", "abad ke-20"},
		{"2017", ModStart, StatusOngoing, "since 2017", "sejak 2017", "sejak 2017"},
		{"2017", ModNone, StatusOngoing, "since 2017", "sejak 2017", "sejak 2017"},
		{"2011", ModEnd, StatusOngoing, "since late 2011", "sejak akhir 2011", "sejak akhir 2011"},
		{"2011", ModMid, StatusHappened, "mid-2011", "pertengahan 2011", "pertengahan 2011"},
		{"2019-12", ModStart, StatusHappened, "early December 2019", "awal Desember 2019", "awal Disember 2019"},
		{"2019-12-28", ModNone, StatusHappened, "28 December 2019", "28 Desember 2019", "28 Disember 2019"},
		{"2019-12-28T10:05", ModApprox, StatusHappened, "about 28 December 2019, 10:05", "sekitar 28 Desember 2019 pukul 10.05", "sekitar 28 Disember 2019 pukul 10.05"},
		{"2020-01", ModNone, StatusScheduled, "January 2020 (scheduled)", "Januari 2020 (dijadwalkan)", "Januari 2020 (dijadualkan)"},
		{"2019-Q4", ModNone, StatusHappened, "Q4 2019", "kuartal 4 2019", "suku ke-4 2019"},
		{"2019-H1", ModOnOrBefore, StatusHappened, "by first half of 2019", "paling lambat paruh pertama 2019", "selewat-lewatnya separuh pertama 2019"},
		// ISO week 1 of 2020 starts on 30 December 2019.
		{"2020-W01", ModNone, StatusHappened, "week 1 of 2020", "minggu ke-1 2020", "minggu ke-1 2020"},
		{"PRESENT_REF", ModNone, StatusHappened, "undated", "tanpa tanggal", "tanpa tarikh"},
	} {
		for code, want := range map[string]string{"en": c.en, "id": c.id, "ms": c.ms} {
			n, ok := DateNamerFor(code)
			if !ok {
				t.Fatalf("no namer for %s", code)
			}
			if got := n.Event(c.value, c.mod, c.status); got != want {
				t.Errorf("%s: %s %s %s = %q, want %q", code, c.value, c.mod, c.status, got, want)
			}
		}
	}
	if _, ok := DateNamerFor("xx"); ok {
		t.Error("a namer for an unknown language")
	}
}

func TestDateNamerRange(t *testing.T) {
	for _, c := range []struct {
		value      string
		mod        Mod
		status     EventStatus
		end        string
		en, id, ms string
	}{
		{"2019-12-09", ModNone, StatusHappened, "2019-12-11", "9 December 2019 to 11 December 2019", "9 Desember 2019 sampai 11 Desember 2019", "9 Disember 2019 hingga 11 Disember 2019"},
		{"2009", ModEnd, StatusHappened, "2010", "late 2009 to 2010", "akhir 2009 sampai 2010", "akhir 2009 hingga 2010"},
		{"2020-01", ModNone, StatusScheduled, "2020-03", "January 2020 to March 2020 (scheduled)", "Januari 2020 sampai Maret 2020 (dijadwalkan)", "Januari 2020 hingga Mac 2020 (dijadualkan)"},
		{"2017", ModStart, StatusOngoing, "2019", "2017 to 2019", "2017 sampai 2019", "2017 hingga 2019"},
		// No end, or one that names no calendar interval: the single date.
		{"2019-12-09", ModNone, StatusHappened, "", "9 December 2019", "9 Desember 2019", "9 Disember 2019"},
		{"2019-12-09", ModNone, StatusHappened, "PRESENT_REF", "9 December 2019", "9 Desember 2019", "9 Disember 2019"},
	} {
		for code, want := range map[string]string{"en": c.en, "id": c.id, "ms": c.ms} {
			n, _ := DateNamerFor(code)
			if got := n.EventRange(c.value, c.mod, c.status, c.end); got != want {
				t.Errorf("%s: %s %s %s to %s = %q, want %q", code, c.value, c.mod, c.status, c.end, got, want)
			}
		}
	}
}

// rawCode matches what must never reach a reader: TIMEX3 codes, an empty
// placeholder, a modifier before an article.
var rawCode = regexp.MustCompile(`\d{4}-\d|-(SP|SU|FA|WI|H\d|Q\d|W\d)|[{}]|T\d\d:|\b(early|mid-?|late) the\b|^\d{2,3}$|  |^ | $`)

// Every precision, modifier and status in every language gets words.
func TestDateNamesEveryCombination(t *testing.T) {
	values := []string{"20", "201", "2011", "2011-H2", "2012-SU", "2019-Q4", "2019-12", "2019-W52", "2019-12-28", "2019-12-28T10:15"}
	for _, code := range LanguageCodes() {
		n, _ := DateNamerFor(code)
		for _, v := range values {
			for _, mod := range append([]Mod{ModNone}, namedMods...) {
				for _, st := range EventStatuses {
					got := n.Event(v, mod, st)
					if got == "" || rawCode.MatchString(got) {
						t.Errorf("%s: %s %s %s = %q", code, v, mod, st, got)
					}
				}
			}
		}
	}
}

func TestDateWordsRefused(t *testing.T) {
	for _, tt := range []struct{ name, edit, want string }{
		{"UnknownPlaceholder", strings.Replace(minimalDates, "year = year {year}", "year = {yaer}", 1),
			"[date-names]: year: unknown placeholder {yaer}"},
		{"MissingName", strings.Replace(minimalDates, "week = week {year}\n", "", 1), "[date-names] has no week"},
		{"UnknownMod", strings.Replace(minimalDates, "START = start {date}", "EARLY = early {date}", 1),
			`[date-modifiers]: unknown entry "EARLY"`},
		{"ModForAPrecisionThatIsNot", strings.Replace(minimalDates, "[date-modifiers]\n", "[date-modifiers]\nEND fortnight = late {date}\n", 1),
			`[date-modifiers]: unknown entry "END fortnight"`},
		{"NoMonth", strings.Replace(minimalDates, "7 = M7\n", "", 1), "[month-names] has no 7"},
		{"HalfTheSections", "# format: tables 1\n[month-names]\n1 = M1\n", "the date namer needs [date-names] beside [month-names]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadRegistry(fstest.MapFS{"xx/language.txt": {Data: []byte(minimal)}, "xx/dates.txt": {Data: []byte(tt.edit)}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
	_, err := loadRegistry(fstest.MapFS{"xx/language.txt": {Data: []byte(minimal)}})
	if err == nil || !strings.Contains(err.Error(), "no [date-names]") {
		t.Errorf("a language without date words: %v", err)
	}
}
