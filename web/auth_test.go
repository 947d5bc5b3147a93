package web

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestLoginStartsAFreshSessionAndLogoutEndsIt(t *testing.T) {
	e := newEnv(t)
	c := e.anon()
	page := c.get("/login?next=/review")
	// A cookie planted before sign-in must not survive it.
	u, _ := url.Parse(e.http.URL)
	c.hc.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: "planted-by-attacker"}})
	res := c.form("POST", "/login", url.Values{"username": {"editor"}, "password": {testPassword},
		"csrf_token": {page.csrf()}, "next": {"/review"}})
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/review" {
		t.Fatalf("login = %d to %q", res.status, res.header.Get("Location"))
	}
	set := res.header.Get("Set-Cookie")
	if !strings.Contains(set, "HttpOnly") || !strings.Contains(set, "SameSite=Lax") || strings.Contains(set, "planted-by-attacker") {
		t.Errorf("session cookie %q", set)
	}
	var session string
	for _, ck := range c.hc.Jar.Cookies(u) {
		if ck.Name == sessionCookie {
			session = ck.Value
		}
	}
	if session == "" || session == "planted-by-attacker" {
		t.Fatalf("session cookie is %q", session)
	}
	if res := c.get("/review"); res.status != http.StatusOK {
		t.Fatalf("signed in, /review = %d", res.status)
	}
	csrf := c.get("/review").csrf()
	if res := c.form("POST", "/logout", url.Values{"csrf_token": {csrf}}); res.status != http.StatusSeeOther {
		t.Fatalf("logout = %d", res.status)
	}
	// The old cookie, replayed, no longer signs anyone in.
	replay := e.anon()
	replay.hc.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: session}})
	if res := replay.get("/api/v1/me"); res.status != http.StatusUnauthorized {
		t.Errorf("replayed session after logout = %d", res.status)
	}
}

// anonFrom is an anonymous client whose connections come from a given
// loopback address, as a second machine's would.
func (e *env) anonFrom(ip string) *client {
	c := e.anon()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	c.hc.Transport = &http.Transport{DialContext: d.DialContext}
	return c
}

// loginForm is a sign-in form with the client's CSRF token.
func (c *client) loginForm(username, password string) url.Values {
	return url.Values{"username": {username}, "password": {password}, "csrf_token": {c.get("/login").csrf()}}
}

// frozenClock stops the server's login limiter at a moment the test moves.
func frozenClock(e *env) *time.Time {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	e.srv.limiter.now = func() time.Time { return now }
	return &now
}

// Failures from one address on one account back off (doubling waits, told
// in Retry-After) and never lock out the account's owner elsewhere.
func TestLoginFailuresBackOffPerAccountAndAddress(t *testing.T) {
	e := newEnv(t)
	now := frozenClock(e)
	c := e.anon()
	form := c.loginForm("viewer", "wrong password")
	for i := 0; i < freeFailsPerPair; i++ {
		if got := c.form("POST", "/login", form).status; got != http.StatusUnauthorized {
			t.Fatalf("failure %d = %d, want 401", i, got)
		}
	}
	right := c.loginForm("viewer", testPassword)
	for _, wait := range []string{"1", "2", "4"} {
		res := c.form("POST", "/login", right)
		if res.status != http.StatusTooManyRequests || res.header.Get("Retry-After") != wait {
			t.Fatalf("next attempt = %d, Retry-After %q; want 429 with Retry-After %s", res.status, res.header.Get("Retry-After"), wait)
		}
		secs, _ := strconv.Atoi(wait)
		*now = now.Add(time.Duration(secs) * time.Second)
		if got := c.form("POST", "/login", form).status; got != http.StatusUnauthorized {
			t.Fatalf("after waiting %ss = %d, want the guess checked (401)", wait, got)
		}
	}
	// The owner, on another machine, signs in at once.
	owner := e.anonFrom("127.0.0.2")
	if res := owner.form("POST", "/login", owner.loginForm("viewer", testPassword)); res.status != http.StatusSeeOther {
		t.Errorf("the owner from another address = %d, want 303: %s", res.status, res.body)
	}
}

// Parallel guesses cannot outrun the limit: each attempt is reserved before
// its password is checked.
func TestParallelLoginGuessesAreReservedFirst(t *testing.T) {
	e := newEnv(t)
	frozenClock(e)
	c := e.anon()
	form := c.loginForm("editor", "wrong password")
	const guesses = 40
	statuses := make(chan int, guesses)
	var wg sync.WaitGroup
	for range guesses {
		wg.Go(func() { statuses <- c.form("POST", "/login", form).status })
	}
	wg.Wait()
	close(statuses)
	counts := map[int]int{}
	for s := range statuses {
		counts[s]++
	}
	if counts[http.StatusUnauthorized] > freeFailsPerPair || counts[http.StatusUnauthorized]+counts[http.StatusTooManyRequests] != guesses {
		t.Errorf("%d parallel wrong guesses answered %v; want at most %d checked (401) and the rest 429", guesses, counts, freeFailsPerPair)
	}
}

// Failures on one account from many addresses slow every attempt on it
// (a delay before the password check, doubling up to a limit) but never
// refuse its owner.
func TestAccountUnderAttackIsDelayedNotLocked(t *testing.T) {
	e := newEnv(t)
	frozenClock(e)
	var delays []time.Duration
	e.srv.limiter.sleep = func(_ context.Context, d time.Duration) error {
		delays = append(delays, d)
		return nil
	}
	const attackers = 6
	for i := range attackers {
		c := e.anonFrom(fmt.Sprintf("127.0.1.%d", i+1))
		form := c.loginForm("editor", "wrong password")
		for range freeFailsPerPair {
			if got := c.form("POST", "/login", form).status; got != http.StatusUnauthorized {
				t.Fatalf("attacker %d = %d, want 401", i, got)
			}
		}
	}
	fails := attackers * freeFailsPerPair
	if len(delays) != fails-accountDelayAfter {
		t.Fatalf("%d delays after %d failures, want one per attempt after the first %d: %v", len(delays), fails, accountDelayAfter, delays)
	}
	if delays[0] != accountDelay || delays[1] != 2*accountDelay || slices.Max(delays) != maxAccountDelay {
		t.Errorf("delays %v: want %v doubling up to %v", delays, accountDelay, maxAccountDelay)
	}
	owner := e.anonFrom("127.0.0.2")
	if res := owner.form("POST", "/login", owner.loginForm("editor", testPassword)); res.status != http.StatusSeeOther {
		t.Errorf("the owner during the attack = %d, want 303: %s", res.status, res.body)
	}
	if last := delays[len(delays)-1]; last != maxAccountDelay {
		t.Errorf("the owner waited %v, want %v", last, maxAccountDelay)
	}
}

func TestSecureCookieBehindTLS(t *testing.T) {
	e := newEnv(t)
	e.srv.cfg.SecureCookies = true
	res := e.anon().get("/login")
	if !strings.Contains(res.header.Get("Set-Cookie"), "Secure") {
		t.Errorf("cookie %q is not Secure", res.header.Get("Set-Cookie"))
	}
	if res.header.Get("Strict-Transport-Security") == "" {
		t.Error("no HSTS behind TLS")
	}
}

func TestLoginNeedsCSRFAndSafeNext(t *testing.T) {
	e := newEnv(t)
	c := e.anon()
	token := c.get("/login").csrf()
	if res := c.form("POST", "/login", url.Values{"username": {"editor"}, "password": {testPassword}}); res.status != http.StatusForbidden {
		t.Errorf("login without CSRF token = %d", res.status)
	}
	res := c.form("POST", "/login", url.Values{"username": {"editor"}, "password": {testPassword}, "csrf_token": {token}, "next": {"//evil.example/"}})
	if res.header.Get("Location") != "/timeline" {
		t.Errorf("open redirect to %q", res.header.Get("Location"))
	}
}

// After sign-in only a plain path on this site is followed: every form a
// browser would read as another site goes to the timeline instead, both
// from the login form and for a visitor already signed in.
func TestLoginRedirectStaysOnSite(t *testing.T) {
	e := newEnv(t)
	offSite := []string{
		"/\t/evil.example/", "/\n/evil.example/", "/\r\n//evil.example/", "/\\evil.example/", "\\\\evil.example/",
		"//evil.example/", "///evil.example/", "https://evil.example/", "javascript:alert(1)", "/\x00//evil.example",
		" //evil.example/", "/ /evil.example/", "/\u00a0/evil.example/", "/\u200b/evil.example/", "/\xff/evil",
		"evil.example", "",
	}
	onSite := []string{"/articles/3?tab=claims#c2", "/timeline?from=2019-12&q=Kim%20Jong", "/"}
	for _, next := range append(offSite, onSite...) {
		want := "/timeline"
		if slices.Contains(onSite, next) {
			want = next
		}
		c := e.anon()
		res := c.form("POST", "/login", url.Values{"username": {"editor"}, "password": {testPassword},
			"csrf_token": {c.get("/login").csrf()}, "next": {next}})
		if got := res.header.Get("Location"); res.status != http.StatusSeeOther || got != want {
			t.Errorf("login with next=%q: %d to %q, want 303 to %q", next, res.status, got, want)
		}
		// A query that is not valid text may instead be refused whole.
		if res := c.get("/login?next=" + url.QueryEscape(next)); res.status != http.StatusBadRequest && res.header.Get("Location") != want {
			t.Errorf("signed-in GET /login?next=%q: %d to %q, want 303 to %q", next, res.status, res.header.Get("Location"), want)
		}
	}
}

func TestChangesNeedCSRF(t *testing.T) {
	e := newEnv(t)
	c, ev := e.editSeeded()
	path := "/api/v1/events/" + itoa(ev.ID)
	token := c.csrf
	c.csrf = ""
	if res := c.json("PATCH", path, map[string]any{"version": ev.Version, "headline": "x"}); res.status != http.StatusForbidden || res.apiErr().Code != "csrf" {
		t.Errorf("PATCH without CSRF = %d %s", res.status, res.body)
	}
	c.csrf = "forged"
	if res := c.json("PATCH", path, map[string]any{"version": ev.Version, "headline": "x"}); res.status != http.StatusForbidden {
		t.Errorf("PATCH with a wrong CSRF token = %d", res.status)
	}
	c.csrf = token
	req, _ := http.NewRequest("PATCH", e.http.URL+path, strings.NewReader(`{"version":1,"headline":"x"}`))
	req.Header.Set(csrfHeader, token)
	req.Header.Set("Origin", "https://evil.example")
	res, err := c.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("cross-origin PATCH = %d", res.StatusCode)
	}
	if res := c.json("PATCH", path, map[string]any{"version": ev.Version, "headline": "Plenary opens"}); res.status != http.StatusOK {
		t.Errorf("PATCH with CSRF = %d %s", res.status, res.body)
	}
}

func TestBearerTokens(t *testing.T) {
	e := newEnv(t)
	e.seed()
	tc := e.tokenClient()
	if res := tc.get("/api/v1/timeline"); res.status != http.StatusOK {
		t.Errorf("token GET timeline = %d", res.status)
	}
	if res := tc.json("POST", "/api/v1/events", map[string]any{"headline": "x", "value": "2020"}); res.status != http.StatusForbidden {
		t.Errorf("token POST = %d, want 403", res.status)
	}
	bad := e.anon()
	bad.bearer = "fl_not-a-real-token"
	if res := bad.get("/api/v1/timeline"); res.status != http.StatusUnauthorized || res.apiErr().Code != "unauthorized" {
		t.Errorf("unknown token = %d %s", res.status, res.body)
	}
	if _, err := e.store.RevokeToken(t.Context(), "graphics"); err != nil {
		t.Fatal(err)
	}
	if res := tc.get("/api/v1/timeline"); res.status != http.StatusUnauthorized || !strings.Contains(res.body, "revoked") {
		t.Errorf("revoked token = %d %s", res.status, res.body)
	}
}
