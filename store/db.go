package store

import (
	"hash/maphash"
	"unsafe"

	"github.com/embedis/embedis/internal/htable"
)

// DB is one of the Store's numbered databases. Its methods are the typed
// API; each takes the locks it needs. The unexported methods below are the
// keyspace operations every command shares: they require the caller to hold
// the lock of the key's shard (write lock for anything that modifies).
type DB struct {
	s      *Store
	index  int
	shards [shardCount]shard
}

func newDB(s *Store, index int) *DB {
	d := &DB{s: s, index: index}
	for i := range d.shards {
		d.shards[i].used = new(int64)
	}
	return d
}

// Index returns the database number.
func (d *DB) Index() int { return d.index }

func (d *DB) hash(key string) uint64 { return maphash.String(d.s.seed, key) }

func shardIndex(h uint64) int { return int(h >> (64 - shardBits)) }

func (d *DB) shardOf(key string) *shard { return &d.shards[shardIndex(d.hash(key))] }

// lookup returns the live entry for key at now, or nil. The shard lock (read
// or write) must be held. Reads don't delete expired entries; see the
// package doc.
func (d *DB) lookup(key string, now int64) *entry {
	h := d.hash(key)
	sh := &d.shards[shardIndex(h)]
	e := sh.find(key, h)
	if e == nil || sh.expired(e, now) {
		return nil
	}
	return e
}

// lookupRead is lookup plus an access-clock update, for commands that read
// the value (Redis's lookupKeyRead).
func (d *DB) lookupRead(key string, now int64) *entry {
	e := d.lookup(key, now)
	if e != nil {
		e.touch(d.s.lru.Load(), &d.s.sharedLRU)
	}
	return e
}

// lookupEach calls fn(i, lookup(keys[i], now)) for each key in order,
// with the lookups' cache misses overlapped (htable.FindEach): on a
// keyspace larger than the cache, an MGET of ten keys otherwise waits for
// twenty misses one after another. The shard locks of all the keys must be
// held.
func (d *DB) lookupEach(keys []string, now int64, fn func(i int, e *entry)) {
	htable.FindEach(len(keys), func(i int) (*htable.Table, string, uint64) {
		return d.locate(keys[i])
	}, func(i int, rec unsafe.Pointer, _ uint64) {
		e := (*entry)(rec)
		if e != nil && e.ttl >= 0 && d.shardOf(keys[i]).expired(e, now) {
			e = nil
		}
		fn(i, e)
	})
}

// lookupReadEach is lookupEach with lookupRead's access-clock update.
func (d *DB) lookupReadEach(keys []string, now int64, fn func(i int, e *entry)) {
	d.lookupEach(keys, now, func(i int, e *entry) {
		if e != nil {
			e.touch(d.s.lru.Load(), &d.s.sharedLRU)
		}
		fn(i, e)
	})
}

// warm looks up keys[0], keys[step], ... as lookupEach does and forgets
// what it finds, for a write of several keys (MSET, DEL) that then works
// key by key: each key's group and entry are then in the cache, where
// otherwise each key would wait for its two misses in turn. (A write can't
// use lookupEach's answers: one key's write may add, remove or move
// another's entry, a key named twice say.) The shard locks of all the keys
// must be held.
func (d *DB) warm(keys []string, step int) {
	if len(keys) <= step {
		return
	}
	htable.FindEach((len(keys)+step-1)/step, func(i int) (*htable.Table, string, uint64) {
		return d.locate(keys[i*step])
	}, func(int, unsafe.Pointer, uint64) {})
}

// locate returns what htable.FindEach asks of a key: its shard's table,
// the key, its hash.
func (d *DB) locate(key string) (*htable.Table, string, uint64) {
	h := d.hash(key)
	return &d.shards[shardIndex(h)].tab, key, h
}

// slot returns key's hash and shard.
func (d *DB) slot(key string) (uint64, *shard) {
	h := d.hash(key)
	return h, &d.shards[shardIndex(h)]
}

// lookupWrite returns the live entry for key, deleting it first if it has
// expired (Redis's lookupKeyWrite). The shard's write lock must be held.
func (d *DB) lookupWrite(key string, now int64) *entry {
	h, sh := d.slot(key)
	return d.lookupWriteIn(sh, key, h, now)
}

// lookupWriteIn is lookupWrite with key's hash and shard already known.
// nowFor returns the clock's time if any key of shard sh has a TTL, and 0
// otherwise. A command that needs the time only to tell whether its key
// has expired passes it on as its now: no key of a shard without TTLs can
// have expired, and the clock is not read, which on this kind of VM costs
// about 45 ns and stops the CPU from starting early on the next command.
// The shard's lock must be held.
func (d *DB) nowFor(sh *shard) int64 {
	if len(sh.ttl) == 0 {
		return 0
	}
	return d.s.nowMs()
}

func (d *DB) lookupWriteIn(sh *shard, key string, h uint64, now int64) *entry {
	e := sh.find(key, h)
	if e == nil {
		return nil
	}
	if sh.expired(e, now) {
		d.unlink(sh, key, h)
		return nil
	}
	e.touch(d.s.lru.Load(), &d.s.sharedLRU)
	return e
}

// add inserts a new key, which must not exist (live or expired: callers use
// lookupWrite first). at is the absolute expiry or 0.
func (d *DB) add(key string, v value, at int64) *entry {
	h, sh := d.slot(key)
	return d.addIn(sh, key, h, v, at)
}

func (d *DB) addIn(sh *shard, key string, h uint64, v value, at int64) *entry {
	e := newEntry(key)
	e.val, e.ttl, e.meta = v, -1, d.s.lru.Load()
	sh.insert(e, h, d.hash)
	*sh.used += entrySize(key, v)
	v.attach(sh.used)
	if at != 0 {
		sh.setExpire(e, at)
	}
	if v.kind == kindList || v.kind == kindZSet {
		d.signalReady(sh, key)
	}
	return e
}

// replaceValue swaps e's value, keeping its TTL. e must be live in key's
// shard.
func (d *DB) replaceValue(e *entry, v value) {
	sh := d.shardOf(e.key)
	*sh.used += v.size() - e.val.size()
	e.val.attach(nil)
	v.attach(sh.used)
	e.val = v
}

// set stores v at key (Redis's setKey): the key is created or overwritten;
// its TTL becomes at (0 removes it) unless keepTTL.
func (d *DB) set(key string, v value, at int64, keepTTL bool, now int64) {
	h, sh := d.slot(key)
	d.storeIn(sh, key, h, d.lookupWriteIn(sh, key, h, now), v, at, keepTTL)
}

// storeIn is set once key's live entry e (or nil) is known.
func (d *DB) storeIn(sh *shard, key string, h uint64, e *entry, v value, at int64, keepTTL bool) {
	if e == nil {
		d.addIn(sh, key, h, v, at)
		return
	}
	*sh.used += v.size() - e.val.size()
	e.val.attach(nil)
	v.attach(sh.used)
	e.val = v
	if !keepTTL {
		sh.setExpire(e, at)
	}
}

// setExpire sets or clears e's absolute expiry.
func (d *DB) setExpire(e *entry, at int64) { d.shardOf(e.key).setExpire(e, at) }

// expireAt returns e's absolute expiry in Unix ms, or 0.
func (d *DB) expireAt(e *entry) int64 { return d.shardOf(e.key).expireAt(e) }

// remove deletes key if it exists and is live, reporting whether it did.
func (d *DB) remove(key string, now int64) bool {
	h := d.hash(key)
	sh := &d.shards[shardIndex(h)]
	e := sh.find(key, h)
	if e == nil {
		return false
	}
	live := !sh.expired(e, now)
	d.unlink(sh, key, h)
	return live
}

// unlink removes key's entry from sh whatever its expiry.
func (d *DB) unlink(sh *shard, key string, h uint64) *entry {
	e := sh.remove(key, h, d.hash)
	if e == nil {
		return nil
	}
	if e.ttl >= 0 {
		sh.heapRemove(int(e.ttl))
	}
	*sh.used -= entrySize(key, e.val)
	e.val.attach(nil)
	return e
}

// clear drops every key. Every shard's write lock must be held.
func (d *DB) clear() {
	for i := range d.shards {
		sh := &d.shards[i]
		sh.tab.Clear()
		sh.ttl = nil
		// A fresh cell: the dropped collections still point at the old one.
		sh.used = new(int64)
	}
}

// size counts entries, including expired ones not yet reclaimed (as Redis's
// DBSIZE does). Every shard's lock must be held.
func (d *DB) size() int {
	n := 0
	for i := range d.shards {
		n += d.shards[i].tab.Len()
	}
	return n
}
