package web

import (
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
)

// registerEventReviewRoutes wires the review state of events: editors
// approve, reject or send back to proposed, from the event page, the list
// view and the timeline (the API, by keyboard).
func (s *Server) registerEventReviewRoutes(r *gin.Engine) {
	r.POST("/events/:id/review", s.reviewEventForm)
}

func (s *Server) registerEventReviewAPIRoutes(api *gin.RouterGroup) {
	api.POST("/events/:id/review", s.apiReviewEvent)
}

// reviewEventForm sets the review state from a form's "state" and
// "version"; "back", a path of this site, is where to return (the list
// the editor reviewed from), the event page by default.
func (s *Server) reviewEventForm(c *gin.Context) {
	t, err := formTarget(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	state := c.PostForm("state")
	_, err = s.cfg.Store.SetReview(c.Request.Context(), t.ID, t.Version, state, who(c).userID())
	if s.editFailed(c, err, s.renderEvent, apperr.Invalid, apperr.Conflict) {
		return
	}
	back := "/events/" + strconv.FormatInt(t.ID, 10)
	if b := c.PostForm("back"); b != "" {
		back = safeNext(b)
	}
	s.redirectFlash(c, back, "Event #"+strconv.FormatInt(t.ID, 10)+" is now "+state+".")
}

// apiReviewEvent sets the review state: {"version", "state"}.
func (s *Server) apiReviewEvent(c *gin.Context) {
	var b struct {
		Version *int   `json:"version"`
		State   string `json:"state"`
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
	ev, err := s.cfg.Store.SetReview(ctx, id, *b.Version, b.State, who(c).userID())
	s.replyEdit(c, ev, err, func() (any, error) { return s.cfg.Store.EventByID(ctx, id) })
}
