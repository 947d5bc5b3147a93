package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExtractJSONL runs "factline extract --jsonl" on the reference article
// and a broken line, and checks the per-document contract: the scorer's
// fields unchanged in shape, plus claims, events and article with byte
// offsets into the input text.
func TestExtractJSONL(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "..", "testdata", "antara-2019-12-30-kim-plenary.txt"))
	if err != nil {
		t.Fatal(err)
	}
	line, _ := json.Marshal(map[string]string{"id": "kim", "lang": "id", "dct": "2019-12-30", "text": string(text)})
	var stdout, stderr bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(string(line) + "\n{not json\n"), stdout: &stdout, stderr: &stderr}
	if code := run(env, []string{"extract", "--jsonl"}); code != exitFail {
		t.Fatalf("exit %d, want %d for a batch with a bad line; stderr %s", code, exitFail, stderr.String())
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d output lines, want 2", len(lines))
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(lines[0]), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "dct", "lang", "timexes", "claims", "events", "article"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("output lacks %q", k)
		}
	}
	var out struct {
		ID      string `json:"id"`
		DCT     string `json:"dct"`
		Lang    string `json:"lang"`
		Timexes []struct {
			ID         string `json:"id"`
			Start, End int
		} `json:"timexes"`
		Claims []struct {
			ID, Kind, Speaker, Role, Cue string
			Start, End                   int
			Quote                        *bool
			TimexIDs                     []string `json:"timex_ids"`
		} `json:"claims"`
		Events []struct {
			ID, Value, Mod, Precision, Status, Headline string
			ClaimID                                     *string `json:"claim_id"`
			Evidence                                    *struct{ Start, End int }
		} `json:"events"`
		Article struct {
			Publisher, Dateline string
			Credits             map[string]string
			Boilerplate         []struct{ Start, End int }
		} `json:"article"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &out); err != nil {
		t.Fatal(err)
	}
	if out.ID != "kim" || out.DCT != "2019-12-30" || out.Lang != "id" {
		t.Errorf("id/dct/lang %q %q %q", out.ID, out.DCT, out.Lang)
	}
	valid := func(what string, s, e int) {
		if s < 0 || s >= e || e > len(text) {
			t.Errorf("%s span [%d,%d) outside the %d-byte text", what, s, e, len(text))
		}
	}
	for _, c := range out.Claims {
		valid("claim "+c.ID, c.Start, c.End)
		if c.Kind == "" || c.Quote == nil || c.TimexIDs == nil {
			t.Errorf("claim %s lacks kind, quote or timex_ids", c.ID)
		}
	}
	for _, e := range out.Events {
		if e.Evidence == nil || e.ClaimID == nil || e.Value == "" || e.Precision == "" || e.Status == "" || e.Headline == "" {
			t.Errorf("event %s incomplete: %+v", e.ID, e)
			continue
		}
		valid("event "+e.ID, e.Evidence.Start, e.Evidence.End)
	}
	for _, b := range out.Article.Boilerplate {
		valid("boilerplate", b.Start, b.End)
	}
	if out.Article.Publisher != "ANTARA" || out.Article.Dateline != "Seoul" || out.Article.Credits["wire_source"] != "Reuters" {
		t.Errorf("article %+v", out.Article)
	}
	if len(out.Claims) == 0 || len(out.Article.Boilerplate) == 0 {
		t.Errorf("no claims or boilerplate found")
	}

	var bad map[string]json.RawMessage
	if err := json.Unmarshal([]byte(lines[1]), &bad); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"error", "timexes", "claims", "events"} {
		if _, ok := bad[k]; !ok {
			t.Errorf("error line lacks %q: %s", k, lines[1])
		}
	}
}

// TestExtractJSONLWorkers runs a batch of the testdata articles with bad
// lines among them on one worker and on several: the output and the error
// lines on stderr are the same, in input order, whatever the workers.
func TestExtractJSONLWorkers(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "articles", "*.txt"))
	if len(files) < 4 {
		t.Fatalf("%d testdata articles, want at least 4", len(files))
	}
	var in strings.Builder
	for i, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(map[string]string{"id": filepath.Base(f), "text": string(text)})
		in.Write(append(line, '\n'))
		if i%3 == 1 {
			in.WriteString("{not json " + filepath.Base(f) + "\n")
		}
	}
	runWith := func(workers string) (string, string) {
		var stdout, stderr bytes.Buffer
		env := &cliEnv{stdin: strings.NewReader(in.String()), stdout: &stdout, stderr: &stderr}
		if code := run(env, []string{"extract", "--jsonl", "--workers", workers}); code != exitFail {
			t.Fatalf("--workers %s: exit %d, want %d; stderr %s", workers, code, exitFail, stderr.String())
		}
		return stdout.String(), stderr.String()
	}
	out1, err1 := runWith("1")
	out4, err4 := runWith("4")
	if out1 != out4 {
		t.Error("the output of four workers differs from one worker's")
	}
	if err1 != err4 {
		t.Errorf("stderr of four workers:\n%s\ndiffers from one worker's:\n%s", err4, err1)
	}
	if n, want := strings.Count(out1, "\n"), len(files)+(len(files)+1)/3; n != want {
		t.Errorf("%d output lines, want %d", n, want)
	}
	for i, f := range files {
		if !strings.Contains(strings.Split(out1, "\n")[i+(i+1)/3], `"id":"`+filepath.Base(f)+`"`) {
			t.Errorf("line for %s out of order", filepath.Base(f))
		}
	}
}

// TestExtractMalay tags a Malay news paragraph with --lang ms and with
// detection: "semalam" is yesterday, "minggu lepas" last week, "hujung" the
// end, and Thursday lies ahead of "akan".
func TestExtractMalay(t *testing.T) {
	const para = "KUALA LUMPUR, 30 Dis (Bernama) -- Perdana Menteri berkata kerajaan akan membentangkan pakej rangsangan ekonomi pada Khamis. " +
		"Beliau berkata demikian kepada pemberita selepas mesyuarat kabinet semalam, yang turut membincangkan banjir yang melanda Kelantan sejak minggu lepas. " +
		"Pakej itu dijangka berkuat kuasa mulai 1 Januari 2020 dan berakhir pada hujung tahun depan, kata beliau.\n"
	want := []string{"30 Dis=2019-12-30", "Khamis=2020-01-02", "semalam=2019-12-29", "minggu lepas=2019-W52",
		"1 Januari 2020=2020-01-01", "hujung tahun depan=2020 END"}
	for _, lang := range []string{"ms", "auto"} {
		var stdout, stderr bytes.Buffer
		env := &cliEnv{stdin: strings.NewReader(para), stdout: &stdout, stderr: &stderr}
		if code := run(env, []string{"extract", "--lang", lang, "--dct", "2019-12-30"}); code != exitOK {
			t.Fatalf("--lang %s: exit %d; stderr %s", lang, code, stderr.String())
		}
		var out struct {
			Lang    string `json:"lang"`
			Timexes []struct{ Text, Value, Mod string }
		}
		if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, x := range out.Timexes {
			s := x.Text + "=" + x.Value
			if x.Mod != "" {
				s += " " + x.Mod
			}
			got = append(got, s)
		}
		if out.Lang != "ms" || strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("--lang %s: lang %q, timexes %v; want ms, %v", lang, out.Lang, got, want)
		}
	}
}

// TestExtractUnknownLanguage refuses a language no folder declares, naming
// the choices.
func TestExtractUnknownLanguage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader("Bonjour.\n"), stdout: &stdout, stderr: &stderr}
	if code := run(env, []string{"extract", "--lang", "fr"}); code != exitUsage {
		t.Fatalf("exit %d; want %d", code, exitUsage)
	}
	if msg := stderr.String(); !strings.Contains(msg, `language "fr" is not one of en, id, ms or auto`) || strings.Count(msg, "\n") != 1 {
		t.Errorf("stderr %q", msg)
	}
}
