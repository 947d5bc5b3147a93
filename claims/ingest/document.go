// Package ingest reads articles from plain text, HTML, JSONL batches and
// URLs, runs the extraction pipeline on them and stores the result.
package ingest

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"sync"
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

// metadataZones maps the zone abbreviations every language's sources write
// in metadata, which dateparse does not know ("WIB"), to numeric offsets,
// longest first so that " WITA" is not read as " WIT" and an "A".
var metadataZones = sync.OnceValue(func() *strings.Replacer {
	offsets := map[string]string{}
	for _, l := range timeline.Languages() {
		for zone, off := range l.ZoneOffsets {
			offsets[zone] = off
		}
	}
	zones := slices.SortedFunc(maps.Keys(offsets), func(a, b string) int {
		return cmp.Or(len(b)-len(a), strings.Compare(a, b))
	})
	var pairs []string
	for _, z := range zones {
		pairs = append(pairs, " "+z, " "+offsets[z])
	}
	return strings.NewReplacer(pairs...)
})

// ParsePublished reads a publication date from metadata: ISO 8601, RFC
// 1123, "30/12/2019 08:15 WIB" and the other layouts dateparse knows.
// Numeric dates follow the language's order (Indonesian 01/02/2019 is 1
// February, English 2 January); an unknown language reads as the default
// language. The result is the calendar date where it was published.
func ParsePublished(s, lang string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	l, ok := timeline.LookupLanguage(lang)
	if !ok {
		l = timeline.DefaultLanguage()
	}
	t, err := dateparse.ParseIn(metadataZones().Replace(s), jakarta, dateparse.PreferMonthFirst(l.MonthFirstNumericDates), dateparse.RetryAmbiguousDateWithSwap(true))
	if err != nil {
		return time.Time{}, apperr.Errorf(apperr.Invalid, "publication date %q is not a date factline can read", s)
	}
	if t.Year() < 1800 || t.Year() > 2200 {
		return time.Time{}, apperr.Errorf(apperr.Invalid, "publication date %q is out of range", s)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
}
