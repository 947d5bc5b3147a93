// Package apperr is factline's application error: a message fit for a user
// and a code that says what kind of failure it is. Every layer (the store,
// readers, exports, the filter) reports its failures this way without
// depending on the others, and the callers that answer users (HTTP
// handlers, the CLI) turn codes into statuses in one place each.
package apperr

import (
	"errors"
	"fmt"
)

// Code classifies an application error so that callers (HTTP handlers, the
// CLI) can answer it the right way in one place.
type Code string

// Error codes.
const (
	// Invalid: the input reads, but asks for something not allowed or not
	// possible (an unknown status, a date that is no date, a stale revert).
	Invalid Code = "invalid"
	// NotFound: the record asked for does not exist.
	NotFound Code = "not_found"
	// Conflict: the edit was made against an older version of the record.
	Conflict Code = "conflict"
	// Duplicate: the record already exists (Error.ID names it).
	Duplicate Code = "duplicate"
	// Forbidden: the caller may not do this.
	Forbidden Code = "forbidden"
	// Internal: anything else; its message is not shown to users.
	Internal Code = "internal"
)

// Error is an application error with a code and a message fit for a user.
type Error struct {
	Code    Code
	Message string
	// ID is the existing record a Duplicate or Conflict refers to.
	ID int64
	// Field names the input an Invalid error is about ("value", "end"),
	// so a form can show the message next to it; "" when it is about no
	// one field.
	Field string
}

func (e *Error) Error() string { return e.Message }

// Errorf makes an Error.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// InField makes an Invalid error about one input field.
func InField(field, format string, args ...any) *Error {
	e := Errorf(Invalid, format, args...)
	e.Field = field
	return e
}

// FieldOf returns the field an application error is about, "" for none.
func FieldOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}

// CodeOf returns the code of an application error, Internal for any other
// non-nil error and "" for nil.
func CodeOf(err error) Code {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return Internal
}
