package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"
)

// benchDocuments returns the articles the ingest benchmark stores: the
// corpus named by FACTLINE_CORPUS (JSONL with "text" and optional "dct",
// "lang", e.g. ../shared/corpora/id-kompas-dev.jsonl) when set, otherwise
// the package's own samples.
func benchDocuments(b *testing.B) []Document {
	path := os.Getenv("FACTLINE_CORPUS")
	if path == "" {
		return []Document{{Kind: "text", Lang: "id", Text: sampleID}, {Kind: "text", Lang: "en", Text: sampleEN}}
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var docs []Document
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), MaxArticleBytes*2)
	for sc.Scan() {
		var line struct{ Text, Lang, DCT string }
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			b.Fatal(err)
		}
		published, _ := ParsePublished(line.DCT, line.Lang)
		docs = append(docs, Document{Kind: "jsonl", Lang: line.Lang, Text: line.Text, Published: published})
	}
	return docs
}

// BenchmarkIngest measures articles stored per second into SQLite, the
// whole way: extraction and one transaction per article. Each iteration
// stores every document once into a fresh database.
func BenchmarkIngest(b *testing.B) {
	docs := benchDocuments(b)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.Text))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	stored := 0
	for b.Loop() {
		b.StopTimer()
		in := &Ingester{Store: newTestStore(b)}
		b.StartTimer()
		for _, d := range docs {
			if o := in.Ingest(context.Background(), d); o.Err != nil {
				b.Fatal(o.Err)
			}
			stored++
		}
	}
	b.ReportMetric(float64(stored)/b.Elapsed().Seconds(), "articles/s")
}
