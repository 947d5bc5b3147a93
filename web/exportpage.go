package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/export"
	"github.com/factline/factline/claims/store"
)

// exportPageData is what the export page shows: the choices, the API
// query they make, and the same query as TimelineJS for the preview.
type exportPageData struct {
	Stories         []store.Story
	Formats         []export.Format
	Languages       []string
	Story           string
	From, To        string
	Lang            string
	Format          export.Format
	IncludeProposed bool
	// Query is the export's query string (encoded here, so safe in a
	// link); APIURL the whole address a graphics desk polls with a token;
	// PreviewQuery the same filter as TimelineJS, which the preview draws.
	Query                template.URL
	APIURL, PreviewQuery string
}

// exportPage lets anyone signed in choose a story or a date range, a
// language and a format, preview the TimelineJS timeline the export makes,
// download the file and copy the API address. The filters are checked
// here, so a bad one is a 422 page with the message, not a broken preview.
func (s *Server) exportPage(c *gin.Context) {
	d := exportPageData{Formats: export.Formats, Languages: export.Languages(), Story: strings.TrimSpace(c.Query("story")),
		From: strings.TrimSpace(c.Query("from")), To: strings.TrimSpace(c.Query("to")),
		IncludeProposed: c.Query("include") == "proposed"}
	var err error
	if d.Format, err = export.ParseFormat(c.DefaultQuery("format", string(export.TimelineJS))); err != nil {
		s.fail(c, err)
		return
	}
	if d.Lang, err = exportLang(c); err != nil {
		s.fail(c, err)
		return
	}
	if _, err := readFilter(c); err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	if d.Story != "" {
		if _, err := s.cfg.Store.StoryByName(ctx, d.Story); err != nil {
			s.fail(c, err)
			return
		}
	}
	if d.Stories, err = s.cfg.Store.Stories(ctx); err != nil {
		s.fail(c, err)
		return
	}
	q := url.Values{}
	for k, v := range map[string]string{"story": d.Story, "from": d.From, "to": d.To, "lang": d.Lang} {
		if v != "" {
			q.Set(k, v)
		}
	}
	if d.IncludeProposed {
		q.Set("include", "proposed")
	}
	q.Set("format", string(export.TimelineJS))
	d.PreviewQuery = q.Encode()
	q.Set("format", string(d.Format))
	d.Query = template.URL(q.Encode())
	d.APIURL = s.siteURL(c) + "/api/v1/export?" + q.Encode()
	s.render(c, http.StatusOK, "export", "Export", d)
}
