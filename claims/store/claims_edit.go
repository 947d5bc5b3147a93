package store

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
)

// Limits on evidence an editor writes.
const (
	maxEvidenceNote = 5000
	maxEvidenceURL  = 2000
)

// ClaimByID returns one claim.
func (s *Store) ClaimByID(ctx context.Context, id int64) (*Claim, error) {
	return claimByID(s.db.WithContext(ctx), id)
}

func claimByID(db *gorm.DB, id int64) (*Claim, error) {
	var c Claim
	err := db.First(&c, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.Errorf(apperr.NotFound, "no claim #%d", id)
	}
	return &c, err
}

// SetClaimStatus records an editor's verdict on the claim they read at
// version. A verdict of false or disputed needs a rationale (an
// apperr.Invalid on the field "rationale" without one); a rationale given
// with any verdict is kept as the claim's evidence, in the same change.
func (s *Store) SetClaimStatus(ctx context.Context, id int64, version int, status, rationale string, userID *int64) (*Claim, error) {
	st, err := claims.ParseStatus(status)
	if err != nil {
		return nil, apperr.Errorf(apperr.Invalid, "status must be unverified, verified, disputed, false or unverifiable, not %q", status)
	}
	rationale = strings.TrimSpace(rationale)
	if st.NeedsRationale() && rationale == "" {
		return nil, apperr.InField("rationale", "say why the claim is %s: a verdict of false or disputed needs a rationale, kept with the claim's evidence", st)
	}
	if rationale != "" {
		if err := checkEvidence(rationale, ""); err != nil {
			return nil, apperr.InField("rationale", "%s", err.Error())
		}
	}
	var out *Claim
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if out, err = s.saveClaimStatus(tx, id, version, string(st), ActionStatus, userID); err != nil || rationale == "" {
			return err
		}
		_, err = s.addEvidence(tx, id, rationale, "", userID)
		return err
	})
	return out, err
}

// saveClaimStatus is the one place a claim's status changes: version check,
// update, revision.
func (s *Store) saveClaimStatus(tx *gorm.DB, id int64, version int, status, action string, userID *int64) (*Claim, error) {
	before, err := claimByID(tx, id)
	if err != nil {
		return nil, err
	}
	if before.Version != version {
		e := apperr.Errorf(apperr.Conflict, "claim #%d was changed by someone else since you opened it (you saw version %d, it is now at version %d)", id, version, before.Version)
		e.ID = id
		return nil, e
	}
	after := *before
	after.Status, after.Version, after.UpdatedAt = status, version+1, s.Now()
	res := tx.Model(&Claim{}).Where("id = ? AND version = ?", id, version).
		Updates(map[string]any{"status": after.Status, "version": after.Version, "updated_at": after.UpdatedAt})
	if res.Error != nil {
		return nil, res.Error
	}
	if res.RowsAffected == 0 {
		e := apperr.Errorf(apperr.Conflict, "claim #%d was changed by someone else at the same moment; reload it", id)
		e.ID = id
		return nil, e
	}
	return &after, s.recordRevision(tx, EntityClaim, id, action, before, &after, userID)
}

// AddEvidence attaches a note and/or a link to a claim. Evidence is only
// ever added, so it needs no version; it is logged like any change.
func (s *Store) AddEvidence(ctx context.Context, claimID int64, note, link string, userID *int64) (*ClaimEvidence, error) {
	note, link = strings.TrimSpace(note), strings.TrimSpace(link)
	if err := checkEvidence(note, link); err != nil {
		return nil, err
	}
	var ev *ClaimEvidence
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if _, err := claimByID(tx, claimID); err != nil {
			return err
		}
		var err error
		ev, err = s.addEvidence(tx, claimID, note, link, userID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return ev, nil
}

// checkEvidence refuses an empty, oversized or unstorable note and a link
// that is not an http(s) URL.
func checkEvidence(note, link string) error {
	if note == "" && link == "" {
		return apperr.Errorf(apperr.Invalid, "write a note or give a link")
	}
	if utf8.RuneCountInString(note) > maxEvidenceNote {
		return apperr.Errorf(apperr.Invalid, "the note must be at most %d characters", maxEvidenceNote)
	}
	if !storable(note) {
		return apperr.Errorf(apperr.Invalid, "the note may not contain NUL characters or invalid UTF-8")
	}
	if link != "" {
		u, err := url.Parse(link)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(link) > maxEvidenceURL {
			return apperr.Errorf(apperr.Invalid, "the link must be an http(s) URL of at most %d characters", maxEvidenceURL)
		}
	}
	return nil
}

// addEvidence stores checked evidence and logs it.
func (s *Store) addEvidence(tx *gorm.DB, claimID int64, note, link string, userID *int64) (*ClaimEvidence, error) {
	ev := &ClaimEvidence{ClaimID: claimID, Note: note, URL: link, UserID: userID, CreatedAt: s.Now()}
	if err := tx.Create(ev).Error; err != nil {
		return nil, err
	}
	return ev, s.recordRevision(tx, EntityClaim, claimID, ActionEvidence, nil, ev, userID)
}

// Evidence returns a claim's evidence, oldest first.
func (s *Store) Evidence(ctx context.Context, claimID int64) ([]ClaimEvidence, error) {
	out := []ClaimEvidence{}
	err := s.db.WithContext(ctx).Where("claim_id = ?", claimID).Order("id").Find(&out).Error
	return out, err
}

// ReviewItem is a claim in the review queue with its article's headline
// facts.
type ReviewItem struct {
	Claim
	ArticleTitle string `json:"article_title"`
	Publisher    string `json:"publisher"`
	Published    string `json:"published"`
}

// ReviewFilter narrows the review queue.
type ReviewFilter struct {
	Status    string // one status, or "" for all
	Speaker   string
	Query     string // words in the claim's text or its speaker
	ArticleID int64
	Limit     int
	Offset    int
}

// ReviewQueue lists claims for checking: unverified first, then the newest
// articles, each article's claims in text order.
func (s *Store) ReviewQueue(ctx context.Context, f ReviewFilter) ([]ReviewItem, int64, error) {
	q := s.db.WithContext(ctx).Table("claims AS c").Joins("JOIN articles a ON a.id = c.article_id")
	if f.Status != "" {
		st, err := claims.ParseStatus(f.Status)
		if err != nil {
			return nil, 0, apperr.Errorf(apperr.Invalid, "unknown status %q", f.Status)
		}
		q = q.Where("c.status = ?", string(st))
	}
	if f.Speaker != "" {
		q = q.Where("c.speaker = ?", f.Speaker)
	}
	if f.ArticleID != 0 {
		q = q.Where("c.article_id = ?", f.ArticleID)
	}
	if f.Query != "" {
		q = containing(q, f.Query, "c.text", "c.speaker")
	}
	var total int64
	if err := q.Count(&total).Error; err != nil {
		return nil, 0, err
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	out := []ReviewItem{}
	err := q.Select("c.*, a.title AS article_title, a.publisher, a.published").
		Order("CASE WHEN c.status = 'unverified' THEN 0 ELSE 1 END, a.published DESC, c.article_id DESC, c.start_offset").
		Limit(f.Limit).Offset(f.Offset).Scan(&out).Error
	return out, total, err
}

// EventsOfClaim lists the events a claim is a source of, in timeline
// order: what the pipeline or an editor made of what was said.
func (s *Store) EventsOfClaim(ctx context.Context, claimID int64) ([]Event, error) {
	q := s.db.WithContext(ctx).Model(&Event{}).
		Where("EXISTS (SELECT 1 FROM event_sources es WHERE es.event_id = events.id AND es.claim_id = ?)", claimID).
		Order("events.starts_at, events.id")
	return findEvents(q, []Event{})
}
