package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims/filter"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles the embedded export schema, asserting formats
// (date-time) too.
func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("export.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("export.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validate(t testing.TB, sch *jsonschema.Schema, b []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	return sch.Validate(inst)
}

func TestJSONExportMatchesSchema(t *testing.T) {
	fx := newFixture(t)
	// A lasting event with an end date, and an undated one.
	lasting := addEvent(t, fx.s, fx.article, "2019-Q4", "", "ongoing", "Talks stall", "Talks stall.", 30)
	exec(t, fx.s, "UPDATE events SET end_value = ? WHERE id = ?", "2020-02", lasting)
	exec(t, fx.s, "INSERT INTO events (headline, value, status, review, created_at, updated_at) VALUES ('Undated', 'PRESENT_REF', 'happened', 'approved', ?, ?)", time.Now(), time.Now())
	sch := compileSchema(t)
	for _, f := range []filter.Filter{{}, {ClaimStatuses: []string{"verified"}, Tag: "korea", From: "2019", To: "2019-12"}} {
		if f.From != "" {
			var err error
			if f, err = parseFilter("verified", "2019", "2019-12", "korea", ""); err != nil {
				t.Fatal(err)
			}
		}
		out := export(t, fx.s, JSON, Options{Filter: f})
		if err := validate(t, sch, out); err != nil {
			t.Fatalf("export with filter %+v does not match its schema: %v\n%s", f, err, out)
		}
	}

	var doc struct {
		SchemaVersion string      `json:"schema_version"`
		Events        []jsonEvent `json:"events"`
		Count         int         `json:"count"`
	}
	if err := json.Unmarshal(export(t, fx.s, JSON, Options{}), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.SchemaVersion != SchemaVersion || doc.Count != len(doc.Events) || doc.Count != visibleEvents(t, fx.s) {
		t.Fatalf("version %q, count %d, %d events; want %s and %d", doc.SchemaVersion, doc.Count, len(doc.Events), SchemaVersion, visibleEvents(t, fx.s))
	}
	for i := 1; i < len(doc.Events); i++ {
		a, b := doc.Events[i-1].Date.Start, doc.Events[i].Date.Start
		if b != nil && (a == nil || stampTime(t, *a).After(stampTime(t, *b))) {
			t.Errorf("event %d starts %v after event %d at %v", i-1, a, i, b)
		}
	}
	if last := doc.Events[len(doc.Events)-1]; last.Headline != "Undated" || last.Date.Start != nil {
		t.Errorf("undated event not last: %+v", last)
	}
	for _, ev := range doc.Events {
		switch ev.ID {
		case fx.kcna:
			if len(ev.Claims) != 1 || ev.Claims[0].Speaker != "KCNA" || ev.Claims[0].Status != "verified" ||
				len(ev.Claims[0].Evidence) != 1 || !strings.HasPrefix(ev.Claims[0].Evidence[0].Note, "KCNA English") {
				t.Errorf("KCNA event claims %+v", ev.Claims)
			}
			src := ev.Sources[0]
			if src.Article.URL != referenceURL || src.Article.Publisher != "ANTARA" || src.Article.Published != "2019-12-30" ||
				src.ClaimID == nil || *src.ClaimID != fx.kcnaClaim {
				t.Errorf("KCNA source %+v", src)
			}
		case fx.plenary:
			if strings.Join(ev.Tags, ",") != "korea,plenary" || ev.Date.Value != "2019-12-28" || ev.Date.Precision != "day" {
				t.Errorf("plenary event %+v", ev)
			}
		case lasting:
			if ev.EndDate == nil || ev.EndDate.Value != "2020-02" || ev.EndDate.Display != "February 2020" || ev.Date.Display != "since Q4 2019" {
				t.Errorf("lasting event dates %+v %+v", ev.Date, ev.EndDate)
			}
		}
	}
}

// The schema is not vacuous: it rejects what it should.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	for name, doc := range map[string]string{
		"no events":   `{"schema_version":"1.0","generator":"factline","filter":{},"count":0}`,
		"bad status":  `{"schema_version":"1.0","generator":"factline","filter":{},"count":0,"events":[],"extra":1}`,
		"bad version": `{"schema_version":"2.0","generator":"factline","filter":{},"count":0,"events":[]}`,
	} {
		if err := validate(t, sch, []byte(doc)); err == nil {
			t.Errorf("%s: schema accepted %s", name, doc)
		}
	}
}

func stampTime(t *testing.T, s stamp) time.Time {
	t.Helper()
	tm, err := time.Parse(time.RFC3339Nano, string(s))
	if err != nil {
		t.Fatal(err)
	}
	return tm
}
