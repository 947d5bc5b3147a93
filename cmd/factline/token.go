package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/factline/factline/claims/store"
)

func init() {
	register(command{name: "token", summary: "manage read-only API tokens: token create|list|revoke", run: runToken})
}

func runToken(env *cliEnv, args []string) error {
	fs := newFlags(env, "token", "create --name NAME [--expires 90d] | list | revoke ID|NAME")
	db := dbFlag(fs)
	name := fs.String("name", "", "for token create: a `name` saying who uses the token, e.g. graphics")
	expires := fs.String("expires", "never", "for token create: lifetime such as 90d, 12h or never")
	if len(args) == 0 {
		return usagef("missing action: create, list or revoke")
	}
	action, rest := args[0], args[1:]
	if action == "-h" || action == "--help" {
		return parseFlags(fs, args)
	}
	operands, err := parseInterspersed(fs, rest)
	if err != nil {
		return err
	}
	var ttl time.Duration
	switch action {
	case "create":
		if *name == "" || len(operands) != 0 {
			return usagef("token create needs --name and no other argument")
		}
		if ttl, err = parseLifetime(*expires); err != nil {
			return usagef("--expires: %v", err)
		}
	case "list":
		if len(operands) != 0 {
			return usagef("token list takes no argument")
		}
	case "revoke":
		if len(operands) != 1 {
			return usagef("token revoke needs exactly one ID or NAME")
		}
	default:
		return usagef("unknown action %q: create, list or revoke", action)
	}
	ctx := context.Background()
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	switch action {
	case "create":
		t, raw, err := s.CreateToken(ctx, *name, ttl, nil)
		if err != nil {
			return err
		}
		// The token alone goes to stdout so scripts can capture it; the
		// advice goes to stderr.
		fmt.Fprintln(env.stdout, raw)
		fmt.Fprintf(env.stderr, "created read-only token #%d %q (%s); it is shown only this once.\nSend it as: Authorization: Bearer <token>\n",
			t.ID, t.Name, timeOr(t.ExpiresAt, "never expires"))
	case "revoke":
		t, err := s.RevokeToken(ctx, operands[0])
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "token #%d %q revoked\n", t.ID, t.Name)
	case "list":
		ts, err := s.Tokens(ctx)
		if err != nil {
			return err
		}
		now := s.Now()
		tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tSCOPE\tSTATE\tCREATED\tEXPIRES\tLAST USED")
		for _, t := range ts {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, t.Name, t.Scope, tokenState(&t, now),
				t.CreatedAt.Format("2006-01-02"), timeOr(t.ExpiresAt, "never"), timeOr(t.LastUsedAt, "never"))
		}
		return tw.Flush()
	}
	return nil
}

// parseInterspersed parses flags that may come before or after the
// operands ("token revoke graphics --db x.db"), which the flag package alone
// stops at, and returns the operands.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var operands []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return operands, nil
		}
		operands = append(operands, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// parseLifetime reads "90d", "2w", a Go duration such as "12h", or "never"
// (0). Days and weeks are accepted because token lifetimes are planned in
// days, which time.ParseDuration does not know.
func parseLifetime(s string) (time.Duration, error) {
	if s == "never" || s == "" {
		return 0, nil
	}
	for suffix, unit := range map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			v, err := strconv.Atoi(n)
			if err != nil || v <= 0 {
				return 0, fmt.Errorf("%q: want a positive whole number before %q", s, suffix)
			}
			return time.Duration(v) * unit, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a lifetime such as 90d, 12h or never", s)
	}
	return d, nil
}

func tokenState(t *store.APIToken, now time.Time) string {
	switch {
	case t.RevokedAt != nil:
		return "revoked"
	case !t.Active(now):
		return "expired"
	}
	return "active"
}

// timeOr formats an optional time, or says none when it is unset.
func timeOr(t *time.Time, none string) string {
	if t == nil {
		return none
	}
	return t.Format("2006-01-02 15:04 MST")
}
