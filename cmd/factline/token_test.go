package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
)

func TestTokenCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "tokens.db")
	stdout, stderr, code := execCLI(t, "token", "create", "--name", "graphics", "--expires", "90d", "--db", db)
	raw := strings.TrimSpace(stdout)
	if code != 0 || !strings.HasPrefix(raw, store.TokenPrefix) || strings.Contains(raw, "\n") {
		t.Fatalf("token create: exit %d, stdout %q (want the token alone), stderr %s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "only this once") || strings.Contains(stderr, raw) {
		t.Errorf("stderr should warn the token is shown once, and not repeat it: %s", stderr)
	}

	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tok, err := s.AuthenticateToken(context.Background(), raw)
	if err != nil {
		t.Fatalf("created token does not authenticate: %v", err)
	}
	if d := time.Until(*tok.ExpiresAt); d < 89*24*time.Hour || d > 91*24*time.Hour {
		t.Errorf("--expires 90d gave an expiry %v away", d)
	}

	stdout, _, code = execCLI(t, "token", "list", "--db", db)
	if code != 0 || !strings.Contains(stdout, "graphics") || !strings.Contains(stdout, "active") || strings.Contains(stdout, raw) {
		t.Errorf("token list: exit %d\n%s", code, stdout)
	}
	if _, stderr, code := execCLI(t, "token", "revoke", "graphics", "--db", db); code != 0 {
		t.Fatalf("token revoke: exit %d: %s", code, stderr)
	}
	if _, err := s.AuthenticateToken(context.Background(), raw); apperr.CodeOf(err) != apperr.Forbidden {
		t.Errorf("revoked token still authenticates: %v", err)
	}
	stdout, _, _ = execCLI(t, "token", "list", "--db", db)
	if !strings.Contains(stdout, "revoked") {
		t.Errorf("token list after revoke:\n%s", stdout)
	}

	for _, bad := range [][]string{
		{"token"},
		{"token", "create"},
		{"token", "create", "--name", "x", "--expires", "soon"},
		{"token", "create", "--name", "x", "--expires", "-3d"},
		{"token", "revoke"},
		{"token", "rotate"},
	} {
		if _, _, code := execCLI(t, append(bad, "--db", db)...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", bad, code, exitUsage)
		}
	}
	if _, _, code := execCLI(t, "token", "revoke", "nobody", "--db", db); code != exitFail {
		t.Errorf("revoke unknown: exit %d, want %d", code, exitFail)
	}
}

func TestParseLifetime(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"never": 0, "": 0, "90d": 90 * 24 * time.Hour, "2w": 14 * 24 * time.Hour, "12h": 12 * time.Hour, "90m": 90 * time.Minute,
	} {
		if got, err := parseLifetime(in); err != nil || got != want {
			t.Errorf("parseLifetime(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"0d", "-1d", "d", "1.5d", "soon", "-1h"} {
		if _, err := parseLifetime(bad); err == nil {
			t.Errorf("parseLifetime(%q) accepted", bad)
		}
	}
}
