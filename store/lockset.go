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

// lockWithMoves write-locks the set (whose keys, all in d, include keys)
// together with the destinations of the BLMOVE waiters blocked on keys,
// which serving them may write (DB.lockWithMoves).
func (l *lockSet) lockWithMoves(d *DB, keys []string) {
	l.one = nil // the set may grow past one shard: lock by mask
	d.lockWithMoves(&l.masks[d.index], keys, 1)
	l.held = true
}

// serveReady serves the clients blocked on keys made ready in the set's
// shards, which must be held for writing.
func (l *lockSet) serveReady(now int64) {
	for di := l.lo; di <= l.hi; di++ {
		l.dbs[di].serveMask(&l.masks[di], now)
	}
}

// release unlocks the set's locks, keeping the set.
func (l *lockSet) release() {
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
	l.held = false
}

// unlock releases every lock and empties the set.
func (l *lockSet) unlock() {
	l.release()
	for di := l.lo; di <= l.hi; di++ {
		l.masks[di] = [shardCount / 64]uint64{}
	}
	l.held, l.write, l.one, l.hi = false, false, nil, -1
}

// The typed API's locking: the same shards and order as the executor's.

// writeKey runs fn with key's shard write-locked. As readKey's, fn's now
// is nowFor's (0 when no key of the shard has a TTL), for telling whether
// a key has expired and nothing else: a write that computes or compares a
// deadline (Expire, GetEx) reads the clock itself. Skipping the clock
// takes nearly half off a small write such as LPUSH on a hot key.
func (d *DB) writeKey(key string, fn func(now int64) error) error {
	if d.s.blocking.moveCount.Load() > 0 {
		return d.lockKeysErr(true, []string{key}, 1, fn)
	}
	sh := d.shardOf(key)
	sh.mu.Lock()
	if d.s.blocking.moveCount.Load() > 0 { // a BLMOVE blocked meanwhile
		sh.mu.Unlock()
		return d.lockKeysErr(true, []string{key}, 1, fn)
	}
	defer sh.mu.Unlock()
	err := fn(d.nowFor(sh))
	if len(sh.ready) > 0 {
		// Served waiters run commands of their own, on other shards too.
		d.serveShard(sh, d.s.nowMs())
	}
	return err
}

// readKey runs fn with key's shard read-locked. fn's now is nowFor's: 0
// when no key of the shard has a TTL. A read needs the time only to tell
// whether its key has expired, so fn must use now for nothing else;
// skipping the clock takes a third off a small typed read.
func (d *DB) readKey(key string, fn func(now int64) error) error {
	sh := d.shardOf(key)
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	return fn(d.nowFor(sh))
}

// lockKeys runs fn with the shards of keys[0], keys[step], ... locked in
// ascending order.
func (d *DB) lockKeys(write bool, keys []string, step int, fn func(now int64)) {
	_ = d.lockKeysErr(write, keys, step, func(now int64) error { fn(now); return nil })
}

func (d *DB) lockKeysErr(write bool, keys []string, step int, fn func(now int64) error) error {
	var mask [shardCount / 64]uint64
	for i := 0; i < len(keys); i += step {
		d.maskAdd(&mask, keys[i])
	}
	d.lockMask(write, &mask, true)
	// A BLMOVE may have blocked on one of the keys before the locks were
	// taken (it cannot once they are): then lock its destination too.
	if write && d.s.blocking.moveCount.Load() > 0 {
		d.lockMask(write, &mask, false)
		d.lockWithMoves(&mask, keys, step)
	}
	defer d.lockMask(write, &mask, false)
	now := d.s.nowMs()
	err := fn(now)
	if write && d.s.blocking.readyKeys.Load() > 0 {
		d.serveMask(&mask, now)
	}
	return err
}

// lockWithMoves write-locks the shards in mask after adding those of the
// destinations of the move waiters blocked on keys[0], keys[step], ...
// (transitively); it checks again once locked, since a waiter may have
// blocked in between, and retries with the larger set.
func (d *DB) lockWithMoves(mask *[shardCount / 64]uint64, keys []string, step int) {
	var ks []string
	for i := 0; i < len(keys); i += step {
		ks = append(ks, keys[i])
	}
	for {
		for _, k := range d.moveClosure(ks) {
			d.maskAdd(mask, k)
		}
		d.lockMask(true, mask, true)
		missing := false
		for _, k := range d.moveClosure(ks) {
			si := shardIndex(d.hash(k))
			missing = missing || mask[si/64]&(1<<(si%64)) == 0
		}
		if !missing {
			return
		}
		d.lockMask(true, mask, false)
	}
}

func (d *DB) maskAdd(mask *[shardCount / 64]uint64, key string) {
	si := shardIndex(d.hash(key))
	mask[si/64] |= 1 << (si % 64)
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
