package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
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

// approvedDB is referenceDB with every event approved, as editors publishing
// the timeline leave it: exports hold approved events only.
func approvedDB(t *testing.T) string {
	t.Helper()
	db := referenceDB(t)
	s, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.DB().Exec("UPDATE events SET review = 'approved'").Error; err != nil {
		t.Fatal(err)
	}
	return db
}

func TestExportCommand(t *testing.T) {
	db := approvedDB(t)

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
	db := approvedDB(t)
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

// An export holds approved events; --include-proposed adds the proposed
// ones, nothing adds the rejected ones, and each run says what it left out.
func TestExportIncludeProposed(t *testing.T) {
	db := referenceDB(t)
	ctx := context.Background()
	s, err := openStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	if err := s.DB().Model(&store.Event{}).Where("merged_into IS NULL AND hidden = ?", false).Order("id").Pluck("id", &ids).Error; err != nil || len(ids) < 3 {
		t.Fatalf("events %v: %v", ids, err)
	}
	for i, state := range []string{"approved", "rejected"} {
		if _, err := s.SetReview(ctx, ids[i], 1, state, nil); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	type event struct {
		ID     int64  `json:"id"`
		Review string `json:"review"`
	}
	type doc struct {
		Events  []event                                    `json:"events"`
		LeftOut struct{ Proposed, Approved, Rejected int } `json:"left_out"`
	}
	exportJSON := func(args ...string) (doc, string) {
		t.Helper()
		stdout, stderr, code := execCLI(t, append([]string{"export", "--db", db, "--format", "json"}, args...)...)
		var d doc
		if code != 0 || json.Unmarshal([]byte(stdout), &d) != nil {
			t.Fatalf("export %q: exit %d: %s", args, code, stderr)
		}
		return d, stderr
	}
	proposed := len(ids) - 2
	d, stderr := exportJSON()
	if len(d.Events) != 1 || d.Events[0].ID != ids[0] || d.Events[0].Review != "approved" ||
		d.LeftOut.Proposed != proposed || d.LeftOut.Rejected != 1 || d.LeftOut.Approved != 0 {
		t.Errorf("default export: %+v, want only #%d and %d proposed and 1 rejected left out", d, ids[0], proposed)
	}
	if want := fmt.Sprintf("left out %d proposed and 1 rejected events", proposed); !strings.Contains(stderr, want) || !strings.Contains(stderr, "--include-proposed") {
		t.Errorf("stderr %q, want %q and the flag that adds them", stderr, want)
	}
	d, stderr = exportJSON("--include-proposed")
	if len(d.Events) != len(ids)-1 || d.LeftOut.Proposed != 0 || d.LeftOut.Rejected != 1 || slices.ContainsFunc(d.Events, func(e event) bool { return e.ID == ids[1] }) {
		t.Errorf("--include-proposed: %d events %+v, want %d without the rejected #%d", len(d.Events), d.LeftOut, len(ids)-1, ids[1])
	}
	if !strings.Contains(stderr, "left out 0 proposed and 1 rejected") {
		t.Errorf("--include-proposed stderr %q", stderr)
	}
	d, _ = exportJSON("--include-proposed", "--review", "proposed")
	if len(d.Events) != proposed || d.LeftOut.Approved != 1 {
		t.Errorf("--review proposed --include-proposed: %d events, left out %+v; want %d and the approved one", len(d.Events), d.LeftOut, proposed)
	}
	stdout, _, code := execCLI(t, "export", "--db", db, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if code != 0 || err != nil || len(rows) != 2 || rows[0][len(rows[0])-1] != "review" || rows[1][len(rows[1])-1] != "approved" {
		t.Errorf("csv: exit %d, %q, %v", code, rows, err)
	}
	for _, bad := range [][]string{{"--review", "rejected"}, {"--include-proposed", "--review", "rejected"}, {"--review", "proposed"}, {"--review", "maybe"}} {
		if _, stderr, code := execCLI(t, append([]string{"export", "--db", db, "--format", "json"}, bad...)...); code != exitUsage || stderr == "" {
			t.Errorf("export %q: exit %d, want %d with a message", bad, code, exitUsage)
		}
	}
}
