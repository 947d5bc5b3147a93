package export

import (
	"bufio"
	"context"

	"github.com/factline/factline/claims/store"
)

// SchemaVersion is the version of the JSON export format, written in every
// export and described by the schema in schema/export.schema.json. It
// changes (and the schema with it) whenever a field changes meaning or is
// removed; added fields do not change it.
const SchemaVersion = "1.0"

// The native JSON export. Field names and meanings are the contract the
// schema documents; change them only with SchemaVersion. appendEvent
// writes these types by hand; the tests hold its output equal to
// encoding/json's for them.
type (
	jsonEvent struct {
		ID          int64        `json:"id"`
		Headline    string       `json:"headline"`
		Description string       `json:"description"`
		Date        jsonDate     `json:"date"`
		EndDate     *jsonDate    `json:"end_date"`
		Status      string       `json:"status"`
		Tags        []string     `json:"tags"`
		Disagree    bool         `json:"disagree"`
		Review      string       `json:"review"`
		Sources     []jsonSource `json:"sources"`
		Claims      []jsonClaim  `json:"claims"`
		UpdatedAt   stamp        `json:"updated_at"`
	}
	jsonDate struct {
		Value     string `json:"value"`
		Precision string `json:"precision"`
		Mod       string `json:"mod"`
		Display   string `json:"display"`
		// Zone is the UTC offset of a clock time, as the source gave it;
		// Start and End carry it.
		Zone  *string `json:"zone"`
		Start *stamp  `json:"start"`
		End   *stamp  `json:"end"`
	}
	jsonSource struct {
		Article  jsonArticle `json:"article"`
		Sentence string      `json:"sentence"`
		Span     jsonSpan    `json:"span"`
		ClaimID  *int64      `json:"claim_id"`
		// Value and Mod are the date the source gives (TIMEX3), which
		// differs from the event's when the sources disagree.
		Value string `json:"value"`
		Mod   string `json:"mod"`
		// Predicate, Subject and Object are the parts of the sentence
		// that tell the happening; null where it has no such part.
		Predicate *jsonPart `json:"predicate"`
		Subject   *jsonPart `json:"subject"`
		Object    *jsonPart `json:"object"`
	}
	jsonPart struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
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
	// jsonLeftOut counts the events the filter kept that the export left
	// out for their review state.
	jsonLeftOut struct {
		Proposed int64 `json:"proposed"`
		Approved int64 `json:"approved"`
		Rejected int64 `json:"rejected"`
	}
	jsonEvidence struct {
		Note      string `json:"note"`
		URL       string `json:"url"`
		CreatedAt stamp  `json:"created_at"`
	}
)

// writeJSON writes the native export: a header naming the schema version
// and the filter, the events, and last their count and the count of those
// left out for their review state (known only at the end of the stream).
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
	err := s.EventBatches(ctx, opt.Filter, store.FullDepth, func(batch []store.ExportEvent) error {
		for i := range batch {
			if err := list.add(appendEvent(list.next(), &batch[i], dates)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := text(w, `],"count":`); err != nil {
		return err
	}
	if err := writeJSONValue(w, list.n); err != nil {
		return err
	}
	left, err := LeftOut(ctx, s, JSON, opt)
	if err != nil {
		return err
	}
	if err := text(w, `,"left_out":`); err != nil {
		return err
	}
	if err := writeJSONValue(w, jsonLeftOut{Proposed: left.Proposed, Approved: left.Approved, Rejected: left.Rejected}); err != nil {
		return err
	}
	return text(w, "}\n")
}

// appendEvent appends an event as encoding/json writes its jsonEvent.
// Sources, claims and evidence are always lists, tags null when an item
// has none loaded; an end date is written only when the end value names a
// calendar interval.
func appendEvent(b []byte, it *store.ExportEvent, dates *dateBook) []byte {
	b = append(b, `{"id":`...)
	b = appendInt(b, it.ID)
	b = append(b, `,"headline":`...)
	b = appendString(b, it.Headline)
	b = append(b, `,"description":`...)
	b = appendString(b, it.Description)
	b = append(b, `,"date":{"value":`...)
	b = appendString(b, it.Value)
	b = append(b, `,"precision":`...)
	b = appendString(b, it.Precision)
	b = append(b, `,"mod":`...)
	b = appendString(b, it.Mod)
	b = append(b, `,"display":`...)
	b = appendString(b, dates.displayDate(it.Value, it.Mod, it.Status, ""))
	b = append(b, `,"zone":`...)
	if it.Zone == "" {
		b = append(b, "null"...)
	} else {
		b = appendString(b, it.Zone)
	}
	b = append(b, `,"start":`...)
	b = appendWallStamp(b, it.StartsAt, it.Zone)
	b = append(b, `,"end":`...)
	b = appendWallStamp(b, it.EndsAt, it.Zone)
	b = append(b, `},"end_date":`...)
	if d, ok := dates.calendarDate(it.EndValue); ok && it.EndValue != "" {
		b = append(b, `{"value":`...)
		b = appendString(b, it.EndValue)
		b = append(b, `,"precision":`...)
		b = appendString(b, string(d.Precision))
		b = append(b, `,"mod":"","display":`...)
		b = appendString(b, dates.name(d))
		b = append(b, `,"zone":null,"start":`...)
		b = appendStamp(b, d.Start)
		b = append(b, `,"end":`...)
		b = appendStamp(b, d.End)
		b = append(b, '}')
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"status":`...)
	b = appendString(b, it.Status)
	b = append(b, `,"tags":`...)
	if it.Tags == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, tag := range it.Tags {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, tag)
		}
		b = append(b, ']')
	}
	b = append(b, `,"disagree":`...)
	b = appendBool(b, it.Disagree)
	b = append(b, `,"review":`...)
	b = appendString(b, it.Review)
	b = append(b, `,"sources":[`...)
	for i := range it.Sources {
		src := &it.Sources[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"article":`...)
		b = appendArticle(b, src.ArticleID, &src.ArticleCredit)
		b = append(b, `,"sentence":`...)
		b = appendString(b, src.Sentence)
		b = append(b, `,"span":`...)
		b = appendSpan(b, src.Start, src.End)
		b = append(b, `,"claim_id":`...)
		if src.ClaimID == nil {
			b = append(b, "null"...)
		} else {
			b = appendInt(b, *src.ClaimID)
		}
		b = append(b, `,"value":`...)
		b = appendString(b, src.Value)
		b = append(b, `,"mod":`...)
		b = appendString(b, src.Mod)
		parts := src.Parts()
		for _, p := range [...]struct {
			key  string
			part *store.Part
		}{{`,"predicate":`, parts.Predicate}, {`,"subject":`, parts.Subject}, {`,"object":`, parts.Object}} {
			b = append(b, p.key...)
			b = appendPart(b, p.part)
		}
		b = append(b, '}')
	}
	b = append(b, `],"claims":[`...)
	for i := range it.Claims {
		c := &it.Claims[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendInt(b, c.ID)
		b = append(b, `,"text":`...)
		b = appendString(b, c.Text)
		b = append(b, `,"kind":`...)
		b = appendString(b, c.Kind)
		b = append(b, `,"speaker":`...)
		b = appendString(b, c.Speaker)
		b = append(b, `,"role":`...)
		b = appendString(b, c.Role)
		b = append(b, `,"cue":`...)
		b = appendString(b, c.Cue)
		b = append(b, `,"quote":`...)
		b = appendBool(b, c.Quote)
		b = append(b, `,"status":`...)
		b = appendString(b, c.Status)
		b = append(b, `,"article":`...)
		b = appendArticle(b, c.ArticleID, &c.ArticleCredit)
		b = append(b, `,"span":`...)
		b = appendSpan(b, c.Start, c.End)
		b = append(b, `,"evidence":[`...)
		for j := range c.Evidence {
			e := &c.Evidence[j]
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"note":`...)
			b = appendString(b, e.Note)
			b = append(b, `,"url":`...)
			b = appendString(b, e.URL)
			b = append(b, `,"created_at":`...)
			b = appendStamp(b, e.CreatedAt)
			b = append(b, '}')
		}
		b = append(b, "]}"...)
	}
	b = append(b, `],"updated_at":`...)
	b = appendStamp(b, it.UpdatedAt)
	return append(b, '}')
}

// appendArticle appends a jsonArticle.
func appendArticle(b []byte, id int64, a *store.ArticleCredit) []byte {
	b = append(b, `{"id":`...)
	b = appendInt(b, id)
	b = append(b, `,"title":`...)
	b = appendString(b, a.ArticleTitle)
	b = append(b, `,"url":`...)
	b = appendString(b, a.ArticleURL)
	b = append(b, `,"publisher":`...)
	b = appendString(b, a.ArticlePublisher)
	b = append(b, `,"published":`...)
	b = appendString(b, a.ArticlePublished)
	return append(b, '}')
}

// appendSpan appends a jsonSpan.
func appendSpan(b []byte, start, end int) []byte {
	b = append(b, `{"start":`...)
	b = appendInt(b, int64(start))
	b = append(b, `,"end":`...)
	b = appendInt(b, int64(end))
	return append(b, '}')
}

// stamp is a time written as encoding/json writes a time.Time (RFC 3339
// with nanoseconds), in UTC; appendStamp writes it.
type stamp string

// appendPart appends a source's part as encoding/json writes its jsonPart,
// null for none.
func appendPart(b []byte, p *store.Part) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"start":`...)
	b = appendInt(b, int64(p.Start))
	b = append(b, `,"end":`...)
	b = appendInt(b, int64(p.End))
	b = append(b, `,"text":`...)
	b = appendString(b, p.Text)
	return append(b, '}')
}
