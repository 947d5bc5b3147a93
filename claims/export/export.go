// Package export writes the verified timeline in the forms other tools
// read: TimelineJS3 slides for the graphics desk, a documented JSON format
// with a JSON Schema and CSV for analysts, and schema.org ClaimReview for
// fact-check markup.
//
// Every export streams: events are read from the database in batches and
// written as they come, so a newsroom's whole archive exports in flat memory.
// Output depends only on the data and the options (no generation time), so a
// fingerprint of the data is a valid ETag.
package export

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
)

// Format names an export format.
type Format string

// Export formats.
const (
	TimelineJS  Format = "timelinejs"
	JSON        Format = "json"
	CSV         Format = "csv"
	ClaimReview Format = "claimreview"
)

// Formats lists every format.
var Formats = []Format{TimelineJS, JSON, CSV, ClaimReview}

// ParseFormat reads a format name; a bad one fails with apperr.Invalid.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == strings.ToLower(strings.TrimSpace(s)) {
			return f, nil
		}
	}
	return "", apperr.Errorf(apperr.Invalid, "unknown export format %q: want timelinejs, json, csv or claimreview", s)
}

// ContentType is the media type of the format's output.
func (f Format) ContentType() string {
	switch f {
	case CSV:
		return "text/csv; charset=utf-8; header=present"
	case ClaimReview:
		return "application/ld+json; charset=utf-8"
	}
	return "application/json; charset=utf-8"
}

// FileName is a name to save the format's output under.
func (f Format) FileName() string {
	switch f {
	case CSV:
		return "factline-events.csv"
	case ClaimReview:
		return "factline-claimreview.jsonld"
	}
	return "factline-" + string(f) + ".json"
}

// Options say what to export and how to present it.
type Options struct {
	Filter filter.Filter
	// Title heads the TimelineJS title slide; by default the article's title
	// when exporting one article, else a generic title.
	Title string
	// Lang is the language of display dates ("en" or "id"; default en).
	Lang string
	// SiteURL is the public address of this factline (no trailing slash);
	// ClaimReview's review URLs point into it.
	SiteURL string
	// Reviewer is the organisation that reviews claims, ClaimReview's author.
	Reviewer string
	// IncludeProposed widens the events exported from the approved ones to
	// the proposed ones too (see Events).
	IncludeProposed bool
}

// Events is the filter the event formats read: Filter, kept to the review
// states an export may publish. Those are approved events and, with
// IncludeProposed, proposed ones; never rejected ones. A Filter that names
// review states narrows within them, and naming one they exclude fails
// with apperr.Invalid. ClaimReview publishes the verdicts editors gave
// claims, a review of its own, and reads Filter as it is.
func (o Options) Events() (filter.Filter, error) {
	allowed := []string{string(claims.ReviewApproved)}
	if o.IncludeProposed {
		allowed = append(allowed, string(claims.ReviewProposed))
	}
	f := o.Filter
	for _, r := range f.Review {
		if !slices.Contains(allowed, r) {
			if r == string(claims.ReviewProposed) {
				return filter.Filter{}, apperr.Errorf(apperr.Invalid, "an export holds proposed events only when asked to include them (include=proposed, --include-proposed)")
			}
			return filter.Filter{}, apperr.Errorf(apperr.Invalid, "an export never holds %s events: it holds approved ones, and proposed ones when asked", r)
		}
	}
	if len(f.Review) == 0 {
		f.Review = allowed
	}
	return f, nil
}

// LeftOut counts the events the options' filter keeps that the export
// leaves out for their review state, by state: what Events takes away.
func LeftOut(ctx context.Context, s *store.Store, f Format, opt Options) (store.ReviewCounts, error) {
	if f == ClaimReview {
		return store.ReviewCounts{}, nil
	}
	gated, err := opt.Events()
	if err != nil {
		return store.ReviewCounts{}, err
	}
	all, err := s.ReviewCounts(ctx, gated)
	if err != nil {
		return store.ReviewCounts{}, err
	}
	return all.Except(gated.Review), nil
}

// LeftOutHeader writes counts as the Factline-Left-Out header of an export
// served over HTTP: "proposed=3, rejected=1", every state the export left
// out with its count, "" when it left none out.
func LeftOutHeader(c store.ReviewCounts) string {
	var parts []string
	for _, r := range claims.Reviews {
		if n := c.Of(r); n > 0 {
			parts = append(parts, fmt.Sprintf("%s=%d", r, n))
		}
	}
	return strings.Join(parts, ", ")
}

// Write streams an export of the store to w.
//
// The event formats hold the events opt.Events keeps; the JSON document
// also counts, in left_out, the events it left out for their review state.
func Write(ctx context.Context, s *store.Store, w io.Writer, f Format, opt Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if f != ClaimReview {
		gated, err := opt.Events()
		if err != nil {
			return err
		}
		opt.Filter = gated
	}
	var err error
	switch f {
	case TimelineJS:
		err = writeTimelineJS(ctx, s, bw, opt)
	case JSON:
		err = writeJSON(ctx, s, bw, opt)
	case CSV:
		err = writeCSV(ctx, s, bw, opt)
	case ClaimReview:
		err = writeClaimReview(ctx, s, bw, opt)
	default:
		_, err = ParseFormat(string(f))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// ETag fingerprints what an export of f with opt would hold, without
// writing it: a hash of the options and of the store's ExportState, which
// any edit changes. The tag is weak (W/) because it vouches for the
// content, not for the bytes a proxy may recompress.
func ETag(ctx context.Context, s *store.Store, f Format, opt Options) (string, error) {
	if f != ClaimReview {
		if _, err := opt.Events(); err != nil {
			return "", err
		}
	}
	state, err := s.ExportState(ctx)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	enc := json.NewEncoder(h)
	for _, v := range []any{exportVersion, f, opt, state} {
		if err := enc.Encode(v); err != nil {
			return "", err
		}
	}
	return `W/"` + hex.EncodeToString(h.Sum(nil)[:16]) + `"`, nil
}

// exportVersion changes whenever the code writes a format differently, so
// an ETag from an older binary never matches.
const exportVersion = "factline-export-3"

// writeJSONValue writes one whole value with the same escaping as a list.
func writeJSONValue(w *bufio.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// text writes literal JSON punctuation between streamed parts.
func text(w *bufio.Writer, parts ...string) error {
	for _, p := range parts {
		if _, err := w.WriteString(p); err != nil {
			return err
		}
	}
	return nil
}

// describe says in words which events a filter keeps, for title slides.
func describe(f filter.Filter) string {
	var parts []string
	if len(f.EventStatuses) > 0 {
		parts = append(parts, "events "+strings.Join(f.EventStatuses, " or "))
	}
	if len(f.ClaimStatuses) > 0 {
		parts = append(parts, "claims "+strings.Join(f.ClaimStatuses, " or "))
	}
	if f.From != "" || f.To != "" {
		parts = append(parts, fmt.Sprintf("dates %s to %s", orDots(f.From), orDots(f.To)))
	}
	if f.Tag != "" {
		parts = append(parts, "tag "+f.Tag)
	}
	if f.ArticleID != 0 {
		parts = append(parts, fmt.Sprintf("article #%d", f.ArticleID))
	}
	if f.Speaker != "" {
		parts = append(parts, "speaker "+f.Speaker)
	}
	if f.Publisher != "" {
		parts = append(parts, "publisher "+f.Publisher)
	}
	if f.Query != "" {
		parts = append(parts, fmt.Sprintf("text %q", f.Query))
	}
	if f.Story != "" {
		parts = append(parts, "story "+f.Story)
	}
	return strings.Join(parts, "; ")
}

func orDots(s string) string {
	if s == "" {
		return "…"
	}
	return s
}
