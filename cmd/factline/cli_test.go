package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims/store"
)

// TestMain lets the crash test start this test binary as the factline
// command: with FACTLINE_RUN_MAIN=1 it runs main instead of the tests.
func TestMain(m *testing.M) {
	if os.Getenv("FACTLINE_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// factlineCommand is this test binary started as "factline args...".
func factlineCommand(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "FACTLINE_RUN_MAIN=1")
	return cmd
}

// startFactline starts factline args... and returns its standard output.
func startFactline(t *testing.T, args ...string) (*exec.Cmd, io.ReadCloser) {
	t.Helper()
	cmd := factlineCommand(args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, stdout
}

// runCLI runs the command in-process and returns its exit status and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(&cliEnv{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

func TestHelpAndUsageErrors(t *testing.T) {
	code, out, _ := runCLI(t, "", "help")
	if code != exitOK {
		t.Fatalf("help exited %d", code)
	}
	for _, name := range []string{"serve", "ingest", "extract", "timeline", "migrate", "user", "version", "backup"} {
		if !strings.Contains(out, "\n  "+name+" ") {
			t.Errorf("help does not list %s:\n%s", name, out)
		}
	}
	cases := [][]string{
		{"frobnicate"},
		{"ingest"},
		{"ingest", "--no-such-flag", "x.txt"},
		{"ingest", "--lang", "fr", "x.txt"},
		{"ingest", "--published", "99/99/9999", "x.txt"},
		{"ingest", "--story", "two words", "x.txt"},
		{"migrate", "extra"},
		{"user"},
		{"user", "explode", "bob"},
		{"user", "add"},
		{"backup"},
		{"extract", "a", "b"},
	}
	for _, args := range cases {
		code, _, errOut := runCLI(t, "", args...)
		lines := strings.Split(strings.TrimSpace(errOut), "\n")
		if code != exitUsage || len(lines) != 1 || !strings.HasPrefix(lines[0], "factline") {
			t.Errorf("factline %s: exit %d, stderr %q; want exit 2 and one line", strings.Join(args, " "), code, errOut)
		}
	}
	code, _, errOut := runCLI(t, "", "ingest", "-h")
	if code != exitOK || !strings.Contains(errOut, "-published") {
		t.Errorf("ingest -h: exit %d, %q", code, errOut)
	}
}

func TestMigrateIngestUserAndBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "f.db")
	if code, out, errOut := runCLI(t, "", "migrate", "--db", db); code != exitOK || !strings.Contains(out, "applied 0001_init") {
		t.Fatalf("migrate: %d %q %q", code, out, errOut)
	}
	if code, out, _ := runCLI(t, "", "migrate", "--db", db); code != exitOK || !strings.Contains(out, "up to date") {
		t.Fatalf("second migrate: %d %q", code, out)
	}
	article := filepath.Join(dir, "a.txt")
	text := "JAKARTA, KOMPAS.com - Presiden meresmikan jembatan itu pada Senin (6/1/2020), kata juru bicara istana Ahmad Yani."
	os.WriteFile(article, []byte(text), 0o644)
	code, out, errOut := runCLI(t, "", "ingest", "--db", db, "--publisher", "Kompas", article)
	if code != exitOK || !strings.Contains(out, "stored as #1") {
		t.Fatalf("ingest: %d %q %q", code, out, errOut)
	}
	code, out, _ = runCLI(t, "", "ingest", "--db", db, article)
	if code != exitOK || !strings.Contains(out, "already ingested as #1") {
		t.Fatalf("duplicate ingest: %d %q", code, out)
	}
	code, _, errOut = runCLI(t, "", "ingest", "--db", db, filepath.Join(dir, "missing.txt"))
	if code != exitFail || !strings.Contains(errOut, "missing.txt") {
		t.Fatalf("missing file: %d %q", code, errOut)
	}
	code, out, errOut = runCLI(t, "a long enough password\n", "user", "add", "--db", db, "--role", "admin", "--password-stdin", "alice")
	if code != exitOK || !strings.Contains(out, "alice (admin)") {
		t.Fatalf("user add: %d %q %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "short\n", "user", "add", "--db", db, "--password-stdin", "bob"); code != exitFail || !strings.Contains(errOut, "at least") {
		t.Fatalf("short password: %d %q", code, errOut)
	}
	if code, out, _ := runCLI(t, "", "user", "list", "--db", db); code != exitOK || !strings.Contains(out, "alice") {
		t.Fatalf("user list: %d %q", code, out)
	}
	backup := filepath.Join(dir, "copy.db")
	if code, _, errOut := runCLI(t, "", "backup", "--db", db, backup); code != exitOK {
		t.Fatalf("backup: %d %q", code, errOut)
	}
	s, err := store.Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := s.ArticleByID(context.Background(), 1)
	if err != nil || a.Body != text || a.Publisher != "Kompas" {
		t.Fatalf("article in the backup: %+v %v", a, err)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "", "version")
	if code != exitOK || !strings.HasPrefix(out, "factline ") {
		t.Fatalf("version: %d %q", code, out)
	}
}

// factline user passwd signs the user out everywhere.
func TestUserPasswdEndsSessions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "f.db")
	if code, _, errOut := runCLI(t, "a long enough password\n", "user", "add", "--db", db, "--password-stdin", "ana"); code != exitOK {
		t.Fatalf("user add: %d %q", code, errOut)
	}
	sessions := func() int64 {
		t.Helper()
		s, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var n int64
		if err := s.DB().Table("sessions").Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	u, err := s.Authenticate(context.Background(), "ana", "a long enough password")
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, _, err := s.CreateSession(context.Background(), u.ID, time.Hour); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if code, out, errOut := runCLI(t, "another long password\n", "user", "passwd", "--db", db, "--password-stdin", "ana"); code != exitOK || !strings.Contains(out, "sessions ended") {
		t.Fatalf("user passwd: %d %q %q", code, out, errOut)
	}
	if n := sessions(); n != 0 {
		t.Errorf("%d sessions survive the password change", n)
	}
}

// factline ingest URL fetches only public addresses unless told the
// intranet is meant, and a failed fetch names its URL.
func TestIngestURLGuard(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, "JAKARTA - Presiden meresmikan jembatan itu pada Senin (6/1/2020), kata juru bicara istana.")
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "f.db")
	url := srv.URL + "/story"
	code, _, errOut := runCLI(t, "", "ingest", "--db", db, url)
	if code != exitFail || !strings.Contains(errOut, "factline ingest: "+url+": ") || !strings.Contains(errOut, "not a public address") {
		t.Errorf("ingest of a loopback URL: %d %q", code, errOut)
	}
	if code, out, errOut := runCLI(t, "", "ingest", "--db", db, "--allow-private", url); code != exitOK || !strings.Contains(out, "stored as #1") {
		t.Errorf("ingest --allow-private: %d %q %q", code, out, errOut)
	}
}
