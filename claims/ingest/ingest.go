package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
)

// Ingester runs documents through extraction and stores them.
type Ingester struct {
	Store   *store.Store
	Fetcher *Fetcher
	// CreatedBy is the user the articles are recorded as added by, if any.
	CreatedBy *int64
	// Workers is how many documents are extracted at once; 0 means one per
	// CPU. Storing is always one at a time, in input order.
	Workers int
	// StoryIDs are the stories every document joins, whether it is new or
	// was stored before.
	StoryIDs []int64
}

// Outcome is what happened to one document.
type Outcome struct {
	Source    string
	Line      int // the batch line, 0 for single documents
	ArticleID int64
	Duplicate bool // already stored as ArticleID
	Claims    int
	Events    int
	Err       error
}

// Defaults fill fields a document leaves empty (from command-line flags).
type Defaults struct {
	Title, URL, Publisher, Lang string
	Published                   string
}

// apply fills empty fields of doc.
func (d Defaults) apply(doc *Document) error {
	fill := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	fill(&doc.Title, d.Title)
	fill(&doc.URL, d.URL)
	fill(&doc.Publisher, d.Publisher)
	if doc.Lang == "" || doc.Lang == "auto" {
		doc.Lang = d.Lang
	}
	if doc.Published.IsZero() && d.Published != "" {
		t, err := ParsePublished(d.Published, doc.Lang)
		if err != nil {
			return err
		}
		doc.Published = t
	}
	return nil
}

// Extract validates a document and runs the extraction pipeline on it. A
// fault in the pipeline fails this document with an error instead of taking
// a whole batch (or the server) down with it.
func Extract(doc Document) (ex *claims.Extraction, err error) {
	if err := doc.Validate(); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			ex, err = nil, fmt.Errorf("extraction failed on this article (please report it): %v", r)
		}
	}()
	lang := doc.Lang
	if lang == "auto" {
		lang = ""
	}
	res := claims.Extract(claims.Article{Title: doc.Title, URL: doc.URL, Publisher: doc.Publisher, Author: doc.Author,
		Lang: lang, Text: doc.Text, Published: doc.Published})
	return &res, nil
}

// Ingest extracts and stores one document.
func (in *Ingester) Ingest(ctx context.Context, doc Document) Outcome {
	ex, err := Extract(doc)
	return in.store(ctx, doc, ex, err)
}

func (in *Ingester) store(ctx context.Context, doc Document, ex *claims.Extraction, err error) Outcome {
	out := Outcome{Source: doc.Source}
	if err != nil {
		out.Err = err
		return out
	}
	a, err := in.Store.SaveExtraction(ctx, ex, store.SaveOptions{SourceKind: doc.Kind, CreatedBy: in.CreatedBy, StoryIDs: in.StoryIDs})
	var se *apperr.Error
	if errors.As(err, &se) && se.Code == apperr.Duplicate {
		out.ArticleID, out.Duplicate = se.ID, true
		out.Err = in.joinStories(ctx, se.ID)
		return out
	}
	if err != nil {
		out.Err = err
		return out
	}
	out.ArticleID, out.Claims, out.Events = a.ID, len(ex.Claims), len(ex.Events)
	return out
}

// joinStories puts an article stored before into the Ingester's stories;
// one already there stays as it is.
func (in *Ingester) joinStories(ctx context.Context, articleID int64) error {
	for _, id := range in.StoryIDs {
		err := in.Store.AddStoryArticle(ctx, id, articleID, store.JoinedByIngest, in.CreatedBy)
		if err != nil && apperr.CodeOf(err) != apperr.Duplicate {
			return err
		}
	}
	return nil
}

// Kinds of input by file name.
func kindOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text":
		return "text"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".jsonl", ".ndjson":
		return "jsonl"
	}
	return ""
}

// Target is one thing to ingest: a file, a directory, "-" for standard
// input or an http(s) URL.
type Target struct {
	Name string
	// StdinKind says how to read standard input: text, html or jsonl.
	StdinKind string
	Stdin     io.Reader
}

// Run ingests a target, calling report for every document as it is stored
// (in input order). total, when known ahead, is passed to begin so a
// progress display can show an ETA; begin may be nil. It returns an error
// only when the target itself cannot be read; per-document failures go to
// report.
func (in *Ingester) Run(ctx context.Context, t Target, defaults Defaults, begin func(total int), report func(Outcome)) error {
	// Nobody shows progress without begin: a batch file is then not read
	// an extra time to count its lines.
	counting := begin != nil
	if !counting {
		begin = func(int) {}
	}
	switch {
	case IsURL(t.Name):
		f := in.Fetcher
		if f == nil {
			f = &Fetcher{}
		}
		doc, err := f.Fetch(ctx, t.Name)
		if err == nil {
			err = defaults.apply(&doc)
		} else {
			doc.Source = t.Name // a failed fetch is named by its URL
		}
		begin(1)
		report(in.ingestOrFail(ctx, doc, err))
		return nil
	case t.Name == "-":
		kind := t.StdinKind
		if kind == "" {
			kind = "text"
		}
		return in.runReader(ctx, "stdin", kind, t.Stdin, defaults, begin, report)
	}
	info, err := os.Stat(t.Name)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		kind := kindOf(t.Name)
		if kind == "" {
			return fmt.Errorf("%s: unknown file type (want .txt, .html, .htm or .jsonl)", t.Name)
		}
		f, err := os.Open(t.Name)
		if err != nil {
			return err
		}
		defer f.Close()
		if kind == "jsonl" {
			if counting {
				begin(countLines(t.Name))
			}
		} else {
			begin(1)
		}
		return in.runReader(ctx, t.Name, kind, f, defaults, func(int) {}, report)
	}
	files, err := articleFiles(t.Name)
	if err != nil {
		return err
	}
	begin(len(files))
	for _, name := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := in.Run(ctx, Target{Name: name}, defaults, nil, report); err != nil {
			report(Outcome{Source: name, Err: err})
		}
	}
	return nil
}

// articleFiles lists the files of a directory tree that ingest can read.
func articleFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && kindOf(path) != "" {
			files = append(files, path)
		}
		return nil
	})
	sort.Strings(files)
	return files, err
}

func (in *Ingester) ingestOrFail(ctx context.Context, doc Document, err error) Outcome {
	if err != nil {
		return Outcome{Source: doc.Source, Err: err}
	}
	return in.Ingest(ctx, doc)
}

// runReader ingests one stream of a known kind.
func (in *Ingester) runReader(ctx context.Context, source, kind string, r io.Reader, defaults Defaults, begin func(int), report func(Outcome)) error {
	if kind == "jsonl" {
		begin(0)
		return in.runBatch(ctx, source, r, defaults, report)
	}
	raw, err := io.ReadAll(io.LimitReader(r, MaxFetchBytes+1))
	if err != nil {
		return err
	}
	begin(1)
	var doc Document
	switch {
	case len(raw) > MaxFetchBytes:
		err = fmt.Errorf("input is over the %d-byte limit", MaxFetchBytes)
	case kind == "html":
		doc, err = ParseHTML(source, raw, defaults.URL)
	default:
		doc, err = ParseText(source, raw)
	}
	doc.Source = source
	if err == nil {
		err = defaults.apply(&doc)
	}
	report(in.ingestOrFail(ctx, doc, err))
	return nil
}

// runBatch ingests a JSONL stream: extraction runs on several workers,
// storing happens in line order on this goroutine.
func (in *Ingester) runBatch(ctx context.Context, source string, r io.Reader, defaults Defaults, report func(Outcome)) error {
	type job struct {
		line int
		doc  Document
		bad  error
		ex   *claims.Extraction
	}
	feed := func(put func(*job) error) error {
		return ReadJSONL(source, r, func(line int, doc Document, bad error) error {
			return put(&job{line: line, doc: doc, bad: bad})
		})
	}
	work := func(j *job) *job {
		if j.bad == nil {
			j.bad = defaults.apply(&j.doc)
		}
		if j.bad == nil {
			j.ex, j.bad = Extract(j.doc)
		}
		return j
	}
	return Ordered(ctx, in.Workers, feed, work, func(j *job) error {
		if j.doc.Source == "" {
			j.doc.Source = fmt.Sprintf("%s:%d", source, j.line)
		}
		out := in.store(ctx, j.doc, j.ex, j.bad)
		out.Line = j.line
		report(out)
		return nil
	})
}

// countLines counts the lines of a file for a progress ETA; 0 if it cannot
// be read. Blank lines are counted too: an ETA needs no more precision.
func countLines(name string) int {
	f, err := os.Open(name)
	if err != nil {
		return 0
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	n := 0
	for {
		k, err := f.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		if err != nil {
			return n
		}
	}
}
