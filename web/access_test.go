package web

import (
	"net/http"
	"strings"
	"testing"
)

// TestAccessRules walks every registered route as every kind of principal
// and checks the rules: anonymous visitors are sent to sign in (the API
// answers 401), viewers and tokens read but every change (and every page
// that is only a form for one) is 403, only
// admins reach /admin, and bearer tokens count only on the API.
func TestAccessRules(t *testing.T) {
	e := newEnv(t)
	e.seed()
	clients := map[string]*client{
		"anonymous": e.anon(), "viewer": e.as("viewer"), "editor": e.as("editor"),
		"admin": e.as("admin"), "token": e.tokenClient(),
	}
	for _, r := range e.srv.engine.Routes() {
		if isPublic(r.Path) || strings.HasPrefix(r.Path, "/static/") || r.Path == "/" {
			continue
		}
		path := strings.NewReplacer(":id", "1").Replace(r.Path)
		api := strings.HasPrefix(path, "/api/")
		admin := strings.HasPrefix(path, "/admin/")
		write, form := r.Method != http.MethodGet, writeForms[r.Path]
		for who, c := range clients {
			t.Run(who+" "+r.Method+" "+r.Path, func(t *testing.T) {
				if write && (who == "admin" || (who == "editor" && !admin)) {
					return // covered, with valid bodies, by the feature tests
				}
				res := c.do(r.Method, path, strings.NewReader("{}"), "application/json")
				var want []int
				switch {
				case who == "anonymous" || (who == "token" && !api):
					switch {
					case api || write:
						want = []int{http.StatusUnauthorized}
					default:
						want = []int{http.StatusSeeOther}
						if loc := res.header.Get("Location"); !strings.HasPrefix(loc, "/login?next=") {
							t.Errorf("redirect to %q, want the login page", loc)
						}
					}
				case admin && who != "admin":
					want = []int{http.StatusForbidden}
				case (write || form) && (who == "viewer" || who == "token"):
					want = []int{http.StatusForbidden}
				}
				ok := false
				for _, w := range want {
					ok = ok || res.status == w
				}
				if want == nil { // a permitted read: anything but a refusal or a crash
					ok = res.status < 500 && res.status != http.StatusUnauthorized && res.status != http.StatusForbidden
				}
				if !ok {
					t.Errorf("status %d, want one of %v; body %.300s", res.status, want, res.body)
				}
				if api && res.status >= 400 && !strings.HasPrefix(res.header.Get("Content-Type"), "application/json") {
					t.Errorf("API error as %s, want JSON", res.header.Get("Content-Type"))
				}
			})
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{"/login", "/static/app.js", "/api/v1/timeline", "/nope"} {
		res := e.anon().get(path)
		h := res.header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
	if res := e.anon().get("/static/vendor/vis-timeline/vis-timeline-graph2d.min.js"); res.status != 200 || !strings.Contains(res.header.Get("Content-Type"), "javascript") {
		t.Errorf("vendored vis-timeline: %d %s", res.status, res.header.Get("Content-Type"))
	}
	if res := e.anon().get("/healthz"); res.status != 200 {
		t.Errorf("healthz = %d", res.status)
	}
}

// TestNoInlineScript keeps every page free of inline script and inline
// event handlers, which the CSP would block anyway.
func TestNoInlineScript(t *testing.T) {
	e := newEnv(t)
	id := e.seed()
	c := e.as("admin")
	ev := c.findEvent("2019-12-28")
	if res := e.anon().get("/login"); strings.Contains(res.body, "<script>") {
		t.Error("login page has inline script")
	}
	for _, path := range []string{"/articles", "/articles/new", "/articles/1", "/timeline", "/timeline/list",
		"/events/new", "/review", "/claims/1", "/admin/users", "/events/" + itoa(ev.ID), "/articles/" + itoa(id)} {
		res := c.get(path)
		if res.status != 200 {
			t.Errorf("%s = %d", path, res.status)
			continue
		}
		for _, bad := range []string{"<script>", " onclick=", " onload=", " onerror=", "javascript:", " style="} {
			if strings.Contains(res.body, bad) {
				t.Errorf("%s contains %q", path, bad)
			}
		}
	}
}
