package store

import (
	"sync"
	"unsafe"

	"github.com/embedis/embedis/internal/htable"
)

// shardBits sets the number of shards per database. 256 keeps lock
// contention negligible for dozens of cores while a whole-database lock
// (KEYS, FLUSHDB) stays cheap.
const (
	shardBits  = 8
	shardCount = 1 << shardBits
)

// shard is one lock's worth of a database: its entries, the TTL heap of
// those that expire, and its memory use. Every field is guarded by mu.
type shard struct {
	mu  sync.RWMutex
	tab htable.Table
	ttl []ttlSlot // min-heap on at
	// used is the sum of entrySize over the entries, in a cell of its own:
	// a stored collection charges its size changes to it directly (see
	// accounted), and SWAPDB moves it along with the table it counts.
	used *int64
	// blocked are the clients blocked on keys of this shard, and ready
	// the keys created while they wait (blocking.go).
	blocked map[string]*waitQueue
	ready   []string
	_       [24]byte // keep neighbouring shards' locks off this cache line
}

// The shard's table holds its entries as untyped records (htable); these
// are its operations in the store's types.

func (sh *shard) find(key string, h uint64) *entry { return (*entry)(sh.tab.Find(key, h)) }

func (sh *shard) insert(e *entry, h uint64, hash func(string) uint64) {
	sh.tab.Insert(unsafe.Pointer(e), h, hash)
}

func (sh *shard) remove(key string, h uint64, hash func(string) uint64) *entry {
	e, _ := sh.tab.Remove(key, h, hash)
	return (*entry)(e)
}

func (sh *shard) each(fn func(*entry) bool) bool {
	return sh.tab.Each(func(p unsafe.Pointer, _ uint64) bool { return fn((*entry)(p)) })
}

func (sh *shard) scan(v uint64, hash func(string) uint64, fn func(*entry)) uint64 {
	return sh.tab.Scan(v, hash, func(p unsafe.Pointer, _ uint64) { fn((*entry)(p)) })
}

func (sh *shard) random(rnd func() uint64) *entry {
	e, _ := sh.tab.Random(rnd)
	return (*entry)(e)
}

// ttlSlot is one expiring key in a shard's TTL heap.
type ttlSlot struct {
	at int64 // absolute expiry, Unix ms
	e  *entry
}

// expireAt returns the entry's absolute expiry in Unix ms, or 0.
func (sh *shard) expireAt(e *entry) int64 {
	if e.ttl < 0 {
		return 0
	}
	return sh.ttl[e.ttl].at
}

// expired reports whether e is logically gone at now.
func (sh *shard) expired(e *entry, now int64) bool {
	return e.ttl >= 0 && sh.ttl[e.ttl].at <= now
}

// setExpire gives e the absolute expiry at (Unix ms), or removes its TTL
// when at is 0. O(log n).
func (sh *shard) setExpire(e *entry, at int64) {
	switch {
	case at == 0 && e.ttl >= 0:
		sh.heapRemove(int(e.ttl))
	case at == 0:
	case e.ttl >= 0:
		sh.ttl[e.ttl].at = at
		sh.heapFix(int(e.ttl))
	default:
		e.ttl = int32(len(sh.ttl))
		sh.ttl = append(sh.ttl, ttlSlot{at: at, e: e})
		sh.heapUp(int(e.ttl))
	}
}

// The TTL heap is 4-ary rather than binary. Every level a sift moves an
// entry across writes that entry's ttl field, and on a large keyspace each
// such write is a cache miss of its own; four children per node halve the
// levels (and the misses) of a sift, at the price of comparing four
// children's expiries, which lie together in the heap's array.
const heapArity = 4

// heapUp moves slot i towards the root until its parent expires no later,
// and reports whether it moved. Slots are shifted down into the hole rather
// than swapped, so each moved entry's ttl is written once.
func (sh *shard) heapUp(i int) bool {
	h, start := sh.ttl, i
	s := h[i]
	for i > 0 {
		p := (i - 1) / heapArity
		if h[p].at <= s.at {
			break
		}
		sh.heapPut(i, h[p])
		i = p
	}
	if i == start {
		return false
	}
	sh.heapPut(i, s)
	return true
}

// heapDown moves slot i away from the root until no child expires earlier,
// and reports whether it moved.
func (sh *shard) heapDown(i int) bool {
	h, start := sh.ttl, i
	s := h[i]
	for {
		first := heapArity*i + 1
		if first >= len(h) {
			break
		}
		m := first
		for c := first + 1; c < min(first+heapArity, len(h)); c++ {
			if h[c].at < h[m].at {
				m = c
			}
		}
		if s.at <= h[m].at {
			break
		}
		sh.heapPut(i, h[m])
		i = m
	}
	if i == start {
		return false
	}
	sh.heapPut(i, s)
	return true
}

// heapPut stores s at index i and tells its entry where it is.
func (sh *shard) heapPut(i int, s ttlSlot) {
	sh.ttl[i] = s
	s.e.ttl = int32(i)
}

func (sh *shard) heapFix(i int) {
	if !sh.heapDown(i) {
		sh.heapUp(i)
	}
}

func (sh *shard) heapRemove(i int) {
	last := len(sh.ttl) - 1
	e, moved := sh.ttl[i].e, sh.ttl[last]
	sh.ttl[last] = ttlSlot{}
	sh.ttl = sh.ttl[:last]
	if i != last {
		sh.heapPut(i, moved)
		sh.heapFix(i)
	}
	e.ttl = -1
	if len(sh.ttl) == 0 {
		sh.ttl = nil
	}
}

// heapShrinkSize returns the capacity the TTL heap's array should shrink to
// when it is mostly empty, or 0. Like table shrinking, the sweeper does it
// with the new array allocated outside the lock.
func (sh *shard) heapShrinkSize() int {
	if c := cap(sh.ttl); c > 64 && len(sh.ttl) < c/4 {
		return 2 * len(sh.ttl)
	}
	return 0
}

// nextExpiry returns the earliest expiry in the shard, or 0.
func (sh *shard) nextExpiry() int64 {
	if len(sh.ttl) == 0 {
		return 0
	}
	return sh.ttl[0].at
}
