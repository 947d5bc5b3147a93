package timeline

import (
	"strings"
	"testing"
	"testing/fstest"
)

// minimal is the smallest folder the loader accepts.
const minimal = "# format: tables 1\n[language]\nname = Testish\ndefault = yes\n"

const minimalExamples = "# format: examples 1\ndct: 2020-01-02\n> Nothing here.\n"

func TestLoadRegistry(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		fsys := fstest.MapFS{
			"xx/language.txt": {Data: []byte(minimal)},
			"xx/calendar.txt": {Data: []byte("# format: tables 1\n# EXAMPLE: \"Maartz 5\"\n[months]\nmaartz = 3\n\n[holidays]\nfeast = 03-05\nthe feast = feast\nharvest = 2019-09-13 2020-10-01\n")},
			"xx/examples.txt": {Data: []byte(minimalExamples)},
			"xx/dates.txt":    {Data: []byte(minimalDates)},
			// Another package's file: left to it, whatever its sections.
			"xx/other-words.txt": {Data: []byte("# format: tables 1\n[cues-after]\nkata\n")},
		}
		r, err := loadRegistry(fsys)
		if err != nil {
			t.Fatal(err)
		}
		p := r.byCode["xx"].lex.pack
		if p.Months["maartz"] != 3 || p.Holidays["the feast"].Month != 3 || p.Holidays["harvest"].Dates[2020] != "10-01" {
			t.Errorf("pack = %+v", p)
		}
		if got := r.fallback.Code; got != "xx" {
			t.Errorf("default = %q", got)
		}
		if owned := r.byCode["xx"].owned; len(owned) != 1 || owned[0].Sections[0].Name != "cues-after" {
			t.Errorf("owned files %+v", owned)
		}
	})
	for _, tt := range []struct {
		name string
		fsys fstest.MapFS
		want string
	}{
		{"NoHeader", fstest.MapFS{"xx/language.txt": {Data: []byte("[language]\nname = X\n")}},
			"xx/language.txt:1: the file must open with"},
		{"UnknownFormat", fstest.MapFS{"xx/language.txt": {Data: []byte("# format: yaml 2\n")}},
			`xx/language.txt:1: unknown format "yaml 2"`},
		{"UnknownSection", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[monthz]\njan = 1\n")}},
			"xx/language.txt:5: unknown section [monthz]"},
		{"NotANumber", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[months]\njan = one\n")}},
			`xx/language.txt:6: [months] "jan": "one" is not a whole number`},
		{"BadUnit", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[units]\nfortnight = fortnight\n")}},
			`xx/language.txt:6: [units] "fortnight": unit "fortnight" is not one of`},
		{"BadMod", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[mods]\nlate = LATE\n")}},
			`"LATE" is not a TIMEX3 modifier`},
		{"BadRef", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[refs]\nnow = NOW\n")}},
			`xx/language.txt:6: [refs] "now": "NOW" is not one of PRESENT_REF, PAST_REF, FUTURE_REF`},
		{"ValueInList", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[sets]\nevery = 1\n")}},
			`xx/language.txt:6: [sets] "every": this section is a list of words`},
		{"Duplicate", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[sets]\nevery\nEvery\n")}},
			`xx/language.txt:7: [sets]: "Every" is already listed on line 6`},
		{"SectionInTwoFiles", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[sets]\nevery\n")}, "xx/more.txt": {Data: []byte("# format: tables 1\n[sets]\neach\n")}},
			"xx/more.txt:2: section [sets] is already in xx/language.txt"},
		{"EntryBeforeSection", fstest.MapFS{"xx/language.txt": {Data: []byte("# format: tables 1\nname = X\n")}},
			`xx/language.txt:2: entry "name = X" comes before any [section]`},
		{"BadHoliday", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[holidays]\nfeast = spring\n")}},
			`xx/language.txt:6: [holidays] "feast": "spring" is neither a date`},
		{"BadShift", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[shifts]\nago = back\n")}},
			`xx/language.txt:6: [shifts] "ago": shift "back"`},
		{"CapitalNotAName", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[names-need-capital]\nmay\n")}},
			`xx/language.txt:6: [names-need-capital] "may" is not a month or weekday`},
		{"BadOffset", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[zone-offsets]\nWIB = +7\n")}},
			`xx/language.txt:6: [zone-offsets] "WIB": "+7" is not a UTC offset such as +0700`},
		{"BadGrammar", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "[grammar]\ndeictic-after-unit = sometimes\n")}},
			`xx/language.txt:6: deictic-after-unit = "sometimes": want yes or no`},
		{"NoName", fstest.MapFS{"xx/cues.txt": {Data: []byte("# format: tables 1\n[sets]\nevery\n")}},
			"xx/language.txt: the folder has no [language] section with a name"},
		{"NoDefault", fstest.MapFS{"xx/language.txt": {Data: []byte("# format: tables 1\n[language]\nname = X\n")}},
			"no language says default = yes"},
		{"UnknownNear", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal + "near = zz\n")}},
			"xx/language.txt: near = zz names no language folder"},
		{"BadFolderName", fstest.MapFS{"Xx1/language.txt": {Data: []byte(minimal)}},
			`folder name "Xx1" is not a language code`},
		{"ExampleNotInSentence", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal)}, "xx/examples.txt": {Data: []byte(minimalExamples + "  tomorrow = 2020-01-03\n")}},
			`xx/examples.txt:4: expression "tomorrow" is not in the sentence on line 3`},
		{"ExampleBadDCT", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal)}, "xx/examples.txt": {Data: []byte("# format: examples 1\ndct: 30/12/2019\n")}},
			`xx/examples.txt:2: dct "30/12/2019" is not a date YYYY-MM-DD`},
		{"ExampleTwoValues", fstest.MapFS{"xx/language.txt": {Data: []byte(minimal)}, "xx/examples.txt": {Data: []byte("# format: examples 1\ndct: 2020-01-02\n> Here now.\n  now = PRESENT_REF 2020\n")}},
			`xx/examples.txt:4: "2020" after the value`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadRegistry(tt.fsys)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v; want one containing %q", err, tt.want)
			}
		})
	}
}

// TestEmbeddedLanguages checks the data built into the binary loads and
// that the registry answers from it.
func TestEmbeddedLanguages(t *testing.T) {
	if err := LoadLanguages(); err != nil {
		t.Fatal(err)
	}
	codes := LanguageCodes()
	for _, want := range []string{"en", "id", "ms"} {
		l, ok := LookupLanguage(want)
		if !ok || l.Name == "" || l.Code != want {
			t.Errorf("LookupLanguage(%q) = %+v, %v", want, l, ok)
		}
	}
	if id, _ := LookupLanguage("id"); id.ZoneOffsets["WITA"] != "+0800" || id.MonthFirstNumericDates {
		t.Errorf("id metadata conventions: %+v", id)
	}
	if en, _ := LookupLanguage("en"); !en.MonthFirstNumericDates {
		t.Errorf("en reads numeric dates day first")
	}
	if len(Languages()) != len(codes) {
		t.Errorf("Languages() and LanguageCodes() disagree: %v", codes)
	}
	if _, ok := LookupLanguage("auto"); ok {
		t.Error(`"auto" is a language`)
	}
}
