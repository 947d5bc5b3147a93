package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/web"
)

func init() {
	register(command{name: "serve", summary: "run the web app and JSON API", run: runServe})
}

func runServe(env *cliEnv, args []string) error {
	fs := newFlags(env, "serve", "[--addr HOST:PORT] [--db PATH|URL] [--demo] [--secure-cookies] [--session-idle DURATION]")
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on")
	demo := fs.Bool("demo", false, "on a database with no articles, load the sample articles from --demo-dir; with no accounts, create the admin \"demo\" and print its password")
	demoDir := fs.String("demo-dir", "testdata", "`directory` of sample articles for --demo")
	secureCookies := fs.Bool("secure-cookies", false, "mark cookies Secure although this process speaks plain HTTP: set it behind a TLS-terminating proxy")
	sessionIdle := fs.Duration("session-idle", web.DefaultSessionIdle, "end a login unused for this `duration` (logins also end 12 hours after sign-in)")
	feedInterval := fs.Duration("feed-interval", 30*time.Minute, "read the feeds stories follow every `duration` (0: never)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *feedInterval < 0 || (*feedInterval > 0 && *feedInterval < time.Minute) {
		return usagef("--feed-interval must be 0 or at least 1m, not %s", *feedInterval)
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	logger := slog.New(slog.NewJSONHandler(env.stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	var demoStories []string
	if *demo {
		fmt.Fprintf(env.stdout, "Loading the sample articles from %s ...\n", *demoDir)
		if demoStories, err = loadDemo(ctx, s, *demoDir, logger); err != nil {
			return err
		}
	}
	srv, err := web.New(web.Config{Store: s, Logger: logger, Tokens: s, SecureCookies: *secureCookies, SessionIdle: *sessionIdle})
	if err != nil {
		return err
	}
	// The port is bound before an account is made: a password printed by
	// a run that then fails to start would be lost with it.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	if *demo {
		if err := createDemoAdmin(ctx, s, env); err != nil {
			return err
		}
	}
	if err := announceFirstAdmin(ctx, s, *db, env); err != nil {
		return err
	}
	httpSrv := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	logger.Info("listening", "addr", "http://"+ln.Addr().String(), "db", *db)
	for _, name := range demoStories {
		fmt.Fprintf(env.stdout, "Sample story: http://%s/timeline?story=%s\n", ln.Addr(), name)
	}
	fmt.Fprintf(env.stdout, "factline is serving on http://%s\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- httpSrv.Serve(ln) }()
	polled := make(chan struct{})
	if *feedInterval > 0 {
		// Feeds are fetched like articles added by URL: public addresses only.
		poller := &ingest.Ingester{Store: s, Fetcher: &ingest.Fetcher{}}
		go func() {
			defer close(polled)
			poller.PollFeeds(ctx, *feedInterval, func(f store.StoryFeed, o ingest.FeedOutcome) {
				logger.Info("feed read", "feed", f.URL, "story_id", f.StoryID, "items", o.Items, "added", o.Added, "joined", o.Joined, "failures", len(o.Failures))
			}, func(err error) { logger.Error("reading feeds failed", "err", err) })
		}()
	} else {
		close(polled)
	}
	// The store closes only after the poller has stopped.
	defer func() { stop(); <-polled }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := httpSrv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// announceFirstAdmin tells the operator of a database without accounts how
// to create the first admin. The server never makes an account itself: a
// generated password printed to a log would outlive the moment it was
// needed.
func announceFirstAdmin(ctx context.Context, s *store.Store, db string, env *cliEnv) error {
	n, err := s.CountUsers(ctx)
	if err != nil || n > 0 {
		return err
	}
	fmt.Fprintf(env.stdout, "No accounts yet. Create the first admin, then sign in at /login:\n"+
		"  factline user add --db %q --role admin --password-stdin NAME\n"+
		"(type the password, at least %d characters, and press Enter)\n", db, store.MinPasswordLength)
	return nil
}

// createDemoAdmin gives a demo database without accounts an admin named
// "demo", so a first-time user can sign in at once. The password is random
// and printed once, on standard output rather than in the log; --demo is a
// deliberate request for a ready-made account.
func createDemoAdmin(ctx context.Context, s *store.Store, env *cliEnv) error {
	users, err := s.Users(ctx)
	if err != nil {
		return err
	}
	if len(users) > 0 {
		// The password was printed once, when the account was made; say
		// how to get in without it.
		if slices.ContainsFunc(users, func(u store.User) bool { return u.Username == "demo" }) {
			fmt.Fprint(env.stdout, "Sign in at /login as demo with the password printed when the account was made\n"+
				"(forgot it? set a new one with: factline user passwd --password-stdin demo)\n")
		}
		return nil
	}
	password := rand.Text()
	if _, err := s.CreateUser(ctx, "demo", password, store.RoleAdmin); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "Demo account created: sign in at /login as demo with password %s\n"+
		"(change it with: factline user passwd --password-stdin demo)\n", password)
	return nil
}

// loadDemo ingests the sample articles when the database has none, so a
// first-time user sees a real timeline at once: the reference articles
// (the directory's own *.txt, approved as an editor would have) and each
// sample story under stories/ (a folder of reports whose gold.json names
// the story's title and each report's publication date and language),
// stored as a story with its articles linked. It returns the
// names of the stories it made.
func loadDemo(ctx context.Context, s *store.Store, dir string, logger *slog.Logger) ([]string, error) {
	_, total, err := s.Articles(ctx, store.ArticleFilter{Limit: 1})
	if err != nil || total > 0 {
		return nil, err
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("--demo: sample articles not found: %w (run from the repository root or set --demo-dir)", err)
	}
	reference, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	stories, err := filepath.Glob(filepath.Join(dir, "stories", "*", "gold.json"))
	if err != nil {
		return nil, err
	}
	in := &ingest.Ingester{Store: s}
	var stored, failed int
	load := func(file string, d ingest.Defaults) ([]int64, error) {
		var ids []int64
		err := in.Run(ctx, ingest.Target{Name: file}, d, nil, func(o ingest.Outcome) {
			switch {
			case o.Err != nil:
				failed++
				logger.Warn("demo article not loaded", "source", o.Source, "err", o.Err)
			case !o.Duplicate:
				stored++
				ids = append(ids, o.ArticleID)
			}
		})
		return ids, err
	}
	var approve []int64
	for _, f := range reference {
		ids, err := load(f, ingest.Defaults{})
		if err != nil {
			return nil, err
		}
		approve = append(approve, ids...)
	}
	var names []string
	for _, manifest := range stories {
		name, err := loadDemoStory(ctx, s, in, manifest, load)
		if err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	approved, err := approveArticles(ctx, s, approve)
	if err != nil {
		return nil, err
	}
	logger.Info("demo articles loaded", "stored", stored, "failed", failed, "dir", dir, "stories", len(names), "approved_events", approved)
	return names, nil
}

// loadDemoStory stores the sample story whose manifest is at path, named
// after its folder, loads its reports into it and links their events.
func loadDemoStory(ctx context.Context, s *store.Store, in *ingest.Ingester, path string, load func(string, ingest.Defaults) ([]int64, error)) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	var m ingest.StoryManifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return "", fmt.Errorf("--demo: %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	name := filepath.Base(dir)
	st, _, err := s.EnsureStory(ctx, name, nil)
	if err != nil {
		return "", err
	}
	if m.Title != "" {
		if st, err = s.UpdateStory(ctx, name, st.Version, store.StoryInput{Title: &m.Title}, nil); err != nil {
			return "", err
		}
	}
	in.StoryIDs = []int64{st.ID}
	defer func() { in.StoryIDs = nil }()
	for _, a := range m.Articles {
		if _, err := load(filepath.Join(dir, a.File), ingest.Defaults{Published: a.Published, Lang: a.Lang}); err != nil {
			return "", err
		}
	}
	if _, err := s.LinkStory(ctx, st.ID); err != nil {
		return "", err
	}
	return name, nil
}

// approveArticles approves the events of the demo's reference articles, as
// an editor would have, so its exports hold a timeline; the other samples'
// events stay proposed, for the review buttons to work on. Each approval
// is in the event's history.
func approveArticles(ctx context.Context, s *store.Store, articles []int64) (int, error) {
	n := 0
	for _, id := range articles {
		evs, _, err := s.Timeline(ctx, filter.Filter{ArticleID: id}, store.MaxTimelineLimit)
		if err != nil {
			return n, err
		}
		for _, ev := range evs {
			if _, err := s.SetReview(ctx, ev.ID, ev.Version, string(claims.ReviewApproved), nil); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}
