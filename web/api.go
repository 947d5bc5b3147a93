package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
)

// registerAPIRoutes wires the JSON API under /api/v1. All API routes are
// registered here so tests can enumerate them through engine.Routes(). Access rules are applied by
// authorize for every route: reads need any principal, writes an editor.
func (s *Server) registerAPIRoutes(api *gin.RouterGroup) {
	api.GET("/me", s.apiMe)

	api.GET("/articles", s.apiArticles)
	api.POST("/articles", s.apiCreateArticle)
	api.GET("/articles/:id", s.apiArticle)

	api.GET("/timeline", s.apiTimeline)

	api.POST("/events", s.apiCreateEvent)
	api.POST("/events/merge", s.apiMergeEvents)
	api.GET("/events/:id", s.apiEvent)
	api.PATCH("/events/:id", s.apiUpdateEvent)
	api.POST("/events/:id/split", s.apiSplitEvent)
	s.registerEventReviewAPIRoutes(api)
	api.GET("/events/:id/revisions", s.apiHistory(store.EntityEvent))

	api.GET("/claims", s.apiClaims)
	api.GET("/claims/:id", s.apiClaim)
	api.PATCH("/claims/:id", s.apiSetClaimStatus)
	api.POST("/claims/:id/evidence", s.apiAddEvidence)
	api.GET("/claims/:id/revisions", s.apiHistory(store.EntityClaim))

	api.POST("/revisions/:id/revert", s.apiRevert)
	api.POST("/revisions/:id/restore", s.apiRestore)

	s.registerStoryAPIRoutes(api)

	// Exports, the export format's JSON Schema (export.go) and the OpenAPI
	// document (openapi.go).
	api.GET("/export", s.apiExport)
	api.GET("/schema/export.json", s.apiExportSchema)
	api.GET("/openapi.json", s.apiOpenAPI)
}

// apiMe tells a client who it is signed in as.
func (s *Server) apiMe(c *gin.Context) {
	p := who(c)
	if p.token != nil {
		c.JSON(http.StatusOK, gin.H{"token": p.token.Name, "scope": p.token.Scope, "can_edit": false})
		return
	}
	c.JSON(http.StatusOK, gin.H{"user": p.user, "can_edit": p.canEdit(), "csrf_token": p.session.CSRFToken})
}

func (s *Server) apiArticles(c *gin.Context) {
	f, err := articleFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	list, total, err := s.cfg.Store.Articles(c.Request.Context(), f)
	s.reply(c, http.StatusOK, gin.H{"articles": orEmpty(list), "total": total}, err)
}

// apiCreateArticle adds an article from JSON: {"source": "paste", "text":
// ..., "title", "url", "publisher", "published", "lang"} or {"source":
// "url", "url": ...}. A duplicate answers 409 with the existing article's id.
func (s *Server) apiCreateArticle(c *gin.Context) {
	var in articleInput
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	if in.Source == "upload" {
		s.fail(c, apperr.Errorf(apperr.Invalid, "upload files through the form; send the text with source \"paste\""))
		return
	}
	a, err := s.addArticle(c.Request.Context(), in, who(c).userID())
	if err != nil {
		s.fail(c, err)
		return
	}
	a.Body = ""
	c.JSON(http.StatusCreated, gin.H{"article": a})
}

func (s *Server) apiArticle(c *gin.Context) {
	d, err := s.loadArticle(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"article": d.Article, "timexes": orEmpty(d.Timexes), "claims": orEmpty(d.Claims), "events": orEmpty(d.Events),
		"stories": d.Stories})
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
