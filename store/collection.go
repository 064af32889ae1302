package store

import (
	"iter"
	"strings"
	"unsafe"

	"github.com/embedis/embedis/internal/alloc"
	"github.com/embedis/embedis/internal/dict"
	"github.com/embedis/embedis/resp"
)

// This file is what the collection types (hash, list, set, sorted set)
// share: their value kinds, the per-kind operations the keyspace commands
// need (TYPE, OBJECT ENCODING, COPY), and the lookups every collection
// command starts with.
//
// A collection lives in its entry's value as a pointer to its own structure
// (value.p) and is modified in place under the key's shard write lock.
// Redis's rule that an empty collection does not exist is kept by the
// commands: whatever removes the last element deletes the key (dropIfEmpty).

// The collection kinds follow the string kinds (entry.go).
const (
	kindHash kind = iota + 16
	kindList
	kindSet
	kindZSet
)

// collOps are a collection kind's operations on its structure, registered
// by the type's own file (see registerKind), so that this file and the
// keyspace commands need not know the types.
type collOps struct {
	typeName string                                // TYPE's reply
	encoding func(p unsafe.Pointer) string         // OBJECT ENCODING: Redis's name at the same size
	clone    func(p unsafe.Pointer) unsafe.Pointer // a deep copy, for COPY
	length   func(p unsafe.Pointer) int
	// size is the heap the collection holds, its own structure included,
	// in O(1): what a recount from scratch would find (the type's tests
	// check that), estimated with internal/alloc's size classes.
	size func(p unsafe.Pointer) int64
}

// accounted is the first field of every collection type: where it charges
// the changes of its size while it is stored in a shard, so that the
// shard's used stays the sum of its entries' sizes as collections change
// in place. The shard sets it when the collection is stored (attach) and
// clears it when the collection leaves; a collection built outside the
// keyspace (a STORE command's result, a COPY) charges nothing until then,
// and is counted whole when it is stored.
//
// Every change of a collection's size goes through one of its type's
// primitives (a hash's set and del, a list's push and pop, ...), each of
// which charges its own change and none of which calls another that
// charges, so nothing is counted twice.
type accounted struct {
	used *int64
}

// charge records that the collection's size went from before to after.
func (a *accounted) charge(before, after int64) {
	if a.used != nil {
		*a.used += after - before
	}
}

// dictEach answers fn(i, value, present) for each of names in order, for
// a collection's reads of several fields or members (getEach, scoreEach,
// hasEach): through its dict's batched lookups when it has one (a large
// encoding), which overlap their cache misses, else with get one at a
// time.
func dictEach[V any](names []string, d *dict.Dict[V], get func(string) (V, bool), fn func(i int, v V, ok bool)) {
	if d != nil {
		d.GetEach(names, fn)
		return
	}
	for i, n := range names {
		v, ok := get(n)
		fn(i, v, ok)
	}
}

// memberBatch is how many members the set algebra (interSets, diffSets,
// zsetCombine) looks up in the other inputs at once: enough for their
// cache misses to overlap, few enough for a batch to live on the stack.
const memberBatch = 16

// inBatches calls fn with the elements seq yields, memberBatch at a time,
// in seq's order, until fn returns false.
func inBatches[T any](seq iter.Seq[T], fn func(batch []T) bool) {
	var batch [memberBatch]T
	n, more := 0, true
	seq(func(x T) bool {
		batch[n] = x
		if n++; n == memberBatch {
			more = fn(batch[:n])
			n = 0
		}
		return more
	})
	if more && n > 0 {
		fn(batch[:n])
	}
}

// unmarked returns the names of batch's elements not marked, and where
// each is in batch: names[j] is batch[at[j]]'s, for j < k. It is how a
// batch's remaining members are looked up together.
func unmarked[T any](batch []T, marked *[memberBatch]bool, name func(T) string) (names [memberBatch]string, at [memberBatch]int, k int) {
	for i, x := range batch {
		if !marked[i] {
			names[k], at[k] = name(x), i
			k++
		}
	}
	return names, at, k
}

// absentEach answers dictEach's question for a missing collection: none
// of names is present.
func absentEach[V any](names []string, fn func(i int, v V, ok bool)) {
	var zero V
	for i := range names {
		fn(i, zero, false)
	}
}

// strBytes is the heap a string's bytes take: what the collections count
// for each element, field or member they hold.
func strBytes(s string) int64 { return int64(alloc.Size(len(s))) }

// attach makes a collection value charge its size changes to used (nil:
// to nothing). For other values it does nothing.
func (v value) attach(used *int64) {
	if v.isColl() {
		(*accounted)(v.p).used = used
	}
}

var kindOps [256]*collOps

// collection is what each collection type gives the keyspace commands.
type collection[T any] interface {
	*T
	encoding() string
	clone() *T
	len() int
	size() int64
}

// registerKind declares the collection type T as kind k, whose TYPE is
// typeName. Each type's file calls it from init.
func registerKind[T any, P collection[T]](k kind, typeName string) {
	kindOps[k] = &collOps{
		typeName: typeName,
		encoding: func(p unsafe.Pointer) string { return P((*T)(p)).encoding() },
		clone:    func(p unsafe.Pointer) unsafe.Pointer { return unsafe.Pointer(P((*T)(p)).clone()) },
		length:   func(p unsafe.Pointer) int { return P((*T)(p)).len() },
		size:     func(p unsafe.Pointer) int64 { return P((*T)(p)).size() },
	}
}

// isColl reports whether v is a collection.
func (v value) isColl() bool { return kindOps[v.kind] != nil }

func collValue(k kind, p unsafe.Pointer) value { return value{p: p, kind: k} }

// readColl returns the collection of kind k stored at key for reading: nil
// when the key does not exist, ErrWrongType when it holds another type. The
// shard lock (read or write) must be held.
func readColl[T any](d *DB, key string, now int64, k kind) (*T, error) {
	e := d.lookupRead(key, now)
	if e == nil {
		return nil, nil
	}
	if e.val.kind != k {
		return nil, ErrWrongType
	}
	return (*T)(e.val.p), nil
}

// writeColl is readColl for commands that modify the collection: an
// expired key is deleted first (Redis's lookupKeyWrite). The entry is
// returned too, for dropIfEmpty. The shard write lock must be held.
func writeColl[T any](d *DB, key string, now int64, k kind) (*entry, *T, error) {
	e := d.lookupWrite(key, now)
	if e == nil {
		return nil, nil, nil
	}
	if e.val.kind != k {
		return nil, nil, ErrWrongType
	}
	return e, (*T)(e.val.p), nil
}

// addColl creates key holding the collection c of kind k (the key must not
// exist: callers use writeColl first); clients blocked on it are served
// before the caller's locks are released (blocking.go).
func addColl[T any](d *DB, key string, k kind, c *T) *entry {
	return d.add(key, collValue(k, unsafe.Pointer(c)), 0)
}

// mpopArgs parses the arguments LMPOP, BLMPOP, ZMPOP and BZMPOP share
// (lmpopGenericCommand, zmpopGenericCommand) from the numkeys at
// args[numkeysIdx]: numkeys keys, the end (first or second, any case:
// LEFT|RIGHT or MIN|MAX), then an optional COUNT, 1 when absent. first
// reports whether the end named is the first.
func (c *call) mpopArgs(numkeysIdx int, firstEnd, secondEnd string) (keys []string, first bool, count int, ok bool) {
	numkeys, ok := c.rangeArg(numkeysIdx, 1, ErrNumKeys)
	if !ok {
		return nil, false, 0, false
	}
	whereIdx := int64(numkeysIdx) + numkeys + 1
	if numkeys >= int64(len(c.args)) || whereIdx >= int64(len(c.args)) {
		c.err(ErrSyntax)
		return nil, false, 0, false
	}
	switch where := c.args[whereIdx]; {
	case strings.EqualFold(where, firstEnd):
		first = true
	case strings.EqualFold(where, secondEnd):
	default:
		c.err(ErrSyntax)
		return nil, false, 0, false
	}
	n := int64(-1)
	for j := int(whereIdx) + 1; j < len(c.args); j++ {
		if n == -1 && j+1 < len(c.args) && strings.EqualFold(c.args[j], "COUNT") {
			j++
			if n, ok = c.rangeArg(j, 1, ErrCountPositive); !ok {
				return nil, false, 0, false
			}
			continue
		}
		c.err(ErrSyntax)
		return nil, false, 0, false
	}
	if n == -1 {
		n = 1
	}
	return c.args[numkeysIdx+1 : whereIdx], first, int(n), true
}

// stillWanted is for replies a negative count makes unbounded (HRANDFIELD,
// SRANDMEMBER and ZRANDMEMBER with repeats may be asked for more members
// than memory holds; redis-server 7.0 runs on until it is killed): every
// 65536 items it reports whether the caller is still there: its ctx has
// not ended, and a client on a connection has not given up waiting
// (resp.ClientGaveUp, which then closes the connection). A reply stopped
// for it is marked cut, and never delivered as if it were whole.
func (c *call) stillWanted(n int) bool {
	if n&0xffff != 0 || c.ctx == nil || c.ctx.Err() == nil && !resp.ClientGaveUp(c.ctx) {
		return true
	}
	c.cut = true
	return false
}

// indexSpan converts a range command's start and stop indexes (inclusive,
// negative from the end: LRANGE, LTRIM, ZRANGE) to the half-open span
// [from, to) of a collection of n elements, as Redis clamps them: empty
// when start > stop or start >= n.
func indexSpan(n int, start, stop int64) (from, to int) {
	ln := int64(n)
	if start < 0 {
		start += ln
	}
	if stop < 0 {
		stop += ln
	}
	start = max(start, 0)
	if start > stop || start >= ln {
		return 0, 0
	}
	stop = min(stop, ln-1)
	return int(start), int(stop) + 1
}

// dropIfEmpty deletes e's key when its collection has no elements left, as
// Redis deletes a key whose collection becomes empty, and reports whether
// it did. e may be nil.
func (d *DB) dropIfEmpty(e *entry) bool {
	if e == nil || !e.val.isColl() || kindOps[e.val.kind].length(e.val.p) > 0 {
		return false
	}
	h, sh := d.slot(e.key)
	d.unlink(sh, e.key, h)
	return true
}

// scanDict is scanGenericCommand's walk of a large collection's dict: it
// visits cursors from cursor until the scan ends, count elements have been
// seen (fn sees each; filtering is the caller's, so COUNT bounds the work,
// not the reply), or 10*count cursors have been visited, and returns the
// next cursor. Like Redis it counts a field and its value (pairs: hashes,
// sorted sets) as two elements, and doubles count to match.
func scanDict[V any](d *dict.Dict[V], cursor uint64, count int64, pairs bool, fn func(string, V)) uint64 {
	count = min(count, 1<<40) // beyond any dict; keeps count*20 in range
	per := int64(1)
	if pairs {
		count, per = 2*count, 2
	}
	var seen int64
	for budget := count * 10; ; budget-- {
		cursor = d.Scan(cursor, func(k string, v V) {
			seen += per
			fn(k, v)
		})
		if cursor == 0 || budget == 0 || seen >= count {
			return cursor
		}
	}
}

// collOrReply returns the collection of kind k at args[1] for a read-only
// command, as Redis's lookupKeyReadOrReply then checkType: when the key is
// missing it calls missing and returns nil; on the wrong type it replies
// WRONGTYPE and returns nil.
func collOrReply[T any](c *call, k kind, missing func()) *T {
	v, err := readColl[T](c.db, c.args[1], c.now, k)
	switch {
	case err != nil:
		c.err(err)
	case v == nil:
		missing()
	}
	return v
}
