package store

// This file is the set type: its structure, the operations the SADD ...
// SSCAN commands share with the typed API (lock-free: the caller holds the
// shard locks of every key involved), and the typed API.
//
// # Structure
//
// A set has Redis 7.0's two encodings, with its rule for choosing:
//
//   - intset: a sorted []int64, used while every member is an integer in
//     the canonical form string2ll accepts ("12", "-3"; not "012", "+1" or
//     "-0") and there are at most setMaxIntsetEntries (512) of them.
//     Membership is a binary search, O(log n), as Redis's intsetFind;
//     insertion and removal shift the tail, O(n) on at most 512 words, as
//     Redis's intsetAdd/intsetRemove. Iteration is ascending, which is why
//     SMEMBERS of an integer set comes back sorted in Redis and here.
//   - hashtable: an internal/dict Dict with no values (Redis's dict with
//     NULL values). O(1) membership, insertion and removal; SSCAN uses the
//     dict's reverse-binary cursor, so a member present for a whole scan is
//     returned at least once however the table resizes between calls.
//
// Conversion is one-way, as in Redis: adding a non-integer or a 513th
// member turns an intset into a hashtable, and a hashtable never goes
// back, even when its members are all integers again. Redis only builds a
// new set (and so possibly an intset again) in the commands that create
// one from scratch: SINTERSTORE/SUNIONSTORE/SDIFFSTORE and SUNION/SDIFF
// build their result from an empty intset, SPOP with a count close to the
// size keeps the survivors in a new set; those commands do the same here,
// with Redis's algorithms, so OBJECT ENCODING and the order of replies
// that iterate an intset match redis-server.
//
// Memory: a hashtable member costs a 24-byte dict node (member header and
// chain link), the member's bytes and its share of the bucket array: 49
// bytes for a 16-byte member in a 1M-member set, against 72 in
// redis-server (bench/README.md).
//
// Invariants: exactly one of ints and ht is in use (ht != nil means
// hashtable); ints is strictly ascending; a set stored at a key is never
// empty (the commands that remove members delete the key at zero, via
// dropIfEmpty).
//
// # Locking
//
// A set is modified in place under its key's shard write lock. Readers
// (SISMEMBER, SMEMBERS, SRANDMEMBER, SSCAN, ...) hold the shard read lock
// and never modify: the dict's read methods move no buckets, and random
// members come from the Store's goroutine-safe random source. Multi-key
// commands (SINTER, SMOVE, the STORE forms) run with every key's shard
// locked by the executor, or by lockKeys in the typed API, in the global
// order; they follow Redis's algorithms for complexity: SINTER iterates the
// smallest set and probes the others, SDIFF chooses between Redis's two
// algorithms by the same work estimate.
//
// # Snapshots
//
// A point-in-time snapshot (a future background save) copies a value when a
// writer is about to change it before the snapshot has walked its shard
// (see the package doc). An intset is at most 512 words, so it is copied
// under the lock like a string header. A hashtable is too big to copy on a
// writer's path; the plan is copy-on-write at bucket granularity: the
// snapshot marks the dict with its epoch, a writer copies the bucket array
// once (8 bytes per bucket) and then, before changing a chain, that
// chain's few nodes, so the snapshot keeps reading the old buckets and
// nodes while writers pay O(1) per change. The nodes hold only the member
// string, which is immutable, so sharing them is safe.

import (
	"iter"
	"slices"
	"strconv"
	"unsafe"

	"github.com/embedis/embedis/internal/alloc"
	"github.com/embedis/embedis/internal/dict"
	"github.com/embedis/embedis/internal/redisstr"
	"github.com/embedis/embedis/resp"
)

// The set commands' own errors, with Redis's texts.
var (
	errNumKeysArgs = resp.ErrorReply("ERR Number of keys can't be greater than number of args")
)

// setMaxIntsetEntries is Redis's set-max-intset-entries default.
const setMaxIntsetEntries = 512

// set is a Redis set: an intset (ints, ascending) or a hashtable (ht).
type set struct {
	accounted
	ints []int64
	ht   *dict.Dict[struct{}]
}

// The collection's accounting is its first field (see accounted).
var _ = [1]struct{}{}[unsafe.Offsetof(set{}.accounted)]

func init() {
	registerKind[set](kindSet, "set")
}

// size is the heap s holds, in O(1): an intset's array, or the dict with
// its members.
func (s *set) size() int64 {
	n := setBytes
	if s.ht != nil {
		return n + s.ht.Bytes()
	}
	return n + int64(alloc.Size(8*cap(s.ints)))
}

var setBytes = int64(alloc.Size(int(unsafe.Sizeof(set{}))))

// charged is deferred by each primitive that changes s's size, with the
// size before the change.
func (s *set) charged(before int64) { s.charge(before, s.size()) }

// newSetFor returns an empty set in the encoding Redis gives a set created
// for its first member (setTypeCreate): intset if it is an integer.
func newSetFor(first string) *set {
	if _, ok := redisstr.ParseInt(first); ok {
		return &set{}
	}
	return &set{ht: new(dict.Dict[struct{}])}
}

func (s *set) encoding() string {
	if s.ht != nil {
		return "hashtable"
	}
	return "intset"
}

func (s *set) len() int {
	if s.ht != nil {
		return s.ht.Len()
	}
	return len(s.ints)
}

// clone is COPY's duplicate, in the same encoding (setTypeDup).
func (s *set) clone() *set {
	if s.ht == nil {
		return &set{ints: slices.Clone(s.ints)}
	}
	c := &set{ht: new(dict.Dict[struct{}])}
	for m := range s.ht.All() {
		c.ht.Set(m, struct{}{})
	}
	return c
}

// elem is one member as a set holds it: an intset's integer, or a
// hashtable's string. Passing members between sets as elems lets
// intset-to-intset operations (SINTER, SUNION of integer sets) skip
// formatting and parsing.
type elem struct {
	s     string
	n     int64
	isInt bool
}

func intElem(n int64) elem { return elem{n: n, isInt: true} }

// String returns the member's bytes, as replies and the typed API show it.
func (e elem) String() string {
	if e.isInt {
		return formatInt(e.n)
	}
	return e.s
}

// each calls fn for every member, an intset's in ascending order, until fn
// returns false.
func (s *set) each(fn func(elem) bool) {
	if s.ht != nil {
		for m := range s.ht.All() {
			if !fn(elem{s: m}) {
				return
			}
		}
		return
	}
	for _, n := range s.ints {
		if !fn(intElem(n)) {
			return
		}
	}
}

// members returns every member in iteration order.
func (s *set) members() []string {
	out := make([]string, 0, s.len())
	s.each(func(e elem) bool { out = append(out, e.String()); return true })
	return out
}

// has reports whether m is a member (setTypeIsMember).
func (s *set) has(m string) bool {
	if s.ht != nil {
		_, ok := s.ht.Get(m)
		return ok
	}
	n, ok := redisstr.ParseInt(m)
	return ok && s.hasInt(n)
}

// hasEach calls fn(i, has(members[i])) for each member in order (a nil
// set, a missing key, has none); a hashtable's lookups overlap their cache
// misses.
func (s *set) hasEach(members []string, fn func(i int, ok bool)) {
	each := func(i int, _ struct{}, ok bool) { fn(i, ok) }
	if s == nil {
		absentEach(members, each)
		return
	}
	dictEach(members, s.ht, func(m string) (struct{}, bool) { return struct{}{}, s.has(m) }, each)
}

func (s *set) hasInt(n int64) bool {
	if s.ht == nil {
		_, ok := slices.BinarySearch(s.ints, n)
		return ok
	}
	var buf [20]byte
	b := strconv.AppendInt(buf[:0], n, 10)
	_, ok := s.ht.Get(unsafe.String(unsafe.SliceData(b), len(b)))
	return ok
}

func (s *set) hasElem(e elem) bool {
	if e.isInt {
		return s.hasInt(e.n)
	}
	return s.has(e.s)
}

// add adds m and reports whether it was new (setTypeAdd), converting an
// intset to a hashtable on a non-integer or a member beyond the limit.
func (s *set) add(m string) bool {
	if s.ht == nil {
		if n, ok := redisstr.ParseInt(m); ok {
			return s.addInt(n)
		}
	}
	defer s.charged(s.size())
	if s.ht == nil {
		s.toHashtable()
	}
	return s.ht.Set(m, struct{}{})
}

func (s *set) addInt(n int64) bool {
	defer s.charged(s.size())
	if s.ht != nil {
		// Probe before formatting: most integers are not shared strings.
		return !s.hasInt(n) && s.ht.Set(formatInt(n), struct{}{})
	}
	i, found := slices.BinarySearch(s.ints, n)
	if found {
		return false
	}
	s.ints = slices.Insert(s.ints, i, n)
	if len(s.ints) > setMaxIntsetEntries {
		s.toHashtable()
	}
	return true
}

func (s *set) addElem(e elem) bool {
	if e.isInt {
		return s.addInt(e.n)
	}
	return s.add(e.s)
}

// toHashtable converts an intset to a hashtable (setTypeConvert).
func (s *set) toHashtable() {
	d := new(dict.Dict[struct{}])
	for _, n := range s.ints {
		d.Set(formatInt(n), struct{}{})
	}
	s.ints, s.ht = nil, d
}

// remove removes m and reports whether it was a member (setTypeRemove).
// A hashtable shrinks when it falls below a tenth full.
func (s *set) remove(m string) bool {
	if s.ht == nil {
		n, ok := redisstr.ParseInt(m)
		return ok && s.removeInt(n)
	}
	defer s.charged(s.size())
	_, ok := s.ht.Delete(m)
	return ok
}

func (s *set) removeInt(n int64) bool {
	defer s.charged(s.size())
	if s.ht != nil {
		var buf [20]byte
		b := strconv.AppendInt(buf[:0], n, 10)
		_, ok := s.ht.Delete(unsafe.String(unsafe.SliceData(b), len(b)))
		return ok
	}
	i, found := slices.BinarySearch(s.ints, n)
	if found {
		s.ints = slices.Delete(s.ints, i, i+1)
	}
	return found
}

func (s *set) removeElem(e elem) bool {
	if e.isInt {
		return s.removeInt(e.n)
	}
	return s.remove(e.s)
}

// random returns a random member of a non-empty set: a uniform pick of an
// intset, or the dict's fair random key (setTypeRandomElement).
func (s *set) random() elem {
	if s.ht != nil {
		m, _, _ := s.ht.Random(randUint64)
		return elem{s: m}
	}
	return intElem(s.ints[randUint64()%uint64(len(s.ints))])
}

// Random-member strategies, Redis's constants (t_set.c).
const (
	spopMoveStrategyMul       = 5 // SPOP: rebuild the survivors when count is close to the size
	srandmemberSubStrategyMul = 3 // SRANDMEMBER: subtract from a copy when count is close to the size
)

// randMembers is SRANDMEMBER with a count (srandmemberWithCountCommand):
// count >= 0 gives distinct members, count < 0 may repeat. It calls header
// with the number of members, then emit for each; emit returns false to
// stop early (a client gone). The cases are Redis's, for its complexity.
func (s *set) randMembers(count int64, header func(n int), emit func(elem) bool) {
	uniq := count >= 0
	n := uint64(count)
	if !uniq {
		n = uint64(-count) // count > math.MinInt64: the handler's range check
	}
	size := uint64(s.len())
	switch {
	case n == 0:
		header(0)
	case !uniq || n == 1:
		// Case 1: independent picks, repeats allowed.
		header(int(n))
		for ; n > 0; n-- {
			if !emit(s.random()) {
				return
			}
		}
	case n >= size:
		// Case 2: the whole set.
		header(int(size))
		s.each(emit)
	case n*srandmemberSubStrategyMul > size:
		// Case 3: copy everything, then drop random members down to n.
		all := make([]elem, 0, size)
		s.each(func(e elem) bool { all = append(all, e); return true })
		for uint64(len(all)) > n {
			i := randUint64() % uint64(len(all))
			all[i] = all[len(all)-1]
			all = all[:len(all)-1]
		}
		header(len(all))
		for _, e := range all {
			if !emit(e) {
				return
			}
		}
	default:
		// Case 4: pick at random until n distinct members are found.
		seen := make(map[elem]struct{}, n)
		picked := make([]elem, 0, n)
		for uint64(len(picked)) < n {
			e := s.random()
			if _, dup := seen[e]; !dup {
				seen[e] = struct{}{}
				picked = append(picked, e)
			}
		}
		header(len(picked))
		for _, e := range picked {
			if !emit(e) {
				return
			}
		}
	}
}

// interSets calls fn for each member of the intersection of sets, in the
// iteration order of the smallest, until fn returns false
// (sinterGenericCommand). A nil set (missing key) makes it empty. The
// slice is reordered. The smallest set's members are tested in the others
// memberBatch at a time (markMembers), so that the lookups in a large set
// overlap their cache misses.
func interSets(sets []*set, fn func(elem) bool) {
	for _, s := range sets {
		if s == nil {
			return
		}
	}
	// Smallest first; stable, as glibc's qsort (a merge sort) is, so that
	// ties iterate the same set as redis-server.
	slices.SortStableFunc(sets, func(a, b *set) int { return a.len() - b.len() })
	first := sets[0]
	var digits []byte // markMembers' scratch
	inBatches(first.each, func(batch []elem) bool {
		var missing [memberBatch]bool
		for _, o := range sets[1:] {
			if o != first {
				o.markMembers(batch, &missing, false, &digits)
			}
		}
		for i, e := range batch {
			if !missing[i] && !fn(e) {
				return false
			}
		}
		return true
	})
}

// markMembers sets marked[i] for each of elems not yet marked whose
// membership in s is want; a hashtable looks them up together
// (dict.GetEach), so that their cache misses overlap. digits is scratch
// space for integers' decimal forms, allocated on first need: the
// lookups' keys escape the stack.
func (s *set) markMembers(elems []elem, marked *[memberBatch]bool, want bool, digits *[]byte) {
	if s.ht == nil {
		for i, e := range elems {
			if !marked[i] && s.hasElem(e) == want {
				marked[i] = true
			}
		}
		return
	}
	used := 0
	keys, at, k := unmarked(elems, marked, func(e elem) string {
		if !e.isInt {
			return e.s
		}
		if *digits == nil {
			*digits = make([]byte, memberBatch*20)
		}
		b := strconv.AppendInt((*digits)[used:used], e.n, 10)
		used += len(b)
		return unsafe.String(unsafe.SliceData(b), len(b))
	})
	s.ht.GetEach(keys[:k], func(j int, _ struct{}, ok bool) {
		if ok == want {
			marked[at[j]] = true
		}
	})
}

// unionSets returns the union of sets (nil for missing keys) as a new
// set, built from an empty intset as Redis's sunionDiffGenericCommand.
func unionSets(sets []*set) *set {
	out := &set{}
	for _, s := range sets {
		if s != nil {
			s.each(func(e elem) bool { out.addElem(e); return true })
		}
	}
	return out
}

// diffSets returns sets[0] minus the others as a new set, choosing
// between Redis's two algorithms by its work estimate: probing each member
// of the first set in the others (O(N*M)), or adding the first set and
// removing every member of the others (O(total)). The choice shows in the
// result's encoding (the second may pass through a hashtable), so it is
// Redis's exactly. The slice is reordered.
func diffSets(sets []*set) *set {
	out := &set{}
	first := sets[0]
	if first == nil || slices.Contains(sets[1:], first) {
		// The same key twice: the difference is empty.
		return out
	}
	var one, two int64
	for _, s := range sets {
		if s != nil {
			one += int64(first.len())
			two += int64(s.len())
		}
	}
	// The first algorithm does fewer operations when members are shared:
	// Redis gives it a factor 2.
	if one/2 <= two {
		// Larger sets first: a member is likelier to be found early.
		slices.SortStableFunc(sets[1:], func(a, b *set) int { return setLen(b) - setLen(a) })
		var digits []byte // markMembers' scratch
		inBatches(first.each, func(batch []elem) bool {
			var found [memberBatch]bool
			for _, o := range sets[1:] {
				if o != nil {
					o.markMembers(batch, &found, true, &digits)
				}
			}
			for i, e := range batch {
				if !found[i] {
					out.addElem(e)
				}
			}
			return true
		})
		return out
	}
	card := 0
	for i, s := range sets {
		if s == nil {
			continue
		}
		s.each(func(e elem) bool {
			if i == 0 {
				if out.addElem(e) {
					card++
				}
			} else if out.removeElem(e) {
				card--
			}
			return true
		})
		if card == 0 {
			break
		}
	}
	return out
}

// setLen is a set's size, 0 for a missing key.
func setLen(s *set) int {
	if s == nil {
		return 0
	}
	return s.len()
}

// --- operations: the caller holds the shard locks of every key ---

// setAt returns the set at key for reading: nil if missing, ErrWrongType
// if the key holds another type.
func (d *DB) setAt(key string, now int64) (*set, error) {
	return readColl[set](d, key, now, kindSet)
}

// setForWrite is setAt for commands that modify the set; it returns the
// entry too, for dropIfEmpty.
func (d *DB) setForWrite(key string, now int64) (*entry, *set, error) {
	return writeColl[set](d, key, now, kindSet)
}

// setsAt looks up keys as sets: nil for a missing key, ErrWrongType if any
// key holds another type (checked for every key, as Redis does before it
// looks at sizes).
func (d *DB) setsAt(keys []string, now int64) ([]*set, error) {
	sets := make([]*set, len(keys))
	for i, k := range keys {
		s, err := d.setAt(k, now)
		if err != nil {
			return nil, err
		}
		sets[i] = s
	}
	return sets, nil
}

// sadd is SADD: it returns how many members were new.
func (d *DB) sadd(key string, members []string, now int64) (int64, error) {
	_, s, err := d.setForWrite(key, now)
	if err != nil || len(members) == 0 {
		return 0, err
	}
	if s == nil {
		s = newSetFor(members[0])
		addColl(d, key, kindSet, s)
	}
	s.ht.Warm(len(members), func(i int) string { return members[i] })
	var n int64
	for _, m := range members {
		if s.add(m) {
			n++
		}
	}
	return n, nil
}

// srem is SREM: it returns how many members were removed, and deletes the
// key when the set becomes empty.
func (d *DB) srem(key string, members []string, now int64) (int64, error) {
	e, s, err := d.setForWrite(key, now)
	if s == nil {
		return 0, err
	}
	s.ht.Warm(len(members), func(i int) string { return members[i] })
	var n int64
	for _, m := range members {
		if s.remove(m) {
			n++
			if s.len() == 0 {
				break
			}
		}
	}
	d.dropIfEmpty(e)
	return n, nil
}

// smove is SMOVE: it moves member from src to dst and reports whether src
// had it.
func (d *DB) smove(src, dst, member string, now int64) (bool, error) {
	// Both keys are looked up (an expired one deleted) before any check,
	// and a missing source answers 0 whatever the destination holds.
	se, ss, serr := d.setForWrite(src, now)
	_, ds, derr := d.setForWrite(dst, now)
	switch {
	case serr != nil:
		return false, serr
	case ss == nil:
		return false, nil
	case derr != nil:
		return false, derr
	case ss == ds:
		return ss.has(member), nil
	case !ss.remove(member):
		return false, nil
	}
	d.dropIfEmpty(se)
	if ds == nil {
		ds = newSetFor(member)
		addColl(d, dst, kindSet, ds)
	}
	ds.add(member)
	return true, nil
}

// spop is SPOP without a count: a random member, removed; ErrNil when
// the key is missing.
func (d *DB) spop(key string, now int64) (string, error) {
	e, s, err := d.setForWrite(key, now)
	if err != nil {
		return "", err
	}
	if s == nil {
		return "", ErrNil
	}
	m := s.random()
	s.removeElem(m)
	d.dropIfEmpty(e)
	return m.String(), nil
}

// spopN is SPOP with a count (spopWithCountCommand): up to count distinct
// random members, removed, in the order Redis replies them.
func (d *DB) spopN(key string, count uint64, now int64) ([]string, error) {
	e, s, err := d.setForWrite(key, now)
	if s == nil || count == 0 {
		return nil, err
	}
	size := uint64(s.len())
	if count >= size {
		// Case 1: everything. Redis replies with SUNION of the key, so
		// the order is that of a set rebuilt from an empty intset.
		out := unionSets([]*set{s}).members()
		d.remove(key, now)
		return out, nil
	}
	out := make([]string, 0, count)
	remaining := size - count
	if remaining*spopMoveStrategyMul > count {
		// Case 2: pop random members one at a time.
		for ; count > 0; count-- {
			m := s.random()
			out = append(out, m.String())
			s.removeElem(m)
		}
		return out, nil
	}
	// Case 3: most of the set goes. Move the few survivors to a new set
	// (created for its first member, so possibly an intset again) and
	// reply what is left of the old one.
	var survivors *set
	for ; remaining > 0; remaining-- {
		m := s.random()
		if survivors == nil {
			survivors = newSetFor(m.String())
		}
		survivors.addElem(m)
		s.removeElem(m)
	}
	out = append(out, s.members()...)
	d.replaceValue(e, collValue(kindSet, unsafe.Pointer(survivors)))
	return out, nil
}

// storeSet makes s the value of dst, replacing whatever dst held and its
// TTL, or deletes dst when s is empty (the STORE forms). It returns s's
// size.
func (d *DB) storeSet(dst string, s *set, now int64) int64 {
	if s.len() == 0 {
		d.remove(dst, now)
		return 0
	}
	if d.lookupWrite(dst, now) == nil {
		addColl(d, dst, kindSet, s)
	} else {
		d.set(dst, collValue(kindSet, unsafe.Pointer(s)), 0, false, now)
	}
	return int64(s.len())
}

// sinterStore is SINTERSTORE.
func (d *DB) sinterStore(dst string, keys []string, now int64) (int64, error) {
	sets, err := d.setsAt(keys, now)
	if err != nil {
		return 0, err
	}
	out := &set{}
	interSets(sets, func(e elem) bool { out.addElem(e); return true })
	return d.storeSet(dst, out, now), nil
}

// sunionDiff is SUNION (diff false) or SDIFF: the result as a new set.
func (d *DB) sunionDiff(keys []string, diff bool, now int64) (*set, error) {
	sets, err := d.setsAt(keys, now)
	if err != nil {
		return nil, err
	}
	if diff {
		return diffSets(sets), nil
	}
	return unionSets(sets), nil
}

// sunionDiffStore is SUNIONSTORE or SDIFFSTORE.
func (d *DB) sunionDiffStore(dst string, keys []string, diff bool, now int64) (int64, error) {
	s, err := d.sunionDiff(keys, diff, now)
	if err != nil {
		return 0, err
	}
	return d.storeSet(dst, s, now), nil
}

// sinterCard is SINTERCARD: the size of the intersection, counting at most
// limit members (0: no limit).
func (d *DB) sinterCard(keys []string, limit int64, now int64) (int64, error) {
	sets, err := d.setsAt(keys, now)
	if err != nil {
		return 0, err
	}
	var n int64
	interSets(sets, func(elem) bool {
		n++
		return limit == 0 || n < limit
	})
	return n, nil
}

// sscan is one SSCAN step over s: an intset is returned whole with cursor
// 0 (Redis does so for every compact encoding); a hashtable is scanned
// from cursor until count members are collected, the scan completes, or
// 10*count buckets were visited (scanGenericCommand). match filters the
// members (nil: keep all).
func (s *set) scan(cursor uint64, count int64, match func(string) bool) (uint64, []string) {
	var out []string
	keep := func(m string) {
		if match == nil || match(m) {
			out = append(out, m)
		}
	}
	if s.ht == nil {
		for _, n := range s.ints {
			keep(formatInt(n))
		}
		return 0, out
	}
	cursor = scanDict(s.ht, cursor, count, false, func(m string, _ struct{}) { keep(m) })
	return cursor, out
}

// --- typed API ---

// Set is the set at a key of a database, from DB.SetOf. Its methods take
// the locks they need, like every typed API method; a Set is only a name
// and may be kept and reused.
type Set struct {
	db  *DB
	key string
}

// SetOf returns the set at key (SetOf, because Set is the string SET):
//
//	tags := db.SetOf("tags")
//	tags.Add("go", "redis")
func (d *DB) SetOf(key string) Set { return Set{d, key} }

// Key returns the set's key.
func (s Set) Key() string { return s.key }

// read runs fn on the set (nil if the key is missing) under a read lock.
func (s Set) read(fn func(st *set) error) error {
	return s.db.readKey(s.key, func(now int64) error {
		st, err := s.db.setAt(s.key, now)
		if err != nil {
			return err
		}
		return fn(st)
	})
}

// write runs fn under the key's write lock.
func (s Set) write(fn func(now int64) error) error { return s.db.writeKey(s.key, fn) }

// withKeys runs fn with s's key and others locked (write for the STORE
// forms and SMOVE), in the global lock order.
func (s Set) withKeys(write bool, others []string, fn func(keys []string, now int64) error) error {
	keys := append([]string{s.key}, others...)
	return s.db.lockKeysErr(write, keys, 1, func(now int64) error { return fn(keys, now) })
}

// Add adds members and returns how many were not already there (SADD).
func (s Set) Add(members ...string) (int64, error) {
	var n int64
	err := s.write(func(now int64) (err error) {
		n, err = s.db.sadd(s.key, members, now)
		return err
	})
	return n, err
}

// Remove removes members and returns how many were there (SREM). The key
// is deleted when the set becomes empty.
func (s Set) Remove(members ...string) (int64, error) {
	var n int64
	err := s.write(func(now int64) (err error) {
		n, err = s.db.srem(s.key, members, now)
		return err
	})
	return n, err
}

// Members returns every member (SMEMBERS): an integer set in ascending
// order, any other in no particular order.
func (s Set) Members() ([]string, error) {
	var out []string
	err := s.read(func(st *set) error {
		if st != nil {
			out = st.members()
		}
		return nil
	})
	return out, err
}

// Contains reports whether member is in the set (SISMEMBER).
func (s Set) Contains(member string) (bool, error) {
	var ok bool
	err := s.read(func(st *set) error {
		ok = st != nil && st.has(member)
		return nil
	})
	return ok, err
}

// ContainsEach reports, for each of members, whether it is in the set
// (SMISMEMBER).
func (s Set) ContainsEach(members ...string) ([]bool, error) {
	out := make([]bool, len(members))
	err := s.read(func(st *set) error {
		st.hasEach(members, func(i int, ok bool) { out[i] = ok })
		return nil
	})
	return out, err
}

// Len returns the number of members (SCARD), 0 if the key is missing.
func (s Set) Len() (int64, error) {
	var n int64
	err := s.read(func(st *set) error {
		if st != nil {
			n = int64(st.len())
		}
		return nil
	})
	return n, err
}

// Pop removes and returns a random member (SPOP); ErrNil if the set is
// empty.
func (s Set) Pop() (string, error) {
	var m string
	err := s.write(func(now int64) (err error) {
		m, err = s.db.spop(s.key, now)
		return err
	})
	return m, err
}

// PopN removes and returns up to count distinct random members (SPOP key
// count). A negative count is ErrNegativeCount.
func (s Set) PopN(count int) ([]string, error) {
	if count < 0 {
		return nil, ErrNegativeCount
	}
	var out []string
	err := s.write(func(now int64) (err error) {
		out, err = s.db.spopN(s.key, uint64(count), now)
		return err
	})
	return out, err
}

// RandomMember returns a random member without removing it (SRANDMEMBER);
// ErrNil if the set is empty.
func (s Set) RandomMember() (string, error) {
	var m string
	err := s.read(func(st *set) error {
		if st == nil {
			return ErrNil
		}
		m = st.random().String()
		return nil
	})
	return m, err
}

// RandomMembers returns random members without removing them
// (SRANDMEMBER key count): with count >= 0, min(count, size) distinct
// members; with count < 0, exactly -count members that may repeat.
func (s Set) RandomMembers(count int) ([]string, error) {
	if int64(count) == minInt64 {
		return nil, errRandCountRange
	}
	var out []string
	err := s.read(func(st *set) error {
		if st != nil {
			st.randMembers(int64(count), func(n int) { out = make([]string, 0, min(n, st.len())) },
				func(e elem) bool { out = append(out, e.String()); return true })
		}
		return nil
	})
	return out, err
}

// Move moves member from this set to the set at dst (SMOVE) and reports
// whether it was here.
func (s Set) Move(member, dst string) (bool, error) {
	var ok bool
	err := s.withKeys(true, []string{dst}, func(_ []string, now int64) (err error) {
		ok, err = s.db.smove(s.key, dst, member, now)
		return err
	})
	return ok, err
}

// Inter returns the members this set has in common with the sets at
// others (SINTER); a missing key is an empty set.
func (s Set) Inter(others ...string) ([]string, error) {
	var out []string
	err := s.withKeys(false, others, func(keys []string, now int64) error {
		sets, err := s.db.setsAt(keys, now)
		if err == nil {
			interSets(sets, func(e elem) bool { out = append(out, e.String()); return true })
		}
		return err
	})
	return out, err
}

// InterCard returns the size of Inter's result, counting at most limit
// members when limit > 0 (SINTERCARD).
func (s Set) InterCard(limit int, others ...string) (int64, error) {
	if limit < 0 {
		return 0, ErrLimitNegative
	}
	var n int64
	err := s.withKeys(false, others, func(keys []string, now int64) (err error) {
		n, err = s.db.sinterCard(keys, int64(limit), now)
		return err
	})
	return n, err
}

// Union returns the members of this set and the sets at others (SUNION).
func (s Set) Union(others ...string) ([]string, error) { return s.unionDiff(false, others) }

// Diff returns the members of this set that none of the sets at others
// has (SDIFF).
func (s Set) Diff(others ...string) ([]string, error) { return s.unionDiff(true, others) }

func (s Set) unionDiff(diff bool, others []string) ([]string, error) {
	var out []string
	err := s.withKeys(false, others, func(keys []string, now int64) error {
		res, err := s.db.sunionDiff(keys, diff, now)
		if err == nil {
			out = res.members()
		}
		return err
	})
	return out, err
}

// StoreInter replaces this set with the intersection of the sets at keys
// (SINTERSTORE) and returns its size; an empty result deletes the key.
// Whatever the key held before, and its TTL, is replaced.
func (s Set) StoreInter(keys ...string) (int64, error) {
	return s.store("sinterstore", keys, func(now int64) (int64, error) { return s.db.sinterStore(s.key, keys, now) })
}

// StoreUnion is StoreInter for the union (SUNIONSTORE).
func (s Set) StoreUnion(keys ...string) (int64, error) {
	return s.store("sunionstore", keys, func(now int64) (int64, error) { return s.db.sunionDiffStore(s.key, keys, false, now) })
}

// StoreDiff is StoreInter for the difference keys[0] - keys[1] - ...
// (SDIFFSTORE).
func (s Set) StoreDiff(keys ...string) (int64, error) {
	return s.store("sdiffstore", keys, func(now int64) (int64, error) { return s.db.sunionDiffStore(s.key, keys, true, now) })
}

func (s Set) store(name string, keys []string, op func(now int64) (int64, error)) (int64, error) {
	if len(keys) == 0 {
		return 0, resp.ErrorReply("ERR wrong number of arguments for '" + name + "' command")
	}
	var n int64
	err := s.withKeys(true, keys, func(_ []string, now int64) (err error) {
		n, err = op(now)
		return err
	})
	return n, err
}

// Scan yields the members matching pattern ("" or "*" for all) with
// SSCAN's guarantee: a member present for the whole iteration is yielded
// at least once (possibly more often), and no lock is held between steps.
// ErrWrongType is yielded once, as the only element, if the key holds
// another type.
func (s Set) Scan(pattern string) iter.Seq2[string, error] {
	match := typedScanArgs(pattern, 100).match()
	return func(yield func(string, error) bool) {
		var cursor uint64
		for {
			var page []string
			err := s.read(func(st *set) error {
				if st != nil {
					cursor, page = st.scan(cursor, 100, match)
				} else {
					cursor = 0
				}
				return nil
			})
			if err != nil {
				yield("", err)
				return
			}
			for _, m := range page {
				if !yield(m, nil) {
					return
				}
			}
			if cursor == 0 {
				return
			}
		}
	}
}
