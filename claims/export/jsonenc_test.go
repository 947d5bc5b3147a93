package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/factline/factline/claims/filter"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/timeline"
)

// The hand-written encoders are checked against a reference: the formats'
// types built from an Item and written by encoding/json, as the exports
// were written before they were written by hand.

// nativeEvent is the reference jsonEvent of an item.
func nativeEvent(it *store.ExportEvent, dates *dateBook) jsonEvent {
	ev := jsonEvent{
		ID: it.ID, Headline: it.Headline, Description: it.Description, Status: it.Status,
		Date: jsonDate{Value: it.Value, Precision: it.Precision, Mod: it.Mod,
			Display: dates.displayDate(it.Value, it.Mod, it.Status, ""), Start: wallStampOf(it.StartsAt, it.Zone), End: wallStampOf(it.EndsAt, it.Zone)},
		Tags: it.Tags, Disagree: it.Disagree, Review: it.Review, Sources: make([]jsonSource, len(it.Sources)), Claims: make([]jsonClaim, len(it.Claims)),
		UpdatedAt: stampAt(it.UpdatedAt),
	}
	if it.Zone != "" {
		ev.Date.Zone = &it.Zone
	}
	if d, ok := dates.calendarDate(it.EndValue); ok && it.EndValue != "" {
		ev.EndDate = &jsonDate{Value: it.EndValue, Precision: string(d.Precision), Display: dates.name(d),
			Start: stampOf(&d.Start), End: stampOf(&d.End)}
	}
	part := func(p *store.Part) *jsonPart {
		if p == nil {
			return nil
		}
		return &jsonPart{Start: p.Start, End: p.End, Text: p.Text}
	}
	for i, src := range it.Sources {
		parts := src.Parts()
		ev.Sources[i] = jsonSource{Article: articleOf(src.ArticleID, src.ArticleCredit), Sentence: src.Sentence,
			Span: jsonSpan{src.Start, src.End}, ClaimID: src.ClaimID, Value: src.Value, Mod: src.Mod,
			Predicate: part(parts.Predicate), Subject: part(parts.Subject), Object: part(parts.Object)}
	}
	for i, c := range it.Claims {
		jc := jsonClaim{ID: c.ID, Text: c.Text, Kind: c.Kind, Speaker: c.Speaker, Role: c.Role, Cue: c.Cue,
			Quote: c.Quote, Status: c.Status, Article: articleOf(c.ArticleID, c.ArticleCredit),
			Span: jsonSpan{c.Start, c.End}, Evidence: make([]jsonEvidence, len(c.Evidence))}
		for j, e := range c.Evidence {
			jc.Evidence[j] = jsonEvidence{Note: e.Note, URL: e.URL, CreatedAt: stampAt(e.CreatedAt)}
		}
		ev.Claims[i] = jc
	}
	return ev
}

func articleOf(id int64, a store.ArticleCredit) jsonArticle {
	return jsonArticle{ID: id, Title: a.ArticleTitle, URL: a.ArticleURL, Publisher: a.ArticlePublisher, Published: a.ArticlePublished}
}

func stampAt(t time.Time) stamp { return stamp(t.UTC().Format(time.RFC3339Nano)) }

// wallStampOf is the stamp of a wall-clock time in zone (see
// timeline.Date), in UTC when zone is "".
func wallStampOf(t *time.Time, zone string) *stamp {
	if t == nil {
		return nil
	}
	s := stamp(timeline.InZone(*t, zone).Format(time.RFC3339Nano))
	return &s
}

func stampOf(t *time.Time) *stamp {
	if t == nil {
		return nil
	}
	s := stampAt(*t)
	return &s
}

// eventSlide is the reference tlSlide of an item.
func eventSlide(it *store.ExportEvent, dates *dateBook) (tlSlide, bool) {
	d, ok := dates.calendarDate(it.Value)
	if !ok {
		return tlSlide{}, false
	}
	slide := tlSlide{
		StartDate: refDatePart(d.Start, d.Precision),
		Text:      tlText{Headline: html.EscapeString(it.Headline), Text: slideText(it)},
		UniqueID:  fmt.Sprintf("factline-event-%d", it.ID),
	}
	if ranged(d.Precision) {
		slide.EndDate = refDatePart(lastInstant(d.End), d.Precision)
	}
	if end, ok := dates.calendarDate(it.EndValue); ok && it.EndValue != "" {
		slide.EndDate = refDatePart(lastInstant(end.End), end.Precision)
	}
	slide.DisplayDate = html.EscapeString(html.EscapeString(dates.displayDate(it.Value, it.Mod, it.Status, it.EndValue)))
	if len(it.Tags) > 0 {
		slide.Group = html.EscapeString(html.EscapeString(it.Tags[0]))
	}
	return slide, true
}

func refDatePart(t time.Time, p timeline.Precision) *tlDate {
	d := datePart(t, p)
	return &d
}

func slideText(it *store.ExportEvent) string {
	var b strings.Builder
	if it.Description != "" {
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(it.Description))
	}
	for _, src := range it.Sources {
		fmt.Fprintf(&b, "<blockquote>%s</blockquote><p>— %s</p>", html.EscapeString(src.Sentence), sourceCredit(src))
	}
	return b.String()
}

func sourceCredit(src store.ExportSource) string {
	name := src.ArticlePublisher
	if src.ArticleTitle != "" {
		if name != "" {
			name += ": "
		}
		name += src.ArticleTitle
	}
	if name == "" {
		name = fmt.Sprintf("article #%d", src.ArticleID)
	}
	credit := html.EscapeString(name)
	if webURL(src.ArticleURL) {
		credit = fmt.Sprintf(`<a href="%s" target="_blank" rel="noopener">%s</a>`, html.EscapeString(src.ArticleURL), credit)
	}
	if src.ArticlePublished != "" {
		credit += ", " + html.EscapeString(src.ArticlePublished)
	}
	return credit
}

// encodeJSON writes v as json.Encoder wrote every exported event.
func encodeJSON(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// hardStrings are strings encoding/json escapes: HTML, quotes and
// backslashes, control characters, JavaScript line ends, invalid and
// truncated UTF-8, and text that needs no escaping at all.
var hardStrings = []string{
	"",
	"Kim convenes the plenary",
	`</script><script>alert("x")</script> & more`,
	`back\slash "quoted" 'single'`,
	"line\nbreak\ttab\rreturn\bbell\fform\x00nul\x01\x1f\x7f",
	"separators \u2028 and \u2029, next to \u2027 and \u202a",
	"bad \xff\xfe bytes, a truncated \xe2\x80 rune, a lone \x80 and \xc0\xaf overlong",
	"ends in a lead byte \xe2",
	"Pertemuan di Pyongyang — “kata” Yang Moo-jin, 평양, 🇰🇵, e\u0301",
	"\uFFFD is a real replacement character",
	"surrogate \xed\xa0\x80 half",
}

func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	all := strings.Join(hardStrings, "")
	for _, s := range append(hardStrings, all) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
		if got := appendString([]byte("x"), []byte(s)); !bytes.Equal(got, append([]byte("x"), want...)) {
			t.Errorf("%q as bytes: got %s, want x%s", s, got, want)
		}
	}
}

// escapes8 finds every byte that needs escaping, at every place in a word.
func TestEscapes8(t *testing.T) {
	for c := range 256 {
		needs := c < ' ' || c >= utf8.RuneSelf || strings.ContainsRune(`"\<>&`, rune(c))
		for at := range 8 {
			for _, fill := range []byte{'a', ' ', '~', '!'} {
				w := bytes.Repeat([]byte{fill}, 8)
				w[at] = byte(c)
				x := binary.LittleEndian.Uint64(w)
				if got := escapes8(x) != 0; got != needs {
					t.Errorf("byte %#x at %d among %q: escapes8 %v, want %v", c, at, fill, got, needs)
				}
			}
		}
	}
}

func TestAppendHTMLMatchesEscapeString(t *testing.T) {
	for _, s := range hardStrings {
		if got, want := string(appendHTML(nil, s)), html.EscapeString(s); got != want {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	}
}

// A stamp is written exactly as encoding/json writes the time.Time it
// stands for.
func TestStampMatchesTimeJSON(t *testing.T) {
	jakarta := time.FixedZone("WIB", 7*3600)
	for _, tm := range []time.Time{
		time.Date(2019, 12, 28, 0, 0, 0, 0, time.UTC),
		time.Date(2019, 12, 28, 10, 15, 30, 120000000, jakarta),
		time.Date(2026, 11, 25, 19, 6, 0, 655818735, time.UTC),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		want, err := json.Marshal(tm.UTC())
		if err != nil {
			t.Fatal(err)
		}
		if got := appendStampOrNull(nil, &tm); string(got) != string(want) {
			t.Errorf("%v: stamp %s, time.Time %s", tm, got, want)
		}
		if ref, _ := json.Marshal(stampOf(&tm)); string(ref) != string(want) {
			t.Errorf("%v: reference stamp %s, time.Time %s", tm, ref, want)
		}
	}
	if got := appendStampOrNull(nil, nil); string(got) != "null" {
		t.Errorf("no time is %s, not null", got)
	}
}

// variedItems are items in every shape an export meets: with and without
// sources, claims, evidence, tags (nil, empty, several) and an end date,
// with nil and set pointers, zero and large IDs, and the hard strings in
// every text field.
func variedItems() []*store.ExportEvent {
	at := time.Date(2019, 12, 28, 10, 15, 30, 123456789, time.FixedZone("WIB", 7*3600))
	later := at.Add(36 * time.Hour)
	claimID := int64(42)
	zero := int64(0)
	var items []*store.ExportEvent
	values := []struct{ value, mod, status, end string }{
		{"2019-12-28", "", "happened", ""},
		{"2011", "END", "happened", "2012-03"},
		{"2019-Q4", "", "ongoing", "2020-02"},
		{"2019-W52", "START", "scheduled", "XXXX"},
		{"2019-12-28T00:00", "APPROX", "reported", "2019-12-29T10:15"},
		{"2019-12-28T10:15", "", "happened", "2019-SU"},
		{"201", "", "happened", "19"},
		{"2019-H2", "AFTER", "happened", ""},
		{"PRESENT_REF", "", "happened", "2019"},
		{"", "", "", ""},
		{"0001-01-01", "", "happened", "9999-12"},
	}
	for i, s := range hardStrings {
		v := values[i%len(values)]
		it := &store.ExportEvent{}
		it.ID = int64(i) * 1_000_000_007
		it.Headline, it.Description = s, hardStrings[(i+3)%len(hardStrings)]
		it.Value, it.Mod, it.Status, it.EndValue = v.value, v.mod, v.status, v.end
		if d, err := timeline.ParseDate(v.value, timeline.Mod(v.mod)); err == nil {
			it.Precision = string(d.Precision)
			if i%3 != 0 {
				it.StartsAt, it.EndsAt = &d.Start, &d.End
			}
		}
		it.UpdatedAt = at.Add(time.Duration(i) * time.Hour)
		switch i % 4 {
		case 0:
			// As an item before its batch is completed: nothing loaded.
		case 1:
			it.Tags, it.Sources, it.Claims = []string{}, []store.ExportSource{}, []store.ExportClaim{}
		default:
			it.Tags = []string{s, "korea", "<b>"}
			ref := store.ArticleCredit{ArticleTitle: s, ArticleURL: "https://news.example/a?x=1&y=<2>", ArticlePublisher: "ANTARA & co", ArticlePublished: "2019-12-30"}
			if i%4 == 3 {
				ref = store.ArticleCredit{ArticleURL: "javascript:alert('x')"}
			}
			src := store.ExportSource{ArticleCredit: ref}
			src.ArticleID, src.Start, src.End, src.Sentence = int64(i), 12, 345, hardStrings[(i+5)%len(hardStrings)]
			other := src
			other.ClaimID, other.ArticleCredit = &claimID, store.ArticleCredit{ArticleTitle: "Only a title", ArticlePublished: s}
			third := src
			third.ClaimID, third.ArticleCredit = &zero, store.ArticleCredit{ArticlePublisher: s, ArticleURL: "http://plain.example/" + s}
			it.Sources = []store.ExportSource{src, other, third}
			c := store.ExportClaim{ArticleCredit: ref}
			c.ID, c.ArticleID, c.Start, c.End = claimID, int64(i), 0, 99
			c.Text, c.Kind, c.Speaker, c.Role, c.Cue, c.Quote, c.Status = s, "statement", hardStrings[(i+1)%len(hardStrings)], "<role>", "kata", i%2 == 0, "verified"
			c.Evidence = []store.ClaimEvidence{{Note: s, URL: "https://kcnawatch.org/?a&b", CreatedAt: later}, {CreatedAt: at}}
			none := store.ExportClaim{Evidence: []store.ClaimEvidence{}}
			unloaded := store.ExportClaim{}
			unloaded.ID, unloaded.Text = -1, s
			it.Claims = []store.ExportClaim{c, none, unloaded}
		}
		items = append(items, it)
	}
	return items
}

func TestAppendEventMatchesEncodingJSON(t *testing.T) {
	for _, lang := range Languages() {
		dates := newDateBook(lang)
		for _, it := range variedItems() {
			want := encodeJSON(t, nativeEvent(it, dates))
			if got := append(appendEvent(nil, it, dates), '\n'); !bytes.Equal(got, want) {
				t.Errorf("event %d (%s):\n got %s\nwant %s", it.ID, lang, got, want)
			}
		}
	}
}

func TestAppendSlideMatchesEncodingJSON(t *testing.T) {
	for _, lang := range Languages() {
		sw := &slideWriter{dates: newDateBook(lang), web: map[string]bool{}}
		for _, it := range variedItems() {
			slide, wantOK := eventSlide(it, sw.dates)
			got, ok := sw.appendSlide(nil, it)
			if ok != wantOK {
				t.Errorf("event %d (%s): slide %v, want %v", it.ID, lang, ok, wantOK)
				continue
			}
			if !ok {
				continue
			}
			if want := encodeJSON(t, slide); !bytes.Equal(append(got, '\n'), want) {
				t.Errorf("event %d (%s):\n got %s\nwant %s", it.ID, lang, got, want)
			}
		}
	}
}

// referenceExport writes a JSON or TimelineJS export as it was written
// with encoding/json: the same framing, each event through json.Encoder.
func referenceExport(t *testing.T, s *store.Store, f Format, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	enc := json.NewEncoder(w)
	gated, err := opt.Events()
	if err != nil {
		t.Fatal(err)
	}
	opt.Filter = gated
	dates := newDateBook(opt.Lang)
	n := 0
	each := func(v any) error {
		if n == 0 {
			w.WriteString("\n")
		} else {
			w.WriteString(",")
		}
		n++
		return enc.Encode(v)
	}
	switch f {
	case JSON:
		w.WriteString(`{"schema_version":"` + SchemaVersion + `","generator":"factline","filter":`)
		writeJSONValue(w, opt.Filter)
		w.WriteString(`,"events":[`)
		err = eachEvent(s, opt.Filter, store.FullDepth, func(it *store.ExportEvent) error { return each(nativeEvent(it, dates)) })
		fmt.Fprintf(w, `],"count":%d,"left_out":`, n)
		left, lerr := LeftOut(context.Background(), s, f, opt)
		if lerr != nil {
			t.Fatal(lerr)
		}
		writeJSONValue(w, jsonLeftOut{Proposed: left.Proposed, Approved: left.Approved, Rejected: left.Rejected})
		w.WriteString("}\n")
	case TimelineJS:
		title, about, terr := titleOf(context.Background(), s, opt, dates.words)
		if terr != nil {
			t.Fatal(terr)
		}
		w.WriteString(`{"events":[`)
		err = eachEvent(s, opt.Filter, store.FullDepth, func(it *store.ExportEvent) error {
			if slide, ok := eventSlide(it, dates); ok {
				return each(slide)
			}
			return nil
		})
		intro := about
		if intro == "" {
			intro = fmt.Sprintf("%d events", n)
		}
		if d := describe(opt.Filter); about == "" && d != "" {
			intro += ": " + d
		}
		w.WriteString("],\n" + `"title":`)
		writeJSONValue(w, tlSlide{
			Text:     tlText{Headline: html.EscapeString(title), Text: "<p>" + html.EscapeString(intro) + "</p>"},
			UniqueID: "factline-title",
		})
		w.WriteString(`,"scale":"human"}` + "\n")
	default:
		t.Fatalf("no reference for %s", f)
	}
	if err != nil {
		t.Fatal(err)
	}
	w.Flush()
	return buf.Bytes()
}

// Whole exports of the reference article, with hard text added, are the
// bytes encoding/json wrote, filtered or not, in every language.
func TestExportsMatchReference(t *testing.T) {
	fx := newFixture(t)
	lasting := addEvent(t, fx.s, fx.article, "2019-Q4", "", "ongoing", hardStrings[2], hardStrings[4], 30)
	exec(t, fx.s, "UPDATE events SET end_value = ?, description = ? WHERE id = ?", "2020-02", hardStrings[6], lasting)
	exec(t, fx.s, "UPDATE events SET headline = ?, description = ? WHERE id = ?", hardStrings[5], hardStrings[8], fx.plenary)
	exec(t, fx.s, "INSERT INTO events (headline, value, status, created_at, updated_at) VALUES ('Undated', 'PRESENT_REF', 'happened', ?, ?)", time.Now(), time.Now())
	exec(t, fx.s, "UPDATE claim_evidence SET note = ? WHERE claim_id = ?", hardStrings[3], fx.kcnaClaim)
	exec(t, fx.s, "INSERT INTO event_tags (event_id, tag) VALUES (?, ?)", lasting, hardStrings[2])
	byArticle, err := parseFilter("happened,false", "", "", "", fmt.Sprint(fx.article))
	if err != nil {
		t.Fatal(err)
	}
	narrow, err := parseFilter("verified", "2019", "2019-12", "korea", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{JSON, TimelineJS} {
		for _, filter := range []filter.Filter{{}, byArticle, narrow} {
			for _, lang := range Languages() {
				opt := Options{Filter: filter, Lang: lang}
				got, want := export(t, fx.s, f, opt), referenceExport(t, fx.s, f, opt)
				if !bytes.Equal(got, want) {
					t.Errorf("%s export (%s, %+v) differs from encoding/json's:\n got %s\nwant %s", f, lang, filter, got, want)
				}
			}
		}
	}
}

// FuzzJSONEvent writes an event whose every text field is fuzzed, in the
// JSON and TimelineJS exports, and compares it with encoding/json's.
func FuzzJSONEvent(f *testing.F) {
	for i, s := range hardStrings {
		f.Add(s, hardStrings[(i+1)%len(hardStrings)], "2019-12-28", "https://news.example/")
	}
	f.Add("a", "b", "2019-Q4", "javascript:alert(1)")
	f.Add("\xe2", "\x80\x94", "201", "http://x/\xff")
	dates := map[string]*dateBook{}
	for _, lang := range Languages() {
		dates[lang] = newDateBook(lang)
	}
	f.Fuzz(func(t *testing.T, a, b, value, url string) {
		at := time.Date(2019, 12, 28, 10, 15, 30, 5, time.UTC)
		claimID := int64(len(a))
		it := &store.ExportEvent{Tags: []string{a, b}}
		it.ID, it.Headline, it.Description, it.Value, it.Mod, it.Precision, it.Status = int64(len(b)), a, b, value, b, a, a
		it.EndValue, it.StartsAt, it.UpdatedAt = b, &at, at
		src := store.ExportSource{ArticleCredit: store.ArticleCredit{ArticleTitle: a, ArticleURL: url, ArticlePublisher: b, ArticlePublished: a + b}}
		src.Sentence, src.ClaimID = b+a, &claimID
		c := store.ExportClaim{ArticleCredit: src.ArticleCredit, Evidence: []store.ClaimEvidence{{Note: a, URL: url, CreatedAt: at}}}
		c.ID, c.Text, c.Kind, c.Speaker, c.Role, c.Cue, c.Status = claimID, a, b, a, b, a, b
		it.Sources, it.Claims = []store.ExportSource{src, {}}, []store.ExportClaim{c}
		for lang, d := range dates {
			if got, want := append(appendEvent(nil, it, d), '\n'), encodeJSON(t, nativeEvent(it, d)); !bytes.Equal(got, want) {
				t.Fatalf("event (%s):\n got %s\nwant %s", lang, got, want)
			}
			sw := &slideWriter{dates: d, web: map[string]bool{}}
			slide, wantOK := eventSlide(it, d)
			got, ok := sw.appendSlide(nil, it)
			if ok != wantOK {
				t.Fatalf("slide (%s): %v, want %v", lang, ok, wantOK)
			}
			if want := encodeJSON(t, slide); ok && !bytes.Equal(append(got, '\n'), want) {
				t.Fatalf("slide (%s):\n got %s\nwant %s", lang, got, want)
			}
		}
	})
}
