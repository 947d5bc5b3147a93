// Package lang holds everything factline knows about each language as
// embedded data files, one folder per language code ("id", "en", "ms"), and
// reads them. It knows the two file formats, not what the tables mean: the
// packages that use a table (timeline for the temporal lexicon, claims for
// attribution) give each section its meaning and check its values.
//
// Every file opens with a header line naming its format:
//
//	# format: tables 1
//
// A tables file holds sections. "[name]" opens one; each line below it is an
// entry, "key" or "key = value". A key is a word or phrase, matched
// case-insensitively; write it in double quotes when it starts with "#" or
// "[" or holds " = ", or to keep its spaces as written (a quoted key is
// taken verbatim, an unquoted one with its spaces folded). Lines starting with "#" are comments; "# EXAMPLE:"
// comments show an entry in use. Blank lines are ignored.
//
//	# format: examples 1
//
// An examples file holds sentences with the expressions a tagger must find
// in them: "dct: 2019-12-30" sets the publication date of the sentences
// after it, "> text" is a sentence, and each "  text = VALUE [MOD] [TYPE]"
// line below it is one expected expression, in order. A sentence with no
// expression lines must yield none.
package lang

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
)

//go:embed */*.txt
var embedded embed.FS

// Embedded returns the language folders built into the binary.
func Embedded() fs.FS { return embedded }

// Formats of data files, as their header names them.
const (
	FormatTables   = "tables 1"
	FormatExamples = "examples 1"
)

// Error is a defect in a data file: the file, the line (0 for the whole
// file) and what is wrong.
type Error struct {
	Path string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("language data %s: %s", e.Path, e.Msg)
	}
	return fmt.Sprintf("language data %s:%d: %s", e.Path, e.Line, e.Msg)
}

// Errorf returns an Error at path and line.
func Errorf(path string, line int, format string, a ...any) *Error {
	return &Error{Path: path, Line: line, Msg: fmt.Sprintf(format, a...)}
}

// Folder is one language: its code (the folder's name) and its files.
type Folder struct {
	Code     string
	Tables   []*Tables
	Examples []*Examples
}

// Tables is one file of sections.
type Tables struct {
	Path     string
	Sections []*Section
}

// Section is one "[name]" block; its entries keep the order of the file.
type Section struct {
	Name    string
	Line    int
	Entries []Entry
}

// Entry is one line of a section. Value is "" for a bare key.
type Entry struct {
	Key, Value string
	Line       int
}

// Examples is one file of example sentences.
type Examples struct {
	Path      string
	Sentences []Sentence
}

// Sentence is one example: a text, the publication date it is read against
// and the expressions it must yield, in text order.
type Sentence struct {
	Line int
	DCT  time.Time
	Text string
	Want []Expect
}

// Expect is one expected expression: its text and TIMEX3 value, with its
// modifier ("" for none) and, when the file names it, its type.
type Expect struct {
	Line                   int
	Text, Value, Mod, Type string
}

// Load reads every language folder of fsys, in code order. The first
// defect found is returned as an *Error.
func Load(fsys fs.FS) ([]*Folder, error) {
	dirs, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, err
	}
	var out []*Folder
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		f, err := loadFolder(fsys, d.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out, nil
}

// loadFolder reads the files of one language folder.
func loadFolder(fsys fs.FS, code string) (*Folder, error) {
	if !validCode(code) {
		return nil, Errorf(code, 0, "folder name %q is not a language code (two or three lower-case letters)", code)
	}
	names, err := fs.Glob(fsys, code+"/*.txt")
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, Errorf(code, 0, "the folder holds no .txt files")
	}
	folder := &Folder{Code: code}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		format, body, err := header(name, string(data))
		if err != nil {
			return nil, err
		}
		switch format {
		case FormatTables:
			t, err := parseTables(name, body)
			if err != nil {
				return nil, err
			}
			folder.Tables = append(folder.Tables, t)
		case FormatExamples:
			x, err := parseExamples(name, body)
			if err != nil {
				return nil, err
			}
			folder.Examples = append(folder.Examples, x)
		default:
			return nil, Errorf(name, 1, "unknown format %q (want %q or %q)", format, FormatTables, FormatExamples)
		}
	}
	return folder, nil
}

// validCode tells whether s looks like an ISO 639 code.
func validCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// line is one line of a file with its number.
type line struct {
	n    int
	text string
}

// header checks the format line and returns the format and the lines after
// it.
func header(name, data string) (string, []line, error) {
	var lines []line
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		lines = append(lines, line{n, strings.TrimRight(sc.Text(), " \t\r")})
	}
	if err := sc.Err(); err != nil {
		return "", nil, Errorf(name, 0, "%v", err)
	}
	const prefix = "# format: "
	if len(lines) == 0 || !strings.HasPrefix(lines[0].text, prefix) {
		return "", nil, Errorf(name, 1, "the file must open with a %q header line", prefix+"tables 1")
	}
	return strings.TrimSpace(strings.TrimPrefix(lines[0].text, prefix)), lines[1:], nil
}

// parseTables reads the sections of a tables file.
func parseTables(name string, lines []line) (*Tables, error) {
	t := &Tables{Path: name}
	var cur *Section
	seen := map[string]bool{}
	keys := map[string]int{}
	for _, ln := range lines {
		s := strings.TrimSpace(ln.text)
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if strings.HasPrefix(s, "[") {
			if !strings.HasSuffix(s, "]") {
				return nil, Errorf(name, ln.n, "section line %q has no closing ]", s)
			}
			sec := strings.TrimSpace(s[1 : len(s)-1])
			if sec == "" {
				return nil, Errorf(name, ln.n, "empty section name")
			}
			if seen[sec] {
				return nil, Errorf(name, ln.n, "section [%s] appears twice in the file", sec)
			}
			seen[sec] = true
			cur = &Section{Name: sec, Line: ln.n}
			t.Sections = append(t.Sections, cur)
			keys = map[string]int{}
			continue
		}
		if cur == nil {
			return nil, Errorf(name, ln.n, "entry %q comes before any [section]", s)
		}
		e, err := parseEntry(name, ln.n, s)
		if err != nil {
			return nil, err
		}
		folded := strings.ToLower(e.Key)
		if first, dup := keys[folded]; dup {
			return nil, Errorf(name, ln.n, "[%s]: %q is already listed on line %d", cur.Name, e.Key, first)
		}
		keys[folded] = ln.n
		cur.Entries = append(cur.Entries, e)
	}
	return t, nil
}

// parseEntry splits one entry line into key and value.
func parseEntry(name string, n int, s string) (Entry, error) {
	e := Entry{Line: n}
	if strings.HasPrefix(s, `"`) {
		end := strings.Index(s[1:], `"`)
		if end < 0 {
			return e, Errorf(name, n, "quoted key %s has no closing quote", s)
		}
		e.Key = s[1 : end+1]
		rest := strings.TrimSpace(s[end+2:])
		switch {
		case rest == "":
		case strings.HasPrefix(rest, "= "):
			e.Value = strings.TrimSpace(rest[2:])
		default:
			return e, Errorf(name, n, "after the quoted key comes %q; want nothing or \"= value\"", rest)
		}
	} else if k, v, ok := strings.Cut(s, " = "); ok {
		e.Key, e.Value = strings.TrimSpace(k), strings.TrimSpace(v)
	} else {
		if strings.HasSuffix(s, " =") {
			return e, Errorf(name, n, "entry %q has \"=\" but no value", s)
		}
		e.Key = s
	}
	if !strings.HasPrefix(s, `"`) {
		e.Key = strings.Join(strings.Fields(e.Key), " ")
	}
	if strings.TrimSpace(e.Key) == "" {
		return e, Errorf(name, n, "entry has an empty key")
	}
	return e, nil
}

// parseExamples reads an examples file.
func parseExamples(name string, lines []line) (*Examples, error) {
	x := &Examples{Path: name}
	var dct time.Time
	for _, ln := range lines {
		s := strings.TrimSpace(ln.text)
		switch {
		case s == "" || strings.HasPrefix(s, "#"):
		case strings.HasPrefix(s, "dct:"):
			v := strings.TrimSpace(strings.TrimPrefix(s, "dct:"))
			d, err := time.Parse("2006-01-02", v)
			if err != nil {
				return nil, Errorf(name, ln.n, "dct %q is not a date YYYY-MM-DD", v)
			}
			dct = d
		case strings.HasPrefix(s, ">"):
			if dct.IsZero() {
				return nil, Errorf(name, ln.n, "sentence before any \"dct:\" line")
			}
			text := strings.TrimSpace(s[1:])
			if text == "" {
				return nil, Errorf(name, ln.n, "empty sentence")
			}
			x.Sentences = append(x.Sentences, Sentence{Line: ln.n, DCT: dct, Text: text})
		default:
			if len(x.Sentences) == 0 {
				return nil, Errorf(name, ln.n, "expected expression %q before any \"> sentence\" line", s)
			}
			want, err := parseExpect(name, ln.n, s)
			if err != nil {
				return nil, err
			}
			sent := &x.Sentences[len(x.Sentences)-1]
			if !strings.Contains(sent.Text, want.Text) {
				return nil, Errorf(name, ln.n, "expression %q is not in the sentence on line %d", want.Text, sent.Line)
			}
			sent.Want = append(sent.Want, want)
		}
	}
	if len(x.Sentences) == 0 {
		return nil, Errorf(name, 0, "the file holds no sentences")
	}
	return x, nil
}

// timexTypes and timexMods are the TIMEX3 types and modifiers an expected
// expression may name.
var (
	timexTypes = map[string]bool{"DATE": true, "TIME": true, "DURATION": true, "SET": true}
	timexMods  = map[string]bool{"START": true, "MID": true, "END": true, "APPROX": true, "BEFORE": true, "AFTER": true,
		"ON_OR_BEFORE": true, "ON_OR_AFTER": true, "LESS_THAN": true, "MORE_THAN": true, "EQUAL_OR_LESS": true, "EQUAL_OR_MORE": true}
)

// parseExpect reads "text = VALUE [MOD] [TYPE]".
func parseExpect(name string, n int, s string) (Expect, error) {
	e := Expect{Line: n}
	text, rest, ok := strings.Cut(s, " = ")
	if !ok {
		return e, Errorf(name, n, "expected expression %q is not \"text = VALUE\"", s)
	}
	e.Text = strings.TrimSpace(text)
	for _, w := range strings.Fields(rest) {
		switch {
		case timexTypes[w] && e.Type == "":
			e.Type = w
		case timexMods[w] && e.Mod == "":
			e.Mod = w
		case e.Value == "":
			e.Value = w
		default:
			return e, Errorf(name, n, "%q after the value: want a TIMEX3 modifier or type", w)
		}
	}
	if e.Text == "" || e.Value == "" {
		return e, Errorf(name, n, "expected expression %q needs a text and a value", s)
	}
	return e, nil
}
