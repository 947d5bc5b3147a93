package store

import (
	"context"
	_ "embed"
	"errors"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/factline/factline/claims/apperr"
	"golang.org/x/crypto/bcrypt"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
	"gorm.io/gorm"
)

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// ValidRole reports whether role is one of the known roles.
func ValidRole(role string) bool {
	return role == RoleAdmin || role == RoleEditor || role == RoleViewer
}

// CreateUser adds a user with a bcrypt-hashed password.
func (s *Store) CreateUser(ctx context.Context, username, password, role string) (*User, error) {
	username = strings.TrimSpace(username)
	if username == "" || len(username) > 64 || strings.ContainsAny(username, " \t\r\n\x00") || !utf8.ValidString(username) {
		return nil, apperr.Errorf(apperr.Invalid, "username must be 1-64 characters without spaces")
	}
	if !ValidRole(role) {
		return nil, apperr.Errorf(apperr.Invalid, "role must be admin, editor or viewer, not %q", role)
	}
	if scripts := scriptsOf(username); len(scripts) > 1 {
		return nil, apperr.Errorf(apperr.Invalid, "username %q mixes letters of %s: use one script, so it cannot pass for another name", username, strings.Join(scripts, " and "))
	}
	hash, err := hashPassword(password)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	u := &User{Username: username, PasswordHash: hash, Role: role, CreatedAt: now, UpdatedAt: now}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		var names []string
		if err := tx.Model(&User{}).Pluck("username", &names).Error; err != nil {
			return err
		}
		key := usernameKey(username)
		for _, n := range names {
			if usernameKey(n) == key {
				return apperr.Errorf(apperr.Duplicate, "user %q already exists, and names that differ only by case or width are one name", n)
			}
		}
		return tx.Create(u).Error
	})
	if isUniqueViolation(err) {
		return nil, apperr.Errorf(apperr.Duplicate, "user %q already exists", username)
	}
	return u, err
}

// usernameKey is what two usernames that read the same share: the name in
// compatibility form (full-width and ligature letters become plain ones),
// case-folded.
func usernameKey(name string) string {
	return cases.Fold().String(norm.NFKC.String(name))
}

// scriptsOf names the scripts of a name's letters, in order of first use.
// Digits, punctuation and combining marks belong to no script of their own.
func scriptsOf(name string) []string {
	var names []string
	for _, r := range norm.NFKC.String(name) {
		if !unicode.IsLetter(r) {
			continue
		}
		for script, table := range unicode.Scripts {
			if script != "Common" && script != "Inherited" && unicode.Is(table, r) {
				if !slices.Contains(names, script) {
					names = append(names, script)
				}
				break
			}
		}
	}
	return names
}

// commonPasswordList is Openwall's list of the passwords most often seen
// (John the Ripper's password.lst, in the public domain), one a line after
// its "#!comment:" header.
//
//go:embed common-passwords.txt
var commonPasswordList string

// commonPasswords holds the list's entries, lower-cased.
var commonPasswords = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(commonPasswordList, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#!comment") {
			m[strings.ToLower(line)] = true
		}
	}
	return m
}()

// commonPassword reports whether a password is a common one, or a common
// one with digits and symbols around it ("Password12!", "2024iloveyou"),
// which is how a short common password is usually stretched to a length
// limit.
func commonPassword(password string) bool {
	p := strings.ToLower(password)
	core := strings.TrimFunc(p, func(r rune) bool { return !unicode.IsLetter(r) })
	return commonPasswords[p] || (core != "" && commonPasswords[core])
}

func hashPassword(password string) (string, error) {
	if utf8.RuneCountInString(password) < MinPasswordLength {
		return "", apperr.Errorf(apperr.Invalid, "password must be at least %d characters", MinPasswordLength)
	}
	if strings.TrimSpace(password) == "" {
		return "", apperr.Errorf(apperr.Invalid, "password must not be only spaces")
	}
	if commonPassword(password) {
		return "", apperr.Errorf(apperr.Invalid, "that password is among the most common ones: choose another")
	}
	if len(password) > 72 { // bcrypt reads no further; refuse rather than silently truncate
		return "", apperr.Errorf(apperr.Invalid, "password must be at most 72 bytes")
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	return string(h), err
}

// SetPassword replaces a user's password and ends every session of that
// user but the one whose cookie token is keep (the user's own, changing
// their password; "" ends them all), in one transaction: whoever knew the
// old password is signed out.
func (s *Store) SetPassword(ctx context.Context, username, password, keep string) error {
	hash, err := hashPassword(password)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.updateUser(tx, username, map[string]any{"password_hash": hash}); err != nil {
			return err
		}
		return tx.Exec(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?) AND token_hash <> ?`,
			username, hashToken(keep)).Error
	})
}

// SetDisabled disables or re-enables a user; a disabled user's sessions end.
func (s *Store) SetDisabled(ctx context.Context, username string, disabled bool) error {
	if err := s.updateUser(s.db.WithContext(ctx), username, map[string]any{"disabled": disabled}); err != nil {
		return err
	}
	if !disabled {
		return nil
	}
	return s.db.WithContext(ctx).Exec(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)`, username).Error
}

// updateUser sets fields of a user on db (the store's or a transaction's).
func (s *Store) updateUser(db *gorm.DB, username string, fields map[string]any) error {
	fields["updated_at"] = s.Now()
	res := db.Model(&User{}).Where("username = ?", username).Updates(fields)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return apperr.Errorf(apperr.NotFound, "no user %q", username)
	}
	return nil
}

// Users lists every user by name.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	var us []User
	err := s.db.WithContext(ctx).Order("username").Find(&us).Error
	return us, err
}

// UserByID returns one user.
func (s *Store) UserByID(ctx context.Context, id int64) (*User, error) {
	var u User
	err := s.db.WithContext(ctx).First(&u, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.Errorf(apperr.NotFound, "no user #%d", id)
	}
	return &u, err
}

// CountUsers tells how many users exist (0 on a new database).
func (s *Store) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&User{}).Count(&n).Error
	return n, err
}

// errBadLogin is deliberately the same for an unknown user, a wrong password
// and a disabled account, so a login form does not reveal which names exist.
var errBadLogin = apperr.Errorf(apperr.Forbidden, "wrong username or password")

// dummyHash is compared against when the user does not exist, so that a
// login for an unknown name takes as long as one for a known name. Open
// makes it, so it is ready before any login, and commands that never open
// a store (extract) do not spend a bcrypt hash on starting.
var dummyHash = sync.OnceValue(func() []byte {
	h, _ := bcrypt.GenerateFromPassword([]byte("factline-timing-equaliser"), bcrypt.DefaultCost)
	return h
})

// Authenticate checks a username and password and returns the user.
func (s *Store) Authenticate(ctx context.Context, username, password string) (*User, error) {
	var u User
	err := s.db.WithContext(ctx).Where("username = ?", username).First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		_ = bcrypt.CompareHashAndPassword(dummyHash(), []byte(password))
		return nil, errBadLogin
	}
	if err != nil {
		return nil, err
	}
	if bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(password)) != nil || u.Disabled {
		return nil, errBadLogin
	}
	return &u, nil
}
