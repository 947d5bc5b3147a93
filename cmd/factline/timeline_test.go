package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// storyLines is a two-language story as extract --jsonl lines: both
// articles tell the loss of contact, at clock times that disagree.
func storyLines(t *testing.T) (string, map[string]string) {
	t.Helper()
	texts := map[string]string{
		"kompas-1":  "JAKARTA, KOMPAS — Pesawat AirAsia QZ8501 hilang kontak pada Minggu (28/12/2014) pukul 06.18 WIB di atas Laut Jawa. Presiden Joko Widodo meresmikan pasar Wonokromo di Surabaya pada Senin (29/12/2014).",
		"reuters-1": "JAKARTA (Reuters) - AirAsia flight QZ8501 lost contact with air traffic control at 6:14 a.m. on Sunday over the Java Sea, the transport ministry said.",
	}
	var b strings.Builder
	for _, l := range []struct{ id, lang, dct string }{{"kompas-1", "id", "2014-12-28"}, {"reuters-1", "en", "2014-12-29"}} {
		line, err := json.Marshal(map[string]string{"id": l.id, "lang": l.lang, "dct": l.dct, "text": texts[l.id]})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteString("\n")
	}
	return b.String(), texts
}

func TestTimelineJSONL(t *testing.T) {
	in, texts := storyLines(t)
	code, stdout, stderr := runCLI(t, in, "timeline", "--jsonl")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Events []struct {
			ID, Value, Mod, Precision, Status, Headline string
			Disagree                                    *bool
			Sources                                     []struct {
				Doc        string
				Start, End int
				Value      string
			}
		}
		Proposals []struct {
			Events [2]string
			Score  float64
			Reason string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || strings.Count(strings.TrimSpace(stdout), "\n") != 0 {
		t.Fatalf("want one JSON object: %v\n%s", err, stdout)
	}
	var lost int
	for _, e := range out.Events {
		if e.ID == "" || e.Value == "" || e.Precision == "" || e.Status == "" || e.Headline == "" || e.Disagree == nil || len(e.Sources) == 0 {
			t.Errorf("event lacks a field: %+v", e)
		}
		for _, s := range e.Sources {
			text, ok := texts[s.Doc]
			if !ok || s.Start < 0 || s.Start >= s.End || s.End > len(text) || s.Value == "" {
				t.Errorf("source %+v does not point into its document", s)
				continue
			}
			if e.Disagree != nil && *e.Disagree && !strings.Contains(text[s.Start:s.End], "QZ8501") {
				t.Errorf("the disagreeing event holds %q", text[s.Start:s.End])
			}
		}
		if len(e.Sources) == 2 {
			lost++
			if !*e.Disagree || e.Value != "2014-12-28" {
				t.Errorf("06.18 and 6:14 are one event whose sources disagree on the 28th: %+v", e)
			}
			if e.Sources[0].Doc != "kompas-1" || e.Sources[0].Value != "2014-12-28T06:18" || e.Sources[1].Value != "2014-12-28T06:14" {
				t.Errorf("each source keeps its own date: %+v", e.Sources)
			}
		}
	}
	if lost != 1 || len(out.Events) < 2 {
		t.Errorf("want the loss of contact linked across languages and the market apart: %s", stdout)
	}
	if out.Proposals == nil {
		t.Error("proposals must be a list, even empty")
	}
}

func TestTimelineFormatsFromFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("01.txt", "Pesawat QZ8501 hilang kontak\n\nJAKARTA, KOMPAS — Pesawat AirAsia QZ8501 hilang kontak pada Minggu (28/12/2014) pukul 06.18 WIB di atas Laut Jawa.\n")
	write("02.txt", "Pencarian QZ8501\n\nJAKARTA, KOMPAS — Pesawat AirAsia QZ8501 hilang kontak pada Minggu (28/12/2014) pagi. Basarnas memulai pencarian pada Senin (29/12/2014).\n")
	write("notes.md", "not an article")
	code, stdout, stderr := runCLI(t, "", "timeline", "--story", "QZ8501 <hilang>", "--format", "timelinejs", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var tl struct {
		Title struct {
			Text struct{ Headline string }
		}
		Events []struct {
			Text struct{ Headline, Text string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &tl); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if !strings.Contains(tl.Title.Text.Headline, "QZ8501") || strings.Contains(tl.Title.Text.Headline, "<hilang>") {
		t.Errorf("title slide %q: want the story's name, escaped", tl.Title.Text.Headline)
	}
	// Two articles tell the loss of contact: one slide with both.
	if len(tl.Events) != 2 || strings.Count(tl.Events[0].Text.Text, "KOMPAS") != 2 {
		t.Errorf("want the loss of contact as one slide of two sources and the search: %s", stdout)
	}
	code, stdout, stderr = runCLI(t, "", "timeline", "--format", "csv", filepath.Join(dir, "01.txt"), filepath.Join(dir, "02.txt"))
	if code != exitOK || !strings.HasPrefix(stdout, "id,") || strings.Count(strings.TrimSpace(stdout), "\n") != 2 {
		t.Errorf("csv: exit %d, %s\n%s", code, stderr, stdout)
	}
}

// The timeline of a folder, as JSON and as CSV, marks the events whose
// sources disagree with each source's date: the gold story's first and
// third reports say the ferry left at 21.40 and at 22.10.
func TestTimelineFormatsCarryDisagreement(t *testing.T) {
	dir := "../../testdata/stories/sinar-bahari"
	code, stdout, stderr := runCLI(t, "", "timeline", "--format", "json", dir)
	if code != exitOK {
		t.Fatalf("json: exit %d: %s", code, stderr)
	}
	var doc struct {
		Events []struct {
			ID       int64
			Disagree bool
			Sources  []struct {
				Sentence, Value string
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	departure := int64(0)
	for _, ev := range doc.Events {
		var values []string
		for _, src := range ev.Sources {
			values = append(values, src.Value)
			if strings.Contains(src.Sentence, "pukul 21.40 Wita") {
				departure = ev.ID
			}
		}
		if departure == ev.ID && (!ev.Disagree || !slices.Contains(values, "2025-03-03T21:40") || !slices.Contains(values, "2025-03-03T22:10")) {
			t.Errorf("the departure: disagree %v, sources give %q", ev.Disagree, values)
		}
	}
	if departure == 0 {
		t.Fatal("no event holds the departure at 21.40")
	}
	code, stdout, stderr = runCLI(t, "", "timeline", "--format", "csv", dir)
	if code != exitOK {
		t.Fatalf("csv: exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil || len(rows) != len(doc.Events)+1 {
		t.Fatalf("%d CSV rows for %d events, %v", len(rows)-1, len(doc.Events), err)
	}
	disagree, dates := slices.Index(rows[0], "disagree"), slices.Index(rows[0], "source_dates")
	if disagree < 0 || dates < 0 {
		t.Fatalf("CSV header %q", rows[0])
	}
	found := false
	for _, row := range rows[1:] {
		if row[0] == strconv.FormatInt(departure, 10) {
			found = true
			if row[disagree] != "true" || !strings.Contains(row[dates], "=2025-03-03T21:40") || !strings.Contains(row[dates], "=2025-03-03T22:10") {
				t.Errorf("the departure's CSV row: disagree %q, source_dates %q", row[disagree], row[dates])
			}
		}
	}
	if !found {
		t.Error("the departure has no CSV row")
	}
}

func TestTimelineBadInput(t *testing.T) {
	dir := t.TempDir()
	notArticle := filepath.Join(dir, "notes.md")
	os.WriteFile(notArticle, []byte("x"), 0o644)
	cases := []struct {
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"", []string{"timeline"}, exitUsage, "name the article files"},
		{"", []string{"timeline", "--format", "claimreview", dir}, exitUsage, "--format"},
		{"", []string{"timeline", "--jsonl", "--format", "csv"}, exitUsage, "--jsonl"},
		{"", []string{"timeline", "--lang", "xx", dir}, exitUsage, "--lang"},
		{"", []string{"timeline", notArticle}, exitUsage, "notes.md"},
		{"", []string{"timeline", filepath.Join(dir, "missing.txt")}, exitFail, "missing.txt"},
		{"", []string{"timeline", "--jsonl"}, exitFail, "no articles"},
		{"{\"id\":\"a\",\"text\":\"x\"\n", []string{"timeline", "--jsonl"}, exitFail, "line 1: invalid JSON"},
		{"{\"id\":\"a\",\"dct\":\"28/12/2014\",\"text\":\"Pesawat hilang kontak.\"}\n", []string{"timeline", "--jsonl"}, exitFail, "line 1: dct"},
		{"{\"id\":\"a\",\"text\":\"Pesawat hilang kontak.\"}\n{\"id\":\"a\",\"text\":\"Lagi.\"}\n", []string{"timeline", "--jsonl"}, exitFail, "line 2: id \"a\""},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(t, c.stdin, c.args...)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if code != c.code || len(lines) != 1 || !strings.HasPrefix(lines[0], "factline timeline: ") || !strings.Contains(lines[0], c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and one line about %q", c.args, code, stderr, c.code, c.want)
		}
	}
}
