// Package web is factline's HTTP face: server-rendered pages for editors
// and analysts and a JSON API under /api/v1, on gin. Handlers only translate
// HTTP to calls on the store and the pipeline.
//
// Who may do what: anonymous visitors see only the login page (the API
// answers 401); viewers and API tokens read everything; editors also change
// articles, events and claims; admins also manage users. Every request that
// changes something needs an editor's session and a CSRF token, and every
// change lands in the revision log.
package web

import (
	"context"
	"embed"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store"
)

//go:embed templates static
var assets embed.FS

// TokenAuthenticator checks a bearer token; *store.Store is one. It fails
// with a Forbidden or NotFound application error for unknown, revoked or expired
// tokens.
type TokenAuthenticator interface {
	AuthenticateToken(ctx context.Context, raw string) (*store.APIToken, error)
}

// Config holds what the server needs.
type Config struct {
	Store  *store.Store
	Logger *slog.Logger
	// Tokens checks API bearer tokens; nil refuses every bearer token.
	Tokens TokenAuthenticator
	// SecureCookies marks cookies Secure even when the request did not come
	// over TLS to this process: set it behind a TLS-terminating proxy.
	SecureCookies bool
	// Fetcher downloads articles added by URL; nil uses one that reaches
	// only public internet addresses.
	Fetcher *ingest.Fetcher
	// SessionTTL is how long a login lasts; 0 means 12 hours.
	SessionTTL time.Duration
	// SessionIdle ends a login unused for this long; 0 means
	// DefaultSessionIdle.
	SessionIdle time.Duration
}

// DefaultSessionIdle is how long a login may go unused: a working day.
const DefaultSessionIdle = 8 * time.Hour

// Server serves factline over HTTP.
type Server struct {
	cfg      Config
	engine   *gin.Engine
	pages    pageSet
	limiter  *loginLimiter
	fetcher  *ingest.Fetcher
	now      func() time.Time
	staticFS http.FileSystem
	exports  *exportCache
}

// New builds the server and its routes.
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.SessionIdle <= 0 {
		cfg.SessionIdle = DefaultSessionIdle
	}
	pages, err := loadPages()
	if err != nil {
		return nil, err
	}
	staticFS, err := staticFiles()
	if err != nil {
		return nil, err
	}
	gin.SetMode(gin.ReleaseMode)
	s := &Server{cfg: cfg, engine: gin.New(), pages: pages, limiter: newLoginLimiter(), fetcher: cfg.Fetcher,
		exports: newExportCache(exportCacheSize),
		now:     time.Now, staticFS: staticFS}
	if s.fetcher == nil {
		// An editor names the URL: the default fetcher reaches only public
		// internet addresses.
		s.fetcher = &ingest.Fetcher{}
	}
	// Client IPs (for login rate limits) come from the connection only:
	// trusting X-Forwarded-For from anyone would let an attacker pick a new
	// address for every guess.
	if err := s.engine.SetTrustedProxies(nil); err != nil {
		return nil, err
	}
	s.engine.HandleMethodNotAllowed = true
	s.engine.Use(s.recover, s.logRequests, s.securityHeaders, s.limitBody, s.checkQuery, s.authenticate, s.authorize, s.checkCSRF)
	s.engine.NoRoute(func(c *gin.Context) { s.fail(c, errNotFound) })
	s.engine.NoMethod(func(c *gin.Context) { s.fail(c, errMethod) })
	s.registerRoutes(s.engine)
	s.registerAPIRoutes(s.engine.Group("/api/v1"))
	return s, nil
}

// Handler returns the server's http.Handler.
func (s *Server) Handler() http.Handler { return s.engine }

// registerRoutes wires the pages. Access rules are not here but in
// authorize, by method and path, so a new route cannot forget them.
func (s *Server) registerRoutes(r *gin.Engine) {
	r.GET("/healthz", s.healthz)
	r.StaticFS("/static", s.staticFS)
	// Browsers ask for /favicon.ico where no page names an icon (a JSON
	// export opened in a tab).
	r.GET("/favicon.ico", func(c *gin.Context) { c.FileFromFS("favicon.svg", s.staticFS) })
	r.GET("/login", s.loginPage)
	r.POST("/login", s.login)
	r.POST("/logout", s.logout)

	r.GET("/", func(c *gin.Context) { c.Redirect(http.StatusSeeOther, "/timeline") })
	r.GET("/articles", s.articlesPage)
	r.GET("/articles/new", s.newArticlePage)
	r.POST("/articles", s.createArticle)
	r.GET("/articles/:id", s.articlePage)

	r.GET("/timeline", s.timelinePage)
	r.GET("/timeline/list", s.timelineListPage)
	r.GET("/export", s.exportPage)

	r.GET("/events/new", s.newEventPage)
	r.POST("/events", s.createEvent)
	r.POST("/events/merge", s.mergeEvents)
	r.GET("/events/:id", s.eventPage)
	r.POST("/events/:id", s.updateEvent)
	r.POST("/events/:id/split", s.splitEvent)
	s.registerEventReviewRoutes(r)

	r.GET("/review", s.reviewPage)
	r.GET("/claims/:id", s.claimPage)
	r.POST("/claims/:id/status", s.setClaimStatus)
	r.POST("/claims/:id/evidence", s.addEvidence)

	r.POST("/revisions/:id/revert", s.revert)
	r.POST("/revisions/:id/restore", s.restore)

	s.registerStoryRoutes(r)

	r.GET("/admin/users", s.usersPage)
	r.POST("/admin/users", s.createUser)
	r.POST("/admin/users/:id/disabled", s.setUserDisabled)
	r.POST("/admin/users/:id/password", s.setUserPassword)
	r.POST("/admin/tokens", s.createToken)
	r.POST("/admin/tokens/:id/revoke", s.revokeToken)
}

// logRequests writes one structured log line per request.
func (s *Server) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	s.cfg.Logger.Info("request", "method", c.Request.Method, "path", c.Request.URL.Path,
		"status", c.Writer.Status(), "duration_ms", time.Since(start).Milliseconds())
}

// recover turns a panic into a logged 500 in the right format for the
// route, instead of gin's bare one.
func (s *Server) recover(c *gin.Context) {
	defer func() {
		if v := recover(); v != nil {
			s.cfg.Logger.Error("panic", "path", c.Request.URL.Path, "panic", v)
			s.fail(c, errInternal)
		}
	}()
	c.Next()
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
