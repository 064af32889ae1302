package store

import (
	"sync/atomic"
	"unsafe"

	"github.com/embedis/embedis/internal/alloc"
)

// kind is a value's Redis type and, for strings, its representation.
type kind uint8

const (
	kindString kind = iota // immutable Go string (p, n are its data and length)
	kindBuffer             // a string mutated in place: p is a *strBuffer
	kindSketch             // a string holding a HyperLogLog: p is a *hllValue (hll.go)
)

// value is a Redis value in two words. A plain string keeps its bytes
// directly (p = unsafe.StringData, n = length), which keeps a string entry at
// 40 bytes with no extra allocation for the header; other kinds point p at
// their own structure.
type value struct {
	p    unsafe.Pointer
	n    int32
	kind kind
	enc  encFlags
}

// encFlags record how Redis would have built a plain string, where its
// content alone does not tell: OBJECT ENCODING and REFCOUNT report them.
type encFlags uint8

const (
	// encNotTried: built without tryObjectEncoding (INCRBYFLOAT's result),
	// so never "int", only "embstr" or "raw" by length.
	encNotTried encFlags = 1 << iota
	// encUnshared: an integer that is not one of Redis's shared integers
	// even in 0..9999 (COPY duplicates the object).
	encUnshared
	// encSharedInt: the string is one of Redis's shared integers 0..9999
	// (and neither flag above is set). Kept as a flag so that reads, which
	// record accesses, don't parse the value.
	encSharedInt
)

// strBuffer is a string that a command mutates in place. Redis's APPEND and
// SETBIT are O(1) amortised on an sds with spare capacity; an immutable Go
// string would make them O(n) per call.
type strBuffer struct {
	b []byte
}

func stringValue(s string) value {
	v := value{p: unsafe.Pointer(unsafe.StringData(s)), n: int32(len(s)), kind: kindString}
	if _, ok := parseSharedInt(s); ok {
		v.enc = encSharedInt
	}
	return v
}

func bufferValue(b *strBuffer) value {
	return value{p: unsafe.Pointer(b), kind: kindBuffer}
}

// isString reports whether the value is of Redis type string.
func (v value) isString() bool {
	return v.kind == kindString || v.kind == kindBuffer || v.kind == kindSketch
}

// str returns a string value's contents. For a buffer it returns a copy,
// because the buffer may change after the caller's lock is released.
func (v value) str() string {
	switch v.kind {
	case kindString:
		return unsafe.String((*byte)(v.p), int(v.n))
	case kindBuffer:
		return string(v.buffer().b)
	case kindSketch:
		return v.sketch().bytes() // immutable once built
	}
	return ""
}

// strLen returns a string value's length without copying it.
func (v value) strLen() int {
	switch v.kind {
	case kindBuffer:
		return len(v.buffer().b)
	case kindSketch:
		return len(v.sketch().bytes())
	}
	return int(v.n)
}

// view returns a string value's bytes valid only while the shard lock is
// held; callers must not retain or modify them.
func (v value) view() string {
	switch v.kind {
	case kindBuffer:
		b := v.buffer().b
		return unsafe.String(unsafe.SliceData(b), len(b))
	case kindSketch:
		return v.sketch().bytes()
	}
	return unsafe.String((*byte)(v.p), int(v.n))
}

func (v value) buffer() *strBuffer { return (*strBuffer)(v.p) }

// typeName is what TYPE replies.
func (v value) typeName() string {
	switch v.kind {
	case kindString, kindBuffer, kindSketch:
		return "string"
	}
	if ops := kindOps[v.kind]; ops != nil {
		return ops.typeName
	}
	return "none"
}

// size is the heap the value holds beyond the entry itself, for memory
// accounting.
func (v value) size() int64 {
	switch v.kind {
	case kindString:
		return int64(alloc.Size(int(v.n)))
	case kindBuffer:
		return 24 + int64(alloc.Size(cap(v.buffer().b)))
	case kindSketch:
		return v.sketch().size()
	}
	if ops := kindOps[v.kind]; ops != nil {
		return ops.size(v.p)
	}
	return 0
}

// entry is one key. Its layout is part of the memory bar (≤ 104 bytes of heap
// per small string key): 16 (key header) + 16 (value) + 4 (ttl slot) + 4
// (meta) = 40, and with a key of up to 24 bytes in the same allocation, 64.
//
// The key is the first field: the shard's table (internal/htable) reads a
// record's key at its start.
type entry struct {
	key string
	val value
	ttl int32 // index in the shard's TTL heap, -1 when the key is persistent
	// meta is the access clock in its low 24 bits (Redis's LRU clock is 24
	// bits wide); the high bits are free for the eviction policy's use.
	// Read and written atomically: readers under a shared lock record
	// accesses.
	meta uint32
}

const clockMask = 1<<24 - 1

// The table's requirement, checked at compile time: the index is out of
// range unless the key's offset is 0.
var _ = [1]struct{}{}[unsafe.Offsetof(entry{}.key)]

// touch records an access at clock. A value that is one of Redis's shared
// integers has no access clock of its own in Redis: the shared object's is
// touched, and OBJECT IDLETIME reports it, so shared records those.
//
// touch is on every read's path and must inline: a call there costs a GET
// on a large keyspace a tenth of its time, because the CPU then overlaps
// less of one command's cache misses with the next command's. So the
// common case, a clock that has not moved since the last access, is a load
// and a compare, and the rest is out of line.
func (e *entry) touch(clock uint32, shared *[sharedIntCount]uint32) {
	if atomic.LoadUint32(&e.meta)&clockMask != clock || e.val.enc&encSharedInt != 0 {
		e.touchSlow(clock, shared)
	}
}

func (e *entry) touchSlow(clock uint32, shared *[sharedIntCount]uint32) {
	if e.val.enc&encSharedInt != 0 {
		touchShared(e.val, clock, shared)
		return
	}
	// Written only when the clock moved, so hot keys read from several
	// cores don't bounce the cache line.
	e.setClock(atomic.LoadUint32(&e.meta), clock)
}

func (e *entry) setClock(meta, clock uint32) {
	atomic.StoreUint32(&e.meta, meta&^clockMask|clock)
}

func touchShared(v value, clock uint32, shared *[sharedIntCount]uint32) {
	p := &shared[v.sharedIndex()]
	if atomic.LoadUint32(p) != clock {
		atomic.StoreUint32(p, clock)
	}
}

// accessClock is the entry's last access, as OBJECT IDLETIME sees it.
func (e *entry) accessClock(shared *[sharedIntCount]uint32) uint32 {
	if e.val.enc&encSharedInt != 0 {
		return atomic.LoadUint32(&shared[e.val.sharedIndex()])
	}
	return atomic.LoadUint32(&e.meta) & clockMask
}

// sharedIndex is the number a value flagged encSharedInt holds.
func (v value) sharedIndex() int {
	n, _ := parseSharedInt(v.view())
	return n
}

// parseSharedInt reports whether s is one of Redis's shared integers
// (0..9999 written canonically, as tryObjectEncoding would store it), and
// which.
func parseSharedInt(s string) (int, bool) {
	if len(s) < 1 || len(s) > 4 || s[0] == '0' && len(s) > 1 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// entryOverhead is the fixed heap an entry costs: the struct and its share
// of its table's slots (9 bytes per slot, at about 5/8 fill).
const entryOverhead = int64(unsafe.Sizeof(entry{})) + 14

// Entries with their key's bytes in the same allocation. A lookup then
// reads the entry and the key it compares from one cache line instead of
// two dependent ones, which is most of the cost of a GET on a large
// keyspace. The classes fill Go's 64, 80, 96 and 112-byte size classes
// exactly, so a short key costs no more memory than a separate string.
type (
	entryKey24 struct {
		entry
		kb [24]byte
	}
	entryKey40 struct {
		entry
		kb [40]byte
	}
	entryKey56 struct {
		entry
		kb [56]byte
	}
	entryKey72 struct {
		entry
		kb [72]byte
	}
)

// newEntry allocates an entry for key, copying a short key into the
// entry's own allocation; a longer key is kept as given.
func newEntry(key string) *entry {
	var e *entry
	var kb []byte
	switch n := len(key); {
	case n <= 24:
		x := new(entryKey24)
		e, kb = &x.entry, x.kb[:n]
	case n <= 40:
		x := new(entryKey40)
		e, kb = &x.entry, x.kb[:n]
	case n <= 56:
		x := new(entryKey56)
		e, kb = &x.entry, x.kb[:n]
	case n <= 72:
		x := new(entryKey72)
		e, kb = &x.entry, x.kb[:n]
	default:
		return &entry{key: key}
	}
	copy(kb, key)
	e.key = unsafe.String(unsafe.SliceData(kb), len(kb))
	return e
}

// entrySize is what the entry adds to its shard's memory use.
func entrySize(key string, v value) int64 {
	return entryOverhead + strBytes(key) + v.size()
}
