package claims

import (
	"fmt"
	"strings"
)

// Status is where an editor stands on a claim. Every claim starts
// unverified; changes and their revision log are kept by the store.
type Status string

// Verification statuses.
const (
	StatusUnverified   Status = "unverified"
	StatusVerified     Status = "verified"
	StatusDisputed     Status = "disputed"
	StatusFalse        Status = "false"
	StatusUnverifiable Status = "unverifiable"
)

// Statuses lists every valid status, the default first.
var Statuses = []Status{StatusUnverified, StatusVerified, StatusDisputed, StatusFalse, StatusUnverifiable}

// NeedsRationale tells whether an editor who gives the verdict must say
// why: calling a claim false or disputed is a finding readers will ask
// about.
func (s Status) NeedsRationale() bool { return s == StatusFalse || s == StatusDisputed }

// ParseStatus reads a status name, ignoring case and surrounding space. The
// empty string is the default, unverified.
func ParseStatus(s string) (Status, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" {
		return StatusUnverified, nil
	}
	for _, st := range Statuses {
		if string(st) == s {
			return st, nil
		}
	}
	return "", fmt.Errorf("claims: unknown verification status %q", s)
}

// Valid reports whether s is one of the defined statuses.
func (s Status) Valid() bool {
	for _, st := range Statuses {
		if st == s {
			return true
		}
	}
	return false
}
