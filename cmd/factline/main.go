// Command factline turns news articles into a verified, dated timeline.
//
// Usage: factline COMMAND [flags] [args]. Run "factline help" for the list.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/factline/factline/claims"
)

// Exit statuses shared by every subcommand.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// command is one subcommand of the binary.
type command struct {
	name    string
	summary string
	// run parses args with its own FlagSet and does the work. It returns a
	// usageError for bad arguments.
	run func(env *cliEnv, args []string) error
}

// cliEnv carries the process's streams so commands are testable.
type cliEnv struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// stderrIsTerminal enables progress bars.
	stderrIsTerminal bool
}

// usageError marks a failure caused by how the command was called (exit 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

func main() {
	env := &cliEnv{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stderrIsTerminal: isTerminal(os.Stderr)}
	os.Exit(run(env, os.Args[1:]))
}

// run dispatches args to a subcommand and maps its error to an exit status,
// printing one line on stderr for any failure.
func run(env *cliEnv, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				_ = c.run(env, []string{"-h"})
				return exitOK
			}
		}
		printHelp(env.stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if err := claims.LoadLanguages(); err != nil {
		fmt.Fprintf(env.stderr, "factline: %v\n", err)
		return exitFail
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.stderr, "factline: unknown command %q (run \"factline help\")\n", args[0])
		return exitUsage
	}
	err := c.run(env, args[1:])
	var ue usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(env.stderr, "factline %s: %s (run \"factline %s -h\")\n", c.name, ue.msg, c.name)
		return exitUsage
	default:
		fmt.Fprintf(env.stderr, "factline %s: %s\n", c.name, err)
		return exitFail
	}
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "factline turns news articles into a verified, dated timeline.")
	fmt.Fprintln(w, "\nUsage: factline COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun \"factline COMMAND -h\" for a command's flags.")
}

// newFlags makes a FlagSet whose errors come back to run instead of exiting,
// and whose -h output names the command.
func newFlags(env *cliEnv, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fs.SetOutput(env.stderr)
		fmt.Fprintf(env.stderr, "Usage: factline %s %s\n\nFlags:\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors. The flag
// package prints the whole usage on any error; only -h should, so a typo
// gets one line.
func parseFlags(fs *flag.FlagSet, args []string) error {
	usage := fs.Usage
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.Usage = usage
	if errors.Is(err, flag.ErrHelp) {
		fs.Usage()
		return flag.ErrHelp
	}
	if err != nil {
		return usageError{strings.TrimSpace(err.Error())}
	}
	return nil
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
