package main

import (
	"context"
	"flag"
	"os"

	"github.com/factline/factline/claims/store"
)

// dbFlag adds --db to a command: a SQLite path or a postgres:// URL, from
// $FACTLINE_DB when not given, factline.db in the working directory by
// default.
func dbFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("FACTLINE_DB")
	if def == "" {
		def = store.DefaultPath
	}
	return fs.String("db", def, "database: a SQLite `path` or a postgres:// URL (env FACTLINE_DB)")
}

// openStore opens the database and brings its schema up to date.
func openStore(ctx context.Context, dsn string) (*store.Store, error) {
	s, err := store.Open(dsn)
	if err != nil {
		return nil, err
	}
	if _, err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}
