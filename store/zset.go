package store

// This file is the sorted-set type: its structure, the operations that
// require the key's shard lock (shared by the command handlers in
// zset_cmd.go and by the typed API at the end of this file), and the typed
// API.
//
// # Structure
//
// A sorted set is a zset: a counted B+ tree of (score, member) elements
// (internal/ztree), ordered by score and then by member bytes as Redis's
// skiplist is, and, once the set is large, a dict from member to score
// (internal/dict).
//
//   - While the set has at most zsetMaxListpackEntries members and none is
//     longer than zsetMaxListpackValue bytes, dict is nil: the tree (then a
//     single leaf, a sorted array) is the whole set, a member is found by a
//     linear scan, and OBJECT ENCODING reports "listpack", as Redis's
//     listpack, which is also a sorted array scanned linearly, at the same
//     sizes.
//   - Past either limit the dict is built and kept from then on ("skiplist"):
//     member → score in O(1), the tree for everything ordered. The dict
//     keeps each score in its table, beside the member's slot (its hint),
//     and its nodes hold the members alone (newMemberIndex). As in Redis
//     the conversion is one-way, except that a destination written by
//     ZUNIONSTORE, ZINTERSTORE, ZDIFFSTORE or ZRANGESTORE is built small
//     when its result is small (zsetConvertToListpackIfNeeded).
//
// Invariants: tree and dict (when present) hold the same members with the
// same scores; no score is NaN; a zset stored at a key is never empty
// (commands that remove elements delete the key with dropIfEmpty, or do
// it themselves).
//
// # Meeting Redis's complexity
//
// ZADD, ZREM, ZINCRBY: a dict lookup, then an O(log n) tree insert or
// delete; a score change that keeps the element between its neighbours
// updates it in place, as Redis's zslUpdateScore does. ZRANK: the score,
// then the tree's rank query, O(log n); the score beside the member's slot
// starts the descent while the member's node is confirmed (guessRank), so
// on a set larger than the cache the lookup's misses and the tree's
// overlap; ZREM finds its element's rank the same way. ZRANGE by index:
// the tree's select, O(log n), then O(1) per element. Score and lex ranges: two O(log n) searches for the bounds, so
// ZCOUNT and ZLEXCOUNT are O(log n) and a range is O(log n + m);
// ZREMRANGEBY* remove the m elements in O(log n + m) (ztree.DeleteRange).
// LIMIT offsets are rank arithmetic, O(log n), where Redis's skiplist walks
// them.
//
// # Locking
//
// Every operation here requires the shard lock(s) of its keys; read-only
// commands hold them for reading and never modify a zset (the dict's and
// the tree's read paths do not mutate). The typed API takes the locks
// itself (writeKey, readKey, lockKeysErr).
//
// # Snapshots
//
// A point-in-time snapshot copies a small zset (one leaf of at most 128
// elements) under the shard lock, which is as cheap as copying the entry.
// A large one would be snapshotted copy-on-write: the tree by generations
// (ztree's package doc), the member index by rebuilding it from the
// snapshot's tree, which the snapshot owns, so writers never wait for more
// than the O(log n) node copies of their own writes.

import (
	"iter"
	"math"
	"slices"
	"sort"
	"strings"
	"unsafe"

	"github.com/embedis/embedis/internal/alloc"
	"github.com/embedis/embedis/internal/dict"
	"github.com/embedis/embedis/internal/redisstr"
	"github.com/embedis/embedis/internal/ztree"
	"github.com/embedis/embedis/resp"
)

// Redis's defaults for zset-max-listpack-entries and -value.
const (
	zsetMaxListpackEntries = 128
	zsetMaxListpackValue   = 64
)

// Sorted-set errors, with Redis's texts.
var (
	ErrZAddXXNX       = resp.ErrorReply("ERR XX and NX options at the same time are not compatible")
	ErrZAddGTLTNX     = resp.ErrorReply("ERR GT, LT, and/or NX options at the same time are not compatible")
	ErrZAddIncrPairs  = resp.ErrorReply("ERR INCR option supports a single increment-element pair")
	ErrZScoreNaN      = resp.ErrorReply("ERR resulting score is not a number (NaN)")
	ErrZMinMaxFloat   = resp.ErrorReply("ERR min or max is not a float")
	ErrZMinMaxLex     = resp.ErrorReply("ERR min or max not valid string range item")
	ErrZWeightFloat   = resp.ErrorReply("ERR weight value is not a float")
	ErrZRangeLimit    = resp.ErrorReply("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX")
	ErrZRangeLexScore = resp.ErrorReply("ERR syntax error, WITHSCORES not supported in combination with BYLEX")
)

// Z is a sorted-set element.
type Z struct {
	Score  float64
	Member string
}

// zset is a sorted set (see the file comment).
type zset struct {
	accounted
	tree ztree.Tree
	dict *dict.Dict[float64] // member → score; nil while listpack-encoded
	// memberBytes is the heap of the members' bytes (alloc.Size of each),
	// which the tree holds while the set is listpack-encoded; with a dict,
	// the dict's nodes hold them and count them.
	memberBytes int64
}

// The collection's accounting is its first field (see accounted).
var _ = [1]struct{}{}[unsafe.Offsetof(zset{}.accounted)]

func init() {
	registerKind[zset](kindZSet, "zset")
}

// size is the heap z holds, in O(1) (the tree's part is an estimate: see
// ztree's Bytes). The at most 128 members a set had when it left the
// listpack encoding stay in the tree as its own strings, uncounted.
func (z *zset) size() int64 {
	n := zsetBytes + z.tree.Bytes()
	if z.dict != nil {
		return n + z.dict.Bytes()
	}
	return n + z.memberBytes
}

var zsetBytes = int64(alloc.Size(int(unsafe.Sizeof(zset{}))))

// charged is deferred by each primitive that changes z's size, with the
// size before the change.
func (z *zset) charged(before int64) { z.charge(before, z.size()) }

func (z *zset) len() int { return z.tree.Len() }

func (z *zset) encoding() string {
	if z.dict == nil {
		return "listpack"
	}
	return "skiplist"
}

func (z *zset) clone() *zset {
	if z.dict == nil {
		return &zset{tree: *z.tree.Clone(), memberBytes: z.memberBytes}
	}
	// Rebuilt rather than cloned, so that the copy's tree shares its own
	// dict's member bytes, not the original's (which they would keep
	// alive after the original is gone). In order, the inserts fill the
	// tree's leaves.
	c := &zset{dict: newMemberIndex()}
	for it := range z.tree.All(0, false) {
		c.insert(it.Member, it.Score)
	}
	return c
}

// newMemberIndex returns an empty member index (member → score) for the
// large encoding. Its table keeps each score beside the member's slot (its
// hint), from which rank starts its descent of the tree, and its nodes
// hold the members alone.
func newMemberIndex() *dict.Dict[float64] {
	d := &dict.Dict[float64]{}
	d.KeepValuesInHints()
	return d
}

// buildDict converts a listpack-sized set to the large encoding. The tree
// keeps its own member strings here (they are at most 128); members added
// from now on share the dict's copy (insert).
func (z *zset) buildDict() {
	z.dict = newMemberIndex()
	for it := range z.tree.All(0, false) {
		z.dict.Set(it.Member, it.Score)
	}
}

// score returns member's score.
func (z *zset) score(member string) (float64, bool) {
	if z.dict != nil {
		return z.dict.Get(member)
	}
	for it := range z.tree.All(0, false) {
		if it.Member == member {
			return it.Score, true
		}
	}
	return 0, false
}

// scoreEach calls fn(i, score, present) for each of members in order, as
// score would answer (a nil set, a missing key, has no members); a
// skiplist-encoded set's lookups overlap their cache misses.
func (z *zset) scoreEach(members []string, fn func(i int, s float64, ok bool)) {
	if z == nil {
		absentEach(members, fn)
		return
	}
	dictEach(members, z.dict, z.score, fn)
}

// insert adds member, which must be absent, converting the set to the
// large encoding first when it outgrows the small one.
func (z *zset) insert(member string, score float64) {
	before := z.size()
	z.memberBytes += strBytes(member)
	if z.dict == nil && (z.len()+1 > zsetMaxListpackEntries || len(member) > zsetMaxListpackValue) {
		z.buildDict()
	}
	if z.dict != nil {
		member, _ = z.dict.Add(member, score) // the tree shares the dict's bytes
	}
	z.tree.Insert(ztree.Item{Score: z.stored(score), Member: member})
	z.charge(before, z.size())
}

// stored is score as the set keeps it: a listpack stores an integral
// score as an integer (zzlInsertAt), which turns -0 into 0.
func (z *zset) stored(score float64) float64 {
	if z.dict == nil && score == 0 {
		return 0
	}
	return score
}

// update changes present member's score from old to score.
func (z *zset) update(member string, old, score float64) {
	defer z.charged(z.size()) // the tree may change shape
	if z.dict != nil {
		*z.dict.Ptr(member) = score
	}
	r := z.position(member, old)
	if z.tree.SetScoreAt(r, z.stored(score)) {
		return // it stays between its neighbours: updated in place
	}
	// prev.Member is the set's own copy (the dict's bytes, when it has a
	// dict), not the caller's string.
	prev := z.tree.DeleteAt(r)
	z.tree.Insert(ztree.Item{Score: z.stored(score), Member: prev.Member})
}

// remove deletes member and reports whether it was present.
func (z *zset) remove(member string) bool {
	r, ok := z.rank(member, false)
	if ok {
		z.removeRanks(r, r+1)
	}
	return ok
}

// position is the rank of member, present with score s.
func (z *zset) position(member string, s float64) int {
	return z.tree.Index(ztree.Item{Score: s, Member: member})
}

// removeRanks deletes the elements of ranks [lo, hi).
func (z *zset) removeRanks(lo, hi int) int {
	if lo >= hi {
		return 0
	}
	defer z.charged(z.size())
	if hi-lo == 1 {
		z.forget(z.tree.DeleteAt(lo))
		return 1
	}
	z.tree.DeleteRange(lo, hi, z.forget)
	return hi - lo
}

// forget drops a member the tree no longer holds from the dict and the
// count of member bytes.
func (z *zset) forget(it ztree.Item) {
	z.memberBytes -= strBytes(it.Member)
	if z.dict != nil {
		z.dict.Delete(it.Member)
	}
}

// rank returns member's 0-based rank, from the highest score if reverse.
func (z *zset) rank(member string, reverse bool) (int, bool) {
	r, ok := z.guessRank(member)
	if !ok {
		var s float64
		if s, ok = z.score(member); !ok {
			return 0, false
		}
		r = z.position(member, s)
	}
	if reverse {
		r = z.len() - 1 - r
	}
	return r, true
}

// guessRank is rank's way on a large set, when it works (ok): the score
// kept beside the member's slot in the member index (its hint) starts the
// tree's descent before the member's node is read, and the node is
// confirmed while the leaf is loaded. Looking the score up first makes
// three misses follow one another on a set larger than the cache (the
// slot, the node, the leaf); here the slot's line and its hints' come
// together, then the node's and the leaf's.
func (z *zset) guessRank(member string) (int, bool) {
	if z.dict == nil {
		return 0, false
	}
	g, ok := z.dict.Guess(member)
	if !ok {
		return 0, false
	}
	it := ztree.Item{Score: g.Value, Member: member}
	at := z.tree.Seek(it)
	key := g.Key()
	r := at.Index(it)
	return r, key == member
}

// zsetFromSorted builds a set from elements sorted by (score, member),
// encoded as Redis encodes a new destination of that size.
func zsetFromSorted(items []ztree.Item) *zset {
	z := &zset{}
	big := len(items) > zsetMaxListpackEntries
	for _, it := range items {
		big = big || len(it.Member) > zsetMaxListpackValue
	}
	if big {
		z.dict = newMemberIndex()
	}
	for _, it := range items {
		member := it.Member
		if big {
			member, _ = z.dict.Add(member, it.Score)
		}
		z.memberBytes += strBytes(member)
		z.tree.Insert(ztree.Item{Score: z.stored(it.Score), Member: member})
	}
	return z
}

// --- ranges ---

// scoreRange is a parsed score interval (zrangespec).
type scoreRange struct {
	min, max     float64
	minex, maxex bool
}

// parseScoreRange parses min and max as zslParseRange does: strtod, with
// "(" for an exclusive bound.
func parseScoreRange(min, max string) (scoreRange, error) {
	var r scoreRange
	var ok1, ok2 bool
	r.min, r.minex, ok1 = parseScoreBound(min)
	r.max, r.maxex, ok2 = parseScoreBound(max)
	if !ok1 || !ok2 {
		return r, ErrZMinMaxFloat
	}
	return r, nil
}

func parseScoreBound(s string) (v float64, ex, ok bool) {
	if strings.HasPrefix(s, "(") {
		s, ex = s[1:], true
	}
	v, ok = redisstr.Strtod(s)
	return v, ex, ok
}

func (r scoreRange) gteMin(s float64) bool {
	if r.minex {
		return s > r.min
	}
	return s >= r.min
}

func (r scoreRange) lteMax(s float64) bool {
	if r.maxex {
		return s < r.max
	}
	return s <= r.max
}

func (r scoreRange) empty() bool {
	return r.min > r.max || r.min == r.max && (r.minex || r.maxex)
}

// bounds returns the ranks [lo, hi) of the elements in r.
func (r scoreRange) bounds(z *zset) (lo, hi int) {
	if r.empty() {
		return 0, 0
	}
	lo = z.tree.Search(func(it ztree.Item) bool { return r.gteMin(it.Score) })
	hi = z.tree.Search(func(it ztree.Item) bool { return !r.lteMax(it.Score) })
	return lo, max(lo, hi)
}

// lexBound is one end of a lex range: "-", "+", or a member, inclusive
// or not.
type lexBound struct {
	inf int // -1 for "-", +1 for "+", 0 for s
	s   string
	ex  bool
}

// lexRange is a parsed lex interval (zlexrangespec).
type lexRange struct{ min, max lexBound }

func parseLexRange(min, max string) (lexRange, error) {
	a, ok1 := parseLexBound(min)
	b, ok2 := parseLexBound(max)
	if !ok1 || !ok2 {
		return lexRange{}, ErrZMinMaxLex
	}
	return lexRange{a, b}, nil
}

func parseLexBound(s string) (lexBound, bool) {
	if s == "" {
		return lexBound{}, false
	}
	switch s[0] {
	case '+', '-':
		if len(s) != 1 {
			return lexBound{}, false
		}
		if s[0] == '+' {
			return lexBound{inf: 1, ex: true}, true
		}
		return lexBound{inf: -1, ex: true}, true
	case '(':
		return lexBound{s: s[1:], ex: true}, true
	case '[':
		return lexBound{s: s[1:]}, true
	}
	return lexBound{}, false
}

// cmpLex compares a member (inf 0) or bound with another bound, as
// sdscmplex: "-" is below every string and "+" above; "-" equals "-".
func cmpLex(a, b lexBound) int {
	if a.inf != 0 || b.inf != 0 {
		return a.inf - b.inf
	}
	return strings.Compare(a.s, b.s)
}

func (r lexRange) gteMin(m string) bool {
	c := cmpLex(lexBound{s: m}, r.min)
	return c > 0 || c == 0 && !r.min.ex
}

func (r lexRange) lteMax(m string) bool {
	c := cmpLex(lexBound{s: m}, r.max)
	return c < 0 || c == 0 && !r.max.ex
}

func (r lexRange) empty() bool {
	c := cmpLex(r.min, r.max)
	return c > 0 || c == 0 && (r.min.ex || r.max.ex)
}

// mayMatch is zzlIsInLexRange: false when the range is empty, the last
// element is below min or the first above max. (With mixed scores these
// checks can rule out elements that are in the range.)
func (r lexRange) mayMatch(z *zset) bool {
	n := z.len()
	return !r.empty() && n > 0 && r.gteMin(z.tree.At(n-1).Member) && r.lteMax(z.tree.At(0).Member)
}

// bounds returns the ranks [lo, hi) of the elements in r, walking forward
// from the first element >= min. Lex ranges assume every score is equal;
// when they are not, a listpack-encoded set gives exactly Redis's answer
// (its linear scan, reproduced here), a large one a binary search's, as
// Redis's answer then depends on its skiplist's random levels.
func (r lexRange) bounds(z *zset) (lo, hi int) {
	if !r.mayMatch(z) {
		return 0, 0
	}
	if z.dict != nil {
		lo = z.tree.Search(func(it ztree.Item) bool { return r.gteMin(it.Member) })
		hi = z.tree.Search(func(it ztree.Item) bool { return !r.lteMax(it.Member) })
		return lo, max(lo, hi)
	}
	i, found := 0, false
	for it := range z.tree.All(0, false) {
		if !found && r.gteMin(it.Member) {
			found, lo = true, i
		}
		if found && !r.lteMax(it.Member) {
			return lo, i
		}
		i++
	}
	if !found {
		return 0, 0
	}
	return lo, i
}

// revBounds is bounds for a walk backward from the last element <= max
// (ZREVRANGEBYLEX): it returns the ranks [lo, hi) walked.
func (r lexRange) revBounds(z *zset) (lo, hi int) {
	if z.dict != nil || !r.mayMatch(z) {
		return r.bounds(z)
	}
	n := z.len()
	i, found := n-1, false
	for it := range z.tree.All(n-1, true) {
		if !found && r.lteMax(it.Member) {
			found, hi = true, i+1
		}
		if found && !r.gteMin(it.Member) {
			return i + 1, hi
		}
		i--
	}
	if !found {
		return 0, 0
	}
	return 0, hi
}

// limit returns the ranks [lo, hi) that ZRANGEBYLEX with LIMIT offset
// count replies, walking forward (backward when reverse). Redis finds the
// first element in the range, steps over offset elements without looking
// at them, and then takes elements while they are in the range. When every
// score is equal, which lex ranges assume, that is limitRanks' slice of
// the range; with mixed scores the elements stepped over may lie outside
// the range and the ones after them inside it, so it walks as Redis does.
func (r lexRange) limit(z *zset, offset, count int64, reverse bool) (int, int) {
	var lo, hi int
	if reverse {
		lo, hi = r.revBounds(z)
	} else {
		lo, hi = r.bounds(z)
	}
	if lo >= hi || offset < 0 {
		return 0, 0
	}
	if !reverse {
		start := int64(lo) + offset
		if start >= int64(z.len()) {
			return 0, 0
		}
		end := int(start)
		for it := z.tree.IterAt(end, false); end-int(start) != int(count) && it.Next() && r.lteMax(it.Item().Member); {
			end++
		}
		return int(start), end
	}
	last := int64(hi) - 1 - offset
	if last < 0 {
		return 0, 0
	}
	first := int(last) + 1
	for it := z.tree.IterAt(int(last), true); int(last)+1-first != int(count) && it.Next() && r.gteMin(it.Item().Member); {
		first--
	}
	return first, int(last) + 1
}

// limitRanks applies LIMIT offset count to the ranks [lo, hi) walked
// forward, or backward when reverse. A negative offset gives nothing (Redis
// walks off the end), a negative count means all.
func limitRanks(lo, hi int, offset, count int64, reverse bool) (int, int) {
	if offset < 0 || offset >= int64(hi-lo) {
		return 0, 0
	}
	n := int64(hi-lo) - offset
	if count >= 0 {
		n = min(n, count)
	}
	if reverse {
		return hi - int(offset) - int(n), hi - int(offset)
	}
	return lo + int(offset), lo + int(offset) + int(n)
}

// items returns the elements of ranks [lo, hi), backward when reverse.
func (z *zset) items(lo, hi int, reverse bool) []ztree.Item {
	if lo >= hi {
		return nil
	}
	out := make([]ztree.Item, 0, hi-lo)
	start := lo
	if reverse {
		start = hi - 1
	}
	it := z.tree.IterAt(start, reverse)
	for len(out) < hi-lo && it.Next() {
		out = append(out, it.Item())
	}
	return out
}

// --- operations (the caller holds the key's shard lock) ---

// readZSet returns the sorted set at key, nil if missing, or ErrWrongType.
func (d *DB) readZSet(key string, now int64) (*zset, error) {
	return readColl[zset](d, key, now, kindZSet)
}

// zaddFlags are ZADD's options.
type zaddFlags struct {
	nx, xx, gt, lt, ch, incr bool
}

func (f zaddFlags) check(pairs int) error {
	switch {
	case f.nx && f.xx:
		return ErrZAddXXNX
	case f.gt && f.nx || f.lt && f.nx || f.gt && f.lt:
		return ErrZAddGTLTNX
	case f.incr && pairs > 1:
		return ErrZAddIncrPairs
	}
	return nil
}

// zaddResult is what ZADD did.
type zaddResult struct {
	added, updated int
	score          float64 // INCR: the new score
	done           bool    // INCR: whether the element was added or updated
}

// zadd is ZADD (and ZINCRBY, with incr) after argument parsing: elems
// are the score-member pairs with their scores parsed.
func (d *DB) zadd(key string, f zaddFlags, elems []Z, now int64) (zaddResult, error) {
	var res zaddResult
	_, z, err := writeColl[zset](d, key, now, kindZSet)
	if err != nil || z == nil && f.xx {
		return res, err
	}
	if z == nil {
		z = &zset{}
		if len(elems[0].Member) > zsetMaxListpackValue {
			z.dict = newMemberIndex()
		}
		defer func() {
			if z.len() > 0 {
				addColl(d, key, kindZSet, z)
			}
		}()
	}
	z.dict.Warm(len(elems), func(i int) string { return elems[i].Member })
	for _, el := range elems {
		score := el.Score
		cur, ok := z.score(el.Member)
		switch {
		case ok && f.nx:
			continue
		case ok:
			if f.incr {
				if score += cur; math.IsNaN(score) {
					return res, ErrZScoreNaN
				}
			}
			if f.lt && score >= cur || f.gt && score <= cur {
				continue
			}
			res.score, res.done = score, true
			if score != cur {
				z.update(el.Member, cur, score)
				res.updated++
			}
		case !f.xx:
			z.insert(el.Member, score)
			res.score, res.done = score, true
			res.added++
		}
	}
	return res, nil
}

// zrem is ZREM: it returns the number of members removed.
func (d *DB) zrem(key string, members []string, now int64) (int, error) {
	e, z, err := writeColl[zset](d, key, now, kindZSet)
	if z == nil {
		return 0, err
	}
	z.dict.Warm(len(members), func(i int) string { return members[i] })
	n := 0
	for _, m := range members {
		if z.remove(m) {
			n++
			if z.len() == 0 {
				break
			}
		}
	}
	d.dropIfEmpty(e)
	return n, nil
}

// zremRange removes the ranks [lo, hi) that bounds computes from the set
// at key (ZREMRANGEBYRANK, ZREMRANGEBYSCORE, ZREMRANGEBYLEX).
func (d *DB) zremRange(key string, now int64, bounds func(z *zset) (int, int)) (int, error) {
	e, z, err := writeColl[zset](d, key, now, kindZSet)
	if z == nil {
		return 0, err
	}
	lo, hi := bounds(z)
	n := z.removeRanks(lo, hi)
	d.dropIfEmpty(e)
	return n, nil
}

// popZSet removes and returns up to count elements with the lowest scores
// (or the highest, when max), in pop order; it deletes the key when the
// set becomes empty. It returns nil, nil when the key is missing. The
// blocking pops (store/blocking.go) serve waiters with it.
func (d *DB) popZSet(key string, now int64, max bool, count int) ([]Z, error) {
	e, z, err := writeColl[zset](d, key, now, kindZSet)
	if z == nil {
		return nil, err
	}
	n := min(count, z.len())
	lo, hi := 0, n
	if max {
		lo, hi = z.len()-n, z.len()
	}
	items := z.items(lo, hi, max)
	z.removeRanks(lo, hi)
	d.dropIfEmpty(e)
	return zs(items), nil
}

// zs converts tree items to Zs without copying.
func zs(items []ztree.Item) []Z { return *(*[]Z)(unsafe.Pointer(&items)) }

// storeZSet replaces dst with z (or deletes it when z is empty), as
// Redis's *STORE commands do: the old value and TTL go. It returns z's
// length.
func (d *DB) storeZSet(dst string, z *zset, now int64) int {
	d.remove(dst, now)
	if z.len() == 0 {
		return 0
	}
	addColl(d, dst, kindZSet, z)
	return z.len()
}

// zsrc is one input of a set operation: a sorted set, or a plain set
// (ZUNION, ZINTER, ZDIFF and ZINTERCARD accept them, each member with
// score 1).
type zsrc struct {
	z      *zset
	set    *set
	weight float64
}

func (s *zsrc) length() int {
	switch {
	case s.z != nil:
		return s.z.len()
	case s.set != nil:
		return s.set.len()
	}
	return 0
}

// same reports whether s and o read the same key's value.
func (s *zsrc) same(o *zsrc) bool {
	return s.z != nil && s.z == o.z || s.set != nil && s.set == o.set
}

// items yields the source's members with their scores (a set's score 1),
// in the order of its tree or its set.
func (s *zsrc) items(yield func(ztree.Item) bool) {
	switch {
	case s.z != nil:
		for it := range s.z.tree.All(0, false) {
			if !yield(it) {
				return
			}
		}
	case s.set != nil:
		s.set.each(func(e elem) bool { return yield(ztree.Item{Score: 1, Member: e.String()}) })
	}
}

// findEach calls fn(i, score, present) for each of batch's members not
// marked in skip, as a lookup of the member in the source answers (a set's
// members score 1); a large set's lookups overlap their cache misses.
func (s *zsrc) findEach(batch []ztree.Item, skip *[memberBatch]bool, fn func(i int, score float64, ok bool)) {
	names, at, k := unmarked(batch, skip, func(it ztree.Item) string { return it.Member })
	switch {
	case s.z != nil:
		s.z.scoreEach(names[:k], func(j int, v float64, ok bool) { fn(at[j], v, ok) })
	case s.set != nil:
		s.set.hasEach(names[:k], func(j int, ok bool) { fn(at[j], 1, ok) })
	default:
		for j := range k {
			fn(at[j], 0, false)
		}
	}
}

// zsetOp is the operation of zsetCombine.
type zsetOp int

const (
	zopUnion zsetOp = iota
	zopInter
	zopDiff
)

// Aggregates of ZUNION and ZINTER.
const (
	aggSum = iota
	aggMin
	aggMax
)

// zsources looks up the inputs of a set operation: sorted sets, sets, or
// missing keys (empty inputs).
func (d *DB) zsources(keys []string, now int64) ([]zsrc, error) {
	src := make([]zsrc, len(keys))
	for i, k := range keys {
		src[i].weight = 1
		e := d.lookupRead(k, now)
		switch {
		case e == nil:
		case e.val.kind == kindZSet:
			src[i].z = (*zset)(e.val.p)
		case e.val.kind == kindSet:
			src[i].set = (*set)(e.val.p)
		default:
			return nil, ErrWrongType
		}
	}
	return src, nil
}

func aggregate(target *float64, v float64, agg int) {
	switch agg {
	case aggSum:
		*target += v
		if math.IsNaN(*target) { // inf + -inf: Redis's convention is 0
			*target = 0
		}
	// Redis's comparisons, not Go's min and max: a NaN (inf times a zero
	// weight) never replaces the score, and -0 and +0 keep whichever came
	// first.
	case aggMin:
		if v < *target {
			*target = v
		}
	case aggMax:
		if v > *target {
			*target = v
		}
	}
}

// zsetCombine computes a union, intersection or difference of src (with
// their weights, for union and intersection) as zunionInterDiffGenericCommand
// does, sorted by (score, member). The scores are exact: Redis builds the
// result in the large encoding, and only a stored destination that is
// small enough becomes a listpack (zsetFromSorted). With cardOnly
// (ZINTERCARD) it only counts, stopping at limit (0: no limit).
func zsetCombine(src []zsrc, op zsetOp, agg int, cardOnly bool, limit int64) ([]ztree.Item, int64) {
	if op != zopDiff {
		// Smallest first, stably as glibc's qsort (a merge sort) orders them.
		sort.SliceStable(src, func(i, j int) bool { return src[i].length() < src[j].length() })
	}
	var out []ztree.Item
	var card int64
	switch op {
	case zopInter:
		if src[0].length() == 0 {
			break
		}
		inBatches(src[0].items, func(batch []ztree.Item) bool {
			var score [memberBatch]float64
			for i, it := range batch {
				if score[i] = src[0].weight * it.Score; math.IsNaN(score[i]) {
					score[i] = 0
				}
			}
			// Each source in turn, so that a member's score aggregates
			// them in order, as Redis's loop over the sources does.
			var gone [memberBatch]bool
			for j := 1; j < len(src); j++ {
				w := src[j].weight
				if src[j].same(&src[0]) {
					for i, it := range batch {
						if !gone[i] {
							aggregate(&score[i], it.Score*w, agg)
						}
					}
					continue
				}
				src[j].findEach(batch, &gone, func(i int, v float64, ok bool) {
					if !ok {
						gone[i] = true
					} else {
						aggregate(&score[i], v*w, agg)
					}
				})
			}
			for i, it := range batch {
				if gone[i] {
					continue
				}
				if limit > 0 && card >= limit {
					return false
				}
				card++
				if !cardOnly {
					out = append(out, ztree.Item{Score: score[i], Member: it.Member})
				}
			}
			return true
		})
	case zopUnion:
		acc := make(map[string]float64, src[len(src)-1].length())
		for i := range src {
			for it := range src[i].items {
				score := src[i].weight * it.Score
				if math.IsNaN(score) {
					score = 0
				}
				if cur, ok := acc[it.Member]; ok {
					aggregate(&cur, score, agg)
					acc[it.Member] = cur
				} else {
					acc[it.Member] = score
				}
			}
		}
		out = make([]ztree.Item, 0, len(acc))
		for m, s := range acc {
			out = append(out, ztree.Item{Score: s, Member: m})
		}
	case zopDiff:
		if src[0].length() == 0 {
			break
		}
		for j := 1; j < len(src); j++ {
			if src[j].same(&src[0]) {
				return nil, 0
			}
		}
		inBatches(src[0].items, func(batch []ztree.Item) bool {
			var gone [memberBatch]bool
			for j := 1; j < len(src); j++ {
				src[j].findEach(batch, &gone, func(i int, _ float64, ok bool) {
					if ok {
						gone[i] = true
					}
				})
			}
			for i, it := range batch {
				if !gone[i] {
					out = append(out, it)
				}
			}
			return true
		})
	}
	if cardOnly {
		return nil, card
	}
	slices.SortFunc(out, func(a, b ztree.Item) int {
		switch {
		case ztree.Less(a, b):
			return -1
		case ztree.Less(b, a):
			return 1
		}
		return 0
	})
	return out, int64(len(out))
}

// zrandMember picks count members of z as ZRANDMEMBER does: with
// repetition for a negative count, else distinct members; all of them, in
// order, when count >= the set's size. With repeats it stops early when
// more(n), asked with the number picked so far, returns false.
func (z *zset) randMembers(count int64, more func(n int) bool) []ztree.Item {
	n := z.len()
	switch {
	case count < 0 || count == 1:
		if count < 0 {
			count = -count
		}
		out := make([]ztree.Item, 0, min(count, 1<<16))
		for ; count > 0 && more(len(out)); count-- {
			out = append(out, z.random())
		}
		return out
	case count >= int64(n):
		// All of them, in the order Redis's zset iterator walks: from
		// the highest score down.
		return z.items(0, n, true)
	}
	// Distinct members: Floyd's sampling of count ranks out of n.
	picked := make(map[int]struct{}, count)
	out := make([]ztree.Item, 0, count)
	for j := n - int(count); j < n; j++ {
		r := int(randUint64() % uint64(j+1))
		if _, dup := picked[r]; dup {
			r = j
		}
		picked[r] = struct{}{}
		out = append(out, z.tree.At(r))
	}
	return out
}

// random returns a random element.
func (z *zset) random() ztree.Item {
	if z.dict != nil {
		m, s, _ := z.dict.Random(randUint64)
		return ztree.Item{Score: s, Member: m}
	}
	return z.tree.At(int(randUint64() % uint64(z.len())))
}

// scan is ZSCAN's step from cursor: a small set returns everything at
// once (cursor 0), with scores as its listpack stores them; a large one
// walks its dict from cursor as Redis's scanGenericCommand does.
func (z *zset) scan(cursor uint64, count int64, match func(string) bool) (uint64, []string) {
	var out []string
	emit := func(m, score string) {
		if match == nil || match(m) {
			out = append(out, m, score)
		}
	}
	if z.dict == nil {
		for it := range z.tree.All(0, false) {
			emit(it.Member, redisstr.D2String(it.Score))
		}
		return 0, out
	}
	cursor = scanDict(z.dict, cursor, count, true, func(m string, s float64) {
		emit(m, redisstr.FormatDouble(s))
	})
	return cursor, out
}

// --- typed API ---

// ZSet is a handle on the sorted set at a key; it holds no state and is
// cheap to make. Every method returns ErrWrongType when the key holds
// another type.
type ZSet struct {
	d   *DB
	key string
}

// ZSet returns a handle on the sorted set at key.
func (d *DB) ZSet(key string) ZSet { return ZSet{d, key} }

// ZAddOptions are ZADD's options: NX, XX, GT, LT and CH.
type ZAddOptions struct {
	NX, XX, GT, LT, CH bool
}

func (o ZAddOptions) flags() zaddFlags {
	return zaddFlags{nx: o.NX, xx: o.XX, gt: o.GT, lt: o.LT, ch: o.CH}
}

// Add adds or updates elems (ZADD) and returns the number added.
func (z ZSet) Add(elems ...Z) (int, error) { return z.AddWith(ZAddOptions{}, elems...) }

// AddWith is ZADD with options: it returns the number of elements added,
// or added and updated with CH.
func (z ZSet) AddWith(opts ZAddOptions, elems ...Z) (int, error) {
	f := opts.flags()
	if len(elems) == 0 {
		return 0, ErrSyntax
	}
	if err := f.check(len(elems)); err != nil {
		return 0, err
	}
	if err := checkScores(elems); err != nil {
		return 0, err
	}
	var res zaddResult
	err := z.d.writeKey(z.key, func(now int64) (err error) {
		res, err = z.d.zadd(z.key, f, elems, now)
		return err
	})
	if f.ch {
		return res.added + res.updated, err
	}
	return res.added, err
}

// checkScores rejects NaN scores, which no command can pass (Redis's
// parser refuses "nan").
func checkScores(elems []Z) error {
	for _, e := range elems {
		if math.IsNaN(e.Score) {
			return ErrNotFloat
		}
	}
	return nil
}

// IncrBy adds delta to member's score (ZINCRBY; a missing member counts as
// 0) and returns the new score.
func (z ZSet) IncrBy(member string, delta float64) (float64, error) {
	if math.IsNaN(delta) {
		return 0, ErrNotFloat
	}
	var res zaddResult
	err := z.d.writeKey(z.key, func(now int64) (err error) {
		res, err = z.d.zadd(z.key, zaddFlags{incr: true}, []Z{{delta, member}}, now)
		return err
	})
	return res.score, err
}

// read runs fn on the set (nil when the key is missing) under the key's
// read lock.
func (z ZSet) read(fn func(s *zset, now int64) error) error {
	return z.d.readKey(z.key, func(now int64) error {
		s, err := z.d.readZSet(z.key, now)
		if err != nil {
			return err
		}
		return fn(s, now)
	})
}

// Score returns member's score; ok is false when it is not a member.
func (z ZSet) Score(member string) (score float64, ok bool, err error) {
	err = z.read(func(s *zset, _ int64) error {
		if s != nil {
			score, ok = s.score(member)
		}
		return nil
	})
	return score, ok, err
}

// MScore returns the scores of members (ZMSCORE); NaN marks a member that
// is absent, as no score can be NaN.
func (z ZSet) MScore(members ...string) ([]float64, error) {
	out := make([]float64, len(members))
	err := z.read(func(s *zset, _ int64) error {
		s.scoreEach(members, func(i int, v float64, ok bool) {
			if !ok {
				v = math.NaN()
			}
			out[i] = v
		})
		return nil
	})
	return out, err
}

// Card returns the number of members (ZCARD).
func (z ZSet) Card() (int, error) {
	var n int
	err := z.read(func(s *zset, _ int64) error {
		if s != nil {
			n = s.len()
		}
		return nil
	})
	return n, err
}

// ScoreBound is one end of a score range: Inclusive(x), Exclusive(x), or
// the infinities.
type ScoreBound struct {
	Value     float64
	Exclusive bool
}

// Inclusive and Exclusive make score bounds; NegInf and PosInf are the
// open ends.
func Inclusive(v float64) ScoreBound { return ScoreBound{Value: v} }
func Exclusive(v float64) ScoreBound { return ScoreBound{Value: v, Exclusive: true} }

var (
	NegInf = ScoreBound{Value: math.Inf(-1)}
	PosInf = ScoreBound{Value: math.Inf(1)}
)

func scoreRangeOf(min, max ScoreBound) scoreRange {
	return scoreRange{min: min.Value, max: max.Value, minex: min.Exclusive, maxex: max.Exclusive}
}

// Count returns the number of members with a score between min and max
// (ZCOUNT).
func (z ZSet) Count(min, max ScoreBound) (int, error) {
	var n int
	err := z.read(func(s *zset, _ int64) error {
		if s != nil {
			lo, hi := scoreRangeOf(min, max).bounds(s)
			n = hi - lo
		}
		return nil
	})
	return n, err
}

// Rank returns member's 0-based rank by ascending score (ZRANK); ok is
// false when it is not a member.
func (z ZSet) Rank(member string) (rank int, ok bool, err error) {
	return z.rank(member, false)
}

// RevRank returns member's 0-based rank by descending score (ZREVRANK).
func (z ZSet) RevRank(member string) (rank int, ok bool, err error) {
	return z.rank(member, true)
}

func (z ZSet) rank(member string, reverse bool) (rank int, ok bool, err error) {
	err = z.read(func(s *zset, _ int64) error {
		if s != nil {
			rank, ok = s.rank(member, reverse)
		}
		return nil
	})
	return rank, ok, err
}

// Range returns the elements of ranks start to stop inclusive (negative
// counts from the end), by ascending score (ZRANGE ... WITHSCORES).
func (z ZSet) Range(start, stop int) ([]Z, error) { return z.rangeByRank(start, stop, false) }

// RevRange is Range by descending score (ZREVRANGE).
func (z ZSet) RevRange(start, stop int) ([]Z, error) { return z.rangeByRank(start, stop, true) }

func (z ZSet) rangeByRank(start, stop int, reverse bool) ([]Z, error) {
	var out []Z
	err := z.read(func(s *zset, _ int64) error {
		if s != nil {
			lo, hi := indexSpan(s.len(), int64(start), int64(stop))
			if reverse {
				lo, hi = s.len()-hi, s.len()-lo
			}
			out = zs(s.items(lo, hi, reverse))
		}
		return nil
	})
	return out, err
}

// RangeByScore returns the elements with a score between min and max, by
// ascending score, skipping offset of them and returning at most count
// (count < 0: all) (ZRANGEBYSCORE ... LIMIT).
func (z ZSet) RangeByScore(min, max ScoreBound, offset, count int) ([]Z, error) {
	return z.rangeBy(func(s *zset) (int, int) { return scoreRangeOf(min, max).bounds(s) }, offset, count, false)
}

// RevRangeByScore is RangeByScore by descending score, from max down to
// min (ZREVRANGEBYSCORE).
func (z ZSet) RevRangeByScore(max, min ScoreBound, offset, count int) ([]Z, error) {
	return z.rangeBy(func(s *zset) (int, int) { return scoreRangeOf(min, max).bounds(s) }, offset, count, true)
}

// RangeByLex returns the members between min and max in the lex order of
// a set whose scores are all equal (ZRANGEBYLEX): bounds are "-", "+",
// "[member" (inclusive) or "(member" (exclusive).
func (z ZSet) RangeByLex(min, max string, offset, count int) ([]string, error) {
	r, err := parseLexRange(min, max)
	if err != nil {
		return nil, err
	}
	var out []string
	err = z.read(func(s *zset, _ int64) error {
		if s != nil {
			lo, hi := r.limit(s, int64(offset), int64(count), false)
			out = members(zs(s.items(lo, hi, false)))
		}
		return nil
	})
	return out, err
}

func members(items []Z) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Member
	}
	return out
}

func (z ZSet) rangeBy(bounds func(*zset) (int, int), offset, count int, reverse bool) ([]Z, error) {
	var out []Z
	err := z.read(func(s *zset, _ int64) error {
		if s != nil {
			lo, hi := bounds(s)
			lo, hi = limitRanks(lo, hi, int64(offset), int64(count), reverse)
			out = zs(s.items(lo, hi, reverse))
		}
		return nil
	})
	return out, err
}

// Rem removes members (ZREM) and returns how many were present.
func (z ZSet) Rem(members ...string) (int, error) {
	var n int
	err := z.d.writeKey(z.key, func(now int64) (err error) {
		n, err = z.d.zrem(z.key, members, now)
		return err
	})
	return n, err
}

// RemRangeByRank removes the elements of ranks start to stop inclusive
// (ZREMRANGEBYRANK) and returns how many it removed.
func (z ZSet) RemRangeByRank(start, stop int) (int, error) {
	return z.remRange(rankBounds{int64(start), int64(stop)}.bounds)
}

// RemRangeByScore removes the elements with a score between min and max
// (ZREMRANGEBYSCORE).
func (z ZSet) RemRangeByScore(min, max ScoreBound) (int, error) {
	return z.remRange(scoreRangeOf(min, max).bounds)
}

func (z ZSet) remRange(bounds func(*zset) (int, int)) (int, error) {
	var n int
	err := z.d.writeKey(z.key, func(now int64) (err error) {
		n, err = z.d.zremRange(z.key, now, bounds)
		return err
	})
	return n, err
}

// PopMin removes and returns up to count elements with the lowest scores
// (ZPOPMIN).
func (z ZSet) PopMin(count int) ([]Z, error) { return z.pop(false, count) }

// PopMax removes and returns up to count elements with the highest scores
// (ZPOPMAX).
func (z ZSet) PopMax(count int) ([]Z, error) { return z.pop(true, count) }

func (z ZSet) pop(max bool, count int) ([]Z, error) {
	if count < 0 {
		return nil, ErrNegativeCount
	}
	var out []Z
	err := z.d.writeKey(z.key, func(now int64) (err error) {
		out, err = z.d.popZSet(z.key, now, max, count)
		return err
	})
	return out, err
}

// RandMember returns count random elements (ZRANDMEMBER ... WITHSCORES):
// distinct ones when count >= 0, possibly repeated when it is negative.
func (z ZSet) RandMember(count int) ([]Z, error) {
	var out []Z
	err := z.read(func(s *zset, _ int64) error {
		if s != nil && count != 0 {
			out = zs(s.randMembers(int64(count), func(int) bool { return true }))
		}
		return nil
	})
	return out, err
}

// All yields the elements by ascending score. It reads a page at a time
// under the key's lock and resumes after the last element it yielded, so
// an element present with the same score for the whole iteration is
// yielded exactly once, in order, while writers go on between pages.
// ErrWrongType is yielded once, as the only element, if the key holds
// another type.
func (z ZSet) All() iter.Seq2[Z, error] {
	return func(yield func(Z, error) bool) {
		const page = 256
		var last ztree.Item
		first := true
		for {
			var items []ztree.Item
			err := z.read(func(s *zset, _ int64) error {
				if s == nil {
					return nil
				}
				lo := 0
				if !first {
					lo = s.tree.Search(func(it ztree.Item) bool { return ztree.Less(last, it) })
				}
				items = s.items(lo, min(lo+page, s.len()), false)
				return nil
			})
			if err != nil {
				yield(Z{}, err)
				return
			}
			if len(items) == 0 {
				return
			}
			for _, it := range items {
				if !yield(Z(it), nil) {
					return
				}
			}
			last, first = items[len(items)-1], false
			if len(items) < page {
				return
			}
		}
	}
}

// Scan yields the members matching pattern ("" for all) and their scores
// with ZSCAN's guarantee: a member present for the whole scan is yielded
// at least once. It holds the key's lock only for each step. ErrWrongType
// is yielded once, as the only element, if the key holds another type.
func (z ZSet) Scan(pattern string) iter.Seq2[Z, error] {
	return func(yield func(Z, error) bool) {
		match := typedScanArgs(pattern, 10).match()
		var cursor uint64
		for {
			var page []string
			err := z.read(func(s *zset, _ int64) error {
				if s != nil {
					cursor, page = s.scan(cursor, 10, match)
				} else {
					cursor = 0
				}
				return nil
			})
			if err != nil {
				yield(Z{}, err)
				return
			}
			for i := 0; i < len(page); i += 2 {
				v, _ := redisstr.ParseDouble(page[i+1])
				if !yield(Z{Score: v, Member: page[i]}, nil) {
					return
				}
			}
			if cursor == 0 {
				return
			}
		}
	}
}

// ZAggregate is how ZUnion and ZInter combine the scores of a member
// found in several inputs.
type ZAggregate int

// The aggregates.
const (
	ZSum ZAggregate = aggSum
	ZMin ZAggregate = aggMin
	ZMax ZAggregate = aggMax
)

// ZStoreOptions are ZUNION's and ZINTER's WEIGHTS (one per key; nil for
// all 1) and AGGREGATE.
type ZStoreOptions struct {
	Weights   []float64
	Aggregate ZAggregate
}

// ZUnion returns the union of the sorted sets (or sets) at keys (ZUNION
// ... WITHSCORES).
func (d *DB) ZUnion(opts ZStoreOptions, keys ...string) ([]Z, error) {
	return d.zcombine("", zopUnion, opts, keys)
}

// ZInter returns the intersection (ZINTER ... WITHSCORES).
func (d *DB) ZInter(opts ZStoreOptions, keys ...string) ([]Z, error) {
	return d.zcombine("", zopInter, opts, keys)
}

// ZDiff returns the members of the first key absent from the others
// (ZDIFF ... WITHSCORES).
func (d *DB) ZDiff(keys ...string) ([]Z, error) {
	return d.zcombine("", zopDiff, ZStoreOptions{}, keys)
}

// ZUnionStore stores the union at dst and returns its size (ZUNIONSTORE).
func (d *DB) ZUnionStore(dst string, opts ZStoreOptions, keys ...string) (int, error) {
	return d.zcombineStore(dst, zopUnion, opts, keys)
}

// ZInterStore stores the intersection at dst (ZINTERSTORE).
func (d *DB) ZInterStore(dst string, opts ZStoreOptions, keys ...string) (int, error) {
	return d.zcombineStore(dst, zopInter, opts, keys)
}

// ZDiffStore stores the difference at dst (ZDIFFSTORE).
func (d *DB) ZDiffStore(dst string, keys ...string) (int, error) {
	return d.zcombineStore(dst, zopDiff, ZStoreOptions{}, keys)
}

// ZInterCard returns the size of the intersection, counting up to limit
// (0: no limit) (ZINTERCARD).
func (d *DB) ZInterCard(limit int64, keys ...string) (int64, error) {
	if len(keys) == 0 {
		return 0, resp.ErrorReply("ERR at least 1 input key is needed for 'zintercard' command")
	}
	if limit < 0 {
		return 0, ErrLimitNegative
	}
	var n int64
	err := d.lockKeysErr(false, keys, 1, func(now int64) error {
		src, err := d.zsources(keys, now)
		if err == nil {
			_, n = zsetCombine(src, zopInter, aggSum, true, limit)
		}
		return err
	})
	return n, err
}

func (d *DB) zcombineArgs(op zsetOp, opts ZStoreOptions, keys []string, now int64) ([]ztree.Item, error) {
	if len(keys) == 0 {
		return nil, ErrSyntax
	}
	if opts.Weights != nil && len(opts.Weights) != len(keys) {
		return nil, ErrSyntax
	}
	src, err := d.zsources(keys, now)
	if err != nil {
		return nil, err
	}
	for i, w := range opts.Weights {
		src[i].weight = w
	}
	items, _ := zsetCombine(src, op, int(opts.Aggregate), false, 0)
	return items, nil
}

func (d *DB) zcombine(_ string, op zsetOp, opts ZStoreOptions, keys []string) ([]Z, error) {
	var out []Z
	err := d.lockKeysErr(false, keys, 1, func(now int64) error {
		items, err := d.zcombineArgs(op, opts, keys, now)
		out = zs(items)
		return err
	})
	return out, err
}

func (d *DB) zcombineStore(dst string, op zsetOp, opts ZStoreOptions, keys []string) (int, error) {
	var n int
	all := append([]string{dst}, keys...)
	err := d.lockKeysErr(true, all, 1, func(now int64) error {
		items, err := d.zcombineArgs(op, opts, keys, now)
		if err == nil {
			n = d.storeZSet(dst, zsetFromSorted(items), now)
		}
		return err
	})
	return n, err
}
