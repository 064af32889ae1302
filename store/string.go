package store

import (
	"strconv"
	"strings"
	"time"

	"github.com/embedis/embedis/internal/redisstr"
	"github.com/embedis/embedis/resp"
)

// This file is the string type: its operations (methods that require the
// key's shard lock, shared by handlers and the typed API) and the typed API
// (exported methods that take the lock themselves).

// SetOption modifies Set and GetEx: expiry (TTL, ExpireAt, KeepTTL,
// Persist) and conditions (NX, XX).
type SetOption struct {
	op  setOp
	ttl time.Duration
	at  time.Time
}

type setOp uint8

const (
	optTTL setOp = iota + 1
	optExpireAt
	optKeepTTL
	optPersist
	optNX
	optXX
)

// TTL expires the key d from now (SET ... PX).
func TTL(d time.Duration) SetOption { return SetOption{op: optTTL, ttl: d} }

// ExpireAt expires the key at t (SET ... PXAT).
func ExpireAt(t time.Time) SetOption { return SetOption{op: optExpireAt, at: t} }

// Options without arguments.
var (
	KeepTTL = SetOption{op: optKeepTTL} // SET ... KEEPTTL: keep the key's current TTL
	Persist = SetOption{op: optPersist} // GETEX ... PERSIST: remove the TTL
	NX      = SetOption{op: optNX}      // SET ... NX: only if the key does not exist
	XX      = SetOption{op: optXX}      // SET ... XX: only if the key exists
)

// setArgs are SET's parsed options.
type setArgs struct {
	nx, xx, get, keepTTL, persist bool
	at                            int64 // absolute expiry in Unix ms, 0 for none
}

func (d *DB) setArgsOf(opts []SetOption, now int64) (setArgs, error) {
	var a setArgs
	for _, o := range opts {
		switch o.op {
		case optTTL:
			if o.ttl <= 0 {
				return a, ErrInvalidExpire
			}
			a.at = now + o.ttl.Milliseconds()
			if o.ttl < time.Millisecond {
				a.at = now + 1
			}
		case optExpireAt:
			if a.at = o.at.UnixMilli(); a.at <= 0 {
				return a, ErrInvalidExpire
			}
		case optKeepTTL:
			a.keepTTL = true
		case optPersist:
			a.persist = true
		case optNX:
			a.nx = true
		case optXX:
			a.xx = true
		}
	}
	if a.nx && a.xx || a.keepTTL && a.at != 0 {
		return a, ErrSyntax
	}
	return a, nil
}

// stringAt returns the live string at key, ErrNil if there is none, or
// ErrWrongType.
func (d *DB) stringAt(key string, now int64) (*entry, error) {
	e := d.lookupRead(key, now)
	if e == nil {
		return nil, ErrNil
	}
	if !e.val.isString() {
		return nil, ErrWrongType
	}
	return e, nil
}

// stringForWrite is stringAt for commands that modify: it deletes an
// expired key first and returns (nil, nil) when the key is missing.
func (d *DB) stringForWrite(key string, now int64) (*entry, error) {
	h, sh := d.slot(key)
	return d.stringForWriteIn(sh, key, h, now)
}

// stringForWriteIn is stringForWrite with key's hash and shard known, for
// operations that go on to store into the same shard.
func (d *DB) stringForWriteIn(sh *shard, key string, h uint64, now int64) (*entry, error) {
	e := d.lookupWriteIn(sh, key, h, now)
	if e != nil && !e.val.isString() {
		return nil, ErrWrongType
	}
	return e, nil
}

// setString is SET: it stores v at key under a's conditions and expiry and
// reports whether it did. With a.get it also returns the previous value
// (ErrWrongType, without setting, if that is not a string).
func (d *DB) setString(key string, v value, a setArgs, now int64) (old string, hadOld, done bool, err error) {
	h, sh := d.slot(key)
	return d.setStringIn(sh, key, h, v, a, now)
}

// setStringIn is setString with key's hash and shard known.
func (d *DB) setStringIn(sh *shard, key string, h uint64, v value, a setArgs, now int64) (old string, hadOld, done bool, err error) {
	e := d.lookupWriteIn(sh, key, h, now)
	if e != nil && a.get {
		if !e.val.isString() {
			return "", false, false, ErrWrongType
		}
		old, hadOld = e.val.str(), true
	}
	if a.nx && e != nil || a.xx && e == nil {
		return old, hadOld, false, nil
	}
	d.storeIn(sh, key, h, e, v, a.at, a.keepTTL)
	return old, hadOld, true, nil
}

// incrBy adds delta to the integer at key (INCRBY).
func (d *DB) incrBy(key string, delta int64, now int64) (int64, error) {
	h, sh := d.slot(key)
	e, err := d.stringForWriteIn(sh, key, h, now)
	if err != nil {
		return 0, err
	}
	var n int64
	if e != nil {
		var ok bool
		if n, ok = redisstr.ParseInt(e.val.view()); !ok {
			return 0, ErrNotInteger
		}
	}
	if delta < 0 && n < 0 && delta < minInt64-n || delta > 0 && n > 0 && delta > maxInt64-n {
		return 0, ErrOverflow
	}
	n += delta
	d.storeIn(sh, key, h, e, stringValue(formatInt(n)), 0, true)
	return n, nil
}

const (
	maxInt64 = 1<<63 - 1
	minInt64 = -1 << 63
)

// sharedInts are the strings of 0..9999, Redis's shared integers: counters
// in that range cost no allocation, and OBJECT REFCOUNT reports them shared.
var sharedInts = func() []string {
	s := make([]string, sharedIntCount)
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}()

const sharedIntCount = 10000

func formatInt(n int64) string {
	if n >= 0 && n < sharedIntCount {
		return sharedInts[n]
	}
	return strconv.FormatInt(n, 10)
}

// incrByFloat adds the decimal incr to the number at key with Redis's long
// double arithmetic and formatting (INCRBYFLOAT), returning the new text.
func (d *DB) incrByFloat(key, incr string, now int64) (string, error) {
	h, sh := d.slot(key)
	e, err := d.stringForWriteIn(sh, key, h, now)
	if err != nil {
		return "", err
	}
	cur := "0"
	if e != nil {
		cur = e.val.view()
	}
	x, ok := redisstr.ParseLongDouble(cur)
	if !ok {
		return "", ErrNotFloat
	}
	y, ok := redisstr.ParseLongDouble(incr)
	if !ok {
		return "", ErrNotFloat
	}
	sum, ok := redisstr.Add(x, y)
	if !ok {
		return "", ErrNaNOrInf
	}
	s := redisstr.FormatHuman(sum)
	v := stringValue(s)
	v.enc = encNotTried // createStringObjectFromLongDouble skips tryObjectEncoding
	d.storeIn(sh, key, h, e, v, 0, true)
	return s, nil
}

// appendString is APPEND: it returns the new length.
func (d *DB) appendString(key, suffix string, now int64) (int64, error) {
	e, err := d.stringForWrite(key, now)
	if err != nil {
		return 0, err
	}
	if e == nil {
		d.add(key, stringValue(suffix), 0)
		return int64(len(suffix)), nil
	}
	if int64(e.val.strLen())+int64(len(suffix)) > maxStringLen {
		return 0, ErrStringTooBig
	}
	var n int
	d.editString(e, func(b *strBuffer) {
		b.b = append(b.b, suffix...)
		n = len(b.b)
	})
	return int64(n), nil
}

// editString lets edit change e's string in place: the string is first
// converted to a private buffer (Redis's dbUnshareStringValue), and the
// shard's memory accounting follows the buffer's new capacity.
func (d *DB) editString(e *entry, edit func(b *strBuffer)) {
	if e.val.kind != kindBuffer {
		s := e.val.view()
		b := &strBuffer{b: make([]byte, len(s), len(s)+len(s)/2+8)}
		copy(b.b, s)
		d.replaceValue(e, bufferValue(b))
	}
	before := e.val.size()
	edit(e.val.buffer())
	*d.shardOf(e.key).used += e.val.size() - before
}

// setRange is SETRANGE: it writes s at offset, zero-padding, and returns
// the new length.
func (d *DB) setRange(key string, offset int64, s string, now int64) (int64, error) {
	if offset < 0 {
		return 0, ErrOutOfRange
	}
	e, err := d.stringForWrite(key, now)
	if err != nil {
		return 0, err
	}
	if len(s) == 0 {
		if e == nil {
			return 0, nil
		}
		return int64(e.val.strLen()), nil
	}
	if offset > maxStringLen-int64(len(s)) { // written so that it cannot overflow
		return 0, ErrStringTooBig
	}
	if e == nil {
		e = d.add(key, bufferValue(&strBuffer{}), 0)
	}
	var n int
	d.editString(e, func(b *strBuffer) {
		b.grow(int(offset) + len(s))
		copy(b.b[offset:], s)
		n = len(b.b)
	})
	return int64(n), nil
}

// grow extends the buffer with zero bytes to at least n bytes.
func (b *strBuffer) grow(n int) {
	if n <= len(b.b) {
		return
	}
	if n <= cap(b.b) {
		b.b = b.b[:n]
		return
	}
	nb := make([]byte, n, n+n/2)
	copy(nb, b.b)
	b.b = nb
}

// getRange is GETRANGE's slice of s, with Redis's index rules.
func getRange(s string, start, end int64) string {
	n := int64(len(s))
	if start < 0 && end < 0 && start > end {
		return ""
	}
	if start < 0 {
		start += n
	}
	if end < 0 {
		end += n
	}
	start = max(start, 0)
	end = max(end, 0)
	if end >= n {
		end = n - 1
	}
	if start > end || n == 0 {
		return ""
	}
	return s[start : end+1]
}

// --- typed API ---

// Get returns the string at key, ErrNil if there is none. It does not
// allocate for a string set with Set.
func (d *DB) Get(key string) (string, error) {
	h := d.hash(key)
	sh := &d.shards[shardIndex(h)]
	sh.mu.RLock()
	e := sh.find(key, h)
	if e == nil || e.ttl >= 0 && sh.ttl[e.ttl].at <= d.s.nowMs() {
		sh.mu.RUnlock()
		return "", ErrNil
	}
	e.touch(d.s.lru.Load(), &d.s.sharedLRU)
	if !e.val.isString() {
		sh.mu.RUnlock()
		return "", ErrWrongType
	}
	v := e.val.str()
	sh.mu.RUnlock()
	return v, nil
}

// Set stores value at key and reports whether it did (false only when NX
// or XX prevented it). Without an expiry option it removes the key's TTL.
func (d *DB) Set(key, value string, opts ...SetOption) (bool, error) {
	h, sh := d.slot(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	// A plain SET needs the time only to tell whether the old value has
	// expired (nowFor); options may need it to compute an expiry.
	now := d.nowFor(sh)
	if len(opts) > 0 {
		now = d.s.nowMs()
	}
	a, err := d.setArgsOf(opts, now)
	if err != nil {
		return false, err
	}
	_, _, done, err := d.setStringIn(sh, key, h, stringValue(value), a, now)
	return done, err
}

// SetNX stores value at key only if the key does not exist.
func (d *DB) SetNX(key, value string) (bool, error) { return d.Set(key, value, NX) }

// GetSet stores value at key and returns the previous string (ErrNil if
// there was none).
func (d *DB) GetSet(key, value string) (string, error) {
	var old string
	err := d.writeKey(key, func(now int64) error {
		o, had, _, err := d.setString(key, stringValue(value), setArgs{get: true}, now)
		if err == nil && !had {
			err = ErrNil
		}
		old = o
		return err
	})
	return old, err
}

// GetDel returns the string at key and deletes the key.
func (d *DB) GetDel(key string) (string, error) {
	var v string
	err := d.writeKey(key, func(now int64) error {
		e, err := d.stringAt(key, now)
		if err != nil {
			return err
		}
		v = e.val.str()
		d.remove(key, now)
		return nil
	})
	return v, err
}

// GetEx returns the string at key and changes its expiry: TTL, ExpireAt or
// Persist.
func (d *DB) GetEx(key string, opts ...SetOption) (string, error) {
	var v string
	err := d.writeKey(key, func(int64) error {
		now := d.s.nowMs() // for the new deadline
		a, err := d.setArgsOf(opts, now)
		if err != nil {
			return err
		}
		v, err = d.getEx(key, a, now)
		return err
	})
	return v, err
}

// getEx is GETEX after argument parsing.
func (d *DB) getEx(key string, a setArgs, now int64) (string, error) {
	e, err := d.stringAt(key, now)
	if err != nil {
		return "", err
	}
	v := e.val.str()
	switch {
	case a.at != 0 && a.at <= now:
		d.remove(key, now)
	case a.at != 0:
		d.setExpire(e, a.at)
	case a.persist:
		d.setExpire(e, 0)
	}
	return v, nil
}

// NullString is a string that may be missing, as MGET returns.
type NullString struct {
	String string
	Valid  bool
}

// MGet returns the strings at keys; a missing key, or one that is not a
// string, gives an invalid NullString.
func (d *DB) MGet(keys ...string) ([]NullString, error) {
	out := make([]NullString, len(keys))
	d.lockKeys(false, keys, 1, func(now int64) {
		d.lookupReadEach(keys, now, func(i int, e *entry) {
			if e != nil && e.val.isString() {
				out[i] = NullString{e.val.str(), true}
			}
		})
	})
	return out, nil
}

// MSet stores each key-value pair of pairs (key1, value1, key2, ...).
func (d *DB) MSet(pairs ...string) error {
	if len(pairs)%2 != 0 {
		return resp.ErrorReply("ERR wrong number of arguments for 'mset' command")
	}
	d.lockKeys(true, pairs, 2, func(now int64) { d.mset(pairs, now) })
	return nil
}

func (d *DB) mset(pairs []string, now int64) {
	d.warm(pairs, 2)
	for i := 0; i < len(pairs); i += 2 {
		d.set(pairs[i], stringValue(pairs[i+1]), 0, false, now)
	}
}

// MSetNX stores the pairs only if none of the keys exists, and reports
// whether it did.
func (d *DB) MSetNX(pairs ...string) (bool, error) {
	if len(pairs)%2 != 0 {
		return false, resp.ErrorReply("ERR wrong number of arguments for 'msetnx' command")
	}
	var done bool
	d.lockKeys(true, pairs, 2, func(now int64) { done = d.msetnx(pairs, now) })
	return done, nil
}

func (d *DB) msetnx(pairs []string, now int64) bool {
	d.warm(pairs, 2)
	for i := 0; i < len(pairs); i += 2 {
		if d.lookupWrite(pairs[i], now) != nil {
			return false
		}
	}
	d.mset(pairs, now)
	return true
}

// Incr adds 1 to the integer at key (a missing key counts as 0).
func (d *DB) Incr(key string) (int64, error) { return d.IncrBy(key, 1) }

// Decr subtracts 1 from the integer at key.
func (d *DB) Decr(key string) (int64, error) { return d.IncrBy(key, -1) }

// DecrBy subtracts delta from the integer at key.
func (d *DB) DecrBy(key string, delta int64) (int64, error) {
	if delta == minInt64 {
		return 0, ErrDecrOverflow
	}
	return d.IncrBy(key, -delta)
}

// IncrBy adds delta to the integer at key and returns the result.
func (d *DB) IncrBy(key string, delta int64) (int64, error) {
	sh := d.shardOf(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return d.incrBy(key, delta, d.nowFor(sh))
}

// IncrByFloat adds incr to the number at key with Redis's long double
// arithmetic and returns the result as Redis formats it.
func (d *DB) IncrByFloat(key string, incr float64) (string, error) {
	var s string
	err := d.writeKey(key, func(now int64) (err error) {
		s, err = d.incrByFloat(key, strconv.FormatFloat(incr, 'g', -1, 64), now)
		return err
	})
	return s, err
}

// Append appends suffix to the string at key and returns its new length.
func (d *DB) Append(key, suffix string) (int64, error) {
	var n int64
	err := d.writeKey(key, func(now int64) (err error) {
		n, err = d.appendString(key, suffix, now)
		return err
	})
	return n, err
}

// StrLen returns the length of the string at key (0 if missing).
func (d *DB) StrLen(key string) (int64, error) {
	var n int64
	err := d.readKey(key, func(now int64) error {
		e, err := d.stringAt(key, now)
		if err == nil {
			n = int64(e.val.strLen())
		} else if err == ErrNil {
			err = nil
		}
		return err
	})
	return n, err
}

// GetRange returns the substring of the string at key between start and
// end inclusive; negative indexes count from the end.
func (d *DB) GetRange(key string, start, end int64) (string, error) {
	var s string
	err := d.readKey(key, func(now int64) error {
		e, err := d.stringAt(key, now)
		if err == ErrNil {
			return nil
		}
		if err == nil {
			s = strings.Clone(getRange(e.val.view(), start, end)) // the view is valid only under the lock
		}
		return err
	})
	return s, err
}

// SetRange overwrites the string at key from offset with s, zero-padding
// as needed, and returns the new length.
func (d *DB) SetRange(key string, offset int64, s string) (int64, error) {
	var n int64
	err := d.writeKey(key, func(now int64) (err error) {
		n, err = d.setRange(key, offset, s, now)
		return err
	})
	return n, err
}

// LCS returns the longest common subsequence of the strings at keys a and
// b (missing keys are empty strings).
func (d *DB) LCS(a, b string) (string, error) {
	var out string
	err := d.lockKeysErr(false, []string{a, b}, 1, func(now int64) error {
		sa, sb, err := d.lcsInputs(a, b, now)
		if err == nil {
			out, _, _ = redisstr.LCS(sa, sb)
		}
		return err
	})
	return out, err
}

// lcsInputs returns the two strings LCS compares.
func (d *DB) lcsInputs(a, b string, now int64) (string, string, error) {
	var s [2]string
	for i, k := range [2]string{a, b} {
		e := d.lookupRead(k, now)
		if e == nil {
			continue
		}
		if !e.val.isString() {
			return "", "", ErrLCSType
		}
		s[i] = e.val.view()
	}
	return s[0], s[1], nil
}
