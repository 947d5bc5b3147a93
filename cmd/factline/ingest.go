package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

func init() {
	register(command{name: "ingest", summary: "add articles from text, HTML, JSONL batches, directories or URLs", run: runIngest})
}

func runIngest(env *cliEnv, args []string) error {
	fs := newFlags(env, "ingest", "[flags] FILE|DIR|URL|- ...")
	db := dbFlag(fs)
	var d ingest.Defaults
	fs.StringVar(&d.Published, "published", "", "publication `date` (YYYY-MM-DD or any common layout) for articles that lack one")
	fs.StringVar(&d.Publisher, "publisher", "", "publisher `name` for articles that lack one")
	fs.StringVar(&d.URL, "url", "", "original `URL` of the article")
	fs.StringVar(&d.Title, "title", "", "article `title`")
	fs.StringVar(&d.Lang, "lang", "", "article language: "+timeline.LanguageChoices()+" (default: detected)")
	format := fs.String("format", "text", "how to read standard input: text, html or jsonl")
	workers := fs.Int("workers", 0, "articles extracted at once (default: one per CPU)")
	quiet := fs.Bool("quiet", false, "print only failures")
	allowPrivate := fs.Bool("allow-private", false, "let URLs reach private addresses (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) and loopback, for an intranet; public addresses only by default")
	story := fs.String("story", "", "put every article, new or already stored, in the story of this `name` (created if missing)")
	feed := fs.String("feed", "", "with --story: the story follows the RSS or Atom feed at this `URL`; its new items are read now")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *feed != "" && *story == "" {
		return usagef("--feed needs --story: a feed is followed by a story")
	}
	if fs.NArg() == 0 && *feed == "" {
		return usagef("name at least one FILE, DIR, URL or - for standard input, or a --feed")
	}
	switch *format {
	case "text", "html", "jsonl":
	default:
		return usagef("--format must be text, html or jsonl")
	}
	if err := timeline.CheckLanguage(d.Lang); err != nil {
		return usagef("--lang: %v", err)
	}
	if d.Published != "" {
		if _, err := ingest.ParsePublished(d.Published, d.Lang); err != nil {
			return usageError{err.Error()}
		}
	}
	if *story != "" {
		if err := claims.ValidStoryName(*story); err != nil {
			return usagef("--story: %v", err)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	in := &ingest.Ingester{Store: s, Workers: *workers, Fetcher: &ingest.Fetcher{AllowPrivate: *allowPrivate}}
	if *story != "" {
		st, created, err := s.EnsureStory(ctx, *story, nil)
		if err != nil {
			return err
		}
		if created && !*quiet {
			fmt.Fprintf(env.stdout, "story %s created\n", st.Name)
		}
		in.StoryIDs = []int64{st.ID}
	}
	var stored, dups, failed int
	var newIDs []int64
	for _, name := range fs.Args() {
		bar := newProgress(env.stderr, env.stderrIsTerminal)
		var begin func(int)
		if env.stderrIsTerminal {
			begin = bar.begin
		}
		err := in.Run(ctx, ingest.Target{Name: name, StdinKind: *format, Stdin: env.stdin}, d, begin, func(o ingest.Outcome) {
			bar.clear()
			where := o.Source
			if o.Line > 0 && where == "" {
				where = fmt.Sprintf("%s:%d", name, o.Line)
			}
			switch {
			case o.Err != nil:
				failed++
				fmt.Fprintf(env.stderr, "factline ingest: %s: %v\n", where, o.Err)
			case o.Duplicate:
				dups++
				if !*quiet {
					fmt.Fprintf(env.stdout, "%s: already ingested as #%d\n", where, o.ArticleID)
				}
			default:
				stored++
				newIDs = append(newIDs, o.ArticleID)
				if !*quiet {
					fmt.Fprintf(env.stdout, "%s: stored as #%d (%d claims, %d events)\n", where, o.ArticleID, o.Claims, o.Events)
				}
			}
			bar.step()
		})
		bar.clear()
		if err != nil {
			return err
		}
	}
	if *feed != "" {
		f, err := s.FollowFeed(ctx, in.StoryIDs[0], *feed, nil)
		var dup *apperr.Error
		if errors.As(err, &dup) && dup.Code == apperr.Duplicate {
			f, err = feedByID(ctx, s, in.StoryIDs[0], dup.ID)
		}
		if apperr.CodeOf(err) == apperr.Invalid {
			return usageError{err.Error()}
		} else if err != nil {
			return err
		}
		o := in.ReadFeed(ctx, *f)
		stored, dups, failed = stored+o.Added, dups+o.Joined, failed+len(o.Failures)
		for _, msg := range o.Failures {
			fmt.Fprintf(env.stderr, "factline ingest: %s\n", msg)
		}
		if !*quiet {
			fmt.Fprintf(env.stdout, "feed %s: %d new items, %d stored, %d already there\n", f.URL, o.Items, o.Added, o.Joined)
		}
	}
	if !*quiet {
		fmt.Fprintf(env.stdout, "%d stored, %d already there, %d failed\n", stored, dups, failed)
	}
	if *story == "" {
		// Articles in no story are proposed for the stories they resemble.
		proposed := 0
		for _, id := range newIDs {
			n, err := s.ProposeStories(ctx, id)
			if err != nil {
				return err
			}
			proposed += n
		}
		if proposed > 0 && !*quiet {
			fmt.Fprintf(env.stdout, "%d articles proposed for stories they resemble: see each story's page\n", proposed)
		}
	}
	for _, id := range in.StoryIDs {
		out, err := s.LinkStory(ctx, id)
		if err != nil {
			return err
		}
		if !*quiet {
			fmt.Fprintf(env.stdout, "story %s: %d events linked across articles, %d proposals to review\n", *story, out.Linked, out.Proposed)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d article(s) failed", failed)
	}
	return nil
}

// feedByID finds a feed the story follows.
func feedByID(ctx context.Context, s *store.Store, storyID, id int64) (*store.StoryFeed, error) {
	feeds, err := s.StoryFeeds(ctx, storyID)
	if err != nil {
		return nil, err
	}
	for i := range feeds {
		if feeds[i].ID == id {
			return &feeds[i], nil
		}
	}
	return nil, apperr.Errorf(apperr.NotFound, "no feed #%d", id)
}

// progress draws "123/500 articles  45.2/s  ETA 0:12" on a terminal; on
// anything else it draws nothing.
type progress struct {
	w       io.Writer
	on      bool
	total   int
	done    int
	started time.Time
	last    time.Time
}

func newProgress(w io.Writer, terminal bool) *progress {
	return &progress{w: w, on: terminal, started: time.Now()}
}

func (p *progress) begin(total int) {
	if total > 0 {
		p.total = total
	}
}

func (p *progress) step() {
	p.done++
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(p.done) / time.Since(p.started).Seconds()
	line := fmt.Sprintf("%d articles  %.1f/s", p.done, rate)
	if p.total > 0 {
		line = fmt.Sprintf("%d/%d articles  %.1f/s", p.done, p.total, rate)
		if rate > 0 && p.total > p.done {
			eta := time.Duration(float64(p.total-p.done)/rate) * time.Second
			line += "  ETA " + eta.Round(time.Second).String()
		}
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
}

func (p *progress) clear() {
	if p.on && !p.last.IsZero() {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
