package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
)

const sampleID = `Seoul (ANTARA) - Menteri Luar Negeri Korea Selatan mengatakan pada Senin (6/1) bahwa perundingan akan dilanjutkan.

"Kami berharap pertemuan berikutnya berlangsung pada Februari," kata juru bicara kementerian Kim Min-ho.

Pertemuan terakhir kedua negara berlangsung pada Oktober 2019 di Stockholm.`

const sampleEN = `WASHINGTON (Reuters) - The Senate voted on Tuesday to approve the spending bill, two weeks after the House passed it.

"This is a good day for the country," said Senator Jane Doe, who sponsored the bill in March.`

func newTestStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "ingest.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// runTarget ingests one target and returns every outcome.
func runTarget(t *testing.T, in *Ingester, target Target, d Defaults) []Outcome {
	t.Helper()
	var outs []Outcome
	if err := in.Run(context.Background(), target, d, func(int) {}, func(o Outcome) { outs = append(outs, o) }); err != nil {
		t.Fatalf("Run(%s): %v", target.Name, err)
	}
	return outs
}

func countRows(t *testing.T, s *store.Store, table string) int64 {
	t.Helper()
	var n int64
	if err := s.DB().Table(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestIngestTextStoresArticleWithExtraction(t *testing.T) {
	s := newTestStore(t)
	in := &Ingester{Store: s}
	p := writeFile(t, "korea.txt", []byte("Perundingan Korea dilanjutkan\n\n"+sampleID))
	outs := runTarget(t, in, Target{Name: p}, Defaults{Publisher: "ANTARA", Published: "2020-01-06"})
	if len(outs) != 1 || outs[0].Err != nil || outs[0].ArticleID == 0 {
		t.Fatalf("outcomes %+v", outs)
	}
	a, err := s.ArticleByID(context.Background(), outs[0].ArticleID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Perundingan Korea dilanjutkan" || a.Publisher != "ANTARA" || a.Published != "2020-01-06" || a.SourceKind != "text" {
		t.Errorf("article metadata = %q %q %q %q", a.Title, a.Publisher, a.Published, a.SourceKind)
	}
	if !strings.HasPrefix(a.Body, "Seoul (ANTARA)") {
		t.Errorf("body keeps the title line: %.40q", a.Body)
	}
	if a.ContentHash != store.ContentHash(sampleID) {
		t.Error("content hash is not the hash of the body")
	}
	revs, err := s.Revisions(context.Background(), store.EntityArticle, a.ID)
	if err != nil || len(revs) != 1 || revs[0].Action != "create" || !strings.Contains(revs[0].After, `"publisher":"ANTARA"`) {
		t.Errorf("revision log of a new article = %+v, %v; want one create entry with its metadata", revs, err)
	}
}

func TestIngestDuplicateIsRecognised(t *testing.T) {
	s := newTestStore(t)
	in := &Ingester{Store: s}
	first := runTarget(t, in, Target{Name: writeFile(t, "a.txt", []byte(sampleEN))}, Defaults{})
	// The same story with Windows line endings and trailing space is the same content.
	again := strings.ReplaceAll(sampleEN, "\n", "\r\n") + "  \r\n"
	second := runTarget(t, in, Target{Name: writeFile(t, "b.txt", []byte(again))}, Defaults{})
	if first[0].Err != nil || second[0].Err != nil {
		t.Fatal(first[0].Err, second[0].Err)
	}
	if !second[0].Duplicate || second[0].ArticleID != first[0].ArticleID {
		t.Fatalf("second ingest = %+v, want duplicate of #%d", second[0], first[0].ArticleID)
	}
	if n := countRows(t, s, "articles"); n != 1 {
		t.Fatalf("%d articles stored, want 1", n)
	}
}

func TestIngestHTML(t *testing.T) {
	s := newTestStore(t)
	page := `<!doctype html><html lang="en"><head><title>Senate approves spending bill | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2019-12-17T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Senate approves spending bill</h1>` +
		strings.Repeat("<p>"+strings.ReplaceAll(sampleEN, "\n\n", "</p><p>")+"</p>", 1) +
		`<p>The bill now goes to the president, who is expected to sign it before the end of the week, officials said.</p></article>
<footer>Copyright Example News</footer></body></html>`
	outs := runTarget(t, &Ingester{Store: s}, Target{Name: writeFile(t, "page.html", []byte(page))}, Defaults{})
	if outs[0].Err != nil {
		t.Fatal(outs[0].Err)
	}
	a, _ := s.ArticleByID(context.Background(), outs[0].ArticleID)
	if !strings.Contains(a.Body, "The Senate voted on Tuesday") || strings.Contains(a.Body, "Home") {
		t.Errorf("main text not extracted cleanly: %q", a.Body)
	}
	if a.Published != "2019-12-17" || a.Author != "Jane Reporter" || a.Publisher != "Example News" || a.SourceKind != "html" {
		t.Errorf("metadata: published %q author %q publisher %q kind %q", a.Published, a.Author, a.Publisher, a.SourceKind)
	}
	if !strings.Contains(a.Title, "Senate approves spending bill") {
		t.Errorf("title %q", a.Title)
	}
}

func TestIngestJSONLReportsBadLinesAndStoresGoodOnes(t *testing.T) {
	s := newTestStore(t)
	batch := strings.Join([]string{
		fmt.Sprintf(`{"title":"Korea","publisher":"ANTARA","published":"2020-01-06","lang":"id","text":%q}`, sampleID),
		`{"title":"broken", "text": `,
		`{"title":"empty","text":"   "}`,
		`{"title":"future","published":"99/99/9999","text":"Some text."}`,
		``,
		fmt.Sprintf(`{"title":"Senate","publisher":"Reuters","published":"17/12/2019","lang":"en","text":%q}`, sampleEN),
		`{"title":"odd field","txt":"x"}`,
	}, "\n")
	outs := runTarget(t, &Ingester{Store: s, Workers: 3}, Target{Name: writeFile(t, "batch.jsonl", []byte(batch))}, Defaults{})
	byLine := map[int]Outcome{}
	for _, o := range outs {
		byLine[o.Line] = o
	}
	for _, line := range []int{2, 3, 4, 7} {
		if byLine[line].Err == nil {
			t.Errorf("line %d: no error", line)
		}
	}
	for _, line := range []int{1, 6} {
		if o := byLine[line]; o.Err != nil || o.ArticleID == 0 {
			t.Errorf("line %d: %+v", line, o)
		}
	}
	if len(outs) != 6 {
		t.Errorf("%d outcomes, want 6 (blank line skipped)", len(outs))
	}
	// Outcomes arrive in line order even with several workers.
	for i := 1; i < len(outs); i++ {
		if outs[i].Line <= outs[i-1].Line {
			t.Fatalf("outcomes out of order: line %d after %d", outs[i].Line, outs[i-1].Line)
		}
	}
	if n := countRows(t, s, "articles"); n != 2 {
		t.Fatalf("%d articles stored, want 2", n)
	}
	en, _ := s.ArticleByID(context.Background(), byLine[6].ArticleID)
	if en.Published != "2019-12-17" || en.Lang != "en" {
		t.Errorf("batch article: published %q lang %q", en.Published, en.Lang)
	}
}

func TestIngestURL(t *testing.T) {
	var gotUA string
	mux := http.NewServeMux()
	mux.HandleFunc("/story.txt", func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.UserAgent()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, sampleEN)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write(bytes.Repeat([]byte("a"), MaxFetchBytes+10))
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte{0x89, 'P', 'N', 'G'})
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	s := newTestStore(t)
	in := &Ingester{Store: s, Fetcher: &Fetcher{Client: &http.Client{Timeout: 2 * time.Second}}}
	outs := runTarget(t, in, Target{Name: srv.URL + "/story.txt"}, Defaults{})
	if outs[0].Err != nil {
		t.Fatal(outs[0].Err)
	}
	a, _ := s.ArticleByID(context.Background(), outs[0].ArticleID)
	if a.URL != srv.URL+"/story.txt" || a.SourceKind != "url" || !strings.HasPrefix(gotUA, "factline/") {
		t.Errorf("url %q kind %q user-agent %q", a.URL, a.SourceKind, gotUA)
	}
	for path, want := range map[string]string{"/missing": "404", "/huge": "limit", "/image": "content type", "/slow": "Timeout"} {
		outs := runTarget(t, in, Target{Name: srv.URL + path}, Defaults{})
		if outs[0].Err == nil || !strings.Contains(outs[0].Err.Error(), want) {
			t.Errorf("%s: error %v, want one mentioning %q", path, outs[0].Err, want)
		}
	}
	if n := countRows(t, s, "articles"); n != 1 {
		t.Errorf("%d articles, want 1", n)
	}
}

func TestIngestWindows1252(t *testing.T) {
	s := newTestStore(t)
	text := "Jakarta \u2013 Menteri mengatakan \u201cprogram ini berjalan baik\u201d pada Senin (6/1). Caf\u00e9 ditutup."
	raw, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	outs := runTarget(t, &Ingester{Store: s}, Target{Name: writeFile(t, "cp1252.txt", raw)}, Defaults{})
	if outs[0].Err != nil {
		t.Fatal(outs[0].Err)
	}
	a, _ := s.ArticleByID(context.Background(), outs[0].ArticleID)
	if a.Body != text {
		t.Errorf("decoded body = %q, want %q", a.Body, text)
	}
}

// A JSONL batch reads its lines as single files are read: a byte-order
// mark on the first line is dropped, and a line with bytes that are not
// UTF-8 is read as Windows-1252, never stored as U+FFFD.
func TestIngestJSONLDecodesLikeSingleFiles(t *testing.T) {
	s := newTestStore(t)
	text := "Jakarta \u2013 Menteri mengatakan \u201cprogram ini berjalan baik\u201d pada Senin (6/1). Caf\u00e9 ditutup."
	line := func(title, body string) []byte {
		b, err := json.Marshal(map[string]string{"title": title, "text": body, "published": "2020-01-07", "lang": "id"})
		if err != nil {
			t.Fatal(err)
		}
		return append(b, '\n')
	}
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes(line("Windows-1252", text))
	if err != nil {
		t.Fatal(err)
	}
	batch := append([]byte{0xEF, 0xBB, 0xBF}, line("first", "Presiden meresmikan jembatan pada Senin (6/1/2020), kata juru bicara.")...)
	batch = append(batch, cp1252...)
	outs := runTarget(t, &Ingester{Store: s}, Target{Name: writeFile(t, "batch.jsonl", batch)}, Defaults{})
	if len(outs) != 2 {
		t.Fatalf("%d outcomes, want 2: %+v", len(outs), outs)
	}
	for _, o := range outs {
		if o.Err != nil {
			t.Fatalf("line %d: %v", o.Line, o.Err)
		}
	}
	a, _ := s.ArticleByID(context.Background(), outs[1].ArticleID)
	if a.Body != text || a.Title != "Windows-1252" {
		t.Errorf("line 2 stored as %q, want %q", a.Body, text)
	}
}

func TestIngestRejectsBadInputWithoutPartialRows(t *testing.T) {
	s := newTestStore(t)
	in := &Ingester{Store: s}
	cases := map[string]struct {
		data []byte
		want string
	}{
		"empty.txt":  {[]byte(" \n\t\n"), "empty"},
		"huge.txt":   {[]byte(strings.Repeat("Kalimat berita yang panjang. ", MaxArticleBytes/28+10)), "limit"},
		"binary.txt": {[]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00garbage\x00\x00"), "binary"},
	}
	for name, c := range cases {
		outs := runTarget(t, in, Target{Name: writeFile(t, name, c.data)}, Defaults{})
		if len(outs) != 1 || outs[0].Err == nil || !strings.Contains(outs[0].Err.Error(), c.want) {
			t.Errorf("%s: outcomes %+v, want an error mentioning %q", name, outs, c.want)
		} else if apperr.CodeOf(outs[0].Err) != apperr.Invalid {
			t.Errorf("%s: error %v is not coded invalid, so a caller would take it for a fault", name, outs[0].Err)
		}
	}
	if err := in.Run(context.Background(), Target{Name: writeFile(t, "notes.pdf", []byte("%PDF"))}, Defaults{}, func(int) {}, func(Outcome) {}); err == nil {
		t.Error("an unknown file type was accepted")
	}
	for _, table := range []string{"articles", "timexes", "claims", "events", "event_sources"} {
		if n := countRows(t, s, table); n != 0 {
			t.Errorf("%d rows left in %s after failed ingests", n, table)
		}
	}
}

func TestIngestDirectory(t *testing.T) {
	s := newTestStore(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "one.txt"), []byte(sampleID), 0o644)
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "two.txt"), []byte(sampleEN), 0o644)
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("not an article"), 0o644)
	outs := runTarget(t, &Ingester{Store: s}, Target{Name: dir}, Defaults{})
	if len(outs) != 2 {
		t.Fatalf("%d outcomes, want 2 (README skipped): %+v", len(outs), outs)
	}
	for _, o := range outs {
		if o.Err != nil {
			t.Error(o.Err)
		}
	}
}

func TestParsePublished(t *testing.T) {
	tests := []struct{ in, lang, want string }{
		{"2019-12-30", "id", "2019-12-30"},
		{"2019-12-30T08:15:00+07:00", "", "2019-12-30"},
		{"30/12/2019 08:15 WIB", "id", "2019-12-30"},
		{"01/02/2019", "id", "2019-02-01"},
		{"01/02/2019", "en", "2019-01-02"},
		{"01/02/2019", "ms", "2019-02-01"},
		{"01/02/2019", "", "2019-02-01"},
		{"29/12/2019 23:30 WITA", "id", "2019-12-29"},
		{"31/12/2019 23:30 WIT", "", "2019-12-31"},
		{"Mon, 30 Dec 2019 01:15:00 GMT", "en", "2019-12-30"},
	}
	for _, tt := range tests {
		got, err := ParsePublished(tt.in, tt.lang)
		if err != nil || got.Format("2006-01-02") != tt.want {
			t.Errorf("ParsePublished(%q, %q) = %v, %v; want %s", tt.in, tt.lang, got, err, tt.want)
		}
	}
	for _, bad := range []string{"99/99/9999", "yesterday-ish", "0000-00-00"} {
		if _, err := ParsePublished(bad, "id"); err == nil {
			t.Errorf("ParsePublished(%q) accepted", bad)
		}
	}
}

func TestDecodeTextRejectsBinary(t *testing.T) {
	if _, err := decodeText([]byte{0x89, 'P', 'N', 'G', 0, 0, 0, 13}); !errors.Is(err, ErrBinary) {
		t.Fatalf("PNG bytes: %v", err)
	}
}
