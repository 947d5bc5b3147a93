package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factline/factline/migrations"
)

// openTest opens a migrated SQLite store in a temporary directory.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestMigrateEmptyThenNoOp(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CheckSchema(ctx); err == nil || !strings.Contains(err.Error(), "factline migrate") {
		t.Fatalf("CheckSchema on a new database = %v, want a hint to migrate", err)
	}
	applied, err := s.Migrate(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) == 0 || applied[len(applied)-1].Version != migrations.Latest() {
		t.Fatalf("first Migrate applied %v, want every migration up to %d", applied, migrations.Latest())
	}
	for _, table := range []string{"articles", "timexes", "claims", "events", "event_sources", "users", "revisions", "sessions", "api_tokens"} {
		if !s.DB().Migrator().HasTable(table) {
			t.Errorf("table %s missing after Migrate", table)
		}
	}
	again, err := s.Migrate(ctx)
	if err != nil || len(again) != 0 {
		t.Fatalf("second Migrate = %v, %v; want nothing applied", again, err)
	}
	if err := s.CheckSchema(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if err := s.DB().Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'now')`, migrations.Latest()+1).Error; err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{"CheckSchema": s.CheckSchema(ctx), "Migrate": func() error { _, err := s.Migrate(ctx); return err }()} {
		if err == nil || !strings.Contains(err.Error(), "newer factline") {
			t.Errorf("%s on a newer database = %v, want a refusal naming a newer factline", name, err)
		}
	}
}

func TestSQLitePragmas(t *testing.T) {
	s := openTest(t)
	var mode string
	var fk, timeout int
	s.DB().Raw("PRAGMA journal_mode").Scan(&mode)
	s.DB().Raw("PRAGMA foreign_keys").Scan(&fk)
	s.DB().Raw("PRAGMA busy_timeout").Scan(&timeout)
	if mode != "wal" || fk != 1 || timeout <= 0 {
		t.Fatalf("journal_mode=%s foreign_keys=%d busy_timeout=%d; want wal, 1, > 0", mode, fk, timeout)
	}
}

func TestUsers(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.CreateUser(ctx, "ana", "short", RoleEditor); ErrorCode(err) != Invalid {
		t.Fatalf("short password: %v, want invalid", err)
	}
	if _, err := s.CreateUser(ctx, "ana", "a long enough password", "boss"); ErrorCode(err) != Invalid {
		t.Fatalf("bad role: %v, want invalid", err)
	}
	if _, err := s.CreateUser(ctx, "ana", "a long enough password", RoleEditor); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUser(ctx, "ana", "a long enough password", RoleViewer); ErrorCode(err) != Duplicate {
		t.Fatalf("second ana: %v, want duplicate", err)
	}
	if _, err := s.Authenticate(ctx, "ana", "wrong password!!"); ErrorCode(err) != Forbidden {
		t.Fatalf("wrong password: %v", err)
	}
	u, err := s.Authenticate(ctx, "ana", "a long enough password")
	if err != nil || u.Role != RoleEditor {
		t.Fatalf("login: %v %v", u, err)
	}
	if err := s.SetPassword(ctx, "ana", "another good password"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "ana", "another good password"); err != nil {
		t.Fatalf("login with new password: %v", err)
	}
	if err := s.SetDisabled(ctx, "ana", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "ana", "another good password"); ErrorCode(err) != Forbidden {
		t.Fatalf("disabled user logged in: %v", err)
	}
	if err := s.SetPassword(ctx, "nobody", "another good password"); ErrorCode(err) != NotFound {
		t.Fatalf("unknown user: %v", err)
	}
}

func TestRedact(t *testing.T) {
	got := redact("postgres://fl:secret@127.0.0.1:5432/fl")
	if strings.Contains(got, "secret") {
		t.Fatalf("redact kept the password: %s", got)
	}
}
