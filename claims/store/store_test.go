package store_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
	"github.com/factline/factline/migrations"
)

func TestMigrateEmptyThenNoOp(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(filepath.Join(t.TempDir(), "m.db"))
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
	storetest.Each(t, testRefusesNewerSchema)
}

func testRefusesNewerSchema(t *testing.T, s *store.Store) {
	ctx := context.Background()
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
	s := storetest.SQLite(t)
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
	storetest.Each(t, testUsers)
}

func testUsers(t *testing.T, s *store.Store) {
	ctx := context.Background()
	if _, err := s.CreateUser(ctx, "ana", "short", store.RoleEditor); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("short password: %v, want invalid", err)
	}
	if _, err := s.CreateUser(ctx, "ana", "a long enough password", "boss"); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("bad role: %v, want invalid", err)
	}
	if _, err := s.CreateUser(ctx, "ana", "a long enough password", store.RoleEditor); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateUser(ctx, "ana", "a long enough password", store.RoleViewer); apperr.CodeOf(err) != apperr.Duplicate {
		t.Fatalf("second ana: %v, want duplicate", err)
	}
	if _, err := s.Authenticate(ctx, "ana", "wrong password!!"); apperr.CodeOf(err) != apperr.Forbidden {
		t.Fatalf("wrong password: %v", err)
	}
	u, err := s.Authenticate(ctx, "ana", "a long enough password")
	if err != nil || u.Role != store.RoleEditor {
		t.Fatalf("login: %v %v", u, err)
	}
	if err := s.SetPassword(ctx, "ana", "another good password", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "ana", "another good password"); err != nil {
		t.Fatalf("login with new password: %v", err)
	}
	if err := s.SetDisabled(ctx, "ana", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "ana", "another good password"); apperr.CodeOf(err) != apperr.Forbidden {
		t.Fatalf("disabled user logged in: %v", err)
	}
	if err := s.SetPassword(ctx, "nobody", "another good password", ""); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("unknown user: %v", err)
	}
}

func TestWeakPasswordsAndLookalikeNames(t *testing.T) {
	storetest.Each(t, testWeakPasswordsAndLookalikeNames)
}

// Common passwords, stretched ones and blank ones are refused, for new
// users and new passwords alike; a name that differs from an existing one
// only by case, width or a letter of another script is refused.
func testWeakPasswordsAndLookalikeNames(t *testing.T, s *store.Store) {
	ctx := context.Background()
	if _, err := s.CreateUser(ctx, "admin", "a long enough password", store.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	for _, pw := range []string{"password12", "Password2024!", "1234567890", "qwertyuiop", "iloveyou!!", "          ", "\t\t\t\t\t\t\t\t\t\t\u3000"} {
		if _, err := s.CreateUser(ctx, "weak", pw, store.RoleViewer); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("CreateUser with password %q: %v, want Invalid", pw, err)
		}
		if err := s.SetPassword(ctx, "admin", pw, ""); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("SetPassword %q: %v, want Invalid", pw, err)
		}
	}
	for name, want := range map[string]apperr.Code{
		"Admin":              apperr.Duplicate,
		"ADMIN":              apperr.Duplicate,
		"ａｄｍｉｎ":              apperr.Duplicate, // full-width
		"\u0430dmin":         apperr.Invalid,   // Cyrillic а
		"adm\u0456n":         apperr.Invalid,   // Cyrillic і
		"\u0391dmin":         apperr.Invalid,   // Greek Α
		"\u0430\u0434\u043c": "",               // all Cyrillic: a name of its own
		"admin2":             "",
	} {
		_, err := s.CreateUser(ctx, name, "a long enough password", store.RoleViewer)
		if got := apperr.CodeOf(err); got != want {
			t.Errorf("CreateUser(%q): %v, want %q", name, err, want)
		}
	}
}
