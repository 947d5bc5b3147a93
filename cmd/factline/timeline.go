package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/export"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

func init() {
	register(command{name: "timeline", summary: "link the events of many articles into one timeline, without a database", run: runTimeline})
}

// maxTimelineArticles bounds one run: every article's extraction is kept
// in memory until the story is linked.
const maxTimelineArticles = 20000

// storyArticle is one input article and what the pipeline found in it.
type storyArticle struct {
	doc  string // the input line's id, or the file's path
	kind string // text, html or jsonl
	ex   claims.Extraction
}

// linkedOut is one event of the --jsonl output; offsets are UTF-8 bytes of
// the source document's text.
type linkedOut struct {
	ID        string               `json:"id"`
	Value     string               `json:"value"`
	Mod       timeline.Mod         `json:"mod"`
	Precision timeline.Precision   `json:"precision"`
	Status    timeline.EventStatus `json:"status"`
	Headline  string               `json:"headline"`
	Disagree  bool                 `json:"disagree"`
	Sources   []linkedSourceOut    `json:"sources"`
}

type linkedSourceOut struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value"`
}

type proposalOut struct {
	Events [2]string `json:"events"`
	Score  float64   `json:"score"`
	Reason string    `json:"reason"`
}

func runTimeline(env *cliEnv, args []string) error {
	fs := newFlags(env, "timeline", "[--story NAME] [--format json|timelinejs|csv] [--jsonl] [--lang CODE|auto] [FILE|DIR ...]")
	story := fs.String("story", "", "story `name`, the title of the TimelineJS slide")
	format := fs.String("format", "json", "`format` of the timeline of files: json, timelinejs or csv")
	jsonl := fs.Bool("jsonl", false, "read extract --jsonl lines ({\"id\",\"lang\",\"dct\",\"text\"}) and print the linked events as one JSON object")
	lang := fs.String("lang", "auto", "language of articles that do not say: "+timeline.LanguageChoices())
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	f, err := export.ParseFormat(*format)
	if err != nil || f == export.ClaimReview {
		return usagef("--format must be json, timelinejs or csv")
	}
	formatSet := false
	fs.Visit(func(fl *flag.Flag) { formatSet = formatSet || fl.Name == "format" })
	if *jsonl && formatSet {
		return usagef("--jsonl prints its own JSON object; --format is for files")
	}
	if *lang != "auto" {
		if err := timeline.CheckLanguage(*lang); err != nil {
			return usagef("--lang: %v", err)
		}
	}
	var arts []storyArticle
	if *jsonl {
		arts, err = readStoryLines(env, fs.Args(), *lang)
	} else {
		if fs.NArg() == 0 {
			return usagef("name the article files or folders to read")
		}
		arts, err = readStoryFiles(fs.Args(), *lang)
	}
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return errors.New("no articles to read")
	}
	// The linker takes a story in publication order.
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].ex.Article.Published.Before(arts[j].ex.Article.Published) })
	reports := make([]timeline.Report, len(arts))
	for i := range arts {
		reports[i] = arts[i].ex.Report(arts[i].doc)
	}
	linked := timeline.Link(reports)
	out := bufio.NewWriter(env.stdout)
	if *jsonl {
		if err := writeLinkedJSON(out, linked); err != nil {
			return err
		}
	} else if err := writeStoryExport(context.Background(), out, f, *story, arts, linked); err != nil {
		return err
	}
	return out.Flush()
}

// readStoryLines reads extract --jsonl lines from the named files, or
// standard input. A bad line fails the run: a timeline missing an article
// would look whole.
func readStoryLines(env *cliEnv, names []string, lang string) ([]storyArticle, error) {
	if len(names) == 0 {
		names = []string{"-"}
	}
	var arts []storyArticle
	seen := map[string]string{}
	for _, name := range names {
		in := env.stdin
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			in = f
		}
		r := bufio.NewReaderSize(in, 1<<20)
		for n := 1; ; n++ {
			where := fmt.Sprintf("%s:%d", name, n)
			if name == "-" {
				where = fmt.Sprintf("line %d", n)
			}
			line, err := ingest.ReadLine(r, ingest.MaxArticleBytes*2)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return nil, fmt.Errorf("%s: %v", where, err)
			}
			if strings.TrimSpace(string(line)) == "" {
				continue
			}
			var doc extractInput
			if err := json.Unmarshal(line, &doc); err != nil {
				return nil, fmt.Errorf("%s: invalid JSON: %v", where, err)
			}
			if doc.ID == "" {
				doc.ID = where
			}
			if prev, dup := seen[doc.ID]; dup {
				return nil, fmt.Errorf("%s: id %q is already %s's", where, doc.ID, prev)
			}
			seen[doc.ID] = where
			if doc.Lang == "" {
				doc.Lang = lang
			}
			ex, err := extractDoc(doc)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", where, err)
			}
			if arts = append(arts, storyArticle{doc: doc.ID, kind: "jsonl", ex: ex}); len(arts) > maxTimelineArticles {
				return nil, fmt.Errorf("%s: over the %d-article limit of one timeline", where, maxTimelineArticles)
			}
		}
	}
	return arts, nil
}

// readStoryFiles reads text and HTML articles from files and folders
// (every .txt, .text, .html and .htm file under a folder, in name order).
func readStoryFiles(names []string, lang string) ([]storyArticle, error) {
	var files []string
	for _, name := range names {
		st, err := os.Stat(name)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			files = append(files, name)
			continue
		}
		var found []string
		err = filepath.WalkDir(name, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && storyFileKind(path) != "" {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	if len(files) > maxTimelineArticles {
		return nil, fmt.Errorf("%d files: over the %d-article limit of one timeline", len(files), maxTimelineArticles)
	}
	var arts []storyArticle
	for _, name := range files {
		kind := storyFileKind(name)
		if kind == "" {
			return nil, usagef("%s: not a .txt or .html article (use --jsonl for extract --jsonl lines)", name)
		}
		raw, err := readLimited(name)
		if err != nil {
			return nil, err
		}
		var doc ingest.Document
		if kind == "html" {
			doc, err = ingest.ParseHTML(name, raw, "")
		} else {
			doc, err = ingest.ParseText(name, raw)
		}
		if err == nil && (doc.Lang == "" || doc.Lang == "auto") {
			doc.Lang = lang
		}
		var ex *claims.Extraction
		if err == nil {
			ex, err = ingest.Extract(doc)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		arts = append(arts, storyArticle{doc: name, kind: kind, ex: *ex})
	}
	return arts, nil
}

// storyFileKind says how to read a file by its name: text, html or "".
func storyFileKind(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return "text"
	case ".html", ".htm":
		return "html"
	}
	return ""
}

// readLimited reads a file of at most the article size limit.
func readLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, ingest.MaxArticleBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > ingest.MaxArticleBytes {
		return nil, fmt.Errorf("%s is over the %d-byte article limit", name, ingest.MaxArticleBytes)
	}
	return raw, nil
}

// writeLinkedJSON prints the story as one JSON object: its events by date
// with their sources, and the proposals waiting for an editor.
func writeLinkedJSON(w io.Writer, linked timeline.Linked) error {
	out := struct {
		Events    []linkedOut   `json:"events"`
		Proposals []proposalOut `json:"proposals"`
	}{Events: make([]linkedOut, 0, len(linked.Events)), Proposals: make([]proposalOut, 0, len(linked.Proposals))}
	for _, le := range linked.Events {
		ev := linkedOut{ID: le.ID, Value: le.Date.Value, Mod: le.Date.Mod, Precision: le.Date.Precision, Status: le.Status,
			Headline: le.Headline, Disagree: le.Disagree, Sources: make([]linkedSourceOut, 0, len(le.Sources))}
		for _, s := range le.Sources {
			ev.Sources = append(ev.Sources, linkedSourceOut{Doc: s.Doc, Start: s.Evidence.Start, End: s.Evidence.End, Value: s.Date.Value})
		}
		out.Events = append(out.Events, ev)
	}
	for _, p := range linked.Proposals {
		out.Proposals = append(out.Proposals, proposalOut{Events: p.Events, Score: p.Score, Reason: p.Reason})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// writeStoryExport writes the story in an export format. The exports read
// a store, so the story goes into a throwaway one first: each article as
// ingest stores it, each linked event's sources merged into one event at
// the consensus date.
func writeStoryExport(ctx context.Context, w io.Writer, f export.Format, story string, arts []storyArticle, linked timeline.Linked) error {
	dir, err := os.MkdirTemp("", "factline-timeline-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	s, err := store.Open(filepath.Join(dir, "story.db"))
	if err != nil {
		return err
	}
	defer s.Close()
	if _, err := s.Migrate(ctx); err != nil {
		return err
	}
	stored := map[[2]string]int64{} // (doc, event ID) -> stored event
	for i := range arts {
		a := &arts[i]
		row, err := s.SaveExtraction(ctx, &a.ex, store.SaveOptions{SourceKind: a.kind})
		if apperr.CodeOf(err) == apperr.Duplicate {
			continue // the same text twice: its events are the first copy's
		}
		if err != nil {
			return fmt.Errorf("%s: %v", a.doc, err)
		}
		evs, _, err := s.Timeline(ctx, filter.Filter{ArticleID: row.ID, IncludeHidden: true}, store.MaxTimelineLimit)
		if err != nil {
			return err
		}
		// A new article's events take new IDs in the order the pipeline
		// gave them.
		slices.SortFunc(evs, func(x, y store.TimelineEvent) int { return int(x.ID - y.ID) })
		if len(evs) != len(a.ex.Events) {
			return fmt.Errorf("%s: stored %d events of %d", a.doc, len(evs), len(a.ex.Events))
		}
		for k, e := range a.ex.Events {
			stored[[2]string{a.doc, e.ID}] = evs[k].ID
		}
	}
	for _, le := range linked.Events {
		var ids []store.VersionedID
		for _, src := range le.Sources {
			if id, ok := stored[[2]string{src.Doc, src.EventID}]; ok && !slices.ContainsFunc(ids, func(v store.VersionedID) bool { return v.ID == id }) {
				ids = append(ids, store.VersionedID{ID: id, Version: 1})
			}
		}
		if len(ids) < 2 {
			continue
		}
		merged, err := s.MergeEvents(ctx, ids[0], ids[1:], nil)
		if err != nil {
			return err
		}
		if merged.Value != le.Date.Value || merged.Mod != string(le.Date.Mod) {
			value, mod := le.Date.Value, string(le.Date.Mod)
			if _, err := s.UpdateEvent(ctx, merged.ID, merged.Version, store.EventPatch{Value: &value, Mod: &mod}, nil); err != nil {
				return err
			}
		}
	}
	title := story
	if title == "" {
		title = "Timeline"
	}
	// No editor reviews a timeline built from files: every event of it,
	// proposed as the pipeline leaves them, is exported.
	return export.Write(ctx, s, w, f, export.Options{Title: title, IncludeProposed: true})
}
