package web

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"
)

// contentSecurityPolicy allows only this origin's files: no inline script,
// no inline style attributes or elements, no framing. Scripts set styles
// through the CSSOM, which the policy permits.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every answer carries.
func (s *Server) securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	// Links to original articles must not tell publishers which internal
	// page an editor came from.
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
	if s.secure(c) {
		h.Set("Strict-Transport-Security", "max-age=31536000")
	}
	if !strings.HasPrefix(c.Request.URL.Path, "/static/") {
		// Pages carry a CSRF token and unpublished work: keep them out of
		// shared caches and the back-forward cache of a shared computer.
		h.Set("Cache-Control", "no-store")
	}
	c.Next()
}

// secure tells whether cookies must be Secure: the request came over TLS,
// or the operator said a TLS proxy is in front.
func (s *Server) secure(c *gin.Context) bool {
	return s.cfg.SecureCookies || c.Request.TLS != nil
}

// Request body caps: article submissions carry a whole article (the
// pipeline refuses texts over 2 MB; an upload's HTML is larger than its
// text); every other change is a small form or JSON document.
const (
	maxArticleBody = 4 << 20
	maxEditBody    = 64 << 10
)

// articleRoutes are the routes that accept a whole article.
var articleRoutes = map[string]bool{"/articles": true, "/api/v1/articles": true}

// checkQuery refuses a query string holding NUL or invalid UTF-8: no
// stored text contains either, and PostgreSQL fails a query that compares
// text with them instead of finding nothing.
func (s *Server) checkQuery(c *gin.Context) {
	for k, vs := range c.Request.URL.Query() {
		for _, v := range append(vs, k) {
			if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
				s.fail(c, badRequest("the query parameter %q holds a NUL character or invalid UTF-8", strings.ToValidUTF8(k, "?")))
				return
			}
		}
	}
	c.Next()
}

// limitBody caps how much of a request body a handler can read; reading
// past the cap fails with a MaxBytesError, which answers 413.
func (s *Server) limitBody(c *gin.Context) {
	limit := int64(maxEditBody)
	if articleRoutes[c.FullPath()] {
		limit = maxArticleBody
	}
	if c.Request.ContentLength > limit {
		s.fail(c, &http.MaxBytesError{Limit: limit})
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
	c.Next()
}
