package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

// timelineQuery is the timeline's filter as the pages and the API read it
// from the query string.
type timelineQuery struct {
	From, To  string
	Statuses  []string
	Speaker   string
	Publisher string
	Article   string
	Tag       string
	Q         string
	Group     string
	Hidden    bool
	filter    store.TimelineFilter
}

// Groupings the timeline can draw lanes by.
var timelineGroups = []string{"", "article", "speaker", "tag"}

// readTimelineQuery reads and checks the filter. From and To take any
// calendar value ("2019", "2019-12", "2019-12-28"); To includes its whole
// interval. Hidden events are shown only to people who can unhide them.
func readTimelineQuery(c *gin.Context) (timelineQuery, error) {
	q := timelineQuery{From: c.Query("from"), To: c.Query("to"), Statuses: c.QueryArray("status"),
		Speaker: strings.TrimSpace(c.Query("speaker")), Publisher: strings.TrimSpace(c.Query("publisher")),
		Article: c.Query("article"), Tag: strings.TrimSpace(c.Query("tag")), Q: strings.TrimSpace(c.Query("q")),
		Group: c.Query("group"), Hidden: c.Query("hidden") == "1" && who(c).canEdit()}
	f := store.TimelineFilter{Speaker: q.Speaker, Publisher: q.Publisher, Tag: strings.ToLower(q.Tag), Query: q.Q, IncludeHidden: q.Hidden}
	for _, bound := range []struct {
		v   string
		dst **time.Time
		end bool
	}{{q.From, &f.From, false}, {q.To, &f.To, true}} {
		if bound.v == "" {
			continue
		}
		d, err := timeline.ParseDate(bound.v, timeline.ModNone)
		if err != nil {
			return q, badRequest("%q is not a date: use 2019, 2019-12 or 2019-12-28", bound.v)
		}
		t := d.Start
		if bound.end {
			t = d.End
		}
		*bound.dst = &t
	}
	q.Statuses = slices.DeleteFunc(q.Statuses, func(s string) bool { return s == "" })
	for _, st := range q.Statuses {
		if !slices.Contains(store.EventStatuses(), st) {
			return q, badRequest("unknown status %q: use %s", st, strings.Join(store.EventStatuses(), ", "))
		}
	}
	f.Statuses = q.Statuses
	if q.Article != "" {
		id, err := strconv.ParseInt(q.Article, 10, 64)
		if err != nil || id <= 0 {
			return q, badRequest("article must be an article number, not %q", q.Article)
		}
		f.ArticleID = id
	}
	if !slices.Contains(timelineGroups, q.Group) {
		return q, badRequest("group must be article, speaker or tag, not %q", q.Group)
	}
	if l := c.Query("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > store.MaxTimelineLimit {
			return q, badRequest("limit must be 1-%d", store.MaxTimelineLimit)
		}
		f.Limit = n
	}
	q.filter = f
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
	evs, total, err := s.cfg.Store.Timeline(c.Request.Context(), q.filter)
	if err != nil {
		return nil, err
	}
	items := make([]timelineItem, len(evs))
	for i, e := range evs {
		items[i] = timelineItem{TimelineEvent: e, Label: dateLabel(e.Value, e.Mod)}
	}
	return &timelineResult{Events: items, Total: total, Truncated: int64(len(items)) < total}, nil
}

type timelinePageData struct {
	Q      timelineQuery
	Facets *store.Facets
	Result *timelineResult
	Query  string // the filter as a query string, for the API and the other view
	Groups []string
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
	d := &timelinePageData{Q: q, Facets: facets, Query: c.Request.URL.RawQuery, Groups: timelineGroups}
	if withEvents {
		d.Result, err = s.loadTimeline(c, q)
	}
	return d, err
}

// timelinePage draws the zoomable timeline; its script fetches the events
// from the API with the same query string.
func (s *Server) timelinePage(c *gin.Context) {
	d, err := s.timelineData(c, false)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.render(c, http.StatusOK, "timeline", "Timeline", d)
}

// timelineListPage is the same timeline as a plain list, for reading,
// printing, keyboard use and merging.
func (s *Server) timelineListPage(c *gin.Context) {
	d, err := s.timelineData(c, true)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.render(c, http.StatusOK, "timeline_list", "Timeline list", d)
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
