package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestAdminManagesUsersAndTokens(t *testing.T) {
	e := newEnv(t)
	admin := e.as("admin")
	token := admin.get("/admin/users").csrf()
	res := admin.form("POST", "/admin/users", url.Values{"csrf_token": {token}, "username": {"analyst"}, "password": {testPassword}, "role": {"viewer"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("add user = %d %s", res.status, res.body)
	}
	if res := admin.form("POST", "/admin/users", url.Values{"csrf_token": {token}, "username": {"analyst"}, "password": {testPassword}, "role": {"viewer"}}); res.status != http.StatusConflict {
		t.Errorf("duplicate user = %d", res.status)
	}
	if res := admin.form("POST", "/admin/users", url.Values{"csrf_token": {token}, "username": {"x"}, "password": {"short"}, "role": {"viewer"}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("short password = %d", res.status)
	}
	analyst := e.as("analyst")
	if res := analyst.get("/api/v1/me"); res.status != http.StatusOK {
		t.Fatalf("new user cannot sign in: %d", res.status)
	}
	u, err := e.store.Authenticate(t.Context(), "analyst", testPassword)
	if err != nil {
		t.Fatal(err)
	}
	if res := admin.form("POST", "/admin/users/"+itoa(u.ID)+"/disabled", url.Values{"csrf_token": {token}, "disabled": {"1"}}); res.status != http.StatusSeeOther {
		t.Fatalf("disable = %d", res.status)
	}
	if res := analyst.get("/api/v1/me"); res.status != http.StatusUnauthorized {
		t.Errorf("disabled user's session still works: %d", res.status)
	}

	res = admin.form("POST", "/admin/tokens", url.Values{"csrf_token": {token}, "name": {"desk"}, "days": {"30"}})
	raw := regexp.MustCompile(`fl_[A-Za-z0-9_-]+`).FindString(res.body)
	if res.status != http.StatusCreated || raw == "" {
		t.Fatalf("create token = %d, token %q", res.status, raw)
	}
	machine := e.anon()
	machine.bearer = raw
	if res := machine.get("/api/v1/timeline"); res.status != http.StatusOK {
		t.Errorf("new token = %d", res.status)
	}
	if page := admin.get("/admin/users"); strings.Contains(page.body, raw) {
		t.Error("the token is shown again")
	}
	if res := admin.form("POST", "/admin/tokens/desk/revoke", url.Values{"csrf_token": {token}}); res.status != http.StatusSeeOther {
		t.Fatalf("revoke = %d", res.status)
	}
	if res := machine.get("/api/v1/timeline"); res.status != http.StatusUnauthorized {
		t.Errorf("revoked token = %d", res.status)
	}
}

// A password set on the admin page ends the user's sessions; an admin
// setting their own keeps the session they are using and ends the others.
func TestPasswordChangeEndsSessions(t *testing.T) {
	e := newEnv(t)
	admin, adminLaptop := e.as("admin"), e.as("admin")
	editor, editorLaptop := e.as("editor"), e.as("editor")
	token := admin.get("/admin/users").csrf()
	setPassword := func(username, password string) {
		t.Helper()
		u, err := e.store.Authenticate(t.Context(), username, testPassword)
		if err != nil {
			t.Fatal(err)
		}
		res := admin.form("POST", "/admin/users/"+itoa(u.ID)+"/password", url.Values{"csrf_token": {token}, "password": {password}})
		if res.status != http.StatusSeeOther {
			t.Fatalf("set %s's password = %d %s", username, res.status, res.body)
		}
	}
	setPassword("editor", "a new editor password")
	for i, c := range []*client{editor, editorLaptop} {
		if res := c.get("/api/v1/me"); res.status != http.StatusUnauthorized {
			t.Errorf("the editor's session %d after the change = %d, want 401", i, res.status)
		}
	}
	setPassword("admin", "a new admin password")
	if res := admin.get("/api/v1/me"); res.status != http.StatusOK {
		t.Errorf("the admin's own session after changing their password = %d, want 200", res.status)
	}
	if res := adminLaptop.get("/api/v1/me"); res.status != http.StatusUnauthorized {
		t.Errorf("the admin's other session after the change = %d, want 401", res.status)
	}
	if _, err := e.store.Authenticate(t.Context(), "editor", "a new editor password"); err != nil {
		t.Errorf("the new password does not sign in: %v", err)
	}
}

// A login left unused for the idle limit ends before its absolute expiry;
// one in use lives on past the idle limit.
func TestIdleLoginEnds(t *testing.T) {
	e := newEnv(t)
	now := time.Now()
	e.store.Now = func() time.Time { return now }
	busy, idle := e.as("viewer"), e.as("viewer")
	step := DefaultSessionIdle * 5 / 8
	for range 2 {
		now = now.Add(step)
		if res := busy.get("/api/v1/me"); res.status != http.StatusOK {
			t.Fatalf("a login used every %v = %d at %v after sign-in", step, res.status, 2*step)
		}
	}
	if res := idle.get("/api/v1/me"); res.status != http.StatusUnauthorized {
		t.Errorf("a login unused for %v = %d, want 401", 2*step, res.status)
	}
}
