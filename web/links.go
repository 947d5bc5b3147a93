package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

// registerLinkRoutes wires the story's review queue of cross-article links
// and the resolution of disagreements.
func (s *Server) registerLinkRoutes(r *gin.Engine) {
	r.POST("/stories/:name/link", s.linkStoryForm)
	r.POST("/stories/:name/links", s.decideLinksForm)
	r.POST("/events/:id/resolve", s.resolveForm)
}

func (s *Server) registerLinkAPIRoutes(api *gin.RouterGroup) {
	api.POST("/stories/:name/link", s.apiLinkStory)
	api.GET("/stories/:name/links", s.apiStoryLinks)
	api.POST("/stories/:name/links/decide", s.apiDecideLinks)
	api.POST("/events/:id/resolve", s.apiResolve)
}

// linkStory runs the linker over the story, after an article joined it.
func (s *Server) linkStory(c *gin.Context, st *store.Story) (store.LinkOutcome, error) {
	return s.cfg.Store.LinkStory(c.Request.Context(), st.ID)
}

// storyQueue is the story's review queue: proposals waiting for an editor,
// links made at once (which an editor may undo), and events whose sources
// disagree.
type storyQueue struct {
	Pending   []store.StoryLinkDetail `json:"pending"`
	Linked    []store.StoryLinkDetail `json:"linked"`
	Disagreed []store.TimelineEvent   `json:"disagree"`
}

func (s *Server) loadQueue(c *gin.Context, st *store.Story) (*storyQueue, error) {
	ctx := c.Request.Context()
	q := &storyQueue{}
	var err error
	if q.Pending, err = s.cfg.Store.StoryLinks(ctx, st.ID, store.LinkPending); err != nil {
		return nil, err
	}
	if q.Linked, err = s.cfg.Store.StoryLinks(ctx, st.ID, store.LinkLinked, store.LinkAccepted); err != nil {
		return nil, err
	}
	evs, _, err := s.cfg.Store.Timeline(ctx, filter.Filter{Story: st.Name}, store.MaxTimelineLimit)
	if err != nil {
		return nil, err
	}
	q.Disagreed = []store.TimelineEvent{}
	for _, ev := range evs {
		if ev.Disagree {
			q.Disagreed = append(q.Disagreed, ev)
		}
	}
	q.Pending, q.Linked = orEmpty(q.Pending), orEmpty(q.Linked)
	return q, nil
}

func (s *Server) linkStoryForm(c *gin.Context) {
	st, err := s.cfg.Store.StoryByName(c.Request.Context(), c.Param("name"))
	if err != nil {
		s.fail(c, err)
		return
	}
	out, err := s.linkStory(c, st)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.redirectFlash(c, storyPath(st.Name), linkedMessage(out))
}

func linkedMessage(out store.LinkOutcome) string {
	return strconv.Itoa(out.Linked) + " events linked, " + strconv.Itoa(out.Proposed) + " proposals to review."
}

// formDecision reads what a review form decides: a row's own button
// (accept or reject, valued with the row's ID) decides that row; the
// buttons under the list (decision) decide the ticked rows (field,
// repeated). what names a row in the message about a bad ID.
func formDecision(c *gin.Context, field, what string) (string, []int64, error) {
	decision, picked := c.PostForm("decision"), c.PostFormArray(field)
	for _, d := range []string{store.DecideAccept, store.DecideReject} {
		if one := c.PostForm(d); one != "" {
			decision, picked = d, []string{one}
		}
	}
	var ids []int64
	for _, v := range picked {
		id, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || id <= 0 {
			return "", nil, apperr.Errorf(apperr.Invalid, "%q is not a %s number", v, what)
		}
		ids = append(ids, id)
	}
	return decision, ids, nil
}

// storyDecider applies an editor's decision to rows of a story's review
// (links, proposed articles) and says how many it decided.
type storyDecider func(ctx context.Context, storyID int64, ids []int64, decision string, userID *int64) (int, error)

// decideInStory applies decide to rows of the story of the path.
func (s *Server) decideInStory(c *gin.Context, ids []int64, decision string, decide storyDecider) (*store.Story, int, error) {
	ctx := c.Request.Context()
	st, err := s.cfg.Store.StoryByName(ctx, c.Param("name"))
	if err != nil {
		return nil, 0, err
	}
	n, err := decide(ctx, st.ID, ids, decision, who(c).userID())
	return st, n, err
}

// decideForm applies the decision of a review form (see formDecision) to
// the story's rows and goes back to the story's page at anchor, saying
// how many rows were decided.
func (s *Server) decideForm(c *gin.Context, field, what, rows, anchor string, decide storyDecider) {
	decision, ids, err := formDecision(c, field, what)
	var st *store.Story
	var n int
	if err == nil {
		st, n, err = s.decideInStory(c, ids, decision, decide)
	}
	if s.editFailed(c, err, s.renderStory, apperr.Invalid, apperr.NotFound, apperr.Conflict) {
		return
	}
	s.redirectFlash(c, storyPath(st.Name)+anchor, strconv.Itoa(n)+" "+rows+" "+pastTenseOf(decision)+".")
}

// decideLinksForm applies one decision to the ticked links or to the one
// whose button was pressed.
func (s *Server) decideLinksForm(c *gin.Context) {
	s.decideForm(c, "link", "link", "links", "#review", s.cfg.Store.DecideStoryLinks)
}

func pastTenseOf(decision string) string {
	switch decision {
	case store.DecideAccept:
		return "accepted"
	case store.DecideReject:
		return "rejected"
	}
	return "undone"
}

func (s *Server) resolveForm(c *gin.Context) {
	t, err := formTarget(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	value, mod := c.PostForm("value"), c.PostForm("mod")
	if choice := c.PostForm("choice"); choice != "" {
		// A side's date, as "value mod".
		value, mod, _ = strings.Cut(choice, " ")
	}
	_, err = s.cfg.Store.ResolveDisagreement(c.Request.Context(), t.ID, t.Version, value, mod, c.PostForm("note"), who(c).userID())
	if s.editFailed(c, err, s.renderEvent, apperr.Invalid, apperr.Conflict) {
		return
	}
	s.redirectFlash(c, "/events/"+strconv.FormatInt(t.ID, 10), "Disagreement resolved.")
}

func (s *Server) apiLinkStory(c *gin.Context) {
	st, err := s.cfg.Store.StoryByName(c.Request.Context(), c.Param("name"))
	if err != nil {
		s.fail(c, err)
		return
	}
	out, err := s.linkStory(c, st)
	s.reply(c, http.StatusOK, out, err)
}

func (s *Server) apiStoryLinks(c *gin.Context) {
	st, err := s.cfg.Store.StoryByName(c.Request.Context(), c.Param("name"))
	if err != nil {
		s.fail(c, err)
		return
	}
	q, err := s.loadQueue(c, st)
	s.reply(c, http.StatusOK, q, err)
}

func (s *Server) apiDecideLinks(c *gin.Context) {
	var b struct {
		Links    []int64 `json:"links"`
		Decision string  `json:"decision"`
	}
	if err := decodeJSON(c, &b); err != nil {
		s.fail(c, err)
		return
	}
	_, n, err := s.decideInStory(c, b.Links, b.Decision, s.cfg.Store.DecideStoryLinks)
	s.reply(c, http.StatusOK, gin.H{"decided": n}, err)
}

func (s *Server) apiResolve(c *gin.Context) {
	var b struct {
		Version *int   `json:"version"`
		Value   string `json:"value"`
		Mod     string `json:"mod"`
		Note    string `json:"note"`
	}
	id, err := idAndJSON(c, &b)
	if err == nil {
		err = requireVersion(b.Version)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	ev, err := s.cfg.Store.ResolveDisagreement(ctx, id, *b.Version, b.Value, b.Mod, b.Note, who(c).userID())
	s.replyEdit(c, ev, err, func() (any, error) { return s.cfg.Store.EventByID(ctx, id) })
}

// disagreeSide is one group of an event's sources that agree among
// themselves on a date the others contradict.
type disagreeSide struct {
	Value, Mod string
	Label      string
	Sources    []store.EventSourceDetail
}

// disagreeSides splits a disagreeing event's sources into their sides
// (timeline.Agreement); sources compatible with every side are on none.
func disagreeSides(ev *store.EventDetail) []disagreeSide {
	if !ev.Disagree {
		return nil
	}
	var dates []timeline.Date
	var srcs []store.EventSourceDetail
	for _, src := range ev.Sources {
		if d, err := timeline.ParseDate(src.Value, timeline.Mod(src.Mod)); err == nil && !d.IsZero() {
			dates, srcs = append(dates, d), append(srcs, src)
		}
	}
	_, _, groups := timeline.Agreement(dates)
	out := make([]disagreeSide, 0, len(groups))
	for _, g := range groups {
		best := g[0]
		side := disagreeSide{}
		for _, i := range g {
			// The side's finest date names it.
			if dates[i].End.Sub(dates[i].Start) < dates[best].End.Sub(dates[best].Start) {
				best = i
			}
			side.Sources = append(side.Sources, srcs[i])
		}
		side.Value, side.Mod = srcs[best].Value, srcs[best].Mod
		side.Label = side.Value
		if side.Mod != "" {
			side.Label += " " + side.Mod
		}
		out = append(out, side)
	}
	return out
}
