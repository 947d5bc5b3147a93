// Package web is factline's HTTP face: server-rendered pages for editors
// and analysts and a JSON API under /api/v1, on gin. Handlers only translate
// HTTP to calls on the store and the pipeline.
package web

import (
	"context"
	"embed"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/store"
)

//go:embed templates
var templateFS embed.FS

// Config holds what the server needs.
type Config struct {
	Store  *store.Store
	Logger *slog.Logger
}

// Server serves factline over HTTP.
type Server struct {
	cfg    Config
	engine *gin.Engine
}

// New builds the server and its routes.
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	gin.SetMode(gin.ReleaseMode)
	tmpl, err := template.New("").ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, engine: gin.New()}
	s.engine.SetHTMLTemplate(tmpl)
	s.engine.Use(gin.Recovery(), s.logRequests)
	s.engine.GET("/healthz", s.healthz)
	s.engine.GET("/", s.listArticles)
	return s, nil
}

// Handler returns the server's http.Handler.
func (s *Server) Handler() http.Handler { return s.engine }

// logRequests writes one structured log line per request.
func (s *Server) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	s.cfg.Logger.Info("request", "method", c.Request.Method, "path", c.Request.URL.Path,
		"status", c.Writer.Status(), "duration_ms", time.Since(start).Milliseconds())
}

func (s *Server) healthz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	if err := s.cfg.Store.Ping(ctx); err != nil {
		c.JSON(http.StatusServiceUnavailable, gin.H{"status": "unavailable", "error": "database does not answer"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

func (s *Server) listArticles(c *gin.Context) {
	articles, total, err := s.cfg.Store.Articles(c.Request.Context(), store.ArticleFilter{Limit: 100})
	if err != nil {
		s.cfg.Logger.Error("list articles", "err", err)
		c.String(http.StatusInternalServerError, "could not list articles")
		return
	}
	c.HTML(http.StatusOK, "articles.html", gin.H{"Articles": articles, "Total": total})
}
