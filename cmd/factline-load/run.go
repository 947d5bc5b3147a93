package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Kinds of request the clients make.
const (
	kindTimeline = "timeline"
	kindEvent    = "event"
	kindExport   = "export"
	kindEdit     = "edit"
)

var kinds = []string{kindTimeline, kindEvent, kindExport, kindEdit}

// mix weighs the kinds of work a client picks from, in the order of kinds.
type mix [4]int

// defaultMix is mostly reading, as in a newsroom: analysts browse the
// timeline and open events, graphics poll the export, editors edit.
var defaultMix = mix{45, 35, 1, 19}

func (m mix) String() string {
	parts := make([]string, len(m))
	for i, w := range m {
		parts[i] = strconv.Itoa(w)
	}
	return strings.Join(parts, ",")
}

func parseMix(s string) (mix, error) {
	var m mix
	parts := strings.Split(s, ",")
	if len(parts) != len(m) {
		return m, fmt.Errorf("-mix %q: give %d weights for %s", s, len(m), strings.Join(kinds, ", "))
	}
	total := 0
	for i, p := range parts {
		w, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || w < 0 {
			return m, fmt.Errorf("-mix %q: weights are whole numbers from 0", s)
		}
		m[i], total = w, total+w
	}
	if total == 0 {
		return m, fmt.Errorf("-mix %q: some weight must be positive", s)
	}
	return m, nil
}

// pick chooses a kind by weight.
func (m mix) pick(r *rand.Rand) string {
	total := 0
	for _, w := range m {
		total += w
	}
	n := r.IntN(total)
	for i, w := range m {
		if n < w {
			return kinds[i]
		}
		n -= w
	}
	return kinds[len(kinds)-1]
}

// run signs the clients in, seeds the timeline if asked, and drives the
// load until the duration is over. Requests in flight when it ends are
// allowed to finish, so the end of the run is not counted as errors.
func run(ctx context.Context, cfg *config, log io.Writer) (*report, error) {
	transport := &http.Transport{MaxIdleConns: cfg.clients * 2, MaxIdleConnsPerHost: cfg.clients * 2, IdleConnTimeout: time.Minute}
	defer transport.CloseIdleConnections()
	clients := make([]*client, cfg.clients)
	for i := range clients {
		c, err := signIn(ctx, cfg.base, transport, cfg.user, cfg.password)
		if err != nil {
			return nil, err
		}
		clients[i] = c
	}
	fmt.Fprintf(log, "factline-load: %d clients signed in as %s\n", len(clients), cfg.user)
	total, err := seed(ctx, clients, cfg.seed, log)
	if err != nil {
		return nil, err
	}
	ids, err := eventIDs(ctx, clients[0])
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 && (cfg.mix[1] > 0 || cfg.mix[3] > 0) {
		return nil, errors.New("the timeline is empty: give -seed N to add events, or a -mix without event reads and edits")
	}
	exportOK, err := hasExport(ctx, clients[0])
	if err != nil {
		return nil, err
	}
	m := cfg.mix
	if !exportOK && m[2] > 0 {
		fmt.Fprintln(log, "factline-load: this server has no /api/v1/export; export polls are left out of the mix")
		m[2] = 0
	}
	fmt.Fprintf(log, "factline-load: %d events on the timeline; running %s with mix %s (%s)\n", total, cfg.duration, m, strings.Join(kinds, ","))
	rep := &report{clients: cfg.clients, events: total, target: cfg.base.String(), mix: m}
	hot := ids[:min(cfg.hot, len(ids))]
	start := time.Now()
	deadline := start.Add(cfg.duration)
	recs := make([]*recorder, len(clients))
	h := &health{lastAnswer: start}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	var wg sync.WaitGroup
	for i, c := range clients {
		recs[i] = newRecorder()
		w := &worker{c: c, rec: recs[i], ids: ids, hot: hot, mix: m, rng: rand.New(rand.NewPCG(uint64(i), uint64(start.UnixNano()))), name: i, health: h}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for runCtx.Err() == nil && time.Now().Before(deadline) {
				w.step(runCtx)
				if h.gone() {
					stop()
					return
				}
				pause := w.backoff()
				if pause == 0 && cfg.think > 0 {
					pause = time.Duration(w.rng.Int64N(int64(2 * cfg.think)))
				}
				sleep(runCtx, pause)
			}
		}()
	}
	wg.Wait()
	rep.elapsed = time.Since(start)
	for _, r := range recs {
		rep.add(r)
	}
	if h.gone() {
		return rep, fmt.Errorf("the server at %s stopped answering: nothing for %s, %d requests unanswered; stopping", cfg.base, maxOutage, h.unanswered())
	}
	return rep, nil
}

// A client whose requests get no answer at all (refused, reset, timed
// out) waits before its next one, firstBackoff doubling up to maxBackoff;
// when no client has had an answer for maxOutage the run stops, so a
// server that is gone is not sent a flood of refused requests.
const (
	firstBackoff = 10 * time.Millisecond
	maxBackoff   = time.Second
	maxOutage    = 5 * time.Second
)

// health tells whether the server still answers. Any answer, an error
// status included, is an answer.
type health struct {
	mu         sync.Mutex
	lastAnswer time.Time
	failing    bool
	missed     int
}

func (h *health) observe(err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err == nil {
		h.lastAnswer, h.failing = time.Now(), false
		return
	}
	h.failing = true
	h.missed++
}

// gone reports whether the requests since the last answer, maxOutage ago
// or more, all went unanswered.
func (h *health) gone() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.failing && time.Since(h.lastAnswer) >= maxOutage
}

func (h *health) unanswered() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.missed
}

// sleep waits d or until ctx ends.
func sleep(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// seed adds events through the API, all clients at once, until the
// timeline holds at least n, and returns how many it holds.
func seed(ctx context.Context, clients []*client, n int, log io.Writer) (int, error) {
	var tl struct {
		Total int `json:"total"`
	}
	if res, err := clients[0].getJSON(ctx, "/api/v1/timeline?limit=1", &tl); err != nil {
		return 0, err
	} else if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET /api/v1/timeline = %d", res.StatusCode)
	}
	missing := n - tl.Total
	if missing <= 0 {
		return tl.Total, nil
	}
	fmt.Fprintf(log, "factline-load: adding %d events to the %d on the timeline\n", missing, tl.Total)
	jobs := make(chan int)
	errs := make(chan error, len(clients))
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				res, err := c.sendJSON(ctx, "POST", "/api/v1/events", seedEvent(tl.Total+i), nil)
				if err == nil && res.StatusCode != http.StatusCreated {
					err = fmt.Errorf("POST /api/v1/events = %d", res.StatusCode)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	var err error
feed:
	for i := range missing {
		select {
		case jobs <- i:
		case err = <-errs:
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	close(errs)
	if err == nil {
		err = <-errs
	}
	return n, err
}

// seedEvent is the i-th made-up event: dates spread over 25 years at day,
// month or year precision, a few tags, some with a description.
func seedEvent(i int) map[string]any {
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (i*37)%9125)
	value := day.Format("2006-01-02")
	switch i % 10 {
	case 7:
		value = day.Format("2006-01")
	case 9:
		value = day.Format("2006")
	}
	ev := map[string]any{"headline": fmt.Sprintf("Load event %d", i), "value": value,
		"tags": []string{"load", fmt.Sprintf("desk-%d", i%20)}}
	if i%3 == 0 {
		ev["description"] = fmt.Sprintf("Seeded by factline-load for a run with many events (%d).", i)
	}
	return ev
}

// eventIDs lists events to read and edit: the first ones on the timeline.
func eventIDs(ctx context.Context, c *client) ([]int64, error) {
	var tl struct {
		Events []struct {
			ID int64 `json:"id"`
		} `json:"events"`
	}
	res, err := c.getJSON(ctx, "/api/v1/timeline?limit=5000", &tl)
	if err != nil {
		return nil, err
	}
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET /api/v1/timeline = %d", res.StatusCode)
	}
	ids := make([]int64, len(tl.Events))
	for i, e := range tl.Events {
		ids[i] = e.ID
	}
	return ids, nil
}

// hasExport tells whether the server offers the JSON export.
func hasExport(ctx context.Context, c *client) (bool, error) {
	res, _, err := c.do(ctx, "HEAD", "/api/v1/export?format=json", nil, "", nil)
	if err != nil {
		return false, err
	}
	return res.StatusCode != http.StatusNotFound, nil
}

// worker is one client's loop of picking and doing work.
type worker struct {
	c    *client
	rec  *recorder
	ids  []int64
	hot  []int64
	mix  mix
	rng  *rand.Rand
	name int
	n    int
	// etag is the last export this client saw, sent back as a graphic
	// polling for changes would.
	etag string
	// health is shared by all clients; fails counts this client's
	// unanswered requests in a row.
	health *health
	fails  int
}

// record records a request and whether it was answered.
func (w *worker) record(kind string, d time.Duration, res *http.Response, err error) {
	w.rec.record(kind, d, res, err)
	if errors.Is(err, context.Canceled) {
		return // the run ended, not the server
	}
	if w.health != nil {
		w.health.observe(err)
	}
	if err != nil {
		w.fails++
	} else {
		w.fails = 0
	}
}

// backoff is how long the client waits after unanswered requests.
func (w *worker) backoff() time.Duration {
	if w.fails == 0 {
		return 0
	}
	d := firstBackoff
	for i := 1; i < w.fails && d < maxBackoff; i++ {
		d *= 2
	}
	return min(d, maxBackoff)
}

// step does one piece of work and records every request it made.
func (w *worker) step(ctx context.Context) {
	w.n++
	switch w.mix.pick(w.rng) {
	case kindTimeline:
		// A year, a quarter or a month of the timeline, as the zoomable
		// view asks for them.
		y := 2000 + w.rng.IntN(25)
		window := [...]string{strconv.Itoa(y), fmt.Sprintf("%d-Q%d", y, 1+w.rng.IntN(4)), fmt.Sprintf("%d-%02d", y, 1+w.rng.IntN(12))}[w.rng.IntN(3)]
		w.timed(ctx, kindTimeline, "GET", "/api/v1/timeline?from="+window+"&to="+window, nil, nil)
	case kindEvent:
		w.timed(ctx, kindEvent, "GET", "/api/v1/events/"+strconv.FormatInt(w.ids[w.rng.IntN(len(w.ids))], 10), nil, nil)
	case kindExport:
		h := http.Header{}
		if w.etag != "" {
			h.Set("If-None-Match", w.etag)
		}
		// The events the load adds are proposed, as every new event is:
		// include=proposed exports them all, so an export poll reads the
		// timeline a newsroom that approved it would publish.
		if res := w.timed(ctx, kindExport, "GET", "/api/v1/export?format=json&include=proposed", nil, h); res != nil && res.Header.Get("ETag") != "" {
			w.etag = res.Header.Get("ETag")
		}
	case kindEdit:
		w.edit(ctx)
	}
}

// edit reads a hot event and changes its headline on the version read.
func (w *worker) edit(ctx context.Context) {
	id := strconv.FormatInt(w.hot[w.rng.IntN(len(w.hot))], 10)
	var ev struct {
		Version int `json:"version"`
	}
	start := time.Now()
	res, err := w.c.getJSON(ctx, "/api/v1/events/"+id, &ev)
	w.record(kindEvent, time.Since(start), res, err)
	if err != nil || res.StatusCode != http.StatusOK {
		return
	}
	body := map[string]any{"version": ev.Version, "headline": fmt.Sprintf("Edited by load client %d (%d)", w.name, w.n)}
	start = time.Now()
	res, err = w.c.sendJSON(ctx, "PATCH", "/api/v1/events/"+id, body, nil)
	w.record(kindEdit, time.Since(start), res, err)
}

// timed sends a request and records how long the whole answer took.
func (w *worker) timed(ctx context.Context, kind, method, path string, body io.Reader, h http.Header) *http.Response {
	start := time.Now()
	res, _, err := w.c.do(ctx, method, path, body, "", h)
	w.record(kind, time.Since(start), res, err)
	return res
}
