package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeDemo starts "factline serve --demo" as a child process on a new
// database, signs in with the demo account it prints, finds the sample
// articles' events on the timeline API, and stops it with SIGTERM.
func TestServeDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	cmd, stdout := startFactline(t, "serve", "--demo", "--demo-dir", "../../testdata", "--db", db, "--addr", "127.0.0.1:0")
	exited := make(chan error, 1)
	defer cmd.Process.Kill() // a no-op once it has exited

	var base, password string
	var samples []string
	sc := bufio.NewScanner(stdout)
	for base == "" && sc.Scan() {
		line := sc.Text()
		if m := regexp.MustCompile(`as demo with password (\S+)`).FindStringSubmatch(line); m != nil {
			password = m[1]
		}
		if _, story, ok := strings.Cut(line, "Sample story: "); ok {
			samples = append(samples, story)
		}
		if _, addr, ok := strings.Cut(line, "serving on "); ok {
			base = addr
		}
	}
	go func() { io.Copy(io.Discard, stdout); exited <- cmd.Wait() }()
	if base == "" || password == "" {
		t.Fatalf("serve printed no address (%q) or demo password (%q)", base, password)
	}

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	res, err := client.Get(base + "/healthz")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("/healthz: %v %v", res, err)
	}
	res.Body.Close()
	res, err = client.Get(base + "/login")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	m := regexp.MustCompile(`name="csrf_token" value="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatal("the login page has no CSRF token")
	}
	res, err = client.PostForm(base+"/login", url.Values{"username": {"demo"}, "password": {password}, "csrf_token": {string(m[1])}})
	if err != nil || res.StatusCode != http.StatusOK || res.Request.URL.Path == "/login" {
		t.Fatalf("signing in as demo: %v (ended at %v)", err, res.Request.URL)
	}
	res.Body.Close()
	res, err = client.Get(base + "/api/v1/timeline")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("/api/v1/timeline: %v %v", res, err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), `"2019-12-28"`) {
		t.Errorf("the demo timeline lacks the reference article's 2019-12-28 event: %.300s", body)
	}
	var anyJSON map[string]any
	if err := json.Unmarshal(body, &anyJSON); err != nil {
		t.Fatalf("timeline is not JSON: %v", err)
	}
	// The reference article's events are approved, so the export holds
	// them; the other samples' wait, proposed, for an editor.
	res, err = client.Get(base + "/api/v1/export?format=json")
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("/api/v1/export: %v %v", res, err)
	}
	type event struct {
		Date struct{ Value string } `json:"date"`
	}
	var doc struct {
		Events  []event                `json:"events"`
		LeftOut struct{ Proposed int } `json:"left_out"`
	}
	err = json.NewDecoder(res.Body).Decode(&doc)
	res.Body.Close()
	if err != nil || !slices.ContainsFunc(doc.Events, func(e event) bool { return e.Date.Value == "2019-12-28" }) || doc.LeftOut.Proposed == 0 || res.Header.Get("Factline-Left-Out") == "" {
		t.Errorf("the demo export: %d events, %d proposed left out (header %q), %v; want the reference article's 2019-12-28 event and the other samples left out",
			len(doc.Events), doc.LeftOut.Proposed, res.Header.Get("Factline-Left-Out"), err)
	}

	// The sample stories come titled, each report with its title and
	// date, and the server says where each story's timeline is.
	if !slices.Contains(samples, base+"/timeline?story=kasuari-614") {
		t.Errorf("serve printed the sample stories %q, want the kasuari-614 timeline among them", samples)
	}
	get := func(path string, v any) {
		t.Helper()
		res, err := client.Get(base + path)
		if err != nil || res.StatusCode != http.StatusOK {
			t.Fatalf("%s: %v %v", path, res, err)
		}
		defer res.Body.Close()
		if err := json.NewDecoder(res.Body).Decode(v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	var story struct {
		Story    struct{ Title string }
		Articles []struct{ ID int64 }
	}
	get("/api/v1/stories/kasuari-614", &story)
	if story.Story.Title != "Kasuari Air KS 614 runway excursion at Sentani" || len(story.Articles) != 7 {
		t.Errorf("the sample story is %q with %d articles, want its title and 7", story.Story.Title, len(story.Articles))
	}
	var list struct {
		Articles []struct {
			ID        int64
			Title     string
			Published string
		}
		Total int
	}
	get("/api/v1/articles?limit=100", &list)
	for _, a := range list.Articles {
		if a.Title == "" || a.Published == "" {
			t.Errorf("sample article %d has title %q, published %v", a.ID, a.Title, a.Published)
		}
	}
	if list.Total < 40 {
		t.Errorf("the demo holds %d articles", list.Total)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("serve did not shut down cleanly on SIGTERM: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve still running 20 s after SIGTERM")
	}
}

// TestServeDemoBusyPort starts "factline serve --demo" on a port that is
// taken: it exits with a line on stderr before it makes the demo account,
// so the account and its password are made by the run that starts.
func TestServeDemoBusyPort(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	db := filepath.Join(t.TempDir(), "demo.db")
	var stdout, stderr bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr}
	if code := run(env, []string{"serve", "--demo", "--demo-dir", "../../testdata", "--db", db, "--addr", busy.Addr().String(), "--feed-interval", "0"}); code != exitFail {
		t.Fatalf("exit %d on a busy port, want %d; stderr %s", code, exitFail, stderr.String())
	}
	if !strings.Contains(stderr.String(), "address already in use") {
		t.Errorf("stderr does not say why: %s", stderr.String())
	}
	if strings.Contains(stdout.String(), "password") {
		t.Errorf("a password was printed by a run that did not start: %s", stdout.String())
	}
	s, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, err := s.CountUsers(context.Background()); err != nil || n != 0 {
		t.Errorf("%d accounts after the failed start (%v), want 0", n, err)
	}
}

// A second "serve --demo" on the same database prints no password (it was
// printed once) but says how to sign in and how to set a new one.
func TestServeDemoAgain(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	serveUntilReady := func() []string {
		t.Helper()
		cmd, stdout := startFactline(t, "serve", "--demo", "--demo-dir", "../../testdata", "--db", db, "--addr", "127.0.0.1:0")
		defer func() { cmd.Process.Signal(syscall.SIGTERM); io.Copy(io.Discard, stdout); cmd.Wait() }()
		var lines []string
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines = append(lines, sc.Text())
			if strings.Contains(sc.Text(), "serving on ") {
				break
			}
		}
		return lines
	}
	first := strings.Join(serveUntilReady(), "\n")
	if !strings.Contains(first, "as demo with password ") {
		t.Fatalf("the first start printed no password:\n%s", first)
	}
	again := strings.Join(serveUntilReady(), "\n")
	if strings.Contains(again, "with password ") || !strings.Contains(again, "factline user passwd --password-stdin demo") {
		t.Errorf("the second start printed:\n%s", again)
	}
}
