package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

// testPassword is every test user's password.
const testPassword = "correct horse battery"

// referenceArticle is the Antara story about Kim's plenary that the
// acceptance tests revolve around.
var referenceArticle = filepath.Join("..", "testdata", "antara-2019-12-30-kim-plenary.txt")

// env is a running server with one user per role and a read-only token.
type env struct {
	t     *testing.T
	srv   *Server
	http  *httptest.Server
	store *store.Store
	token string
}

func newEnv(t *testing.T) *env {
	t.Helper()
	return newEnvOn(t, storetest.SQLite(t))
}

// newEnvOn is newEnv on a given store, for tests that run on every
// database (storetest.Each).
func newEnvOn(t *testing.T, st *store.Store) *env {
	t.Helper()
	ctx := context.Background()
	for _, role := range []string{store.RoleAdmin, store.RoleEditor, store.RoleViewer} {
		if _, err := st.CreateUser(ctx, role, testPassword, role); err != nil {
			t.Fatal(err)
		}
	}
	_, raw, err := st.CreateToken(ctx, "graphics", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{Store: st, Tokens: st, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return &env{t: t, srv: srv, http: hs, store: st, token: raw}
}

// seed adds the reference article and returns its ID.
func (e *env) seed() int64 {
	e.t.Helper()
	text, err := os.ReadFile(referenceArticle)
	if err != nil {
		e.t.Fatal(err)
	}
	return e.addText("Kim plenary", string(text))
}

// approveAll approves every event, as editors publishing the timeline
// would: exports hold approved events only.
func (e *env) approveAll() {
	e.t.Helper()
	if err := e.store.DB().Exec("UPDATE events SET review = 'approved'").Error; err != nil {
		e.t.Fatal(err)
	}
}

// addText stores an article as an editor would, through the pipeline.
func (e *env) addText(title, text string) int64 {
	e.t.Helper()
	a, err := e.srv.addArticle(context.Background(), articleInput{Source: "paste", Title: title, Text: text,
		Publisher: "ANTARA", Published: "2019-12-30", Lang: "id"}, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

// client is a browser-like client: a cookie jar, no redirect following,
// and the CSRF token of its session.
type client struct {
	e      *env
	hc     *http.Client
	csrf   string
	bearer string
}

func (e *env) anon() *client {
	jar, _ := cookiejar.New(nil)
	return &client{e: e, hc: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (e *env) tokenClient() *client {
	c := e.anon()
	c.bearer = e.token
	return c
}

// as signs in as the user named after role.
func (e *env) as(role string) *client {
	e.t.Helper()
	c := e.anon()
	res := c.do("GET", "/login", nil, "")
	if res.status != http.StatusOK {
		e.t.Fatalf("GET /login = %d", res.status)
	}
	form := url.Values{"username": {role}, "password": {testPassword}, "csrf_token": {res.csrf()}, "next": {"/timeline"}}
	if res := c.form("POST", "/login", form); res.status != http.StatusSeeOther {
		e.t.Fatalf("login as %s = %d: %s", role, res.status, res.body)
	}
	me := c.do("GET", "/api/v1/me", nil, "")
	var m struct {
		CSRF string `json:"csrf_token"`
	}
	me.decode(&m)
	c.csrf = m.CSRF
	return c
}

type response struct {
	t      *testing.T
	status int
	header http.Header
	body   string
}

var csrfMeta = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

func (r response) csrf() string {
	m := csrfMeta.FindStringSubmatch(r.body)
	if m == nil {
		r.t.Fatalf("no CSRF token in the page:\n%s", r.body)
	}
	return m[1]
}

func (r response) decode(v any) {
	r.t.Helper()
	if err := json.Unmarshal([]byte(r.body), v); err != nil {
		r.t.Fatalf("decode %q: %v", r.body, err)
	}
}

// do sends a request; state-changing ones carry the CSRF header.
func (c *client) do(method, path string, body io.Reader, contentType string) response {
	c.e.t.Helper()
	var header map[string]string
	if contentType != "" {
		header = map[string]string{"Content-Type": contentType}
	}
	return c.send(method, path, body, header)
}

// send sends a request with extra headers and the client's credentials.
func (c *client) send(method, path string, body io.Reader, header map[string]string) response {
	c.e.t.Helper()
	req, err := http.NewRequest(method, c.e.http.URL+path, body)
	if err != nil {
		c.e.t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	if c.csrf != "" && method != "GET" {
		req.Header.Set(csrfHeader, c.csrf)
	}
	if c.bearer != "" {
		req.Header.Set("Authorization", "Bearer "+c.bearer)
	}
	res, err := c.hc.Do(req)
	if err != nil {
		c.e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{t: c.e.t, status: res.StatusCode, header: res.Header, body: string(b)}
}

func (c *client) get(path string) response { return c.do("GET", path, nil, "") }

func (c *client) json(method, path string, v any) response {
	b, err := json.Marshal(v)
	if err != nil {
		c.e.t.Fatal(err)
	}
	return c.do(method, path, bytes.NewReader(b), "application/json")
}

func (c *client) form(method, path string, v url.Values) response {
	return c.do(method, path, strings.NewReader(v.Encode()), "application/x-www-form-urlencoded")
}

// multipart posts a multipart form with an optional file.
func (c *client) multipart(path string, fields map[string]string, fileName string, file []byte) response {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, v := range fields {
		w.WriteField(k, v)
	}
	if fileName != "" {
		fw, _ := w.CreateFormFile("file", fileName)
		fw.Write(file)
	}
	w.Close()
	return c.do("POST", path, &buf, w.FormDataContentType())
}

// apiErr reads an API error body.
func (r response) apiErr() apiError {
	var body struct {
		Error apiError `json:"error"`
	}
	r.decode(&body)
	return body.Error
}

// editSeeded seeds the test data and returns an editor's client with the
// event of 28 December 2019 that the edit tests work on.
func (e *env) editSeeded() (*client, timelineItem) {
	e.t.Helper()
	e.seed()
	c := e.as("editor")
	return c, c.findEvent("2019-12-28")
}

// findEvent returns the first timeline event whose value is value.
func (c *client) findEvent(value string) timelineItem {
	c.e.t.Helper()
	var res timelineResult
	c.get("/api/v1/timeline").decode(&res)
	for _, ev := range res.Events {
		if ev.Value == value {
			return ev
		}
	}
	c.e.t.Fatalf("no event dated %s on the timeline", value)
	return timelineItem{}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
