package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

func TestTokenLifecycle(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		testTokenLifecycle(t, s)
	})
}

func testTokenLifecycle(t *testing.T, s *store.Store) {
	ctx := context.Background()
	now := time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return now }

	tok, raw, err := s.CreateToken(ctx, "graphics", 90*24*time.Hour, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(raw, store.TokenPrefix) || len(raw) != len(store.TokenPrefix)+43 {
		t.Fatalf("raw token %q: want %s and 43 base64url characters", raw, store.TokenPrefix)
	}
	if tok.Scope != store.ScopeRead || tok.ExpiresAt == nil || !tok.ExpiresAt.Equal(now.Add(90*24*time.Hour)) {
		t.Fatalf("token row %+v", tok)
	}
	var stored string
	s.DB().Raw("SELECT token_hash FROM api_tokens WHERE id = ?", tok.ID).Scan(&stored)
	if stored == raw || strings.Contains(stored, raw[len(store.TokenPrefix):]) || stored != sha256Hex(raw) {
		t.Fatalf("stored %q: want only the SHA-256 of the token", stored)
	}

	got, err := s.AuthenticateToken(ctx, raw)
	if err != nil || got.ID != tok.ID || got.LastUsedAt == nil || !got.LastUsedAt.Equal(now) {
		t.Fatalf("AuthenticateToken = %+v, %v", got, err)
	}
	if !got.Permits(http.MethodGet) || got.Permits(http.MethodPost) || got.Permits(http.MethodDelete) {
		t.Fatal("a read token must permit GET and nothing that writes")
	}

	for name, bad := range map[string]string{
		"unknown":   store.TokenPrefix + strings.Repeat("A", 43),
		"no prefix": raw[len(store.TokenPrefix):],
		"empty":     "",
		"altered":   raw[:len(raw)-1] + "x",
	} {
		if _, err := s.AuthenticateToken(ctx, bad); apperr.CodeOf(err) != apperr.Forbidden {
			t.Errorf("%s token: %v, want forbidden", name, err)
		}
	}

	// Expiry is checked against the store's clock.
	now = now.Add(91 * 24 * time.Hour)
	if _, err := s.AuthenticateToken(ctx, raw); apperr.CodeOf(err) != apperr.Forbidden || !strings.Contains(err.Error(), "expired") {
		t.Fatalf("expired token: %v", err)
	}
}

func TestTokenRevoke(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		testTokenRevoke(t, s)
	})
}

func testTokenRevoke(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a, rawA, err := s.CreateToken(ctx, "graphics", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.ExpiresAt != nil {
		t.Fatalf("ttl 0 should mean no expiry, got %v", a.ExpiresAt)
	}
	if _, _, err := s.CreateToken(ctx, "graphics", 0, nil); apperr.CodeOf(err) != apperr.Duplicate {
		t.Fatalf("second active token with one name: %v, want duplicate", err)
	}
	for _, bad := range []string{"", "two words", "12345", strings.Repeat("x", 65)} {
		if _, _, err := s.CreateToken(ctx, bad, 0, nil); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("name %q: %v, want invalid", bad, err)
		}
	}
	_, rawB, err := s.CreateToken(ctx, "analysts", time.Hour, nil)
	if err != nil {
		t.Fatal(err)
	}

	if r, err := s.RevokeToken(ctx, "graphics"); err != nil || r.ID != a.ID || r.RevokedAt == nil {
		t.Fatalf("revoke by name: %+v, %v", r, err)
	}
	if _, err := s.AuthenticateToken(ctx, rawA); apperr.CodeOf(err) != apperr.Forbidden || !strings.Contains(err.Error(), "revoked") {
		t.Fatalf("revoked token: %v", err)
	}
	if _, err := s.AuthenticateToken(ctx, rawB); err != nil {
		t.Fatalf("revoking one token touched another: %v", err)
	}
	if _, err := s.RevokeToken(ctx, "graphics"); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("revoke a revoked name again: %v, want not found", err)
	}
	if r, err := s.RevokeToken(ctx, "1"); err != nil || r.ID != a.ID {
		t.Fatalf("revoke a revoked ID again: %+v, %v; want a no-op", r, err)
	}
	if _, err := s.RevokeToken(ctx, "99"); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("revoke unknown ID: %v", err)
	}
	// The name is free again once its token is revoked.
	if _, _, err := s.CreateToken(ctx, "graphics", 0, nil); err != nil {
		t.Fatal(err)
	}
	ts, err := s.Tokens(ctx)
	if err != nil || len(ts) != 3 {
		t.Fatalf("Tokens = %d, %v; want 3", len(ts), err)
	}
}

func TestTokenLastUsedThrottled(t *testing.T) {
	storetest.Each(t, func(t *testing.T, s *store.Store) {
		testTokenLastUsedThrottled(t, s)
	})
}

func testTokenLastUsedThrottled(t *testing.T, s *store.Store) {
	ctx := context.Background()
	now := time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return now }
	_, raw, err := s.CreateToken(ctx, "poller", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	first := now
	if _, err := s.AuthenticateToken(ctx, raw); err != nil {
		t.Fatal(err)
	}
	now = now.Add(10 * time.Second)
	got, err := s.AuthenticateToken(ctx, raw)
	if err != nil || !got.LastUsedAt.Equal(first) {
		t.Fatalf("last_used_at %v after 10 s, want it left at %v", got.LastUsedAt, first)
	}
	now = now.Add(time.Minute)
	got, err = s.AuthenticateToken(ctx, raw)
	if err != nil || !got.LastUsedAt.Equal(now) {
		t.Fatalf("last_used_at %v after a minute, want %v", got.LastUsedAt, now)
	}
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
