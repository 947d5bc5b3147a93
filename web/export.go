package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/export"
)

// apiExport streams an export:
// ?format=timelinejs|json|csv|claimreview&lang=&title=&reviewer=, the
// timeline's filter (status, from, to, tag, article, speaker, publisher, q,
// story, review) and include=proposed, which widens the export from the
// approved events to the proposed ones too. The Factline-Left-Out header
// counts the events of the filter it left out for their review state.
// It carries an ETag and answers If-None-Match with 304 before reading any
// event, so a published graphic can poll it cheaply.
func (s *Server) apiExport(c *gin.Context) {
	f, err := export.ParseFormat(c.Query("format"))
	if err != nil {
		s.fail(c, err)
		return
	}
	filter, err := readFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	lang, err := exportLang(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	opt := export.Options{Filter: filter, Title: c.Query("title"), Lang: lang, SiteURL: s.siteURL(c), Reviewer: c.Query("reviewer")}
	for _, inc := range c.QueryArray("include") {
		if inc != "proposed" {
			s.fail(c, apperr.Errorf(apperr.Invalid, "include takes proposed (approved events are always exported, rejected ones never), not %q", inc))
			return
		}
		opt.IncludeProposed = true
	}
	ctx := c.Request.Context()
	etag, err := export.ETag(ctx, s.cfg.Store, f, opt)
	if err != nil {
		s.fail(c, err)
		return
	}
	h := c.Writer.Header()
	h.Set("ETag", etag)
	// Private: the export is behind sign-in. no-cache: store it, but ask
	// every time; the ETag makes asking cheap.
	h.Set("Cache-Control", "private, no-cache")
	if etagMatches(c.GetHeader("If-None-Match"), etag) {
		c.Status(http.StatusNotModified)
		return
	}
	// The ETag hashes the format, the options and the state of the data,
	// so an export built for it is the export for anyone who asks with it,
	// and so is the count of what it left out.
	cached, ok := s.exports.get(etag)
	if !ok {
		left, err := export.LeftOut(ctx, s.cfg.Store, f, opt)
		if err != nil {
			s.fail(c, err)
			return
		}
		cached.leftOut = export.LeftOutHeader(left)
	}
	if cached.leftOut != "" {
		h.Set("Factline-Left-Out", cached.leftOut)
	}
	h.Set("Content-Type", f.ContentType())
	h.Set("Content-Disposition", `inline; filename="`+f.FileName()+`"`)
	c.Status(http.StatusOK)
	if ok {
		c.Writer.Write(cached.body)
		return
	}
	tee := &capture{w: c.Writer, max: s.exports.maxEntry()}
	err = export.Write(ctx, s.cfg.Store, tee, f, opt)
	if err == nil && !tee.over {
		cached.body = tee.buf
		s.exports.put(etag, cached)
	}
	if err != nil {
		if c.Writer.Written() {
			// Part of the body is out and the status cannot change. Closing
			// the connection before the final chunk makes the client see an
			// incomplete response instead of a short export it would trust.
			s.cfg.Logger.Error("export failed while streaming", "format", f, "err", err)
			c.Abort()
			if conn, _, herr := c.Writer.Hijack(); herr == nil {
				conn.Close()
			}
			return
		}
		for _, k := range []string{"ETag", "Content-Type", "Content-Disposition", "Factline-Left-Out"} {
			h.Del(k)
		}
		s.fail(c, err)
	}
}

// siteURL is this factline's address as the client reached it, for links
// that must be absolute (ClaimReview's review pages).
// exportLang reads the language an export names its dates in (lang=,
// English by default); an unknown one is apperr.Invalid.
func exportLang(c *gin.Context) (string, error) {
	lang := c.DefaultQuery("lang", "en")
	if !slices.Contains(export.Languages(), lang) {
		return "", apperr.Errorf(apperr.Invalid, "lang must be one of %s", strings.Join(export.Languages(), ", "))
	}
	return lang, nil
}

func (s *Server) siteURL(c *gin.Context) string {
	scheme := "http"
	if s.secure(c) {
		scheme = "https"
	}
	return scheme + "://" + c.Request.Host
}

// etagMatches applies If-None-Match's weak comparison (RFC 9110 13.1.2):
// any listed tag equal to etag once W/ is ignored, or "*".
func etagMatches(header, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == want {
			return true
		}
	}
	return false
}

// apiExportSchema serves the JSON Schema of the JSON export.
func (s *Server) apiExportSchema(c *gin.Context) {
	c.Data(http.StatusOK, "application/schema+json", export.Schema)
}
