package store

import "math/bits"

// lockSet is the set of shard locks one command (or, later, one MULTI/EXEC
// block or script) holds. Locks are always taken in ascending (database,
// shard) order, the Store's single lock order, and released together.
// A lockSet is reused across commands of a session, so building one does
// not allocate. The common case, one key, takes a single lock directly.
type lockSet struct {
	write bool
	masks [][shardCount / 64]uint64 // per database index: shards to lock
	dbs   []*DB
	lo    int    // lowest database index with a non-empty mask
	hi    int    // highest, or -1 when the set is empty
	one   *shard // the only shard in the set, when it has exactly one
	held  bool
}

func newLockSet(dbs []*DB) lockSet {
	return lockSet{masks: make([][shardCount / 64]uint64, len(dbs)), dbs: dbs, hi: -1}
}

func (l *lockSet) touch(di int) {
	if l.hi < 0 {
		l.lo, l.hi = di, di
		return
	}
	l.lo, l.hi = min(l.lo, di), max(l.hi, di)
}

// addKey adds the shard of key in d.
func (l *lockSet) addKey(d *DB, key string) {
	i := shardIndex(d.hash(key))
	sh := &d.shards[i]
	if l.hi < 0 {
		l.one = sh
	} else if l.one != sh {
		l.one = nil
	}
	l.masks[d.index][i/64] |= 1 << (i % 64)
	l.touch(d.index)
}

// addDB adds every shard of d.
func (l *lockSet) addDB(d *DB) {
	for i := range l.masks[d.index] {
		l.masks[d.index][i] = ^uint64(0)
	}
	l.one = nil
	l.touch(d.index)
}

// addAll adds every shard of every database.
func (l *lockSet) addAll() {
	for _, d := range l.dbs {
		l.addDB(d)
	}
}

func (l *lockSet) lock() {
	switch {
	case l.one != nil && l.write:
		l.one.mu.Lock()
	case l.one != nil:
		l.one.mu.RLock()
	default:
		for di := l.lo; di <= l.hi; di++ {
			l.dbs[di].lockMask(l.write, &l.masks[di], true)
		}
	}
	l.held = true
}

// unlock releases every lock and empties the set.
func (l *lockSet) unlock() {
	switch {
	case !l.held:
	case l.one != nil && l.write:
		l.one.mu.Unlock()
	case l.one != nil:
		l.one.mu.RUnlock()
	default:
		for di := l.lo; di <= l.hi; di++ {
			l.dbs[di].lockMask(l.write, &l.masks[di], false)
		}
	}
	for di := l.lo; di <= l.hi; di++ {
		l.masks[di] = [shardCount / 64]uint64{}
	}
	l.held, l.write, l.one, l.hi = false, false, nil, -1
}

// The typed API's locking: the same shards and order as the executor's.

// writeKey runs fn with key's shard write-locked, at the clock's now.
func (d *DB) writeKey(key string, fn func(now int64) error) error {
	sh := d.shardOf(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return fn(d.s.nowMs())
}

// readKey runs fn with key's shard read-locked, at the clock's now.
func (d *DB) readKey(key string, fn func(now int64) error) error {
	sh := d.shardOf(key)
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	return fn(d.s.nowMs())
}

// lockKeys runs fn with the shards of keys[0], keys[step], ... locked in
// ascending order.
func (d *DB) lockKeys(write bool, keys []string, step int, fn func(now int64)) {
	_ = d.lockKeysErr(write, keys, step, func(now int64) error { fn(now); return nil })
}

func (d *DB) lockKeysErr(write bool, keys []string, step int, fn func(now int64) error) error {
	var mask [shardCount / 64]uint64
	for i := 0; i < len(keys); i += step {
		si := shardIndex(d.hash(keys[i]))
		mask[si/64] |= 1 << (si % 64)
	}
	d.lockMask(write, &mask, true)
	defer d.lockMask(write, &mask, false)
	return fn(d.s.nowMs())
}

// lockMask locks (or unlocks) the shards in mask, in ascending order.
func (d *DB) lockMask(write bool, mask *[shardCount / 64]uint64, lock bool) {
	for w, m := range mask {
		for m != 0 {
			sh := &d.shards[w*64+bits.TrailingZeros64(m)]
			m &= m - 1
			switch {
			case lock && write:
				sh.mu.Lock()
			case lock:
				sh.mu.RLock()
			case write:
				sh.mu.Unlock()
			default:
				sh.mu.RUnlock()
			}
		}
	}
}
