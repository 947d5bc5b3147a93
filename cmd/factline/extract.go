package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/ingest"
	"github.com/factline/factline/timeline"
)

func init() {
	register(command{name: "extract", summary: "find and resolve temporal expressions, claims and events (JSON out)", run: runExtract})
}

// extractInput is one line of the --jsonl contract.
type extractInput struct {
	ID   string `json:"id"`
	Lang string `json:"lang"`
	DCT  string `json:"dct"`
	Text string `json:"text"`
}

// extractOutput is one document's result. The first fields (id, dct, lang,
// timexes) are the scorer's contract and keep their shape; claims, events
// and article come from the claims pipeline. All offsets are UTF-8 byte
// offsets into the input text.
type extractOutput struct {
	ID          string           `json:"id,omitempty"`
	DCT         string           `json:"dct"`
	DCTInferred bool             `json:"dct_inferred,omitempty"`
	DCTEvidence string           `json:"dct_evidence,omitempty"`
	Lang        string           `json:"lang"`
	Timexes     []timeline.Timex `json:"timexes"`
	Claims      []claimOut       `json:"claims"`
	Events      []eventOut       `json:"events"`
	Article     *articleOut      `json:"article,omitempty"`
	Error       string           `json:"error,omitempty"`
}

// claimOut is a claim without its text, which the offsets locate.
type claimOut struct {
	ID       string      `json:"id"`
	Start    int         `json:"start"`
	End      int         `json:"end"`
	Kind     claims.Kind `json:"kind"`
	Speaker  string      `json:"speaker"`
	Role     string      `json:"role"`
	Cue      string      `json:"cue"`
	Quote    bool        `json:"quote"`
	TimexIDs []string    `json:"timex_ids"`
}

// eventOut flattens an event's date into value, mod and precision.
type eventOut struct {
	ID        string             `json:"id"`
	Value     string             `json:"value"`
	Mod       timeline.Mod       `json:"mod"`
	Precision timeline.Precision `json:"precision"`
	// Zone is the UTC offset the text gives for the event's clock time.
	Zone string `json:"zone,omitempty"`
	// End is the last day of a range of dates, empty for one date.
	End      string               `json:"end,omitempty"`
	Status   timeline.EventStatus `json:"status"`
	Headline string               `json:"headline"`
	Evidence timeline.Span        `json:"evidence"`
	Also     []timeline.Span      `json:"also,omitempty"`
	ClaimID  string               `json:"claim_id"`
	TimexID  string               `json:"timex_id,omitempty"`
	// Predicate, Subject and Object are UTF-8 byte spans of the source
	// sentence; Subject and Object are absent when the clause has none.
	Predicate *timeline.Span `json:"predicate,omitempty"`
	Subject   *timeline.Span `json:"subject,omitempty"`
	Object    *timeline.Span `json:"object,omitempty"`
}

// articleOut is what cleaning learnt about the article.
type articleOut struct {
	Publisher   string          `json:"publisher"`
	Dateline    string          `json:"dateline"`
	Credits     claims.Credits  `json:"credits"`
	Boilerplate []timeline.Span `json:"boilerplate"`
}

func runExtract(env *cliEnv, args []string) error {
	fs := newFlags(env, "extract", "[--dct DATE] [--lang "+strings.Join(append(timeline.LanguageCodes(), "auto"), "|")+"] [--jsonl [--workers N]] [--explain] [FILE|-]")
	dct := fs.String("dct", "", "publication date `YYYY-MM-DD` (default: inferred from the text)")
	lang := fs.String("lang", "auto", "language of the text: "+timeline.LanguageChoices())
	jsonl := fs.Bool("jsonl", false, "read and write one JSON document per line ({\"id\",\"lang\",\"dct\",\"text\"})")
	explain := fs.Bool("explain", false, "include how each expression was resolved")
	workers := fs.Int("workers", 0, "with --jsonl, documents extracted at once (default: one per CPU)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return usagef("at most one input file")
	}
	if err := timeline.CheckLanguage(*lang); err != nil {
		return usagef("--lang: %v", err)
	}
	in := env.stdin
	if name := fs.Arg(0); name != "" && name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	out := bufio.NewWriter(env.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	if !*jsonl {
		enc.SetIndent("", "  ")
		text, err := io.ReadAll(io.LimitReader(in, ingest.MaxArticleBytes+1))
		if err != nil {
			return err
		}
		if len(text) > ingest.MaxArticleBytes {
			return fmt.Errorf("input is over the %d-byte article limit", ingest.MaxArticleBytes)
		}
		doc := extractInput{Lang: *lang, DCT: *dct, Text: string(text)}
		res, err := extractOne(doc, *explain)
		if err != nil {
			return err
		}
		return enc.Encode(res)
	}
	// Batches keep going past a bad line: it gets an "error" field, the
	// others their results, and the command exits 1 at the end. Lines are
	// extracted on --workers goroutines and written in input order.
	type line struct {
		no   int
		text []byte
		err  error
		out  []byte // the encoded result
		msg  string // the error said on stderr
	}
	feed := func(put func(*line) error) error {
		r := bufio.NewReaderSize(in, 1<<20)
		for no := 1; ; no++ {
			text, err := ingest.ReadLine(r, ingest.MaxArticleBytes*2)
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err == nil && strings.TrimSpace(string(text)) == "" {
				continue
			}
			if err := put(&line{no: no, text: text, err: err}); err != nil {
				return err
			}
		}
	}
	work := func(l *line) *line {
		var doc extractInput
		var res extractOutput
		switch {
		case l.err != nil:
			res.Error = l.err.Error()
		default:
			if err := json.Unmarshal(l.text, &doc); err != nil {
				res.Error = "invalid JSON: " + err.Error()
				break
			}
			if doc.Lang == "" {
				doc.Lang = *lang
			}
			if doc.DCT == "" {
				doc.DCT = *dct
			}
			var err error
			if res, err = extractOne(doc, *explain); err != nil {
				res = extractOutput{ID: doc.ID, Error: err.Error()}
			}
		}
		if res.Error != "" {
			l.msg = fmt.Sprintf("factline extract: line %d: %s\n", l.no, res.Error)
			res.Timexes, res.Claims, res.Events = []timeline.Timex{}, []claimOut{}, []eventOut{}
		}
		var buf bytes.Buffer
		e := json.NewEncoder(&buf)
		e.SetEscapeHTML(false)
		if err := e.Encode(res); err != nil {
			l.msg = fmt.Sprintf("factline extract: line %d: %v\n", l.no, err)
		}
		l.out, l.text = buf.Bytes(), nil
		return l
	}
	var failed int
	err := ingest.Ordered(context.Background(), *workers, feed, work, func(l *line) error {
		if l.msg != "" {
			failed++
			fmt.Fprint(env.stderr, l.msg)
		}
		_, err := out.Write(l.out)
		return err
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d line(s) failed", failed)
	}
	return nil
}

// extractOne runs the pipeline on one document and flattens the result.
func extractOne(doc extractInput, explain bool) (extractOutput, error) {
	ex, err := extractDoc(doc)
	if err != nil {
		return extractOutput{}, err
	}
	out := extractOutput{
		ID: doc.ID, Lang: ex.Article.Lang, DCTInferred: ex.Article.PublishedInferred, DCTEvidence: ex.Article.PublishedEvidence,
		Timexes: ex.Timexes, Claims: make([]claimOut, 0, len(ex.Claims)), Events: make([]eventOut, 0, len(ex.Events)),
		Article: &articleOut{Publisher: ex.Article.Publisher, Dateline: ex.Article.Dateline, Credits: ex.Article.Credits, Boilerplate: ex.Boilerplate},
	}
	if !ex.Article.Published.IsZero() {
		out.DCT = ex.Article.Published.Format("2006-01-02")
	}
	if out.Timexes == nil {
		out.Timexes = []timeline.Timex{}
	}
	if out.Article.Boilerplate == nil {
		out.Article.Boilerplate = []timeline.Span{}
	}
	if !explain {
		for i := range out.Timexes {
			out.Timexes[i].Rule, out.Timexes[i].Explanation = "", ""
		}
	}
	for _, c := range ex.Claims {
		out.Claims = append(out.Claims, claimOut{
			ID: c.ID, Start: c.Start, End: c.End, Kind: c.Kind, Speaker: c.Speaker, Role: c.Role,
			Cue: c.Cue, Quote: c.Quote, TimexIDs: c.TimexIDs,
		})
	}
	for _, e := range ex.Events {
		out.Events = append(out.Events, eventOut{
			ID: e.ID, Value: e.Date.Value, Mod: e.Date.Mod, Precision: e.Date.Precision, Zone: e.Date.Zone, Status: e.Status,
			End: e.End.Value, Headline: e.Headline, Evidence: e.Evidence, Also: e.Also, ClaimID: e.ClaimID, TimexID: e.TimexID,
			Predicate: optionalSpan(e.Predicate), Subject: optionalSpan(e.Subject), Object: optionalSpan(e.Object),
		})
	}
	return out, nil
}

// optionalSpan returns nil for an empty span, so absent parts are left out.
func optionalSpan(s timeline.Span) *timeline.Span {
	if s.Len() == 0 {
		return nil
	}
	return &s
}

// extractDoc checks one input document and runs the pipeline on it. A
// fault in the pipeline fails this document only: a batch of thousands goes
// on, and the line says what went wrong.
func extractDoc(doc extractInput) (ex claims.Extraction, err error) {
	defer func() {
		if r := recover(); r != nil {
			ex, err = claims.Extraction{}, fmt.Errorf("extraction failed on this document (please report it): %v", r)
		}
	}()
	if len(doc.Text) > ingest.MaxArticleBytes {
		return ex, fmt.Errorf("text is over the %d-byte article limit", ingest.MaxArticleBytes)
	}
	var dct time.Time
	if doc.DCT != "" {
		// Unpadded days and months ("2013-12-4") occur in real feeds.
		dct, err = time.Parse("2006-1-2", doc.DCT)
		if err != nil {
			return ex, usagef("dct %q is not a YYYY-MM-DD date", doc.DCT)
		}
	}
	return claims.Extract(claims.Article{Text: doc.Text, Lang: doc.Lang, Published: dct}), nil
}
