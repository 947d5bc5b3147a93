package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/factline/factline/claims/apperr"
	"gorm.io/gorm"
)

// TokenPrefix starts every API token, so a token pasted into a chat, a log
// or a repository is recognisable for what it is (and secret scanners can
// find it).
const TokenPrefix = "fl_"

// ScopeRead is the only scope a token has today: it reads, never writes.
// Machines (a graphic polling the export) need no more, and a leaked token
// then cannot change the timeline.
const ScopeRead = "read"

// tokenBytes is the token's entropy: 256 bits, so guessing is hopeless and a
// plain SHA-256 (no salt, no slow hash) is a safe way to store it.
const tokenBytes = 32

// lastUsedEvery is how stale last_used_at may get before a request updates
// it: a graphic polling every few seconds should not write to the database
// on every poll, and "used in the last minute" is all an admin needs.
const lastUsedEvery = time.Minute

// Permits reports whether the token may make a request with this HTTP
// method: a read token may only read, and no scope yet allows writing.
func (t *APIToken) Permits(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return t.Scope == ScopeRead
	}
	return false
}

// Active reports whether the token can still be used at now.
func (t *APIToken) Active(now time.Time) bool {
	return t.RevokedAt == nil && (t.ExpiresAt == nil || now.Before(*t.ExpiresAt))
}

// hashToken is how a token is stored and looked up.
func hashToken(raw string) string {
	sum := sha256.Sum256([]byte(raw))
	return hex.EncodeToString(sum[:])
}

// validTokenName checks a token's name. All-digit names are refused because
// "token revoke" takes an ID or a name and must not confuse the two.
func validTokenName(name string) bool {
	if name == "" || len(name) > 64 || !utf8.ValidString(name) {
		return false
	}
	digits := true
	for _, r := range name {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return false
		}
		digits = digits && r >= '0' && r <= '9'
	}
	return !digits
}

// CreateToken makes a read-only API token named name, valid for ttl (0: no
// expiry). It returns the stored row and the raw token, which is shown once
// and never stored: only its hash is. Names are unique among tokens not yet
// revoked, so "token revoke NAME" names exactly one.
func (s *Store) CreateToken(ctx context.Context, name string, ttl time.Duration, createdBy *int64) (*APIToken, string, error) {
	name = strings.TrimSpace(name)
	if !validTokenName(name) {
		return nil, "", apperr.Errorf(apperr.Invalid, "token name must be 1-64 characters without spaces, and not only digits")
	}
	if ttl < 0 {
		return nil, "", apperr.Errorf(apperr.Invalid, "token lifetime must not be negative")
	}
	buf := make([]byte, tokenBytes)
	if _, err := rand.Read(buf); err != nil {
		return nil, "", err
	}
	raw := TokenPrefix + base64.RawURLEncoding.EncodeToString(buf)
	now := s.Now()
	t := &APIToken{Name: name, TokenHash: hashToken(raw), Scope: ScopeRead, CreatedBy: createdBy, CreatedAt: now}
	if ttl > 0 {
		exp := now.Add(ttl)
		t.ExpiresAt = &exp
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&APIToken{}).Where("name = ? AND revoked_at IS NULL", name).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return apperr.Errorf(apperr.Duplicate, "a token named %q exists; revoke it first or choose another name", name)
		}
		return tx.Create(t).Error
	})
	if err != nil {
		return nil, "", err
	}
	return t, raw, nil
}

// Tokens lists every token, revoked ones included, oldest first.
func (s *Store) Tokens(ctx context.Context) ([]APIToken, error) {
	var ts []APIToken
	err := s.db.WithContext(ctx).Order("id").Find(&ts).Error
	return ts, err
}

// RevokeToken revokes the token with the given ID, or the unrevoked token
// with the given name. Revoking a revoked token by ID changes nothing.
func (s *Store) RevokeToken(ctx context.Context, ref string) (*APIToken, error) {
	var t APIToken
	q := s.db.WithContext(ctx)
	var err error
	if id, convErr := strconv.ParseInt(ref, 10, 64); convErr == nil {
		err = q.First(&t, id).Error
	} else {
		err = q.Where("name = ? AND revoked_at IS NULL", ref).First(&t).Error
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.Errorf(apperr.NotFound, "no active token %q", ref)
	}
	if err != nil || t.RevokedAt != nil {
		return &t, err
	}
	now := s.Now()
	if err := q.Model(&t).Update("revoked_at", now).Error; err != nil {
		return nil, err
	}
	t.RevokedAt = &now
	return &t, nil
}

// errBadToken answers an unknown or malformed token. Revoked and expired
// tokens get their own message: only the holder of the token can see it, and
// it tells a graphics desk why its feed stopped.
var errBadToken = apperr.Errorf(apperr.Forbidden, "unknown API token")

// AuthenticateToken checks a raw token from an Authorization: Bearer header
// and returns its row. Unknown, revoked and expired tokens fail with
// apperr.Forbidden. It records when the token was last used.
func (s *Store) AuthenticateToken(ctx context.Context, raw string) (*APIToken, error) {
	if !strings.HasPrefix(raw, TokenPrefix) || len(raw) > 256 {
		return nil, errBadToken
	}
	var t APIToken
	err := s.db.WithContext(ctx).Where("token_hash = ?", hashToken(raw)).First(&t).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, errBadToken
	}
	if err != nil {
		return nil, err
	}
	now := s.Now()
	switch {
	case t.RevokedAt != nil:
		return nil, apperr.Errorf(apperr.Forbidden, "API token %q was revoked", t.Name)
	case !t.Active(now):
		return nil, apperr.Errorf(apperr.Forbidden, "API token %q expired", t.Name)
	}
	if t.LastUsedAt == nil || now.Sub(*t.LastUsedAt) >= lastUsedEvery {
		if err := s.db.WithContext(ctx).Model(&t).Update("last_used_at", now).Error; err != nil {
			return nil, err
		}
		t.LastUsedAt = &now
	}
	return &t, nil
}
