package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

// fuzzContentTypes are the Content-Type headers a fuzzed request picks
// from by index.
var fuzzContentTypes = []string{"application/json", "", "text/plain", "application/x-www-form-urlencoded",
	"multipart/form-data; boundary=x", "application/json; charset=latin1"}

// FuzzAPIRequests sends arbitrary requests to every JSON API route as a
// signed-in editor with a valid CSRF token, so every handler gets to read
// the body: the route and method by index, the id in the path, the query
// string, the content type and the body are all the fuzzer's. No answer
// may be a 5xx (a panic would be one: the server recovers it into a 500),
// and every error must come back as a JSON error with a message.
func FuzzAPIRequests(f *testing.F) {
	srv, cookie, csrf, routes := fuzzServer(f)
	seeds := []struct {
		route     uint8
		id, query string
		ctype     uint8
		body      string
	}{
		{0, "1", "", 0, `{"version":1,"headline":"Plenary opens"}`},
		{1, "2", "", 0, `{"version":1,"status":"verified"}`},
		{2, "1", "", 0, `{"headline":"Added","value":"2019-12-28","tags":["a","b"]}`},
		{3, "1", "", 0, `{"target":{"id":1,"version":1},"others":[{"id":2,"version":1}]}`},
		{4, "1", "", 0, `{"version":1,"source_ids":[1]}`},
		{5, "1", "", 0, `{"note":"seen it","url":"https://example.com/a"}`},
		{6, "1", "", 0, `{"version":1}`},
		{7, "", "", 0, `{"source":"paste","text":"Jakarta (ANTARA) - Kim tiba pada Sabtu (28/12), kata dia."}`},
		{8, "1", "from=2019&to=2019-12&status=happened&limit=3", 0, ""},
		{9, "-1", "format=json&from=99/99/9999", 0, ""},
		{10, "abc", "q=%00&speaker=%ff", 2, "\x00\xff"},
		{0, "99999999999999999999", "", 0, `{"version":1e400}`},
		{0, "1", "", 0, `{"version":1,"value":"0000-01-01","mod":"<script>"}`},
		{1, "1", "", 5, `{"version":1,"status":"verified"}{"x":1}`},
		{2, "1", "", 0, `[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]`},
		{3, "1", "", 1, `{"target":{"id":-1,"version":-1},"others":[]}`},
	}
	for _, s := range seeds {
		f.Add(s.route, s.id, s.query, s.ctype, []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, route uint8, id, query string, ctype uint8, body []byte) {
		r := routes[int(route)%len(routes)]
		path := strings.ReplaceAll(r.Path, ":id", url.PathEscape(id))
		req := httptest.NewRequest(r.Method, "http://factline.test"+path, bytes.NewReader(body))
		req.URL.RawQuery = query
		if ct := fuzzContentTypes[int(ctype)%len(fuzzContentTypes)]; ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		req.AddCookie(cookie)
		req.Header.Set(csrfHeader, csrf)
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s?%s with %q = %d: %s", r.Method, path, query, body, rec.Code, rec.Body)
		}
		if rec.Code >= 400 && rec.Code != http.StatusMethodNotAllowed {
			var e struct {
				Error apiError `json:"error"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error.Message == "" {
				t.Fatalf("%s %s = %d without a JSON error message: %.300s", r.Method, path, rec.Code, rec.Body)
			}
		}
	})
}

// fuzzServer starts a server on a seeded SQLite store and signs an editor
// in; it returns the session cookie, its CSRF token and the API routes,
// writes first so that the seeds' route numbers reach them.
func fuzzServer(f *testing.F) (*Server, *http.Cookie, string, []gin.RouteInfo) {
	f.Helper()
	st := storetest.SQLite(f)
	ctx := context.Background()
	u, err := st.CreateUser(ctx, "editor", testPassword, store.RoleEditor)
	if err != nil {
		f.Fatal(err)
	}
	srv, err := New(Config{Store: st, Tokens: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		f.Fatal(err)
	}
	text, err := os.ReadFile(referenceArticle)
	if err != nil {
		f.Fatal(err)
	}
	if _, err := srv.addArticle(ctx, articleInput{Source: "paste", Title: "Kim plenary", Text: string(text),
		Publisher: "ANTARA", Published: "2019-12-30", Lang: "id"}, nil); err != nil {
		f.Fatal(err)
	}
	token, sess, err := st.CreateSession(ctx, u.ID, 24*time.Hour)
	if err != nil {
		f.Fatal(err)
	}
	var writes, reads []gin.RouteInfo
	for _, r := range srv.engine.Routes() {
		switch {
		case !strings.HasPrefix(r.Path, "/api/"):
		case isSafeMethod(r.Method):
			reads = append(reads, r)
		default:
			writes = append(writes, r)
		}
	}
	return srv, &http.Cookie{Name: sessionCookie, Value: token}, sess.CSRFToken, append(writes, reads...)
}
