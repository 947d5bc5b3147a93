package web

import (
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
)

// sessionCookie holds a signed-in browser's session token.
const sessionCookie = "factline_session"

// principal is who makes a request: a signed-in user (with their session)
// or a machine with an API token, which may only read.
type principal struct {
	user    *store.User
	session *store.Session
	token   *store.APIToken
}

const principalKey = "factline.principal"

// who returns the request's principal, nil for an anonymous visitor.
func who(c *gin.Context) *principal {
	p, _ := c.Get(principalKey)
	pr, _ := p.(*principal)
	return pr
}

// canEdit: editors and admins change things; viewers and tokens read.
func (p *principal) canEdit() bool {
	return p != nil && p.user != nil && (p.user.Role == store.RoleEditor || p.user.Role == store.RoleAdmin)
}

func (p *principal) isAdmin() bool {
	return p != nil && p.user != nil && p.user.Role == store.RoleAdmin
}

// userID is who the revision log records, nil for no user.
func (p *principal) userID() *int64 {
	if p == nil || p.user == nil {
		return nil
	}
	return &p.user.ID
}

// authenticate finds the principal: an API bearer token on /api/ routes, or
// a session cookie. A bad token fails the request (the client meant to
// authenticate); a stale cookie just leaves the visitor anonymous.
func (s *Server) authenticate(c *gin.Context) {
	if auth := c.GetHeader("Authorization"); auth != "" && isAPI(c) {
		raw, ok := strings.CutPrefix(auth, "Bearer ")
		if !ok || s.cfg.Tokens == nil {
			s.fail(c, errUnauthorized)
			return
		}
		tok, err := s.cfg.Tokens.AuthenticateToken(c.Request.Context(), strings.TrimSpace(raw))
		if code := apperr.CodeOf(err); code == apperr.Forbidden || code == apperr.NotFound {
			s.fail(c, &httpError{http.StatusUnauthorized, "unauthorized", err.Error()})
			return
		} else if err != nil {
			s.fail(c, err)
			return
		}
		c.Set(principalKey, &principal{token: tok})
		c.Next()
		return
	}
	if raw, err := c.Cookie(sessionCookie); err == nil && raw != "" {
		sess, u, err := s.cfg.Store.SessionUser(c.Request.Context(), raw, s.cfg.SessionIdle)
		switch {
		case apperr.CodeOf(err) == apperr.NotFound:
			s.setCookie(c, sessionCookie, "", -1)
		case err != nil:
			s.fail(c, err)
			return
		default:
			c.Set(principalKey, &principal{user: u, session: sess})
		}
	}
	c.Next()
}

// writeForms are the pages that only hold a form for a change: a reader
// is told at once that they may not make it, before typing into it.
var writeForms = map[string]bool{"/articles/new": true, "/events/new": true}

// publicPaths need no sign-in.
func isPublic(path string) bool {
	return path == "/login" || path == "/logout" || path == "/healthz" || path == "/favicon.ico" || strings.HasPrefix(path, "/static/")
}

func isSafeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// authorize applies the access rules to every route by method and path:
// anonymous visitors are sent to sign in (the API answers 401), any change
// needs an editor, /admin needs an admin.
func (s *Server) authorize(c *gin.Context) {
	path := c.Request.URL.Path
	if isPublic(path) {
		c.Next()
		return
	}
	p := who(c)
	switch {
	case p == nil && (isAPI(c) || !isSafeMethod(c.Request.Method)):
		s.fail(c, errUnauthorized)
		return
	case p == nil:
		c.Redirect(http.StatusSeeOther, "/login?next="+url.QueryEscape(c.Request.URL.RequestURI()))
		c.Abort()
		return
	case strings.HasPrefix(path, "/admin/") && !p.isAdmin():
		s.fail(c, errAdminOnly)
		return
	case (!isSafeMethod(c.Request.Method) || writeForms[path]) && !p.canEdit():
		s.fail(c, errReadOnly)
		return
	}
	c.Next()
}

// setCookie writes an HttpOnly, SameSite=Lax cookie for the whole site,
// Secure behind TLS. maxAge < 0 deletes it, 0 makes it last the browser
// session. Lax keeps a link from a chat message working; CSRF tokens, not
// SameSite, protect changes.
func (s *Server) setCookie(c *gin.Context, name, value string, maxAge int) {
	http.SetCookie(c.Writer, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge,
		HttpOnly: true, Secure: s.secure(c), SameSite: http.SameSiteLaxMode})
}

// loginData is what the login page shows.
type loginData struct {
	Next     string
	Username string
	Message  string
	NoUsers  bool
}

func (s *Server) loginPage(c *gin.Context) {
	next := safeNext(c.Query("next"))
	if who(c) != nil {
		c.Redirect(http.StatusSeeOther, next)
		return
	}
	s.renderLogin(c, http.StatusOK, loginData{Next: next})
}

func (s *Server) renderLogin(c *gin.Context, status int, d loginData) {
	n, err := s.cfg.Store.CountUsers(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	d.NoUsers = n == 0
	s.render(c, status, "login", "Sign in", d)
}

// login checks a username and password under the login limits (see
// loginLimiter) and starts a fresh session: the session id is always new at
// login, so a session fixed by an attacker before sign-in is worthless.
func (s *Server) login(c *gin.Context) {
	username, password := strings.TrimSpace(c.PostForm("username")), c.PostForm("password")
	d := loginData{Next: safeNext(c.PostForm("next")), Username: username}
	attempt, ok, retryAfter := s.limiter.reserve(c.ClientIP(), username)
	if !ok {
		c.Header("Retry-After", strconv.Itoa(int(math.Ceil(retryAfter.Seconds()))))
		d.Message = errRateLimited.msg
		s.renderLogin(c, http.StatusTooManyRequests, d)
		return
	}
	if err := s.limiter.wait(c.Request.Context(), attempt); err != nil {
		s.fail(c, err)
		return
	}
	u, err := s.cfg.Store.Authenticate(c.Request.Context(), username, password)
	if apperr.CodeOf(err) == apperr.Forbidden {
		d.Message = err.Error()
		s.renderLogin(c, http.StatusUnauthorized, d)
		return
	} else if err != nil {
		s.fail(c, err)
		return
	}
	s.limiter.succeeded(attempt)
	// Sign-ins are rare and cheap to piggyback on: sweep expired sessions
	// here rather than run a timer.
	if _, err := s.cfg.Store.DeleteExpiredSessions(c.Request.Context()); err != nil {
		s.cfg.Logger.Warn("delete expired sessions", "err", err)
	}
	if old := who(c); old != nil && old.session != nil {
		if raw, err := c.Cookie(sessionCookie); err == nil {
			_ = s.cfg.Store.DeleteSession(c.Request.Context(), raw)
		}
	}
	token, _, err := s.cfg.Store.CreateSession(c.Request.Context(), u.ID, s.cfg.SessionTTL)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.setCookie(c, sessionCookie, token, int(s.cfg.SessionTTL.Seconds()))
	s.setCookie(c, csrfCookie, "", -1)
	c.Redirect(http.StatusSeeOther, d.Next)
}

// logout ends the session on the server, not only in the browser.
func (s *Server) logout(c *gin.Context) {
	if raw, err := c.Cookie(sessionCookie); err == nil && raw != "" {
		if err := s.cfg.Store.DeleteSession(c.Request.Context(), raw); err != nil {
			s.fail(c, err)
			return
		}
	}
	s.setCookie(c, sessionCookie, "", -1)
	c.Redirect(http.StatusSeeOther, "/login")
}

// safeNext keeps a post-login redirect on this site: only a plain absolute
// path (with an optional query and fragment) is kept. Browsers drop tabs
// and newlines inside a URL and read a backslash as a slash, so "/\t/host"
// and "/\\host" would lead to another site: any character that is not
// printable, a space, a backslash or invalid UTF-8 refuses the whole value,
// as does anything with a scheme or a host.
func safeNext(next string) string {
	const home = "/timeline"
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") {
		return home
	}
	for _, r := range next {
		if r == '\\' || r == ' ' || !unicode.IsPrint(r) || r == utf8.RuneError {
			return home
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" || !strings.HasPrefix(u.Path, "/") {
		return home
	}
	return next
}
