// Package dict is the hash table behind the hash, set and sorted-set types
// once they outgrow their compact encodings: string keys to values of type
// V, with Redis's dict's guarantees.
//
// A Dict is an internal/htable table (open addressing over cache-line
// groups, resized incrementally) of nodes, each a key and its value. A node
// keeps a short key's bytes in its own allocation, so a lookup costs one
// cache miss for the group and one for the node, and reads the key it
// compares from the node's line; a chained dict, as Redis's is, pays a miss
// for the bucket, one per node on the chain, and one per key's bytes. On a
// sorted set of a million members that is most of a ZSCORE or a ZRANK.
// Callers that keep the key elsewhere as well (a sorted set's tree) share
// the dict's copy (Add returns it), so the bytes exist once.
//
// A dict of 8-byte numbers may keep its values in its table's hints, a
// word beside each slot, instead of in its nodes (KeepValuesInHints): a
// sorted set's scores. A lookup then loads the hints' line alongside the
// node's (both addresses are known once the group is read), so it costs
// what it did; the nodes are a size class smaller; and Guess, which loads
// the group's and the hints' lines together, hands out a key's likely
// value from its slot alone, before the node's miss: ZRANK starts the
// tree's descent with it and confirms the member while the leaf is loaded.
//
// Why not a Go map: HSCAN, SSCAN and ZSCAN need a cursor that survives
// resizes and returns every element present for the whole scan. Redis gets
// it from the reverse-binary cursor over power-of-two buckets; htable keeps
// that cursor over home groups. A Go map has no resumable position.
//
// Invariants: a node's key never changes while it is in the dict (the
// table reads it in place); it may point into the node itself. The dict
// shrinks below 1/8 fill (Redis resizes its types' dicts below 1/10). A
// Dict is not safe for concurrent writes; the store's shard locks serialise
// them, and any number of readers may call the read methods (Get, Len,
// All, Scan, Random) together.
package dict

import (
	"hash/maphash"
	"iter"
	"reflect"
	"unsafe"

	"github.com/embedis/embedis/internal/alloc"
	"github.com/embedis/embedis/internal/htable"
)

// seed is shared by every Dict: keys are hashed once per call and never
// stored, so a per-dict seed would buy nothing but a field.
var seed = maphash.MakeSeed()

func hash(key string) uint64 { return maphash.String(seed, key) }

// Dict is a hash table from string keys to V. The zero value is an empty
// table ready to use.
type Dict[V any] struct {
	t       htable.Table
	nodes   int64 // heap held by the nodes (with keys too long to be inlined)
	inHints bool  // values are kept in the table's hints (KeepValuesInHints)
}

// node is one key and its value. The key is the first field, where the
// table reads it.
type node[V any] struct {
	key string
	val V
}

// Nodes with their key's bytes in the same allocation, for keys up to 64
// bytes; a longer key is kept as the caller's string. Each begins with a
// node's fields and is used through a *node[V]. They repeat the fields
// rather than embed a node[V] because Go pads a struct that ends in a
// zero-size field (a set's V is struct{}): an embedded node would cost a
// set member 8 bytes more, and a size class more.
type (
	nodeKey8[V any] struct {
		key string
		val V
		kb  [8]byte
	}
	nodeKey16[V any] struct {
		key string
		val V
		kb  [16]byte
	}
	nodeKey24[V any] struct {
		key string
		val V
		kb  [24]byte
	}
	nodeKey32[V any] struct {
		key string
		val V
		kb  [32]byte
	}
	nodeKey48[V any] struct {
		key string
		val V
		kb  [48]byte
	}
	nodeKey64[V any] struct {
		key string
		val V
		kb  [64]byte
	}
)

// nodeBytes is the heap a node for a key of length l takes, as newNode
// allocates it: its class, or a plain node and the caller's key.
func nodeBytes[V any](l int) int64 {
	var n uintptr
	switch {
	case l == 0:
		n = unsafe.Sizeof(node[V]{})
	case l <= 8:
		n = unsafe.Sizeof(nodeKey8[V]{})
	case l <= 16:
		n = unsafe.Sizeof(nodeKey16[V]{})
	case l <= 24:
		n = unsafe.Sizeof(nodeKey24[V]{})
	case l <= 32:
		n = unsafe.Sizeof(nodeKey32[V]{})
	case l <= 48:
		n = unsafe.Sizeof(nodeKey48[V]{})
	case l <= 64:
		n = unsafe.Sizeof(nodeKey64[V]{})
	default:
		return int64(alloc.Size(int(unsafe.Sizeof(node[V]{}))) + alloc.Size(l))
	}
	return int64(alloc.Size(int(n)))
}

// newNode returns a node for key and val, with a copy of key in the node's
// own allocation when it fits one of the classes above.
func newNode[V any](key string, val V) *node[V] {
	var n *node[V]
	var kb []byte
	switch l := len(key); {
	case l == 0:
		return &node[V]{val: val}
	case l <= 8:
		x := new(nodeKey8[V])
		n, kb = (*node[V])(unsafe.Pointer(x)), x.kb[:l]
	case l <= 16:
		x := new(nodeKey16[V])
		n, kb = (*node[V])(unsafe.Pointer(x)), x.kb[:l]
	case l <= 24:
		x := new(nodeKey24[V])
		n, kb = (*node[V])(unsafe.Pointer(x)), x.kb[:l]
	case l <= 32:
		x := new(nodeKey32[V])
		n, kb = (*node[V])(unsafe.Pointer(x)), x.kb[:l]
	case l <= 48:
		x := new(nodeKey48[V])
		n, kb = (*node[V])(unsafe.Pointer(x)), x.kb[:l]
	case l <= 64:
		x := new(nodeKey64[V])
		n, kb = (*node[V])(unsafe.Pointer(x)), x.kb[:l]
	default:
		return &node[V]{key: key, val: val}
	}
	copy(kb, key)
	n.key = unsafe.String(unsafe.SliceData(kb), len(kb))
	n.val = val
	return n
}

// nodeBytes is the heap d's node for a key of length l takes: a node with
// the value, or one with the key alone when values are kept in hints.
func (d *Dict[V]) nodeBytes(l int) int64 {
	if d.inHints {
		return nodeBytes[struct{}](l)
	}
	return nodeBytes[V](l)
}

// KeepValuesInHints makes d keep each value in the hint word beside its
// key's slot (htable's hints) instead of in the key's node, which then
// holds the key alone. A lookup reads the value's line alongside the
// node's, so it costs what it did; a node is smaller; and Guess can hand
// out a key's value before its node is read (a sorted set's scores, from
// which ZRANK starts its descent). V must be an 8-byte number (int, int64,
// uint, uint64, float64): its bits are the hint. It is for an empty dict.
func (d *Dict[V]) KeepValuesInHints() {
	if t := reflect.TypeFor[V](); !hintable(t) {
		panic("dict: values kept in hints must be 8-byte numbers, not " + t.String())
	}
	d.inHints = true
	d.t.KeepHints()
}

// hintable reports whether values of type t can be kept in hints: numbers
// of 8 bytes, whose bits are all there is to them.
func hintable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint64, reflect.Float64:
		return t.Size() == 8
	}
	return false
}

// toHint and fromHint convert a value kept in hints (an 8-byte number) to
// its bits and back.
func toHint[V any](v V) uint64   { return *(*uint64)(unsafe.Pointer(&v)) }
func fromHint[V any](w uint64) V { return *(*V)(unsafe.Pointer(&w)) }

// value is the value of record rec, whose hint is hint.
func (d *Dict[V]) value(rec unsafe.Pointer, hint uint64) V {
	if d.inHints {
		return fromHint[V](hint)
	}
	return (*node[V])(rec).val
}

// keyOf is record rec's key (its first field, in either kind of node).
func keyOf(rec unsafe.Pointer) string { return *(*string)(rec) }

// A Guess is the node most likely to hold a key, found from the key's
// hash alone, and the value in the hint beside it.
type Guess[V any] struct {
	rec   unsafe.Pointer
	Value V
}

// Guess reads the slot most likely to hold key (htable's Guess) in a dict
// that keeps its values in hints, and returns its node and value without
// reading the node: ok is false when there is no candidate, and the
// caller then uses Get. Until Key confirms the candidate, the value may
// be another key's.
func (d *Dict[V]) Guess(key string) (g Guess[V], ok bool) {
	rec, w := d.t.Guess(hash(key))
	if rec == nil {
		return g, false
	}
	return Guess[V]{rec, fromHint[V](w)}, true
}

// Key is the candidate's key. Reading it loads the node: a caller with
// other loads to make calls it just before them, and compares after.
func (g Guess[V]) Key() string { return keyOf(g.rec) }

// Len returns the number of keys.
func (d *Dict[V]) Len() int { return d.t.Len() }

// Get returns key's value and whether it is present.
func (d *Dict[V]) Get(key string) (V, bool) {
	if d.t.Len() != 0 {
		if rec, w := d.t.Lookup(key, hash(key)); rec != nil {
			return d.value(rec, w), true
		}
	}
	var zero V
	return zero, false
}

// GetEach calls fn(i, value, present) for each of keys in order, as Get
// would answer, with the lookups' cache misses overlapped
// (htable.FindEach): HMGET, ZMSCORE and SMISMEMBER on a large collection.
func (d *Dict[V]) GetEach(keys []string, fn func(i int, val V, ok bool)) {
	htable.FindEach(len(keys), func(i int) (*htable.Table, string, uint64) {
		return &d.t, keys[i], hash(keys[i])
	}, func(i int, rec unsafe.Pointer, w uint64) {
		if rec != nil {
			fn(i, d.value(rec, w), true)
			return
		}
		var zero V
		fn(i, zero, false)
	})
}

// Warm looks up key(0) .. key(n-1) as GetEach does and forgets what it
// finds, for a write of several keys (HSET, SADD, ZADD, their deletions)
// that then works key by key: each key's group and node are then in the
// cache. A nil dict (a collection in its small encoding) has nothing to
// warm.
func (d *Dict[V]) Warm(n int, key func(i int) string) {
	if d == nil || n < 2 || d.t.Len() == 0 {
		return
	}
	htable.FindEach(n, func(i int) (*htable.Table, string, uint64) {
		k := key(i)
		return &d.t, k, hash(k)
	}, func(int, unsafe.Pointer, uint64) {})
}

// Ptr returns a pointer to key's value, valid until the next write, or nil.
// It lets a caller update a value in place (HINCRBY, ZINCRBY). In a dict
// that keeps its values in hints, it points at the hint.
func (d *Dict[V]) Ptr(key string) *V {
	if d.t.Len() == 0 {
		return nil
	}
	h := hash(key)
	if d.inHints {
		_, hint := d.t.Hinted(key, h)
		return (*V)(unsafe.Pointer(hint)) // V is an 8-byte number (hintable)
	}
	if e := (*node[V])(d.t.Find(key, h)); e != nil {
		return &e.val
	}
	return nil
}

// Set stores val at key and reports whether key was added (false: an
// existing value was replaced).
func (d *Dict[V]) Set(key string, val V) (added bool) {
	_, added = d.Add(key, val)
	return added
}

// Add is Set that also returns the key as the dict stores it, for a caller
// that keeps the key elsewhere too and can share these bytes.
func (d *Dict[V]) Add(key string, val V) (stored string, added bool) {
	rec, _, replaced := d.put(key, val)
	return keyOf(rec), !replaced
}

// Swap is Set that returns the value it replaced, if any.
func (d *Dict[V]) Swap(key string, val V) (old V, replaced bool) {
	_, old, replaced = d.put(key, val)
	return old, replaced
}

func (d *Dict[V]) put(key string, val V) (rec unsafe.Pointer, old V, replaced bool) {
	h := hash(key)
	if d.inHints {
		w := toHint(val)
		if rec, hint := d.t.Hinted(key, h); rec != nil {
			old, *hint = fromHint[V](*hint), w
			return rec, old, true
		}
		rec = unsafe.Pointer(newNode(key, struct{}{}))
		d.t.InsertHinted(rec, h, w, hash)
		d.nodes += d.nodeBytes(len(key))
		return rec, old, false
	}
	if e := (*node[V])(d.t.Find(key, h)); e != nil {
		old, e.val = e.val, val
		return unsafe.Pointer(e), old, true
	}
	e := newNode(key, val)
	d.t.Insert(unsafe.Pointer(e), h, hash)
	d.nodes += d.nodeBytes(len(key))
	return unsafe.Pointer(e), old, false
}

// Delete removes key and returns its value and whether it was present.
func (d *Dict[V]) Delete(key string) (V, bool) {
	var zero V
	if d.t.Len() == 0 {
		return zero, false
	}
	rec, w := d.t.Remove(key, hash(key), hash)
	if rec == nil {
		return zero, false
	}
	val := d.value(rec, w)
	d.nodes -= d.nodeBytes(len(key))
	if n := d.t.ShrinkSize(); n != 0 {
		d.t.StartRehash(make([]htable.Group, n), hash)
	}
	return val, true
}

// Clear removes every key. A dict that keeps its values in hints goes on
// keeping them there.
func (d *Dict[V]) Clear() {
	d.t.Clear()
	d.nodes = 0
}

// Bytes returns the heap the dict holds: its table and its nodes, keys
// included (values that point elsewhere, such as a hash's value strings,
// are the caller's to count). It is O(1).
func (d *Dict[V]) Bytes() int64 { return d.t.Bytes() + d.nodes }

// All yields every key and value, in no particular order. The dict must
// not be modified during the iteration.
func (d *Dict[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		d.t.Each(func(rec unsafe.Pointer, w uint64) bool {
			return yield(keyOf(rec), d.value(rec, w))
		})
	}
}

// Random returns a key and value chosen as fairly as Redis's
// dictGetFairRandomKey (a random non-empty group, then a random node of
// it); ok is false when the dict is empty. rnd returns uniform random
// numbers.
func (d *Dict[V]) Random(rnd func() uint64) (key string, val V, ok bool) {
	rec, w := d.t.Random(rnd)
	if rec == nil {
		return key, val, false
	}
	return keyOf(rec), d.value(rec, w), true
}

// Scan calls fn for the keys at cursor v and returns the next cursor; 0
// means the scan is complete. It is Redis's dictScan guarantee: every key
// present for the whole scan is returned at least once (some may be
// returned more than once), across resizes (htable's Scan).
func (d *Dict[V]) Scan(v uint64, fn func(key string, val V)) uint64 {
	return d.t.Scan(v, hash, func(rec unsafe.Pointer, w uint64) {
		fn(keyOf(rec), d.value(rec, w))
	})
}
