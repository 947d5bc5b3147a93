package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
)

type usersData struct {
	Users    []store.User
	Tokens   []store.APIToken
	Roles    []string
	NewToken string // the raw token just created, shown once
	Message  string
}

// usersPage lets admins manage accounts and API tokens.
func (s *Server) usersPage(c *gin.Context) {
	s.renderUsers(c, http.StatusOK, usersData{})
}

func (s *Server) renderUsers(c *gin.Context, status int, d usersData) {
	ctx := c.Request.Context()
	var err error
	if d.Users, err = s.cfg.Store.Users(ctx); err != nil {
		s.fail(c, err)
		return
	}
	if d.Tokens, err = s.cfg.Store.Tokens(ctx); err != nil {
		s.fail(c, err)
		return
	}
	d.Roles = []string{store.RoleViewer, store.RoleEditor, store.RoleAdmin}
	s.render(c, status, "users", "Users and tokens", d)
}

// formFailed re-renders the users page with an application error's message, or
// fails the request for any other error.
func (s *Server) formFailed(c *gin.Context, err error) {
	status, body := classify(err)
	if status == http.StatusInternalServerError {
		s.fail(c, err)
		return
	}
	s.renderUsers(c, status, usersData{Message: body.Message})
}

func (s *Server) createUser(c *gin.Context) {
	u, err := s.cfg.Store.CreateUser(c.Request.Context(), c.PostForm("username"), c.PostForm("password"), c.PostForm("role"))
	if err != nil {
		s.formFailed(c, err)
		return
	}
	s.redirectFlash(c, "/admin/users", "Added "+u.Username+" as "+u.Role+".")
}

// userOfPath returns the user the route's :id names; on a bad ID or an
// unknown user it has already answered the request.
func (s *Server) userOfPath(c *gin.Context) (*store.User, bool) {
	id, err := parseID(c, "id")
	if err == nil {
		var u *store.User
		if u, err = s.cfg.Store.UserByID(c.Request.Context(), id); err == nil {
			return u, true
		}
	}
	s.fail(c, err)
	return nil, false
}

func (s *Server) setUserDisabled(c *gin.Context) {
	u, ok := s.userOfPath(c)
	if !ok {
		return
	}
	disable := c.PostForm("disabled") == "1"
	if disable && u.ID == who(c).user.ID {
		s.formFailed(c, apperr.Errorf(apperr.Invalid, "you cannot disable your own account"))
		return
	}
	if err := s.cfg.Store.SetDisabled(c.Request.Context(), u.Username, disable); err != nil {
		s.fail(c, err)
		return
	}
	state := "enabled"
	if disable {
		state = "disabled; their sessions ended"
	}
	s.redirectFlash(c, "/admin/users", u.Username+" "+state+".")
}

// setUserPassword sets a user's password and ends their sessions; an admin
// changing their own keeps the session they are using.
func (s *Server) setUserPassword(c *gin.Context) {
	u, ok := s.userOfPath(c)
	if !ok {
		return
	}
	keep := ""
	if u.ID == who(c).user.ID {
		keep, _ = c.Cookie(sessionCookie)
	}
	if err := s.cfg.Store.SetPassword(c.Request.Context(), u.Username, c.PostForm("password"), keep); err != nil {
		s.formFailed(c, err)
		return
	}
	msg := "Password of " + u.Username + " changed; their sessions ended."
	if keep != "" {
		msg = "Your password changed; your other sessions ended."
	}
	s.redirectFlash(c, "/admin/users", msg)
}

// createToken makes a read-only API token and shows it once: only its hash
// is kept.
func (s *Server) createToken(c *gin.Context) {
	days, err := strconv.Atoi(c.DefaultPostForm("days", "0"))
	if err != nil || days < 0 || days > 3650 {
		s.formFailed(c, apperr.Errorf(apperr.Invalid, "the lifetime must be 0 (no expiry) to 3650 days"))
		return
	}
	_, raw, err := s.cfg.Store.CreateToken(c.Request.Context(), c.PostForm("name"), time.Duration(days)*24*time.Hour, who(c).userID())
	if err != nil {
		s.formFailed(c, err)
		return
	}
	s.renderUsers(c, http.StatusCreated, usersData{NewToken: raw})
}

func (s *Server) revokeToken(c *gin.Context) {
	t, err := s.cfg.Store.RevokeToken(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.formFailed(c, err)
		return
	}
	s.redirectFlash(c, "/admin/users", "Token "+t.Name+" revoked.")
}
