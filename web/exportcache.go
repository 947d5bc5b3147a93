package web

import (
	"io"
	"sync"
)

// exportCacheSize bounds the bytes of exports kept in memory. A graphic's
// export of a newsroom timeline is a few megabytes; this keeps several
// views of it without letting a few huge exports crowd the memory.
const exportCacheSize = 64 << 20

// exportCache keeps recently built exports by ETag, so many graphics
// polling the same unchanged export cost one build: without it every poll
// that misses If-None-Match (a new client, a reload) reads and encodes the
// whole timeline again. Entries are dropped oldest first to stay under the
// size cap; a changed timeline gets a new ETag, so stale entries are never
// served, only aged out.
type exportCache struct {
	mu    sync.Mutex
	max   int
	size  int
	order []string // keys, oldest first
	items map[string]cachedExport
}

// cachedExport is a built export: its body and its Factline-Left-Out
// header.
type cachedExport struct {
	body    []byte
	leftOut string
}

func newExportCache(max int) *exportCache {
	return &exportCache{max: max, items: map[string]cachedExport{}}
}

// maxEntry is the largest export worth keeping: a quarter of the cap, so
// one export cannot push out all the others.
func (c *exportCache) maxEntry() int { return c.max / 4 }

func (c *exportCache) get(key string) (cachedExport, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.items[key]
	return b, ok
}

// put keeps an export under key, dropping the oldest entries to make room.
func (c *exportCache) put(key string, e cachedExport) {
	if len(e.body) > c.maxEntry() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[key]; ok {
		return
	}
	for c.size+len(e.body) > c.max && len(c.order) > 0 {
		old := c.order[0]
		c.order = c.order[1:]
		c.size -= len(c.items[old].body)
		delete(c.items, old)
	}
	c.items[key] = e
	c.order = append(c.order, key)
	c.size += len(e.body)
}

// capture passes writes through to w and keeps a copy of them until they
// exceed max bytes, so a streamed export can be cached without holding a
// large one in memory.
type capture struct {
	w    io.Writer
	buf  []byte
	max  int
	over bool
}

func (c *capture) Write(p []byte) (int, error) {
	if !c.over {
		if len(c.buf)+len(p) > c.max {
			c.over, c.buf = true, nil
		} else {
			c.buf = append(c.buf, p...)
		}
	}
	return c.w.Write(p)
}
