package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/factline/factline/claims/apperr"
	"github.com/gin-gonic/gin"
)

// httpError is a problem with the request itself, found before the store is
// asked: a malformed ID, a missing login, an unknown path.
type httpError struct {
	status int
	code   string
	msg    string
}

func (e *httpError) Error() string { return e.msg }

var (
	errNotFound     = &httpError{http.StatusNotFound, string(apperr.NotFound), "no such page"}
	errMethod       = &httpError{http.StatusMethodNotAllowed, "method_not_allowed", "this address does not accept that method"}
	errUnauthorized = &httpError{http.StatusUnauthorized, "unauthorized", "sign in first, or send an API token as Authorization: Bearer <token>"}
	errReadOnly     = &httpError{http.StatusForbidden, string(apperr.Forbidden), "your account may read but not change anything"}
	errAdminOnly    = &httpError{http.StatusForbidden, string(apperr.Forbidden), "only admins may do this"}
	errCSRF         = &httpError{http.StatusForbidden, "csrf", "the form was too old or came from another site; reload the page and try again"}
	errRateLimited  = &httpError{http.StatusTooManyRequests, "rate_limited", "too many failed sign-ins from your address; wait a little and try again"}
	errInternal     = &httpError{http.StatusInternalServerError, string(apperr.Internal), "something went wrong on our side; it has been logged"}
)

// badRequest is a request that cannot be read at all (400); a request that
// reads fine but asks for something invalid is an apperr.Invalid error (422).
func badRequest(format string, args ...any) error {
	return &httpError{http.StatusBadRequest, string(apperr.Invalid), fmt.Sprintf(format, args...)}
}

// apiError is the JSON error body: {"error": {"code", "message", "id"}}.
type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	// ID names the existing record of a duplicate or the current one of a
	// conflict.
	ID int64 `json:"id,omitempty"`
	// Field names the input an invalid request is about ("value", "end").
	Field string `json:"field,omitempty"`
}

// classify maps any error to its HTTP status and public body. It is the one
// place where application error codes become HTTP statuses.
func classify(err error) (int, apiError) {
	var he *httpError
	var se *apperr.Error
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.status, apiError{Code: he.code, Message: he.msg}
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, apiError{Code: "too_large",
			Message: fmt.Sprintf("the request is larger than the %s this address accepts", byteSize(tooBig.Limit))}
	case errors.As(err, &se):
		body := apiError{Code: string(se.Code), Message: se.Message, ID: se.ID, Field: se.Field}
		switch se.Code {
		case apperr.Invalid:
			return http.StatusUnprocessableEntity, body
		case apperr.NotFound:
			return http.StatusNotFound, body
		case apperr.Conflict, apperr.Duplicate:
			return http.StatusConflict, body
		case apperr.Forbidden:
			return http.StatusForbidden, body
		}
	}
	return http.StatusInternalServerError, apiError{Code: string(apperr.Internal), Message: errInternal.msg}
}

func byteSize(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", n>>10)
}

// isAPI tells whether a request gets JSON answers.
func isAPI(c *gin.Context) bool { return strings.HasPrefix(c.Request.URL.Path, "/api/") }

// fail answers a request with err in the format of its route: JSON for the
// API, an error page otherwise. Internal errors are logged, never shown.
func (s *Server) fail(c *gin.Context, err error) {
	status, body := classify(err)
	if status == http.StatusInternalServerError {
		s.cfg.Logger.Error("request failed", "method", c.Request.Method, "path", c.Request.URL.Path, "err", err)
	}
	if isAPI(c) {
		c.AbortWithStatusJSON(status, gin.H{"error": body})
		return
	}
	c.Abort()
	s.render(c, status, "error", "Error", body)
}

// reply answers an API request with v as JSON, or with err when producing
// v failed.
func (s *Server) reply(c *gin.Context, status int, v any, err error) {
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(status, v)
}

// editFailed reports whether err stopped a form's edit, having answered
// it: an error of one of codes is one the editor can act on, so the form's
// page is shown again through rerender with its message; any other error
// fails the request.
func (s *Server) editFailed(c *gin.Context, err error, rerender func(c *gin.Context, status int, message string), codes ...apperr.Code) bool {
	if err == nil {
		return false
	}
	if slices.Contains(codes, apperr.CodeOf(err)) {
		status, body := classify(err)
		rerender(c, status, body.Message)
		return true
	}
	s.fail(c, err)
	return true
}

// replyEdit answers an API edit with the edited record; when the edit is
// refused as stale, the record as it is now goes with the error (see failConflict).
func (s *Server) replyEdit(c *gin.Context, edited any, err error, current func() (any, error)) {
	if err != nil {
		now, _ := current()
		s.failConflict(c, err, now)
		return
	}
	c.JSON(http.StatusOK, edited)
}

// failConflict answers a stale edit: the API adds the record as it is now,
// so a client can show it and let the editor redo the change.
func (s *Server) failConflict(c *gin.Context, err error, current any) {
	status, body := classify(err)
	if status != http.StatusConflict || !isAPI(c) || current == nil {
		s.fail(c, err)
		return
	}
	c.AbortWithStatusJSON(status, gin.H{"error": body, "current": current})
}
