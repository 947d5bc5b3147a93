package web

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims/store"
)

// Matrix cells that are not a single status.
const (
	// toLogin is a 303 to the sign-in page that comes back to the request.
	toLogin = -1
	// refused means the access rules let the request through and the
	// handler refused the empty body: 400, 404, 409 or 422, with a message.
	refused = -2
)

// matrixPrincipals are the columns of the access matrix, in order.
var matrixPrincipals = [5]string{"anonymous", "viewer", "editor", "admin", "token"}

// accessMatrix says, for every route the server registers, what each kind
// of principal gets for it: reads with no query, writes with an empty JSON
// object and, for a signed-in user, their session's CSRF token. A route the
// server gains without a row here fails TestAccessMatrix, so a new route
// cannot ship without someone deciding who may use it.
var accessMatrix = map[string][5]int{
	//                                      anonymous  viewer    editor    admin     token
	"GET /healthz":                              {200, 200, 200, 200, 200},
	"GET /favicon.ico":                          {200, 200, 200, 200, 200},
	"GET /static/*filepath":                     {200, 200, 200, 200, 200},
	"HEAD /static/*filepath":                    {200, 200, 200, 200, 200},
	"GET /login":                                {200, 303, 303, 303, 200},
	"POST /login":                               {403, 401, 401, 401, 403},
	"POST /logout":                              {403, toLogin, toLogin, toLogin, 403},
	"GET /":                                     {toLogin, 303, 303, 303, toLogin},
	"GET /articles":                             {toLogin, 200, 200, 200, toLogin},
	"GET /articles/new":                         {toLogin, 403, 200, 200, toLogin},
	"GET /articles/:id":                         {toLogin, 200, 200, 200, toLogin},
	"POST /articles":                            {401, 403, refused, refused, 401},
	"GET /timeline":                             {toLogin, 200, 200, 200, toLogin},
	"GET /timeline/list":                        {toLogin, 200, 200, 200, toLogin},
	"GET /export":                               {toLogin, 200, 200, 200, toLogin},
	"GET /events/new":                           {toLogin, 403, 200, 200, toLogin},
	"POST /events":                              {401, 403, refused, refused, 401},
	"POST /events/merge":                        {401, 403, refused, refused, 401},
	"GET /events/:id":                           {toLogin, 200, 200, 200, toLogin},
	"POST /events/:id":                          {401, 403, refused, refused, 401},
	"POST /events/:id/split":                    {401, 403, refused, refused, 401},
	"POST /events/:id/review":                   {401, 403, refused, refused, 401},
	"GET /review":                               {toLogin, 200, 200, 200, toLogin},
	"GET /claims/:id":                           {toLogin, 200, 200, 200, toLogin},
	"POST /claims/:id/status":                   {401, 403, refused, refused, 401},
	"POST /claims/:id/evidence":                 {401, 403, refused, refused, 401},
	"POST /revisions/:id/revert":                {401, 403, refused, refused, 401},
	"POST /revisions/:id/restore":               {401, 403, refused, refused, 401},
	"GET /admin/users":                          {toLogin, 403, 403, 200, toLogin},
	"POST /admin/users":                         {401, 403, 403, refused, 401},
	"POST /admin/users/:id/disabled":            {401, 403, 403, 303, 401},
	"POST /admin/users/:id/password":            {401, 403, 403, refused, 401},
	"POST /admin/tokens":                        {401, 403, 403, refused, 401},
	"POST /admin/tokens/:id/revoke":             {401, 403, 403, 303, 401},
	"GET /api/v1/me":                            {401, 200, 200, 200, 200},
	"GET /api/v1/articles":                      {401, 200, 200, 200, 200},
	"POST /api/v1/articles":                     {401, 403, refused, refused, 403},
	"GET /api/v1/articles/:id":                  {401, 200, 200, 200, 200},
	"GET /api/v1/timeline":                      {401, 200, 200, 200, 200},
	"POST /api/v1/events":                       {401, 403, refused, refused, 403},
	"POST /api/v1/events/merge":                 {401, 403, refused, refused, 403},
	"GET /api/v1/events/:id":                    {401, 200, 200, 200, 200},
	"PATCH /api/v1/events/:id":                  {401, 403, refused, refused, 403},
	"POST /api/v1/events/:id/split":             {401, 403, refused, refused, 403},
	"POST /api/v1/events/:id/review":            {401, 403, refused, refused, 403},
	"GET /api/v1/events/:id/revisions":          {401, 200, 200, 200, 200},
	"GET /api/v1/claims":                        {401, 200, 200, 200, 200},
	"GET /api/v1/claims/:id":                    {401, 200, 200, 200, 200},
	"PATCH /api/v1/claims/:id":                  {401, 403, refused, refused, 403},
	"POST /api/v1/claims/:id/evidence":          {401, 403, refused, refused, 403},
	"GET /api/v1/claims/:id/revisions":          {401, 200, 200, 200, 200},
	"POST /api/v1/revisions/:id/revert":         {401, 403, refused, refused, 403},
	"POST /api/v1/revisions/:id/restore":        {401, 403, refused, refused, 403},
	"GET /api/v1/export":                        {401, 200, 200, 200, 200},
	"GET /api/v1/schema/export.json":            {401, 200, 200, 200, 200},
	"GET /api/v1/openapi.json":                  {401, 200, 200, 200, 200},
	"GET /stories":                              {toLogin, 200, 200, 200, toLogin},
	"POST /stories":                             {401, 403, refused, refused, 401},
	"GET /stories/:name":                        {toLogin, 200, 200, 200, toLogin},
	"POST /stories/:name":                       {401, 403, refused, refused, 401},
	"POST /stories/:name/articles":              {401, 403, refused, refused, 401},
	"POST /stories/:name/articles/:id/remove":   {401, 403, refused, refused, 401},
	"POST /articles/:id/stories":                {401, 403, 303, 303, 401},
	"GET /api/v1/stories":                       {401, 200, 200, 200, 200},
	"POST /api/v1/stories":                      {401, 403, refused, refused, 403},
	"GET /api/v1/stories/:name":                 {401, 200, 200, 200, 200},
	"PATCH /api/v1/stories/:name":               {401, 403, refused, refused, 403},
	"POST /api/v1/stories/:name/articles":       {401, 403, refused, refused, 403},
	"DELETE /api/v1/stories/:name/articles/:id": {401, 403, refused, refused, 403},
	"POST /stories/:name/link":                  {401, 403, 303, 303, 401},
	"POST /stories/:name/links":                 {401, 403, refused, refused, 401},
	"POST /events/:id/resolve":                  {401, 403, refused, refused, 401},
	"POST /api/v1/stories/:name/link":           {401, 403, 200, 200, 403},
	"GET /api/v1/stories/:name/links":           {401, 200, 200, 200, 200},
	"POST /api/v1/stories/:name/links/decide":   {401, 403, refused, refused, 403},
	"POST /api/v1/events/:id/resolve":           {401, 403, refused, refused, 403},
	"POST /stories/:name/feeds":                 {401, 403, refused, refused, 401},
	"POST /stories/:name/feeds/:id/remove":      {401, 403, refused, refused, 401},
	"POST /api/v1/stories/:name/feeds":          {401, 403, refused, refused, 403},
	"DELETE /api/v1/stories/:name/feeds/:id":    {401, 403, refused, refused, 403},
	"POST /stories/:name/candidates":            {401, 403, refused, refused, 401},
	"POST /api/v1/stories/:name/candidates":     {401, 403, refused, refused, 403},
	"POST /api/v1/stories/:name/candidates/:id": {401, 403, refused, refused, 403},
}

// TestAccessMatrix sends every registered route as every kind of principal
// and checks the answer against accessMatrix. Each cell gets a fresh
// session, so a sign-out or a revoked token in one cell cannot change
// another. Every answer must also carry the security headers, and an API
// answer that is an error must be JSON.
func TestAccessMatrix(t *testing.T) {
	e := newEnv(t)
	e.seed()
	ids := matrixIDs(t, e)
	users := map[string]*store.User{}
	for _, role := range matrixPrincipals[1:4] {
		var u store.User
		if err := e.store.DB().Where("username = ?", role).First(&u).Error; err != nil {
			t.Fatal(err)
		}
		users[role] = &u
	}
	seen := map[string]bool{}
	for _, r := range e.srv.engine.Routes() {
		route := r.Method + " " + r.Path
		seen[route] = true
		row, ok := accessMatrix[route]
		if !ok {
			t.Errorf("%s has no row in accessMatrix: decide who may use it and add one", route)
			continue
		}
		path := matrixPath(r.Path, ids)
		for col, name := range matrixPrincipals {
			var c *editor
			switch name {
			case "anonymous":
				c = &editor{base: e.http.URL, hc: noRedirects()}
			case "token":
				c = &editor{base: e.http.URL, hc: bearerClient(e.token)}
			default:
				c = signIn(t, e, users[name])
			}
			var body *strings.Reader
			ctype := ""
			if !isSafeMethod(r.Method) {
				body, ctype = strings.NewReader("{}"), "application/json"
			} else {
				body = strings.NewReader("")
			}
			res, b, err := c.send(r.Method, path, body, ctype)
			if err != nil {
				t.Fatalf("%s as %s: %v", route, name, err)
			}
			if !matrixCellHolds(row[col], res) {
				t.Errorf("%s as %s = %d (Location %q), want %s; body %.200s", route, name, res.StatusCode,
					res.Header.Get("Location"), cellName(row[col]), b)
			}
			checkSecurityHeaders(t, route+" as "+name, res.Header)
			if strings.HasPrefix(path, "/api/") && res.StatusCode >= 400 && !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
				t.Errorf("%s as %s: API error as %q, want JSON", route, name, res.Header.Get("Content-Type"))
			}
		}
	}
	for route := range accessMatrix {
		if !seen[route] {
			t.Errorf("accessMatrix has a row for %s, which the server does not register", route)
		}
	}
}

// matrixIDs are records for the matrix's requests to name: a seeded
// article, event and claim, a story named Matrix, a revision of an edit of that event, and a user and a token made only to
// be disabled and revoked.
func matrixIDs(t *testing.T, e *env) map[string]string {
	t.Helper()
	ctx := context.Background()
	var ev store.Event
	var cl store.Claim
	var rev store.Revision
	db := e.store.DB()
	if err := db.Order("id").First(&ev).Error; err != nil {
		t.Fatal(err)
	}
	if err := db.Order("id").First(&cl).Error; err != nil {
		t.Fatal(err)
	}
	headline := "Edited for the matrix"
	if _, err := e.store.UpdateEvent(ctx, ev.ID, ev.Version, store.EventPatch{Headline: &headline}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.Order("id").First(&rev).Error; err != nil {
		t.Fatal(err)
	}
	spare, err := e.store.CreateUser(ctx, "spare", testPassword, store.RoleViewer)
	if err != nil {
		t.Fatal(err)
	}
	tok, _, err := e.store.CreateToken(ctx, "spare", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.CreateStory(ctx, "Matrix", store.StoryInput{}, nil); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"/articles/": itoa(cl.ArticleID), "/events/": itoa(ev.ID), "/claims/": itoa(cl.ID),
		"/revisions/": itoa(rev.ID), "/admin/users/": itoa(spare.ID), "/admin/tokens/": itoa(tok.ID)}
}

// matrixQueries are the query strings routes need to answer 200.
var matrixQueries = map[string]string{"/api/v1/export": "?format=json"}

// matrixPath fills a route's :id with the matching record and its
// wildcard with a real file, and adds the query the route needs.
func matrixPath(route string, ids map[string]string) string {
	route = strings.Replace(route, "*filepath", "app.js", 1) + matrixQueries[route]
	route = strings.Replace(route, "/stories/:name", "/stories/Matrix", 1)
	for prefix, id := range ids {
		if i := strings.Index(route, prefix+":id"); i >= 0 {
			return route[:i+len(prefix)] + id + route[i+len(prefix)+len(":id"):]
		}
	}
	return route
}

func noRedirects() *http.Client {
	return &http.Client{Timeout: time.Minute, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// bearerClient sends an API token on every request, as a script would.
func bearerClient(token string) *http.Client {
	hc := noRedirects()
	hc.Transport = bearerTransport{token}
	return hc
}

type bearerTransport struct{ token string }

func (b bearerTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+b.token)
	return http.DefaultTransport.RoundTrip(req)
}

func matrixCellHolds(cell int, res *http.Response) bool {
	switch cell {
	case toLogin:
		return res.StatusCode == http.StatusSeeOther && strings.HasPrefix(res.Header.Get("Location"), "/login")
	case refused:
		switch res.StatusCode {
		case http.StatusBadRequest, http.StatusNotFound, http.StatusConflict, http.StatusUnprocessableEntity:
			return true
		}
		return false
	}
	return res.StatusCode == cell
}

func cellName(cell int) string {
	switch cell {
	case toLogin:
		return "303 to /login"
	case refused:
		return "400/404/409/422 from the handler"
	}
	return http.StatusText(cell) + " (" + itoa(int64(cell)) + ")"
}

// checkSecurityHeaders wants the headers every page and API answer must
// carry: a CSP that allows no inline script and no framing, no MIME
// sniffing, and no full referrer to other sites.
func checkSecurityHeaders(t *testing.T, what string, h http.Header) {
	t.Helper()
	csp := h.Get("Content-Security-Policy")
	if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") ||
		!strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("%s: Content-Security-Policy %q", what, csp)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options %q", what, h.Get("X-Content-Type-Options"))
	}
	switch h.Get("Referrer-Policy") {
	case "same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin":
	default:
		t.Errorf("%s: Referrer-Policy %q", what, h.Get("Referrer-Policy"))
	}
}
