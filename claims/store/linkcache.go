package store

import (
	"context"
	"encoding/json"
	"maps"
	"strconv"
	"sync"

	"github.com/factline/factline/timeline"
)

// storyLinker is a story's cross-article linker kept between runs, so an
// article that joins the story is linked alone instead of the whole story
// being read and linked again. It holds the articles it has read and mark,
// the last revision of the log when it last matched the store. The
// revisions since tell what changed: articles that joined are read and
// linked; an article that left, or an edit of an article or event it has
// read (an editor's merge, undo, hide or date), has it built again from
// the store.
type storyLinker struct {
	mu       sync.Mutex
	l        *timeline.Linker
	articles map[int64]bool
	mark     int64
}

// maxChanges is how many revisions since the last run are read to find
// what changed; beyond it the linker is built again.
const maxChanges = 10000

// maxStoryLinkers bounds how many stories keep a linker in memory; beyond
// it the least recently linked story drops its own.
const maxStoryLinkers = 64

// linkers holds the stories' linkers, least recently used first.
type linkers struct {
	mu    sync.Mutex
	order []int64
	by    map[int64]*storyLinker
}

// linkerFor returns the story's linker, locked; the caller unlocks it.
func (s *Store) linkerFor(storyID int64) *storyLinker {
	c := s.linkers
	c.mu.Lock()
	sl := c.by[storyID]
	if sl == nil {
		sl = &storyLinker{}
		c.by[storyID] = sl
		if len(c.order) >= maxStoryLinkers {
			delete(c.by, c.order[0])
			c.order = c.order[1:]
		}
	} else {
		for i, id := range c.order {
			if id == storyID {
				c.order = append(c.order[:i], c.order[i+1:]...)
				break
			}
		}
	}
	c.order = append(c.order, storyID)
	c.mu.Unlock()
	sl.mu.Lock()
	return sl
}

// changesSince reads the revisions after from, up to to when to is not 0:
// the articles that joined the story meanwhile, in order, and whether
// anything else changed what linking it gives (stale). read holds the
// articles already linked, ours the events the linker itself merged.
func (s *Store) changesSince(ctx context.Context, storyID, from, to int64, read, ours map[int64]bool) (joined []int64, stale bool, err error) {
	var revs []Revision
	// The states a revision keeps can be long (an event's every source):
	// only a join's is read, for its article.
	q := s.db.WithContext(ctx).Select("id, entity, entity_id, action").Where("id > ?", from)
	if to != 0 {
		q = q.Where("id <= ?", to)
	}
	err = q.Order("id").Limit(maxChanges + 1).Find(&revs).Error
	if err != nil || len(revs) > maxChanges {
		return nil, true, err
	}
	var events []int64
	for _, r := range revs {
		switch {
		case r.Entity == EntityStory && r.EntityID == storyID && r.Action == ActionJoin:
			var after []string
			if err := s.db.WithContext(ctx).Model(&Revision{}).Where("id = ?", r.ID).Pluck("after", &after).Error; err != nil {
				return nil, true, err
			}
			var m membership
			if len(after) != 1 || json.Unmarshal([]byte(after[0]), &m) != nil {
				return nil, true, nil
			}
			joined = append(joined, m.ArticleID)
		case r.Entity == EntityStory && r.EntityID == storyID && r.Action == ActionLeave:
			return nil, true, nil
		case r.Entity == EntityArticle && read[r.EntityID]:
			return nil, true, nil
		case r.Entity == EntityEvent && !ours[r.EntityID]:
			events = append(events, r.EntityID)
		}
	}
	for len(events) > 0 {
		batch := events[:min(len(events), 500)]
		events = events[len(batch):]
		var arts []int64
		if err := s.db.WithContext(ctx).Model(&EventSource{}).Where("event_id IN ?", batch).Distinct("article_id").Pluck("article_id", &arts).Error; err != nil {
			return nil, true, err
		}
		for _, a := range arts {
			if read[a] {
				return nil, true, nil
			}
		}
	}
	return joined, false, nil
}

// lastRevision is the newest revision's id, 0 in an empty log.
func (s *Store) lastRevision(ctx context.Context) (int64, error) {
	var id int64
	err := s.db.WithContext(ctx).Model(&Revision{}).Select("COALESCE(MAX(id), 0)").Scan(&id).Error
	return id, err
}

// storyArticles lists the story's articles in publication order, the
// order the linker reads them in, or only those of ids when ids is not
// nil.
func (s *Store) storyArticles(ctx context.Context, storyID int64, ids []int64) ([]Article, error) {
	var arts []Article
	q := s.db.WithContext(ctx).Model(&Article{}).Select("id, lang, published").
		Where("id IN (SELECT article_id FROM story_articles WHERE story_id = ?)", storyID)
	if ids != nil {
		q = q.Where("id IN ?", ids)
	}
	err := q.Order("published, id").Find(&arts).Error
	return arts, err
}

// linkNew brings sl up to date with the story and returns what was linked
// and proposed: it reads each article that joined since and applies what
// adding it did, or starts again from every article of the story when the
// story changed otherwise (changesSince) or sl is new.
func (s *Store) linkNew(ctx context.Context, sl *storyLinker, storyID int64) (LinkOutcome, error) {
	var out LinkOutcome
	var joined []int64
	stale := sl.l == nil
	if !stale {
		var err error
		if joined, stale, err = s.changesSince(ctx, storyID, sl.mark, 0, sl.articles, nil); err != nil {
			return out, err
		}
		if !stale && len(joined) == 0 {
			return out, nil
		}
	}
	start, err := s.lastRevision(ctx)
	if err != nil {
		return out, err
	}
	read := sl.articles
	if stale {
		read, joined = map[int64]bool{}, nil
	}
	arts, err := s.storyArticles(ctx, storyID, joined)
	if err != nil {
		return out, err
	}
	l := sl.l
	if stale {
		l = timeline.NewLinker()
	}
	// Until the run ends, sl holds no linker: one that fails half way is
	// built again next time.
	sl.l, sl.articles = nil, nil
	now := maps.Clone(read)
	ours := map[int64]bool{}
	for i := range arts {
		a := &arts[i]
		if now[a.ID] {
			continue
		}
		var body struct{ Body string }
		if err := s.db.WithContext(ctx).Model(&Article{}).Select("body").Where("id = ?", a.ID).Scan(&body).Error; err != nil {
			return out, err
		}
		a.Body = body.Body
		r, err := s.articleReport(ctx, a)
		if err != nil {
			return out, err
		}
		now[a.ID] = true
		if err := s.applyAdded(ctx, storyID, l.Add(r), ours, &out); err != nil {
			return out, err
		}
	}
	// What happened in the log during the run: only the linker's own
	// merges and the joins it read, and the mark moves past them;
	// anything else stays after the mark, for the next run to see.
	end, err := s.lastRevision(ctx)
	if err != nil {
		return out, err
	}
	during, changed, err := s.changesSince(ctx, storyID, start, end, read, ours)
	if err != nil {
		return out, err
	}
	sl.l, sl.articles, sl.mark = l, now, end
	for _, id := range during {
		changed = changed || !now[id]
	}
	if changed {
		sl.mark = start
	}
	return out, nil
}

// applyAdded merges the events one article joined into the event each
// joined, and records the proposals it raised, leaving alone every pair
// an editor or an earlier run decided. The events it merges go in ours.
func (s *Store) applyAdded(ctx context.Context, storyID int64, added timeline.Added, ours map[int64]bool, out *LinkOutcome) error {
	for _, lk := range added.Links {
		target, err := s.liveEvent(ctx, lk.Into[0].EventID)
		if err != nil {
			return err
		}
		others := []string{lk.Event.EventID}
		for _, src := range lk.Into[1:] {
			others = append(others, src.EventID)
		}
		for _, o := range others {
			other, err := s.liveEvent(ctx, o)
			if err != nil {
				return err
			}
			if other == 0 || target == 0 || other == target {
				continue
			}
			if decided, err := s.pairDecided(ctx, storyID, target, other); err != nil || decided {
				return err
			}
			ok, err := s.autoLink(ctx, storyID, target, other)
			if err != nil {
				return err
			}
			if ok {
				out.Linked++
				ours[target], ours[other] = true, true
			}
		}
	}
	for _, p := range added.Proposals {
		a, err := s.liveEvent(ctx, p.Other.EventID)
		if err != nil {
			return err
		}
		b, err := s.liveEvent(ctx, p.Event.EventID)
		if err != nil {
			return err
		}
		if a == 0 || b == 0 || a == b {
			continue
		}
		decided, err := s.pairDecided(ctx, storyID, a, b)
		if err != nil {
			return err
		}
		if decided {
			continue
		}
		ok, err := s.propose(ctx, storyID, a, b, p.Score, p.Reason)
		if err != nil {
			return err
		}
		if ok {
			out.Proposed++
		}
	}
	return nil
}

// liveEvent returns the event that holds event id now, following its
// merges; 0 when it is gone.
func (s *Store) liveEvent(ctx context.Context, id string) (int64, error) {
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return 0, nil
	}
	for hops := 0; hops < 64; hops++ {
		var ev Event
		err := s.db.WithContext(ctx).Select("id, merged_into").Where("id = ?", n).Limit(1).Find(&ev).Error
		if err != nil || ev.ID == 0 {
			return 0, err
		}
		if ev.MergedInto == nil {
			return n, nil
		}
		n = *ev.MergedInto
	}
	return 0, nil
}

// pairDecided reports whether the linker or an editor already linked,
// proposed or decided the pair in the story.
func (s *Store) pairDecided(ctx context.Context, storyID, a, b int64) (bool, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&StoryLink{}).
		Where("story_id = ? AND ((event_id = ? AND other_id = ?) OR (event_id = ? AND other_id = ?))", storyID, a, b, b, a).
		Count(&n).Error
	return n > 0, err
}
