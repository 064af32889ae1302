// Package htable is the hash table behind the keyspace and the large
// encodings of hashes, sets and sorted sets: open addressing over
// cache-line groups of pointers to records, resized incrementally, with
// Redis's SCAN guarantee.
//
// A record is any struct whose first field is its key, a string: the
// table stores pointers to records and reads a record's key through the
// pointer, so one implementation serves the store's entries and the
// dict's nodes without an interface call on the lookup path. Records are
// not moved by the table: their pointers stay valid while they are in it.
//
// A caller that looks up several keys under one set of locks (MGET) uses
// FindEach, which interleaves the lookups so that their cache misses
// overlap instead of following one another.
//
// A table may keep a word beside each record, its hint (KeepHints), in a
// line of hints per group: a sorted set's member index keeps the member's
// score there. Guess reads a key's likely record and its hint from the
// group and hints lines, loaded together, without reading the record.
//
// Hashing is the caller's: every method that needs a key's hash takes it
// (h), and those that may move records take the hash function to rehash
// them with. A Table is not safe for concurrent writes; readers may share
// it while no one writes.
package htable

import (
	"math/bits"
	"unsafe"
)

// keyOf is the key of record r: its first field.
func keyOf(r unsafe.Pointer) string { return *(*string)(r) }

// A Table is open addressing over groups of seven slots, each group one
// 64-byte cache line: a word of control bytes (one per slot: empty,
// deleted, or the key's 8-bit hash tag) and seven record pointers, probed
// linearly from the key's home group (its hash's low bits), as in Abseil's
// Swiss tables. A lookup reads one group, compares the seven tags at once,
// and dereferences only the record whose tag matches, so it costs one miss
// for the group and one for the record, when the record keeps its key's
// bytes in its own allocation (the store's entries and the dict's nodes
// do); a chained table pays for every record ahead of the key on its
// chain. (Groups of eight slots would be 72 bytes, and half of them would
// straddle two lines.) Records stay separate allocations, so their
// pointers are stable: the store's TTL heap, its callers and snapshots
// hold them across writes.
//
// The table grows by doubling and shrinks below 1/8 fill when its owner
// asks (ShrinkSize, StartRehash: the store's sweeper allocates the new
// groups before it takes a shard's lock), and it resizes incrementally as
// Redis's dict does: while a rehash is in progress, g[1] is the new table,
// every write moves one group of g[0], and lookups try g[1] then g[0].
// Groups of g[0] below rehash have been moved and are empty; a key of g[0]
// whose home group was moved, or whose probe wrapped around into moved
// groups, was displaced past them, so probes of g[0] skip them.
//
// SCAN keeps Redis's guarantee (every key present for the whole scan is
// returned at least once) with Redis's reverse-binary cursor, over home
// groups instead of buckets: visiting a cursor emits the keys whose home
// group it is, wherever probing displaced them.
//
// Invariants: a probe for a present key meets no group with an empty slot
// before the key's group (deletions in full groups leave a deleted mark);
// used counts occupied and deleted slots, and stays at most 7/8 of the
// slots; n counts the records of both tables.
type Table struct {
	g      [2]groups
	n      int
	rehash int  // while rehashing, the next group of g[0] to move
	hinted bool // every groups of the table has hints (KeepHints)
}

type groups struct {
	g     []Group
	hints []Hints // hints[i] are the hints of g[i]'s slots, for a hinted table
	used  int
}

// Hints are the words a hinted table keeps beside one group's slots, one
// per slot, in a line of their own (the eighth word is unused): a copy of
// something the owner reads from a record, so that Guess can hand it out
// before the record's line arrives. A sorted set's member index keeps each
// member's score there, and ZRANK starts its descent of the tree with it
// while the member's node is still on its way.
type Hints [groupSlots + 1]uint64

// Group is a table's unit of probing, exported so that an owner can
// allocate the groups of a resize before it takes its lock (StartRehash).
type Group struct {
	ctrl uint64 // byte i describes slot i; the top byte is unused
	e    [groupSlots]unsafe.Pointer
}

const (
	groupSlots  = 7 // a group is one 64-byte cache line: 8 control bytes and 7 pointers
	ctrlEmpty   = 0
	ctrlDeleted = 1 // tags are 2..255
	lsbs        = 0x0101010101010101
	msbs        = 0x0080808080808080 // the high bit of each slot's control byte
)

// tagOf is the control byte of a key with hash h: bits the home group
// (low bits) and the store's shard index (top 8 bits) do not use.
func tagOf(h uint64) uint8 {
	t := uint8(h >> 48)
	if t < 2 {
		t += 2
	}
	return t
}

// matchByte has the high bit of every byte of w equal to b set, and
// possibly of bytes above one that is (callers check each candidate).
func matchByte(w uint64, b uint8) uint64 {
	x := w ^ (lsbs * uint64(b))
	return (x - lsbs) &^ x & msbs
}

// matchFree marks the empty or deleted bytes of w; its lowest mark, if
// any, is exact.
func matchFree(w uint64) uint64 {
	x := w &^ lsbs // deleted (1) becomes empty (0)
	return (x - lsbs) &^ x & msbs
}

// hasEmpty reports whether w has an empty byte.
func hasEmpty(w uint64) bool { return (w-lsbs)&^w&msbs != 0 }

func slotOf(m uint64) int { return bits.TrailingZeros64(m) >> 3 }

func (g *Group) setCtrl(s int, b uint8) {
	g.ctrl = g.ctrl&^(0xff<<(8*s)) | uint64(b)<<(8*s)
}

func (g *Group) ctrlAt(s int) uint8 { return uint8(g.ctrl >> (8 * s)) }

// maxUsed is the most slots (occupied or deleted) gs may use.
func (gs *groups) maxUsed() int { return len(gs.g) * groupSlots * 7 / 8 }

// Len returns the number of records.
func (t *Table) Len() int { return t.n }

// Slots returns the number of slots of the main table (the one a rehash
// moves records out of).
func (t *Table) Slots() int { return len(t.g[0].g) * groupSlots }

// Bytes returns the heap the table's groups and hints take (records not
// included): both tables' while a rehash is in progress.
func (t *Table) Bytes() int64 {
	n := int64(len(t.g[0].g)+len(t.g[1].g)) * int64(unsafe.Sizeof(Group{}))
	n += int64(len(t.g[0].hints)+len(t.g[1].hints)) * int64(unsafe.Sizeof(Hints{}))
	return n
}

// Rehashing reports whether an incremental resize is in progress.
func (t *Table) Rehashing() bool { return t.g[1].g != nil }

// KeepHints makes t keep a hint word beside every record (see Hints).
// It is for a table that has never held a record: one that has groups
// without hints would lose its records' hints.
func (t *Table) KeepHints() {
	if t.g[0].g != nil && t.g[0].hints == nil {
		panic("htable: KeepHints on a table that has held records")
	}
	t.hinted = true
}

// newGroups returns n empty groups, with their hints if t keeps them.
func (t *Table) newGroups(g []Group) groups {
	gs := groups{g: g}
	if t.hinted {
		gs.hints = make([]Hints, len(g))
	}
	return gs
}

// Find returns the record for key, or nil.
func (t *Table) Find(key string, h uint64) unsafe.Pointer {
	if t.Rehashing() {
		return t.findRehashing(key, h)
	}
	if g, s := t.g[0].slot(key, h, 0); g != nil {
		return g.e[s]
	}
	return nil
}

// Hinted is Find for a hinted table: it also returns a pointer to the
// record's hint, valid until the next write, through which the owner may
// read or replace it (nil when key is absent). A caller that reads the
// hint at once loads its line alongside the record's: both addresses are
// known once the group is read.
func (t *Table) Hinted(key string, h uint64) (rec unsafe.Pointer, hint *uint64) {
	if t.Rehashing() {
		return t.hintedRehashing(key, h)
	}
	return t.g[0].hinted(key, h, 0)
}

func (t *Table) hintedRehashing(key string, h uint64) (unsafe.Pointer, *uint64) {
	if rec, hint := t.g[1].hinted(key, h, 0); rec != nil {
		return rec, hint
	}
	return t.g[0].hinted(key, h, t.rehash)
}

// hinted is slot for Hinted: the record and a pointer to its hint.
func (gs *groups) hinted(key string, h uint64, from int) (unsafe.Pointer, *uint64) {
	if g, s := gs.slot(key, h, from); g != nil && gs.hints != nil {
		return g.e[s], &gs.hints[gs.index(g)][s]
	}
	return nil, nil
}

// touchHints starts loading the hints of group i, so that their miss
// overlaps the group's: the load's address does not wait for the
// group's control word, as the slot's hint's does. The caller must use
// the word it returns (or the compiler drops the load).
func (gs *groups) touchHints(i int) uint64 { return gs.hints[i][0] }

// FindEach looks up n keys as Find would, for a caller that holds the
// locks of all their tables and looks up several keys at once (MGET,
// HMGET): at(i) gives the i-th key, its hash and its table, and found(i,
// rec) receives its record or nil, in order. One Find after another waits
// for each key's two misses, the group and the record, in turn; FindEach
// reads every key's home group, then every first candidate record, then
// confirms, a batch of keys at a time, so that the loads of one pass
// don't depend on each other and the CPU overlaps their misses. Keys it
// cannot confirm from their home group's first candidate (a probe that
// goes on, a second tag match, a rehash that moved the key) it looks up
// with Lookup. found also receives the record's hint (0 when absent or in
// a table without hints).
func FindEach(n int, at func(i int) (*Table, string, uint64), found func(i int, rec unsafe.Pointer, hint uint64)) {
	var (
		tabs  [batch]*Table
		keys  [batch]string
		hs    [batch]uint64
		recs  [batch]unsafe.Pointer
		hints [batch]uint64
	)
	for base := 0; base < n; base += batch {
		m := min(n-base, batch)
		for i := range m {
			tabs[i], keys[i], hs[i] = at(base + i)
		}
		findBatch(tabs[:m], keys[:m], hs[:m], recs[:m], hints[:m])
		for i := range m {
			found(base+i, recs[i], hints[i])
		}
	}
}

// batch is how many lookups FindEach overlaps: enough to keep the CPU's
// outstanding misses busy, few enough for its arrays to live on the stack.
const batch = 16

func findBatch(tabs []*Table, keys []string, hs []uint64, recs []unsafe.Pointer, hints []uint64) {
	var (
		home [batch]*Group
		gi   [batch]int
		ctrl [batch]uint64
		klen [batch]int
		slot [batch]int
	)
	for i, t := range tabs {
		if gs := t.g[0].g; len(gs) > 0 {
			gi[i] = int(hs[i]) & (len(gs) - 1)
			home[i] = &gs[gi[i]]
			ctrl[i] = home[i].ctrl
			if t.hinted {
				hints[i] = t.g[0].touchHints(gi[i])
			}
		}
	}
	for i := range tabs {
		recs[i], klen[i] = nil, -1
		if m := matchByte(ctrl[i], tagOf(hs[i])); m != 0 {
			slot[i] = slotOf(m)
			if e := home[i].e[slot[i]]; e != nil {
				recs[i], klen[i] = e, len(keyOf(e))
			}
		}
	}
	for i, t := range tabs {
		if e := recs[i]; e == nil || klen[i] != len(keys[i]) || keyOf(e) != keys[i] {
			recs[i], hints[i] = t.Lookup(keys[i], hs[i])
			continue
		}
		if t.hinted {
			hints[i] = t.g[0].hints[gi[i]][slot[i]]
		}
	}
}

// Lookup is Find that also returns the record's hint (0 in a table
// without hints).
func (t *Table) Lookup(key string, h uint64) (rec unsafe.Pointer, hint uint64) {
	if !t.hinted {
		return t.Find(key, h), 0
	}
	if rec, p := t.Hinted(key, h); rec != nil {
		return rec, *p
	}
	return nil, 0
}

func (t *Table) findRehashing(key string, h uint64) unsafe.Pointer {
	if g, s := t.g[1].slot(key, h, 0); g != nil {
		return g.e[s]
	}
	if g, s := t.g[0].slot(key, h, t.rehash); g != nil {
		return g.e[s]
	}
	return nil
}

// slot returns the group and slot holding key, or nil. Probing starts at
// the home group or, if it is lower, at group from (see table).
func (gs *groups) slot(key string, h uint64, from int) (*Group, int) {
	n := len(gs.g)
	if n == 0 {
		return nil, 0
	}
	mask := n - 1
	tag := tagOf(h)
	i := int(h) & mask
	if i < from {
		i = from
	}
	for probes := from; probes < n; probes++ { // n-from groups: next skips the rest
		g := &gs.g[i]
		for m := matchByte(g.ctrl, tag); m != 0; m &= m - 1 {
			s := slotOf(m)
			if e := g.e[s]; e != nil && keyOf(e) == key {
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

// next is the group after i in a probe sequence of a table whose groups
// below from have been moved: a probe that wraps around skips them, since
// keys it must reach may lie beyond them. The sequence is a cycle of the
// len-from groups left, so a probe stops after that many: beyond, it would
// visit a group again (and a scan would return its records twice).
func next(i, mask, from int) int {
	if i = (i + 1) & mask; i < from {
		i = from
	}
	return i
}

// put stores e, with hint w if gs keeps hints, in the first free slot of
// its probe sequence. gs must have a free slot.
func (gs *groups) put(e unsafe.Pointer, h, w uint64) {
	mask := len(gs.g) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		g := &gs.g[i]
		if m := matchFree(g.ctrl); m != 0 {
			s := slotOf(m)
			if g.ctrlAt(s) == ctrlEmpty {
				gs.used++
			}
			g.setCtrl(s, tagOf(h))
			g.e[s] = e
			if gs.hints != nil {
				gs.hints[i][s] = w
			}
			return
		}
	}
}

// del empties slot s of g. A group with an empty slot never made a probe
// go on past it, so its slot can become empty again; in a full group it
// must stay marked, or probes for keys displaced beyond it would stop.
func (gs *groups) del(g *Group, s int) {
	g.e[s] = nil
	if hasEmpty(g.ctrl) {
		g.setCtrl(s, ctrlEmpty)
		gs.used--
	} else {
		g.setCtrl(s, ctrlDeleted)
	}
}

// Insert adds e, whose key must not be present.
func (t *Table) Insert(e unsafe.Pointer, h uint64, hash func(string) uint64) {
	t.InsertHinted(e, h, 0, hash)
}

// InsertHinted is Insert that keeps hint w beside e, in a hinted table.
func (t *Table) InsertHinted(e unsafe.Pointer, h, w uint64, hash func(string) uint64) {
	t.RehashStep(hash)
	if !t.Rehashing() && t.g[0].used+1 > t.g[0].maxUsed() {
		t.StartRehash(make([]Group, SizeFor(t.n+1)), hash)
	}
	if t.Rehashing() && t.g[1].used+1 > t.g[1].maxUsed() {
		t.regrow(hash)
	}
	if t.Rehashing() {
		t.g[1].put(e, h, w)
	} else {
		t.g[0].put(e, h, w)
	}
	t.n++
}

// index is the position of g, one of gs's groups.
func (gs *groups) index(g *Group) int {
	return int((uintptr(unsafe.Pointer(g)) - uintptr(unsafe.Pointer(&gs.g[0]))) / unsafe.Sizeof(Group{}))
}

// Guess returns the record most likely to be the one with hash h, and its
// hint, without reading the record: the first slot of h's home group
// whose tag matches. The caller confirms the record's key, and may start
// work with the hint before it does: the group's line and the hints' line
// are loaded together, and the record's line can then be loaded alongside
// whatever the hint leads to, instead of one miss waiting for the next.
// It returns nil when no slot of the home group matches, or while a
// rehash is in progress (the caller then looks the key up with Find).
func (t *Table) Guess(h uint64) (rec unsafe.Pointer, hint uint64) {
	gs := &t.g[0]
	if t.Rehashing() || len(gs.hints) == 0 {
		return nil, 0
	}
	i := int(h) & (len(gs.g) - 1)
	hs := &gs.hints[i]
	// Read the hints' line now, at an address that does not wait for the
	// group's control word, so that its miss overlaps the group's.
	w := hs[0]
	g := &gs.g[i]
	m := matchByte(g.ctrl, tagOf(h))
	if m == 0 {
		return nil, 0
	}
	if s := slotOf(m); s != 0 {
		w = hs[s]
		rec = g.e[s]
	} else {
		rec = g.e[0]
	}
	return rec, w
}

// Remove unlinks the record for key and returns it, or nil, with its
// hint (0 in a table without hints).
func (t *Table) Remove(key string, h uint64, hash func(string) uint64) (rec unsafe.Pointer, hint uint64) {
	if t.n == 0 {
		return nil, 0
	}
	t.RehashStep(hash)
	if !t.Rehashing() {
		return t.removeFrom(&t.g[0], key, h, 0)
	}
	if e, w := t.removeFrom(&t.g[1], key, h, 0); e != nil {
		return e, w
	}
	return t.removeFrom(&t.g[0], key, h, t.rehash)
}

func (t *Table) removeFrom(gs *groups, key string, h uint64, from int) (unsafe.Pointer, uint64) {
	g, s := gs.slot(key, h, from)
	if g == nil {
		return nil, 0
	}
	e := g.e[s]
	var w uint64
	if gs.hints != nil {
		w = gs.hints[gs.index(g)][s]
	}
	gs.del(g, s)
	t.n--
	return e, w
}

// RehashStep moves one group (visiting at most ten empty ones) from g[0]
// to g[1]. Every write calls it while a rehash is in progress.
func (t *Table) RehashStep(hash func(string) uint64) {
	if !t.Rehashing() {
		return
	}
	old := t.g[0].g
	for empty := 10; t.rehash < len(old) && old[t.rehash].ctrl == 0; {
		t.rehash++
		if empty--; empty == 0 {
			break
		}
	}
	if t.rehash < len(old) {
		g := &old[t.rehash]
		if t.g[1].used+groupSlots > t.g[1].maxUsed() {
			t.regrow(hash)
			return
		}
		for s, e := range g.e {
			if e != nil {
				t.g[1].put(e, hash(keyOf(e)), t.g[0].hint(t.rehash, s))
				g.e[s] = nil
			}
		}
		g.ctrl = 0
		t.rehash++
	}
	if t.rehash >= len(old) {
		t.g[0], t.g[1] = t.g[1], groups{}
	}
}

// regrow moves every record into one new table sized for them, at once. It
// is the rare way out when inserts fill the target of a shrink before the
// incremental rehash into it is done: the shrink only started below 1/8
// fill, so there are few records to move.
func (t *Table) regrow(hash func(string) uint64) {
	ng := t.newGroups(make([]Group, SizeFor(t.n+1)))
	t.Each(func(e unsafe.Pointer, hint uint64) bool {
		ng.put(e, hash(keyOf(e)), hint)
		return true
	})
	t.g[0], t.g[1] = ng, groups{}
}

// hint is the hint of slot s of group i, or 0 in a table without hints.
func (gs *groups) hint(i, s int) uint64 {
	if gs.hints == nil {
		return 0
	}
	return gs.hints[i][s]
}

// ShrinkSize returns the number of groups the table should shrink to, or
// 0. Tables shrink below 1/8 of their slots filled (Redis resizes below
// 10%). Remove does not shrink: the owner asks (the store's sweeper, as
// Redis's cron does, allocating the new groups before it takes the shard
// lock; the dict after a delete).
func (t *Table) ShrinkSize() int {
	if t.Rehashing() || len(t.g[0].g) <= 1 || t.n*8 >= len(t.g[0].g)*groupSlots {
		return 0
	}
	return SizeFor(t.n)
}

// StartRehash begins an incremental rehash into the empty groups g, which
// must hold t.n records within the fill limit.
func (t *Table) StartRehash(g []Group, hash func(string) uint64) {
	if t.g[0].g == nil {
		t.g[0] = t.newGroups(g)
		return
	}
	t.g[1] = t.newGroups(g)
	t.rehash = 0
	t.RehashStep(hash)
}

// SizeFor is the number of groups (a power of two) that holds n records
// at most half full, so a table that grows at 7/8 full doubles.
func SizeFor(n int) int {
	need := (2*n + groupSlots - 1) / groupSlots
	if need <= 1 {
		return 1
	}
	return 1 << bits.Len(uint(need-1))
}

// Clear drops every record. A hinted table stays hinted.
func (t *Table) Clear() { *t = Table{hinted: t.hinted} }

// Each calls fn for every record, with its hint (0 in a table without
// hints), until fn returns false. fn must not modify the table.
func (t *Table) Each(fn func(rec unsafe.Pointer, hint uint64) bool) bool {
	for i := range t.g {
		for gi := range t.g[i].g {
			for s, e := range t.g[i].g[gi].e {
				if e != nil && !fn(e, t.g[i].hint(gi, s)) {
					return false
				}
			}
		}
	}
	return true
}

// Random returns a random record (a random non-empty group's random record,
// as fair as Redis's dictGetFairRandomKey) and its hint, or nil when
// empty. rnd returns a random uint64.
func (t *Table) Random(rnd func() uint64) (rec unsafe.Pointer, hint uint64) {
	if t.n == 0 {
		return nil, 0
	}
	for {
		gs := &t.g[0]
		if t.Rehashing() && rnd()&1 == 1 {
			gs = &t.g[1]
		}
		gi := int(rnd() & uint64(len(gs.g)-1))
		var full [groupSlots]int
		k := 0
		for s, e := range gs.g[gi].e {
			if e != nil {
				full[k] = s
				k++
			}
		}
		if k > 0 {
			s := full[rnd()%uint64(k)]
			return gs.g[gi].e[s], gs.hint(gi, s)
		}
	}
}

// Scan calls fn for the records whose home group is cursor v's, with
// their hints, and returns the next cursor; 0 means the scan is complete.
// It is Redis's dictScan over home groups: the cursor's bits are
// incremented from the most significant end, so groups already visited map
// to groups already visited after the table grows or shrinks, and every
// key present for the whole scan is returned at least once (a key may be
// returned more than once).
func (t *Table) Scan(v uint64, hash func(string) uint64, fn func(rec unsafe.Pointer, hint uint64)) uint64 {
	if t.n == 0 {
		return 0
	}
	if !t.Rehashing() {
		m0 := uint64(len(t.g[0].g) - 1)
		t.g[0].emitHome(int(v&m0), 0, hash, fn)
		return nextCursor(v, m0)
	}
	small, large := &t.g[0], &t.g[1]
	sFrom, lFrom := t.rehash, 0
	if len(small.g) > len(large.g) {
		small, large = large, small
		sFrom, lFrom = lFrom, sFrom
	}
	m0, m1 := uint64(len(small.g)-1), uint64(len(large.g)-1)
	small.emitHome(int(v&m0), sFrom, hash, fn)
	// Visit the groups of the larger table that expand the small group.
	for {
		large.emitHome(int(v&m1), lFrom, hash, fn)
		v = nextCursor(v, m1)
		if v&(m0^m1) == 0 {
			break
		}
	}
	return v
}

// emitHome calls fn for the records of gs whose home group is home, along
// the probe run from it (from as in slot).
func (gs *groups) emitHome(home, from int, hash func(string) uint64, fn func(unsafe.Pointer, uint64)) {
	mask := len(gs.g) - 1
	i := max(home, from)
	for probes := from; probes < len(gs.g); probes++ { // as in slot: each group once
		g := &gs.g[i]
		for s, e := range g.e {
			if e != nil && int(hash(keyOf(e)))&mask == home {
				fn(e, gs.hint(i, s))
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
