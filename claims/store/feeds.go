package store

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/factline/factline/claims/apperr"
)

// maxFeedURL bounds a feed's address.
const maxFeedURL = 2000

// StoryFeed is an RSS or Atom feed a story follows. Its rules: the URL is
// http(s), at most 2000 bytes, followed once per story; each item link is
// read once (FeedItemSeen); LastReadAt and LastError say when the feed was
// last read and what failed then ("" when nothing did).
type StoryFeed struct {
	ID         int64      `gorm:"column:id;primaryKey" json:"id"`
	StoryID    int64      `gorm:"column:story_id" json:"story_id"`
	URL        string     `gorm:"column:url" json:"url"`
	Title      string     `gorm:"column:title" json:"title"`
	AddedBy    *int64     `gorm:"column:added_by" json:"added_by,omitempty"`
	CreatedAt  time.Time  `gorm:"column:created_at" json:"created_at"`
	LastReadAt *time.Time `gorm:"column:last_read_at" json:"last_read_at"`
	LastError  string     `gorm:"column:last_error" json:"last_error"`
	ItemsAdded int        `gorm:"column:items_added" json:"items_added"`
}

// TableName keeps GORM's pluralisation away from the schema's name.
func (StoryFeed) TableName() string { return "story_feeds" }

// FeedItem records that an item of a feed was read, and what came of it.
type FeedItem struct {
	FeedID    int64     `gorm:"column:feed_id;primaryKey"`
	Link      string    `gorm:"column:link;primaryKey"`
	ArticleID *int64    `gorm:"column:article_id"`
	Error     string    `gorm:"column:error"`
	ReadAt    time.Time `gorm:"column:read_at"`
}

// FollowFeed makes the story follow a feed. A feed it follows already
// fails with apperr.Duplicate naming the feed.
func (s *Store) FollowFeed(ctx context.Context, storyID int64, rawURL string, userID *int64) (*StoryFeed, error) {
	rawURL = strings.TrimSpace(rawURL)
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(rawURL) > maxFeedURL || !storable(rawURL) {
		return nil, apperr.Errorf(apperr.Invalid, "a feed is an http:// or https:// address of at most %d bytes, not %q", maxFeedURL, rawURL)
	}
	f := &StoryFeed{StoryID: storyID, URL: rawURL, AddedBy: userID, CreatedAt: s.Now()}
	err = s.tx(ctx, func(tx *gorm.DB) error {
		var existing []StoryFeed
		if err := tx.Where("story_id = ? AND url = ?", storyID, rawURL).Find(&existing).Error; err != nil {
			return err
		}
		if len(existing) > 0 {
			e := apperr.Errorf(apperr.Duplicate, "the story already follows %s", rawURL)
			e.ID = existing[0].ID
			return e
		}
		if err := tx.Create(f).Error; err != nil {
			return err
		}
		return s.recordRevision(tx, EntityStory, storyID, "follow", nil, map[string]any{"feed": rawURL}, userID)
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// UnfollowFeed stops the story following a feed; what it brought stays.
func (s *Store) UnfollowFeed(ctx context.Context, storyID, feedID int64, userID *int64) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		var f StoryFeed
		err := tx.Where("id = ? AND story_id = ?", feedID, storyID).First(&f).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return apperr.Errorf(apperr.NotFound, "the story follows no feed #%d", feedID)
		}
		if err != nil {
			return err
		}
		if err := tx.Delete(&StoryFeed{}, feedID).Error; err != nil {
			return err
		}
		return s.recordRevision(tx, EntityStory, storyID, "unfollow", map[string]any{"feed": f.URL}, nil, userID)
	})
}

// StoryFeeds lists the feeds a story follows, oldest first; storyID 0
// lists every story's.
func (s *Store) StoryFeeds(ctx context.Context, storyID int64) ([]StoryFeed, error) {
	q := s.db.WithContext(ctx).Order("id")
	if storyID != 0 {
		q = q.Where("story_id = ?", storyID)
	}
	var out []StoryFeed
	return out, q.Find(&out).Error
}

// FeedItemSeen reports whether an item of the feed was read before.
func (s *Store) FeedItemSeen(ctx context.Context, feedID int64, link string) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&FeedItem{}).Where("feed_id = ? AND link = ?", feedID, link).Count(&n).Error
	return n > 0, err
}

// RecordFeedItem notes that an item was read: the article it became, or
// why it failed.
func (s *Store) RecordFeedItem(ctx context.Context, feedID int64, link string, articleID *int64, failure string) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		return tx.Create(&FeedItem{FeedID: feedID, Link: link, ArticleID: articleID, Error: failure, ReadAt: s.Now()}).Error
	})
}

// RecordFeedRead notes that the feed was read now: its title, how many
// articles it added, and what failed ("" when nothing did).
func (s *Store) RecordFeedRead(ctx context.Context, feedID int64, title string, added int, failure string) error {
	now := s.Now()
	return s.tx(ctx, func(tx *gorm.DB) error {
		updates := map[string]any{"last_read_at": now, "last_error": failure, "items_added": gorm.Expr("items_added + ?", added)}
		if title != "" {
			updates["title"] = title
		}
		return tx.Model(&StoryFeed{}).Where("id = ?", feedID).Updates(updates).Error
	})
}
