package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
)

// sourceView is an event source with its sentence cut around the
// expression that dates it, for highlighting.
type sourceView struct {
	store.EventSourceDetail
	Before, Mark, After string
}

func viewSources(srcs []store.EventSourceDetail) []sourceView {
	out := make([]sourceView, len(srcs))
	for i, src := range srcs {
		out[i] = sourceView{EventSourceDetail: src, Before: src.Sentence}
		if src.TimexStart == nil || src.TimexEnd == nil {
			continue
		}
		a, b := *src.TimexStart-src.Start, *src.TimexEnd-src.Start
		if 0 <= a && a < b && b <= len(src.Sentence) {
			out[i].Before, out[i].Mark, out[i].After = src.Sentence[:a], src.Sentence[a:b], src.Sentence[b:]
		}
	}
	return out
}

type eventData struct {
	Event   *store.EventDetail
	Sources []sourceView
	// Sides are the groups of sources that disagree on the date.
	Sides   []disagreeSide
	History []historyEntry
	formMessage
	// Form is what the edit form shows; Typed says it holds what the
	// editor sent rather than the event as it is.
	Form  eventForm
	Typed bool
	// Stale compares, after an edit made on an older version, what the
	// editor sent with the event as it is now.
	Stale []staleField
}

// formMessage is why a form was refused: Message, about the form field
// Field ("" for none).
type formMessage struct {
	Message, Field string
}

// ErrorFor is the message about one form field, "" when it has none.
func (m formMessage) ErrorFor(field string) string {
	if m.Field == field {
		return m.Message
	}
	return ""
}

// eventForm holds the edit form's fields as text.
type eventForm struct {
	Headline, Description, Value, Mod, End, Precision, Status, Tags string
}

// formOf fills the edit form from the event as it is.
func formOf(ev *store.EventDetail) eventForm {
	return eventForm{Headline: ev.Headline, Description: ev.Description, Value: ev.Value, Mod: ev.Mod, End: ev.EndValue,
		Status: ev.Status, Tags: strings.Join(ev.Tags, ", ")}
}

// fields lists the form's fields by their form names, in the form's order.
func (f *eventForm) fields() []struct {
	name, label string
	value       *string
} {
	return []struct {
		name, label string
		value       *string
	}{{"headline", "Headline", &f.Headline}, {"description", "Description", &f.Description}, {"value", "Date", &f.Value},
		{"end", "End date", &f.End}, {"mod", "Modifier", &f.Mod}, {"precision", "Precision", &f.Precision},
		{"status", "Status", &f.Status}, {"tags", "Tags", &f.Tags}}
}

// typed overrides f with the fields the request's form sent.
func (f eventForm) typed(c *gin.Context) eventForm {
	for _, field := range f.fields() {
		if v, ok := c.GetPostForm(field.name); ok {
			*field.value = v
		}
	}
	return f
}

// staleField is one field of an edit that came too late: what the editor
// sent, what is stored now, and whether both they and someone else
// changed it since the version the editor's form was built from.
type staleField struct {
	Label, Yours, Current string
	Differ, Both          bool
}

// rebase puts the editor's changes on top of the current version: a field
// they changed from base (the version their form was built from) keeps
// their value, every other field takes the current one. Without base
// (the log lacks it) every field keeps the editor's value. It also lists
// the fields side by side.
func rebase(yours, base *eventForm, current eventForm) (eventForm, []staleField) {
	merged := current
	m, y, now := merged.fields(), yours.fields(), current.fields()
	var b []struct {
		name, label string
		value       *string
	}
	if base != nil {
		b = base.fields()
	}
	rows := make([]staleField, len(y))
	for i := range y {
		changed := b == nil || *y[i].value != *b[i].value
		if changed {
			*m[i].value = *y[i].value
		}
		rows[i] = staleField{Label: y[i].label, Yours: *y[i].value, Current: *now[i].value, Differ: *y[i].value != *now[i].value,
			Both: changed && b != nil && *now[i].value != *b[i].value && *y[i].value != *now[i].value}
	}
	return merged, rows
}

func (s *Server) eventPage(c *gin.Context) {
	s.showEvent(c, http.StatusOK, nil)
}

// renderEvent shows an event as it is now; after a failed action, message
// says why.
func (s *Server) renderEvent(c *gin.Context, status int, message string) {
	s.showEvent(c, status, apperr.Errorf(apperr.Invalid, "%s", message))
}

// showEvent shows an event page; refused, when not nil, is why an edit of
// it was refused. An invalid edit shows the form as the editor filled it,
// the message next to the field it is about, so nothing typed is lost. A
// stale edit (409) shows the editor's changes on top of the current
// version, with both side by side, to save again.
func (s *Server) showEvent(c *gin.Context, status int, refused error) {
	id, err := parseID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	ev, err := s.cfg.Store.EventByID(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	hist, err := s.history(c, store.EntityEvent, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	d := eventData{Event: ev, Sources: viewSources(ev.Sources), Sides: disagreeSides(ev), History: hist, Form: formOf(ev)}
	if refused != nil {
		_, body := classify(refused)
		d.Message, d.Field = body.Message, body.Field
	}
	_, editForm := c.GetPostForm("headline")
	switch {
	case refused == nil || !editForm:
		// Not the edit form (a review, a split, the hide button): the
		// event as it is.
	case status == http.StatusConflict:
		yours := d.Form.typed(c)
		var base *eventForm
		if v, err := strconv.Atoi(c.PostForm("version")); err == nil {
			if old, err := s.cfg.Store.EventVersion(ctx, id, v); err == nil {
				f := formOf(old)
				base = &f
			}
		}
		d.Form, d.Stale = rebase(&yours, base, d.Form)
		d.Typed = true
	default:
		d.Form, d.Typed = d.Form.typed(c), true
	}
	s.render(c, status, "event", ev.Headline, d)
}

// formTarget reads what an edit form is about: the id in the path and the
// version the editor's form was built from, so a stale edit is refused.
func formTarget(c *gin.Context) (store.VersionedID, error) {
	id, err := parseID(c, "id")
	if err != nil {
		return store.VersionedID{}, err
	}
	v, err := strconv.Atoi(c.PostForm("version"))
	if err != nil || v < 1 {
		return store.VersionedID{}, badRequest("the form has no valid version; reload the page")
	}
	return store.VersionedID{ID: id, Version: v}, nil
}

// formPatch reads the fields an edit form sent; absent fields stay as they
// are, so the hide button and the full edit form share one handler.
func formPatch(c *gin.Context) store.EventPatch {
	var p store.EventPatch
	field := func(name string) *string {
		if v, ok := c.GetPostForm(name); ok {
			return &v
		}
		return nil
	}
	p.Headline, p.Description, p.Value, p.Mod = field("headline"), field("description"), field("value"), field("mod")
	p.Precision, p.End, p.Status = field("precision"), field("end"), field("status")
	if h := field("hidden"); h != nil {
		hidden := *h == "1"
		p.Hidden = &hidden
	}
	if t := field("tags"); t != nil {
		tags := strings.Split(*t, ",")
		p.Tags = &tags
	}
	return p
}

func (s *Server) updateEvent(c *gin.Context) {
	t, err := formTarget(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	_, err = s.cfg.Store.UpdateEvent(c.Request.Context(), t.ID, t.Version, formPatch(c), who(c).userID())
	refused := func(c *gin.Context, status int, _ string) { s.showEvent(c, status, err) }
	if s.editFailed(c, err, refused, apperr.Conflict, apperr.Invalid) {
		return
	}
	s.redirectFlash(c, backTo(c, "/events/"+c.Param("id")), "Saved.")
}

// backTo is where a form asked to return to, on this site only.
func backTo(c *gin.Context, def string) string {
	if r := c.PostForm("return"); r != "" {
		return safeNext(r)
	}
	return def
}

type newEventData struct {
	In store.NewEvent
	formMessage
}

func (s *Server) newEventPage(c *gin.Context) {
	s.render(c, http.StatusOK, "event_new", "Add an event", newEventData{In: store.NewEvent{Value: c.Query("date"), Status: "happened"}})
}

func (s *Server) createEvent(c *gin.Context) {
	in := store.NewEvent{Headline: c.PostForm("headline"), Description: c.PostForm("description"), Value: c.PostForm("value"),
		Mod: c.PostForm("mod"), End: c.PostForm("end"), Status: c.PostForm("status"), Tags: strings.Split(c.PostForm("tags"), ",")}
	ev, err := s.cfg.Store.CreateEvent(c.Request.Context(), in, who(c).userID())
	rerender := func(c *gin.Context, status int, msg string) {
		s.render(c, status, "event_new", "Add an event", newEventData{In: in, formMessage: formMessage{Message: msg, Field: apperr.FieldOf(err)}})
	}
	if s.editFailed(c, err, rerender, apperr.Invalid) {
		return
	}
	s.redirectFlash(c, "/events/"+strconv.FormatInt(ev.ID, 10), "Event added.")
}

// mergeEvents merges the events ticked in the list view into the first one
// ticked. Each checkbox value is "id:version".
func (s *Server) mergeEvents(c *gin.Context) {
	var ids []store.VersionedID
	for _, v := range c.PostFormArray("event") {
		a, b, _ := strings.Cut(v, ":")
		id, err1 := strconv.ParseInt(a, 10, 64)
		ver, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil {
			s.fail(c, badRequest("bad event reference %q", v))
			return
		}
		ids = append(ids, store.VersionedID{ID: id, Version: ver})
	}
	if len(ids) < 2 {
		s.fail(c, apperr.Errorf(apperr.Invalid, "tick at least two events to merge"))
		return
	}
	ev, err := s.cfg.Store.MergeEvents(c.Request.Context(), ids[0], ids[1:], who(c).userID())
	if err != nil {
		s.fail(c, err)
		return
	}
	s.redirectFlash(c, "/events/"+strconv.FormatInt(ev.ID, 10), strconv.Itoa(len(ids))+" events merged into this one.")
}

func (s *Server) splitEvent(c *gin.Context) {
	t, err := formTarget(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	var srcs []int64
	for _, v := range c.PostFormArray("source") {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			s.fail(c, badRequest("bad source %q", v))
			return
		}
		srcs = append(srcs, n)
	}
	ev, err := s.cfg.Store.SplitEvent(c.Request.Context(), t, srcs, who(c).userID())
	if s.editFailed(c, err, s.renderEvent, apperr.Conflict, apperr.Invalid) {
		return
	}
	s.redirectFlash(c, "/events/"+strconv.FormatInt(ev.ID, 10), "Split off into this new event.")
}

// decodeJSON reads a JSON request body into v, refusing unknown fields so
// a misspelt field is an error, not a silent no-op. The body must say it is
// JSON (a cross-site form cannot), be valid UTF-8 (the decoder would turn
// bad bytes into U+FFFD and store them) and hold one value, nothing after.
func decodeJSON(c *gin.Context, v any) error {
	if mt, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type")); mt != "application/json" {
		return &httpError{http.StatusUnsupportedMediaType, "unsupported_media_type", "send the body as JSON, with Content-Type: application/json"}
	}
	body, err := io.ReadAll(c.Request.Body)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return err
	case err != nil:
		return badRequest("the request body could not be read: %v", err)
	case len(bytes.TrimSpace(body)) == 0:
		return badRequest("the request body is empty; send a JSON object")
	case !utf8.Valid(body):
		return badRequest("the request body is not valid UTF-8")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badRequest("the request body is not valid JSON: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return badRequest("the request body must hold one JSON value and nothing after it")
	}
	return nil
}

// idAndJSON reads the id in the path and then the JSON body into v.
func idAndJSON(c *gin.Context, v any) (int64, error) {
	id, err := parseID(c, "id")
	if err != nil {
		return 0, err
	}
	return id, decodeJSON(c, v)
}

// requireVersion refuses an API edit that does not say which version it
// was made on, so a stale edit cannot overwrite a newer one unnoticed.
func requireVersion(v *int) error {
	if v == nil {
		return badRequest("version is required: send the version you read, so a stale edit is refused")
	}
	return nil
}

func (s *Server) apiEvent(c *gin.Context) {
	id, err := parseID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	ev, err := s.cfg.Store.EventByID(c.Request.Context(), id)
	s.reply(c, http.StatusOK, ev, err)
}

func (s *Server) apiCreateEvent(c *gin.Context) {
	var in store.NewEvent
	if err := decodeJSON(c, &in); err != nil {
		s.fail(c, err)
		return
	}
	ev, err := s.cfg.Store.CreateEvent(c.Request.Context(), in, who(c).userID())
	s.reply(c, http.StatusCreated, ev, err)
}

// eventPatchBody is a PATCH: the version the client read and the changes.
type eventPatchBody struct {
	Version *int `json:"version"`
	store.EventPatch
}

func (s *Server) apiUpdateEvent(c *gin.Context) {
	var body eventPatchBody
	id, err := idAndJSON(c, &body)
	if err == nil {
		err = requireVersion(body.Version)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	ev, err := s.cfg.Store.UpdateEvent(ctx, id, *body.Version, body.EventPatch, who(c).userID())
	var edited any
	if err == nil {
		edited = labelled(ev)
	}
	s.replyEdit(c, edited, err, func() (any, error) {
		now, err := s.cfg.Store.EventByID(ctx, id)
		if err != nil {
			return nil, err
		}
		return labelled(now), nil
	})
}

// labelledEvent is an event with its date in words, as an edit answers it
// (or, when stale, the event as it is now), so the timeline shows the date
// as it shows every other.
type labelledEvent struct {
	*store.EventDetail
	Label string `json:"label"`
}

func labelled(ev *store.EventDetail) labelledEvent {
	return labelledEvent{EventDetail: ev, Label: eventLabel(pageLanguage, ev.Event)}
}

type mergeBody struct {
	Target store.VersionedID   `json:"target"`
	Others []store.VersionedID `json:"others"`
}

func (s *Server) apiMergeEvents(c *gin.Context) {
	var body mergeBody
	if err := decodeJSON(c, &body); err != nil {
		s.fail(c, err)
		return
	}
	ev, err := s.cfg.Store.MergeEvents(c.Request.Context(), body.Target, body.Others, who(c).userID())
	s.reply(c, http.StatusOK, ev, err)
}

type splitBody struct {
	Version   int     `json:"version"`
	SourceIDs []int64 `json:"source_ids"`
}

func (s *Server) apiSplitEvent(c *gin.Context) {
	var body splitBody
	id, err := idAndJSON(c, &body)
	if err != nil {
		s.fail(c, err)
		return
	}
	ev, err := s.cfg.Store.SplitEvent(c.Request.Context(), store.VersionedID{ID: id, Version: body.Version}, body.SourceIDs, who(c).userID())
	s.reply(c, http.StatusCreated, ev, err)
}
