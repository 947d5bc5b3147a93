package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/claims/store"
)

// Two ways back through an event's or claim's history: revert undoes one
// revision (the fields it changed get their old values, later changes to
// other fields stay), asking first when a later change touched one of
// those fields; restore puts the whole version before a revision back.

// revertConfirm is the page that asks before an undo overwrites later
// changes.
type revertConfirm struct {
	Revision int64
	Entity   string
	EntityID int64
	Version  int
	Fields   []store.Overwrite
	Message  string
}

// revert undoes one revision from the history form; "confirm" set to 1
// overwrites later changes the undo would lose, which the page asks about
// first.
func (s *Server) revert(c *gin.Context) {
	t, err := formTarget(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	rev, err := s.cfg.Store.Revert(c.Request.Context(), t.ID, t.Version, c.PostForm("confirm") == "1", who(c).userID())
	var ow *store.OverwriteError
	if errors.As(err, &ow) {
		r, rerr := s.cfg.Store.RevisionByID(c.Request.Context(), t.ID)
		if rerr != nil {
			s.fail(c, rerr)
			return
		}
		s.render(c, http.StatusConflict, "revert_confirm", "Undo revision #"+strconv.FormatInt(t.ID, 10)+"?",
			revertConfirm{Revision: t.ID, Entity: r.Entity, EntityID: r.EntityID, Version: t.Version, Fields: ow.Fields, Message: ow.Error()})
		return
	}
	if s.historyFailed(c, t.ID, err) {
		return
	}
	s.redirectFlash(c, entityPath(rev.Entity, rev.EntityID), "Undid revision #"+strconv.FormatInt(rev.ID, 10)+".")
}

// restore puts back the whole version before a revision, from the
// history form.
func (s *Server) restore(c *gin.Context) {
	t, err := formTarget(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	rev, err := s.cfg.Store.Restore(c.Request.Context(), t.ID, t.Version, who(c).userID())
	if s.historyFailed(c, t.ID, err) {
		return
	}
	s.redirectFlash(c, entityPath(rev.Entity, rev.EntityID), "Restored the version before revision #"+strconv.FormatInt(rev.ID, 10)+".")
}

// historyFailed reports whether err stopped an undo or restore from a
// history form, having answered it. One made on a page older than the
// entity's version goes back to the entity's page, whose history is then
// current, with the reason; any other error fails the request.
func (s *Server) historyFailed(c *gin.Context, revisionID int64, err error) bool {
	if err == nil {
		return false
	}
	if apperr.CodeOf(err) == apperr.Conflict {
		if r, rerr := s.cfg.Store.RevisionByID(c.Request.Context(), revisionID); rerr == nil {
			s.redirectFlash(c, entityPath(r.Entity, r.EntityID), "Nothing was changed: "+err.Error()+". The history below is as it is now.")
			return true
		}
	}
	s.fail(c, err)
	return true
}

// revertBody is a revert or restore: the entity's version the client read
// and, for a revert, whether to overwrite later changes.
type revertBody struct {
	Version int  `json:"version"`
	Confirm bool `json:"confirm"`
}

// apiRevert undoes one revision; an undo that would overwrite later
// changes answers 409 with "overwrites" (field, current, after) and the
// entity as it is now, unless the body has "confirm": true.
func (s *Server) apiRevert(c *gin.Context) {
	var body revertBody
	id, err := idAndJSON(c, &body)
	if err != nil {
		s.fail(c, err)
		return
	}
	ctx := c.Request.Context()
	rev, err := s.cfg.Store.Revert(ctx, id, body.Version, body.Confirm, who(c).userID())
	var ow *store.OverwriteError
	if errors.As(err, &ow) {
		status, e := classify(err)
		r, rerr := s.cfg.Store.RevisionByID(ctx, id)
		if rerr != nil {
			s.fail(c, rerr)
			return
		}
		c.AbortWithStatusJSON(status, gin.H{"error": e, "overwrites": ow.Fields, "current": s.currentOf(c, r)})
		return
	}
	if err != nil {
		s.failConflict(c, err, s.currentOnConflict(c, err, id))
		return
	}
	c.JSON(http.StatusOK, gin.H{"reverted": rev.ID, "entity": rev.Entity, "entity_id": rev.EntityID})
}

// apiRestore puts back the whole version before a revision.
func (s *Server) apiRestore(c *gin.Context) {
	var body struct {
		Version int `json:"version"`
	}
	id, err := idAndJSON(c, &body)
	if err != nil {
		s.fail(c, err)
		return
	}
	rev, err := s.cfg.Store.Restore(c.Request.Context(), id, body.Version, who(c).userID())
	if err != nil {
		s.failConflict(c, err, s.currentOnConflict(c, err, id))
		return
	}
	c.JSON(http.StatusOK, gin.H{"restored": rev.ID, "entity": rev.Entity, "entity_id": rev.EntityID})
}

// currentOnConflict is the entity revision id changed, as it is now, when
// err refused a stale revert or restore; nil otherwise.
func (s *Server) currentOnConflict(c *gin.Context, err error, id int64) any {
	if status, _ := classify(err); status != http.StatusConflict {
		return nil
	}
	r, rerr := s.cfg.Store.RevisionByID(c.Request.Context(), id)
	if rerr != nil {
		return nil
	}
	return s.currentOf(c, r)
}

// currentOf reads the event or claim a revision changed, as it is now.
func (s *Server) currentOf(c *gin.Context, r *store.Revision) any {
	var v any
	var err error
	switch r.Entity {
	case store.EntityEvent:
		v, err = s.cfg.Store.EventByID(c.Request.Context(), r.EntityID)
	case store.EntityClaim:
		v, err = s.cfg.Store.ClaimByID(c.Request.Context(), r.EntityID)
	}
	if err != nil {
		return nil
	}
	return v
}

func entityPath(entity string, id int64) string {
	return "/" + entity + "s/" + strconv.FormatInt(id, 10)
}
