package ingest

import (
	"strings"
	"testing"
)

// TestReadJSONLTakesExtractLines reads the lines "factline extract --jsonl"
// takes: "id" names the line in messages and "dct" is the publication date;
// a "dct" that disagrees with "published" is a bad line, and the batch goes
// on.
func TestReadJSONLTakesExtractLines(t *testing.T) {
	in := `{"id":"kim-1","lang":"id","dct":"2019-12-30","text":"Kim memimpin rapat pada Sabtu (28/12)."}
{"id":"kim-2","dct":"2019-12-30","published":"2019-12-29","text":"Rapat berlanjut."}
{"title":"Plain","published":"2019-12-31","text":"Rapat ditutup pada Selasa."}
`
	type got struct {
		doc Document
		bad error
	}
	var lines []got
	err := ReadJSONL("batch.jsonl", strings.NewReader(in), func(_ int, doc Document, bad error) error {
		lines = append(lines, got{doc, bad})
		return nil
	})
	if err != nil || len(lines) != 3 {
		t.Fatalf("%d lines, %v", len(lines), err)
	}
	if l := lines[0]; l.bad != nil || l.doc.Published.Format("2006-01-02") != "2019-12-30" || !strings.Contains(l.doc.Source, "kim-1") {
		t.Errorf("extract line: %+v %v", l.doc, l.bad)
	}
	if l := lines[1]; l.bad == nil || !strings.Contains(l.bad.Error(), "disagree") {
		t.Errorf("published and dct that disagree: %v", l.bad)
	}
	if l := lines[2]; l.bad != nil || l.doc.Published.Format("2006-01-02") != "2019-12-31" {
		t.Errorf("plain line: %+v %v", l.doc, l.bad)
	}
}
