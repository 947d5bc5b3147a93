package store

import (
	"context"
	"encoding/json"

	"gorm.io/gorm"
)

// Entities named in the revision log.
const (
	EntityArticle = "article"
	EntityClaim   = "claim"
	EntityEvent   = "event"
)

// recordRevision appends one change to the revision log inside tx. before
// and after are marshalled to JSON; nil stands for "did not exist".
func (s *Store) recordRevision(tx *gorm.DB, entity string, id int64, action string, before, after any, userID *int64) error {
	enc := func(v any) (string, error) {
		if v == nil {
			return "", nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	b, err := enc(before)
	if err != nil {
		return err
	}
	a, err := enc(after)
	if err != nil {
		return err
	}
	return tx.Create(&Revision{Entity: entity, EntityID: id, Action: action, Before: b, After: a, UserID: userID, CreatedAt: s.Now()}).Error
}

// Revisions returns the history of one entity, oldest first.
func (s *Store) Revisions(ctx context.Context, entity string, id int64) ([]Revision, error) {
	var rs []Revision
	err := s.db.WithContext(ctx).Where("entity = ? AND entity_id = ?", entity, id).Order("id").Find(&rs).Error
	return rs, err
}
