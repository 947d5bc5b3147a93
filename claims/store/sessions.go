package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"time"

	"github.com/factline/factline/claims/apperr"
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
// An unknown or expired session, or a disabled user, is apperr.NotFound.
func (s *Store) SessionUser(ctx context.Context, token string) (*Session, *User, error) {
	// Every signed-in request asks this: one query, scanned by hand.
	var sess Session
	var u User
	found := false
	err := ScanRows(s.db.WithContext(ctx).Table("sessions AS s").Joins("JOIN users u ON u.id = s.user_id").
		Select("s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, "+
			"u.id, u.username, u.password_hash, u.role, u.disabled, u.created_at, u.updated_at").
		Where("s.token_hash = ? AND s.expires_at > ?", hashToken(token), s.Now()).Limit(1),
		func(r *sql.Rows) error {
			found = true
			return r.Scan(&sess.TokenHash, &sess.UserID, &sess.CSRFToken, &sess.CreatedAt, &sess.ExpiresAt,
				&u.ID, &u.Username, &u.PasswordHash, &u.Role, &u.Disabled, &u.CreatedAt, &u.UpdatedAt)
		})
	if err != nil {
		return nil, nil, err
	}
	if !found || u.Disabled {
		return nil, nil, apperr.Errorf(apperr.NotFound, "no such session")
	}
	return &sess, &u, nil
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
