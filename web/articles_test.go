package web

import (
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/factline/factline/claims/ingest"
)

func TestAddArticleByPasteShowsDatesAndClaims(t *testing.T) {
	e := newEnv(t)
	c := e.as("editor")
	text, err := os.ReadFile(referenceArticle)
	if err != nil {
		t.Fatal(err)
	}
	form := map[string]string{"csrf_token": c.csrf, "source": "paste", "title": "Kim plenary", "publisher": "ANTARA",
		"published": "2019-12-30", "lang": "id", "url": "https://www.antaranews.com/berita/1234", "text": string(text)}
	res := c.multipart("/articles", form, "", nil)
	if res.status != http.StatusSeeOther || !strings.HasPrefix(res.header.Get("Location"), "/articles/") {
		t.Fatalf("add = %d %s", res.status, res.body)
	}
	page := c.get(res.header.Get("Location"))
	for _, want := range []string{
		`class="timex"`, "Sabtu (28/12)", "year from the publication date 2019-12-30", // a date and how it was resolved
		`class="claim status-unverified"`, "Yang Moo-jin · unverified", // a claim with speaker and status
		"https://www.antaranews.com/berita/1234",
		`<h1 lang="id">Kim plenary</h1>`, `id="article-body" lang="id"`, // read aloud in its own language
		`<span class="sr"> (date: Sabtu (28/12) -&gt; 2019-12-28`, // what a screen reader hears after the date
	} {
		if !strings.Contains(page.body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	// A name belongs on what can carry one, not on a plain span.
	if regexp.MustCompile(`<span[^>]*class="timex"[^>]*aria-label`).MatchString(page.body) {
		t.Error("a date span carries aria-label")
	}
	// The same text again is a duplicate: the editor lands on the original.
	again := c.multipart("/articles", form, "", nil)
	if again.status != http.StatusSeeOther || again.header.Get("Location") != res.header.Get("Location") {
		t.Errorf("duplicate = %d to %q", again.status, again.header.Get("Location"))
	}
	api := c.json("POST", "/api/v1/articles", map[string]string{"source": "paste", "text": string(text)})
	if api.status != http.StatusConflict || api.apiErr().Code != "duplicate" || api.apiErr().ID == 0 {
		t.Errorf("API duplicate = %d %s", api.status, api.body)
	}
}

func TestAddArticleByUploadAndURL(t *testing.T) {
	e := newEnv(t)
	c := e.as("editor")
	res := c.multipart("/articles", map[string]string{"csrf_token": c.csrf, "source": "upload", "published": "2020-01-06", "lang": "en"},
		"story.txt", []byte("Talks resume\n\nNegotiators met on Monday in Geneva, the ministry said."))
	if res.status != http.StatusSeeOther {
		t.Fatalf("upload = %d %s", res.status, res.body)
	}
	page := c.get(res.header.Get("Location"))
	if !strings.Contains(page.body, "Talks resume") {
		t.Errorf("uploaded article lost its title")
	}
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("Jakarta agreed on Friday to extend the programme until 2021, an official said."))
	}))
	defer origin.Close()
	e.srv.fetcher = &ingest.Fetcher{Client: origin.Client()}
	res = c.json("POST", "/api/v1/articles", map[string]string{"source": "url", "url": origin.URL + "/story", "published": "2020-02-07", "lang": "en"})
	if res.status != http.StatusCreated {
		t.Fatalf("by URL = %d %s", res.status, res.body)
	}
}

func TestAddArticleRejectsBadInput(t *testing.T) {
	e := newEnv(t)
	c := e.as("editor")
	for name, tc := range map[string]struct {
		fields map[string]string
		file   string
		want   int
		msg    string
	}{
		"empty text":    {map[string]string{"source": "paste", "text": "  "}, "", http.StatusUnprocessableEntity, "empty"},
		"bad date":      {map[string]string{"source": "paste", "text": "Hello.", "published": "yesterday-ish"}, "", http.StatusUnprocessableEntity, "publication date"},
		"no file":       {map[string]string{"source": "upload"}, "", http.StatusUnprocessableEntity, "choose a file"},
		"binary upload": {map[string]string{"source": "upload"}, "x.txt", http.StatusUnprocessableEntity, "binary"},
		"bad source":    {map[string]string{"source": "fax"}, "", http.StatusUnprocessableEntity, "source must be"},
		"bad url":       {map[string]string{"source": "url", "url": "ftp://x"}, "", http.StatusUnprocessableEntity, "http"},
	} {
		t.Run(name, func(t *testing.T) {
			tc.fields["csrf_token"] = c.csrf
			var file []byte
			if tc.file != "" {
				file = []byte{0, 1, 2, 0, 0, 0, 0xff, 0xfe, 0}
			}
			res := c.multipart("/articles", tc.fields, tc.file, file)
			if res.status != tc.want || !strings.Contains(res.body, tc.msg) {
				t.Errorf("= %d, want %d with %q; body %.400s", res.status, tc.want, tc.msg, res.body)
			}
		})
	}
	huge := strings.Repeat("Kata Kim pada Senin. ", (maxArticleBody/20)+10)
	if res := c.multipart("/articles", map[string]string{"csrf_token": c.csrf, "source": "paste", "text": huge}, "", nil); res.status != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized article = %d", res.status)
	}
}

// TestArticleTextIsEscaped: hostile markup in an article is shown as text.
func TestArticleTextIsEscaped(t *testing.T) {
	e := newEnv(t)
	id := e.addText(`<b>bold</b> title`, "Pada Senin (30/12) pejabat itu berkata <script>alert(1)</script> lalu \"><img src=x onerror=alert(1)> kata dia.")
	c := e.as("viewer")
	page := c.get("/articles/" + itoa(id))
	for _, bad := range []string{"<script>alert", "<img src=x", "<b>bold"} {
		if strings.Contains(page.body, bad) {
			t.Errorf("page contains raw %q", bad)
		}
	}
	if !strings.Contains(page.body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("escaped script text missing")
	}
}

func TestArticleListFilters(t *testing.T) {
	e := newEnv(t)
	e.seed()
	c := e.as("viewer")
	if res := c.get("/articles?q=plenary&lang=id&publisher=ANTARA&from=2019-12-01&to=2019-12-31"); !strings.Contains(res.body, "Kim plenary") {
		t.Errorf("filtered list lacks the article")
	}
	if res := c.get("/articles?lang=en"); strings.Contains(res.body, "Kim plenary") {
		t.Errorf("lang=en lists an Indonesian article")
	}
	if res := c.get("/articles?from=30-12-2019"); res.status != http.StatusBadRequest {
		t.Errorf("bad date = %d", res.status)
	}
	var list struct {
		Articles []struct{ ID int64 } `json:"articles"`
		Total    int64                `json:"total"`
	}
	c.get("/api/v1/articles?q=Kim").decode(&list)
	if list.Total != 1 || len(list.Articles) != 1 {
		t.Errorf("API list = %+v", list)
	}
	var one struct {
		Timexes []any `json:"timexes"`
		Claims  []any `json:"claims"`
		Events  []any `json:"events"`
	}
	c.get("/api/v1/articles/" + itoa(list.Articles[0].ID)).decode(&one)
	if len(one.Timexes) == 0 || len(one.Claims) == 0 || len(one.Events) == 0 {
		t.Errorf("API article has %d timexes, %d claims, %d events", len(one.Timexes), len(one.Claims), len(one.Events))
	}
}
