// Package ztree is the ordered index of a sorted set: a counted B+ tree of
// (score, member) elements that answers rank queries in O(log n).
//
// # Why a counted B+ tree
//
// Redis orders a sorted set with a skiplist whose links carry spans, which
// gives ZRANK and ZRANGE by index in O(log n). google/btree orders well but
// cannot tell an element's rank. A B+ tree whose inner nodes record how
// many elements lie under each child gives the same bounds: a search adds up
// the counts of the children it passes (rank), or subtracts them to find
// the child holding a given rank (select). We chose it over a span skiplist
// because it is smaller and friendlier to the cache: elements sit inline,
// up to 128 to a leaf in one contiguous array (24 bytes each, no per-element
// node, no forward pointers), and a search touches about log64(n) nodes
// instead of a pointer chase per skiplist level. Go's garbage collector also
// prefers a few large objects to one small object per element. A node and
// its arrays are one allocation, and searches scan a node's scores rather
// than bisect them, so that on a set larger than the cache a node costs
// about one miss, not one per probe (see search).
//
// # Layout and invariants
//
//   - Every leaf is at the same depth. A leaf holds its elements sorted by
//     (score, member), members compared bytewise, as Redis's zslInsert
//     orders them; an inner node holds its children, the number of
//     elements under each (sizes), and the largest element under each
//     (items), which is what a search compares with.
//   - No node is empty, and every node but the root holds at least a
//     quarter of its capacity (minLeaf / minInner), so the height stays
//     logarithmic; a node that falls below is merged with a neighbour,
//     and the pair split evenly again if the merge overflows.
//   - A full leaf splits in half, except the leaf at either end of the
//     tree when the new element extends the tree there: that leaf stays
//     full and the new element starts a leaf of its own, so ascending (or
//     descending) inserts, such as timestamps as scores, fill leaves
//     completely.
//
// Elements are unique: callers (the store keeps a member → score index)
// never insert an element that is present nor delete one that is absent.
// NaN scores are not allowed.
//
// # Complexity
//
// Insert, Delete, DeleteAt, SetScoreAt, Rank, Index, Seek, At and Search
// are O(log n); an iteration from a rank is O(log n) to start and O(1)
// amortised per element; DeleteRange of m elements is O(log n + m).
//
// # Concurrency and snapshots
//
// A Tree is not safe for concurrent writes; readers may share it while no
// one writes (the store's shard locks ensure that). A point-in-time
// snapshot (a background save) would make the tree copy-on-write, as
// google/btree's Clone does: each node records the generation that owns
// it, Clone makes a new generation in O(1) by sharing the root, and a
// writer copies every node on its path that belongs to an older generation
// before changing it (O(log n) extra copies per write, each one leaf or
// inner node). The snapshot then reads the old generation while writers
// continue; the store's member index (a dict of scores) would be cloned
// lazily the same way or rebuilt from the tree.
package ztree

import (
	"iter"
	"slices"
	"unsafe"

	"github.com/embedis/embedis/internal/alloc"
)

// Item is one element of a sorted set.
type Item struct {
	Score  float64
	Member string
}

// Less reports whether a sorts before b: by score, then by member bytes.
func Less(a, b Item) bool {
	return a.Score < b.Score || a.Score == b.Score && a.Member < b.Member
}

const (
	maxLeaf  = 128
	minLeaf  = maxLeaf / 4
	maxInner = 64
	minInner = maxInner / 4
)

// node is a leaf (kids == nil) or an inner node. Elements are stored as two
// parallel arrays, scores and members, so that a search, which almost
// always decides on the score alone, reads 8 bytes per probe and touches
// half the cache lines it would with (score, member) pairs.
type node struct {
	scores  []float64 // leaf: the elements' scores; inner: the largest element's score under each child
	members []string  // the matching members
	kids    []*node   // inner: the children
	sizes   []int     // inner: the number of elements under each child
	block   bool      // n heads a leafBlock or an innerBlock (its arrays follow it)
}

func (n *node) leaf() bool { return n.kids == nil }

// entries is the number of direct entries: elements of a leaf, children of
// an inner node.
func (n *node) entries() int { return len(n.scores) }

func (n *node) item(i int) Item { return Item{n.scores[i], n.members[i]} }

// count is the number of elements under n.
func (n *node) count() int {
	if n.leaf() {
		return len(n.scores)
	}
	c := 0
	for _, s := range n.sizes {
		c += s
	}
	return c
}

func (n *node) max() Item { return n.item(len(n.scores) - 1) }

func (n *node) setItem(i int, it Item) { n.scores[i], n.members[i] = it.Score, it.Member }

func (n *node) insertItem(i int, it Item) {
	n.scores = slices.Insert(n.scores, i, it.Score)
	n.members = slices.Insert(n.members, i, it.Member)
}

// truncate keeps the first k entries, clearing the rest for the GC.
func (n *node) truncate(k int) {
	clear(n.members[k:])
	n.scores, n.members = n.scores[:k], n.members[:k]
	if !n.leaf() {
		clear(n.kids[k:])
		n.kids, n.sizes = n.kids[:k], n.sizes[:k]
	}
}

// appendFrom appends the entries [lo, hi) of o.
func (n *node) appendFrom(o *node, lo, hi int) {
	n.scores = append(n.scores, o.scores[lo:hi]...)
	n.members = append(n.members, o.members[lo:hi]...)
	if !o.leaf() {
		n.kids = append(n.kids, o.kids[lo:hi]...)
		n.sizes = append(n.sizes, o.sizes[lo:hi]...)
	}
}

// prependFrom inserts the entries [lo, hi) of o at the front.
func (n *node) prependFrom(o *node, lo, hi int) {
	n.scores = slices.Insert(n.scores, 0, o.scores[lo:hi]...)
	n.members = slices.Insert(n.members, 0, o.members[lo:hi]...)
	if !o.leaf() {
		n.kids = slices.Insert(n.kids, 0, o.kids[lo:hi]...)
		n.sizes = slices.Insert(n.sizes, 0, o.sizes[lo:hi]...)
	}
}

// deleteEntries removes the entries [lo, hi).
func (n *node) deleteEntries(lo, hi int) {
	n.scores = slices.Delete(n.scores, lo, hi)
	n.members = slices.Delete(n.members, lo, hi)
	if !n.leaf() {
		n.kids = slices.Delete(n.kids, lo, hi)
		n.sizes = slices.Delete(n.sizes, lo, hi)
	}
}

// Full-size nodes are one allocation each: the node and its arrays. A
// search then reads the node and the start of its scores from neighbouring
// cache lines, which the CPU fetches together, instead of from two places
// one after the other; on a set much larger than the cache each of those
// is a miss (about 185 ns here). The arrays are ordered as a search reads
// them: scores (and an inner node's sizes) first, members, read only on a
// tie of scores, last.
type (
	leafBlock struct {
		node
		scores  [maxLeaf]float64
		members [maxLeaf]string
	}
	innerBlock struct {
		node
		scores  [maxInner + 1]float64 // room for the child that overflows before a split
		sizes   [maxInner + 1]int
		kids    [maxInner + 1]*node
		members [maxInner + 1]string
	}
)

// newLeaf returns an empty leaf with room for capacity elements: a
// leafBlock when it is full-size, separate arrays for the small, growing
// leaf of a small set.
func newLeaf(capacity int) *node {
	if capacity == maxLeaf {
		b := new(leafBlock)
		b.node = node{scores: b.scores[:0], members: b.members[:0], block: true}
		return &b.node
	}
	return &node{scores: make([]float64, 0, capacity), members: make([]string, 0, capacity)}
}

func newInner() *node {
	b := new(innerBlock)
	b.node = node{scores: b.scores[:0], members: b.members[:0], kids: b.kids[:0], sizes: b.sizes[:0], block: true}
	return &b.node
}

// Tree is a counted B+ tree of Items. The zero value is an empty tree.
type Tree struct {
	root *node
	n    int
}

// Len returns the number of elements.
func (t *Tree) Len() int { return t.n }

// Bytes returns the heap the tree's nodes take (the members' bytes not
// included), in O(1). A tree that is one leaf is counted exactly. A larger
// one is estimated from its size, with nodes three-quarters full: about
// what random inserts leave (a B-tree's leaves average ln 2 to 3/4 full),
// a third more than ascending inserts, which fill their leaves. Exact
// counts would need every split, merge and dropped subtree to report to
// the tree, for a figure that only eviction reads.
func (t *Tree) Bytes() int64 {
	switch n := t.root; {
	case n == nil:
		return 0
	case n.leaf() && !n.block:
		return int64(alloc.Size(int(unsafe.Sizeof(*n))) + alloc.Size(8*cap(n.scores)) + alloc.Size(16*cap(n.members)))
	case n.leaf():
		return leafBytes
	}
	leaves := (t.n + maxLeaf*3/4 - 1) / (maxLeaf * 3 / 4)
	inner := (leaves + maxInner*3/4 - 1) / (maxInner * 3 / 4)
	return int64(leaves)*leafBytes + int64(inner+1)*innerBytes
}

var (
	leafBytes  = int64(alloc.Size(int(unsafe.Sizeof(leafBlock{}))))
	innerBytes = int64(alloc.Size(int(unsafe.Sizeof(innerBlock{}))))
)

// search returns the index of the first entry of n that is not less than
// it, or n.entries(). It scans instead of bisecting: a scan's loads don't
// depend on each other, so on a node that is not in the cache the CPU
// fetches its lines in parallel (and the prefetcher streams them), where
// each step of a binary search waits for a miss of its own. In the cache
// the two cost about the same: the scan's branch is predictable, the
// bisection's is a coin toss.
func (n *node) search(it Item) int {
	scores, members := n.arrays()
	i := 0
	for i < len(scores) && scores[i] < it.Score {
		i++
	}
	for i < len(scores) && scores[i] == it.Score && members[i] < it.Member {
		i++
	}
	return i
}

// searchPresent is search for an element of leaf n: the first element
// with its score is it unless the next one has the same score too.
func (n *node) searchPresent(it Item) int {
	scores, members := n.arrays()
	i := 0
	for i < len(scores) && scores[i] < it.Score {
		i++
	}
	if i >= len(scores)-1 || scores[i+1] != it.Score {
		return i
	}
	for i < len(scores) && scores[i] == it.Score && members[i] < it.Member {
		i++
	}
	return i
}

// children returns inner node n's sizes and kids, as arrays does.
func (n *node) children() ([]int, []*node) {
	if !n.block {
		return n.sizes, n.kids
	}
	b := (*innerBlock)(unsafe.Pointer(n))
	k := len(n.kids)
	return b.sizes[:k], b.kids[:k]
}

// arrays returns n's scores and members. For a block it addresses them
// from n itself rather than through the slice headers, so that loading
// them need not wait for n's first cache line: only the lengths come
// from there, and the CPU predicts the loop past them.
func (n *node) arrays() ([]float64, []string) {
	k := len(n.scores)
	switch {
	case !n.block:
		return n.scores, n.members
	case n.kids == nil:
		b := (*leafBlock)(unsafe.Pointer(n))
		return b.scores[:k], b.members[:k]
	default:
		b := (*innerBlock)(unsafe.Pointer(n))
		return b.scores[:k], b.members[:k]
	}
}

// Insert adds it, which must not be present.
func (t *Tree) Insert(it Item) {
	if t.root == nil {
		t.root = newLeaf(2)
	}
	if right := t.root.insert(it, true, true); right != nil {
		left := t.root
		root := newInner()
		root.scores = append(root.scores, left.max().Score, right.max().Score)
		root.members = append(root.members, left.max().Member, right.max().Member)
		root.kids = append(root.kids, left, right)
		root.sizes = append(root.sizes, left.count(), right.count())
		t.root = root
	}
	t.n++
}

// insert adds it under n and returns the new right sibling if n split.
// first and last tell whether n is the tree's leftmost or rightmost node
// at its depth.
func (n *node) insert(it Item, first, last bool) *node {
	i := n.search(it)
	if n.leaf() {
		if len(n.scores) < maxLeaf {
			if len(n.scores) == cap(n.scores) {
				// Grow by doubling, but never past a full leaf: append's
				// growth would overshoot to 256 and waste half.
				c := min(max(2*cap(n.scores), 4), maxLeaf)
				n.scores = append(make([]float64, 0, c), n.scores...)
				n.members = append(make([]string, 0, c), n.members...)
			}
			n.insertItem(i, it)
			return nil
		}
		right := newLeaf(maxLeaf)
		switch {
		case last && i == len(n.scores):
			right.insertItem(0, it)
		case first && i == 0:
			right.appendFrom(n, 0, len(n.scores))
			n.truncate(0)
			n.insertItem(0, it)
		default:
			mid := len(n.scores) / 2
			right.appendFrom(n, mid, len(n.scores))
			n.truncate(mid)
			if i <= mid {
				n.insertItem(i, it)
			} else {
				right.insertItem(i-mid, it)
			}
		}
		return right
	}
	if i == len(n.scores) {
		i-- // a new maximum goes into the last child
	}
	k := n.kids[i]
	right := k.insert(it, first && i == 0, last && i == len(n.kids)-1)
	if right == nil {
		n.sizes[i]++
		n.setItem(i, k.max())
		return nil
	}
	n.sizes[i] = k.count()
	n.setItem(i, k.max())
	n.insertItem(i+1, right.max())
	n.kids = slices.Insert(n.kids, i+1, right)
	n.sizes = slices.Insert(n.sizes, i+1, right.count())
	if len(n.kids) <= maxInner {
		return nil
	}
	mid := len(n.kids) / 2
	r := newInner()
	r.appendFrom(n, mid, len(n.kids))
	n.truncate(mid)
	return r
}

// Rank returns the 0-based rank of it, and whether it is present.
func (t *Tree) Rank(it Item) (int, bool) {
	r := t.Position(it)
	if r == t.n || t.At(r) != it {
		return 0, false
	}
	return r, true
}

// Position returns the number of elements less than it: its rank when it
// is present.
func (t *Tree) Position(it Item) int { return t.position(it, false) }

// Index returns the rank of it, which must be present. Callers that know
// it is (the store checks its member index first) use it instead of Rank,
// which must also compare the member found with it, or Position: in the
// leaf, an element whose score no other element of the leaf has is found
// without reading any member, which on a set larger than the cache saves
// a miss on the members' array (and one on a member's bytes).
func (t *Tree) Index(it Item) int { return t.position(it, true) }

func (t *Tree) position(it Item, present bool) int {
	s := t.Seek(it)
	if present {
		return s.Index(it)
	}
	if s.leaf == nil {
		return s.before
	}
	return s.before + s.leaf.search(it)
}

// A Spot is where a descent for an element ends: the leaf that holds it,
// or would, and the number of elements before that leaf.
type Spot struct {
	leaf   *node // nil when the element is beyond the last, or the tree is empty
	before int
}

// Seek descends the inner nodes to the leaf for it. With Spot.Index, it
// is Index in two steps, for a caller that has a load of its own to start
// once the descent is done and before the leaf is read (a ZRANK that
// confirms its member while the leaf's line is on its way).
func (t *Tree) Seek(it Item) Spot {
	n, r := t.root, 0
	if n == nil {
		return Spot{}
	}
	for !n.leaf() {
		// One loop reads the separators, adds up the sizes of the children
		// passed and loads the child at each step, rather than finding the
		// child first and then reading sizes and kids: the three arrays'
		// lines are then fetched together, and on a node not in the cache
		// the child costs one miss, not two in a row.
		scores, members := n.arrays()
		sizes, kids := n.children()
		var next *node
		for i := range scores {
			next = kids[i]
			if s := scores[i]; s > it.Score || s == it.Score && members[i] >= it.Member {
				break
			}
			r += sizes[i]
			next = nil
		}
		if next == nil {
			return Spot{before: t.n}
		}
		n = next
	}
	return Spot{leaf: n, before: r}
}

// Index is the rank of it, which must be present, from the spot Seek(it)
// returned (as Tree.Index).
func (s Spot) Index(it Item) int {
	if s.leaf == nil {
		return s.before
	}
	return s.before + s.leaf.searchPresent(it)
}

// At returns the element of rank r (0 <= r < Len()).
func (t *Tree) At(r int) Item {
	n := t.root
	for !n.leaf() {
		var i int
		i, r = n.child(r)
		n = n.kids[i]
	}
	return n.item(r)
}

// child returns the index of the child of inner node n that holds the
// element of rank r under n, and that element's rank under the child.
func (n *node) child(r int) (i, rest int) {
	for r >= n.sizes[i] {
		r -= n.sizes[i]
		i++
	}
	return i, r
}

// Search returns the rank of the first element for which pred is true, or
// Len() if there is none. pred must be false for a prefix of the elements
// and true for the rest, as with sort.Search.
func (t *Tree) Search(pred func(Item) bool) int {
	n, r := t.root, 0
	if n == nil {
		return 0
	}
	for !n.leaf() {
		i := n.searchPred(pred)
		if i == len(n.scores) {
			return t.n
		}
		for _, s := range n.sizes[:i] {
			r += s
		}
		n = n.kids[i]
	}
	return r + n.searchPred(pred)
}

func (n *node) searchPred(pred func(Item) bool) int {
	lo, hi := 0, len(n.scores)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if !pred(n.item(m)) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Delete removes it and reports whether it was present.
func (t *Tree) Delete(it Item) bool {
	r, ok := t.Rank(it)
	if ok {
		t.DeleteAt(r)
	}
	return ok
}

// DeleteAt removes the element of rank r (0 <= r < Len()) and returns it.
// It is DeleteRange for one element, which ZADD and ZINCRBY do on every
// score change, without DeleteRange's walk over every child of each node
// on the path: one descent, and a separator rewritten only where the
// element was its child's largest.
func (t *Tree) DeleteAt(r int) Item {
	it := t.root.deleteAt(r)
	t.n--
	t.shrinkRoot()
	return it
}

func (n *node) deleteAt(r int) Item {
	if n.leaf() {
		it := n.item(r)
		n.deleteEntries(r, r+1)
		return it
	}
	i, rest := n.child(r)
	k := n.kids[i]
	it := k.deleteAt(rest)
	n.sizes[i]--
	if k.entries() > 0 && rest == n.sizes[i] { // it was k's largest
		n.setItem(i, k.max())
	}
	n.fix(k)
	return it
}

// SetScoreAt gives the element of rank r the score score if that keeps it
// at rank r without touching a separator, and reports whether it did:
// the element must not be its leaf's first or last, and must stay between
// its two neighbours. This is Redis's zslUpdateScore fast path, for the
// common ZINCRBY that moves an element less than its neighbours' gap; the
// caller deletes and reinserts otherwise.
func (t *Tree) SetScoreAt(r int, score float64) bool {
	n := t.root
	for !n.leaf() {
		var i int
		i, r = n.child(r)
		n = n.kids[i]
	}
	if r == 0 || r >= len(n.scores)-1 {
		return false
	}
	it := Item{score, n.members[r]}
	if !Less(n.item(r-1), it) || !Less(it, n.item(r+1)) {
		return false
	}
	n.scores[r] = score
	return true
}

// shrinkRoot drops root levels left with a single child, and the root of
// an empty tree.
func (t *Tree) shrinkRoot() {
	for t.root != nil && !t.root.leaf() && len(t.root.kids) == 1 {
		t.root = t.root.kids[0]
	}
	if t.n == 0 {
		t.root = nil
	}
}

// DeleteRange removes the elements of ranks lo to hi-1, calling removed
// (if not nil) with each, in order, before it is removed.
func (t *Tree) DeleteRange(lo, hi int, removed func(Item)) {
	lo, hi = max(lo, 0), min(hi, t.n)
	if lo >= hi {
		return
	}
	t.root.removeRange(lo, hi, removed)
	t.n -= hi - lo
	t.shrinkRoot()
}

// removeRange removes the elements of ranks [lo, hi) under n, where
// 0 <= lo < hi <= n.count(). Afterwards n's children are valid nodes; n
// itself may hold fewer entries than its minimum, even none, for its
// parent to fix.
func (n *node) removeRange(lo, hi int, removed func(Item)) {
	if n.leaf() {
		if removed != nil {
			for i := lo; i < hi; i++ {
				removed(n.item(i))
			}
		}
		n.deleteEntries(lo, hi)
		return
	}
	// Children fully inside the range are dropped whole; at most two (the
	// first and the last touched) are cut partially.
	var partial [2]*node
	np := 0
	start := 0
	w := 0
	for i, k := range n.kids {
		size := n.sizes[i]
		end := start + size
		a, b := max(lo, start), min(hi, end)
		switch {
		case a >= b: // untouched
		case a == start && b == end:
			if removed != nil {
				k.each(removed)
			}
			start = end
			continue
		default:
			k.removeRange(a-start, b-start, removed)
			size -= b - a
			partial[np] = k
			np++
		}
		start = end
		n.kids[w], n.sizes[w] = k, size
		if size > 0 {
			n.setItem(w, k.max())
		}
		w++
	}
	n.truncate(w)
	for _, k := range partial[:np] {
		n.fix(k)
	}
}

// each calls fn with every element under n, in order.
func (n *node) each(fn func(Item)) {
	if n.leaf() {
		for i := range n.scores {
			fn(n.item(i))
		}
		return
	}
	for _, k := range n.kids {
		k.each(fn)
	}
}

// fix restores the minimum fill of child k of n after a removal under it:
// an empty child is dropped; an underfull one is merged with a neighbour
// (and the pair split evenly if the merge overflows), as long as it stays
// underfull and has a neighbour.
func (n *node) fix(k *node) {
	for {
		i := slices.Index(n.kids, k)
		if i < 0 {
			return // merged into a neighbour already
		}
		if k.entries() == 0 {
			n.deleteEntries(i, i+1)
			return
		}
		minimum, capacity := minLeaf, maxLeaf
		if !k.leaf() {
			minimum, capacity = minInner, maxInner
		}
		if k.entries() >= minimum || len(n.kids) == 1 {
			return
		}
		j := i + 1 // merge k with its right neighbour, or its left one
		if j == len(n.kids) {
			i, j = i-1, i
		}
		l, r := n.kids[i], n.kids[j]
		if l.entries()+r.entries() <= capacity {
			l.appendFrom(r, 0, r.entries())
			n.sizes[i] += n.sizes[j]
			n.setItem(i, l.max())
			n.deleteEntries(j, j+1)
			k = l
			continue
		}
		// Too many for one node: share them evenly (each gets at least
		// half the capacity, so both are full enough).
		half := (l.entries() + r.entries()) / 2
		if l.entries() > half { // move l's tail to the front of r
			r.prependFrom(l, half, l.entries())
			l.truncate(half)
		} else { // move r's head to the end of l
			m := half - l.entries()
			l.appendFrom(r, 0, m)
			r.deleteEntries(0, m)
		}
		n.sizes[i], n.sizes[j] = l.count(), r.count()
		n.setItem(i, l.max())
		n.setItem(j, r.max())
		return
	}
}

// Clone returns a deep copy of t (COPY).
func (t *Tree) Clone() *Tree {
	c := &Tree{n: t.n}
	if t.root != nil {
		c.root = t.root.clone()
	}
	return c
}

func (n *node) clone() *node {
	if n.leaf() {
		c := newLeaf(max(cap(n.scores), 1))
		c.appendFrom(n, 0, n.entries())
		return c
	}
	c := newInner()
	c.appendFrom(n, 0, n.entries())
	for i, k := range c.kids {
		c.kids[i] = k.clone()
	}
	return c
}

// Iter walks the tree from a rank, forward or backward. Its zero value is
// exhausted.
type Iter struct {
	stack   [maxDepth]frame
	depth   int // frames in use; the leaf is stack[depth-1]
	reverse bool
	started bool
}

// maxDepth bounds the height: with at least minInner children per inner
// node, 16 levels hold far more elements than memory does.
const maxDepth = 16

type frame struct {
	n *node
	i int
}

// IterAt returns an iterator that yields the elements from rank r upward
// (or downward when reverse), starting with rank r itself. An r outside
// [0, Len()) yields nothing.
func (t *Tree) IterAt(r int, reverse bool) Iter {
	it := Iter{reverse: reverse}
	if r < 0 || r >= t.n {
		return it
	}
	n := t.root
	for !n.leaf() {
		var i int
		i, r = n.child(r)
		it.stack[it.depth] = frame{n, i}
		it.depth++
		n = n.kids[i]
	}
	it.stack[it.depth] = frame{n, r}
	it.depth++
	return it
}

// Next advances to the next element and reports whether there is one.
func (it *Iter) Next() bool {
	if it.depth == 0 {
		return false
	}
	if !it.started {
		it.started = true
		return true
	}
	step := 1
	if it.reverse {
		step = -1
	}
	d := it.depth - 1
	f := &it.stack[d]
	if f.i += step; f.i >= 0 && f.i < len(f.n.scores) {
		return true
	}
	// Climb to the first ancestor with another child that way, then
	// descend to its nearest leaf.
	for d > 0 {
		d--
		p := &it.stack[d]
		if p.i += step; p.i >= 0 && p.i < len(p.n.kids) {
			for ; d < it.depth-1; d++ {
				k := it.stack[d].n.kids[it.stack[d].i]
				idx := 0
				if it.reverse {
					idx = k.entries() - 1
				}
				it.stack[d+1] = frame{k, idx}
			}
			return true
		}
	}
	it.depth = 0
	return false
}

// Item returns the current element.
func (it *Iter) Item() Item {
	f := &it.stack[it.depth-1]
	return f.n.item(f.i)
}

// All yields the elements from rank r on (or down, when reverse).
func (t *Tree) All(r int, reverse bool) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		it := t.IterAt(r, reverse)
		for it.Next() {
			if !yield(it.Item()) {
				return
			}
		}
	}
}
