// Package dict is the hash table behind the hash, set and sorted-set types
// once they outgrow their compact encodings: Redis's dict, in Go.
//
// A Dict maps string keys to values of type V with chained buckets whose
// count is a power of two. It grows when it holds as many keys as buckets
// and shrinks below a 1/10 fill, as Redis's dict does, and it resizes
// incrementally: every write moves one bucket, so no operation pays for
// moving the whole table.
//
// Why not a Go map: HSCAN, SSCAN and ZSCAN need a cursor that survives
// resizes and returns every element present for the whole scan. Redis gets
// it from the reverse-binary cursor over power-of-two buckets (Scan); a Go
// map has no resumable position.
//
// Invariants: while a rehash is in progress (rehash >= 0), the buckets of
// b[0] below rehash are empty and their nodes live in b[1]; n counts the
// nodes of both tables. A Dict is not safe for concurrent writes; the
// store's shard locks serialise them, and any number of readers may call
// the read methods (Get, Len, All, Scan, Random) together.
package dict

import (
	"hash/maphash"
	"iter"
	"math/bits"
)

// seed is shared by every Dict: keys are hashed once per call and never
// stored, so a per-dict seed would buy nothing but a field.
var seed = maphash.MakeSeed()

func hash(key string) uint64 { return maphash.String(seed, key) }

// Dict is a hash table from string keys to V. The zero value is an empty
// table ready to use.
type Dict[V any] struct {
	b      [2][]*node[V]
	n      int
	rehash int // next bucket of b[0] to move, or -1; meaningful only with b[1] != nil
}

type node[V any] struct {
	key  string
	val  V
	next *node[V]
}

const minSize = 4

// Len returns the number of keys.
func (d *Dict[V]) Len() int { return d.n }

func (d *Dict[V]) rehashing() bool { return d.b[1] != nil }

// rehashStep moves one bucket from b[0] to b[1], skipping at most ten
// empty ones.
func (d *Dict[V]) rehashStep() {
	if !d.rehashing() {
		return
	}
	for empty := 10; d.rehash < len(d.b[0]) && d.b[0][d.rehash] == nil; {
		d.rehash++
		if empty--; empty == 0 {
			break
		}
	}
	if d.rehash < len(d.b[0]) {
		mask := uint64(len(d.b[1]) - 1)
		for e := d.b[0][d.rehash]; e != nil; {
			next := e.next
			i := hash(e.key) & mask
			e.next = d.b[1][i]
			d.b[1][i] = e
			e = next
		}
		d.b[0][d.rehash] = nil
		d.rehash++
	}
	if d.rehash >= len(d.b[0]) {
		d.b[0], d.b[1] = d.b[1], nil
	}
}

func (d *Dict[V]) find(key string) *node[V] {
	if d.n == 0 {
		return nil
	}
	h := hash(key)
	for i, b := range d.b {
		if len(b) == 0 {
			break
		}
		for e := b[h&uint64(len(b)-1)]; e != nil; e = e.next {
			if e.key == key {
				return e
			}
		}
		if i == 0 && !d.rehashing() {
			break
		}
	}
	return nil
}

// Get returns key's value and whether it is present.
func (d *Dict[V]) Get(key string) (V, bool) {
	if e := d.find(key); e != nil {
		return e.val, true
	}
	var zero V
	return zero, false
}

// Ptr returns a pointer to key's value, valid until the next write, or nil.
// It lets a caller update a value in place (HINCRBY, ZINCRBY).
func (d *Dict[V]) Ptr(key string) *V {
	if e := d.find(key); e != nil {
		return &e.val
	}
	return nil
}

// Set stores val at key and reports whether key was added (false: an
// existing value was replaced). The key string is retained.
func (d *Dict[V]) Set(key string, val V) (added bool) {
	if e := d.find(key); e != nil {
		e.val = val
		return false
	}
	d.insert(&node[V]{key: key, val: val})
	return true
}

// insert links e, whose key is absent.
func (d *Dict[V]) insert(e *node[V]) {
	if d.b[0] == nil {
		d.b[0] = make([]*node[V], minSize)
	}
	d.rehashStep()
	if !d.rehashing() && d.n >= len(d.b[0]) {
		d.resize(d.n + 1)
	}
	b := d.b[0]
	if d.rehashing() {
		b = d.b[1]
	}
	i := hash(e.key) & uint64(len(b)-1)
	e.next = b[i]
	b[i] = e
	d.n++
}

// Delete removes key and returns its value and whether it was present.
func (d *Dict[V]) Delete(key string) (V, bool) {
	var zero V
	if d.n == 0 {
		return zero, false
	}
	d.rehashStep()
	h := hash(key)
	for i := 0; i < 2; i++ {
		b := d.b[i]
		if len(b) == 0 {
			break
		}
		slot := &b[h&uint64(len(b)-1)]
		for e := *slot; e != nil; slot, e = &e.next, e.next {
			if e.key == key {
				*slot = e.next
				d.n--
				d.shrinkIfSparse()
				return e.val, true
			}
		}
		if !d.rehashing() {
			break
		}
	}
	return zero, false
}

// shrinkIfSparse starts shrinking below a 1/10 fill, as Redis's types do
// after deletions (htNeedsResize, then dictResize).
func (d *Dict[V]) shrinkIfSparse() {
	if d.rehashing() || len(d.b[0]) <= minSize || d.n*10 >= len(d.b[0]) {
		return
	}
	d.resize(d.n)
}

func sizeFor(n int) int {
	if n <= minSize {
		return minSize
	}
	return 1 << bits.Len(uint(n-1))
}

// resize starts an incremental rehash to the smallest power of two >= n.
func (d *Dict[V]) resize(n int) {
	if size := sizeFor(n); size != len(d.b[0]) {
		d.b[1] = make([]*node[V], size)
		d.rehash = 0
		d.rehashStep()
	}
}

// Clear removes every key.
func (d *Dict[V]) Clear() { *d = Dict[V]{} }

// All yields every key and value, in no particular order. The dict must
// not be modified during the iteration.
func (d *Dict[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for _, b := range d.b {
			for _, e := range b {
				for ; e != nil; e = e.next {
					if !yield(e.key, e.val) {
						return
					}
				}
			}
		}
	}
}

// Random returns a key and value chosen as Redis's dictGetFairRandomKey
// does (a random non-empty bucket, then a random node of its chain); ok is
// false when the dict is empty. rnd returns uniform random numbers.
func (d *Dict[V]) Random(rnd func() uint64) (key string, val V, ok bool) {
	if d.n == 0 {
		return key, val, false
	}
	for {
		t := 0
		if d.rehashing() && rnd()&1 == 1 {
			t = 1
		}
		b := d.b[t]
		if e := b[rnd()&uint64(len(b)-1)]; e != nil {
			n := 0
			for x := e; x != nil; x = x.next {
				n++
			}
			for k := rnd() % uint64(n); k > 0; k-- {
				e = e.next
			}
			return e.key, e.val, true
		}
	}
}

// Scan calls fn for the keys of the bucket(s) at cursor v and returns the
// next cursor; 0 means the scan is complete. It is Redis's dictScan: the
// cursor is incremented from its most significant bit, so buckets already
// visited map to buckets already visited after the table grows or shrinks,
// and every key present for the whole scan is returned at least once (some
// may be returned more than once).
func (d *Dict[V]) Scan(v uint64, fn func(key string, val V)) uint64 {
	if d.n == 0 {
		return 0
	}
	emit := func(e *node[V]) {
		for ; e != nil; e = e.next {
			fn(e.key, e.val)
		}
	}
	if !d.rehashing() {
		m0 := uint64(len(d.b[0]) - 1)
		emit(d.b[0][v&m0])
		return nextCursor(v, m0)
	}
	small, large := d.b[0], d.b[1]
	if len(small) > len(large) {
		small, large = large, small
	}
	m0, m1 := uint64(len(small)-1), uint64(len(large)-1)
	emit(small[v&m0])
	// Visit the buckets of the larger table that expand the small bucket.
	for {
		emit(large[v&m1])
		v = nextCursor(v, m1)
		if v&(m0^m1) == 0 {
			break
		}
	}
	return v
}

// nextCursor increments v's bits under mask from the most significant end.
func nextCursor(v, mask uint64) uint64 {
	v |= ^mask
	v = bits.Reverse64(v)
	v++
	return bits.Reverse64(v)
}
