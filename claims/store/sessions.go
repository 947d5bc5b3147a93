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
	sess := &Session{TokenHash: hashToken(token), UserID: userID, CSRFToken: rand.Text(), CreatedAt: now, ExpiresAt: now.Add(ttl), LastSeenAt: now}
	if err := s.db.WithContext(ctx).Create(sess).Error; err != nil {
		return "", nil, err
	}
	return token, sess, nil
}

// SessionTouchInterval is how stale a session's last_seen_at may grow
// before a request writes it again: one write per session per minute, not
// one per request. An idle limit is exact to within it.
const SessionTouchInterval = time.Minute

// SessionUser returns the live session named by a cookie token and its user,
// and records that it was used. A session unused for idle (when idle > 0)
// has ended: it is deleted. An unknown, expired or idle session, or a
// disabled user, is apperr.NotFound.
func (s *Store) SessionUser(ctx context.Context, token string, idle time.Duration) (*Session, *User, error) {
	// Every signed-in request asks this: one query, scanned by hand.
	var sess Session
	var u User
	var lastSeen sql.NullTime
	found := false
	now := s.Now()
	err := ScanRows(s.db.WithContext(ctx).Table("sessions AS s").Joins("JOIN users u ON u.id = s.user_id").
		Select("s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, s.last_seen_at, "+
			"u.id, u.username, u.password_hash, u.role, u.disabled, u.created_at, u.updated_at").
		Where("s.token_hash = ? AND s.expires_at > ?", hashToken(token), now).Limit(1),
		func(r *sql.Rows) error {
			found = true
			return r.Scan(&sess.TokenHash, &sess.UserID, &sess.CSRFToken, &sess.CreatedAt, &sess.ExpiresAt, &lastSeen,
				&u.ID, &u.Username, &u.PasswordHash, &u.Role, &u.Disabled, &u.CreatedAt, &u.UpdatedAt)
		})
	if err != nil {
		return nil, nil, err
	}
	if !found || u.Disabled {
		return nil, nil, apperr.Errorf(apperr.NotFound, "no such session")
	}
	sess.LastSeenAt = sess.CreatedAt
	if lastSeen.Valid {
		sess.LastSeenAt = lastSeen.Time
	}
	if idle > 0 && !now.Before(sess.LastSeenAt.Add(idle)) {
		if err := s.DeleteSession(ctx, token); err != nil {
			return nil, nil, err
		}
		return nil, nil, apperr.Errorf(apperr.NotFound, "the session ended after %s without use", idle)
	}
	if now.Sub(sess.LastSeenAt) >= SessionTouchInterval {
		if err := s.db.WithContext(ctx).Model(&Session{}).Where("token_hash = ?", sess.TokenHash).
			Update("last_seen_at", now).Error; err != nil {
			return nil, nil, err
		}
		sess.LastSeenAt = now
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
