package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store"
)

// registerFeedRoutes wires following a story's feeds from its page.
func (s *Server) registerFeedRoutes(r *gin.Engine) {
	r.POST("/stories/:name/feeds", s.followFeedForm)
	r.POST("/stories/:name/feeds/:id/remove", s.unfollowFeedForm)
}

func (s *Server) registerFeedAPIRoutes(api *gin.RouterGroup) {
	api.POST("/stories/:name/feeds", s.apiFollowFeed)
	api.DELETE("/stories/:name/feeds/:id", s.apiUnfollowFeed)
}

// followFeed makes the story follow a feed and reads it at once, through
// the same fetcher (address guard, limits) as articles added by URL.
func (s *Server) followFeed(ctx context.Context, name, rawURL string, userID *int64) (*store.Story, *store.StoryFeed, ingest.FeedOutcome, error) {
	var none ingest.FeedOutcome
	st, err := s.cfg.Store.StoryByName(ctx, name)
	if err != nil {
		return nil, nil, none, err
	}
	f, err := s.cfg.Store.FollowFeed(ctx, st.ID, rawURL, userID)
	if err != nil {
		return st, nil, none, err
	}
	in := &ingest.Ingester{Store: s.cfg.Store, Fetcher: s.fetcher, CreatedBy: userID}
	out := in.ReadFeed(ctx, *f)
	if out.Added+out.Joined > 0 {
		if _, err := s.cfg.Store.LinkStory(ctx, st.ID); err != nil {
			return st, f, out, err
		}
	}
	return st, f, out, nil
}

func (s *Server) followFeedForm(c *gin.Context) {
	st, _, out, err := s.followFeed(c.Request.Context(), c.Param("name"), c.PostForm("url"), who(c).userID())
	if s.editFailed(c, err, s.renderStory, apperr.Invalid, apperr.Duplicate) {
		return
	}
	msg := "Feed followed: " + strconv.Itoa(out.Added) + " articles added, " + strconv.Itoa(out.Joined) + " already stored joined the story."
	if len(out.Failures) > 0 {
		msg += " Failed: " + strings.Join(out.Failures, "; ")
	}
	s.redirectFlash(c, storyPath(st.Name)+"#feeds", msg)
}

func (s *Server) unfollowFeedForm(c *gin.Context) {
	st, err := s.unfollowFeed(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.redirectFlash(c, storyPath(st.Name)+"#feeds", "The story no longer follows that feed.")
}

func (s *Server) unfollowFeed(c *gin.Context) (*store.Story, error) {
	id, err := parseID(c, "id")
	if err != nil {
		return nil, err
	}
	ctx := c.Request.Context()
	st, err := s.cfg.Store.StoryByName(ctx, c.Param("name"))
	if err != nil {
		return nil, err
	}
	return st, s.cfg.Store.UnfollowFeed(ctx, st.ID, id, who(c).userID())
}

func (s *Server) apiFollowFeed(c *gin.Context) {
	var b struct {
		URL string `json:"url"`
	}
	if err := decodeJSON(c, &b); err != nil {
		s.fail(c, err)
		return
	}
	_, f, out, err := s.followFeed(c.Request.Context(), c.Param("name"), b.URL, who(c).userID())
	s.reply(c, http.StatusCreated, gin.H{"feed": f, "added": out.Added, "joined": out.Joined, "failures": orEmpty(out.Failures)}, err)
}

func (s *Server) apiUnfollowFeed(c *gin.Context) {
	if _, err := s.unfollowFeed(c); err != nil {
		s.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}
