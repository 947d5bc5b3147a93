// Package storetest opens migrated stores for tests: a SQLite file in a
// temporary directory, and, when FACTLINE_TEST_POSTGRES names a server, a
// fresh PostgreSQL database on it, dropped when the test ends.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/factline/factline/claims/store"
)

// PostgresEnv names the variable holding a PostgreSQL server URL whose user
// may create databases.
const PostgresEnv = "FACTLINE_TEST_POSTGRES"

// SQLite returns a migrated store on a new SQLite file.
func SQLite(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "factline-test.db"))
	if err != nil {
		t.Fatal(err)
	}
	return migrated(t, s)
}

// Postgres returns a migrated store on a new database of the server named
// by FACTLINE_TEST_POSTGRES, or skips the test when it is unset. When CI is
// set the variable is required, so a broken setup cannot pass as a skip.
func Postgres(t testing.TB) *store.Store {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set in CI: the PostgreSQL tests cannot run", PostgresEnv)
		}
		t.Skipf("%s not set: PostgreSQL tests skipped", PostgresEnv)
	}
	admin, err := store.Open(base)
	if err != nil {
		t.Fatalf("%s is set but the server does not answer: %v", PostgresEnv, err)
	}
	buf := make([]byte, 6)
	rand.Read(buf)
	name := "factline_test_" + hex.EncodeToString(buf)
	if err := admin.DB().Exec("CREATE DATABASE " + name).Error; err != nil {
		admin.Close()
		t.Fatal(err)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	s, err := store.Open(u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.Close()
		admin.DB().Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	return migrated(t, s)
}

func migrated(t testing.TB, s *store.Store) *store.Store {
	t.Helper()
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// Each runs fn as a subtest on every available database: SQLite always,
// PostgreSQL when FACTLINE_TEST_POSTGRES is set (and required in CI).
func Each(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}
