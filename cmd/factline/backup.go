package main

import (
	"context"
	"fmt"
)

func init() {
	register(command{name: "backup", summary: "write a consistent copy of a live SQLite database", run: runBackup})
}

func runBackup(env *cliEnv, args []string) error {
	fs := newFlags(env, "backup", "[--db PATH] FILE")
	db := dbFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("name the one FILE to write the copy to")
	}
	ctx := context.Background()
	s, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "backed up %s to %s\n", *db, fs.Arg(0))
	return nil
}
