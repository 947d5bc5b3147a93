package export

import (
	"bufio"
	"context"
	"time"

	"github.com/factline/factline/claims/store"
)

// SchemaVersion is the version of the JSON export format, written in every
// export and described by the schema in schema/export.schema.json. It
// changes (and the schema with it) whenever a field changes meaning or is
// removed; added fields do not change it.
const SchemaVersion = "1.0"

// The native JSON export. Field names and meanings are the contract the
// schema documents; change them only with SchemaVersion.
type (
	jsonEvent struct {
		ID          int64        `json:"id"`
		Headline    string       `json:"headline"`
		Description string       `json:"description"`
		Date        jsonDate     `json:"date"`
		EndDate     *jsonDate    `json:"end_date"`
		Status      string       `json:"status"`
		Tags        []string     `json:"tags"`
		Sources     []jsonSource `json:"sources"`
		Claims      []jsonClaim  `json:"claims"`
		UpdatedAt   stamp        `json:"updated_at"`
	}
	jsonDate struct {
		Value     string `json:"value"`
		Precision string `json:"precision"`
		Mod       string `json:"mod"`
		Display   string `json:"display"`
		Start     *stamp `json:"start"`
		End       *stamp `json:"end"`
	}
	jsonSource struct {
		Article  jsonArticle `json:"article"`
		Sentence string      `json:"sentence"`
		Span     jsonSpan    `json:"span"`
		ClaimID  *int64      `json:"claim_id"`
	}
	jsonArticle struct {
		ID        int64  `json:"id"`
		Title     string `json:"title"`
		URL       string `json:"url"`
		Publisher string `json:"publisher"`
		Published string `json:"published"`
	}
	jsonSpan struct {
		Start int `json:"start"`
		End   int `json:"end"`
	}
	jsonClaim struct {
		ID       int64          `json:"id"`
		Text     string         `json:"text"`
		Kind     string         `json:"kind"`
		Speaker  string         `json:"speaker"`
		Role     string         `json:"role"`
		Cue      string         `json:"cue"`
		Quote    bool           `json:"quote"`
		Status   string         `json:"status"`
		Article  jsonArticle    `json:"article"`
		Span     jsonSpan       `json:"span"`
		Evidence []jsonEvidence `json:"evidence"`
	}
	jsonEvidence struct {
		Note      string `json:"note"`
		URL       string `json:"url"`
		CreatedAt stamp  `json:"created_at"`
	}
)

// writeJSON writes the native export: a header naming the schema version
// and the filter, the events, and their count last (known only at the end
// of the stream).
func writeJSON(ctx context.Context, s *store.Store, w *bufio.Writer, opt Options) error {
	if err := text(w, `{"schema_version":"`+SchemaVersion+`","generator":"factline","filter":`); err != nil {
		return err
	}
	if err := writeJSONValue(w, opt.Filter); err != nil {
		return err
	}
	if err := text(w, `,"events":[`); err != nil {
		return err
	}
	dates := newDateBook(opt.Lang)
	list := newJSONList(w)
	err := eachEvent(ctx, s, opt.Filter, func(it *Item) error { return list.add(nativeEvent(it, dates)) })
	if err != nil {
		return err
	}
	if err := text(w, `],"count":`); err != nil {
		return err
	}
	if err := writeJSONValue(w, list.n); err != nil {
		return err
	}
	return text(w, "}\n")
}

func nativeEvent(it *Item, dates *dateBook) jsonEvent {
	ev := jsonEvent{
		ID: it.ID, Headline: it.Headline, Description: it.Description, Status: it.Status,
		Date: jsonDate{Value: it.Value, Precision: it.Precision, Mod: it.Mod,
			Display: dates.displayDate(it.Value, it.Mod, it.Status), Start: stampOf(it.StartsAt), End: stampOf(it.EndsAt)},
		Tags: it.Tags, Sources: make([]jsonSource, len(it.Sources)), Claims: make([]jsonClaim, len(it.Claims)),
		UpdatedAt: stampAt(it.UpdatedAt),
	}
	if d, ok := dates.calendarDate(it.EndValue); ok && it.EndValue != "" {
		ev.EndDate = &jsonDate{Value: it.EndValue, Precision: string(d.Precision), Display: dates.name(d),
			Start: stampOf(&d.Start), End: stampOf(&d.End)}
	}
	for i, src := range it.Sources {
		ev.Sources[i] = jsonSource{Article: articleOf(src.ArticleID, src.ArticleRef), Sentence: src.Sentence,
			Span: jsonSpan{src.Start, src.End}, ClaimID: src.ClaimID}
	}
	for i, c := range it.Claims {
		jc := jsonClaim{ID: c.ID, Text: c.Text, Kind: c.Kind, Speaker: c.Speaker, Role: c.Role, Cue: c.Cue,
			Quote: c.Quote, Status: c.Status, Article: articleOf(c.ArticleID, c.ArticleRef),
			Span: jsonSpan{c.Start, c.End}, Evidence: make([]jsonEvidence, len(c.Evidence))}
		for j, e := range c.Evidence {
			jc.Evidence[j] = jsonEvidence{Note: e.Note, URL: e.URL, CreatedAt: stampAt(e.CreatedAt)}
		}
		ev.Claims[i] = jc
	}
	return ev
}

func articleOf(id int64, a ArticleRef) jsonArticle {
	return jsonArticle{ID: id, Title: a.ArticleTitle, URL: a.ArticleURL, Publisher: a.ArticlePublisher, Published: a.ArticlePublished}
}

// stamp is a time written as encoding/json writes a time.Time (RFC 3339
// with nanoseconds), in UTC. It is formatted once as the event is built:
// the encoder writes a time.Time through its MarshalJSON and then parses
// that output again to check it, a measurable part of a large export.
type stamp string

func stampAt(t time.Time) stamp { return stamp(t.UTC().Format(time.RFC3339Nano)) }

func stampOf(t *time.Time) *stamp {
	if t == nil {
		return nil
	}
	s := stampAt(*t)
	return &s
}
