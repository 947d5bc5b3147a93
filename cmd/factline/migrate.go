package main

import (
	"context"
	"fmt"

	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/migrations"
)

func init() {
	register(command{name: "migrate", summary: "apply database migrations (serve and ingest also do)", run: runMigrate})
}

func runMigrate(env *cliEnv, args []string) error {
	fs := newFlags(env, "migrate", "[--db PATH|URL] [--status]")
	db := dbFlag(fs)
	status := fs.Bool("status", false, "only print the schema version, applying nothing")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	ctx := context.Background()
	s, err := store.Open(*db)
	if err != nil {
		return err
	}
	defer s.Close()
	if *status {
		v, err := s.SchemaVersion(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "schema version %d (this factline knows up to %d)\n", v, migrations.Latest())
		return nil
	}
	applied, err := s.Migrate(ctx)
	for _, m := range applied {
		fmt.Fprintf(env.stdout, "applied %04d_%s\n", m.Version, m.Name)
	}
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintf(env.stdout, "schema is up to date (version %d)\n", migrations.Latest())
	}
	return nil
}
