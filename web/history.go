package web

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/factline/factline/claims/store"
)

// historyEntry is one revision as the history table shows it: who, when,
// which fields changed from what to what.
type historyEntry struct {
	store.Revision
	Who     string
	Changes []change
	// CanRevert is set on a revision a restore can take back, CanUndo on
	// one an undo still has something to put back for (Store.Undoable).
	CanRevert, CanUndo bool
	// BeforeVersion is the entity's version before the revision: the one
	// a restore puts back.
	BeforeVersion int
}

type change struct {
	Field, Before, After string
}

// bookkeeping fields change with every edit, follow from others (the
// interval from the value) or name what the page and the Who column
// already say (the claim a piece of evidence is for, who added it), and
// say nothing more to a reader.
var bookkeeping = map[string]bool{"version": true, "updated_at": true, "created_at": true, "id": true,
	"starts_at": true, "ends_at": true, "claim_id": true, "user_id": true}

// history reads an entity's revisions, newest first, with the changes
// spelled out.
func (s *Server) history(c *gin.Context, entity string, id int64) ([]historyEntry, error) {
	ctx := c.Request.Context()
	revs, err := s.cfg.Store.Revisions(ctx, entity, id)
	if err != nil {
		return nil, err
	}
	users, err := s.cfg.Store.Users(ctx)
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, u := range users {
		names[u.ID] = u.Username
	}
	undoable, err := s.cfg.Store.Undoable(ctx, entity, id, revs)
	if err != nil {
		return nil, err
	}
	out := make([]historyEntry, 0, len(revs))
	for _, r := range slices.Backward(revs) {
		e := historyEntry{Revision: r, Who: "factline", Changes: diff(r.Before, r.After),
			CanRevert: r.Revertable(), CanUndo: undoable[r.ID], BeforeVersion: versionOf(r.Before)}
		if r.UserID != nil {
			e.Who = names[*r.UserID]
		}
		out = append(out, e)
	}
	return out, nil
}

// versionOf reads the version of a JSON snapshot, 0 when it has none.
func versionOf(snapshot string) int {
	var v struct {
		Version int `json:"version"`
	}
	_ = json.Unmarshal([]byte(snapshot), &v)
	return v.Version
}

// diff lists the fields that differ between two JSON snapshots.
func diff(before, after string) []change {
	var b, a map[string]any
	_ = json.Unmarshal([]byte(before), &b)
	_ = json.Unmarshal([]byte(after), &a)
	keys := map[string]bool{}
	for k := range b {
		keys[k] = true
	}
	for k := range a {
		keys[k] = true
	}
	var out []change
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		bv, av := showValue(b[k]), showValue(a[k])
		if bookkeeping[k] || bv == av {
			continue
		}
		out = append(out, change{Field: strings.ReplaceAll(k, "_", " "), Before: bv, After: av})
	}
	return out
}

func showValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, p := range x {
			parts[i] = showValue(p)
		}
		return strings.Join(parts, ", ")
	case float64:
		return fmt.Sprint(int64(x))
	}
	return fmt.Sprint(v)
}

// apiHistory serves an entity's revisions as JSON.
func (s *Server) apiHistory(entity string) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, err := parseID(c, "id")
		if err != nil {
			s.fail(c, err)
			return
		}
		revs, err := s.cfg.Store.Revisions(c.Request.Context(), entity, id)
		s.reply(c, http.StatusOK, gin.H{"revisions": orEmpty(revs)}, err)
	}
}

// historyBox is what the history partial needs from any page.
type historyBox struct {
	History []historyEntry
	CanEdit bool
	CSRF    string
	Version int
}

// historyView packs a page's history for the partial; version is the
// entity's current version, which a revert must name.
func historyView(v view, hist []historyEntry, version int) historyBox {
	return historyBox{History: hist, CanEdit: v.CanEdit, CSRF: v.CSRF, Version: version}
}
