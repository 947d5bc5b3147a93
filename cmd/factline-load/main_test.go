package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
	"github.com/factline/factline/web"
)

func TestOnlyLoopbackTargets(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:8080", "http://127.0.0.2:1/x?y", "http://[::1]:8080", "http://localhost:8080", "https://localhost"} {
		if _, err := loopbackURL(ok); err != nil {
			t.Errorf("%s refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"http://example.com", "http://10.0.0.1:8080", "http://127.0.0.1.nip.io", "http://0.0.0.0:8080",
		"http://[::]:80", "ftp://127.0.0.1", "127.0.0.1:8080", "http://localhost.example.com"} {
		if _, err := loopbackURL(bad); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	if _, err := parseArgs([]string{"-url", "http://192.0.2.1", "-user", "u", "-password", "p"}, io.Discard); err == nil ||
		!strings.Contains(err.Error(), "loopback") {
		t.Errorf("a remote -url = %v, want a refusal", err)
	}
}

func TestMix(t *testing.T) {
	for _, bad := range []string{"1,2,3", "a,b,c,d", "-1,1,1,1", "0,0,0,0"} {
		if _, err := parseMix(bad); err == nil {
			t.Errorf("-mix %s accepted", bad)
		}
	}
	m, err := parseMix("0,0,0,1")
	if err != nil || m.pick(rand.New(rand.NewPCG(1, 2))) != kindEdit {
		t.Errorf("-mix 0,0,0,1 = %v, %v", m, err)
	}
}

// loadPassword is the password of the editor "load" that loadTarget makes.
const loadPassword = "load test password"

// loadTarget returns a web server over a new SQLite store with the editor
// account the load runs sign in as.
func loadTarget(t *testing.T) *web.Server {
	t.Helper()
	st := storetest.SQLite(t)
	if _, err := st.CreateUser(context.Background(), "load", loadPassword, store.RoleEditor); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{Store: st, Tokens: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

// TestRunAgainstAServer seeds a real server through its API, drives it
// briefly with every kind of request and wants no error and a report.
func TestRunAgainstAServer(t *testing.T) {
	srv := loadTarget(t)
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	cfg, err := parseArgs([]string{"-url", hs.URL, "-user", "load", "-password", loadPassword, "-clients", "4",
		"-duration", "1s", "-seed", "40", "-hot", "3", "-mix", "1,1,1,1"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	rep, err := run(context.Background(), cfg, &log)
	if err != nil {
		t.Fatalf("%v\n%s", err, log.String())
	}
	var out bytes.Buffer
	rep.print(&out)
	if rep.errorCount() != 0 || rep.events != 40 || len(rep.latency[kindEdit]) == 0 || len(rep.latency[kindTimeline]) == 0 {
		t.Errorf("run report:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "p99") || !strings.Contains(out.String(), "errors: 0") {
		t.Errorf("report lacks its figures:\n%s", out.String())
	}
	if rep.elapsed > time.Minute {
		t.Errorf("a 1s run took %s", rep.elapsed)
	}
}

// TestStopsWhenTheServerIsGone takes the server away mid-run: the clients
// back off and the run stops with an error, after a bounded number of
// unanswered requests rather than one per client per moment until the end.
func TestStopsWhenTheServerIsGone(t *testing.T) {
	srv := loadTarget(t)
	// The server goes away once the run proper has read 20 events.
	var hs *httptest.Server
	var reads atomic.Int32
	var closing sync.Once
	hs = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == "GET" && strings.HasPrefix(r.URL.Path, "/api/v1/events/") && reads.Add(1) == 20 {
			closing.Do(func() { go hs.Close() })
		}
		srv.Handler().ServeHTTP(w, r)
	}))
	defer hs.Close()
	cfg, err := parseArgs([]string{"-url", hs.URL, "-user", "load", "-password", loadPassword, "-clients", "4",
		"-duration", "10m", "-seed", "10", "-mix", "1,1,0,0"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := run(context.Background(), cfg, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "stopped answering") {
		t.Fatalf("run against a server that went away: %v", err)
	}
	// Each client's waits double from firstBackoff to maxBackoff, so over
	// maxOutage a client sends at most this many unanswered requests.
	perClient := 0
	for wait, spent := firstBackoff, time.Duration(0); spent < maxOutage+maxBackoff; wait = min(2*wait, maxBackoff) {
		spent += wait
		perClient++
	}
	if n, limit := rep.errorCount(), cfg.clients*(perClient+1); n == 0 || n > limit {
		t.Errorf("%d requests went unanswered, want 1 to %d", n, limit)
	}
}
