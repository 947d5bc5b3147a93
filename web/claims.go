package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
)

// contextSpan is how far around a claim its context may reach when the
// paragraph is longer.
const contextSpan = 600

// paragraphBreak is a blank line, whatever line endings the text uses.
var paragraphBreak = regexp.MustCompile(`\r?\n[ \t\r]*\n`)

// claimContext returns the text of the claim's paragraph before and after
// it (at most contextSpan bytes each way), so a reviewer reads the sentence
// where it stands.
func claimContext(body string, start, end int) (before, after string) {
	if start < 0 || end > len(body) || start > end {
		return "", ""
	}
	lo := max(0, start-contextSpan)
	if m := paragraphBreak.FindAllStringIndex(body[lo:start], -1); m != nil {
		lo += m[len(m)-1][1]
	}
	for lo < start && !utf8.RuneStart(body[lo]) {
		lo++
	}
	hi := min(len(body), end+contextSpan)
	if m := paragraphBreak.FindStringIndex(body[end:hi]); m != nil {
		hi = end + m[0]
	}
	for hi > end && hi < len(body) && !utf8.RuneStart(body[hi]) {
		hi--
	}
	return body[lo:start], body[end:hi]
}

// reviewRow is a claim in the queue with the text around it.
type reviewRow struct {
	store.ReviewItem
	Before, After string
}

type reviewData struct {
	Filter  store.ReviewFilter
	Rows    []reviewRow
	Total   int64
	Page    int
	HasMore bool
	Return  string
}

// maxClaimQuery bounds the words a claims search looks for.
const maxClaimQuery = 200

func reviewFilter(c *gin.Context) (store.ReviewFilter, int, error) {
	f := store.ReviewFilter{Status: c.Query("status"), Speaker: strings.TrimSpace(c.Query("speaker")),
		Query: strings.TrimSpace(c.Query("q")), Limit: 50}
	if len(f.Query) > maxClaimQuery {
		return f, 0, badRequest("q is longer than %d bytes", maxClaimQuery)
	}
	page := 1
	if p := c.Query("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 100000 {
			return f, 0, badRequest("page must be a positive number")
		}
		page = n
	}
	f.Offset = (page - 1) * f.Limit
	return f, page, nil
}

// reviewPage is the claims queue: unverified first, each with its context
// and status buttons (keys 1-5 in review.js).
func (s *Server) reviewPage(c *gin.Context) {
	f, page, err := reviewFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	items, total, err := s.cfg.Store.ReviewQueue(ctx, f)
	if err != nil {
		s.fail(c, err)
		return
	}
	bodies := map[int64]string{}
	rows := make([]reviewRow, len(items))
	for i, it := range items {
		body, ok := bodies[it.ArticleID]
		if !ok {
			a, err := s.cfg.Store.ArticleByID(ctx, it.ArticleID)
			if err != nil {
				s.fail(c, err)
				return
			}
			body, bodies[it.ArticleID] = a.Body, a.Body
		}
		rows[i] = reviewRow{ReviewItem: it}
		rows[i].Before, rows[i].After = claimContext(body, it.Start, it.End)
	}
	s.render(c, http.StatusOK, "review", "Review claims", reviewData{Filter: f, Rows: rows, Total: total, Page: page,
		HasMore: int64(f.Offset+len(rows)) < total, Return: c.Request.URL.RequestURI()})
}

type claimData struct {
	Claim         *store.Claim
	Article       *store.Article
	Before, After string
	Evidence      []store.ClaimEvidence
	// Events are the events the claim is a source of.
	Events  []store.Event
	History []historyEntry
	Message string
}

func (s *Server) claimPage(c *gin.Context) {
	s.renderClaim(c, http.StatusOK, "")
}

func (s *Server) renderClaim(c *gin.Context, status int, message string) {
	id, err := parseID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	cl, err := s.cfg.Store.ClaimByID(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	a, err := s.cfg.Store.ArticleByID(ctx, cl.ArticleID)
	if err != nil {
		s.fail(c, err)
		return
	}
	ev, err := s.cfg.Store.Evidence(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	hist, err := s.history(c, store.EntityClaim, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	events, err := s.cfg.Store.EventsOfClaim(ctx, id)
	if err != nil {
		s.fail(c, err)
		return
	}
	d := claimData{Claim: cl, Article: a, Evidence: ev, Events: events, History: hist, Message: message}
	d.Before, d.After = claimContext(a.Body, cl.Start, cl.End)
	s.render(c, status, "claim", "Claim #"+strconv.FormatInt(id, 10), d)
}

func (s *Server) setClaimStatus(c *gin.Context) {
	t, err := formTarget(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	_, err = s.cfg.Store.SetClaimStatus(c.Request.Context(), t.ID, t.Version, c.PostForm("status"), c.PostForm("rationale"), who(c).userID())
	if s.editFailed(c, err, s.renderClaim, apperr.Conflict, apperr.Invalid) {
		return
	}
	s.redirectFlash(c, backTo(c, "/claims/"+c.Param("id")), "Status set to "+c.PostForm("status")+".")
}

func (s *Server) addEvidence(c *gin.Context) {
	id, err := parseID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	_, err = s.cfg.Store.AddEvidence(c.Request.Context(), id, c.PostForm("note"), c.PostForm("url"), who(c).userID())
	if s.editFailed(c, err, s.renderClaim, apperr.Invalid) {
		return
	}
	s.redirectFlash(c, backTo(c, "/claims/"+c.Param("id")), "Evidence added.")
}

func (s *Server) apiClaims(c *gin.Context) {
	f, _, err := reviewFilter(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	if a := c.Query("article"); a != "" {
		if f.ArticleID, err = strconv.ParseInt(a, 10, 64); err != nil {
			s.fail(c, badRequest("article must be an article number, not %q", a))
			return
		}
	}
	items, total, err := s.cfg.Store.ReviewQueue(c.Request.Context(), f)
	s.reply(c, http.StatusOK, gin.H{"claims": items, "total": total}, err)
}

func (s *Server) apiClaim(c *gin.Context) {
	id, err := parseID(c, "id")
	if err != nil {
		s.fail(c, err)
		return
	}
	cl, err := s.cfg.Store.ClaimByID(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	ev, err := s.cfg.Store.Evidence(c.Request.Context(), id)
	if err != nil {
		s.fail(c, err)
		return
	}
	events, err := s.cfg.Store.EventsOfClaim(c.Request.Context(), id)
	s.reply(c, http.StatusOK, gin.H{"claim": cl, "evidence": ev, "events": events}, err)
}

func (s *Server) apiSetClaimStatus(c *gin.Context) {
	var body struct {
		Version *int   `json:"version"`
		Status  string `json:"status"`
		// Rationale says why; a verdict of false or disputed needs one.
		Rationale string `json:"rationale"`
	}
	id, err := idAndJSON(c, &body)
	if err == nil {
		err = requireVersion(body.Version)
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	cl, err := s.cfg.Store.SetClaimStatus(ctx, id, *body.Version, body.Status, body.Rationale, who(c).userID())
	s.replyEdit(c, cl, err, func() (any, error) { return s.cfg.Store.ClaimByID(ctx, id) })
}

func (s *Server) apiAddEvidence(c *gin.Context) {
	var body struct {
		Note string `json:"note"`
		URL  string `json:"url"`
	}
	id, err := idAndJSON(c, &body)
	if err != nil {
		s.fail(c, err)
		return
	}
	ev, err := s.cfg.Store.AddEvidence(c.Request.Context(), id, body.Note, body.URL, who(c).userID())
	s.reply(c, http.StatusCreated, ev, err)
}
