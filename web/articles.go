package web

import (
	"context"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/claims/store"
)

// articleInput is an article an editor submits: pasted text, an uploaded
// file or a URL to fetch, with metadata that overrides what the source says.
type articleInput struct {
	Source    string `json:"source"` // paste, upload or url
	Title     string `json:"title"`
	URL       string `json:"url"`
	Publisher string `json:"publisher"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Text      string `json:"text"`
	// Story names a story the article joins, created if there is none.
	Story    string `json:"story"`
	fileName string
	file     []byte
}

// addArticle reads, extracts and stores an article. Problems with the input
// are Invalid (422); an article already stored is Duplicate with its ID.
func (s *Server) addArticle(ctx context.Context, in articleInput, userID *int64) (*store.Article, error) {
	var doc ingest.Document
	var err error
	switch in.Source {
	case "paste", "":
		// Browsers send a textarea's lines with CRLF; store the text as
		// the reporter wrote it.
		doc = ingest.Document{Kind: "form", Text: strings.ReplaceAll(in.Text, "\r\n", "\n")}
	case "upload":
		if len(in.file) == 0 {
			return nil, apperr.Errorf(apperr.Invalid, "choose a file to upload")
		}
		switch strings.ToLower(filepath.Ext(in.fileName)) {
		case ".html", ".htm", ".xhtml":
			doc, err = ingest.ParseHTML(in.fileName, in.file, in.URL)
		case ".txt", ".text", "":
			doc, err = ingest.ParseText(in.fileName, in.file)
		default:
			return nil, apperr.Errorf(apperr.Invalid, "upload a .txt or .html file, not %q", filepath.Ext(in.fileName))
		}
	case "url":
		if !ingest.IsURL(in.URL) {
			return nil, apperr.Errorf(apperr.Invalid, "give an http:// or https:// address to fetch")
		}
		doc, err = s.fetcher.Fetch(ctx, in.URL)
	default:
		return nil, apperr.Errorf(apperr.Invalid, "source must be paste, upload or url, not %q", in.Source)
	}
	if err != nil {
		return nil, apperr.Errorf(apperr.Invalid, "%v", err)
	}
	if err := in.overlay(&doc); err != nil {
		return nil, err
	}
	ex, err := ingest.Extract(doc)
	if err != nil {
		return nil, apperr.Errorf(apperr.Invalid, "%v", err)
	}
	opt := store.SaveOptions{SourceKind: doc.Kind, CreatedBy: userID}
	var story *store.Story
	if name := strings.TrimSpace(in.Story); name != "" {
		if story, _, err = s.cfg.Store.EnsureStory(ctx, name, userID); err != nil {
			return nil, err
		}
		opt.StoryIDs = []int64{story.ID}
	}
	a, err := s.cfg.Store.SaveExtraction(ctx, ex, opt)
	var dup *apperr.Error
	if story != nil && errors.As(err, &dup) && dup.Code == apperr.Duplicate {
		// The article was there already: it joins the story all the same.
		if jerr := s.cfg.Store.AddStoryArticle(ctx, story.ID, dup.ID, store.JoinedByIngest, userID); jerr != nil && apperr.CodeOf(jerr) != apperr.Duplicate {
			return nil, jerr
		}
	}
	if story != nil && (err == nil || dup != nil) {
		if _, lerr := s.cfg.Store.LinkStory(ctx, story.ID); lerr != nil {
			return nil, lerr
		}
	}
	if story == nil && err == nil {
		// An article in no story is proposed for the stories it resembles.
		if _, perr := s.cfg.Store.ProposeStories(ctx, a.ID); perr != nil {
			return nil, perr
		}
	}
	return a, err
}

// overlay puts the fields the editor filled in over what the source said.
func (in articleInput) overlay(doc *ingest.Document) error {
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&doc.Title, in.Title)
	set(&doc.URL, in.URL)
	set(&doc.Publisher, in.Publisher)
	if in.Lang != "" && in.Lang != "auto" {
		doc.Lang = in.Lang
	}
	if in.Published != "" {
		t, err := ingest.ParsePublished(in.Published, doc.Lang)
		if err != nil {
			return apperr.Errorf(apperr.Invalid, "%v", err)
		}
		doc.Published = t
	}
	if doc.URL != "" && !ingest.IsURL(doc.URL) {
		return apperr.Errorf(apperr.Invalid, "the article URL must start with http:// or https://")
	}
	return nil
}

// readArticleForm reads the add-article form, file included.
func readArticleForm(c *gin.Context) (articleInput, error) {
	in := articleInput{Source: c.PostForm("source"), Title: c.PostForm("title"), URL: c.PostForm("url"),
		Publisher: c.PostForm("publisher"), Published: c.PostForm("published"), Lang: c.PostForm("lang"), Text: c.PostForm("text"),
		Story: c.PostForm("story")}
	if in.Source != "upload" {
		return in, nil
	}
	fh, err := c.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) {
		return in, nil
	} else if err != nil {
		return in, err
	}
	f, err := fh.Open()
	if err != nil {
		return in, err
	}
	defer f.Close()
	in.fileName = fh.Filename
	in.file, err = io.ReadAll(io.LimitReader(f, maxArticleBody))
	return in, err
}

// parseID reads a numeric path parameter.
func parseID(c *gin.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, badRequest("%q is not a valid id", c.Param(name))
	}
	return id, nil
}

// articleFilter reads the article list's query parameters.
func articleFilter(c *gin.Context) (store.ArticleFilter, error) {
	f := store.ArticleFilter{Query: strings.TrimSpace(c.Query("q")), Lang: c.Query("lang"),
		Publisher: strings.TrimSpace(c.Query("publisher")), From: c.Query("from"), To: c.Query("to"), Limit: 50}
	for _, d := range []string{f.From, f.To} {
		if _, err := parseDay(d); err != nil {
			return f, err
		}
	}
	if p := c.Query("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 100000 {
			return f, badRequest("page must be a positive number")
		}
		f.Offset = (n - 1) * f.Limit
	}
	return f, nil
}

// parseDay reads an optional YYYY-MM-DD query value.
func parseDay(v string) (*time.Time, error) {
	if v == "" {
		return nil, nil
	}
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		return nil, badRequest("%q is not a date: use YYYY-MM-DD", v)
	}
	return &t, nil
}

type articlesData struct {
	Filter     store.ArticleFilter
	Articles   []store.Article
	Total      int64
	Page       int
	HasMore    bool
	Publishers []string
}

func (s *Server) articlesPage(c *gin.Context) {
	f, err := articleFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	list, total, err := s.cfg.Store.Articles(c.Request.Context(), f)
	if err != nil {
		s.fail(c, err)
		return
	}
	facets, err := s.cfg.Store.TimelineFacets(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	page := f.Offset/f.Limit + 1
	s.render(c, http.StatusOK, "articles", "Articles", articlesData{Filter: f, Articles: list, Total: total, Page: page,
		HasMore: int64(f.Offset+len(list)) < total, Publishers: facets.Publishers})
}

type newArticleData struct {
	In      articleInput
	Message string
}

func (s *Server) newArticlePage(c *gin.Context) {
	s.render(c, http.StatusOK, "article_new", "Add an article", newArticleData{In: articleInput{Source: "paste", Story: c.Query("story")}})
}

func (s *Server) createArticle(c *gin.Context) {
	in, err := readArticleForm(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	a, err := s.addArticle(c.Request.Context(), in, who(c).userID())
	var se *apperr.Error
	switch {
	case errors.As(err, &se) && se.Code == apperr.Duplicate:
		s.redirectFlash(c, "/articles/"+strconv.FormatInt(se.ID, 10), "This article was already added: here it is.")
	case errors.As(err, &se) && se.Code == apperr.Invalid:
		status, _ := classify(err)
		s.render(c, status, "article_new", "Add an article", newArticleData{In: in, Message: se.Message})
	case err != nil:
		s.fail(c, err)
	default:
		s.redirectFlash(c, "/articles/"+strconv.FormatInt(a.ID, 10), "Article added.")
	}
}

type articleData struct {
	Article *store.Article
	// Stories are the stories the article belongs to; AllStories every
	// story, for the editor's picker.
	Stories    []store.Story
	AllStories []store.Story
	// Blocks is the highlighted body, which only the article page shows.
	Blocks  []block
	Timexes []store.Timex
	Claims  []store.Claim
	Events  []store.TimelineEvent
}

func (s *Server) articlePage(c *gin.Context) {
	d, err := s.loadArticle(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	title := d.Article.Title
	if title == "" {
		title = "Article #" + strconv.FormatInt(d.Article.ID, 10)
	}
	d.Blocks = highlight(d.Article.Body, d.Claims, d.Timexes)
	s.render(c, http.StatusOK, "article", title, d)
}

// loadArticle reads an article with everything found in it.
func (s *Server) loadArticle(c *gin.Context) (*articleData, error) {
	id, err := parseID(c, "id")
	if err != nil {
		return nil, err
	}
	ctx := c.Request.Context()
	a, err := s.cfg.Store.ArticleByID(ctx, id)
	if err != nil {
		return nil, err
	}
	txs, err := s.cfg.Store.ArticleTimexes(ctx, id)
	if err != nil {
		return nil, err
	}
	cls, err := s.cfg.Store.ArticleClaims(ctx, id)
	if err != nil {
		return nil, err
	}
	evs, _, err := s.cfg.Store.Timeline(ctx, filter.Filter{ArticleID: id, IncludeHidden: true}, store.MaxTimelineLimit)
	if err != nil {
		return nil, err
	}
	stories, err := s.cfg.Store.ArticleStories(ctx, id)
	if err != nil {
		return nil, err
	}
	all, err := s.cfg.Store.Stories(ctx)
	if err != nil {
		return nil, err
	}
	return &articleData{Article: a, Stories: orEmpty(stories), AllStories: all, Timexes: txs, Claims: cls, Events: evs}, nil
}
