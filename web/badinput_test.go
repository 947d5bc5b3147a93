package web

import (
	"net/http"
	"strings"
	"testing"
)

// TestBadInputIsNever500 sends malformed IDs, bodies and queries to every
// route as an admin (who may reach all of them) and expects a 4xx.
func TestBadInputIsNever500(t *testing.T) {
	e := newEnv(t)
	e.seed()
	c := e.as("admin")
	ids := []string{"0", "-1", "abc", "99999999999999999999", "424242"}
	bodies := []struct{ body, ctype string }{
		{`{}`, "application/json"},
		{`[1,2]`, "application/json"},
		{`{"version":"one","headline":7}`, "application/json"},
		{`{"version":1,"value":"2019-13-45","mod":"X","tags":["a,b"]}`, "application/json"},
		{`{"target":{"id":1,"version":1},"others":[{"id":1,"version":1}]}`, "application/json"},
		{"version=abc&headline=&event=1:x&source=q&status=nope&hidden=maybe", "application/x-www-form-urlencoded"},
		{"\x00\xff\xfe garbage", "multipart/form-data; boundary=zzz"},
	}
	for _, r := range e.srv.engine.Routes() {
		if r.Path == "/logout" || strings.HasPrefix(r.Path, "/static/") {
			continue
		}
		for _, id := range ids {
			path := strings.NewReplacer(":id", id).Replace(r.Path)
			if r.Method == http.MethodGet {
				for _, q := range []string{"", "?from=x&to=2019-99&status=zzz&page=-3&limit=abc&article=-1&group=%00"} {
					if res := c.get(path + q); res.status >= 500 {
						t.Errorf("GET %s%s = %d %.200s", path, q, res.status, res.body)
					}
				}
				continue
			}
			for _, b := range bodies {
				if res := c.do(r.Method, path, strings.NewReader(b.body), b.ctype); res.status >= 500 {
					t.Errorf("%s %s with %q = %d %.200s", r.Method, path, b.body, res.status, res.body)
				}
			}
		}
	}
}
