package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/factline/factline/claims/export"
	"github.com/factline/factline/claims/filter"
)

func init() {
	register(command{name: "export", summary: "write the timeline as TimelineJS, JSON, CSV or ClaimReview", run: runExport})
}

func runExport(env *cliEnv, args []string) error {
	fs := newFlags(env, "export", "--format timelinejs|json|csv|claimreview [--status S,...] [--from DATE] [--to DATE] [--tag T] [--article ID] [--speaker NAME] [--publisher NAME] [--q WORDS] [--story NAME] [--review STATES] [--include-proposed] [-o FILE]")
	db := dbFlag(fs)
	format := fs.String("format", "", "`format`: timelinejs, json, csv or claimreview (required)")
	var statuses repeated
	fs.Var(&statuses, "status", "keep events with these `statuses`, comma-separated or the flag repeated: event statuses (happened, scheduled, ongoing, reported) and claim verdicts (verified, disputed, false, unverifiable, unverified)")
	from := fs.String("from", "", "keep events overlapping this `date` or later (2019, 2019-12, 2019-12-28)")
	to := fs.String("to", "", "keep events overlapping this `date` or earlier")
	tag := fs.String("tag", "", "keep events with this `tag`, whatever its case")
	article := fs.String("article", "", "keep events told by the article with this `ID`")
	speaker := fs.String("speaker", "", "keep events a claim by this `speaker` carries")
	publisher := fs.String("publisher", "", "keep events told by an article of this `publisher`")
	query := fs.String("q", "", "keep events with these `words` in the headline, description or a source sentence")
	story := fs.String("story", "", "keep events told by the articles of the story of this `name`; the TimelineJS title slide is the story's title and description")
	var reviews repeated
	fs.Var(&reviews, "review", "keep events in these review `states` (approved, proposed), comma-separated or the flag repeated; an export never holds rejected events")
	includeProposed := fs.Bool("include-proposed", false, "export proposed events too, not only approved ones")
	out := fs.String("o", "-", "write to `file` instead of standard output")
	title := fs.String("title", "", "TimelineJS title slide `headline` (default: the article's title with --article)")
	lang := fs.String("lang", "en", "`language` of display dates: "+strings.Join(export.Languages(), ", "))
	siteURL := fs.String("site-url", os.Getenv("FACTLINE_SITE_URL"), "public `URL` of this factline, where ClaimReview reviews live (env FACTLINE_SITE_URL)")
	reviewer := fs.String("reviewer", os.Getenv("FACTLINE_REVIEWER"), "`organisation` named as ClaimReview author (env FACTLINE_REVIEWER)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	if *format == "" {
		return usagef("--format is required: timelinejs, json, csv or claimreview")
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		return usagef("%v", err)
	}
	sel, err := filter.Parse(filter.Params{Status: statuses, From: *from, To: *to, Tag: *tag, Article: *article,
		Speaker: *speaker, Publisher: *publisher, Q: *query, Story: *story, Review: reviews})
	if err != nil {
		return usagef("%v", err)
	}
	if !slices.Contains(export.Languages(), *lang) {
		return usagef("--lang must be one of %v", export.Languages())
	}
	if f == export.ClaimReview && *siteURL == "" {
		return usagef("claimreview needs --site-url (or FACTLINE_SITE_URL): each review is published at a page of this site")
	}
	opt := export.Options{Filter: sel, Title: *title, Lang: *lang, SiteURL: *siteURL, Reviewer: *reviewer, IncludeProposed: *includeProposed}
	if _, err := opt.Events(); err != nil {
		return usagef("%v", err)
	}
	ctx := context.Background()
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if *out == "-" {
		err = export.Write(ctx, s, env.stdout, f, opt)
	} else {
		err = writeFileAtomic(*out, func(w io.Writer) error { return export.Write(ctx, s, w, f, opt) })
	}
	if err != nil {
		return err
	}
	left, err := export.LeftOut(ctx, s, f, opt)
	if err != nil {
		return err
	}
	if left.Proposed > 0 || left.Rejected > 0 {
		fmt.Fprintf(env.stderr, "factline export: left out %d proposed and %d rejected events", left.Proposed, left.Rejected)
		if left.Proposed > 0 {
			fmt.Fprint(env.stderr, " (--include-proposed exports the proposed ones)")
		}
		fmt.Fprintln(env.stderr)
	}
	return nil
}

// writeFileAtomic writes name through a temporary file renamed into place
// on success, so a graphic that reads the file never sees half an export.
func writeFileAtomic(name string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// repeated is a flag that may be given several times; it keeps every value.
type repeated []string

func (r *repeated) String() string { return strings.Join(*r, ",") }

func (r *repeated) Set(v string) error {
	*r = append(*r, v)
	return nil
}
