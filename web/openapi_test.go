package web

import (
	"encoding/json"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The OpenAPI document and the registered routes describe the same API:
// every /api/v1 route is documented and every documented operation exists.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	e := newEnv(t)
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Servers []struct{ URL string }                `json:"servers"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	res := e.tokenClient().get("/api/v1/openapi.json")
	if res.status != http.StatusOK {
		t.Fatalf("GET openapi.json = %d", res.status)
	}
	res.decode(&doc)
	if !strings.HasPrefix(doc.OpenAPI, "3.") || len(doc.Servers) != 1 || doc.Servers[0].URL != "/api/v1" {
		t.Fatalf("openapi %q, servers %+v", doc.OpenAPI, doc.Servers)
	}
	param := regexp.MustCompile(`:(\w+)`)
	registered := map[string]bool{}
	for _, r := range e.srv.engine.Routes() {
		if path, ok := strings.CutPrefix(r.Path, "/api/v1"); ok {
			registered[strings.ToLower(r.Method)+" "+param.ReplaceAllString(path, "{$1}")] = true
		}
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			if method != "parameters" && method != "summary" && method != "description" {
				documented[method+" "+path] = true
			}
		}
	}
	for _, missing := range difference(registered, documented) {
		t.Errorf("route %s is registered but not in openapi.json", missing)
	}
	for _, stale := range difference(documented, registered) {
		t.Errorf("openapi.json documents %s, which is not registered", stale)
	}
	if len(registered) < 10 {
		t.Errorf("only %d API routes found: the route listing is broken", len(registered))
	}
}

// difference lists the keys of a that b lacks, sorted.
func difference(a, b map[string]bool) []string {
	var out []string
	for k := range a {
		if !b[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
