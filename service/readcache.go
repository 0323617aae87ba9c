package service

import (
	"container/list"
	"sync"

	"github.com/holiman/uint256"
)

// ReadCacheBytes bounds the memory of the public reads' reply cache: the
// least recently used replies go first. A poller asking for 100,000
// distinct gaps or pages grows it to this and no further.
const ReadCacheBytes = 32 << 20

// readEntryOverhead is what an entry costs besides its byte slices (key,
// list element, map slot), counted against the bound.
const readEntryOverhead = 256

// What a public read's reply is: its route and its page.
const (
	readStats uint8 = iota + 1
	readGap
)

type readKey struct {
	kind  uint8
	gap   uint256.Int // readGap: the gap; readStats: the ?after= gap
	after uint64      // readGap: the ?after= round
	limit int
}

// readEntry is an encoded reply with what it shows; the server checks
// those against the ledger's lock-free view before serving it again
// (Server.freshStats, Server.freshGap). Entries are never modified once
// in the cache.
type readEntry struct {
	key  readKey
	body []byte // the reply, newline included
	ver  uint64 // ledger.Version, loaded before the reply was built
	gver uint64 // ledger.GapVersion of the gap (readGap)
	last uint64 // ledger.LastMatched + 1 (0: none)
	// sn is the projection it shows (snapshot.gen; 0: none): a number,
	// not the pointer, so that a cached reply never keeps a replaced
	// snapshot (every gap's report) alive, memory the bound does not count.
	sn   uint64
	next string // the next match it shows (readStats)
	// A gap's reply keeps what a rebuild reuses while no match happened:
	// its recipient and the encoded page of past matches (with the
	// nextAfter member if any), so only the live figures are read again.
	recipient string
	tail      []byte
}

func (e *readEntry) size() int {
	return len(e.body) + len(e.tail) + len(e.recipient) + len(e.next) + readEntryOverhead
}

// readCache is a least-recently-used map of replies bounded in bytes.
type readCache struct {
	mu    sync.Mutex
	max   int
	bytes int
	order *list.List // of *readEntry, most recent first
	at    map[readKey]*list.Element
}

func newReadCache(max int) *readCache {
	return &readCache{max: max, order: list.New(), at: map[readKey]*list.Element{}}
}

// get returns the entry for k (nil if none), marking it recently used.
func (c *readCache) get(k readKey) *readEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.at[k]
	if !ok {
		return nil
	}
	c.order.MoveToFront(el)
	return el.Value.(*readEntry)
}

// put stores e in place of any entry with its key, then drops the least
// recently used entries until the cache is within its bound. An entry
// larger than the whole bound is not stored.
func (c *readCache) put(e *readEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.at[e.key]; ok {
		c.remove(el)
	}
	n := e.size()
	if n > c.max {
		return
	}
	c.at[e.key] = c.order.PushFront(e)
	c.bytes += n
	for c.bytes > c.max {
		c.remove(c.order.Back())
	}
}

func (c *readCache) remove(el *list.Element) {
	e := c.order.Remove(el).(*readEntry)
	delete(c.at, e.key)
	c.bytes -= e.size()
}

// setMax changes the bound, dropping entries to meet it.
func (c *readCache) setMax(max int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.max = max
	for c.bytes > c.max {
		c.remove(c.order.Back())
	}
}

// usage is the cache's entries and the bytes counted against its bound.
func (c *readCache) usage() (entries, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.at), c.bytes
}
