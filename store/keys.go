package store

import (
	"iter"
	"time"

	"github.com/embedis/embedis/internal/redisstr"
)

// This file is the keyspace: operations on keys whatever their type, with
// their typed API. Operations require the locks described in the package
// doc; exported methods take them.

// del deletes each live key and counts them.
func (d *DB) del(keys []string, now int64) int64 {
	d.warm(keys, 1)
	var n int64
	for _, k := range keys {
		if d.remove(k, now) {
			n++
		}
	}
	return n
}

// exists counts the keys that exist (a key named twice counts twice).
func (d *DB) exists(keys []string, now int64) int64 {
	var n int64
	d.lookupEach(keys, now, func(_ int, e *entry) {
		if e != nil {
			n++
		}
	})
	return n
}

// touch counts existing keys and records an access on each.
func (d *DB) touchKeys(keys []string, now int64) int64 {
	var n int64
	d.lookupReadEach(keys, now, func(_ int, e *entry) {
		if e != nil {
			n++
		}
	})
	return n
}

func (d *DB) typeOf(key string, now int64) string {
	if e := d.lookup(key, now); e != nil {
		return e.val.typeName()
	}
	return "none"
}

// keysMatching returns the live keys matching pattern. Every shard of d
// must be locked.
func (d *DB) keysMatching(pattern string, now int64) []string {
	all := pattern == "*"
	var out []string
	for i := range d.shards {
		sh := &d.shards[i]
		sh.each(func(e *entry) bool {
			if !sh.expired(e, now) && (all || redisstr.Match(pattern, e.key, false)) {
				out = append(out, e.key)
			}
			return true
		})
	}
	return out
}

// scanStep is one SCAN call: starting at cursor, it visits buckets shard
// by shard, each under its shard's read lock, until it has visited about
// count entries, and returns the next cursor and the keys visited that pass
// keep. The cursor is the shard's reverse-binary bucket cursor shifted
// left by shardBits, plus the shard index.
func (d *DB) scanStep(cursor uint64, count int, keep func(e *entry, sh *shard, now int64) bool) (uint64, []string) {
	si := int(cursor & (shardCount - 1))
	v := cursor >> shardBits
	var out []string
	budget := count * 10 // Redis visits at most 10*count buckets per call
	visited := 0
	for visited < count && budget > 0 {
		sh := &d.shards[si]
		sh.mu.RLock()
		now := d.s.nowMs()
		if sh.tab.Len() == 0 {
			v = 0 // an empty shard costs no budget, as an empty Redis table
		} else {
			for budget > 0 && visited < count {
				v = sh.scan(v, d.hash, func(e *entry) {
					visited++
					if keep(e, sh, now) {
						out = append(out, e.key)
					}
				})
				budget--
				if v == 0 {
					break
				}
			}
		}
		sh.mu.RUnlock()
		if v == 0 {
			si++
			if si == shardCount {
				return 0, out
			}
		}
	}
	return v<<shardBits | uint64(si), out
}

// rename moves src's value and TTL to dst (RENAME, and RENAMENX when nx).
// It reports false when nx and dst exists.
func (d *DB) rename(src, dst string, nx bool, now int64) (bool, error) {
	e := d.lookupWrite(src, now)
	if e == nil {
		return false, ErrNoSuchKey
	}
	if src == dst {
		return !nx, nil
	}
	if d.lookupWrite(dst, now) != nil {
		if nx {
			return false, nil
		}
		d.remove(dst, now)
	}
	at := d.expireAt(e)
	v := e.val
	h := d.hash(src)
	d.unlink(&d.shards[shardIndex(h)], src, h)
	d.add(dst, v, at)
	return true, nil
}

// copyKey copies src to dst in db to (COPY). It reports false when src is
// missing or dst exists without replace.
func (d *DB) copyKey(src string, to *DB, dst string, replace bool, now int64) (bool, error) {
	if d == to && src == dst {
		return false, ErrSameObject
	}
	e := d.lookupRead(src, now)
	if e == nil {
		return false, nil
	}
	if to.lookupWrite(dst, now) != nil {
		if !replace {
			return false, nil
		}
		to.remove(dst, now)
	}
	to.add(dst, e.val.clone(), d.expireAt(e))
	return true, nil
}

// clone returns a copy of v that shares nothing mutable with it, as
// Redis's dupStringObject: same encoding, never a shared integer.
func (v value) clone() value {
	if ops := kindOps[v.kind]; ops != nil {
		return collValue(v.kind, ops.clone(v.p))
	}
	switch v.kind {
	case kindBuffer:
		b := v.buffer().b
		return bufferValue(&strBuffer{b: append([]byte(nil), b...)})
	case kindSketch:
		return v.sketch().clone()
	}
	v.enc = v.enc&^encSharedInt | encUnshared
	return v
}

// move moves key to db to (MOVE). It reports false when the key is missing
// or exists in to.
func (d *DB) move(key string, to *DB, now int64) (bool, error) {
	if d == to {
		return false, ErrSameObject
	}
	e := d.lookupWrite(key, now)
	if e == nil || to.lookupWrite(key, now) != nil {
		return false, nil
	}
	at := d.expireAt(e)
	h := d.hash(key)
	d.unlink(&d.shards[shardIndex(h)], key, h)
	to.add(key, e.val, at)
	return true, nil
}

// randomKey returns a random live key, or "" and false when there is none.
// Every shard of d must be locked.
func (d *DB) randomKey(now int64) (string, bool) {
	total := d.size()
	if total == 0 {
		return "", false
	}
	// Pick a shard with probability proportional to its size, then a key
	// in it; retry a bounded number of times past expired keys, as Redis
	// does, then fall back to the first live key.
	for try := 0; try < 100; try++ {
		k := int(randUint64() % uint64(total))
		for i := range d.shards {
			sh := &d.shards[i]
			if k < sh.tab.Len() {
				if e := sh.random(randUint64); !sh.expired(e, now) {
					return e.key, true
				}
				break
			}
			k -= sh.tab.Len()
		}
	}
	for i := range d.shards {
		sh := &d.shards[i]
		var found *entry
		sh.each(func(e *entry) bool {
			if !sh.expired(e, now) {
				found = e
			}
			return found == nil
		})
		if found != nil {
			return found.key, true
		}
	}
	return "", false
}

// swapDB exchanges the contents of two databases (SWAPDB). Every shard of
// both must be write-locked.
func (d *DB) swapWith(o *DB) {
	for i := range d.shards {
		a, b := &d.shards[i], &o.shards[i]
		a.tab, b.tab = b.tab, a.tab
		a.ttl, b.ttl = b.ttl, a.ttl
		a.used, b.used = b.used, a.used
	}
	// Clients blocked in either database now see the other's keys.
	now := d.s.nowMs()
	d.rescanBlocked(now)
	o.rescanBlocked(now)
}

// expireFlags are EXPIRE's NX, XX, GT and LT.
type expireFlags uint8

const (
	expireNX expireFlags = 1 << iota
	expireXX
	expireGT
	expireLT
)

// expire sets key's absolute expiry to at (Unix ms) under flags, deleting
// the key if at has passed (EXPIRE and its variants). It reports whether
// the key existed and the condition held.
func (d *DB) expire(key string, at int64, flags expireFlags, now int64) bool {
	e := d.lookupWrite(key, now)
	if e == nil {
		return false
	}
	if flags != 0 {
		cur := d.expireAt(e)
		switch {
		case flags&expireNX != 0 && cur != 0,
			flags&expireXX != 0 && cur == 0,
			flags&expireGT != 0 && (cur == 0 || at <= cur),
			flags&expireLT != 0 && cur != 0 && at >= cur:
			return false
		}
	}
	if at <= now {
		d.remove(key, now)
		return true
	}
	d.setExpire(e, at)
	return true
}

// ttl returns key's expiry in ms relative to now (or absolute when abs),
// -1 when it has none and -2 when the key does not exist.
func (d *DB) ttl(key string, abs bool, now int64) int64 {
	e := d.lookup(key, now)
	if e == nil {
		return -2
	}
	at := d.expireAt(e)
	if at == 0 {
		return -1
	}
	if abs {
		return at
	}
	return max(at-now, 0)
}

// persist removes key's TTL and reports whether it had one.
func (d *DB) persist(key string, now int64) bool {
	e := d.lookupWrite(key, now)
	if e == nil || e.ttl < 0 {
		return false
	}
	d.setExpire(e, 0)
	return true
}

// encoding is OBJECT ENCODING's name for the value, the one Redis would
// use at the same size.
func (v value) encoding() string {
	switch v.kind {
	case kindBuffer, kindSketch:
		return "raw"
	case kindString:
		s := v.view()
		if v.enc&encNotTried == 0 && redisstr.IsIntEncodable(s) {
			return "int"
		}
		if len(s) <= 44 {
			return "embstr"
		}
		return "raw"
	}
	if ops := kindOps[v.kind]; ops != nil {
		return ops.encoding(v.p)
	}
	return ""
}

// refCount is OBJECT REFCOUNT: Redis shares the integers 0..9999.
func (v value) refCount() int64 {
	if v.enc&encSharedInt != 0 {
		return 2147483647
	}
	return 1
}

// --- typed API ---

// Del deletes keys and returns how many existed.
func (d *DB) Del(keys ...string) int64 {
	var n int64
	d.lockKeys(true, keys, 1, func(now int64) { n = d.del(keys, now) })
	return n
}

// Exists counts the keys that exist; a key named twice counts twice.
func (d *DB) Exists(keys ...string) int64 {
	var n int64
	d.lockKeys(false, keys, 1, func(now int64) { n = d.exists(keys, now) })
	return n
}

// Type returns the Redis type name of key's value, "none" if missing.
func (d *DB) Type(key string) string {
	var t string
	_ = d.readKey(key, func(now int64) error { t = d.typeOf(key, now); return nil })
	return t
}

// Keys returns the keys matching a Redis glob pattern.
func (d *DB) Keys(pattern string) []string {
	var out []string
	d.lockAll(false, func(now int64) { out = d.keysMatching(pattern, now) })
	return out
}

// Scan iterates the keys matching pattern ("" or "*" for all) with SCAN's
// guarantee: a key present for the whole iteration is yielded at least
// once, and no lock is held between steps.
func (d *DB) Scan(pattern string) iter.Seq[string] {
	return func(yield func(string) bool) {
		var cursor uint64
		for {
			var keys []string
			cursor, keys = d.scanStep(cursor, 100, func(e *entry, sh *shard, now int64) bool {
				return !sh.expired(e, now) && (pattern == "" || pattern == "*" || redisstr.Match(pattern, e.key, false))
			})
			for _, k := range keys {
				if !yield(k) {
					return
				}
			}
			if cursor == 0 {
				return
			}
		}
	}
}

// Rename renames src to dst, overwriting dst.
func (d *DB) Rename(src, dst string) error {
	return d.lockKeysErr(true, []string{src, dst}, 1, func(now int64) error {
		_, err := d.rename(src, dst, false, now)
		return err
	})
}

// RenameNX renames src to dst only if dst does not exist.
func (d *DB) RenameNX(src, dst string) (bool, error) {
	var ok bool
	err := d.lockKeysErr(true, []string{src, dst}, 1, func(now int64) (err error) {
		ok, err = d.rename(src, dst, true, now)
		return err
	})
	return ok, err
}

// Expire sets key's time to live; a non-positive ttl deletes it. It
// reports whether the key exists.
func (d *DB) Expire(key string, ttl time.Duration) bool {
	var ok bool
	_ = d.writeKey(key, func(int64) error {
		now := d.s.nowMs()
		ok = d.expire(key, now+ttl.Milliseconds(), 0, now)
		return nil
	})
	return ok
}

// ExpireAt sets key's absolute expiry.
func (d *DB) ExpireAt(key string, t time.Time) bool {
	var ok bool
	_ = d.writeKey(key, func(int64) error {
		ok = d.expire(key, t.UnixMilli(), 0, d.s.nowMs())
		return nil
	})
	return ok
}

// TTL returns key's remaining time to live, -1 if it has no expiry and -2
// if it does not exist (Redis's PTTL, as a Duration).
func (d *DB) TTL(key string) time.Duration {
	var ms int64
	_ = d.readKey(key, func(now int64) error { ms = d.ttl(key, false, now); return nil })
	if ms < 0 {
		return time.Duration(ms)
	}
	return time.Duration(ms) * time.Millisecond
}

// Persist removes key's expiry and reports whether it had one.
func (d *DB) Persist(key string) bool {
	var ok bool
	_ = d.writeKey(key, func(now int64) error { ok = d.persist(key, now); return nil })
	return ok
}

// DBSize returns the number of keys, including expired keys not yet
// reclaimed, as Redis's DBSIZE.
func (d *DB) DBSize() int64 {
	var n int
	d.lockAll(false, func(int64) { n = d.size() })
	return int64(n)
}

// FlushDB deletes every key of the database.
func (d *DB) FlushDB() {
	d.lockAll(true, func(int64) { d.clear() })
}

// RandomKey returns a random key, or ErrNil if the database is empty.
func (d *DB) RandomKey() (string, error) {
	var k string
	var ok bool
	d.lockAll(false, func(now int64) { k, ok = d.randomKey(now) })
	if !ok {
		return "", ErrNil
	}
	return k, nil
}

// lockAll runs fn with every shard of d locked.
func (d *DB) lockAll(write bool, fn func(now int64)) {
	var mask [shardCount / 64]uint64
	for i := range mask {
		mask[i] = ^uint64(0)
	}
	d.lockMask(write, &mask, true)
	defer d.lockMask(write, &mask, false)
	fn(d.s.nowMs())
}
