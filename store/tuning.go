package store

import (
	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/bloom"
)

// Pebble's settings for qf's access pattern. A fund request reads two keys
// that mostly do not exist (its idempotency key and its contribution's
// key) under the ledger's lock. With Pebble's defaults every such read
// walked an index and a data block of each sstable that could hold it,
// from disk: the memtables (4 MB each) are reserved out of the block cache
// (8 MB), which was left with next to nothing (a fifth of the service's CPU
// went to pread and snappy). These settings change how Pebble finds keys,
// never what is stored.
const (
	// CacheSize is the block cache (index, filter and hot data blocks),
	// out of which the memtables are reserved: up to three of
	// MemTableSize leave it at least 80 MB.
	CacheSize = 128 << 20
	// MemTableSize is a memtable's size: recent writes are read from
	// memory and flushed in fewer sstables (a restart replays at most about
	// this much WAL).
	MemTableSize = 16 << 20
	// bloomBits is the bloom filters' bits per key (about 1% false
	// positives).
	bloomBits = 10
)

// tune sets qf's Pebble settings on o: a bloom filter on every level
// (sstables written from now on carry one; older ones are read as before
// until compacted), the cache and memtable sizes.
func tune(o *pebble.Options) *pebble.Options {
	o.CacheSize = CacheSize
	o.MemTableSize = MemTableSize
	for i := range o.Levels {
		o.Levels[i].FilterPolicy = bloom.FilterPolicy(bloomBits)
	}
	return o
}
