package timeline

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"
)

// benchDoc is one text to tag with its publication date.
type benchDoc struct {
	text, lang string
	dct        time.Time
}

// benchDocs returns the texts to measure: the repository's own testdata,
// or, when FACTLINE_CORPUS names a JSONL file of {"text","lang","dct"}
// documents (such as the shared evaluation corpora), that file instead.
// go test never needs anything outside the repository.
func benchDocs(b *testing.B) []benchDoc {
	b.Helper()
	var docs []benchDoc
	if path := os.Getenv("FACTLINE_CORPUS"); path != "" {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 8<<20)
		for sc.Scan() {
			var d struct{ Text, Lang, DCT string }
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				b.Fatal(err)
			}
			dct, _ := time.Parse("2006-01-02", d.DCT)
			docs = append(docs, benchDoc{d.Text, d.Lang, dct})
		}
		return docs
	}
	for _, path := range []string{"../testdata/timex/id-gold.jsonl", "../testdata/timex/antara-2019-12-30-kim-plenary.timex.jsonl"} {
		for _, d := range readGold(b, path) {
			dct, _ := time.Parse("2006-01-02", d.DCT)
			docs = append(docs, benchDoc{d.Text, d.Lang, dct})
		}
	}
	for _, file := range languages().byCode["en"].examples {
		for _, s := range file.Sentences {
			docs = append(docs, benchDoc{s.Text, "en", s.DCT})
		}
	}
	return docs
}

// BenchmarkExtract measures tagging and resolution together, in bytes of
// text per second on one core.
func BenchmarkExtract(b *testing.B) {
	docs := benchDocs(b)
	var size int64
	for _, d := range docs {
		size += int64(len(d.text))
	}
	lexicons() // compile the packs outside the timing
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			Extract(d.text, Options{Lang: d.lang, DCT: d.dct})
		}
	}
}
