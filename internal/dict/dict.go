// Package dict is the hash table behind the hash, set and sorted-set types
// once they outgrow their compact encodings: Redis's dict, in Go.
//
// A Dict maps string keys to values of type V. It is an open-addressing
// table in the manner of Abseil's Swiss tables: groups of eight slots, each
// group a word of control bytes (empty, deleted, or 8 bits of the key's
// hash) followed by the eight keys and the eight values inline, probed
// linearly from the key's home group. A lookup reads one group, compares
// eight tags at once and then the one key whose tag matches, so it costs a
// miss for the group and one for the key's bytes; a chained table pays
// for the bucket, the node and the key.
//
// The table doubles when it is 7/8 full and halves below 1/10 fill, as
// Redis's dict resizes, and it resizes incrementally: while a rehash is in
// progress, g[1] is the new table, every write moves one group of g[0], and
// lookups try g[1] then g[0]. Groups of g[0] below rehash have been moved
// and are empty; probes of g[0] skip them, since a key whose home group was
// moved, or whose probe wrapped around into them, was displaced past them.
//
// Why not a Go map: HSCAN, SSCAN and ZSCAN need a cursor that survives
// resizes and returns every element present for the whole scan. Redis gets
// it from the reverse-binary cursor over power-of-two buckets; here the
// cursor runs over home groups (Scan), and visiting one emits the keys
// whose home it is, wherever probing displaced them. A Go map has no
// resumable position.
//
// Invariants: a probe for a present key meets no group with an empty slot
// before the key's group (a deletion in a full group leaves a deleted
// mark); used counts occupied and deleted slots and stays at most 7/8 of
// the slots; n counts the keys of both tables. A Dict is not safe for
// concurrent writes; the store's shard locks serialise them, and any
// number of readers may call the read methods (Get, Len, All, Scan,
// Random) together.
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
	g      [2]groups[V]
	n      int
	rehash int // next group of g[0] to move, while g[1] is non-nil
}

type groups[V any] struct {
	g    []group[V]
	used int
}

type group[V any] struct {
	ctrl uint64 // byte i describes slot i
	keys [slots]string
	vals [slots]V
}

const (
	slots       = 8
	ctrlEmpty   = 0
	ctrlDeleted = 1 // tags are 2..255
	lsbs        = 0x0101010101010101
	msbs        = 0x8080808080808080
)

// tagOf is the control byte of a key with hash h: its top bits, which
// the home group (low bits) does not use.
func tagOf(h uint64) uint8 {
	t := uint8(h >> 56)
	if t < 2 {
		t += 2
	}
	return t
}

// matchByte marks the bytes of w equal to b (and possibly bytes above one
// that is: callers check each candidate).
func matchByte(w uint64, b uint8) uint64 {
	x := w ^ (lsbs * uint64(b))
	return (x - lsbs) &^ x & msbs
}

// matchFree marks the empty or deleted bytes of w; its lowest mark is
// exact.
func matchFree(w uint64) uint64 {
	x := w &^ lsbs
	return (x - lsbs) &^ x & msbs
}

func hasEmpty(w uint64) bool { return (w-lsbs)&^w&msbs != 0 }

func slotOf(m uint64) int { return bits.TrailingZeros64(m) >> 3 }

func (g *group[V]) setCtrl(s int, b uint8) {
	g.ctrl = g.ctrl&^(0xff<<(8*s)) | uint64(b)<<(8*s)
}

func (g *group[V]) ctrlAt(s int) uint8 { return uint8(g.ctrl >> (8 * s)) }

func (g *group[V]) occupied(s int) bool { return g.ctrlAt(s) >= 2 }

func (gs *groups[V]) maxUsed() int { return len(gs.g) * slots * 7 / 8 }

// Len returns the number of keys.
func (d *Dict[V]) Len() int { return d.n }

func (d *Dict[V]) rehashing() bool { return d.g[1].g != nil }

// next is the group after i in a probe of a table whose groups below from
// have been moved (see the package doc).
func next(i, mask, from int) int {
	if i = (i + 1) & mask; i < from {
		i = from
	}
	return i
}

// slot returns the group and slot holding key, or nil.
func (gs *groups[V]) slot(key string, h uint64, from int) (*group[V], int) {
	n := len(gs.g)
	if n == 0 {
		return nil, 0
	}
	mask := n - 1
	tag := tagOf(h)
	i := max(int(h)&mask, from)
	for probes := 0; probes < n; probes++ {
		g := &gs.g[i]
		for m := matchByte(g.ctrl, tag); m != 0; m &= m - 1 {
			if s := slotOf(m); g.ctrlAt(s) == tag && g.keys[s] == key {
				return g, s
			}
		}
		if hasEmpty(g.ctrl) {
			return nil, 0
		}
		i = next(i, mask, from)
	}
	return nil, 0
}

func (d *Dict[V]) find(key string) (*group[V], int) {
	if d.n == 0 {
		return nil, 0
	}
	h := hash(key)
	if !d.rehashing() {
		return d.g[0].slot(key, h, 0)
	}
	if g, s := d.g[1].slot(key, h, 0); g != nil {
		return g, s
	}
	return d.g[0].slot(key, h, d.rehash)
}

// Get returns key's value and whether it is present.
func (d *Dict[V]) Get(key string) (V, bool) {
	if g, s := d.find(key); g != nil {
		return g.vals[s], true
	}
	var zero V
	return zero, false
}

// Ptr returns a pointer to key's value, valid until the next write, or nil.
// It lets a caller update a value in place (HINCRBY, ZINCRBY).
func (d *Dict[V]) Ptr(key string) *V {
	if g, s := d.find(key); g != nil {
		return &g.vals[s]
	}
	return nil
}

// Set stores val at key and reports whether key was added (false: an
// existing value was replaced). The key string is retained.
func (d *Dict[V]) Set(key string, val V) (added bool) {
	if g, s := d.find(key); g != nil {
		g.vals[s] = val
		return false
	}
	d.insert(key, val, hash(key))
	return true
}

// put stores key and val in the first free slot of their probe sequence;
// gs must have one.
func (gs *groups[V]) put(key string, val V, h uint64) {
	mask := len(gs.g) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		g := &gs.g[i]
		if m := matchFree(g.ctrl); m != 0 {
			s := slotOf(m)
			if g.ctrlAt(s) == ctrlEmpty {
				gs.used++
			}
			g.setCtrl(s, tagOf(h))
			g.keys[s], g.vals[s] = key, val
			return
		}
	}
}

// del empties slot s of g. A group with an empty slot never made a probe
// go on past it, so its slot can become empty again; in a full group it
// must stay marked, or probes for keys displaced beyond it would stop.
func (gs *groups[V]) del(g *group[V], s int) {
	var zero V
	g.keys[s], g.vals[s] = "", zero
	if hasEmpty(g.ctrl) {
		g.setCtrl(s, ctrlEmpty)
		gs.used--
	} else {
		g.setCtrl(s, ctrlDeleted)
	}
}

func (d *Dict[V]) insert(key string, val V, h uint64) {
	d.rehashStep()
	if !d.rehashing() && d.g[0].used+1 > d.g[0].maxUsed() {
		d.startRehash(sizeFor(d.n + 1))
	}
	if d.rehashing() && d.g[1].used+1 > d.g[1].maxUsed() {
		d.regrow()
	}
	if d.rehashing() {
		d.g[1].put(key, val, h)
	} else {
		d.g[0].put(key, val, h)
	}
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
	gs := &d.g[0]
	var g *group[V]
	var s int
	switch {
	case !d.rehashing():
		g, s = gs.slot(key, h, 0)
	default:
		if g, s = d.g[1].slot(key, h, 0); g != nil {
			gs = &d.g[1]
		} else {
			g, s = gs.slot(key, h, d.rehash)
		}
	}
	if g == nil {
		return zero, false
	}
	v := g.vals[s]
	gs.del(g, s)
	d.n--
	d.shrinkIfSparse()
	return v, true
}

// shrinkIfSparse starts shrinking below a 1/10 fill, as Redis's types do
// after deletions (htNeedsResize, then dictResize).
func (d *Dict[V]) shrinkIfSparse() {
	if d.rehashing() || len(d.g[0].g) <= 1 || d.n*10 >= len(d.g[0].g)*slots {
		return
	}
	if size := sizeFor(d.n); size < len(d.g[0].g) {
		d.startRehash(size)
	}
}

// sizeFor is the number of groups (a power of two) that holds n keys at
// most half full, so a table that grows at 7/8 full doubles.
func sizeFor(n int) int {
	need := (n + 3) / 4
	if need <= 1 {
		return 1
	}
	return 1 << bits.Len(uint(need-1))
}

// startRehash begins an incremental rehash into a table of size groups.
func (d *Dict[V]) startRehash(size int) {
	if d.g[0].g == nil {
		d.g[0] = groups[V]{g: make([]group[V], size)}
		return
	}
	d.g[1] = groups[V]{g: make([]group[V], size)}
	d.rehash = 0
	d.rehashStep()
}

// rehashStep moves one group (visiting at most ten empty ones) from g[0]
// to g[1]. Every write calls it while a rehash is in progress.
func (d *Dict[V]) rehashStep() {
	if !d.rehashing() {
		return
	}
	old := d.g[0].g
	for empty := 10; d.rehash < len(old) && old[d.rehash].ctrl == 0; {
		d.rehash++
		if empty--; empty == 0 {
			break
		}
	}
	if d.rehash < len(old) {
		if d.g[1].used+slots > d.g[1].maxUsed() {
			d.regrow()
			return
		}
		g := &old[d.rehash]
		var zero V
		for s := range g.keys {
			if g.occupied(s) {
				d.g[1].put(g.keys[s], g.vals[s], hash(g.keys[s]))
				g.keys[s], g.vals[s] = "", zero
			}
		}
		g.ctrl = 0
		d.rehash++
	}
	if d.rehash >= len(old) {
		d.g[0], d.g[1] = d.g[1], groups[V]{}
	}
}

// regrow moves every key into one new table sized for them, at once: the
// rare way out when inserts fill the target of a shrink before the
// incremental rehash into it is done (the shrink started below 1/10 fill,
// so there are few keys to move).
func (d *Dict[V]) regrow() {
	ng := groups[V]{g: make([]group[V], sizeFor(d.n+1))}
	for k, v := range d.All() {
		ng.put(k, v, hash(k))
	}
	d.g[0], d.g[1] = ng, groups[V]{}
}

// Clear removes every key.
func (d *Dict[V]) Clear() { *d = Dict[V]{} }

// All yields every key and value, in no particular order. The dict must
// not be modified during the iteration.
func (d *Dict[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for t := range d.g {
			for gi := range d.g[t].g {
				g := &d.g[t].g[gi]
				for s := range g.keys {
					if g.occupied(s) && !yield(g.keys[s], g.vals[s]) {
						return
					}
				}
			}
		}
	}
}

// Random returns a key and value from a random non-empty group (as fair
// as Redis's dictGetFairRandomKey); ok is false when the dict is empty.
// rnd returns uniform random numbers.
func (d *Dict[V]) Random(rnd func() uint64) (key string, val V, ok bool) {
	if d.n == 0 {
		return key, val, false
	}
	for {
		gs := d.g[0].g
		if d.rehashing() && rnd()&1 == 1 {
			gs = d.g[1].g
		}
		g := &gs[rnd()&uint64(len(gs)-1)]
		var full [slots]int
		k := 0
		for s := range g.keys {
			if g.occupied(s) {
				full[k] = s
				k++
			}
		}
		if k > 0 {
			s := full[rnd()%uint64(k)]
			return g.keys[s], g.vals[s], true
		}
	}
}

// Scan calls fn for the keys whose home group is cursor v's and returns
// the next cursor; 0 means the scan is complete. It is Redis's dictScan
// over home groups: the cursor is incremented from its most significant
// bit, so groups already visited map to groups already visited after the
// table grows or shrinks, and every key present for the whole scan is
// returned at least once (some may be returned more than once).
func (d *Dict[V]) Scan(v uint64, fn func(key string, val V)) uint64 {
	if d.n == 0 {
		return 0
	}
	if !d.rehashing() {
		m0 := uint64(len(d.g[0].g) - 1)
		d.g[0].emitHome(int(v&m0), 0, fn)
		return nextCursor(v, m0)
	}
	small, large := &d.g[0], &d.g[1]
	sFrom, lFrom := d.rehash, 0
	if len(small.g) > len(large.g) {
		small, large = large, small
		sFrom, lFrom = lFrom, sFrom
	}
	m0, m1 := uint64(len(small.g)-1), uint64(len(large.g)-1)
	small.emitHome(int(v&m0), sFrom, fn)
	// Visit the groups of the larger table that expand the small group.
	for {
		large.emitHome(int(v&m1), lFrom, fn)
		v = nextCursor(v, m1)
		if v&(m0^m1) == 0 {
			break
		}
	}
	return v
}

// emitHome calls fn for the keys of gs whose home group is home, along the
// probe run from it (from as in slot).
func (gs *groups[V]) emitHome(home, from int, fn func(string, V)) {
	mask := len(gs.g) - 1
	i := max(home, from)
	for probes := 0; probes < len(gs.g); probes++ {
		g := &gs.g[i]
		for s := range g.keys {
			if g.occupied(s) && int(hash(g.keys[s]))&mask == home {
				fn(g.keys[s], g.vals[s])
			}
		}
		if hasEmpty(g.ctrl) {
			return
		}
		i = next(i, mask, from)
	}
}

// nextCursor increments v's bits under mask from the most significant end.
func nextCursor(v, mask uint64) uint64 {
	v |= ^mask
	v = bits.Reverse64(v)
	v++
	return bits.Reverse64(v)
}
