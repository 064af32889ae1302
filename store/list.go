package store

import (
	"iter"
	"unsafe"

	"github.com/embedis/embedis/internal/alloc"
	"github.com/embedis/embedis/resp"
)

// This file is the list type: its structure, its operations (which require
// the key's shard lock and are shared by the handlers in list_cmd.go, the
// blocking commands in blocking.go and the typed API) and the typed API.
//
// # Structure
//
// A list is a deque of fixed-capacity chunks of strings, held in a ring
// buffer of chunk slices. Element i lives at position off+i of the virtual
// array formed by the chunks in ring order, so it is found by a shift and
// a mask: LINDEX, LSET and the start of LRANGE are O(1), better than
// Redis's quicklist, which walks its nodes from the nearer end and then
// the listpack inside the node.
//
// Invariants:
//
//   - Every chunk holds chunkCap (128) slots, except that a list with one
//     chunk may have a smaller one (4, 8, ... 128 slots), so a short list
//     costs tens of bytes rather than 2 KB. It grows by doubling, or is
//     recentred in place when at most half full, until it is chunkCap
//     wide; after that growth adds chunks. An only chunk less than a
//     quarter full is halved.
//   - The elements are contiguous: the first chunk holds position off
//     (0 <= off < its length) and the last chunk holds position off+n-1.
//     Chunks outside that span are released as soon as they empty (one
//     emptied chunk is kept as a spare, so a list used as a queue, pushed
//     at one end and popped at the other, stops allocating).
//   - Slots outside the span hold "", so the list never keeps a popped
//     string alive for the garbage collector.
//
// Push and pop at either end are O(1): they write one slot and, once per
// chunkCap operations, take a chunk or release one (the ring doubles or
// halves when it fills or falls to a quarter, amortised O(1) and only
// n/chunkCap pointers). So LPUSH on a 100,000-element list costs what it
// costs on an empty one. LINSERT shifts the elements between the insertion
// point and the nearer end, so it costs O(distance to that end), within
// the O(distance to the pivot) the pivot search already took. LREM compacts
// the part of the list it scanned toward the end it started from and
// releases the freed slots there, O(scanned). LTRIM and the counted pops
// release whole chunks, O(removed). Elements are Go strings, shared with
// the caller's arguments (strings are immutable), so a push copies only
// their headers.
//
// Elements are compared as strings. Redis stores integer-looking elements
// of a listpack as integers, but only canonical ones (lpStringToInt64
// rejects "01", "+1", "-0"), and compares an argument with an integer
// entry only if it is canonical too, so string equality is exactly its
// equality.
//
// # Locking
//
// A list is modified in place under its key's shard write lock; readers
// (LRANGE, LINDEX, LLEN, LPOS) hold the read lock and never modify
// anything. The typed API's iterator reads a page at a time, each page
// under the read lock, and holds no lock while the caller's loop body runs.
//
// # Snapshots
//
// A point-in-time copy (for a future background save) would clone the
// ring under the lock, which is n/chunkCap slice headers, and mark every
// chunk shared: a writer copies a shared chunk (2 KB) before its first
// write into it and owns the copy from then on (a bitmap over the ring
// records which chunks it owns), so a writer pays at most one chunk copy
// per chunk it touches while the snapshot streams the old chunks. Pops
// and trims only move off and n and release chunks, which the snapshot's
// ring keeps alive, and a short list's only chunk is cloned whole.
//
// # Memory
//
// An element costs its 16-byte string header in a chunk plus its bytes'
// allocation (Go rounds it to a size class): 34.9 bytes per 16-byte element
// against redis-server's 18.2 (bench/README.md), whose listpacks store
// small elements inline with a byte or two of header and integers in as
// little as one byte. Packing the bytes of a chunk's elements into one
// buffer would close most of that gap, at the price of rebuilding a chunk
// on LSET and LINSERT.

const (
	chunkShift = 7
	chunkCap   = 1 << chunkShift // slots per full chunk
	chunkMask  = chunkCap - 1
	minChunk   = 4 // slots of the smallest chunk, for a new short list
)

type list struct {
	accounted
	ring  [][]string // chunks in use start at ring[head]; len(ring) is a power of two
	head  int
	nch   int // chunks in use
	off   int // position of element 0 in the first chunk
	n     int // elements
	spare []string
	// elemBytes is the heap of the elements' bytes (alloc.Size of each),
	// kept by the functions that write or clear a slot.
	elemBytes int64
}

// The collection's accounting is its first field (see accounted).
var _ = [1]struct{}{}[unsafe.Offsetof(list{}.accounted)]

func init() {
	registerKind[list](kindList, "list")
}

// encoding is OBJECT ENCODING's reply: Redis 7.0 has no listpack lists.
func (l *list) encoding() string { return "quicklist" }

func (l *list) len() int { return l.n }

// size is the heap l holds, in O(1): the list, its ring, its chunks (and
// the spare) and the elements' bytes.
func (l *list) size() int64 {
	n := listBytes + alloc.Size(len(l.ring)*int(unsafe.Sizeof(l.spare)))
	if l.nch == 1 {
		n += alloc.Size(len(l.ring[l.head]) * int(unsafe.Sizeof("")))
	} else {
		n += l.nch * chunkBytes
	}
	if l.spare != nil { // only a full chunk is kept as the spare
		n += chunkBytes
	}
	return int64(n) + l.elemBytes
}

var (
	listBytes  = alloc.Size(int(unsafe.Sizeof(list{})))
	chunkBytes = alloc.Size(chunkCap * int(unsafe.Sizeof("")))
)

// charged is deferred by each of the list's primitives that the commands
// call (push, pop, popN, trim, insert, remove, set), with the size before
// the change. The functions they are built from keep elemBytes but charge
// nothing, so that no change is charged twice.
func (l *list) charged(before int64) { l.charge(before, l.size()) }

// newList returns an empty list with room for about hint elements.
func newList(hint int) *list {
	size := minChunk
	for size < chunkCap && size < 2*hint {
		size *= 2
	}
	l := &list{ring: make([][]string, 1), nch: 1}
	l.ring[0] = make([]string, size)
	l.off = size / 2
	return l
}

func (l *list) clone() *list {
	c := &list{ring: make([][]string, len(l.ring)), nch: l.nch, off: l.off, n: l.n, elemBytes: l.elemBytes}
	for k := range l.nch {
		c.ring[k] = append([]string(nil), l.chunk(k)...)
	}
	return c
}

// chunk returns the k-th chunk in use.
func (l *list) chunk(k int) []string { return l.ring[(l.head+k)&(len(l.ring)-1)] }

// at returns the slot of element i (0 <= i < n).
func (l *list) at(i int) *string {
	p := l.off + i
	return &l.chunk(p >> chunkShift)[p&chunkMask]
}

// seg returns the elements from index i to the end of i's chunk, at most
// limit of them (limit <= n-i).
func (l *list) seg(i, limit int) []string {
	p := l.off + i
	c := l.chunk(p >> chunkShift)
	s := p & chunkMask
	return c[s:min(len(c), s+limit)]
}

// segBack returns the elements that end at index j (inclusive) and start
// in j's chunk, at most limit of them (limit <= j+1).
func (l *list) segBack(j, limit int) []string {
	p := l.off + j
	s := p & chunkMask
	return l.chunk(p >> chunkShift)[max(0, s+1-limit) : s+1]
}

func (l *list) pushFront(s string) {
	if l.off == 0 {
		l.room(true)
	}
	l.off--
	l.n++
	l.ring[l.head][l.off] = s
	l.elemBytes += strBytes(s)
}

func (l *list) pushBack(s string) {
	if l.off+l.n == l.capacity() {
		l.room(false)
	}
	l.n++
	*l.at(l.n - 1) = s
	l.elemBytes += strBytes(s)
}

func (l *list) push(s string, left bool) {
	// With a free slot at that end, which is most pushes, only the
	// element's bytes are new: the sizes before and after are not needed.
	roomy := left && l.off > 0 || !left && l.off+l.n < l.capacity()
	var before int64
	if !roomy {
		before = l.size()
	}
	if left {
		l.pushFront(s)
	} else {
		l.pushBack(s)
	}
	if roomy {
		l.charge(0, strBytes(s))
	} else {
		l.charge(before, l.size())
	}
}

// capacity is the number of positions the chunks in use span.
func (l *list) capacity() int {
	if l.nch == 1 {
		return len(l.ring[l.head])
	}
	return l.nch << chunkShift
}

// room makes position off-1 (front) or off+n exist.
func (l *list) room(front bool) {
	if l.nch == 1 && len(l.ring[l.head]) < chunkCap {
		l.regrow()
		return
	}
	if l.nch == len(l.ring) {
		l.resizeRing(2 * len(l.ring))
	}
	c := l.newChunk()
	if front {
		l.head = (l.head - 1) & (len(l.ring) - 1)
		l.ring[l.head] = c
		l.off += chunkCap
	} else {
		l.ring[(l.head+l.nch)&(len(l.ring)-1)] = c
	}
	l.nch++
}

// regrow makes room at both ends of a list's only, short, chunk: it
// recentres the elements if that leaves the chunk at most half full, and
// otherwise moves them to the middle of a chunk twice as wide. Either way
// the next regrow is at least a quarter of the chunk's pushes away, so the
// copying is amortised O(1) per push.
func (l *list) regrow() {
	c := l.ring[l.head]
	size := len(c)
	if 2*(l.n+1) > size {
		size = min(2*size, chunkCap)
	}
	off := (size - l.n) / 2
	if size == len(c) {
		copy(c[off:], c[l.off:l.off+l.n])
		if off < l.off {
			clear(c[off+l.n : l.off+l.n])
		} else {
			clear(c[l.off:off])
		}
	} else {
		nc := make([]string, size)
		copy(nc[off:], c[l.off:l.off+l.n])
		l.ring[l.head] = nc
	}
	l.off = off
}

func (l *list) newChunk() []string {
	if c := l.spare; c != nil {
		l.spare = nil
		return c
	}
	return make([]string, chunkCap)
}

// release keeps an emptied chunk as the spare, or drops it.
func (l *list) release(c []string) {
	if l.spare == nil && len(c) == chunkCap {
		l.spare = c
	}
}

func (l *list) resizeRing(size int) {
	r := make([][]string, size)
	for k := range l.nch {
		r[k] = l.chunk(k)
	}
	l.ring, l.head = r, 0
}

// dropFront releases the first chunk, which has emptied.
func (l *list) dropFront() {
	l.release(l.ring[l.head])
	l.ring[l.head] = nil
	l.head = (l.head + 1) & (len(l.ring) - 1)
	l.nch--
	l.off = 0
	l.shrinkRing()
}

// dropBack releases the last chunk, which has emptied.
func (l *list) dropBack() {
	i := (l.head + l.nch - 1) & (len(l.ring) - 1)
	l.release(l.ring[i])
	l.ring[i] = nil
	l.nch--
	l.shrinkRing()
}

func (l *list) shrinkRing() {
	if len(l.ring) >= 16 && 4*l.nch <= len(l.ring) {
		l.resizeRing(len(l.ring) / 2)
	}
}

// maybeShrink halves a list's only chunk when it is less than a quarter
// full, so a list that was long and is short again costs what a short list
// costs. Halving leaves it less than half full, so a shrink and the next
// regrow are many pushes or pops apart.
func (l *list) maybeShrink() {
	c := l.ring[l.head]
	if len(c) <= minChunk || l.n == 0 || 4*l.n >= len(c) {
		return
	}
	nc := make([]string, len(c)/2)
	off := (len(nc) - l.n) / 2
	copy(nc[off:], c[l.off:l.off+l.n])
	l.ring[l.head], l.off, l.spare = nc, off, nil
}

// emptied resets an empty list to one chunk with its span in the middle.
func (l *list) emptied() {
	for l.nch > 1 {
		l.dropBack()
	}
	l.off = len(l.ring[l.head]) / 2
}

func (l *list) popFront() string {
	c := l.ring[l.head]
	s := c[l.off]
	c[l.off] = ""
	l.elemBytes -= strBytes(s)
	l.off++
	l.n--
	switch {
	case l.n == 0:
		l.emptied()
	case l.off == chunkCap:
		l.dropFront()
	case l.nch == 1:
		l.maybeShrink()
	}
	return s
}

func (l *list) popBack() string {
	p := l.at(l.n - 1)
	s := *p
	*p = ""
	l.elemBytes -= strBytes(s)
	l.n--
	switch {
	case l.n == 0:
		l.emptied()
	case l.nch > 1 && l.off+l.n <= (l.nch-1)<<chunkShift:
		l.dropBack()
	case l.nch == 1:
		l.maybeShrink()
	}
	return s
}

func (l *list) pop(left bool) string {
	before := l.size()
	var s string
	if left {
		s = l.popFront()
	} else {
		s = l.popBack()
	}
	l.charge(before, l.size())
	return s
}

// popN removes up to count elements from one end and appends them to out
// in the order they are popped (from the tail backwards for !left), as
// LPOP/RPOP with a count reply them.
func (l *list) popN(out []string, count int, left bool) []string {
	defer l.charged(l.size())
	count = min(count, l.n)
	for count > 0 {
		var s []string
		if left {
			s = l.seg(0, count)
			out = append(out, s...)
		} else {
			s = l.segBack(l.n-1, count)
			for i := len(s) - 1; i >= 0; i-- {
				out = append(out, s[i])
			}
		}
		count -= len(s)
		l.cut(s, left)
	}
	return out
}

// trim removes front elements from the head and back from the tail
// (front+back <= n): LTRIM.
func (l *list) trim(front, back int) {
	defer l.charged(l.size())
	l.trimBack(back)
	l.trimFront(front)
}

// trimFront and trimBack remove k (<= n) elements from one end.
func (l *list) trimFront(k int) {
	for k > 0 {
		s := l.seg(0, k)
		k -= len(s)
		l.cut(s, true)
	}
}

func (l *list) trimBack(k int) {
	for k > 0 {
		s := l.segBack(l.n-1, k)
		k -= len(s)
		l.cut(s, false)
	}
}

// cut removes s, the first (left) or last segment returned by seg or
// segBack, releasing its chunk if it empties.
func (l *list) cut(s []string, left bool) {
	for _, v := range s {
		l.elemBytes -= strBytes(v)
	}
	clear(s)
	l.n -= len(s)
	if left {
		l.off += len(s)
	}
	switch {
	case l.n == 0:
		l.emptied()
	case left && l.off == chunkCap:
		l.dropFront()
	case !left && l.nch > 1 && l.off+l.n <= (l.nch-1)<<chunkShift:
		l.dropBack()
	}
	if l.nch == 1 {
		l.maybeShrink()
	}
}

// insert puts s at index i (0 <= i <= n), shifting the elements on the
// side of i nearer an end.
func (l *list) insert(i int, s string) {
	defer l.charged(l.size())
	if i < l.n-i {
		l.pushFront("")
		for j := 0; j < i; j++ {
			*l.at(j) = *l.at(j + 1)
		}
	} else {
		l.pushBack("")
		for j := l.n - 1; j > i; j-- {
			*l.at(j) = *l.at(j - 1)
		}
	}
	*l.at(i) = s
	l.elemBytes += strBytes(s)
}

// find returns the index of the first element equal to s, scanning from
// the head, or -1.
func (l *list) find(s string) int {
	for i := 0; i < l.n; {
		seg := l.seg(i, l.n-i)
		for k, v := range seg {
			if v == s {
				return i + k
			}
		}
		i += len(seg)
	}
	return -1
}

// elems yields the elements from index from towards the tail (or towards
// the head when back) with their indexes, until yield returns false.
func (l *list) elems(from int, back bool) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		if back {
			for j := from; j >= 0; {
				seg := l.segBack(j, j+1)
				for k := len(seg) - 1; k >= 0; k-- {
					if !yield(j, seg[k]) {
						return
					}
					j--
				}
			}
			return
		}
		for i := from; i < l.n; {
			for _, v := range l.seg(i, l.n-i) {
				if !yield(i, v) {
					return
				}
				i++
			}
		}
	}
}

// remove deletes up to count elements equal to s (all when count is 0),
// scanning from the head, or from the tail when fromTail (LREM). It
// returns how many it removed.
//
// A first pass finds how far the scan goes; the second compacts the kept
// elements of that part toward the end the scan started from and cuts the
// freed slots there, so LREM costs what its scan costs, not the list's
// length.
func (l *list) remove(s string, count int64, fromTail bool) int64 {
	defer l.charged(l.size())
	var removed int64
	last := -1 // index where the scan stops
	for i, v := range l.elems(l.startFor(fromTail), fromTail) {
		last = i
		if v == s {
			removed++
			if removed == count {
				break
			}
		}
	}
	if removed == 0 {
		return 0
	}
	// Every match in the scanned part is removed: the scan stopped at the
	// count-th one, or went to the other end.
	w := last
	for _, v := range l.elems(last, !fromTail) {
		if v != s {
			*l.at(w) = v
			if fromTail {
				w++
			} else {
				w--
			}
		}
	}
	// The slots to cut hold stale copies of kept elements: make them the
	// removed ones, which is what the cut must subtract.
	for k := range int(removed) {
		if fromTail {
			*l.at(l.n - 1 - k) = s
		} else {
			*l.at(k) = s
		}
	}
	if fromTail {
		l.trimBack(int(removed))
	} else {
		l.trimFront(int(removed))
	}
	return removed
}

// startFor is the index a scan from the head (0) or the tail (n-1) starts at.
func (l *list) startFor(fromTail bool) int {
	if fromTail {
		return l.n - 1
	}
	return 0
}

// index returns element idx (negative from the end).
func (l *list) index(idx int64) (string, bool) {
	i, ok := l.normIndex(idx)
	if !ok {
		return "", false
	}
	return *l.at(i), true
}

func (l *list) normIndex(idx int64) (int, bool) {
	if idx < 0 {
		idx += int64(l.n)
	}
	if idx < 0 || idx >= int64(l.n) {
		return 0, false
	}
	return int(idx), true
}

// pos is LPOS's search: rank (non-zero; negative searches from the tail),
// count (-1 when not given: only the rank-th match), maxLen (0: scan all).
// It returns the indexes of the matches it reports.
func (l *list) pos(s string, rank, count, maxLen int64) []int64 {
	fromTail := rank < 0
	if fromTail {
		rank = -rank // as Redis: LONG_MIN stays negative, so every match ranks
	}
	var out []int64
	var index, matches int64
	for i, v := range l.elems(l.startFor(fromTail), fromTail) {
		if maxLen != 0 && index >= maxLen {
			break
		}
		index++
		if v != s {
			continue
		}
		matches++
		if matches < rank {
			continue
		}
		out = append(out, int64(i))
		if count == -1 || count != 0 && matches-rank+1 >= count {
			break
		}
	}
	return out
}

// --- Operations: the caller holds the key's shard lock(s). ---

// Sentinel errors of the list commands, with Redis's texts.
var (
	ErrIndexOutOfRange = resp.ErrorReply("ERR index out of range")
	// ErrRankZero is LPOS's error for RANK 0.
	ErrRankZero = resp.ErrorReply("ERR RANK can't be zero: use 1 to start from the first match, " +
		"2 from the second ... or use negative to start from the end of the list")
	errLPosCount  = resp.ErrorReply("ERR COUNT can't be negative")
	errLPosMaxLen = resp.ErrorReply("ERR MAXLEN can't be negative")
)

func (d *DB) listRead(key string, now int64) (*list, error) {
	return readColl[list](d, key, now, kindList)
}

func (d *DB) listWrite(key string, now int64) (*entry, *list, error) {
	return writeColl[list](d, key, now, kindList)
}

// pushList is LPUSH/RPUSH (left or not), and LPUSHX/RPUSHX when
// onlyExisting. It returns the list's new length, 0 when onlyExisting and
// the key is missing.
func (d *DB) pushList(key string, elems []string, left, onlyExisting bool, now int64) (int64, error) {
	_, l, err := d.listWrite(key, now)
	if err != nil || l == nil && onlyExisting {
		return 0, err
	}
	created := l == nil
	if created {
		l = newList(len(elems))
	}
	for _, s := range elems {
		l.push(s, left)
	}
	n := int64(l.n)
	if created {
		// Last: clients blocked on key may be served from here on.
		addColl(d, key, kindList, l)
	}
	return n, nil
}

// popOne is LPOP/RPOP without a count: ok is false when the key is missing.
func (d *DB) popOne(key string, left bool, now int64) (elem string, ok bool, err error) {
	e, l, err := d.listWrite(key, now)
	if l == nil {
		return "", false, err
	}
	elem = l.pop(left)
	d.dropIfEmpty(e)
	return elem, true, nil
}

// popList pops up to count elements from one end of the list at key (from
// the head when left), deleting the key if it empties. It returns nil when
// the key is missing and an empty slice when count <= 0. The elements are
// in the order popped.
func (d *DB) popList(key string, now int64, left bool, count int) ([]string, error) {
	e, l, err := d.listWrite(key, now)
	if l == nil {
		return nil, err
	}
	if count <= 0 {
		return []string{}, nil
	}
	out := l.popN(make([]string, 0, min(count, l.n)), count, left)
	d.dropIfEmpty(e)
	return out, nil
}

// mpopList is LMPOP: it pops up to count elements from the first of keys
// that holds a list. key is "" and elems nil when none does; a key of
// another type before it is ErrWrongType.
func (d *DB) mpopList(keys []string, left bool, count int, now int64) (key string, elems []string, err error) {
	for _, k := range keys {
		elems, err := d.popList(k, now, left, count)
		if err != nil || elems != nil {
			return k, elems, err
		}
	}
	return "", nil, nil
}

// moveList is LMOVE: it pops an element from one end of src and pushes it
// at one end of dst, creating dst if needed, and returns it. ok is false
// when src is missing. As lmoveGenericCommand, dst's type is checked only
// when src is a list; src == dst rotates the list.
func (d *DB) moveList(src, dst string, srcLeft, dstLeft bool, now int64) (elem string, ok bool, err error) {
	se, sl, err := d.listWrite(src, now)
	if sl == nil {
		return "", false, err
	}
	_, dl, err := d.listWrite(dst, now)
	if err != nil {
		return "", false, err
	}
	elem = sl.pop(srcLeft)
	if dl == nil {
		dl = newList(1)
		dl.push(elem, dstLeft)
		addColl(d, dst, kindList, dl)
	} else {
		dl.push(elem, dstLeft)
	}
	d.dropIfEmpty(se)
	return elem, true, nil
}

// insertList is LINSERT: it inserts elem before (or after) the first
// element equal to pivot and returns the new length, -1 when there is no
// pivot and 0 when the key is missing.
func (d *DB) insertList(key string, before bool, pivot, elem string, now int64) (int64, error) {
	_, l, err := d.listWrite(key, now)
	if l == nil {
		return 0, err
	}
	i := l.find(pivot)
	if i < 0 {
		return -1, nil
	}
	if !before {
		i++
	}
	l.insert(i, elem)
	return int64(l.n), nil
}

// removeList is LREM.
func (d *DB) removeList(key string, count int64, elem string, now int64) (int64, error) {
	e, l, err := d.listWrite(key, now)
	if l == nil {
		return 0, err
	}
	fromTail := count < 0
	if fromTail {
		count = -count // as Redis: LONG_MIN stays negative and removes every match
	}
	n := l.remove(elem, count, fromTail)
	d.dropIfEmpty(e)
	return n, nil
}

// trimList is LTRIM.
func (d *DB) trimList(key string, start, stop int64, now int64) error {
	e, l, err := d.listWrite(key, now)
	if l == nil {
		return err
	}
	from, to := indexSpan(l.n, start, stop)
	if from == to {
		from, to = l.n, l.n
	}
	l.trim(from, l.n-to)
	d.dropIfEmpty(e)
	return nil
}

// setList is LSET's update of an existing list l.
func (l *list) set(idx int64, elem string) error {
	i, ok := l.normIndex(idx)
	if !ok {
		return ErrIndexOutOfRange
	}
	defer l.charged(l.size())
	p := l.at(i)
	l.elemBytes += strBytes(elem) - strBytes(*p)
	*p = elem
	return nil
}

// --- Typed API ---

// List is a handle on the list stored at a key, from DB.List. Its methods
// are the list commands; each runs atomically under the key's lock. On a
// key holding another type they return ErrWrongType.
type List struct {
	db  *DB
	key string
}

// List returns a handle on the list at key (which need not exist yet).
func (d *DB) List(key string) List { return List{db: d, key: key} }

// Key returns the handle's key.
func (l List) Key() string { return l.key }

// End is an end of a list: Left (the head, index 0) or Right (the tail).
type End bool

const (
	Left  End = true
	Right End = false
)

// LPush inserts elems at the head, one after another (so the last ends up
// first), creating the list if needed, and returns the new length.
func (l List) LPush(elems ...string) (int64, error) { return l.push(elems, true, false) }

// RPush appends elems at the tail and returns the new length.
func (l List) RPush(elems ...string) (int64, error) { return l.push(elems, false, false) }

// LPushX is LPush only if the list exists; it returns 0 otherwise.
func (l List) LPushX(elems ...string) (int64, error) { return l.push(elems, true, true) }

// RPushX is RPush only if the list exists; it returns 0 otherwise.
func (l List) RPushX(elems ...string) (int64, error) { return l.push(elems, false, true) }

func (l List) push(elems []string, left, onlyExisting bool) (n int64, err error) {
	err = l.db.writeKey(l.key, func(now int64) error {
		n, err = l.db.pushList(l.key, elems, left, onlyExisting, now)
		return err
	})
	return n, err
}

// LPop removes and returns the first element; ErrNil when the list is
// missing.
func (l List) LPop() (string, error) { return l.pop(true) }

// RPop removes and returns the last element; ErrNil when the list is
// missing.
func (l List) RPop() (string, error) { return l.pop(false) }

func (l List) pop(left bool) (elem string, err error) {
	err = l.db.writeKey(l.key, func(now int64) error {
		var ok bool
		elem, ok, err = l.db.popOne(l.key, left, now)
		if err == nil && !ok {
			err = ErrNil
		}
		return err
	})
	return elem, err
}

// PopN removes up to count elements from one end and returns them in the
// order removed (LPOP/RPOP key count); nil when the list is missing.
func (l List) PopN(end End, count int) (elems []string, err error) {
	if count < 0 {
		return nil, ErrNegativeCount
	}
	err = l.db.writeKey(l.key, func(now int64) error {
		elems, err = l.db.popList(l.key, now, bool(end), count)
		return err
	})
	return elems, err
}

// Len returns the number of elements, 0 for a missing list.
func (l List) Len() (n int64, err error) {
	err = l.read(func(ls *list) { n = int64(ls.n) })
	return n, err
}

// read runs fn on the list under the read lock; not at all when it is
// missing.
func (l List) read(fn func(*list)) error {
	return l.db.readKey(l.key, func(now int64) error {
		ls, err := l.db.listRead(l.key, now)
		if ls != nil {
			fn(ls)
		}
		return err
	})
}

// Range returns the elements from start to stop inclusive (negative
// indexes count from the end: -1 is the last), as LRANGE.
func (l List) Range(start, stop int64) (out []string, err error) {
	err = l.read(func(ls *list) { out = ls.appendRange(out, start, stop) })
	if out == nil && err == nil {
		out = []string{}
	}
	return out, err
}

func (ls *list) appendRange(out []string, start, stop int64) []string {
	from, to := indexSpan(ls.n, start, stop)
	for i := from; i < to; {
		s := ls.seg(i, to-i)
		out = append(out, s...)
		i += len(s)
	}
	return out
}

// listPage is how many elements Elems reads per lock.
const listPage = 256

// Elems iterates the elements from start to stop inclusive (negative
// indexes count from the end when the iteration starts). It reads a page
// at a time, each under the read lock, and holds no lock while the loop
// body runs, like a client paging with LRANGE: writes between pages can
// shift the elements that follow. On an error it yields it once and stops.
func (l List) Elems(start, stop int64) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		var page []string
		var from, to int
		first := true
		for {
			page = page[:0]
			err := l.read(func(ls *list) {
				if first {
					from, to = indexSpan(ls.n, start, stop)
				}
				if from >= to {
					return
				}
				page = ls.appendRange(page, int64(from), int64(min(to, from+listPage)-1))
			})
			first = false
			if err != nil {
				yield("", err)
				return
			}
			for _, s := range page {
				if !yield(s, nil) {
					return
				}
			}
			from += len(page)
			if len(page) < listPage || from >= to {
				return
			}
		}
	}
}

// Index returns the element at idx (negative from the end); ErrNil when
// out of range or missing.
func (l List) Index(idx int64) (elem string, err error) {
	found := false
	err = l.read(func(ls *list) { elem, found = ls.index(idx) })
	if err == nil && !found {
		err = ErrNil
	}
	return elem, err
}

// Set replaces the element at idx (LSET): ErrNoSuchKey for a missing list,
// ErrIndexOutOfRange for an index outside it.
func (l List) Set(idx int64, elem string) error {
	return l.db.writeKey(l.key, func(now int64) error {
		_, ls, err := l.db.listWrite(l.key, now)
		if ls == nil && err == nil {
			err = ErrNoSuchKey
		}
		if err != nil {
			return err
		}
		return ls.set(idx, elem)
	})
}

// InsertBefore inserts elem before the first element equal to pivot and
// returns the new length: -1 when there is no pivot, 0 when the list is
// missing (LINSERT ... BEFORE).
func (l List) InsertBefore(pivot, elem string) (int64, error) { return l.insert(true, pivot, elem) }

// InsertAfter is InsertBefore with elem after pivot.
func (l List) InsertAfter(pivot, elem string) (int64, error) { return l.insert(false, pivot, elem) }

func (l List) insert(before bool, pivot, elem string) (n int64, err error) {
	err = l.db.writeKey(l.key, func(now int64) error {
		n, err = l.db.insertList(l.key, before, pivot, elem, now)
		return err
	})
	return n, err
}

// Rem removes elements equal to elem and returns how many (LREM): the
// first count from the head when count > 0, the last -count when count <
// 0, all when count is 0.
func (l List) Rem(count int64, elem string) (n int64, err error) {
	err = l.db.writeKey(l.key, func(now int64) error {
		n, err = l.db.removeList(l.key, count, elem, now)
		return err
	})
	return n, err
}

// Trim keeps only the elements from start to stop inclusive (LTRIM).
func (l List) Trim(start, stop int64) error {
	return l.db.writeKey(l.key, func(now int64) error { return l.db.trimList(l.key, start, stop, now) })
}

// Pos returns the index of the first element equal to elem (LPOS); ErrNil
// when there is none.
func (l List) Pos(elem string) (int64, error) {
	idx, err := l.Positions(elem, 1, -1, 0)
	if err == nil && len(idx) == 0 {
		err = ErrNil
	}
	if err != nil {
		return 0, err
	}
	return idx[0], nil
}

// Positions is LPOS with its options: the indexes of up to count matches
// (0 for all, -1 for only the first) starting from the rank-th match
// (negative ranks count matches from the tail; 0 is ErrRankZero),
// comparing at most maxLen elements (0 for all).
func (l List) Positions(elem string, rank, count, maxLen int64) (idx []int64, err error) {
	switch {
	case rank == 0:
		return nil, ErrRankZero
	case count < -1:
		return nil, errLPosCount
	case maxLen < 0:
		return nil, errLPosMaxLen
	}
	err = l.read(func(ls *list) { idx = ls.pos(elem, rank, count, maxLen) })
	return idx, err
}

// Move pops an element from end from of this list and pushes it at end to
// of dst, creating dst if needed, and returns it (LMOVE); ErrNil when this
// list is missing. dst may be this list: the list rotates.
func (l List) Move(dst string, from, to End) (elem string, err error) {
	err = l.db.lockKeysErr(true, []string{l.key, dst}, 1, func(now int64) error {
		var ok bool
		elem, ok, err = l.db.moveList(l.key, dst, bool(from), bool(to), now)
		if err == nil && !ok {
			err = ErrNil
		}
		return err
	})
	return elem, err
}

// RPopLPush is Move(dst, Right, Left).
func (l List) RPopLPush(dst string) (string, error) { return l.Move(dst, Right, Left) }

// LMPop pops up to count elements from one end of the first of keys that
// holds a non-empty list, and returns that key and the elements (LMPOP);
// ErrNil when none does.
func (d *DB) LMPop(end End, count int, keys ...string) (key string, elems []string, err error) {
	if len(keys) == 0 {
		return "", nil, ErrNumKeys
	}
	if count <= 0 {
		return "", nil, ErrCountPositive
	}
	err = d.lockKeysErr(true, keys, 1, func(now int64) error {
		key, elems, err = d.mpopList(keys, bool(end), count, now)
		if err == nil && elems == nil {
			err = ErrNil
		}
		return err
	})
	return key, elems, err
}
