package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/factline/factline/claims/store"
)

func TestReviewQueueStatusEvidenceAndRevert(t *testing.T) {
	e := newEnv(t)
	e.seed()
	c := e.as("editor")
	var q struct {
		Claims []store.ReviewItem `json:"claims"`
		Total  int64              `json:"total"`
	}
	c.get("/api/v1/claims").decode(&q)
	if q.Total == 0 {
		t.Fatal("no claims")
	}
	first := q.Claims[0]
	res := c.json("PATCH", "/api/v1/claims/"+itoa(first.ID), map[string]any{"version": first.Version, "status": "verified"})
	if res.status != http.StatusOK {
		t.Fatalf("set status = %d %s", res.status, res.body)
	}
	if stale := c.json("PATCH", "/api/v1/claims/"+itoa(first.ID), map[string]any{"version": first.Version, "status": "false", "rationale": "The ministry denied it."}); stale.status != http.StatusConflict || !strings.Contains(stale.body, `"current"`) {
		t.Errorf("stale status = %d %s", stale.status, stale.body)
	}
	if bad := c.json("PATCH", "/api/v1/claims/"+itoa(first.ID), map[string]any{"version": first.Version + 1, "status": "probably"}); bad.status != http.StatusUnprocessableEntity {
		t.Errorf("bad status = %d", bad.status)
	}
	// Unverified claims come first: the verified one moved down.
	c.get("/api/v1/claims").decode(&q)
	if q.Claims[0].ID == first.ID || q.Claims[0].Status != "unverified" {
		t.Errorf("queue head is %d (%s)", q.Claims[0].ID, q.Claims[0].Status)
	}

	page := c.get("/claims/" + itoa(first.ID))
	token := page.csrf()
	res = c.form("POST", "/claims/"+itoa(first.ID)+"/evidence", url.Values{"csrf_token": {token}, "note": {"KCNA English edition, 30 Dec"}, "url": {"https://kcnawatch.org/x"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("evidence = %d %s", res.status, res.body)
	}
	if res := c.form("POST", "/claims/"+itoa(first.ID)+"/evidence", url.Values{"csrf_token": {token}, "url": {"javascript:alert(1)"}}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("javascript: evidence link = %d", res.status)
	}
	page = c.get("/claims/" + itoa(first.ID))
	for _, want := range []string{"KCNA English edition", "https://kcnawatch.org/x", "<mark>", "unverified</del>", "verified</ins>", `<blockquote class="context" lang="`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("claim page lacks %q", want)
		}
	}
	// The history tells the note and link, not the record's internals.
	for _, internal := range []string{"claim id", "user id"} {
		if strings.Contains(page.body, internal) {
			t.Errorf("the claim's history shows %q", internal)
		}
	}
	var hist struct {
		Revisions []store.Revision `json:"revisions"`
	}
	c.get("/api/v1/claims/" + itoa(first.ID) + "/revisions").decode(&hist)
	if len(hist.Revisions) != 2 {
		t.Fatalf("claim revisions = %d", len(hist.Revisions))
	}
	// Revert the status change from the page's button.
	res = c.form("POST", "/revisions/"+itoa(hist.Revisions[0].ID)+"/revert", url.Values{"csrf_token": {token}, "version": {"2"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("revert = %d %s", res.status, res.body)
	}
	if cl, _ := e.store.ClaimByID(t.Context(), first.ID); cl.Status != "unverified" || cl.Version != 3 {
		t.Errorf("after revert: %s v%d", cl.Status, cl.Version)
	}
	// Evidence cannot be reverted: it is only ever added.
	if res := c.json("POST", "/api/v1/revisions/"+itoa(hist.Revisions[1].ID)+"/revert", map[string]int{"version": 3}); res.status != http.StatusUnprocessableEntity {
		t.Errorf("revert of evidence = %d", res.status)
	}

	review := c.get("/review?status=unverified")
	if review.status != http.StatusOK || !strings.Contains(review.body, `class="review-item status-unverified"`) || !strings.Contains(review.body, "/static/review.js") {
		t.Errorf("review page = %d", review.status)
	}
	// The form fallback returns to the queue.
	res = c.form("POST", "/claims/"+itoa(first.ID)+"/status", url.Values{"csrf_token": {token}, "version": {"3"}, "status": {"disputed"}, "rationale": {"Two sources disagree."}, "return": {"/review"}})
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/review" {
		t.Errorf("status form = %d to %s", res.status, res.header.Get("Location"))
	}
}

func TestClaimContext(t *testing.T) {
	body := "First para.\n\nBefore it. The claim itself. After it.\n\nNext para."
	start := strings.Index(body, "The claim")
	end := start + len("The claim itself.")
	before, after := claimContext(body, start, end)
	if before != "Before it. " || after != " After it." {
		t.Errorf("context = %q / %q", before, after)
	}
	crlf := strings.ReplaceAll(body, "\n", "\r\n")
	start = strings.Index(crlf, "The claim")
	if before, after := claimContext(crlf, start, start+len("The claim itself.")); before != "Before it. " || after != " After it." {
		t.Errorf("CRLF context = %q / %q", before, after)
	}
}

func TestClaimSearch(t *testing.T) {
	e := newEnv(t)
	e.seed()
	c := e.as("viewer")
	var all, found struct {
		Claims []store.ReviewItem `json:"claims"`
		Total  int64              `json:"total"`
	}
	c.get("/api/v1/claims").decode(&all)
	if all.Total < 2 {
		t.Fatalf("%d claims seeded", all.Total)
	}
	// Search for a word of one claim, in another case.
	word := strings.ToUpper(strings.Fields(all.Claims[0].Text)[0])
	c.get("/api/v1/claims?q=" + url.QueryEscape(word)).decode(&found)
	if found.Total == 0 {
		t.Fatalf("q=%s: %d of %d claims", word, found.Total, all.Total)
	}
	for _, cl := range found.Claims {
		if !strings.Contains(strings.ToLower(cl.Text+" "+cl.Speaker), strings.ToLower(word)) {
			t.Errorf("q=%s found claim %d: %q", word, cl.ID, cl.Text)
		}
	}
	c.get("/api/v1/claims?q=" + url.QueryEscape("no claim says this")).decode(&found)
	if found.Total != 0 {
		t.Errorf("a search for absent words found %d claims", found.Total)
	}
	if res := c.get("/api/v1/claims?q=" + strings.Repeat("a", maxClaimQuery+1)); res.status != http.StatusBadRequest {
		t.Errorf("an over-long q = %d", res.status)
	}
	if page := c.get("/review?q=" + url.QueryEscape(word)); page.status != http.StatusOK || !strings.Contains(page.body, `name="q" type="search" maxlength="200" value="`+word+`"`) {
		t.Errorf("review page keeps no search: %d", page.status)
	}
}

// A claim's page and API name the events made from it; the event page
// links back to the claim.
func TestClaimLinksToItsEvents(t *testing.T) {
	e := newEnv(t)
	e.seed()
	c := e.as("viewer")
	var tl timelineResult
	c.get("/api/v1/timeline").decode(&tl)
	var eventID int64
	var claim string
	for _, ev := range tl.Events {
		var detail struct {
			Sources []struct {
				ClaimID *int64 `json:"claim_id"`
			} `json:"sources"`
		}
		c.get("/api/v1/events/" + itoa(ev.ID)).decode(&detail)
		if len(detail.Sources) > 0 && detail.Sources[0].ClaimID != nil {
			eventID, claim = ev.ID, itoa(*detail.Sources[0].ClaimID)
			break
		}
	}
	if claim == "" {
		t.Fatal("no event of the reference article comes from a claim")
	}
	var got struct {
		Events []struct{ ID int64 } `json:"events"`
	}
	c.get("/api/v1/claims/" + claim).decode(&got)
	if !slices.ContainsFunc(got.Events, func(ev struct{ ID int64 }) bool { return ev.ID == eventID }) {
		t.Errorf("claim %s lists events %+v, not event %d", claim, got.Events, eventID)
	}
	if page := c.get("/claims/" + claim).body; !strings.Contains(page, `<a href="/events/`+itoa(eventID)+`">`) {
		t.Errorf("the claim page does not link to event %d", eventID)
	}
	if page := c.get("/events/" + itoa(eventID)).body; !strings.Contains(page, `<a href="/claims/`+claim+`">claim</a>`) {
		t.Errorf("the event page does not link to its claim")
	}
}
