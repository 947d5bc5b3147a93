package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
	"github.com/factline/factline/claims/store/storetest"
)

func TestSessions(t *testing.T) { storetest.Each(t, testSessions) }

func testSessions(t *testing.T, s *store.Store) {
	ctx := context.Background()
	u, err := s.CreateUser(ctx, "ana", "a long enough password", store.RoleViewer)
	if err != nil {
		t.Fatal(err)
	}
	token, sess, err := s.CreateSession(ctx, u.ID, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if sess.TokenHash == token || sess.CSRFToken == "" || sess.CSRFToken == token {
		t.Fatal("the session stores its token in clear or lacks a CSRF token")
	}
	got, who, err := s.SessionUser(ctx, token)
	if err != nil || who.Username != "ana" || got.CSRFToken != sess.CSRFToken {
		t.Fatalf("lookup: %v %v", who, err)
	}
	if who.ID != u.ID || who.Role != store.RoleViewer || who.PasswordHash != u.PasswordHash || got.UserID != u.ID ||
		got.ExpiresAt.Sub(sess.ExpiresAt).Abs() > time.Millisecond || got.CreatedAt.After(got.ExpiresAt) {
		t.Fatalf("lookup read the wrong columns: %+v %+v", got, who)
	}
	if _, _, err := s.SessionUser(ctx, "not-a-token"); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("unknown token: %v", err)
	}
	if err := s.SetDisabled(ctx, "ana", true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionUser(ctx, token); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("disabled user's session: %v", err)
	}
	s.SetDisabled(ctx, "ana", false)
	token, _, _ = s.CreateSession(ctx, u.ID, time.Hour)
	now := s.Now
	s.Now = func() time.Time { return now().Add(2 * time.Hour) }
	defer func() { s.Now = now }()
	if _, _, err := s.SessionUser(ctx, token); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("expired session: %v", err)
	}
	if n, err := s.DeleteExpiredSessions(ctx); err != nil || n != 1 {
		t.Fatalf("expired sessions deleted: %d %v", n, err)
	}
	s.Now = now
	token, _, _ = s.CreateSession(ctx, u.ID, time.Hour)
	if err := s.DeleteSession(ctx, token); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionUser(ctx, token); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("deleted session: %v", err)
	}
}
