package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
)

// execCLI runs the binary's dispatcher in-process.
func execCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(&cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), code
}

// referenceDB ingests the reference article into a new database file.
func referenceDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "cli.db")
	_, stderr, code := execCLI(t, "ingest", "--db", db, "--publisher", "ANTARA", "--published", "2019-12-30",
		"--url", "https://www.antaranews.com/berita/1229851/kim", "--lang", "id", "--quiet",
		"../../testdata/antara-2019-12-30-kim-plenary.txt")
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	return db
}

func TestExportCommand(t *testing.T) {
	db := referenceDB(t)

	stdout, stderr, code := execCLI(t, "export", "--db", db, "--format", "timelinejs")
	var tl struct {
		Events []struct {
			UniqueID string `json:"unique_id"`
		} `json:"events"`
	}
	if code != 0 || json.Unmarshal([]byte(stdout), &tl) != nil || len(tl.Events) == 0 {
		t.Fatalf("export timelinejs: exit %d, %d events, stderr %s", code, len(tl.Events), stderr)
	}

	out := filepath.Join(t.TempDir(), "events.csv")
	if _, stderr, code := execCLI(t, "export", "--db", db, "--format", "csv", "--status", "scheduled", "-o", out); code != 0 {
		t.Fatalf("export csv -o: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][7] != "scheduled" {
		t.Fatalf("scheduled CSV: %q, %v", rows, err)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".events.csv.*")); len(left) != 0 {
		t.Errorf("temporary files left behind: %v", left)
	}

	for _, bad := range [][]string{
		{"--format", "pdf"},
		{},
		{"--format", "json", "--status", "maybe"},
		{"--format", "json", "--from", "yesterday"},
		{"--format", "claimreview"},
		{"--format", "json", "--lang", "fr"},
	} {
		if _, _, code := execCLI(t, append([]string{"export", "--db", db}, bad...)...); code != exitUsage {
			t.Errorf("export %q: exit %d, want %d", bad, code, exitUsage)
		}
	}
	stdout, _, code = execCLI(t, "export", "--db", db, "--format", "claimreview", "--site-url", "https://fl.example")
	if code != 0 || strings.TrimSpace(stdout) != "[]" {
		t.Errorf("claimreview with no verdicts: exit %d, %q", code, stdout)
	}
}

// The export's filter is the timeline's: a tag matches whatever its case,
// statuses come comma-separated or with the flag repeated.
func TestExportFilterFlags(t *testing.T) {
	db := referenceDB(t)
	ctx := context.Background()
	s, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	evs, _, err := s.Timeline(ctx, filter.Filter{}, 0)
	if err != nil || len(evs) < 3 {
		t.Fatalf("%d events, %v", len(evs), err)
	}
	if _, err := s.UpdateEvent(ctx, evs[1].ID, evs[1].Version, store.EventPatch{Tags: &[]string{"korea"}}, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ids := func(flags ...string) []int64 {
		t.Helper()
		stdout, stderr, code := execCLI(t, append([]string{"export", "--db", db, "--format", "json"}, flags...)...)
		var doc struct{ Events []struct{ ID int64 } }
		if code != 0 || json.Unmarshal([]byte(stdout), &doc) != nil {
			t.Fatalf("export %q: exit %d: %s", flags, code, stderr)
		}
		var out []int64
		for _, e := range doc.Events {
			out = append(out, e.ID)
		}
		return out
	}
	want := []int64{evs[1].ID}
	for _, tag := range []string{"korea", "Korea", "KOREA"} {
		if got := ids("--tag", tag); !slices.Equal(got, want) {
			t.Errorf("--tag %s: %v, want %v", tag, got, want)
		}
	}
	joined := ids("--status", "happened,scheduled")
	if got := ids("--status", "happened", "--status", "Scheduled"); len(joined) == 0 || !slices.Equal(got, joined) {
		t.Errorf("--status repeated: %v, comma-separated: %v", got, joined)
	}
	_, stderr, code := execCLI(t, "export", "--db", db, "--format", "json", "--from", "yesterday")
	if code != exitUsage || !strings.Contains(stderr, `from must be a date such as 2019, 2019-12 or 2019-12-28, not "yesterday"`) {
		t.Errorf("--from yesterday: exit %d, %q", code, stderr)
	}
}
