package ingest

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseHTML(f *testing.F) {
	f.Add([]byte(`<html><head><title>T</title></head><body><article><p>Presiden berpidato pada Senin (6/1).</p></article></body></html>`))
	f.Add([]byte(`<div><div><div><p>` + strings.Repeat("<span>", 200) + `deep`))
	f.Add([]byte("<meta charset=windows-1252><p>Caf\xe9</p>"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, err := ParseHTML("fuzz.html", raw, "")
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) {
			t.Fatalf("ParseHTML returned invalid UTF-8: %q", doc.Text)
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"title":"a","text":"Pada Senin (6/1) rapat dimulai.","published":"2020-01-06","lang":"id"}` + "\n" + `{bad`))
	f.Add([]byte(`{"text":"x","published":"99/99/9999"}`))
	f.Add([]byte("\n\n{\"text\":\"\\u0000\"}\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		lines := bytes.Count(raw, []byte{'\n'}) + 1
		calls, last := 0, 0
		err := ReadJSONL("fuzz.jsonl", bytes.NewReader(raw), func(line int, doc Document, bad error) error {
			calls++
			if line <= last || line > lines {
				t.Fatalf("line %d after %d (input has %d lines)", line, last, lines)
			}
			last = line
			if bad == nil {
				if err := doc.Validate(); err == nil && strings.TrimSpace(doc.Text) == "" {
					t.Fatal("an empty article passed validation")
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("ReadJSONL stopped on bad input instead of reporting it: %v", err)
		}
		if calls > lines {
			t.Fatalf("%d documents from %d lines", calls, lines)
		}
	})
}

func FuzzParseText(f *testing.F) {
	f.Add([]byte("Judul\n\nIsi berita pada Senin (6/1)."))
	f.Add([]byte("\xff\xfeh\x00i\x00"))
	f.Add([]byte("Caf\xe9 \x93quoted\x94"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		doc, err := ParseText("fuzz.txt", raw)
		if err != nil {
			return
		}
		if !utf8.ValidString(doc.Text) || !utf8.ValidString(doc.Title) {
			t.Fatalf("ParseText returned invalid UTF-8")
		}
	})
}
