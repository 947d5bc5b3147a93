package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
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

func TestLoginFailuresAreRateLimited(t *testing.T) {
	e := newEnv(t)
	c := e.anon()
	token := c.get("/login").csrf()
	try := func(pw string) int {
		return c.form("POST", "/login", url.Values{"username": {"viewer"}, "password": {pw}, "csrf_token": {token}}).status
	}
	for i := 0; i < maxFailsPerUser; i++ {
		if got := try("wrong password"); got != http.StatusUnauthorized {
			t.Fatalf("failure %d = %d, want 401", i, got)
		}
	}
	if got := try(testPassword); got != http.StatusTooManyRequests {
		t.Errorf("after %d failures = %d, want 429 even with the right password", maxFailsPerUser, got)
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
