package web

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
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
