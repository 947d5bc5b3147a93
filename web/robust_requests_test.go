package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

// hostileRequest is one malformed or malicious request and the answer it
// must get.
type hostileRequest struct {
	name   string
	method string
	// path and body name seeded records as {event}, {claim} and {rev},
	// and the versions an editor would have read as {ver} and {cver}.
	path  string
	body  func() io.Reader
	ctype string
	want  int
}

// jsonBody is a body of literal bytes, which may be anything but JSON.
func jsonBody(s string) func() io.Reader { return func() io.Reader { return strings.NewReader(s) } }

// chunked hides a body's length, so the server sees a chunked stream and
// must stop reading at its cap instead of refusing on Content-Length.
type chunked struct{ io.Reader }

// big is a body of n bytes: a JSON object whose headline is one long line.
func big(n int, hideLength bool) func() io.Reader {
	return func() io.Reader {
		r := io.MultiReader(strings.NewReader(`{"version":1,"headline":"`), io.LimitReader(repeatByte('a'), int64(n)), strings.NewReader(`"}`))
		if hideLength {
			return chunked{r}
		}
		b, _ := io.ReadAll(r)
		return bytes.NewReader(b)
	}
}

type repeatByte byte

func (b repeatByte) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

// nestedHTML is an upload of an HTML file nested depth elements deep with
// no article text in it.
func nestedHTML(depth int) (func() io.Reader, string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("source", "upload")
	fw, _ := w.CreateFormFile("file", "nested.html")
	fw.Write([]byte("<html><body>" + strings.Repeat("<div><span>", depth) + strings.Repeat("</span></div>", depth) + "</body></html>"))
	w.Close()
	b := buf.Bytes()
	return func() io.Reader { return bytes.NewReader(b) }, w.FormDataContentType()
}

// patch is an event edit on the version the editor read.
func patch(fields string) func() io.Reader {
	return jsonBody(`{"version":{ver},` + fields + `}`)
}

// manyTags is a JSON array of n different tags.
func manyTags(n int) string {
	tags := make([]string, n)
	for i := range tags {
		tags[i] = fmt.Sprintf("tag%d", i)
	}
	b, _ := json.Marshal(tags)
	return string(b)
}

// hostileRequests are sent by an editor with a valid session and CSRF
// token, so that each is refused for what it carries, not for who sent it.
func hostileRequests() []hostileRequest {
	html, htmlType := nestedHTML(20000)
	const js = "application/json"
	return []hostileRequest{
		{"article over 4 MB", "POST", "/api/v1/articles", big(5<<20, false), js, 413},
		{"article over 4 MB, chunked", "POST", "/api/v1/articles", big(5<<20, true), js, 413},
		{"edit of 10 MB on a single line", "PATCH", "/api/v1/events/{event}", big(10<<20, false), js, 413},
		{"edit of 10 MB on a single line, chunked", "PATCH", "/api/v1/events/{event}", big(10<<20, true), js, 413},
		{"edit just over 64 KB", "PATCH", "/api/v1/events/{event}", big(64<<10, false), js, 413},
		{"deeply nested HTML upload with no text", "POST", "/articles", html, htmlType, 422},
		{"invalid UTF-8 in a JSON string", "PATCH", "/api/v1/events/{event}", patch("\"headline\":\"caf\xe9 \xff\xfe\""), js, 400},
		{"invalid UTF-8 in an article", "POST", "/api/v1/articles", jsonBody("{\"source\":\"paste\",\"text\":\"Jakarta \xc3\x28 pada Sabtu (28/12) \xff\"}"), js, 400},
		{"NUL byte in a headline", "PATCH", "/api/v1/events/{event}", patch(`"headline":"plenary\u0000opens"`), js, 422},
		{"NUL byte in a new event", "POST", "/api/v1/events", jsonBody(`{"headline":"a\u0000b","value":"2019-12-28"}`), js, 422},
		{"NUL byte in evidence", "POST", "/api/v1/claims/{claim}/evidence", jsonBody(`{"note":"seen\u0000"}`), js, 422},
		{"raw NUL byte in the body", "PATCH", "/api/v1/events/{event}", jsonBody("{\"version\":1,\x00\"headline\":\"x\"}"), js, 400},
		{"wrong content type: text/plain", "PATCH", "/api/v1/events/{event}", patch(`"headline":"x"`), "text/plain", 415},
		{"wrong content type: form", "PATCH", "/api/v1/events/{event}", jsonBody("version=1&headline=x"), "application/x-www-form-urlencoded", 415},
		{"no content type", "POST", "/api/v1/events", jsonBody(`{"headline":"x","value":"2019"}`), "", 415},
		{"empty body", "PATCH", "/api/v1/events/{event}", jsonBody(""), js, 400},
		{"not JSON", "PATCH", "/api/v1/events/{event}", jsonBody("headline=x"), js, 400},
		{"JSON array", "PATCH", "/api/v1/events/{event}", jsonBody(`[{"version":1}]`), js, 400},
		{"two JSON objects", "PATCH", "/api/v1/events/{event}", jsonBody(`{"version":0,"headline":"x"}{"headline":"y"}`), js, 400},
		{"truncated JSON", "PATCH", "/api/v1/events/{event}", jsonBody(`{"version":1,"headline":"x`), js, 400},
		{"unknown field", "PATCH", "/api/v1/events/{event}", patch(`"headlne":"x"`), js, 400},
		{"wrong type: version as string", "PATCH", "/api/v1/events/{event}", jsonBody(`{"version":"1","headline":"x"}`), js, 400},
		{"wrong type: headline as number", "PATCH", "/api/v1/events/{event}", patch(`"headline":7`), js, 400},
		{"wrong type: tags as string", "PATCH", "/api/v1/events/{event}", patch(`"tags":"a,b"`), js, 400},
		{"version beyond int", "PATCH", "/api/v1/events/{event}", jsonBody(`{"version":99999999999999999999,"headline":"x"}`), js, 400},
		{"missing version", "PATCH", "/api/v1/events/{event}", jsonBody(`{"headline":"x"}`), js, 400},
		{"missing version on a claim", "PATCH", "/api/v1/claims/{claim}", jsonBody(`{"status":"verified"}`), js, 400},
		{"stale version", "PATCH", "/api/v1/events/{event}", jsonBody(`{"version":1,"headline":"x"}`), js, 409},
		{"stale version on a claim", "PATCH", "/api/v1/claims/{claim}", jsonBody(`{"version":0,"status":"verified"}`), js, 409},
		{"date 99/99/9999", "PATCH", "/api/v1/events/{event}", patch(`"value":"99/99/9999"`), js, 422},
		{"year 0", "PATCH", "/api/v1/events/{event}", patch(`"value":"0000-01-01"`), js, 422},
		{"year 99999", "PATCH", "/api/v1/events/{event}", patch(`"value":"99999-01-01"`), js, 422},
		{"month 13", "POST", "/api/v1/events", jsonBody(`{"headline":"x","value":"2019-13-01"}`), js, 422},
		{"timeline from 99/99/9999", "GET", "/api/v1/timeline?from=99/99/9999", nil, "", 422},
		{"timeline to year 99999", "GET", "/api/v1/timeline?to=99999", nil, "", 422},
		{"negative id", "GET", "/api/v1/events/-1", nil, "", 400},
		{"negative id in an edit", "PATCH", "/api/v1/events/-5", jsonBody(`{"version":1,"headline":"x"}`), js, 400},
		{"non-numeric id", "GET", "/api/v1/claims/abc", nil, "", 400},
		{"id beyond int64", "PATCH", "/api/v1/claims/99999999999999999999", jsonBody(`{"version":1,"status":"verified"}`), js, 400},
		{"unknown id", "PATCH", "/api/v1/events/987654321", jsonBody(`{"version":1,"headline":"x"}`), js, 404},
		{"SQL injection in an id", "GET", "/api/v1/events/1%20OR%201=1", nil, "", 400},
		{"SQL injection in a status", "PATCH", "/api/v1/claims/{claim}", jsonBody(`{"version":{cver},"status":"verified'; DROP TABLE claims; --"}`), js, 422},
		{"SQL injection in a date", "PATCH", "/api/v1/events/{event}", patch(`"value":"2019' OR '1'='1"`), js, 422},
		{"SQL injection in a timeline filter", "GET", "/api/v1/timeline?status=happened'%20OR%201=1--", nil, "", 422},
		{"HTML injection in a date", "PATCH", "/api/v1/events/{event}", patch(`"value":"<script>alert(1)</script>"`), js, 422},
		{"HTML injection in a modifier", "PATCH", "/api/v1/events/{event}", patch(`"mod":"<img src=x onerror=alert(1)>"`), js, 422},
		{"javascript: evidence link", "POST", "/api/v1/claims/{claim}/evidence", jsonBody(`{"url":"javascript:alert(1)"}`), js, 422},
		{"headline too long", "PATCH", "/api/v1/events/{event}", patch(`"headline":"` + strings.Repeat("é", 501) + `"`), js, 422},
		{"blank headline", "PATCH", "/api/v1/events/{event}", patch(`"headline":"   "`), js, 422},
		{"too many tags", "PATCH", "/api/v1/events/{event}", patch(`"tags":` + manyTags(21)), js, 422},
		{"unknown status", "PATCH", "/api/v1/claims/{claim}", jsonBody(`{"version":{cver},"status":"true-ish"}`), js, 422},
		{"merge into itself", "POST", "/api/v1/events/merge", jsonBody(`{"target":{"id":{event},"version":{ver}},"others":[{"id":{event},"version":{ver}}]}`), js, 422},
		{"revert of a revision that does not exist", "POST", "/api/v1/revisions/987654321/revert", jsonBody(`{"version":1}`), js, 404},
		{"revert on a stale version", "POST", "/api/v1/revisions/{rev}/revert", jsonBody(`{"version":0}`), js, 409},
		{"restore of a revision that does not exist", "POST", "/api/v1/revisions/987654321/restore", jsonBody(`{"version":1}`), js, 404},
		{"restore on a stale version", "POST", "/api/v1/revisions/{rev}/restore", jsonBody(`{"version":0}`), js, 409},
		{"revert with a confirm that is no boolean", "POST", "/api/v1/revisions/{rev}/revert", jsonBody(`{"version":2,"confirm":"yes"}`), js, 400},
		{"form edit with no version", "POST", "/events/{event}", jsonBody("headline=x"), "application/x-www-form-urlencoded", 400},
		{"form edit with HTML in the date", "POST", "/events/{event}", jsonBody("version={ver}&value=%3Cscript%3Ealert(1)%3C%2Fscript%3E"), "application/x-www-form-urlencoded", 422},
		{"NUL in a form edit", "POST", "/events/{event}", jsonBody("version={ver}&headline=a%00b"), "application/x-www-form-urlencoded", 422},
		{"invalid UTF-8 in a form edit", "POST", "/events/{event}", jsonBody("version={ver}&headline=%FF%FE"), "application/x-www-form-urlencoded", 422},
		{"NUL in pasted article text", "POST", "/api/v1/articles", jsonBody(`{"source":"paste","text":"Jakarta (ANTARA) - Kim tiba pada Sabtu (28/12).\u0000 Ia berkata."}`), js, 422},
		{"NUL in a search", "GET", "/api/v1/timeline?q=%00", nil, "", 400},
		{"invalid UTF-8 in a filter", "GET", "/api/v1/claims?speaker=%FF", nil, "", 400},
		// The form reads as empty, so the answer is the empty form's.
		{"broken multipart", "POST", "/articles", jsonBody("\x00\xff garbage"), "multipart/form-data; boundary=zzz", 422},
	}
}

// TestHostileRequestsAreRefusedAndChangeNothing sends each hostile request
// on every database and wants its 4xx, a message saying what was wrong, no
// raw markup echoed back, and the database exactly as it was: same rows in
// every table, same versions, same revision log.
func TestHostileRequestsAreRefusedAndChangeNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnvOn(t, st)
		c, ev := e.editSeeded()
		// One accepted edit gives a revision to revert and makes version 1
		// stale.
		res := c.json("PATCH", "/api/v1/events/"+itoa(ev.ID), map[string]any{"version": ev.Version, "headline": "Plenary opens"})
		if res.status != http.StatusOK {
			t.Fatalf("setup edit = %d %s", res.status, res.body)
		}
		var cl struct {
			Claims []store.ReviewItem `json:"claims"`
		}
		c.get("/api/v1/claims").decode(&cl)
		var rev store.Revision
		if err := st.DB().Order("id DESC").First(&rev).Error; err != nil {
			t.Fatal(err)
		}
		ids := strings.NewReplacer("{event}", itoa(ev.ID), "{claim}", itoa(cl.Claims[0].ID), "{rev}", itoa(rev.ID),
			"{ver}", itoa(int64(ev.Version+1)), "{cver}", itoa(int64(cl.Claims[0].Version)))
		for _, h := range hostileRequests() {
			t.Run(h.name, func(t *testing.T) {
				before := dbFingerprint(t, st)
				var body io.Reader
				if h.body != nil {
					body = strings.NewReader(ids.Replace(readAll(h.body())))
					if _, isChunked := h.body().(chunked); isChunked {
						body = chunked{body}
					}
				}
				res := c.do(h.method, ids.Replace(h.path), body, h.ctype)
				if res.status != h.want {
					t.Errorf("%s %s = %d, want %d; body %.300s", h.method, h.path, res.status, h.want, res.body)
				}
				if msg := errorMessage(res); msg == "" {
					t.Errorf("no message in %.300s", res.body)
				}
				for _, raw := range []string{"<script>", "<img src=x"} {
					if strings.Contains(res.body, raw) {
						t.Errorf("the answer echoes %q unescaped", raw)
					}
				}
				if after := dbFingerprint(t, st); after != before {
					t.Errorf("the database changed:\nbefore %s\nafter  %s", before, after)
				}
			})
		}
	})
}

func readAll(r io.Reader) string {
	b, _ := io.ReadAll(r)
	return string(b)
}

// errorMessage is the message of an API error, or the text of an error
// page.
func errorMessage(res response) string {
	if strings.HasPrefix(res.header.Get("Content-Type"), "application/json") {
		var body struct {
			Error apiError `json:"error"`
		}
		if json.Unmarshal([]byte(res.body), &body) != nil {
			return ""
		}
		return body.Error.Message
	}
	if i := strings.Index(res.body, `class="message`); i >= 0 {
		return res.body[i:min(len(res.body), i+200)]
	}
	if i := strings.Index(res.body, `<main`); i >= 0 {
		return res.body[i:min(len(res.body), i+200)]
	}
	return ""
}

// dbFingerprint sums up everything an edit could change: each table's row
// count and the sum of the versions of articles, events and claims (every
// edit bumps one).
func dbFingerprint(t *testing.T, st *store.Store) string {
	t.Helper()
	var parts []string
	for _, table := range []string{"users", "articles", "timexes", "claims", "claim_evidence", "events", "event_tags",
		"event_sources", "revisions", "api_tokens"} {
		var n int64
		if err := st.DB().Table(table).Count(&n).Error; err != nil {
			t.Fatal(err)
		}
		parts = append(parts, fmt.Sprintf("%s=%d", table, n))
	}
	for _, table := range []string{"articles", "events", "claims"} {
		var sum int64
		if err := st.DB().Table(table).Select("COALESCE(SUM(version), 0)").Scan(&sum).Error; err != nil {
			t.Fatal(err)
		}
		parts = append(parts, fmt.Sprintf("%s.versions=%d", table, sum))
	}
	return strings.Join(parts, " ")
}
