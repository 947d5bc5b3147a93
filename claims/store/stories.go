package store

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/factline/factline/claims"
	"github.com/factline/factline/claims/apperr"
)

// EntityStory names stories in the revision log; joining and leaving
// articles are logged on the story.
const EntityStory = "story"

// Actions on a story's membership in the revision log.
const (
	ActionJoin  = "join"
	ActionLeave = "leave"
)

// How an article joined a story.
const (
	JoinedByIngest   = "ingest"
	JoinedByEditor   = "editor"
	JoinedByProposal = "proposal"
)

// Story limits.
const (
	maxStoryTitle       = 200
	maxStoryDescription = 5000
)

// Story is a named collection of articles with its own timeline, review
// queue and exports. Its rules:
//   - Name is its handle in URLs and on the command line: 1-64 ASCII
//     letters, digits, '.', '_' or '-', starting with a letter or digit,
//     unique whatever its case ("qz8501" finds "QZ8501"); it never changes;
//   - Title (at most 200 characters) is what readers see, the name when
//     none is given; Description at most 5000 characters;
//   - Tags are lower-case, without commas, at most 20;
//   - an article may belong to any number of stories; joining and leaving
//     are logged on the story, as are edits, which name the version they
//     were made on (a stale one fails with apperr.Conflict).
type Story struct {
	ID          int64     `gorm:"column:id;primaryKey" json:"id"`
	Name        string    `gorm:"column:name" json:"name"`
	Title       string    `gorm:"column:title" json:"title"`
	Description string    `gorm:"column:description" json:"description"`
	TagList     string    `gorm:"column:tags" json:"-"`
	Tags        []string  `gorm:"-" json:"tags"`
	CreatedBy   *int64    `gorm:"column:created_by" json:"created_by,omitempty"`
	CreatedAt   time.Time `gorm:"column:created_at" json:"created_at"`
	UpdatedAt   time.Time `gorm:"column:updated_at" json:"updated_at"`
	Version     int       `gorm:"column:version" json:"version"`
	// Articles counts the story's articles when a listing reads it.
	Articles int64 `gorm:"column:articles;->" json:"articles"`
}

// TableName keeps GORM's pluralisation away from the schema's name.
func (Story) TableName() string { return "stories" }

// StoryArticle records that an article belongs to a story.
type StoryArticle struct {
	StoryID   int64     `gorm:"column:story_id;primaryKey" json:"story_id"`
	ArticleID int64     `gorm:"column:article_id;primaryKey" json:"article_id"`
	JoinedBy  string    `gorm:"column:joined_by" json:"joined_by"`
	AddedBy   *int64    `gorm:"column:added_by" json:"added_by,omitempty"`
	CreatedAt time.Time `gorm:"column:created_at" json:"created_at"`
}

// StoryInput is a new story or the fields an edit changes (nil: unchanged).
type StoryInput struct {
	Title       *string  `json:"title"`
	Description *string  `json:"description"`
	Tags        []string `json:"tags"`
	// SetTags says Tags replaces the tags, even when empty.
	SetTags bool `json:"-"`
}

// apply validates the input and writes it into st.
func (in StoryInput) apply(st *Story) error {
	for _, text := range []*string{in.Title, in.Description} {
		if text != nil && !storable(*text) {
			return apperr.Errorf(apperr.Invalid, "the text may not contain NUL characters or invalid UTF-8")
		}
	}
	if in.Title != nil {
		t := strings.TrimSpace(*in.Title)
		if utf8.RuneCountInString(t) > maxStoryTitle {
			return apperr.Errorf(apperr.Invalid, "a story's title must be at most %d characters", maxStoryTitle)
		}
		if t == "" {
			t = st.Name
		}
		st.Title = t
	}
	if in.Description != nil {
		d := strings.TrimSpace(*in.Description)
		if utf8.RuneCountInString(d) > maxStoryDescription {
			return apperr.Errorf(apperr.Invalid, "a story's description must be at most %d characters", maxStoryDescription)
		}
		st.Description = d
	}
	if in.SetTags || in.Tags != nil {
		tags, err := cleanTags(in.Tags)
		if err != nil {
			return err
		}
		st.Tags, st.TagList = tags, strings.Join(tags, ",")
	}
	return nil
}

// loaded fills what the row does not hold as such.
func (st *Story) loaded() {
	st.Tags = []string{}
	if st.TagList != "" {
		st.Tags = strings.Split(st.TagList, ",")
	}
}

// CreateStory adds a story. A name already taken (whatever its case) fails
// with apperr.Duplicate naming the existing story's ID.
func (s *Store) CreateStory(ctx context.Context, name string, in StoryInput, userID *int64) (*Story, error) {
	var st *Story
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		st, err = s.createStory(tx, name, in, userID)
		return err
	})
	return st, err
}

func (s *Store) createStory(tx *gorm.DB, name string, in StoryInput, userID *int64) (*Story, error) {
	name = strings.TrimSpace(name)
	if err := claims.ValidStoryName(name); err != nil {
		return nil, err
	}
	if in.Title == nil {
		in.Title = &name
	}
	now := s.Now()
	st := &Story{Name: name, CreatedBy: userID, CreatedAt: now, UpdatedAt: now, Version: 1}
	if err := in.apply(st); err != nil {
		return nil, err
	}
	if existing, err := storyByName(tx, name); err == nil {
		return nil, duplicateStory(existing)
	} else if apperr.CodeOf(err) != apperr.NotFound {
		return nil, err
	}
	if err := tx.Omit("articles").Create(st).Error; err != nil {
		if isUniqueViolation(err) {
			return nil, apperr.Errorf(apperr.Duplicate, "a story named %q already exists", name)
		}
		return nil, err
	}
	st.loaded()
	return st, s.recordRevision(tx, EntityStory, st.ID, ActionCreate, nil, st, userID)
}

func duplicateStory(st *Story) error {
	e := apperr.Errorf(apperr.Duplicate, "a story named %q already exists", st.Name)
	e.ID = st.ID
	return e
}

// EnsureStory returns the story named name, creating it (titled by its
// name) when there is none; created says which.
func (s *Store) EnsureStory(ctx context.Context, name string, userID *int64) (st *Story, created bool, err error) {
	if st, err = s.StoryByName(ctx, name); apperr.CodeOf(err) != apperr.NotFound {
		return st, false, err
	}
	st, err = s.CreateStory(ctx, name, StoryInput{}, userID)
	if apperr.CodeOf(err) == apperr.Duplicate {
		// Another writer created it in between.
		st, err = s.StoryByName(ctx, name)
		return st, false, err
	}
	return st, err == nil, err
}

// StoryByName returns the story with this name, whatever its case.
func (s *Store) StoryByName(ctx context.Context, name string) (*Story, error) {
	return storyByName(s.db.WithContext(ctx), name)
}

func storyByName(db *gorm.DB, name string) (*Story, error) {
	name = strings.TrimSpace(name)
	if err := claims.ValidStoryName(name); err != nil {
		return nil, err
	}
	var st Story
	err := db.Omit("articles").Where("lower(name) = ?", strings.ToLower(name)).First(&st).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.Errorf(apperr.NotFound, "no story named %q", name)
	}
	if err != nil {
		return nil, err
	}
	st.loaded()
	return &st, nil
}

// Stories lists every story, most recently changed first, with how many
// articles each holds.
func (s *Store) Stories(ctx context.Context) ([]Story, error) {
	var out []Story
	err := s.db.WithContext(ctx).Model(&Story{}).
		Select("stories.*, (SELECT COUNT(*) FROM story_articles sa WHERE sa.story_id = stories.id) AS articles").
		Order("updated_at DESC, id DESC").Find(&out).Error
	for i := range out {
		out[i].loaded()
	}
	return out, err
}

// UpdateStory edits a story's title, description or tags. version is the
// version the edit was made on; a stale one fails with apperr.Conflict.
func (s *Store) UpdateStory(ctx context.Context, name string, version int, in StoryInput, userID *int64) (*Story, error) {
	var out *Story
	err := s.tx(ctx, func(tx *gorm.DB) error {
		before, err := storyByName(tx, name)
		if err != nil {
			return err
		}
		if before.Version != version {
			e := apperr.Errorf(apperr.Conflict, "story %s was changed by someone else since you opened it (you edited version %d, it is now at version %d)", before.Name, version, before.Version)
			e.ID = before.ID
			return e
		}
		after := *before
		if err := in.apply(&after); err != nil {
			return err
		}
		after.Version, after.UpdatedAt = before.Version+1, s.Now()
		res := tx.Model(&Story{}).Where("id = ? AND version = ?", before.ID, before.Version).Updates(map[string]any{
			"title": after.Title, "description": after.Description, "tags": after.TagList,
			"updated_at": after.UpdatedAt, "version": after.Version})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected != 1 {
			return apperr.Errorf(apperr.Conflict, "story %s was changed by someone else since you opened it", before.Name)
		}
		out = &after
		return s.recordRevision(tx, EntityStory, before.ID, ActionUpdate, before, &after, userID)
	})
	return out, err
}

// membership is what the revision log records when an article joins or
// leaves a story.
type membership struct {
	ArticleID int64  `json:"article_id"`
	JoinedBy  string `json:"joined_by,omitempty"`
}

// AddStoryArticle puts an article in a story; joinedBy says how (ingest,
// editor or proposal). An article already there fails with
// apperr.Duplicate, an unknown article with apperr.NotFound.
func (s *Store) AddStoryArticle(ctx context.Context, storyID, articleID int64, joinedBy string, userID *int64) error {
	return s.tx(ctx, func(tx *gorm.DB) error { return s.joinStory(tx, storyID, articleID, joinedBy, userID) })
}

func (s *Store) joinStory(tx *gorm.DB, storyID, articleID int64, joinedBy string, userID *int64) error {
	switch joinedBy {
	case JoinedByIngest, JoinedByEditor, JoinedByProposal:
	default:
		return apperr.Errorf(apperr.Invalid, "an article joins a story by ingest, editor or proposal, not %q", joinedBy)
	}
	var n int64
	if err := tx.Model(&Story{}).Where("id = ?", storyID).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return apperr.Errorf(apperr.NotFound, "no story #%d", storyID)
	}
	if err := tx.Model(&Article{}).Where("id = ?", articleID).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return apperr.Errorf(apperr.NotFound, "no article #%d", articleID)
	}
	if err := tx.Model(&StoryArticle{}).Where("story_id = ? AND article_id = ?", storyID, articleID).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		e := apperr.Errorf(apperr.Duplicate, "article #%d is already in the story", articleID)
		e.ID = articleID
		return e
	}
	if err := tx.Create(&StoryArticle{StoryID: storyID, ArticleID: articleID, JoinedBy: joinedBy, AddedBy: userID, CreatedAt: s.Now()}).Error; err != nil {
		return err
	}
	return s.recordRevision(tx, EntityStory, storyID, ActionJoin, nil, membership{ArticleID: articleID, JoinedBy: joinedBy}, userID)
}

// RemoveStoryArticle takes an article out of a story; the article and its
// events stay. An article not in the story fails with apperr.NotFound.
func (s *Store) RemoveStoryArticle(ctx context.Context, storyID, articleID int64, userID *int64) error {
	return s.tx(ctx, func(tx *gorm.DB) error {
		var m StoryArticle
		err := tx.Where("story_id = ? AND article_id = ?", storyID, articleID).First(&m).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return apperr.Errorf(apperr.NotFound, "article #%d is not in the story", articleID)
		}
		if err != nil {
			return err
		}
		if err := tx.Where("story_id = ? AND article_id = ?", storyID, articleID).Delete(&StoryArticle{}).Error; err != nil {
			return err
		}
		return s.recordRevision(tx, EntityStory, storyID, ActionLeave, membership{ArticleID: articleID, JoinedBy: m.JoinedBy}, nil, userID)
	})
}

// StoryArticles lists a story's articles, oldest publication first, without
// their bodies.
func (s *Store) StoryArticles(ctx context.Context, storyID int64) ([]Article, error) {
	var out []Article
	err := s.db.WithContext(ctx).Model(&Article{}).Omit("body").
		Where("id IN (SELECT article_id FROM story_articles WHERE story_id = ?)", storyID).
		Order("published, id").Find(&out).Error
	return out, err
}

// ArticleStories lists the stories an article belongs to, by name.
func (s *Store) ArticleStories(ctx context.Context, articleID int64) ([]Story, error) {
	var out []Story
	err := s.db.WithContext(ctx).Omit("articles").
		Where("id IN (SELECT story_id FROM story_articles WHERE article_id = ?)", articleID).
		Order("name").Find(&out).Error
	for i := range out {
		out[i].loaded()
	}
	return out, err
}
