package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

// Size of the concurrent-editing test: enough editors to keep every
// database connection busy and queue writers on the same rows, few enough
// rounds that the race-detector run stays short.
const (
	concurrentEditors = 50
	editorRounds      = 6
)

// editor is a signed-in person (of any role) driving the API. Its methods
// are safe to call from its own goroutine: they return errors instead of
// failing the test.
type editor struct {
	id   int64
	name string
	base string
	hc   *http.Client
	csrf string
}

// newEditors signs n editors in. Their accounts share the password hash of
// the seeded editor, so that n bcrypt rounds do not dominate the
// race-detector run.
func newEditors(t *testing.T, e *env, n int) []*editor {
	t.Helper()
	var hash string
	if err := e.store.DB().Model(&store.User{}).Where("username = ?", store.RoleEditor).Pluck("password_hash", &hash).Error; err != nil {
		t.Fatal(err)
	}
	out := make([]*editor, n)
	for i := range out {
		now := time.Now().UTC()
		u := &store.User{Username: fmt.Sprintf("editor%02d", i), PasswordHash: hash, Role: store.RoleEditor, CreatedAt: now, UpdatedAt: now}
		if err := e.store.DB().Create(u).Error; err != nil {
			t.Fatal(err)
		}
		out[i] = signIn(t, e, u)
	}
	return out
}

// signIn starts a new session for u. The store makes the session, as login
// would, without a bcrypt round; the cookie and the CSRF token the API hands
// out are then used exactly as a browser uses them.
func signIn(t *testing.T, e *env, u *store.User) *editor {
	t.Helper()
	token, sess, err := e.store.CreateSession(context.Background(), u.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse(e.http.URL)
	jar, _ := cookiejar.New(nil)
	jar.SetCookies(base, []*http.Cookie{{Name: sessionCookie, Value: token}})
	ed := &editor{id: u.ID, name: u.Username, base: e.http.URL, hc: &http.Client{Jar: jar, Timeout: time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
	var me struct {
		CSRF string `json:"csrf_token"`
	}
	if status, err := ed.call("GET", "/api/v1/me", nil, &me); err != nil || status != http.StatusOK || me.CSRF != sess.CSRFToken {
		t.Fatalf("%s: /api/v1/me = %d, %v, csrf %q", ed.name, status, err, me.CSRF)
	}
	ed.csrf = me.CSRF
	return ed
}

// send makes one request; writes carry the CSRF header when the editor
// has a session.
func (ed *editor) send(method, path string, body io.Reader, contentType string) (*http.Response, []byte, error) {
	req, err := http.NewRequest(method, ed.base+path, body)
	if err != nil {
		return nil, nil, err
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if ed.csrf != "" && !isSafeMethod(method) {
		req.Header.Set(csrfHeader, ed.csrf)
	}
	res, err := ed.hc.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res, b, err
}

// call sends a JSON request and decodes a 2xx answer into out. A 409 body
// is decoded into out too when out is a *conflictBody.
func (ed *editor) call(method, path string, body, out any) (int, error) {
	var r io.Reader
	ctype := ""
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, err
		}
		r, ctype = bytes.NewReader(b), "application/json"
	}
	res, b, err := ed.send(method, path, r, ctype)
	if err != nil {
		return 0, err
	}
	_, isConflict := out.(*conflictBody)
	if out != nil && (res.StatusCode/100 == 2 || (res.StatusCode == http.StatusConflict && isConflict)) {
		if err := json.Unmarshal(b, out); err != nil {
			return res.StatusCode, fmt.Errorf("%s %s: decode %.200s: %w", method, path, b, err)
		}
	}
	if res.StatusCode >= 500 {
		return res.StatusCode, fmt.Errorf("%s %s = %d: %.300s", method, path, res.StatusCode, b)
	}
	return res.StatusCode, nil
}

// conflictBody is the API's 409 answer: the error and the record as it is.
type conflictBody struct {
	Error   apiError        `json:"error"`
	Current json.RawMessage `json:"current"`
}

// write is one edit the server accepted: the version it produced and the
// value it set (a headline or a claim status).
type write struct {
	entity  string
	id      int64
	version int
	value   string
	user    int64
}

// outcome collects what every editor saw.
type outcome struct {
	mu       sync.Mutex
	accepted []write
	// conflicts counts 409s to racing edits; staleRefused counts deliberate
	// stale edits that were refused.
	conflicts, staleRefused int
	errs                    []error
}

func (o *outcome) add(w write)   { o.mu.Lock(); o.accepted = append(o.accepted, w); o.mu.Unlock() }
func (o *outcome) conflict()     { o.mu.Lock(); o.conflicts++; o.mu.Unlock() }
func (o *outcome) refusedStale() { o.mu.Lock(); o.staleRefused++; o.mu.Unlock() }
func (o *outcome) fail(format string, args ...any) {
	o.mu.Lock()
	o.errs = append(o.errs, fmt.Errorf(format, args...))
	o.mu.Unlock()
}

// TestConcurrentEditorsLoseNoEdit drives 50 editors through the JSON API at
// once, on every database. They edit two shared events and two shared
// claims (so they race on the same rows) and one event each of their own
// (so writes to different rows run side by side), and each also sends an
// edit on a version it knows is stale. Afterwards every accepted write must
// be in the revision log exactly once, by its author, with the version the
// server answered; the final state must be the last accepted write; every
// refused write must have been a 409; and nothing may answer 5xx (a
// "database is locked" or a deadlock would).
func TestConcurrentEditorsLoseNoEdit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnvOn(t, st)
		e.seed()
		var tl timelineResult
		e.as("viewer").get("/api/v1/timeline").decode(&tl)
		var cl struct {
			Claims []store.ReviewItem `json:"claims"`
		}
		e.as("viewer").get("/api/v1/claims").decode(&cl)
		if len(tl.Events) < 2 || len(cl.Claims) < 2 {
			t.Fatalf("the reference article gave %d events and %d claims, want at least 2 of each", len(tl.Events), len(cl.Claims))
		}
		sharedEvents := []int64{tl.Events[0].ID, tl.Events[1].ID}
		sharedClaims := []int64{cl.Claims[0].ID, cl.Claims[1].ID}
		editors := newEditors(t, e, concurrentEditors)

		var out outcome
		own := make([]int64, len(editors))
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, ed := range editors {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var ev store.EventDetail
				if status, err := ed.call("POST", "/api/v1/events", map[string]any{"headline": ed.name + " own", "value": "2020-01-01"}, &ev); err != nil || status != http.StatusCreated {
					out.fail("%s: create own event = %d, %v", ed.name, status, err)
					return
				}
				own[i] = ev.ID
				<-start
				for r := range editorRounds {
					switch (i + r) % 3 {
					case 0:
						editEvent(ed, sharedEvents[(i+r)%2], fmt.Sprintf("%s round %d", ed.name, r), &out)
					case 1:
						editClaim(ed, sharedClaims[(i+r)%2], claimStatuses()[(i+r)%len(claimStatuses())], &out)
					case 2:
						editEvent(ed, ev.ID, fmt.Sprintf("%s own round %d", ed.name, r), &out)
					}
				}
				// A stale edit: version 1 of a shared event is long gone.
				var cb conflictBody
				status, err := ed.call("PATCH", "/api/v1/events/"+itoa(sharedEvents[i%2]), map[string]any{"version": 1, "headline": ed.name + " stale"}, &cb)
				switch {
				case err != nil:
					out.fail("%s: stale edit: %v", ed.name, err)
				case status != http.StatusConflict || cb.Error.Code != string(apperr.Conflict) || len(cb.Current) == 0:
					out.fail("%s: stale edit = %d %+v, want 409 with the current event", ed.name, status, cb.Error)
				default:
					out.refusedStale()
				}
			}()
		}
		close(start)
		done := make(chan struct{})
		go func() { wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Minute):
			t.Fatal("editors still waiting after 5 minutes: deadlock")
		}
		for _, err := range out.errs {
			t.Error(err)
		}
		if t.Failed() {
			return
		}
		checkNoLostWrites(t, st, &out, sharedEvents, sharedClaims, own)
		t.Logf("%d edits accepted, %d refused as conflicts, %d stale edits refused", len(out.accepted), out.conflicts, out.staleRefused)
	})
}

// editEvent reads an event and changes its headline on the version read.
func editEvent(ed *editor, id int64, headline string, out *outcome) {
	var ev store.EventDetail
	if status, err := ed.call("GET", "/api/v1/events/"+itoa(id), nil, &ev); err != nil || status != http.StatusOK {
		out.fail("%s: GET event %d = %d, %v", ed.name, id, status, err)
		return
	}
	var after store.EventDetail
	status, err := ed.call("PATCH", "/api/v1/events/"+itoa(id), map[string]any{"version": ev.Version, "headline": headline}, &after)
	record(ed, status, err, write{entity: store.EntityEvent, id: id, version: after.Version, value: after.Headline, user: ed.id}, headline, out)
}

// editClaim reads a claim and sets its status on the version read.
func editClaim(ed *editor, id int64, status string, out *outcome) {
	var cur struct {
		Claim store.Claim `json:"claim"`
	}
	if code, err := ed.call("GET", "/api/v1/claims/"+itoa(id), nil, &cur); err != nil || code != http.StatusOK {
		out.fail("%s: GET claim %d = %d, %v", ed.name, id, code, err)
		return
	}
	var after store.Claim
	code, err := ed.call("PATCH", "/api/v1/claims/"+itoa(id), map[string]any{"version": cur.Claim.Version, "status": status, "rationale": "checked by " + ed.name}, &after)
	record(ed, code, err, write{entity: store.EntityClaim, id: id, version: after.Version, value: after.Status, user: ed.id}, status, out)
}

// record files the answer to one edit: accepted with the value asked for,
// refused as a conflict, or anything else, which is an error.
func record(ed *editor, status int, err error, w write, asked string, out *outcome) {
	switch {
	case err != nil:
		out.fail("%s: edit %s %d: %v", ed.name, w.entity, w.id, err)
	case status == http.StatusOK && w.value == asked:
		out.add(w)
	case status == http.StatusConflict:
		out.conflict()
	default:
		out.fail("%s: edit %s %d = %d (answered %q, asked %q)", ed.name, w.entity, w.id, status, w.value, asked)
	}
}

// checkNoLostWrites compares what the editors were told with the revision
// log and the final rows.
func checkNoLostWrites(t *testing.T, st *store.Store, out *outcome, sharedEvents, sharedClaims, own []int64) {
	t.Helper()
	ctx := context.Background()
	type key struct {
		entity string
		id     int64
	}
	byEntity := map[key][]write{}
	for _, w := range out.accepted {
		k := key{w.entity, w.id}
		byEntity[k] = append(byEntity[k], w)
	}
	check := func(entity string, id int64, action string, field func(json.RawMessage) (int, string)) {
		k := key{entity, id}
		ws := byEntity[k]
		revs, err := st.Revisions(ctx, entity, id)
		if err != nil {
			t.Fatal(err)
		}
		logged := map[int]store.Revision{}
		for _, r := range revs {
			if r.Action != action {
				continue
			}
			v, _ := field(json.RawMessage(r.After))
			if _, dup := logged[v]; dup {
				t.Errorf("%s %d: two revisions produced version %d", entity, id, v)
			}
			logged[v] = r
		}
		if len(logged) != len(ws) {
			t.Errorf("%s %d: %d accepted writes but %d %q revisions", entity, id, len(ws), len(logged), action)
		}
		last := write{version: -1}
		for _, w := range ws {
			r, ok := logged[w.version]
			_, value := field(json.RawMessage(r.After))
			var by int64
			if r.UserID != nil {
				by = *r.UserID
			}
			switch {
			case !ok:
				t.Errorf("%s %d: accepted write of version %d (%q) is not in the revision log", entity, id, w.version, w.value)
			case value != w.value || by != w.user:
				t.Errorf("%s %d version %d: log has %q by user %d, the server accepted %q by user %d", entity, id, w.version, value, by, w.value, w.user)
			}
			if w.version > last.version {
				last = w
			}
		}
		if len(ws) == 0 {
			return
		}
		var now json.RawMessage
		switch entity {
		case store.EntityEvent:
			ev, err := st.EventByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			now, _ = json.Marshal(ev.Event)
		default:
			c, err := st.ClaimByID(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			now, _ = json.Marshal(c)
		}
		if v, value := field(now); v != last.version || value != last.value {
			t.Errorf("%s %d is at version %d %q; the last accepted write was version %d %q", entity, id, v, value, last.version, last.value)
		}
	}
	eventField := func(raw json.RawMessage) (int, string) {
		var ev store.Event
		json.Unmarshal(raw, &ev)
		return ev.Version, ev.Headline
	}
	claimField := func(raw json.RawMessage) (int, string) {
		var c store.Claim
		json.Unmarshal(raw, &c)
		return c.Version, c.Status
	}
	for _, id := range append(append([]int64{}, sharedEvents...), own...) {
		check(store.EntityEvent, id, store.ActionUpdate, eventField)
	}
	for _, id := range sharedClaims {
		check(store.EntityClaim, id, store.ActionStatus, claimField)
	}
	// An editor's own event has one writer: every edit of it must land.
	for i, id := range own {
		if n := len(byEntity[key{store.EntityEvent, id}]); n != ownRounds(i) {
			t.Errorf("editor %d: %d of %d edits of their own event accepted", i, n, ownRounds(i))
		}
	}
	if len(out.accepted) == 0 || out.staleRefused != len(own) {
		t.Errorf("%d writes accepted, %d of %d stale edits refused", len(out.accepted), out.staleRefused, len(own))
	}
}

// ownRounds is how many rounds editor i spends on its own event.
func ownRounds(i int) int {
	n := 0
	for r := range editorRounds {
		if (i+r)%3 == 2 {
			n++
		}
	}
	return n
}
