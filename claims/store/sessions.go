package store

import (
	"context"
	"crypto/rand"
	"errors"
	"time"

	"gorm.io/gorm"
)

// CreateSession signs a user in for ttl and returns the cookie token (128
// random bits). Only its hash is stored, as for API tokens; the CSRF token
// is bound to the session.
func (s *Store) CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, *Session, error) {
	token := rand.Text()
	now := s.Now()
	sess := &Session{TokenHash: hashToken(token), UserID: userID, CSRFToken: rand.Text(), CreatedAt: now, ExpiresAt: now.Add(ttl)}
	if err := s.db.WithContext(ctx).Create(sess).Error; err != nil {
		return "", nil, err
	}
	return token, sess, nil
}

// SessionUser returns the live session named by a cookie token and its user.
// An unknown or expired session, or a disabled user, is NotFound.
func (s *Store) SessionUser(ctx context.Context, token string) (*Session, *User, error) {
	var sess Session
	err := s.db.WithContext(ctx).Where("token_hash = ? AND expires_at > ?", hashToken(token), s.Now()).First(&sess).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, nil, Errorf(NotFound, "no such session")
	}
	if err != nil {
		return nil, nil, err
	}
	u, err := s.UserByID(ctx, sess.UserID)
	if err != nil {
		return nil, nil, err
	}
	if u.Disabled {
		return nil, nil, Errorf(NotFound, "no such session")
	}
	return &sess, u, nil
}

// DeleteSession signs a browser out. Deleting an unknown session is no error.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	return s.db.WithContext(ctx).Where("token_hash = ?", hashToken(token)).Delete(&Session{}).Error
}

// DeleteExpiredSessions removes sessions past their expiry and returns how
// many there were.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	res := s.db.WithContext(ctx).Where("expires_at <= ?", s.Now()).Delete(&Session{})
	return res.RowsAffected, res.Error
}
