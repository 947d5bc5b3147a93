// Package ingest reads articles from plain text, HTML, JSONL batches and
// URLs, runs the extraction pipeline on them and stores the result.
package ingest

import (
	"strings"
	"time"

	"github.com/araddon/dateparse"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/timeline"
)

// Document is one article as read from its source, before extraction.
type Document struct {
	// Source names where it came from for messages: a file, "line 12" of a
	// batch, or a URL.
	Source    string
	Kind      string // text, html, jsonl, url or form
	Title     string
	URL       string
	Publisher string
	Author    string
	Lang      string
	// Published is the publication date when the source gives one; zero
	// otherwise, and the pipeline infers it from the text.
	Published time.Time
	Text      string
}

// Validate checks the limits every article must meet. Its errors, like
// every error about the input in this package, carry apperr.Invalid so that
// callers can tell bad input from a fault.
func (d *Document) Validate() error {
	if len(d.Text) > MaxArticleBytes {
		return apperr.Errorf(apperr.Invalid, "article text is %d bytes, over the %d-byte limit", len(d.Text), MaxArticleBytes)
	}
	if strings.TrimSpace(d.Text) == "" {
		return apperr.Errorf(apperr.Invalid, "article text is empty")
	}
	if looksBinary([]byte(d.Text)) {
		return ErrBinary
	}
	if err := timeline.CheckLanguage(d.Lang); err != nil {
		return apperr.Errorf(apperr.Invalid, "%v", err)
	}
	return nil
}

// jakarta is the zone of WIB times; Indonesian metadata without a zone is
// read in it too.
var jakarta = func() *time.Location {
	if loc, err := time.LoadLocation("Asia/Jakarta"); err == nil {
		return loc
	}
	return time.FixedZone("WIB", 7*3600)
}()

// indonesianZones maps the country's zone abbreviations, which dateparse
// does not know, to numeric offsets.
var indonesianZones = strings.NewReplacer(" WIB", " +0700", " WITA", " +0800", " WIT", " +0900")

// ParsePublished reads a publication date from metadata: ISO 8601, RFC
// 1123, "30/12/2019 08:15 WIB" and the other layouts dateparse knows.
// Indonesian sources write the day first, so for lang "id" (and unknown
// language, since most of factline's sources are Indonesian) 01/02/2019 is
// 1 February. The result is the calendar date where it was published.
func ParsePublished(s, lang string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	t, err := dateparse.ParseIn(indonesianZones.Replace(s), jakarta, dateparse.PreferMonthFirst(lang == "en"), dateparse.RetryAmbiguousDateWithSwap(true))
	if err != nil {
		return time.Time{}, apperr.Errorf(apperr.Invalid, "publication date %q is not a date factline can read", s)
	}
	if t.Year() < 1800 || t.Year() > 2200 {
		return time.Time{}, apperr.Errorf(apperr.Invalid, "publication date %q is out of range", s)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
}
