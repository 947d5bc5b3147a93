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
	got, who, err := s.SessionUser(ctx, token, 0)
	if err != nil || who.Username != "ana" || got.CSRFToken != sess.CSRFToken {
		t.Fatalf("lookup: %v %v", who, err)
	}
	if who.ID != u.ID || who.Role != store.RoleViewer || who.PasswordHash != u.PasswordHash || got.UserID != u.ID ||
		got.ExpiresAt.Sub(sess.ExpiresAt).Abs() > time.Millisecond || got.CreatedAt.After(got.ExpiresAt) {
		t.Fatalf("lookup read the wrong columns: %+v %+v", got, who)
	}
	if _, _, err := s.SessionUser(ctx, "not-a-token", 0); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("unknown token: %v", err)
	}
	if err := s.SetDisabled(ctx, "ana", true); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionUser(ctx, token, 0); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("disabled user's session: %v", err)
	}
	s.SetDisabled(ctx, "ana", false)
	token, _, _ = s.CreateSession(ctx, u.ID, time.Hour)
	now := s.Now
	s.Now = func() time.Time { return now().Add(2 * time.Hour) }
	defer func() { s.Now = now }()
	if _, _, err := s.SessionUser(ctx, token, 0); apperr.CodeOf(err) != apperr.NotFound {
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
	if _, _, err := s.SessionUser(ctx, token, 0); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("deleted session: %v", err)
	}
}

func TestPasswordChangeEndsSessions(t *testing.T) { storetest.Each(t, testPasswordChangeEndsSessions) }

// A new password ends every session of its user but the one kept, and no
// other user's.
func testPasswordChangeEndsSessions(t *testing.T, s *store.Store) {
	ctx := context.Background()
	ana, _ := s.CreateUser(ctx, "ana", "a long enough password", store.RoleEditor)
	bo, _ := s.CreateUser(ctx, "bo", "a long enough password", store.RoleEditor)
	mine, _, _ := s.CreateSession(ctx, ana.ID, time.Hour)
	laptop, _, _ := s.CreateSession(ctx, ana.ID, time.Hour)
	other, _, _ := s.CreateSession(ctx, bo.ID, time.Hour)
	if err := s.SetPassword(ctx, "ana", "a new long password", mine); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionUser(ctx, mine, 0); err != nil {
		t.Errorf("the session that changed the password ended: %v", err)
	}
	if _, _, err := s.SessionUser(ctx, laptop, 0); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("another session of the user survived the change: %v", err)
	}
	if _, _, err := s.SessionUser(ctx, other, 0); err != nil {
		t.Errorf("another user's session ended: %v", err)
	}
	if err := s.SetPassword(ctx, "ana", "yet another long password", ""); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionUser(ctx, mine, 0); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("a change that keeps none left a session: %v", err)
	}
}

func TestIdleSessionsEnd(t *testing.T) { storetest.Each(t, testIdleSessionsEnd) }

// A session used within the idle limit lives on, to its absolute expiry; one
// left unused for the limit ends and is deleted.
func testIdleSessionsEnd(t *testing.T, s *store.Store) {
	ctx := context.Background()
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	now := start
	s.Now = func() time.Time { return now }
	const idle = time.Hour
	u, _ := s.CreateUser(ctx, "ana", "a long enough password", store.RoleViewer)
	token, _, _ := s.CreateSession(ctx, u.ID, 12*time.Hour)
	for range 5 {
		now = now.Add(idle - store.SessionTouchInterval)
		if _, _, err := s.SessionUser(ctx, token, idle); err != nil {
			t.Fatalf("a session used every %v ended at %v: %v", idle-store.SessionTouchInterval, now.Sub(start), err)
		}
	}
	now = now.Add(idle)
	if _, _, err := s.SessionUser(ctx, token, idle); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("a session unused for %v lives: %v", idle, err)
	}
	now = now.Add(-idle) // back in time: the session was deleted, not only refused
	if _, _, err := s.SessionUser(ctx, token, idle); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("an idle session was refused but not deleted: %v", err)
	}
}
