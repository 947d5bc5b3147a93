// Command factline-load puts a running factline server under the load of a
// newsroom: N clients at once, for a bounded time, reading the timeline and
// single events, polling the JSON export as a published graphic does, and
// editing events as editors do (PATCH with the version they read, so a 409
// is an expected outcome, counted apart from errors). It prints requests
// per second, latency percentiles per kind of request and every error by
// kind and status, and exits 1 if there was any error.
//
// It only talks to a server on the loopback interface: it is a test tool,
// not a way to flood someone else's machine.
//
//	factline-load -url http://127.0.0.1:8080 -user load -password ... -seed 10000 -clients 50 -duration 60s
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"time"
)

// config is what a run needs, read from the command line.
type config struct {
	base     *url.URL
	user     string
	password string
	clients  int
	duration time.Duration
	seed     int
	mix      mix
	hot      int
	think    time.Duration
}

func main() {
	cfg, err := parseArgs(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "factline-load:", err)
		os.Exit(2)
	}
	rep, err := run(context.Background(), cfg, os.Stderr)
	if err != nil {
		if rep != nil {
			rep.print(os.Stdout)
		}
		fmt.Fprintln(os.Stderr, "factline-load:", err)
		os.Exit(1)
	}
	rep.print(os.Stdout)
	if rep.errorCount() > 0 {
		os.Exit(1)
	}
}

func parseArgs(args []string, stderr io.Writer) (*config, error) {
	fs := flag.NewFlagSet("factline-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	target := fs.String("url", "http://127.0.0.1:8080", "`base URL` of the factline server; must be on the loopback interface")
	user := fs.String("user", "", "editor `account` every client signs in as (each client gets its own session)")
	password := fs.String("password", os.Getenv("FACTLINE_PASSWORD"), "the account's password (default $FACTLINE_PASSWORD)")
	clients := fs.Int("clients", 50, "concurrent `clients`")
	duration := fs.Duration("duration", 60*time.Second, "how long to run")
	seed := fs.Int("seed", 0, "before the run, add events through the API until the timeline holds at least `n`")
	mixFlag := fs.String("mix", defaultMix.String(), "`weights` of timeline reads, event reads, export polls and edits")
	hot := fs.Int("hot", 100, "edits go to one of the first `n` events, so editors collide and some get 409")
	think := fs.Duration("think", 0, "mean pause of a client between actions (uniform from 0 to twice this); 0 sends back to back")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	base, err := loopbackURL(*target)
	if err != nil {
		return nil, err
	}
	m, err := parseMix(*mixFlag)
	if err != nil {
		return nil, err
	}
	switch {
	case *user == "" || *password == "":
		return nil, errors.New("give -user and -password (or $FACTLINE_PASSWORD) of an editor account")
	case *clients < 1 || *clients > 1000:
		return nil, errors.New("-clients must be 1-1000")
	case *duration <= 0 || *duration > time.Hour:
		return nil, errors.New("-duration must be positive and at most an hour")
	case *seed < 0 || *seed > 1_000_000:
		return nil, errors.New("-seed must be 0-1000000")
	case *hot < 1:
		return nil, errors.New("-hot must be at least 1")
	case *think < 0 || *think > time.Minute:
		return nil, errors.New("-think must be 0-1m")
	}
	return &config{base: base, user: *user, password: *password, clients: *clients, duration: *duration,
		seed: *seed, mix: m, hot: *hot, think: *think}, nil
}

// loopbackURL accepts an http URL whose host is a loopback address or
// localhost, and refuses anything else.
func loopbackURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("-url %q is not an http:// URL", raw)
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); (ip == nil || !ip.IsLoopback()) && host != "localhost" {
		return nil, fmt.Errorf("-url %q is not on the loopback interface (127.0.0.1, ::1 or localhost): refusing to load another machine", raw)
	}
	u.Path, u.RawQuery, u.Fragment = "", "", ""
	return u, nil
}
