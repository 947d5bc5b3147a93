package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/timeline"
	"github.com/markusmobius/go-trafilatura"
)

// ParseText reads a plain-text article. A short first line that is followed
// by a blank line and does not end like a sentence is taken as the title and
// left out of the body.
func ParseText(source string, raw []byte) (Document, error) {
	text, err := decodeText(raw)
	if err != nil {
		return Document{}, err
	}
	doc := Document{Source: source, Kind: "text", Text: text}
	first, rest, ok := strings.Cut(strings.TrimLeft(text, "\ufeff"), "\n")
	first = strings.TrimSpace(first)
	if ok && first != "" && len(first) <= 200 && !strings.ContainsAny(first[len(first)-1:], ".!?\"”:") &&
		strings.HasPrefix(strings.TrimLeft(rest, " \t\r"), "\n") {
		doc.Title = first
		doc.Text = strings.TrimLeft(rest, " \t\r\n")
	}
	return doc, nil
}

// ParseHTML extracts the main text and metadata (title, author, publisher,
// publication date, canonical URL) of a news page.
func ParseHTML(source string, raw []byte, pageURL string) (Document, error) {
	if looksBinary(raw) {
		return Document{}, ErrBinary
	}
	opts := trafilatura.Options{EnableFallback: true, HtmlDateMode: trafilatura.Extensive}
	if pageURL != "" {
		if u, err := parseHTTPURL(pageURL); err == nil {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.Extract(bytes.NewReader(raw), opts)
	if err != nil {
		return Document{}, apperr.Errorf(apperr.Invalid, "no article text found in the HTML: %v", err)
	}
	doc := Document{
		Source:    source,
		Kind:      "html",
		Title:     strings.TrimSpace(res.Metadata.Title),
		URL:       res.Metadata.URL,
		Publisher: strings.TrimSpace(res.Metadata.Sitename),
		Author:    strings.TrimSpace(res.Metadata.Author),
		Lang:      normaliseLang(res.Metadata.Language),
		Text:      strings.TrimSpace(res.ContentText),
	}
	if doc.URL == "" {
		doc.URL = pageURL
	}
	if !res.Metadata.Date.IsZero() {
		d := res.Metadata.Date
		doc.Published = time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	}
	return doc, nil
}

// normaliseLang keeps the registered language of a metadata tag ("id-ID",
// "en_US", "ms"), or "" (detect it) for any other.
func normaliseLang(l string) string {
	code, _, _ := strings.Cut(strings.ToLower(l), "-")
	code, _, _ = strings.Cut(code, "_")
	if _, ok := timeline.LookupLanguage(code); ok {
		return code
	}
	return ""
}

// jsonlArticle is one line of a JSONL batch. It also reads the lines of
// "factline extract --jsonl": ID names the line in messages, and DCT is the
// publication date when Published is not given.
type jsonlArticle struct {
	ID        string `json:"id"`
	DCT       string `json:"dct"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Publisher string `json:"publisher"`
	Author    string `json:"author"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Text      string `json:"text"`
}

// ReadJSONL calls fn for each non-blank line of a JSONL batch with its line
// number and the document or the reason the line is bad. A bad line does
// not stop the batch; an error from fn or from reading does.
func ReadJSONL(source string, r io.Reader, fn func(line int, doc Document, bad error) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for n := 1; ; n++ {
		line, err := ReadLine(br, MaxArticleBytes*2)
		if errors.Is(err, io.EOF) {
			return nil
		}
		var lineErr *lineTooLong
		if errors.As(err, &lineErr) {
			if err := fn(n, Document{}, err); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		// A line is text like any single file: a byte-order mark is
		// dropped and bytes that are not UTF-8 are read as Windows-1252,
		// before the JSON is parsed (which would turn them into U+FFFD).
		var doc Document
		text, bad := decodeText(line)
		if bad == nil {
			doc, bad = parseJSONLine(fmt.Sprintf("%s:%d", source, n), []byte(text))
		}
		if err := fn(n, doc, bad); err != nil {
			return err
		}
	}
}

func parseJSONLine(source string, line []byte) (Document, error) {
	var a jsonlArticle
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return Document{}, apperr.Errorf(apperr.Invalid, "invalid JSON: %v", err)
	}
	if dec.More() {
		return Document{}, apperr.Errorf(apperr.Invalid, "invalid JSON: more than one value on the line")
	}
	if a.ID != "" {
		source += " (id " + a.ID + ")"
	}
	switch {
	case a.Published == "":
		a.Published = a.DCT
	case a.DCT != "" && a.DCT != a.Published:
		return Document{}, apperr.Errorf(apperr.Invalid, "published %q and dct %q disagree: give one", a.Published, a.DCT)
	}
	doc := Document{Source: source, Kind: "jsonl", Title: a.Title, URL: a.URL, Publisher: a.Publisher, Author: a.Author, Lang: a.Lang, Text: a.Text}
	var err error
	if doc.Published, err = ParsePublished(a.Published, a.Lang); err != nil {
		return Document{}, err
	}
	return doc, nil
}

// lineTooLong reports a batch line over the limit; it is consumed whole so
// the batch goes on with the next line.
type lineTooLong struct{ limit int }

func (e *lineTooLong) Error() string { return fmt.Sprintf("line is over the %d-byte limit", e.limit) }

// ReadLine reads one line without its newline. A line over limit bytes is
// consumed whole and reported with an error, so a batch can go on.
func ReadLine(r *bufio.Reader, limit int) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, isPrefix, err := r.ReadLine()
		if err != nil {
			if errors.Is(err, io.EOF) && (len(line) > 0 || tooLong) {
				break
			}
			return nil, err
		}
		if !tooLong {
			line = append(line, chunk...)
			if len(line) > limit {
				tooLong, line = true, nil
			}
		}
		if !isPrefix {
			break
		}
	}
	if tooLong {
		return nil, &lineTooLong{limit}
	}
	return line, nil
}
