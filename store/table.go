package store

import "math/bits"

// table is a shard's hash table: chained buckets, power-of-two sized, grown
// and shrunk by incremental rehashing as Redis's dict does, so no single
// operation pays for moving the whole table. It stores no hashes; callers
// pass the key's hash with every call, and the table recomputes hashes with
// hashKey only when it moves entries.
//
// Why not a Go map: SCAN needs a cursor that survives resizes and still
// returns every key present for the whole scan, which Redis gets from the
// reverse-binary cursor over power-of-two buckets (scan below). A Go map has
// no resumable position. Chaining through entry.next also keeps a key's heap
// cost at one 48-byte entry plus an 8-byte bucket slot.
//
// Invariants: while rehash >= 0, buckets of b[0] below rehash are empty and
// their entries live in b[1]; n counts the entries of both.
type table struct {
	b      [2][]*entry
	n      int
	rehash int // next bucket of b[0] to move, or -1
}

const tableMinSize = 4

// rehashStep moves one bucket (visiting at most ten empty ones) from b[0] to
// b[1]. Every write calls it while a rehash is in progress.
func (t *table) rehashStep(hash func(string) uint64) {
	if t.rehash < 0 {
		return
	}
	empty := 10
	for t.rehash < len(t.b[0]) && t.b[0][t.rehash] == nil {
		t.rehash++
		if empty--; empty == 0 {
			break
		}
	}
	if t.rehash < len(t.b[0]) {
		mask := uint64(len(t.b[1]) - 1)
		for e := t.b[0][t.rehash]; e != nil; {
			next := e.next
			i := hash(e.key) & mask
			e.next = t.b[1][i]
			t.b[1][i] = e
			e = next
		}
		t.b[0][t.rehash] = nil
		t.rehash++
	}
	if t.rehash >= len(t.b[0]) {
		t.b[0], t.b[1] = t.b[1], nil
		t.rehash = -1
	}
}

func (t *table) rehashing() bool { return t.rehash >= 0 }

// find returns the entry for key, or nil. The common case, no rehash in
// progress, is small enough to inline into every lookup.
func (t *table) find(key string, h uint64) *entry {
	if t.rehashing() {
		return t.findRehashing(key, h)
	}
	b := t.b[0]
	if len(b) == 0 {
		return nil
	}
	tag := hashTag(h)
	for e := b[h&uint64(len(b)-1)]; e != nil; e = e.next {
		if e.tag() == tag && e.key == key {
			return e
		}
	}
	return nil
}

// findRehashing is find while entries may be in either table.
func (t *table) findRehashing(key string, h uint64) *entry {
	tag := hashTag(h)
	for _, b := range t.b {
		for e := b[h&uint64(len(b)-1)]; e != nil; e = e.next {
			if e.tag() == tag && e.key == key {
				return e
			}
		}
	}
	return nil
}

// insert adds e, whose key must not be present.
func (t *table) insert(e *entry, h uint64, hash func(string) uint64) {
	if t.b[0] == nil {
		t.b[0] = make([]*entry, tableMinSize)
		t.rehash = -1
	}
	t.rehashStep(hash)
	if !t.rehashing() && t.n >= len(t.b[0]) {
		t.resize(t.n+1, hash)
	}
	b := t.b[0]
	if t.rehashing() {
		b = t.b[1]
	}
	i := h & uint64(len(b)-1)
	e.next = b[i]
	b[i] = e
	t.n++
}

// remove unlinks the entry for key and returns it, or nil.
func (t *table) remove(key string, h uint64, hash func(string) uint64) *entry {
	if t.n == 0 {
		return nil
	}
	t.rehashStep(hash)
	for i := 0; i < 2; i++ {
		b := t.b[i]
		if len(b) == 0 {
			break
		}
		slot := &b[h&uint64(len(b)-1)]
		for e := *slot; e != nil; slot, e = &e.next, e.next {
			if e.key == key {
				*slot = e.next
				e.next = nil
				t.n--
				return e
			}
		}
		if !t.rehashing() {
			break
		}
	}
	return nil
}

// shrinkSize returns the size the table should shrink to, or 0. Tables
// shrink below 1/8 fill (Redis resizes below 10%). Shrinking is not done by
// remove: the sweeper does it (Redis's cron does too), allocating the new
// buckets before it takes the shard lock.
func (t *table) shrinkSize() int {
	if t.rehashing() || len(t.b[0]) <= tableMinSize || t.n*8 >= len(t.b[0]) {
		return 0
	}
	return sizeFor(t.n)
}

// startRehash begins an incremental rehash into the empty buckets b, which
// must hold t.n entries at most at a fill of 1.
func (t *table) startRehash(b []*entry, hash func(string) uint64) {
	t.b[1] = b
	t.rehash = 0
	t.rehashStep(hash)
}

func sizeFor(n int) int {
	if n <= tableMinSize {
		return tableMinSize
	}
	return 1 << bits.Len(uint(n-1))
}

// resize starts an incremental rehash to the smallest power of two >= n.
func (t *table) resize(n int, hash func(string) uint64) {
	if size := sizeFor(n); size != len(t.b[0]) {
		t.startRehash(make([]*entry, size), hash)
	}
}

// clear drops every entry.
func (t *table) clear() { *t = table{rehash: -1} }

// each calls fn for every entry until fn returns false. fn must not modify
// the table.
func (t *table) each(fn func(*entry) bool) bool {
	for _, b := range t.b {
		for _, e := range b {
			for ; e != nil; e = e.next {
				if !fn(e) {
					return false
				}
			}
		}
	}
	return true
}

// random returns a uniformly chosen bucket's random entry (Redis's
// dictGetFairRandomKey is no fairer), or nil when empty. rnd returns a
// random uint64.
func (t *table) random(rnd func() uint64) *entry {
	if t.n == 0 {
		return nil
	}
	for {
		tbl := 0
		if t.rehashing() && rnd()&1 == 1 {
			tbl = 1
		}
		b := t.b[tbl]
		if e := b[rnd()&uint64(len(b)-1)]; e != nil {
			n := 0
			for x := e; x != nil; x = x.next {
				n++
			}
			k := int(rnd() % uint64(n))
			for ; k > 0; k-- {
				e = e.next
			}
			return e
		}
	}
}

// scan calls fn for the entries of the bucket(s) at cursor v and returns the
// next cursor; 0 means the scan is complete. It is Redis's dictScan: the
// cursor's bits are incremented from the most significant end, so buckets
// already visited map to buckets already visited after the table grows or
// shrinks, and every key present for the whole scan is returned at least
// once (a key may be returned more than once).
func (t *table) scan(v uint64, fn func(*entry)) uint64 {
	if t.n == 0 {
		return 0
	}
	emit := func(e *entry) {
		for ; e != nil; e = e.next {
			fn(e)
		}
	}
	if !t.rehashing() {
		m0 := uint64(len(t.b[0]) - 1)
		emit(t.b[0][v&m0])
		v |= ^m0
		v = bits.Reverse64(v)
		v++
		return bits.Reverse64(v)
	}
	small, large := t.b[0], t.b[1]
	if len(small) > len(large) {
		small, large = large, small
	}
	m0, m1 := uint64(len(small)-1), uint64(len(large)-1)
	emit(small[v&m0])
	// Visit the buckets of the larger table that expand the small bucket.
	for {
		emit(large[v&m1])
		v |= ^m1
		v = bits.Reverse64(v)
		v++
		v = bits.Reverse64(v)
		if v&(m0^m1) == 0 {
			break
		}
	}
	return v
}
