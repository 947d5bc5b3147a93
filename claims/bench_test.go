package claims

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkExtract measures the whole extraction (clean, segment, tag,
// resolve, attribute, claims, events) over the testdata articles, and over
// the JSONL corpus named by FACTLINE_CORPUS when set ({"text","lang","dct"}
// per line, as ../shared/corpora/id-kompas-dev.jsonl).
//
//	FACTLINE_CORPUS=../../shared/corpora/id-kompas-dev.jsonl go test -run '^$' -bench Extract -benchmem ./claims/
func BenchmarkExtract(b *testing.B) {
	b.Run("testdata", func(b *testing.B) {
		benchDocs(b, testdataArticles(b))
	})
	name := os.Getenv("FACTLINE_CORPUS")
	if name == "" {
		return
	}
	b.Run("corpus", func(b *testing.B) {
		f, err := os.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		var docs []Article
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 8<<20)
		for sc.Scan() {
			var d struct{ Text, Lang, DCT string }
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				b.Fatal(err)
			}
			a := Article{Text: d.Text, Lang: d.Lang}
			a.Published, _ = time.Parse("2006-01-02", d.DCT)
			docs = append(docs, a)
		}
		if err := sc.Err(); err != nil {
			b.Fatal(err)
		}
		benchDocs(b, docs)
	})
}

// testdataArticles reads the repository's test articles.
func testdataArticles(b *testing.B) []Article {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "articles", "*.txt"))
	files = append(files, filepath.Join("..", "testdata", "antara-2019-12-30-kim-plenary.txt"))
	var docs []Article
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, Article{Text: string(text)})
	}
	return docs
}

// BenchmarkIndexWords measures finding and lower-casing an article's words,
// the index every stage after tagging reads.
func BenchmarkIndexWords(b *testing.B) {
	benchEach(b, testdataArticles(b), func(d Article) { indexWords(d.Text) })
}

func benchDocs(b *testing.B, docs []Article) {
	if len(docs) == 0 {
		b.Skip("no documents")
	}
	benchEach(b, docs, func(d Article) { Extract(d) })
}

// benchEach runs f on every document per iteration, in bytes of text.
func benchEach(b *testing.B, docs []Article, f func(Article)) {
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			f(d)
		}
	}
}
