package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// recorder is one client's tally; each client has its own, so recording
// takes no lock, and the report adds them up at the end.
type recorder struct {
	latency   map[string][]time.Duration
	errors    map[string]int
	conflicts int
}

func newRecorder() *recorder {
	return &recorder{latency: map[string][]time.Duration{}, errors: map[string]int{}}
}

// record files one answer. A 409 to an edit is an editor losing a race,
// which the server is meant to answer that way: counted, not an error.
// Any 5xx, any other 4xx and any transport failure is an error.
func (r *recorder) record(kind string, d time.Duration, res *http.Response, err error) {
	r.latency[kind] = append(r.latency[kind], d)
	switch {
	case err != nil:
		r.errors[kind+": "+errorKind(err)]++
	case res.StatusCode == http.StatusConflict && kind == kindEdit:
		r.conflicts++
	case res.StatusCode >= 400:
		r.errors[fmt.Sprintf("%s: HTTP %d", kind, res.StatusCode)]++
	}
}

// errorKind names a transport failure without the parts (addresses, ports)
// that would make every occurrence its own line.
func errorKind(err error) string {
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	case strings.Contains(err.Error(), "connection refused"):
		return "connection refused"
	case strings.Contains(err.Error(), "connection reset"):
		return "connection reset"
	case strings.Contains(err.Error(), "Client.Timeout"):
		return "timeout"
	}
	return err.Error()
}

// report is the outcome of a run.
type report struct {
	target    string
	clients   int
	events    int
	mix       mix
	elapsed   time.Duration
	latency   map[string][]time.Duration
	errors    map[string]int
	conflicts int
}

func (rep *report) add(r *recorder) {
	if rep.latency == nil {
		rep.latency, rep.errors = map[string][]time.Duration{}, map[string]int{}
	}
	for k, ds := range r.latency {
		rep.latency[k] = append(rep.latency[k], ds...)
	}
	for k, n := range r.errors {
		rep.errors[k] += n
	}
	rep.conflicts += r.conflicts
}

func (rep *report) errorCount() int {
	n := 0
	for _, v := range rep.errors {
		n += v
	}
	return n
}

// print writes the figures: one line per kind of request and one for all,
// then conflicts and errors.
func (rep *report) print(w io.Writer) {
	var all []time.Duration
	for _, ds := range rep.latency {
		all = append(all, ds...)
	}
	fmt.Fprintf(w, "factline-load: %d clients for %s against %s, %d events, mix %s (%s)\n",
		rep.clients, rep.elapsed.Round(time.Millisecond), rep.target, rep.events, rep.mix, strings.Join(kinds, ","))
	fmt.Fprintf(w, "requests: %d, %.1f/s\n\n", len(all), float64(len(all))/rep.elapsed.Seconds())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kind\trequests\tp50\tp95\tp99\tmax\terrors\t")
	for _, k := range append(slices.Clone(kinds), "all") {
		ds := rep.latency[k]
		if k == "all" {
			ds = all
		}
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		errs := 0
		for e, n := range rep.errors {
			if k == "all" || strings.HasPrefix(e, k+":") {
				errs += n
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%d\t\n", k, len(ds), ms(percentile(ds, 50)), ms(percentile(ds, 95)),
			ms(percentile(ds, 99)), ms(ds[len(ds)-1]), errs)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nedits refused with 409 (another editor saved first; expected): %d\n", rep.conflicts)
	if len(rep.errors) == 0 {
		fmt.Fprintln(w, "errors: 0")
		return
	}
	fmt.Fprintf(w, "errors: %d\n", rep.errorCount())
	for _, k := range slices.Sorted(maps.Keys(rep.errors)) {
		fmt.Fprintf(w, "  %6d  %s\n", rep.errors[k], k)
	}
}

// percentile is the nearest-rank percentile of sorted durations.
func percentile(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	return sorted[max(0, min(i, len(sorted))-1)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }
