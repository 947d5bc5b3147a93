package store

import (
	"errors"
	"fmt"
)

// Code classifies an application error so that callers (HTTP handlers, the
// CLI) can answer it the right way in one place.
type Code string

// Error codes.
const (
	Invalid   Code = "invalid"
	NotFound  Code = "not_found"
	Conflict  Code = "conflict"
	Duplicate Code = "duplicate"
	Forbidden Code = "forbidden"
	Internal  Code = "internal"
)

// Error is an application error with a code and a message fit for a user.
type Error struct {
	Code    Code
	Message string
	// ID is the existing record a Duplicate or Conflict refers to.
	ID int64
}

func (e *Error) Error() string { return e.Message }

// Errorf makes an Error.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an application error, Internal for any other
// non-nil error and "" for nil.
func ErrorCode(err error) Code {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return Internal
}
