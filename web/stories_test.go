package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims/store"
)

// The story filter reaches the timeline API and the export: only the
// story's events, the story's title on the TimelineJS title slide, 404 for
// a story that does not exist and 422 for a name that cannot be one.
func TestStoryFilterOnTimelineAndExport(t *testing.T) {
	e := newEnv(t)
	first := e.seed()
	e.addText("Dividends", "LONDON - BP raised its dividend on Tuesday, 3 March 2020, the company said.")
	ctx := context.Background()
	title, about := "Kim's plenary", "The year-end meeting."
	st, err := e.store.CreateStory(ctx, "Plenary", store.StoryInput{Title: &title, Description: &about}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.store.AddStoryArticle(ctx, st.ID, first, store.JoinedByEditor, nil); err != nil {
		t.Fatal(err)
	}
	c := e.tokenClient()
	var all, story timelineResult
	c.get("/api/v1/timeline").decode(&all)
	c.get("/api/v1/timeline?story=plenary").decode(&story)
	if story.Total == 0 || story.Total >= all.Total {
		t.Fatalf("story timeline %d of %d events", story.Total, all.Total)
	}
	for _, ev := range story.Events {
		if strings.Contains(ev.Headline, "dividend") {
			t.Errorf("event outside the story: %q", ev.Headline)
		}
	}
	res := c.get("/api/v1/export?format=timelinejs&story=Plenary")
	var tl struct {
		Title struct {
			Text struct{ Headline, Text string } `json:"text"`
		} `json:"title"`
	}
	if err := json.Unmarshal([]byte(res.body), &tl); err != nil || res.status != http.StatusOK {
		t.Fatalf("export = %d %v", res.status, err)
	}
	if tl.Title.Text.Headline != "Kim&#39;s plenary" || tl.Title.Text.Text != "<p>The year-end meeting.</p>" {
		t.Errorf("title slide %+v", tl.Title.Text)
	}
	// The pages' filter form keeps the story: applying another filter
	// stays within it.
	ed := e.as("editor")
	for page, other := range map[string]string{"/timeline?story=Plenary&from=2019": `href="/timeline/list?from=2019&amp;story=Plenary"`,
		"/timeline/list?story=Plenary&from=2019": `href="/timeline?from=2019&amp;story=Plenary"`} {
		body := ed.get(page).body
		if !strings.Contains(body, `<input type="hidden" name="story" value="Plenary">`) {
			t.Errorf("%s: the filter form drops the story", page)
		}
		// The link to the other view keeps the filter.
		if !strings.Contains(body, other) {
			t.Errorf("%s: no link %s", page, other)
		}
	}
	for path, want := range map[string]int{
		"/api/v1/export?format=json&story=MH370": http.StatusNotFound,
		"/api/v1/timeline?story=MH370":           http.StatusNotFound,
		"/api/v1/timeline?story=a%20b":           http.StatusUnprocessableEntity,
		"/api/v1/export?format=csv&story=-x":     http.StatusUnprocessableEntity,
	} {
		res := c.get(path)
		if res.status != want || res.apiErr().Message == "" {
			t.Errorf("GET %s = %d %s, want %d with a message", path, res.status, res.body, want)
		}
	}
}

// An editor creates a story from its page, adds articles from the story's
// page, from an article's page and through the add-article form, takes one
// out, and edits the story; a viewer sees it all and may change nothing.
func TestStoryPagesAndForms(t *testing.T) {
	e := newEnv(t)
	first := e.seed()
	other := e.addText("Dividends", "LONDON - BP raised its dividend on Tuesday, 3 March 2020, the company said.")
	ed := e.as("editor")
	page := ed.get("/stories")
	if page.status != http.StatusOK || !strings.Contains(page.body, "No stories yet") {
		t.Fatalf("GET /stories = %d", page.status)
	}
	csrf := page.csrf()
	res := ed.form("POST", "/stories", url.Values{"csrf_token": {csrf}, "name": {"two words"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "story name is 1-64") {
		t.Fatalf("bad name = %d %.300s", res.status, res.body)
	}
	res = ed.form("POST", "/stories", url.Values{"csrf_token": {csrf}, "name": {"Plenary"}, "title": {"Kim's plenary"},
		"description": {"The meeting."}, "tags": {"Korea, politics"}})
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/stories/Plenary" {
		t.Fatalf("create = %d %s", res.status, res.header.Get("Location"))
	}
	if res := ed.form("POST", "/stories", url.Values{"csrf_token": {csrf}, "name": {"plenary"}}); res.status != http.StatusConflict {
		t.Errorf("same name again = %d, want 409", res.status)
	}
	if res := ed.form("POST", "/stories/plenary/articles", url.Values{"csrf_token": {csrf}, "article": {itoa(first)}}); res.status != http.StatusSeeOther {
		t.Fatalf("add from the story page = %d %.300s", res.status, res.body)
	}
	for in, want := range map[string]int{itoa(first): http.StatusConflict, "abc": http.StatusUnprocessableEntity, "99999": http.StatusNotFound} {
		if res := ed.form("POST", "/stories/Plenary/articles", url.Values{"csrf_token": {csrf}, "article": {in}}); res.status != want || !strings.Contains(res.body, `role="alert"`) {
			t.Errorf("add article %q = %d, want %d with the reason", in, res.status, want)
		}
	}
	if res := ed.form("POST", "/articles/"+itoa(other)+"/stories", url.Values{"csrf_token": {csrf}, "story": {"Plenary"}}); res.status != http.StatusSeeOther ||
		res.header.Get("Location") != "/articles/"+itoa(other) {
		t.Fatalf("add from the article page = %d %s", res.status, res.header.Get("Location"))
	}
	art := ed.get("/articles/" + itoa(other))
	if !strings.Contains(art.body, `href="/stories/Plenary"`) || !strings.Contains(art.body, "/stories/Plenary/articles/"+itoa(other)+"/remove") {
		t.Errorf("the article page does not show its story with a way out")
	}
	res = ed.form("POST", "/stories/Plenary/articles/"+itoa(other)+"/remove", url.Values{"csrf_token": {csrf}, "back": {"article"}})
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/articles/"+itoa(other) {
		t.Fatalf("take out = %d %s", res.status, res.header.Get("Location"))
	}
	// The add-article form's story field creates the story when needed.
	res = ed.multipart("/articles", map[string]string{"csrf_token": csrf, "source": "paste", "story": "QZ8501", "lang": "id",
		"text": "Pesawat AirAsia QZ8501 hilang kontak pada Minggu (28/12/2014) pukul 06.17 WIB, kata Basarnas."}, "", nil)
	if res.status != http.StatusSeeOther {
		t.Fatalf("add article with a story = %d %.300s", res.status, res.body)
	}
	var qz storyData
	e.tokenClient().get("/api/v1/stories/qz8501").decode(&qz)
	if qz.Story == nil || qz.Story.Name != "QZ8501" || len(qz.Articles) != 1 {
		t.Fatalf("story made by the form: %+v", qz)
	}
	sp := ed.get("/stories/Plenary")
	if sp.status != http.StatusOK || !strings.Contains(sp.body, "Kim&#39;s plenary") || !strings.Contains(sp.body, `href="/articles/`+itoa(first)+`"`) ||
		strings.Contains(sp.body, `href="/articles/`+itoa(other)+`"`) || !strings.Contains(sp.body, "/timeline?story=Plenary") {
		t.Errorf("story page does not show its title, its one article and its timeline link")
	}
	v := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(sp.body)
	if v == nil {
		t.Fatal("no version on the edit form")
	}
	res = ed.form("POST", "/stories/Plenary", url.Values{"csrf_token": {csrf}, "version": {v[1]}, "title": {"Plenary 2019"}, "description": {""}, "tags": {""}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("edit = %d %.300s", res.status, res.body)
	}
	if res := ed.form("POST", "/stories/Plenary", url.Values{"csrf_token": {csrf}, "version": {v[1]}, "title": {"stale"}}); res.status != http.StatusConflict {
		t.Errorf("stale edit = %d, want 409", res.status)
	}
	noCSRF := *ed
	noCSRF.csrf = ""
	if res := noCSRF.form("POST", "/stories/Plenary", url.Values{"version": {"2"}, "title": {"no csrf"}}); res.status != http.StatusForbidden {
		t.Errorf("edit without CSRF = %d, want 403", res.status)
	}
	viewer := e.as("viewer")
	vp := viewer.get("/stories/Plenary")
	if vp.status != http.StatusOK || strings.Contains(vp.body, "story-edit") || strings.Contains(vp.body, "Take out") {
		t.Errorf("a viewer gets editing controls on the story page")
	}
	if res := viewer.form("POST", "/stories/Plenary/articles", url.Values{"csrf_token": {vp.csrf()}, "article": {itoa(other)}}); res.status != http.StatusForbidden {
		t.Errorf("viewer adds an article = %d, want 403", res.status)
	}
	if res := ed.get("/stories/Nope"); res.status != http.StatusNotFound {
		t.Errorf("unknown story page = %d, want 404", res.status)
	}
}

// The story API: create, read, edit with a version, join and leave, with
// 4xx and a message for what it refuses.
func TestStoryAPI(t *testing.T) {
	e := newEnv(t)
	first := e.seed()
	ed := e.as("editor")
	res := ed.json("POST", "/api/v1/stories", map[string]any{"name": "Plenary", "title": "Kim's plenary", "tags": []string{"Korea"}})
	if res.status != http.StatusCreated {
		t.Fatalf("create = %d %s", res.status, res.body)
	}
	for _, c := range []struct {
		method, path string
		body         any
		want         int
	}{
		{"POST", "/api/v1/stories", map[string]any{"name": "PLENARY"}, http.StatusConflict},
		{"POST", "/api/v1/stories", map[string]any{"name": ""}, http.StatusUnprocessableEntity},
		{"POST", "/api/v1/stories", map[string]any{"name": "x", "colour": "red"}, http.StatusBadRequest},
		{"PATCH", "/api/v1/stories/Plenary", map[string]any{"title": "no version"}, http.StatusBadRequest},
		{"PATCH", "/api/v1/stories/Plenary", map[string]any{"version": 7, "title": "stale"}, http.StatusConflict},
		{"PATCH", "/api/v1/stories/Plenary", map[string]any{"version": 1, "name": "Renamed"}, http.StatusUnprocessableEntity},
		{"PATCH", "/api/v1/stories/Nope", map[string]any{"version": 1}, http.StatusNotFound},
		{"POST", "/api/v1/stories/Plenary/articles", map[string]any{"article_id": 0}, http.StatusUnprocessableEntity},
		{"POST", "/api/v1/stories/Plenary/articles", map[string]any{"article_id": 99999}, http.StatusNotFound},
		{"DELETE", "/api/v1/stories/Plenary/articles/" + itoa(first), nil, http.StatusNotFound},
	} {
		var res response
		if c.body == nil {
			res = ed.do(c.method, c.path, nil, "")
		} else {
			res = ed.json(c.method, c.path, c.body)
		}
		if res.status != c.want || res.apiErr().Message == "" {
			t.Errorf("%s %s %v = %d %s, want %d with a message", c.method, c.path, c.body, res.status, res.body, c.want)
		}
	}
	if res := ed.json("PATCH", "/api/v1/stories/plenary", map[string]any{"version": 1, "description": "The meeting.", "tags": []string{}}); res.status != http.StatusOK ||
		!strings.Contains(res.body, `"tags":[]`) || !strings.Contains(res.body, `"title":"Kim's plenary"`) {
		t.Fatalf("edit = %d %s", res.status, res.body)
	}
	if res := ed.json("POST", "/api/v1/stories/Plenary/articles", map[string]any{"article_id": first}); res.status != http.StatusCreated {
		t.Fatalf("join = %d %s", res.status, res.body)
	}
	var list struct{ Stories []store.Story }
	e.tokenClient().get("/api/v1/stories").decode(&list)
	if len(list.Stories) != 1 || list.Stories[0].Articles != 1 || list.Stories[0].Version != 2 {
		t.Fatalf("list = %+v", list)
	}
	if res := e.tokenClient().json("POST", "/api/v1/stories", map[string]any{"name": "ByToken"}); res.status != http.StatusForbidden {
		t.Errorf("token creates a story = %d, want 403", res.status)
	}
	if res := ed.do("DELETE", "/api/v1/stories/Plenary/articles/"+itoa(first), nil, ""); res.status != http.StatusOK || !strings.Contains(res.body, `"articles":[]`) {
		t.Fatalf("leave = %d %s", res.status, res.body)
	}
	// Every change is in the story's history.
	revs, err := e.store.Revisions(context.Background(), store.EntityStory, list.Stories[0].ID)
	if err != nil || len(revs) != 4 {
		t.Fatalf("story history %d revisions, %v; want create, update, join, leave", len(revs), err)
	}
}

// goldStory is the linker's gold story the flow tests ingest.
const goldStory = "../testdata/stories/sinar-bahari"

// goldArticle is an article of the gold story as its gold file lists it.
type goldArticle struct{ File, Published, Lang string }

// goldArticles lists the gold story's articles in publication order.
func goldArticles(t *testing.T) []goldArticle {
	t.Helper()
	var gold struct{ Articles []goldArticle }
	raw, err := os.ReadFile(filepath.Join(goldStory, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	return gold.Articles
}

// addGoldArticles posts the gold story's first n articles through the
// add-article form into the story.
func addGoldArticles(t *testing.T, c *client, csrf, story string, n int) {
	t.Helper()
	for _, a := range goldArticles(t)[:n] {
		text, err := os.ReadFile(filepath.Join(goldStory, a.File))
		if err != nil {
			t.Fatal(err)
		}
		res := c.multipart("/articles", map[string]string{"csrf_token": csrf, "source": "paste", "story": story, "lang": a.Lang,
			"published": a.Published, "publisher": "Kompas", "text": string(text)}, "", nil)
		if res.status != http.StatusSeeOther {
			t.Fatalf("add %s = %d %.300s", a.File, res.status, res.body)
		}
	}
}

// The review flow on the story's page: articles that join a story are
// linked at once; an editor accepts a proposal, undoes an automatic link,
// and resolves a disagreement on the event's page.
func TestStoryReviewFlow(t *testing.T) {
	e := newEnv(t)
	ed := e.as("editor")
	csrf := ed.get("/stories").csrf()
	if res := ed.form("POST", "/stories", url.Values{"csrf_token": {csrf}, "name": {"SB7"}, "title": {"KM Sinar Bahari 7"},
		"description": {"The ferry lost off Selayar."}}); res.status != http.StatusSeeOther {
		t.Fatalf("create = %d", res.status)
	}
	addGoldArticles(t, ed, csrf, "SB7", 7)
	var q storyQueue
	e.tokenClient().get("/api/v1/stories/SB7/links").decode(&q)
	t.Logf("%d pending, %d linked, %d disagree", len(q.Pending), len(q.Linked), len(q.Disagreed))
	if len(q.Pending) == 0 || len(q.Linked) == 0 || len(q.Disagreed) == 0 {
		t.Fatalf("queue: %d proposals, %d links, %d disagreements; want some of each", len(q.Pending), len(q.Linked), len(q.Disagreed))
	}
	page := ed.get("/stories/SB7")
	for _, want := range []string{`id="proposals"`, `name="accept" value="` + itoa(q.Pending[0].ID) + `"`, `name="decision" value="undo"`, `href="/events/` + itoa(q.Disagreed[0].ID) + `"`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("story page lacks %s", want)
		}
	}
	// Accept the first proposal with its own button.
	p := q.Pending[0]
	if res := ed.form("POST", "/stories/SB7/links", url.Values{"csrf_token": {csrf}, "accept": {itoa(p.ID)}}); res.status != http.StatusSeeOther {
		t.Fatalf("accept = %d %.300s", res.status, res.body)
	}
	if ev, _ := e.store.EventByID(context.Background(), p.OtherID); ev.MergedInto == nil || *ev.MergedInto != p.EventID {
		t.Errorf("accepted proposal: event #%d not merged into #%d", p.OtherID, p.EventID)
	}
	if res := ed.form("POST", "/stories/SB7/links", url.Values{"csrf_token": {csrf}, "accept": {itoa(p.ID)}}); res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "cannot be accepted") {
		t.Errorf("accepting twice = %d", res.status)
	}
	// Undo an automatic link.
	l := q.Linked[0]
	if res := ed.form("POST", "/stories/SB7/links", url.Values{"csrf_token": {csrf}, "link": {itoa(l.ID)}, "decision": {"undo"}}); res.status != http.StatusSeeOther {
		t.Fatalf("undo = %d %.300s", res.status, res.body)
	}
	if ev, _ := e.store.EventByID(context.Background(), l.OtherID); ev.MergedInto != nil {
		t.Errorf("undone link: event #%d still merged", l.OtherID)
	}
	if res := ed.form("POST", "/stories/SB7/links", url.Values{"csrf_token": {csrf}, "link": {"x"}, "decision": {"reject"}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("a bad link number = %d, want 422", res.status)
	}
	// A disagreement: both sides on the event's page, resolved with a note.
	var dis *store.TimelineEvent
	e.tokenClient().get("/api/v1/stories/SB7/links").decode(&q)
	if len(q.Disagreed) == 0 {
		t.Fatal("no disagreement left to resolve")
	}
	// The story's list marks the events whose sources disagree.
	if list := ed.get("/timeline/list?story=SB7"); strings.Count(list.body, "sources disagree</a>") != len(q.Disagreed) {
		t.Errorf("the list marks %d events, want the %d that disagree", strings.Count(list.body, "sources disagree</a>"), len(q.Disagreed))
	}
	// The zoomable timeline draws the timeline API's events: those whose
	// sources disagree carry the mark (the script's ev-disagree class and
	// sign), which the page's legend names.
	var drawn timelineResult
	e.tokenClient().get("/api/v1/timeline?story=SB7").decode(&drawn)
	var marked []int64
	for _, ev := range drawn.Events {
		if ev.Disagree {
			marked = append(marked, ev.ID)
		}
	}
	for _, ev := range q.Disagreed {
		if !slices.Contains(marked, ev.ID) {
			t.Errorf("the timeline's data does not mark event #%d, whose sources disagree", ev.ID)
		}
	}
	if len(marked) != len(q.Disagreed) {
		t.Errorf("the timeline's data marks %d events, want the %d that disagree", len(marked), len(q.Disagreed))
	}
	if page := ed.get("/timeline?story=SB7"); !strings.Contains(page.body, `class="key disagree"`) || !strings.Contains(page.body, `id="panel-disagree"`) {
		t.Error("the timeline page's legend or panel does not name the disagreement mark")
	}
	dis = &q.Disagreed[0]
	evPage := ed.get("/events/" + itoa(dis.ID))
	if !strings.Contains(evPage.body, "Sources disagree on the date") || strings.Count(evPage.body, `class="side"`) < 2 || !strings.Contains(evPage.body, `id="resolve-form"`) {
		t.Fatalf("event page does not show the two sides and the resolve form")
	}
	choice := regexp.MustCompile(`name="choice" value="([^"]+)"`).FindAllStringSubmatch(evPage.body, -1)
	if len(choice) < 2 {
		t.Fatalf("choices %v", choice)
	}
	v := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(evPage.body)[1]
	if res := ed.form("POST", "/events/"+itoa(dis.ID)+"/resolve", url.Values{"csrf_token": {csrf}, "version": {v}, "choice": {choice[1][1]}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("resolve without a note = %d, want 422", res.status)
	}
	if res := ed.form("POST", "/events/"+itoa(dis.ID)+"/resolve", url.Values{"csrf_token": {csrf}, "version": {v}, "choice": {choice[1][1]}, "note": {"The harbour master's log."}}); res.status != http.StatusSeeOther {
		t.Fatalf("resolve = %d %.300s", res.status, res.body)
	}
	after := ed.get("/events/" + itoa(dis.ID))
	value, _, _ := strings.Cut(choice[1][1], " ")
	if strings.Contains(after.body, `id="disagree"`) || !strings.Contains(after.body, "The harbour master&#39;s log.") || !strings.Contains(after.body, "<code>"+value) {
		t.Errorf("resolved event page still shows the disagreement, or not the note and the chosen date %s", value)
	}
	// The story's TimelineJS export opens on its title.
	var tl struct {
		Title struct {
			Text struct{ Headline, Text string } `json:"text"`
		} `json:"title"`
	}
	e.tokenClient().get("/api/v1/export?format=timelinejs&story=SB7").decode(&tl)
	if tl.Title.Text.Headline != "KM Sinar Bahari 7" || tl.Title.Text.Text != "<p>The ferry lost off Selayar.</p>" {
		t.Errorf("title slide %+v", tl.Title.Text)
	}
}

// An article added in no story is proposed for the story it resembles,
// and an editor adds it from the story's page.
func TestStoryCandidateFromForm(t *testing.T) {
	e := newEnv(t)
	ed := e.as("editor")
	csrf := ed.get("/stories").csrf()
	if res := ed.form("POST", "/stories", url.Values{"csrf_token": {csrf}, "name": {"SB7"}}); res.status != http.StatusSeeOther {
		t.Fatalf("create = %d", res.status)
	}
	addGoldArticles(t, ed, csrf, "SB7", 4)
	addGoldArticles(t, ed, csrf, "", 5) // the fifth article, in no story (the first four are duplicates)
	var d storyData
	e.tokenClient().get("/api/v1/stories/SB7").decode(&d)
	if len(d.Candidates) != 1 || !strings.Contains(d.Candidates[0].Reason, "events are the story's") {
		t.Fatalf("candidates %+v", d.Candidates)
	}
	page := ed.get("/stories/SB7")
	if !strings.Contains(page.body, `name="accept" value="`+itoa(d.Candidates[0].ID)+`"`) {
		t.Fatal("the story page does not offer the proposed article")
	}
	if res := ed.form("POST", "/stories/SB7/candidates", url.Values{"csrf_token": {csrf}, "accept": {"x"}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("a bad proposal number = %d, want 422", res.status)
	}
	if res := ed.form("POST", "/stories/SB7/candidates", url.Values{"csrf_token": {csrf}, "accept": {itoa(d.Candidates[0].ID)}}); res.status != http.StatusSeeOther {
		t.Fatalf("accept = %d %.300s", res.status, res.body)
	}
	e.tokenClient().get("/api/v1/stories/SB7").decode(&d)
	if len(d.Articles) != 5 || len(d.Candidates) != 0 {
		t.Errorf("after accepting: %d articles, %d candidates", len(d.Articles), len(d.Candidates))
	}
	if res := ed.json("POST", "/api/v1/stories/SB7/candidates/99999", map[string]string{"decision": "accept"}); res.status != http.StatusNotFound {
		t.Errorf("unknown candidate = %d, want 404", res.status)
	}
}

// Several proposed articles are decided at once: ticked on the story's
// page and accepted, each joins the story with its own revision; through
// the API, a list naming another story's proposal is refused with a
// message and changes nothing.
func TestStoryCandidatesInBulk(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ed := e.as("editor")
	csrf := ed.get("/stories").csrf()
	if res := ed.form("POST", "/stories", url.Values{"csrf_token": {csrf}, "name": {"SB7"}}); res.status != http.StatusSeeOther {
		t.Fatalf("create = %d", res.status)
	}
	addGoldArticles(t, ed, csrf, "SB7", 4)
	addGoldArticles(t, ed, csrf, "", 7) // the last three, in no story (the first four are duplicates)
	var d storyData
	e.tokenClient().get("/api/v1/stories/SB7").decode(&d)
	if len(d.Candidates) < 2 {
		t.Fatalf("%d proposed articles, want at least two", len(d.Candidates))
	}
	st, err := e.store.StoryByName(ctx, "SB7")
	if err != nil {
		t.Fatal(err)
	}
	joins := func() int {
		revs, err := e.store.Revisions(ctx, store.EntityStory, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, r := range revs {
			if r.Action == store.ActionJoin && strings.Contains(r.After, store.JoinedByProposal) {
				n++
			}
		}
		return n
	}
	other, err := e.store.CreateStory(ctx, "Other", store.StoryInput{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	foreign := store.StoryCandidate{StoryID: other.ID, ArticleID: d.Candidates[0].ArticleID, Score: 0.5, Reason: "test", Status: store.LinkPending, CreatedAt: time.Now()}
	if err := e.store.DB().Omit("title").Create(&foreign).Error; err != nil {
		t.Fatal(err)
	}
	first, second := d.Candidates[0], d.Candidates[1]
	res := ed.json("POST", "/api/v1/stories/SB7/candidates", map[string]any{"candidates": []int64{first.ID, foreign.ID}, "decision": "accept"})
	if res.status != http.StatusNotFound || !strings.Contains(res.body, "no proposed article #"+itoa(foreign.ID)+" in this story") {
		t.Errorf("a foreign proposal = %d %.200s, want 404 saying which", res.status, res.body)
	}
	for _, bad := range []map[string]any{{"candidates": []int64{}, "decision": "accept"}, {"candidates": []int64{first.ID}, "decision": "maybe"}} {
		if res := ed.json("POST", "/api/v1/stories/SB7/candidates", bad); res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, `"message"`) {
			t.Errorf("%v = %d %.200s, want 422 with a message", bad, res.status, res.body)
		}
	}
	var unchanged storyData
	e.tokenClient().get("/api/v1/stories/SB7").decode(&unchanged)
	if len(unchanged.Articles) != 4 || len(unchanged.Candidates) != len(d.Candidates) || joins() != 0 {
		t.Fatalf("refused decisions changed the story: %d articles, %d proposals, %d joins", len(unchanged.Articles), len(unchanged.Candidates), joins())
	}
	page := ed.get("/stories/SB7")
	for _, want := range []string{`name="candidate" value="` + itoa(first.ID) + `"`, `name="decision" value="accept">Add the picked`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the story page lacks %s", want)
		}
	}
	res = ed.form("POST", "/stories/SB7/candidates", url.Values{"csrf_token": {csrf}, "candidate": {itoa(first.ID), itoa(second.ID)}, "decision": {"accept"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("bulk accept = %d %.300s", res.status, res.body)
	}
	if msg := ed.get("/stories/SB7").body; !strings.Contains(msg, "2 proposed articles accepted.") {
		t.Error("the story page does not say two proposals were accepted")
	}
	var after storyData
	e.tokenClient().get("/api/v1/stories/SB7").decode(&after)
	if len(after.Articles) != 6 || len(after.Candidates) != len(d.Candidates)-2 || joins() != 2 {
		t.Errorf("after the bulk accept: %d articles, %d proposals, %d joins by proposal; want 6, %d, 2",
			len(after.Articles), len(after.Candidates), joins(), len(d.Candidates)-2)
	}
	if res := ed.form("POST", "/stories/SB7/candidates", url.Values{"csrf_token": {csrf}, "candidate": {itoa(first.ID)}, "decision": {"reject"}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("rejecting an accepted proposal = %d, want 422", res.status)
	}
}
