package timeline

import (
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/factline/factline/timeline/lang"
)

// Language is one language factline reads, as its folder of timeline/lang
// declares it in the [language] section of language.txt. The registry of
// languages is the one answer to "which languages exist" for every command,
// route, template and export.
type Language struct {
	// Code is the folder's name, an ISO 639-1 code ("id", "en", "ms").
	Code string
	// Name is the language's name in English ("Indonesian"); NativeName
	// in the language itself ("Bahasa Indonesia").
	Name, NativeName string
	// Near is the language whose data stands in where this language's
	// folder has none of its own (Malay reads Indonesian attribution
	// cues); "" when there is none.
	Near string
	// MonthFirstNumericDates says numeric dates, in text and in metadata,
	// put the month first where they can ("12/28/1997").
	MonthFirstNumericDates bool
	// ZoneOffsets maps zone abbreviations the language's sources write in
	// metadata ("WIB") to their UTC offsets ("+0700").
	ZoneOffsets map[string]string
}

// language is a registered language with its compiled lexicon and its
// example sentences.
type language struct {
	Language
	lex      *lexicon
	examples []*lang.Examples
	// dates name dates for readers: the folder's words, or its near
	// language's.
	dates *dateWords
	// owned are the files other packages read (see OwnedTables).
	owned []*lang.Tables
}

// registry is every language of the embedded data, loaded once.
type registry struct {
	langs  []*language // by code
	byCode map[string]*language
	lexes  map[string]*lexicon
	// fallback is the language assumed when a text gives no evidence.
	fallback *language
}

var (
	registryOnce sync.Once
	loadedReg    *registry
	loadErr      error
)

// LoadLanguages reads and checks every language folder embedded in the
// binary, once, and returns the first defect found ("language data
// id/calendar.txt:12: ..."). Commands call it at start-up so that a broken
// data file stops them with that message; every other function of the
// registry assumes it succeeded.
func LoadLanguages() error {
	registryOnce.Do(func() { loadedReg, loadErr = loadRegistry(lang.Embedded()) })
	return loadErr
}

// languages returns the loaded registry. A defect in the embedded data is a
// broken build, which the package's tests catch; LoadLanguages reports it
// without a panic.
func languages() *registry {
	if err := LoadLanguages(); err != nil {
		panic(err)
	}
	return loadedReg
}

// lexicons returns the compiled lexicon of every language by code.
func lexicons() map[string]*lexicon { return languages().lexes }

// Languages lists every language, sorted by code.
func Languages() []Language {
	r := languages()
	out := make([]Language, len(r.langs))
	for i, l := range r.langs {
		out[i] = l.Language
	}
	return out
}

// LanguageCodes lists the code of every language, sorted.
func LanguageCodes() []string {
	r := languages()
	out := make([]string, len(r.langs))
	for i, l := range r.langs {
		out[i] = l.Code
	}
	return out
}

// LookupLanguage returns the language of code, if there is one.
func LookupLanguage(code string) (Language, bool) {
	l, ok := languages().byCode[code]
	if !ok {
		return Language{}, false
	}
	return l.Language, true
}

// loadRegistry reads the language folders of fsys.
func loadRegistry(fsys fs.FS) (*registry, error) {
	folders, err := lang.Load(fsys)
	if err != nil {
		return nil, err
	}
	if len(folders) == 0 {
		return nil, &lang.Error{Path: ".", Msg: "no language folders"}
	}
	r := &registry{byCode: map[string]*language{}, lexes: map[string]*lexicon{}}
	for _, f := range folders {
		l, isDefault, err := bindFolder(f)
		if err != nil {
			return nil, err
		}
		if isDefault {
			if r.fallback != nil {
				return nil, lang.Errorf(f.Code+"/language.txt", 0, "default = yes here and in %s: only one language is the default", r.fallback.Code)
			}
			r.fallback = l
		}
		r.langs = append(r.langs, l)
		r.byCode[l.Code] = l
		r.lexes[l.Code] = l.lex
	}
	if r.fallback == nil {
		return nil, &lang.Error{Path: ".", Msg: "no language says default = yes"}
	}
	for _, l := range r.langs {
		if l.Near != "" && r.byCode[l.Near] == nil {
			return nil, lang.Errorf(l.Code+"/language.txt", 0, "near = %s names no language folder", l.Near)
		}
	}
	for _, l := range r.langs {
		if l.dates == nil && l.Near != "" {
			l.dates = r.byCode[l.Near].dates
		}
		if l.dates == nil {
			return nil, lang.Errorf(l.Code, 0, "no [date-names] to name dates for readers (see en/dates.txt), and no near language that has them")
		}
	}
	return r, nil
}

// packSections maps each section name to the index of the Pack field it
// fills; grammarKeys does the same for the entries of [grammar].
var packSections, grammarKeys = func() (map[string]int, map[string]int) {
	secs, gram := map[string]int{}, map[string]int{}
	t := reflect.TypeOf(Pack{})
	for i := 0; i < t.NumField(); i++ {
		if s := t.Field(i).Tag.Get("lex"); s != "" {
			secs[s] = i
		}
		if g := t.Field(i).Tag.Get("grammar"); g != "" {
			gram[g] = i
		}
	}
	return secs, gram
}()

// bindFolder turns one folder into a language: its [language] entries, its
// Pack and compiled lexicon.
func bindFolder(f *lang.Folder) (*language, bool, error) {
	l := &language{Language: Language{Code: f.Code}, examples: f.Examples}
	p := &Pack{Code: f.Code}
	pv := reflect.ValueOf(p).Elem()
	where := map[string]string{}
	secs := map[string]*lang.Section{}
	isDefault := false
	for _, t := range f.Tables {
		if owner(t.Path) != "" {
			l.owned = append(l.owned, t)
			continue
		}
		for _, sec := range t.Sections {
			if prev, dup := where[sec.Name]; dup {
				return nil, false, lang.Errorf(t.Path, sec.Line, "section [%s] is already in %s", sec.Name, prev)
			}
			where[sec.Name] = t.Path
			secs[sec.Name] = sec
			var err error
			switch sec.Name {
			case "language":
				isDefault, err = bindLanguage(&l.Language, t.Path, sec)
			case "grammar":
				err = bindGrammar(pv, t.Path, sec)
			default:
				if slices.Contains(dateSections, sec.Name) {
					break // read together by bindDateWords
				}
				i, ok := packSections[sec.Name]
				if !ok {
					return nil, false, lang.Errorf(t.Path, sec.Line, "unknown section [%s]", sec.Name)
				}
				err = bindSection(pv.Field(i), pv.Type().Field(i), t.Path, sec)
			}
			if err != nil {
				return nil, false, err
			}
		}
	}
	if l.Name == "" {
		return nil, false, lang.Errorf(f.Code+"/language.txt", 0, "the folder has no [language] section with a name")
	}
	if err := checkNames(p, secs, where); err != nil {
		return nil, false, err
	}
	var err error
	if l.dates, err = bindDateWords(secs, where); err != nil {
		return nil, false, err
	}
	l.MonthFirstNumericDates, l.ZoneOffsets = p.MonthFirstNumericDates, p.ZoneOffsets
	l.lex = compilePack(p)
	return l, isDefault, nil
}

// bindLanguage reads the [language] section.
func bindLanguage(l *Language, path string, sec *lang.Section) (bool, error) {
	isDefault := false
	for _, e := range sec.Entries {
		switch e.Key {
		case "name":
			l.Name = e.Value
		case "native-name":
			l.NativeName = e.Value
		case "near":
			l.Near = e.Value
		case "default":
			b, err := yesNo(path, e)
			if err != nil {
				return false, err
			}
			isDefault = b
		default:
			return false, lang.Errorf(path, e.Line, "[language]: unknown entry %q (want name, native-name, near or default)", e.Key)
		}
		if e.Value == "" {
			return false, lang.Errorf(path, e.Line, "[language]: %s needs a value", e.Key)
		}
	}
	return isDefault, nil
}

// bindGrammar reads the [grammar] section: word-order and other yes/no
// choices of the shared grammar.
func bindGrammar(pv reflect.Value, path string, sec *lang.Section) error {
	for _, e := range sec.Entries {
		i, ok := grammarKeys[e.Key]
		if !ok {
			return lang.Errorf(path, e.Line, "[grammar]: unknown choice %q", e.Key)
		}
		b, err := yesNo(path, e)
		if err != nil {
			return err
		}
		pv.Field(i).SetBool(b)
	}
	return nil
}

// yesNo reads a yes/no value.
func yesNo(path string, e lang.Entry) (bool, error) {
	switch e.Value {
	case "yes":
		return true, nil
	case "no":
		return false, nil
	}
	return false, lang.Errorf(path, e.Line, "%s = %q: want yes or no", e.Key, e.Value)
}

// unitNames are the names a data file gives units.
var unitNames = map[string]unit{
	"second": unitSecond, "minute": unitMinute, "hour": unitHour, "day": unitDay, "week": unitWeek,
	"month": unitMonth, "quarter": unitQuarter, "season": unitSeason, "half": unitHalf, "year": unitYear,
	"decade": unitDecade, "century": unitCentury,
}

// modNames are the modifiers a data file may name.
var modNames = map[string]Mod{}

func init() {
	for _, m := range []Mod{ModStart, ModMid, ModEnd, ModApprox, ModBefore, ModAfter, ModOnOrBefore, ModOnOrAfter,
		ModLessThan, ModMoreThan, ModEqualOrLess, ModEqualOrMore} {
		modNames[string(m)] = m
	}
}

var (
	typeUnit    = reflect.TypeOf(unit(0))
	typeMod     = reflect.TypeOf(ModNone)
	typeShift   = reflect.TypeOf(Shift{})
	typeHoliday = reflect.TypeOf(Holiday{})
)

// bindSection fills one Pack field from its section, checking every value
// against the field's type.
func bindSection(fv reflect.Value, f reflect.StructField, path string, sec *lang.Section) error {
	bad := func(e lang.Entry, format string, a ...any) error {
		return lang.Errorf(path, e.Line, "[%s] %q: %s", sec.Name, e.Key, fmt.Sprintf(format, a...))
	}
	for _, e := range sec.Entries {
		if len(tokenize(e.Key, nil)) == 0 {
			return bad(e, "the key holds no word")
		}
	}
	if fv.Kind() == reflect.Slice {
		list := make([]string, 0, len(sec.Entries))
		for _, e := range sec.Entries {
			if e.Value != "" {
				return bad(e, "this section is a list of words; remove \"= %s\"", e.Value)
			}
			if sec.Name == "markers" && len(tokenize(e.Key, nil)) != 1 {
				return bad(e, "a marker is one word")
			}
			list = append(list, e.Key)
		}
		fv.Set(reflect.ValueOf(list))
		return nil
	}
	m := reflect.MakeMapWithSize(fv.Type(), len(sec.Entries))
	allowed := strings.Fields(f.Tag.Get("values"))
	var aliases []lang.Entry
	for _, e := range sec.Entries {
		if e.Value == "" {
			return bad(e, "needs \"= value\"")
		}
		var v any
		switch et := fv.Type().Elem(); {
		case et == typeUnit:
			u, ok := unitNames[e.Value]
			if !ok {
				return bad(e, "unit %q is not one of second, minute, hour, day, week, month, quarter, season, half, year, decade, century", e.Value)
			}
			v = u
		case et == typeMod:
			md, ok := modNames[e.Value]
			if !ok {
				return bad(e, "%q is not a TIMEX3 modifier (START, MID, END, APPROX, MORE_THAN, ...)", e.Value)
			}
			v = md
		case et == typeShift:
			s, err := parseShift(e.Value)
			if err != nil {
				return bad(e, "%v", err)
			}
			v = s
		case et == typeHoliday:
			h, ok, err := parseHoliday(e.Value)
			if err != nil {
				return bad(e, "%v", err)
			}
			if !ok {
				aliases = append(aliases, e)
				continue
			}
			v = h
		case et.Kind() == reflect.Int:
			n, err := strconv.Atoi(e.Value)
			if err != nil {
				return bad(e, "%q is not a whole number", e.Value)
			}
			v = n
		case et.Kind() == reflect.String:
			if f.Tag.Get("format") == "offset" && !isOffset(e.Value) {
				return bad(e, "%q is not a UTC offset such as +0700", e.Value)
			}
			if len(allowed) > 0 && !contains(allowed, e.Value) {
				return bad(e, "%q is not one of %s", e.Value, strings.Join(allowed, ", "))
			}
			v = e.Value
		default:
			return bad(e, "no reader for values of type %s", et)
		}
		m.SetMapIndex(reflect.ValueOf(e.Key), reflect.ValueOf(v))
	}
	// A holiday may name another of the section ("lebaran = idul fitri").
	for _, e := range aliases {
		target := m.MapIndex(reflect.ValueOf(e.Value))
		if !target.IsValid() {
			return bad(e, "%q is neither a date (MM-DD, MM-W#N, a list of YYYY-MM-DD) nor another holiday of the section", e.Value)
		}
		m.SetMapIndex(reflect.ValueOf(e.Key), target)
	}
	fv.Set(m)
	return nil
}

// isOffset tells whether s is a UTC offset "+HHMM" or "-HHMM".
func isOffset(s string) bool {
	if len(s) != 5 || s[0] != '+' && s[0] != '-' {
		return false
	}
	h, err1 := strconv.Atoi(s[1:3])
	m, err2 := strconv.Atoi(s[3:])
	return err1 == nil && err2 == nil && h <= 14 && m < 60
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// parseShift reads "-1", "+1", "-1 anchored" or "+1 anchored".
func parseShift(v string) (Shift, error) {
	f := strings.Fields(v)
	var s Shift
	switch f[0] {
	case "-1":
		s.Dir = -1
	case "+1":
		s.Dir = 1
	default:
		return s, fmt.Errorf("shift %q: want -1 or +1, then optionally \"anchored\"", v)
	}
	switch {
	case len(f) == 1:
	case len(f) == 2 && f[1] == "anchored":
		s.FromRef = true
	default:
		return s, fmt.Errorf("shift %q: want -1 or +1, then optionally \"anchored\"", v)
	}
	return s, nil
}

// parseHoliday reads a holiday's date: "12-25" (a fixed day), "11-4#4" (the
// fourth Thursday of November) or a list "2019-06-05 2020-05-24 ..." (the
// day in each year, for lunar calendars). ok is false when v is none of
// these, which makes it the name of another holiday.
func parseHoliday(v string) (Holiday, bool, error) {
	f := strings.Fields(v)
	if len(f) == 1 && len(v) == 5 && v[2] == '-' {
		mo, err1 := strconv.Atoi(v[:2])
		d, err2 := strconv.Atoi(v[3:])
		if err1 != nil || err2 != nil || mo < 1 || mo > 12 || d < 1 || d > 31 {
			return Holiday{}, false, fmt.Errorf("%q is not a day MM-DD", v)
		}
		return Holiday{Month: mo, Day: d}, true, nil
	}
	if len(f) == 1 && strings.Contains(v, "#") {
		var mo, wd, nth int
		if _, err := fmt.Sscanf(v, "%d-%d#%d", &mo, &wd, &nth); err != nil || mo < 1 || mo > 12 || wd < 1 || wd > 7 || nth < 1 || nth > 5 {
			return Holiday{}, false, fmt.Errorf("%q is not MM-W#N (month, weekday 1..7 from Monday, which one)", v)
		}
		return Holiday{Month: mo, Weekday: wd, Nth: nth}, true, nil
	}
	if len(f[0]) == 10 && f[0][4] == '-' && f[0][0] >= '0' && f[0][0] <= '9' {
		dates := map[int]string{}
		for _, d := range f {
			y, err := strconv.Atoi(d[:min(4, len(d))])
			if len(d) != 10 || err != nil || d[4] != '-' || d[7] != '-' {
				return Holiday{}, false, fmt.Errorf("%q in the list is not YYYY-MM-DD", d)
			}
			if _, dup := dates[y]; dup {
				return Holiday{}, false, fmt.Errorf("the list gives %d twice", y)
			}
			dates[y] = d[5:]
		}
		return Holiday{Dates: dates}, true, nil
	}
	return Holiday{}, false, nil
}

// checkNames checks that every name a list qualifies as needing a capital
// or as an abbreviation is a month or weekday of the pack.
func checkNames(p *Pack, secs map[string]*lang.Section, where map[string]string) error {
	for _, name := range []string{"names-need-capital", "abbreviations"} {
		sec := secs[name]
		if sec == nil {
			continue
		}
		for _, e := range sec.Entries {
			_, month := p.Months[e.Key]
			_, weekday := p.Weekdays[e.Key]
			if !month && !weekday {
				return lang.Errorf(where[name], e.Line, "[%s] %q is not a month or weekday of [months] or [weekdays]", name, e.Key)
			}
		}
	}
	return nil
}

// CheckLanguage accepts what a language option may say: a registered code,
// or "" or "auto" for "detect it". The error lists the choices.
func CheckLanguage(code string) error {
	if code == "" || code == "auto" {
		return nil
	}
	if _, ok := LookupLanguage(code); ok {
		return nil
	}
	return fmt.Errorf("language %q is not one of %s", code, LanguageChoices())
}

// LanguageChoices names what a language option accepts, for help texts and
// messages: "en, id, ms or auto".
func LanguageChoices() string { return strings.Join(LanguageCodes(), ", ") + " or auto" }

// DefaultLanguage is the language assumed when nothing tells: detection's
// answer on a text without evidence, the reading of metadata in an
// unknown language.
func DefaultLanguage() Language { return languages().fallback.Language }

// owner returns the package a data file belongs to: "claims" for
// "id/claims-attribution.txt", "" for this package's own files.
func owner(p string) string {
	if o, _, ok := strings.Cut(path.Base(p), "-"); ok {
		return o
	}
	return ""
}

// OwnedTables returns the files of a language folder that another package
// reads and checks itself: those named "<owner>-<topic>.txt".
func OwnedTables(code, pkg string) []*lang.Tables {
	l := languages().byCode[code]
	if l == nil {
		return nil
	}
	var out []*lang.Tables
	for _, t := range l.owned {
		if owner(t.Path) == pkg {
			out = append(out, t)
		}
	}
	return out
}
