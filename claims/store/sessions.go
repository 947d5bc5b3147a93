package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"

	"gorm.io/gorm"
)

// NewToken returns 32 random bytes, hex-encoded: a secret for a cookie or a
// CSRF form field.
func NewToken() string {
	return hex.EncodeToString(randomBytes(32))
}

// HashToken is how a session token is stored: a stolen database holds no
// cookie that signs anyone in.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	// crypto/rand.Read never fails on supported platforms (Go 1.24+).
	_, _ = rand.Read(b)
	return b
}

// CreateSession signs a user in for ttl and returns the cookie token. Only
// the token's hash is stored; the CSRF token is bound to the session.
func (s *Store) CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, *Session, error) {
	token := NewToken()
	now := s.Now()
	sess := &Session{TokenHash: HashToken(token), UserID: userID, CSRFToken: NewToken(), CreatedAt: now, ExpiresAt: now.Add(ttl)}
	if err := s.db.WithContext(ctx).Create(sess).Error; err != nil {
		return "", nil, err
	}
	return token, sess, nil
}

// SessionUser returns the live session named by a cookie token and its user.
// An unknown or expired session, or a disabled user, is NotFound.
func (s *Store) SessionUser(ctx context.Context, token string) (*Session, *User, error) {
	var sess Session
	err := s.db.WithContext(ctx).Where("token_hash = ? AND expires_at > ?", HashToken(token), s.Now()).First(&sess).Error
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
	return s.db.WithContext(ctx).Where("token_hash = ?", HashToken(token)).Delete(&Session{}).Error
}

// DeleteExpiredSessions removes sessions past their expiry and returns how
// many there were.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	res := s.db.WithContext(ctx).Where("expires_at <= ?", s.Now()).Delete(&Session{})
	return res.RowsAffected, res.Error
}
