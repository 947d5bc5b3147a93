package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/factline/factline/claims/store"
)

func init() {
	register(command{name: "user", summary: "manage accounts: user add|passwd|list|disable|enable", run: runUser})
}

func runUser(env *cliEnv, args []string) error {
	fs := newFlags(env, "user", "add|passwd|list|disable|enable [--role admin|editor|viewer] [--password-stdin] [NAME]")
	db := dbFlag(fs)
	role := fs.String("role", store.RoleEditor, "role for user add: admin, editor or viewer")
	pwStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input instead of $FACTLINE_PASSWORD")
	if len(args) == 0 {
		return usagef("missing action: add, passwd, list, disable or enable")
	}
	action, rest := args[0], args[1:]
	if action == "-h" || action == "--help" {
		return parseFlags(fs, args)
	}
	if err := parseFlags(fs, rest); err != nil {
		return err
	}
	ctx := context.Background()
	needName := action != "list"
	if needName && fs.NArg() != 1 {
		return usagef("user %s needs exactly one NAME", action)
	}
	if !needName && fs.NArg() != 0 {
		return usagef("user list takes no NAME")
	}
	password := func() (string, error) {
		if *pwStdin {
			line, err := bufio.NewReader(io.LimitReader(env.stdin, 4096)).ReadString('\n')
			if err != nil && err != io.EOF {
				return "", err
			}
			return strings.TrimRight(line, "\r\n"), nil
		}
		if pw := os.Getenv("FACTLINE_PASSWORD"); pw != "" {
			return pw, nil
		}
		return "", usagef("give the password on standard input with --password-stdin, or in $FACTLINE_PASSWORD")
	}
	switch action {
	case "add", "passwd", "list", "disable", "enable":
	default:
		return usagef("unknown action %q: add, passwd, list, disable or enable", action)
	}
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	name := fs.Arg(0)
	switch action {
	case "add":
		pw, err := password()
		if err != nil {
			return err
		}
		u, err := s.CreateUser(ctx, name, pw, *role)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "added %s (%s) as user #%d\n", u.Username, u.Role, u.ID)
	case "passwd":
		pw, err := password()
		if err != nil {
			return err
		}
		if err := s.SetPassword(ctx, name, pw, ""); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "password of %s changed; their sessions ended\n", name)
	case "disable", "enable":
		if err := s.SetDisabled(ctx, name, action == "disable"); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "%s %sd\n", name, action)
	case "list":
		us, err := s.Users(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tROLE\tSTATE\tCREATED")
		for _, u := range us {
			state := "active"
			if u.Disabled {
				state = "disabled"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", u.ID, u.Username, u.Role, state, u.CreatedAt.Format("2006-01-02"))
		}
		return tw.Flush()
	}
	return nil
}
