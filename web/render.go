package web

import (
	"bytes"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

// pageSet holds one template per page, each the layout plus that page's
// "content" block (html/template allows one definition per name per set).
type pageSet map[string]*template.Template

// loadPages parses the layout and shared partials (partial_*.html)
// once, then each page on a clone of them.
func loadPages() (pageSet, error) {
	// Language choices come from the one registry of languages.
	base, err := template.New("").Funcs(templateFuncs).Funcs(template.FuncMap{"languages": timeline.Languages}).ParseFS(assets, "templates/layout.html", "templates/partial_*.html")
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		return nil, err
	}
	pages := pageSet{}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if name == "layout" || strings.HasPrefix(name, "partial_") {
			continue
		}
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if pages[name], err = t.ParseFS(assets, f); err != nil {
			return nil, err
		}
	}
	return pages, nil
}

// staticFiles serves the embedded static directory.
func staticFiles() (http.FileSystem, error) {
	sub, err := fs.Sub(assets, "static")
	return http.FS(sub), err
}

// view is what every page template receives; D is the page's own data.
type view struct {
	Title   string
	Me      *store.User
	CanEdit bool
	IsAdmin bool
	CSRF    string
	Flash   string
	Path    string
	D       any
}

// render executes a page into a buffer first, so a template error becomes
// a clean 500 rather than half a page.
func (s *Server) render(c *gin.Context, status int, name, title string, data any) {
	t, ok := s.pages[name]
	if !ok {
		s.cfg.Logger.Error("no such template", "name", name)
		c.String(http.StatusInternalServerError, errInternal.msg)
		return
	}
	p := who(c)
	v := view{Title: title, CanEdit: p.canEdit(), IsAdmin: p.isAdmin(), CSRF: s.csrfToken(c),
		Flash: s.takeFlash(c), Path: c.Request.URL.Path, D: data}
	if p != nil {
		v.Me = p.user
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		s.cfg.Logger.Error("render", "template", name, "err", err)
		c.String(http.StatusInternalServerError, errInternal.msg)
		return
	}
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// flashCookie carries a one-line message across a redirect ("Saved").
const flashCookie = "factline_flash"

func (s *Server) setFlash(c *gin.Context, msg string) {
	s.setCookie(c, flashCookie, url.QueryEscape(msg), 60)
}

func (s *Server) takeFlash(c *gin.Context) string {
	raw, err := c.Cookie(flashCookie)
	if err != nil || raw == "" {
		return ""
	}
	s.setCookie(c, flashCookie, "", -1)
	msg, _ := url.QueryUnescape(raw)
	return msg
}

// redirectFlash answers a successful form post: message, then back to a page.
func (s *Server) redirectFlash(c *gin.Context, to, msg string) {
	s.setFlash(c, msg)
	c.Redirect(http.StatusSeeOther, to)
}
