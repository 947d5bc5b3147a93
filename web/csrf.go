package web

import (
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"mime"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

// csrfCookie carries the CSRF token of a visitor not yet signed in (the
// login form). Once signed in, the token bound to the session is used.
const csrfCookie = "factline_csrf"

// csrfField and csrfHeader are where a request presents its token: forms in
// a hidden field, scripts in a header read from the page's meta tag.
const (
	csrfField  = "csrf_token"
	csrfHeader = "X-CSRF-Token"
)

// csrfToken returns the token pages must embed in forms, creating the
// pre-session cookie when the visitor has none.
func (s *Server) csrfToken(c *gin.Context) string {
	if p := who(c); p != nil && p.session != nil {
		return p.session.CSRFToken
	}
	if v, err := c.Cookie(csrfCookie); err == nil && len(v) >= 26 {
		return v
	}
	v := rand.Text()
	s.setCookie(c, csrfCookie, v, 0)
	// Later calls in this request must see the same token.
	c.Request.AddCookie(&http.Cookie{Name: csrfCookie, Value: v})
	return v
}

// expectedCSRF is the token a request must present, "" when it has none.
func expectedCSRF(c *gin.Context) string {
	if p := who(c); p != nil && p.session != nil {
		return p.session.CSRFToken
	}
	v, _ := c.Cookie(csrfCookie)
	return v
}

// checkCSRF refuses a state-changing request that does not carry the
// visitor's token, or whose Origin is another site. Bearer-token requests
// carry no cookie, so a forged cross-site request cannot ride on them; they
// are read-only anyway and authorize has already refused their writes.
func (s *Server) checkCSRF(c *gin.Context) {
	if isSafeMethod(c.Request.Method) || (who(c) != nil && who(c).token != nil) {
		c.Next()
		return
	}
	if origin := c.GetHeader("Origin"); origin != "" {
		if u, err := url.Parse(origin); err != nil || u.Host != c.Request.Host {
			s.fail(c, errCSRF)
			return
		}
	}
	given := c.GetHeader(csrfHeader)
	if given == "" {
		if err := parseForm(c); err != nil {
			s.fail(c, err)
			return
		}
		given = c.Request.PostFormValue(csrfField)
	}
	want := expectedCSRF(c)
	if want == "" || subtle.ConstantTimeCompare([]byte(given), []byte(want)) != 1 {
		s.fail(c, errCSRF)
		return
	}
	c.Next()
}

// parseForm reads a form body once, so that an oversized or broken body is
// answered 413 or 400 instead of looking like a missing CSRF token.
func parseForm(c *gin.Context) error {
	var err error
	if mt, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type")); mt == "multipart/form-data" {
		err = c.Request.ParseMultipartForm(maxArticleBody)
	} else {
		err = c.Request.ParseForm()
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return err
	case err != nil:
		return badRequest("the form could not be read: %v", err)
	}
	return nil
}
