package web

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

// timelineQuery is the timeline's filter as the pages and the API read it
// from the query string, with the values as given for the filter form.
type timelineQuery struct {
	From, To  string
	Statuses  []string
	Speaker   string
	Publisher string
	Article   string
	Tag       string
	Q         string
	Story     string
	Reviews   []string
	Group     string
	Hidden    bool
	// Lang is the language the events' dates are named in.
	Lang   string
	filter filter.Filter
	limit  int
}

// Groupings the timeline can draw lanes by.
var timelineGroups = []string{"", "article", "speaker", "tag"}

// readFilter reads the event filter from the query string, the same way
// for the timeline and the exports (see filter.Params). Bad input is an
// apperr.Invalid error, answered 422.
func readFilter(c *gin.Context) (filter.Filter, error) {
	return filter.Parse(filter.Params{Status: c.QueryArray("status"), From: c.Query("from"), To: c.Query("to"),
		Tag: c.Query("tag"), Article: c.Query("article"), Speaker: c.Query("speaker"), Publisher: c.Query("publisher"),
		Q: c.Query("q"), Story: c.Query("story"), Review: c.QueryArray("review")})
}

// readTimelineQuery reads and checks the filter and how to draw it. Hidden
// events are shown only to people who can unhide them.
func readTimelineQuery(c *gin.Context) (timelineQuery, error) {
	f, err := readFilter(c)
	if err != nil {
		return timelineQuery{}, err
	}
	f.IncludeHidden = c.Query("hidden") == "1" && who(c).canEdit()
	q := timelineQuery{From: f.From, To: f.To, Statuses: slices.Concat(f.EventStatuses, f.ClaimStatuses),
		Speaker: f.Speaker, Publisher: f.Publisher, Article: strings.TrimSpace(c.Query("article")), Tag: f.Tag, Q: f.Query,
		Story: f.Story, Reviews: f.Review, Group: c.Query("group"), Hidden: f.IncludeHidden, filter: f}
	q.Lang = c.DefaultQuery("lang", pageLanguage)
	if _, ok := timeline.LookupLanguage(q.Lang); !ok {
		return q, apperr.Errorf(apperr.Invalid, "lang must be one of %s, not %q", strings.Join(timeline.LanguageCodes(), ", "), q.Lang)
	}
	if !slices.Contains(timelineGroups, q.Group) {
		return q, apperr.Errorf(apperr.Invalid, "group must be article, speaker or tag, not %q", q.Group)
	}
	if l := c.Query("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > store.MaxTimelineLimit {
			return q, apperr.Errorf(apperr.Invalid, "limit must be 1-%d", store.MaxTimelineLimit)
		}
		q.limit = n
	}
	return q, nil
}

// timelineItem is an event as the timeline API serves it, with its date in
// words.
type timelineItem struct {
	store.TimelineEvent
	Label string `json:"label"`
}

type timelineResult struct {
	Events    []timelineItem `json:"events"`
	Total     int64          `json:"total"`
	Truncated bool           `json:"truncated"`
}

func (s *Server) loadTimeline(c *gin.Context, q timelineQuery) (*timelineResult, error) {
	evs, total, err := s.cfg.Store.Timeline(c.Request.Context(), q.filter, q.limit)
	if err != nil {
		return nil, err
	}
	items := make([]timelineItem, len(evs))
	for i, e := range evs {
		items[i] = timelineItem{TimelineEvent: e, Label: eventLabel(q.Lang, e.Event)}
	}
	return &timelineResult{Events: items, Total: total, Truncated: int64(len(items)) < total}, nil
}

type timelinePageData struct {
	Q      timelineQuery
	Facets *store.Facets
	Result *timelineResult
	// Query is the filter as a query string, for the API and the other
	// view; re-encoded from the request, so it is safe in a link's query.
	Query  template.URL
	Groups []string
	// WindowStart and WindowEnd are the filter's From and To as instants
	// (RFC 3339, empty where the filter has no bound): the zoomable view
	// opens on them.
	WindowStart, WindowEnd string
	// Error says why the filter could not be read; the form then shows
	// the filter as it was typed, and no events.
	Error string
}

// timelineData reads the filter and the pickers' values.
func (s *Server) timelineData(c *gin.Context, withEvents bool) (*timelinePageData, error) {
	q, err := readTimelineQuery(c)
	if err != nil {
		return nil, err
	}
	facets, err := s.cfg.Store.TimelineFacets(c.Request.Context())
	if err != nil {
		return nil, err
	}
	d := &timelinePageData{Q: q, Facets: facets, Query: template.URL(c.Request.URL.Query().Encode()), Groups: timelineGroups}
	from, to, err := q.filter.Window()
	if err != nil {
		return nil, err
	}
	if from != nil {
		d.WindowStart = from.Format(time.RFC3339)
	}
	if to != nil {
		d.WindowEnd = to.Format(time.RFC3339)
	}
	if withEvents {
		d.Result, err = s.loadTimeline(c, q)
	}
	return d, err
}

// timelinePage draws the zoomable timeline; its script fetches the events
// from the API with the same query string.
func (s *Server) timelinePage(c *gin.Context) {
	s.renderTimeline(c, "timeline", "Timeline", false)
}

// timelineListPage is the same timeline as a plain list, for reading,
// printing, keyboard use and merging.
func (s *Server) timelineListPage(c *gin.Context) {
	s.renderTimeline(c, "timeline_list", "Timeline list", true)
}

// renderTimeline renders a timeline page. A filter it cannot read (a bad
// date, an unknown status) is a 422 page that shows the filter as typed
// with the reason, so the editor corrects it rather than starts again.
func (s *Server) renderTimeline(c *gin.Context, page, title string, withEvents bool) {
	d, err := s.timelineData(c, withEvents)
	if apperr.CodeOf(err) == apperr.Invalid {
		facets, ferr := s.cfg.Store.TimelineFacets(c.Request.Context())
		if ferr != nil {
			s.fail(c, ferr)
			return
		}
		d = &timelinePageData{Q: typedQuery(c), Facets: facets, Groups: timelineGroups, Error: err.Error()}
		s.render(c, http.StatusUnprocessableEntity, page, title, d)
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	s.render(c, http.StatusOK, page, title, d)
}

// typedQuery is the timeline filter as the query string gives it, unread.
func typedQuery(c *gin.Context) timelineQuery {
	return timelineQuery{From: c.Query("from"), To: c.Query("to"), Statuses: c.QueryArray("status"), Speaker: c.Query("speaker"),
		Publisher: c.Query("publisher"), Article: c.Query("article"), Tag: c.Query("tag"), Q: c.Query("q"), Story: c.Query("story"),
		Reviews: c.QueryArray("review"), Group: c.Query("group"), Lang: c.DefaultQuery("lang", pageLanguage)}
}

func (s *Server) apiTimeline(c *gin.Context) {
	q, err := readTimelineQuery(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	res, err := s.loadTimeline(c, q)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, res)
}
