package ingest

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/factline/factline/claims/store"
)

// MaxFeedItems is how many of a feed's items one read looks at, newest
// first as feeds list them; older ones wait for a later read only if they
// stay in the feed.
const MaxFeedItems = 50

// FeedOutcome is what one read of a feed did.
type FeedOutcome struct {
	Title    string
	Items    int // items looked at
	Added    int // new articles stored
	Joined   int // articles stored before that joined the story
	Failures []string
}

// ReadFeed reads a feed the story follows: every item not read before is
// fetched through the Ingester's Fetcher (its address guard, timeout and
// size cap), read with the item's own title, link and publication date,
// and stored in the story, or joined to it when its text is stored
// already. The feed's record says when it was read and what failed. The
// Ingester's StoryIDs are ignored: the feed's story is the one joined.
func (in *Ingester) ReadFeed(ctx context.Context, feed store.StoryFeed) FeedOutcome {
	var out FeedOutcome
	parsed, err := in.fetchFeed(ctx, feed.URL)
	if err != nil {
		out.Failures = append(out.Failures, err.Error())
		in.Store.RecordFeedRead(ctx, feed.ID, "", 0, err.Error())
		return out
	}
	out.Title = parsed.Title
	one := *in
	one.StoryIDs = []int64{feed.StoryID}
	for i, item := range parsed.Items {
		if i == MaxFeedItems {
			break
		}
		link := strings.TrimSpace(item.Link)
		if !IsURL(link) {
			continue
		}
		if seen, err := in.Store.FeedItemSeen(ctx, feed.ID, link); err != nil || seen {
			continue
		}
		out.Items++
		o := one.readItem(ctx, item, link)
		var id *int64
		switch {
		case o.Err != nil:
			out.Failures = append(out.Failures, link+": "+o.Err.Error())
		case o.Duplicate:
			out.Joined++
			id = &o.ArticleID
		default:
			out.Added++
			id = &o.ArticleID
		}
		failure := ""
		if o.Err != nil {
			failure = o.Err.Error()
		}
		in.Store.RecordFeedItem(ctx, feed.ID, link, id, failure)
	}
	in.Store.RecordFeedRead(ctx, feed.ID, parsed.Title, out.Added, strings.Join(out.Failures, "; "))
	return out
}

// fetchFeed downloads and parses an RSS, Atom or JSON feed.
func (in *Ingester) fetchFeed(ctx context.Context, rawURL string) (*gofeed.Feed, error) {
	f := in.Fetcher
	if f == nil {
		f = &Fetcher{}
	}
	u, body, _, err := f.download(ctx, rawURL, "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9")
	if err != nil {
		return nil, err
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("read feed %s: %w", u, err)
	}
	return parsed, nil
}

// readItem fetches one item's page and stores it with the item's title,
// link and publication date.
func (in *Ingester) readItem(ctx context.Context, item *gofeed.Item, link string) Outcome {
	f := in.Fetcher
	if f == nil {
		f = &Fetcher{}
	}
	doc, err := f.Fetch(ctx, link)
	if err != nil {
		return Outcome{Source: link, Err: err}
	}
	doc.Source, doc.URL = link, link
	if t := strings.TrimSpace(item.Title); t != "" {
		doc.Title = t
	}
	switch {
	case item.PublishedParsed != nil:
		doc.Published = *item.PublishedParsed
	case item.UpdatedParsed != nil:
		doc.Published = *item.UpdatedParsed
	}
	return in.Ingest(ctx, doc)
}

// ReadAllFeeds reads every followed feed once and links the events of each
// story that gained articles; report hears each feed's outcome.
func (in *Ingester) ReadAllFeeds(ctx context.Context, report func(store.StoryFeed, FeedOutcome)) error {
	feeds, err := in.Store.StoryFeeds(ctx, 0)
	if err != nil {
		return err
	}
	grown := map[int64]bool{}
	for _, f := range feeds {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		o := in.ReadFeed(ctx, f)
		if o.Added+o.Joined > 0 {
			grown[f.StoryID] = true
		}
		if report != nil {
			report(f, o)
		}
	}
	for id := range grown {
		if _, err := in.Store.LinkStory(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// PollFeeds reads every followed feed now and then every interval, until
// ctx ends. A failed round is reported and the next one comes on time.
func (in *Ingester) PollFeeds(ctx context.Context, interval time.Duration, report func(store.StoryFeed, FeedOutcome), failed func(error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if err := in.ReadAllFeeds(ctx, report); err != nil && ctx.Err() == nil && failed != nil {
			failed(err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
