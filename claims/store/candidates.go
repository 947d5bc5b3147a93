package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/factline/factline/claims/apperr"
	"github.com/factline/factline/timeline"
)

// An article is proposed for a story when at least minSharedEvents of its
// dated events and at least minSharedShare of them are, by the linker,
// events the story's articles tell (linked or proposed), and it was
// published within candidateWindow of the story's articles. The linker
// reads what a happening's sentences share (names, organisations, numbers
// such as flight numbers, the act, content words, across languages) and
// whether their dates fit, which is what makes an article one of a
// story's. The share was checked on the gold stories (testdata/stories,
// see TestStoryCandidates): of the Sinar Bahari articles kept out of a
// story of its first four, two share 0.40 and 0.25 of their events and
// one none; articles of the two other gold stories, dated to fit, none.
const (
	minSharedEvents = 1
	minSharedShare  = 0.2
	candidateWindow = 30 * 24 * time.Hour
)

// StoryCandidate is an article proposed for a story, with its score (the
// share of its events the story tells) and the reason in words. Its rules:
// pending until an editor accepts it (the article joins the story, by
// proposal) or rejects it; a decided pair is never proposed again.
type StoryCandidate struct {
	ID        int64      `gorm:"column:id;primaryKey" json:"id"`
	StoryID   int64      `gorm:"column:story_id" json:"story_id"`
	ArticleID int64      `gorm:"column:article_id" json:"article_id"`
	Score     float64    `gorm:"column:score" json:"score"`
	Reason    string     `gorm:"column:reason" json:"reason"`
	Status    string     `gorm:"column:status" json:"status"`
	DecidedBy *int64     `gorm:"column:decided_by" json:"decided_by,omitempty"`
	CreatedAt time.Time  `gorm:"column:created_at" json:"created_at"`
	DecidedAt *time.Time `gorm:"column:decided_at" json:"decided_at,omitempty"`
	// Title is the article's title, for listings.
	Title string `gorm:"column:title;->" json:"title"`
}

// TableName keeps GORM's pluralisation away from the schema's name.
func (StoryCandidate) TableName() string { return "story_candidates" }

// ProposeStories proposes the article for every story it resembles and
// is not in, and returns how many proposals it made.
func (s *Store) ProposeStories(ctx context.Context, articleID int64) (int, error) {
	a, err := s.ArticleByID(ctx, articleID)
	if err != nil {
		return 0, err
	}
	rep, err := s.articleReport(ctx, a)
	if err != nil || len(rep.Events) == 0 {
		return 0, err
	}
	var skip []int64
	if err := s.db.WithContext(ctx).Model(&StoryArticle{}).Where("article_id = ?", articleID).Pluck("story_id", &skip).Error; err != nil {
		return 0, err
	}
	var decided []int64
	if err := s.db.WithContext(ctx).Model(&StoryCandidate{}).Where("article_id = ?", articleID).Pluck("story_id", &decided).Error; err != nil {
		return 0, err
	}
	skip = append(skip, decided...)
	stories, err := s.Stories(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, st := range stories {
		if slices.Contains(skip, st.ID) || st.Articles == 0 {
			continue
		}
		fits, err := s.publishedNear(ctx, st.ID, a.Published)
		if err != nil {
			return n, err
		}
		if !fits {
			continue
		}
		reports, err := s.storyReports(ctx, st.ID)
		if err != nil {
			return n, err
		}
		shared, example := sharedEvents(reports, rep)
		share := float64(shared) / float64(len(rep.Events))
		if shared < minSharedEvents || share < minSharedShare {
			continue
		}
		c := StoryCandidate{StoryID: st.ID, ArticleID: articleID, Score: share, Status: LinkPending, CreatedAt: s.Now(),
			Reason: fmt.Sprintf("%d of its %d events are the story's, such as %q", shared, len(rep.Events), example)}
		err = s.tx(ctx, func(tx *gorm.DB) error { return tx.Omit("title").Create(&c).Error })
		if err != nil && !isUniqueViolation(err) {
			return n, err
		}
		if err == nil {
			n++
		}
	}
	return n, nil
}

// publishedNear reports whether a publication date (YYYY-MM-DD, "" when
// unknown) falls within candidateWindow of the story's articles.
func (s *Store) publishedNear(ctx context.Context, storyID int64, published string) (bool, error) {
	day, err := time.Parse("2006-01-02", published)
	if err != nil {
		return true, nil
	}
	var bounds struct{ First, Last string }
	err = s.db.WithContext(ctx).Model(&Article{}).Select("MIN(published) AS first, MAX(published) AS last").
		Where("published <> '' AND id IN (SELECT article_id FROM story_articles WHERE story_id = ?)", storyID).Scan(&bounds).Error
	if err != nil {
		return false, err
	}
	first, err1 := time.Parse("2006-01-02", bounds.First)
	last, err2 := time.Parse("2006-01-02", bounds.Last)
	if err1 != nil || err2 != nil {
		return true, nil
	}
	return !day.Before(first.Add(-candidateWindow)) && !day.After(last.Add(candidateWindow)), nil
}

// sharedEvents counts the candidate's events the linker puts with the
// story's events, and names one.
func sharedEvents(story []timeline.Report, cand timeline.Report) (int, string) {
	cand.Doc = "candidate"
	res := timeline.Link(append(slices.Clone(story), cand))
	withStory := map[string]bool{} // linked event IDs holding a story source
	for _, le := range res.Events {
		for _, src := range le.Sources {
			if src.Doc != cand.Doc {
				withStory[le.ID] = true
			}
		}
	}
	shared := map[string]bool{}
	example := ""
	note := func(eventID, headline string) {
		if !shared[eventID] {
			shared[eventID] = true
			if example == "" {
				example = headline
			}
		}
	}
	byID := map[string]timeline.LinkedEvent{}
	for _, le := range res.Events {
		byID[le.ID] = le
		for _, src := range le.Sources {
			if src.Doc == cand.Doc && withStory[le.ID] {
				note(src.EventID, src.Headline)
			}
		}
	}
	for _, p := range res.Proposals {
		for i, id := range p.Events {
			other := p.Events[1-i]
			if !withStory[other] {
				continue
			}
			for _, src := range byID[id].Sources {
				if src.Doc == cand.Doc {
					note(src.EventID, src.Headline)
				}
			}
		}
	}
	return len(shared), example
}

// StoryCandidates lists the articles proposed for a story and waiting.
func (s *Store) StoryCandidates(ctx context.Context, storyID int64) ([]StoryCandidate, error) {
	var out []StoryCandidate
	err := s.db.WithContext(ctx).Table("story_candidates AS c").Select("c.*, a.title").
		Joins("JOIN articles a ON a.id = c.article_id").
		Where("c.story_id = ? AND c.status = ?", storyID, LinkPending).Order("c.score DESC, c.id").Scan(&out).Error
	return out, err
}

// maxCandidateDecisions bounds how many proposals one decision takes.
const maxCandidateDecisions = 500

// DecideStoryCandidates accepts (the articles join the story, and their
// events are linked with the story's) or rejects articles proposed for a
// story, and returns how many it decided. It decides all or none: an ID
// that names no proposal of this story (apperr.NotFound) or one already
// decided (apperr.Invalid) fails the call with nothing changed. Each
// accepted article's joining is logged as one decided alone is.
func (s *Store) DecideStoryCandidates(ctx context.Context, storyID int64, candidateIDs []int64, decision string, userID *int64) (int, error) {
	status := LinkRejected
	switch decision {
	case DecideAccept:
		status = LinkAccepted
	case DecideReject:
	default:
		return 0, apperr.Errorf(apperr.Invalid, "decision must be accept or reject, not %q", decision)
	}
	ids := slices.Compact(slices.Sorted(slices.Values(candidateIDs)))
	if len(ids) == 0 || len(ids) > maxCandidateDecisions {
		return 0, apperr.Errorf(apperr.Invalid, "choose 1-%d proposed articles", maxCandidateDecisions)
	}
	now := s.Now()
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var cs []StoryCandidate
		if err := tx.Omit("title").Where("id IN ? AND story_id = ?", ids, storyID).Order("id").Find(&cs).Error; err != nil {
			return err
		}
		for i, id := range ids {
			if i >= len(cs) || cs[i].ID != id {
				return apperr.Errorf(apperr.NotFound, "no proposed article #%d in this story", id)
			}
			if cs[i].Status != LinkPending {
				return apperr.Errorf(apperr.Invalid, "the proposal of article #%d was already %s", cs[i].ArticleID, cs[i].Status)
			}
		}
		for _, c := range cs {
			if status == LinkAccepted {
				if err := s.joinStory(tx, storyID, c.ArticleID, JoinedByProposal, userID); err != nil && apperr.CodeOf(err) != apperr.Duplicate {
					return err
				}
			}
			res := tx.Model(&StoryCandidate{}).Where("id = ? AND status = ?", c.ID, LinkPending).
				Updates(map[string]any{"status": status, "decided_by": userID, "decided_at": now})
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 0 {
				return apperr.Errorf(apperr.Conflict, "the proposal of article #%d was decided by someone else at the same moment", c.ArticleID)
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if status == LinkAccepted {
		if _, err := s.LinkStory(ctx, storyID); err != nil {
			return len(ids), err
		}
	}
	return len(ids), nil
}
