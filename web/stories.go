package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
)

// registerStoryRoutes wires the story pages and the editor's actions on
// an article's stories.
func (s *Server) registerStoryRoutes(r *gin.Engine) {
	r.GET("/stories", s.storiesPage)
	r.POST("/stories", s.createStory)
	r.GET("/stories/:name", s.storyPage)
	r.POST("/stories/:name", s.updateStory)
	r.POST("/stories/:name/articles", s.joinStoryForm)
	r.POST("/stories/:name/articles/:id/remove", s.leaveStoryForm)
	r.POST("/articles/:id/stories", s.joinStoryFromArticle)
	s.registerLinkRoutes(r)
	s.registerFeedRoutes(r)
	r.POST("/stories/:name/candidates", s.decideCandidateForm)
}

// registerStoryAPIRoutes wires the story API under /api/v1.
func (s *Server) registerStoryAPIRoutes(api *gin.RouterGroup) {
	api.GET("/stories", s.apiStories)
	api.POST("/stories", s.apiCreateStory)
	api.GET("/stories/:name", s.apiStory)
	api.PATCH("/stories/:name", s.apiUpdateStory)
	api.POST("/stories/:name/articles", s.apiJoinStory)
	api.DELETE("/stories/:name/articles/:id", s.apiLeaveStory)
	s.registerLinkAPIRoutes(api)
	s.registerFeedAPIRoutes(api)
	api.POST("/stories/:name/candidates", s.apiDecideCandidates)
	api.POST("/stories/:name/candidates/:id", s.apiDecideCandidate)
}

// storyPath is a story's page.
func storyPath(name string) string { return "/stories/" + url.PathEscape(name) }

// splitTags reads a comma-separated tag field.
func splitTags(v string) []string {
	out := []string{}
	for _, t := range strings.Split(v, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// storyInputForm reads a story form's title, description and tags; every
// field of the form is set, so empty tags clear them.
func storyInputForm(c *gin.Context) store.StoryInput {
	title, desc := c.PostForm("title"), c.PostForm("description")
	return store.StoryInput{Title: &title, Description: &desc, Tags: splitTags(c.PostForm("tags")), SetTags: true}
}

type storiesData struct {
	Stories []store.Story
	Message string
	Name    string
	In      store.StoryInput
}

func (s *Server) storiesPage(c *gin.Context) {
	s.renderStories(c, http.StatusOK, storiesData{})
}

func (s *Server) renderStories(c *gin.Context, status int, d storiesData) {
	list, err := s.cfg.Store.Stories(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	d.Stories = list
	s.render(c, status, "stories", "Stories", d)
}

func (s *Server) createStory(c *gin.Context) {
	name := strings.TrimSpace(c.PostForm("name"))
	in := storyInputForm(c)
	st, err := s.cfg.Store.CreateStory(c.Request.Context(), name, in, who(c).userID())
	switch apperr.CodeOf(err) {
	case "":
		s.redirectFlash(c, storyPath(st.Name), "Story created.")
	case apperr.Invalid, apperr.Duplicate:
		status, body := classify(err)
		s.renderStories(c, status, storiesData{Message: body.Message, Name: name, In: in})
	default:
		s.fail(c, err)
	}
}

// storyData is a story with its articles, for the page and the API.
type storyData struct {
	Story    *store.Story    `json:"story"`
	Articles []store.Article `json:"articles"`
	// Feeds are the feeds the story follows, with when each was last read.
	Feeds []store.StoryFeed `json:"feeds"`
	// Candidates are articles proposed for the story, waiting.
	Candidates []store.StoryCandidate `json:"candidates"`
	// Counts are the story's events by review state, and those whose
	// sources disagree on the date.
	Counts  store.ReviewCounts `json:"counts"`
	Message string             `json:"-"`
	// Queue is the review queue, on the page only.
	Queue *storyQueue `json:"-"`
}

func (s *Server) loadStory(ctx context.Context, name string) (*storyData, error) {
	st, err := s.cfg.Store.StoryByName(ctx, name)
	if err != nil {
		return nil, err
	}
	arts, err := s.cfg.Store.StoryArticles(ctx, st.ID)
	if err != nil {
		return nil, err
	}
	feeds, err := s.cfg.Store.StoryFeeds(ctx, st.ID)
	if err != nil {
		return nil, err
	}
	cands, err := s.cfg.Store.StoryCandidates(ctx, st.ID)
	if err != nil {
		return nil, err
	}
	counts, err := s.cfg.Store.ReviewCounts(ctx, filter.Filter{Story: st.Name})
	if err != nil {
		return nil, err
	}
	return &storyData{Story: st, Articles: orEmpty(arts), Feeds: orEmpty(feeds), Candidates: orEmpty(cands), Counts: counts}, nil
}

func (s *Server) storyPage(c *gin.Context) { s.renderStory(c, http.StatusOK, "") }

// renderStory draws a story's page, with message when an action on it
// was refused.
func (s *Server) renderStory(c *gin.Context, status int, message string) {
	d, err := s.loadStory(c.Request.Context(), c.Param("name"))
	if err != nil {
		s.fail(c, err)
		return
	}
	d.Message = message
	if d.Queue, err = s.loadQueue(c, d.Story); err != nil {
		s.fail(c, err)
		return
	}
	s.render(c, status, "story", d.Story.Title, d)
}

func (s *Server) updateStory(c *gin.Context) {
	v, err := strconv.Atoi(c.PostForm("version"))
	if err != nil {
		s.fail(c, badRequest("the form has no valid version; reload the page"))
		return
	}
	st, err := s.cfg.Store.UpdateStory(c.Request.Context(), c.Param("name"), v, storyInputForm(c), who(c).userID())
	if s.editFailed(c, err, s.renderStory, apperr.Invalid, apperr.Conflict) {
		return
	}
	s.redirectFlash(c, storyPath(st.Name), "Story saved.")
}

// joinStoryForm puts an article in the story from the story's page.
func (s *Server) joinStoryForm(c *gin.Context) {
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(c.PostForm("article")), "#"), 10, 64)
	if err != nil || id <= 0 {
		s.renderStory(c, http.StatusUnprocessableEntity, "give the number of the article to add, such as 12")
		return
	}
	st, err := s.joinStory(c.Request.Context(), c.Param("name"), id, who(c).userID())
	if s.editFailed(c, err, s.renderStory, apperr.Invalid, apperr.Duplicate, apperr.NotFound) {
		return
	}
	s.redirectFlash(c, storyPath(st.Name), "Article #"+strconv.FormatInt(id, 10)+" added to the story.")
}

// joinStoryFromArticle puts the article in the story the form names, from
// the article's page.
func (s *Server) joinStoryFromArticle(c *gin.Context) {
	id, err := parseID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	st, err := s.joinStory(c.Request.Context(), strings.TrimSpace(c.PostForm("story")), id, who(c).userID())
	switch apperr.CodeOf(err) {
	case "":
		s.redirectFlash(c, "/articles/"+strconv.FormatInt(id, 10), "Added to the story "+st.Name+".")
	case apperr.Invalid, apperr.Duplicate, apperr.NotFound:
		// The article's page again, with why.
		_, body := classify(err)
		s.redirectFlash(c, "/articles/"+strconv.FormatInt(id, 10), body.Message)
	default:
		s.fail(c, err)
	}
}

// joinStory puts an article in the story of that name and links its
// events with the story's.
func (s *Server) joinStory(ctx context.Context, name string, articleID int64, userID *int64) (*store.Story, error) {
	st, err := s.cfg.Store.StoryByName(ctx, name)
	if err != nil {
		return nil, err
	}
	if _, err := s.cfg.Store.ArticleByID(ctx, articleID); err != nil {
		return nil, err
	}
	if err := s.cfg.Store.AddStoryArticle(ctx, st.ID, articleID, store.JoinedByEditor, userID); err != nil {
		return nil, err
	}
	_, err = s.cfg.Store.LinkStory(ctx, st.ID)
	return st, err
}

// leaveStory takes the article of the path out of the story of the path.
func (s *Server) leaveStory(c *gin.Context) (*store.Story, int64, error) {
	id, err := parseID(c, "id")
	if err != nil {
		return nil, 0, err
	}
	ctx := c.Request.Context()
	st, err := s.cfg.Store.StoryByName(ctx, c.Param("name"))
	if err != nil {
		return nil, 0, err
	}
	return st, id, s.cfg.Store.RemoveStoryArticle(ctx, st.ID, id, who(c).userID())
}

// leaveStoryForm takes an article out of the story; the form says which
// page to come back to (the story's or the article's).
func (s *Server) leaveStoryForm(c *gin.Context) {
	st, id, err := s.leaveStory(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	back := storyPath(st.Name)
	if c.PostForm("back") == "article" {
		back = "/articles/" + strconv.FormatInt(id, 10)
	}
	s.redirectFlash(c, back, "Article #"+strconv.FormatInt(id, 10)+" taken out of "+st.Name+".")
}

func (s *Server) apiStories(c *gin.Context) {
	list, err := s.cfg.Store.Stories(c.Request.Context())
	s.reply(c, http.StatusOK, gin.H{"stories": orEmpty(list)}, err)
}

// storyBody is a story as the API receives it.
type storyBody struct {
	Name        string    `json:"name"`
	Version     *int      `json:"version"`
	Title       *string   `json:"title"`
	Description *string   `json:"description"`
	Tags        *[]string `json:"tags"`
}

func (b storyBody) input() store.StoryInput {
	in := store.StoryInput{Title: b.Title, Description: b.Description}
	if b.Tags != nil {
		in.Tags, in.SetTags = *b.Tags, true
	}
	return in
}

func (s *Server) apiCreateStory(c *gin.Context) {
	var b storyBody
	if err := decodeJSON(c, &b); err != nil {
		s.fail(c, err)
		return
	}
	st, err := s.cfg.Store.CreateStory(c.Request.Context(), b.Name, b.input(), who(c).userID())
	s.reply(c, http.StatusCreated, gin.H{"story": st}, err)
}

func (s *Server) apiStory(c *gin.Context) {
	d, err := s.loadStory(c.Request.Context(), c.Param("name"))
	s.reply(c, http.StatusOK, d, err)
}

func (s *Server) apiUpdateStory(c *gin.Context) {
	var b storyBody
	if err := decodeJSON(c, &b); err != nil {
		s.fail(c, err)
		return
	}
	if b.Version == nil {
		s.fail(c, badRequest("version is required: send the version you read, so a stale edit is refused"))
		return
	}
	if b.Name != "" {
		s.fail(c, apperr.Errorf(apperr.Invalid, "a story's name never changes; edit its title instead"))
		return
	}
	ctx := c.Request.Context()
	st, err := s.cfg.Store.UpdateStory(ctx, c.Param("name"), *b.Version, b.input(), who(c).userID())
	s.replyEdit(c, gin.H{"story": st}, err, func() (any, error) { return s.cfg.Store.StoryByName(ctx, c.Param("name")) })
}

func (s *Server) apiJoinStory(c *gin.Context) {
	var b struct {
		ArticleID int64 `json:"article_id"`
	}
	if err := decodeJSON(c, &b); err != nil {
		s.fail(c, err)
		return
	}
	if b.ArticleID <= 0 {
		s.fail(c, apperr.Errorf(apperr.Invalid, "article_id must name an article"))
		return
	}
	_, err := s.joinStory(c.Request.Context(), c.Param("name"), b.ArticleID, who(c).userID())
	if err != nil {
		s.fail(c, err)
		return
	}
	d, err := s.loadStory(c.Request.Context(), c.Param("name"))
	s.reply(c, http.StatusCreated, d, err)
}

func (s *Server) apiLeaveStory(c *gin.Context) {
	st, _, err := s.leaveStory(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	d, err := s.loadStory(c.Request.Context(), st.Name)
	s.reply(c, http.StatusOK, d, err)
}

// decideCandidateForm accepts or rejects the ticked articles proposed
// for the story, or the one whose button was pressed.
func (s *Server) decideCandidateForm(c *gin.Context) {
	s.decideForm(c, "candidate", "proposed article", "proposed articles", "", s.cfg.Store.DecideStoryCandidates)
}

// apiDecideCandidate decides one article proposed for the story and
// answers the story.
func (s *Server) apiDecideCandidate(c *gin.Context) {
	id, err := parseID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	var b struct {
		Decision string `json:"decision"`
	}
	if err := decodeJSON(c, &b); err != nil {
		s.fail(c, err)
		return
	}
	st, _, err := s.decideInStory(c, []int64{id}, b.Decision, s.cfg.Store.DecideStoryCandidates)
	if err != nil {
		s.fail(c, err)
		return
	}
	d, err := s.loadStory(c.Request.Context(), st.Name)
	s.reply(c, http.StatusOK, d, err)
}

// apiDecideCandidates decides several articles proposed for the story,
// all or none, and answers how many.
func (s *Server) apiDecideCandidates(c *gin.Context) {
	var b struct {
		Candidates []int64 `json:"candidates"`
		Decision   string  `json:"decision"`
	}
	if err := decodeJSON(c, &b); err != nil {
		s.fail(c, err)
		return
	}
	_, n, err := s.decideInStory(c, b.Candidates, b.Decision, s.cfg.Store.DecideStoryCandidates)
	s.reply(c, http.StatusOK, gin.H{"decided": n}, err)
}
