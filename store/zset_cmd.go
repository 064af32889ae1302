package store

import (
	"slices"
	"strings"

	"github.com/embedis/embedis/internal/redisstr"
	"github.com/embedis/embedis/internal/ztree"
	"github.com/embedis/embedis/resp"
)

// Sorted-set command handlers: parse, call the zset operations, reply.

// zsetCommands are the zset type's rows of the command table.
var zsetCommands = []*command{
	{name: "zadd", arity: -4, flags: flagWrite | flagDenyOOM | flagFast, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRW|keyUpdate, 1, 0, 1)}, group: "sorted-set", run: cmdZAdd},
	{name: "zincrby", arity: 4, flags: flagWrite | flagDenyOOM | flagFast, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate, 1, 0, 1)}, group: "sorted-set", run: cmdZIncrBy},
	{name: "zscore", arity: 3, flags: flagReadOnly | flagFast, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZScore},
	{name: "zmscore", arity: -3, flags: flagReadOnly | flagFast, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZMScore},
	{name: "zcard", arity: 2, flags: flagReadOnly | flagFast, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO, 1, 0, 1)}, group: "sorted-set", run: cmdZCard},
	{name: "zcount", arity: 4, flags: flagReadOnly | flagFast, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZCount},
	{name: "zlexcount", arity: 4, flags: flagReadOnly | flagFast, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZLexCount},
	{name: "zrank", arity: 3, flags: flagReadOnly | flagFast, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZRank},
	{name: "zrevrank", arity: 3, flags: flagReadOnly | flagFast, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZRevRank},
	{name: "zrange", arity: -4, flags: flagReadOnly, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZRange},
	{name: "zrangestore", arity: -5, flags: flagWrite | flagDenyOOM, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyOW|keyUpdate, 1, 0, 1), indexRange(keyRO|keyAccess, 2, 0, 1)}, group: "sorted-set", run: cmdZRangeStore},
	{name: "zrangebyscore", arity: -4, flags: flagReadOnly, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZRangeByScore},
	{name: "zrevrangebyscore", arity: -4, flags: flagReadOnly, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZRevRangeByScore},
	{name: "zrangebylex", arity: -4, flags: flagReadOnly, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZRangeByLex},
	{name: "zrevrangebylex", arity: -4, flags: flagReadOnly, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZRevRangeByLex},
	{name: "zrevrange", arity: -4, flags: flagReadOnly, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZRevRange},
	{name: "zrem", arity: -3, flags: flagWrite | flagFast, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRW|keyDelete, 1, 0, 1)}, group: "sorted-set", run: cmdZRem},
	{name: "zremrangebyrank", arity: 4, flags: flagWrite, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRW|keyDelete, 1, 0, 1)}, group: "sorted-set", run: cmdZRemRangeByRank},
	{name: "zremrangebyscore", arity: 4, flags: flagWrite, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRW|keyDelete, 1, 0, 1)}, group: "sorted-set", run: cmdZRemRangeByScore},
	{name: "zremrangebylex", arity: 4, flags: flagWrite, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRW|keyDelete, 1, 0, 1)}, group: "sorted-set", run: cmdZRemRangeByLex},
	{name: "zpopmin", arity: -2, flags: flagWrite | flagFast, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1)}, group: "sorted-set", run: cmdZPopMin},
	{name: "zpopmax", arity: -2, flags: flagWrite | flagFast, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1)}, group: "sorted-set", run: cmdZPopMax},
	{name: "zmpop", arity: -4, flags: flagWrite, acl: aclSortedSet, keySpecs: []keySpec{keySpec{flags: keyRW | keyAccess | keyDelete, pos: 1, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}, group: "sorted-set", run: cmdZMPop},
	{name: "zrandmember", arity: -2, flags: flagReadOnly, acl: aclSortedSet, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZRandMember},
	{name: "zunion", arity: -3, flags: flagReadOnly, acl: aclSortedSet, keySpecs: []keySpec{keySpec{flags: keyRO | keyAccess, pos: 1, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}, group: "sorted-set", run: cmdZUnion},
	{name: "zinter", arity: -3, flags: flagReadOnly, acl: aclSortedSet, keySpecs: []keySpec{keySpec{flags: keyRO | keyAccess, pos: 1, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}, group: "sorted-set", run: cmdZInter},
	{name: "zdiff", arity: -3, flags: flagReadOnly, acl: aclSortedSet, keySpecs: []keySpec{keySpec{flags: keyRO | keyAccess, pos: 1, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}, group: "sorted-set", run: cmdZDiff},
	{name: "zunionstore", arity: -4, flags: flagWrite | flagDenyOOM, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyOW|keyUpdate, 1, 0, 1), keySpec{flags: keyRO | keyAccess, pos: 2, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}, group: "sorted-set", run: cmdZUnionStore},
	{name: "zinterstore", arity: -4, flags: flagWrite | flagDenyOOM, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyOW|keyUpdate, 1, 0, 1), keySpec{flags: keyRO | keyAccess, pos: 2, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}, group: "sorted-set", run: cmdZInterStore},
	{name: "zdiffstore", arity: -4, flags: flagWrite | flagDenyOOM, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyOW|keyUpdate, 1, 0, 1), keySpec{flags: keyRO | keyAccess, pos: 2, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}, group: "sorted-set", run: cmdZDiffStore},
	{name: "zintercard", arity: -3, flags: flagReadOnly, acl: aclSortedSet, keySpecs: []keySpec{keySpec{flags: keyRO | keyAccess, pos: 1, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}, group: "sorted-set", run: cmdZInterCard},
	{name: "zscan", arity: -3, flags: flagReadOnly, acl: aclSortedSet, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "sorted-set", run: cmdZScan},
}

func cmdZAdd(c *call)    { c.zadd(false) }
func cmdZIncrBy(c *call) { c.zadd(true) }

// zadd is zaddGenericCommand: ZADD, and ZINCRBY (ZADD ... INCR).
func (c *call) zadd(incr bool) {
	f := zaddFlags{incr: incr}
	i := 2
options:
	for ; i < len(c.args); i++ {
		switch opt := c.args[i]; {
		case strings.EqualFold(opt, "nx"):
			f.nx = true
		case strings.EqualFold(opt, "xx"):
			f.xx = true
		case strings.EqualFold(opt, "ch"):
			f.ch = true
		case strings.EqualFold(opt, "incr"):
			f.incr = true
		case strings.EqualFold(opt, "gt"):
			f.gt = true
		case strings.EqualFold(opt, "lt"):
			f.lt = true
		default:
			break options
		}
	}
	n := len(c.args) - i
	if n%2 != 0 || n == 0 {
		c.err(ErrSyntax)
		return
	}
	if err := f.check(n / 2); err != nil {
		c.err(err)
		return
	}
	elems := make([]Z, n/2)
	for j := range elems {
		s, ok := redisstr.ParseDouble(c.args[i+2*j])
		if !ok {
			c.err(ErrNotFloat)
			return
		}
		elems[j] = Z{s, c.args[i+2*j+1]}
	}
	res, err := c.db.zadd(c.args[1], f, elems, c.now)
	switch {
	case err != nil:
		c.err(err)
	case f.incr && res.done:
		c.w.Double(res.score)
	case f.incr:
		c.w.NullBulk()
	case f.ch:
		c.w.Int(int64(res.added + res.updated))
	default:
		c.w.Int(int64(res.added))
	}
}

// zsetOrReply returns the sorted set at args[1] for a read-only command,
// or replies (collOrReply).
func (c *call) zsetOrReply(missing func()) *zset { return collOrReply[zset](c, kindZSet, missing) }

func (c *call) emptyArray() { c.w.Array(0) }

func cmdZScore(c *call) {
	z := c.zsetOrReply(c.w.NullBulk)
	if z == nil {
		return
	}
	if s, ok := z.score(c.args[2]); ok {
		c.w.Double(s)
	} else {
		c.w.NullBulk()
	}
}

func cmdZMScore(c *call) {
	z, err := c.db.readZSet(c.args[1], c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.w.Array(len(c.args) - 2)
	z.scoreEach(c.args[2:], func(_ int, s float64, ok bool) {
		if ok {
			c.w.Double(s)
		} else {
			c.w.NullBulk()
		}
	})
}

func cmdZCard(c *call) {
	if z := c.zsetOrReply(c.zero); z != nil {
		c.w.Int(int64(z.len()))
	}
}

func cmdZCount(c *call)    { c.zcountBy(parseScoreRange(c.args[2], c.args[3])) }
func cmdZLexCount(c *call) { c.zcountBy(parseLexRange(c.args[2], c.args[3])) }

// zcountBy is ZCOUNT and ZLEXCOUNT once the range is parsed (or failed
// to parse, err).
func (c *call) zcountBy(r zranger, err error) {
	if err != nil {
		c.err(err)
		return
	}
	if z := c.zsetOrReply(c.zero); z != nil {
		lo, hi := r.bounds(z)
		c.w.Int(int64(hi - lo))
	}
}

func cmdZRank(c *call)    { c.zrank(false) }
func cmdZRevRank(c *call) { c.zrank(true) }

func (c *call) zrank(reverse bool) {
	z := c.zsetOrReply(c.w.NullBulk)
	if z == nil {
		return
	}
	if r, ok := z.rank(c.args[2], reverse); ok {
		c.w.Int(int64(r))
	} else {
		c.w.NullBulk()
	}
}

// writeZItems replies a range: members, with their scores when
// withScores (a flat list in RESP2, [member, score] pairs in RESP3).
func (c *call) writeZItems(items []ztree.Item, withScores bool) {
	writeZItems(c.w, items, withScores)
}

func writeZItems(w *resp.Writer, items []ztree.Item, withScores bool) {
	resp3 := w.Protocol() > 2
	if withScores && !resp3 {
		w.Array(2 * len(items))
	} else {
		w.Array(len(items))
	}
	for _, it := range items {
		if withScores && resp3 {
			w.Array(2)
		}
		w.Bulk(it.Member)
		if withScores {
			w.Double(it.Score)
		}
	}
}

// zrangeType and zrangeDir are ZRANGE's BYSCORE/BYLEX and REV, or what a
// legacy command fixes.
type zrangeType int

const (
	zrAuto zrangeType = iota
	zrRank
	zrScore
	zrLex
)

type zrangeDir int

const (
	zdAuto zrangeDir = iota
	zdForward
	zdReverse
)

func cmdZRange(c *call)           { c.zrange(1, false, zrAuto, zdAuto) }
func cmdZRangeStore(c *call)      { c.zrange(2, true, zrAuto, zdAuto) }
func cmdZRevRange(c *call)        { c.zrange(1, false, zrRank, zdReverse) }
func cmdZRangeByScore(c *call)    { c.zrange(1, false, zrScore, zdForward) }
func cmdZRevRangeByScore(c *call) { c.zrange(1, false, zrScore, zdReverse) }
func cmdZRangeByLex(c *call)      { c.zrange(1, false, zrLex, zdForward) }
func cmdZRevRangeByLex(c *call)   { c.zrange(1, false, zrLex, zdReverse) }

// zrange is zrangeGenericCommand: the source key is args[src], then min
// and max, then the options; store is ZRANGESTORE (destination args[1]).
func (c *call) zrange(src int, store bool, typ zrangeType, dir zrangeDir) {
	withScores := false
	offset, limit := int64(0), int64(-1)
	for j := src + 3; j < len(c.args); j++ {
		left := len(c.args) - j - 1
		switch opt := c.args[j]; {
		case !store && strings.EqualFold(opt, "withscores"):
			withScores = true
		case strings.EqualFold(opt, "limit") && left >= 2:
			var ok bool
			if offset, limit, ok = c.intPair(j + 1); !ok {
				return
			}
			j += 2
		case dir == zdAuto && strings.EqualFold(opt, "rev"):
			dir = zdReverse
		case typ == zrAuto && strings.EqualFold(opt, "bylex"):
			typ = zrLex
		case typ == zrAuto && strings.EqualFold(opt, "byscore"):
			typ = zrScore
		default:
			c.err(ErrSyntax)
			return
		}
	}
	if dir == zdAuto {
		dir = zdForward
	}
	if typ == zrAuto {
		typ = zrRank
	}
	reverse := dir == zdReverse
	if limit != -1 && typ == zrRank {
		c.err(ErrZRangeLimit)
		return
	}
	if withScores && typ == zrLex {
		c.err(ErrZRangeLexScore)
		return
	}
	minArg, maxArg := c.args[src+1], c.args[src+2]
	if reverse && typ != zrRank {
		minArg, maxArg = maxArg, minArg // given as max, min
	}
	var bounds func(z *zset) (int, int)
	switch typ {
	case zrRank:
		start, end, ok := c.intPair(src + 1)
		if !ok {
			return
		}
		bounds = func(z *zset) (int, int) {
			lo, hi := indexSpan(z.len(), start, end)
			if reverse {
				lo, hi = z.len()-hi, z.len()-lo
			}
			return lo, hi
		}
	case zrScore:
		r, err := parseScoreRange(minArg, maxArg)
		if err != nil {
			c.err(err)
			return
		}
		bounds = func(z *zset) (int, int) {
			lo, hi := r.bounds(z)
			return limitRanks(lo, hi, offset, limit, reverse)
		}
	case zrLex:
		r, err := parseLexRange(minArg, maxArg)
		if err != nil {
			c.err(err)
			return
		}
		bounds = func(z *zset) (int, int) { return r.limit(z, offset, limit, reverse) }
	}
	z, err := c.db.readZSet(c.args[src], c.now)
	if err != nil {
		c.err(err)
		return
	}
	var items []ztree.Item
	if z != nil {
		lo, hi := bounds(z)
		items = z.items(lo, hi, reverse)
	}
	if store {
		if reverse {
			slices.Reverse(items)
		}
		c.w.Int(int64(c.db.storeZSet(c.args[1], zsetFromSorted(items), c.now)))
		return
	}
	c.writeZItems(items, withScores)
}

func cmdZRem(c *call) {
	n, err := c.db.zrem(c.args[1], c.args[2:], c.now)
	c.intOrErr(int64(n), err)
}

func cmdZRemRangeByRank(c *call) {
	start, end, ok := c.intPair(2)
	if ok {
		c.zremRangeBy(rankBounds{start, end}, nil)
	}
}

func cmdZRemRangeByScore(c *call) { c.zremRangeBy(parseScoreRange(c.args[2], c.args[3])) }
func cmdZRemRangeByLex(c *call)   { c.zremRangeBy(parseLexRange(c.args[2], c.args[3])) }

// zranger is a parsed range: ranks, scores or lex.
type zranger interface{ bounds(z *zset) (lo, hi int) }

// rankBounds is a range of ZRANGE indexes (negative from the end).
type rankBounds struct{ start, end int64 }

func (r rankBounds) bounds(z *zset) (int, int) { return indexSpan(z.len(), r.start, r.end) }

// zremRangeBy is ZREMRANGEBYRANK, ZREMRANGEBYSCORE and ZREMRANGEBYLEX
// once the range is parsed (or failed to parse, err).
func (c *call) zremRangeBy(r zranger, err error) {
	if err != nil {
		c.err(err)
		return
	}
	n, err := c.db.zremRange(c.args[1], c.now, r.bounds)
	c.intOrErr(int64(n), err)
}

func cmdZPopMin(c *call) { c.zpop(false) }
func cmdZPopMax(c *call) { c.zpop(true) }

// zpop is ZPOPMIN and ZPOPMAX: key [count].
func (c *call) zpop(max bool) {
	if len(c.args) > 3 {
		c.err(ErrSyntax)
		return
	}
	count := int64(-1) // none given: pop one, reply flat
	if len(c.args) == 3 {
		var ok bool
		if count, ok = redisstr.ParseInt(c.args[2]); !ok || count < 0 {
			c.err(ErrNegativeCount)
			return
		}
	}
	if count == 0 {
		if _, err := c.db.readZSet(c.args[1], c.now); err != nil {
			c.err(err)
			return
		}
		c.emptyArray()
		return
	}
	items, err := c.db.popZSet(c.args[1], c.now, max, int(min(max64(count, 1), maxInt64>>1)))
	if err != nil {
		c.err(err)
		return
	}
	writeZPopped(c.w, items, count != -1 && c.w.Protocol() > 2)
}

func max64(a, b int64) int64 { return max(a, b) }

// writeZPopped writes the elements ZPOPMIN and ZPOPMAX popped: a flat
// member, score list, or [member, score] pairs when nested (RESP3 with a
// count).
func writeZPopped(w *resp.Writer, items []Z, nested bool) {
	if nested {
		w.Array(len(items))
	} else {
		w.Array(2 * len(items))
	}
	for _, it := range items {
		if nested {
			w.Array(2)
		}
		w.Bulk(it.Member)
		w.Double(it.Score)
	}
}

// writeZMPop writes ZMPOP's (and BZMPOP's) reply: [key, [[member, score],
// ...]], in RESP2 and RESP3 alike.
func writeZMPop(w *resp.Writer, key string, items []Z) {
	w.Array(2)
	w.Bulk(key)
	writeZPopped(w, items, true)
}

// writeBZPop writes BZPOPMIN's and BZPOPMAX's reply: [key, member, score].
func writeBZPop(w *resp.Writer, key string, it Z) {
	w.Array(3)
	w.Bulk(key)
	w.Bulk(it.Member)
	w.Double(it.Score)
}

// parseZMPop parses ZMPOP's (and BZMPOP's) arguments from args[numkeysIdx].
func (c *call) parseZMPop(numkeysIdx int) (keys []string, max bool, count int64, ok bool) {
	keys, min, n, ok := c.mpopArgs(numkeysIdx, "MIN", "MAX")
	return keys, !min, int64(n), ok
}

func cmdZMPop(c *call) {
	keys, max, count, ok := c.parseZMPop(1)
	if !ok {
		return
	}
	for _, k := range keys {
		z, err := c.db.readZSet(k, c.now)
		if err != nil {
			c.err(err)
			return
		}
		if z == nil {
			continue
		}
		items, _ := c.db.popZSet(k, c.now, max, int(min(count, maxInt64>>1)))
		writeZMPop(c.w, k, items)
		return
	}
	c.w.NullArray()
}

func cmdZRandMember(c *call) {
	if len(c.args) == 2 {
		z := c.zsetOrReply(c.w.NullBulk)
		if z != nil {
			c.w.Bulk(z.random().Member)
		}
		return
	}
	count, ok := c.intArg(2)
	if !ok {
		return
	}
	if count == minInt64 {
		c.err(errRandCountRange)
		return
	}
	withScores := false
	if len(c.args) > 4 || len(c.args) == 4 && !strings.EqualFold(c.args[3], "withscores") {
		c.err(ErrSyntax)
		return
	}
	if len(c.args) == 4 {
		withScores = true
		if count < -maxInt64/2 || count > maxInt64/2 {
			c.err(errValueRange)
			return
		}
	}
	z := c.zsetOrReply(c.emptyArray)
	if z == nil {
		return
	}
	if count == 0 {
		c.emptyArray()
		return
	}
	c.writeZItems(z.randMembers(count, c.stillWanted), withScores)
}

func cmdZUnion(c *call)      { c.zcombine(false, zopUnion, false) }
func cmdZInter(c *call)      { c.zcombine(false, zopInter, false) }
func cmdZDiff(c *call)       { c.zcombine(false, zopDiff, false) }
func cmdZUnionStore(c *call) { c.zcombine(true, zopUnion, false) }
func cmdZInterStore(c *call) { c.zcombine(true, zopInter, false) }
func cmdZDiffStore(c *call)  { c.zcombine(true, zopDiff, false) }
func cmdZInterCard(c *call)  { c.zcombine(false, zopInter, true) }

// zcombine is zunionInterDiffGenericCommand: [dst] numkeys key...
// [WEIGHTS w...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES], or ZINTERCARD's
// numkeys key... [LIMIT n].
func (c *call) zcombine(store bool, op zsetOp, cardOnly bool) {
	nk := 1
	if store {
		nk = 2
	}
	setnum, ok := c.intArg(nk)
	if !ok {
		return
	}
	if setnum < 1 {
		c.errText("at least 1 input key is needed for '" + c.cmd.name + "' command")
		return
	}
	if setnum > int64(len(c.args)-(nk+1)) {
		c.err(ErrSyntax)
		return
	}
	keys := c.args[nk+1 : nk+1+int(setnum)]
	src, err := c.db.zsources(keys, c.now)
	if err != nil {
		c.err(err)
		return
	}
	agg, withScores, limit := aggSum, false, int64(0)
	for j := nk + 1 + int(setnum); j < len(c.args); {
		left := len(c.args) - j
		opt := c.args[j]
		switch {
		case op != zopDiff && !cardOnly && left >= int(setnum)+1 && strings.EqualFold(opt, "weights"):
			j++
			for i := range src {
				w, ok := redisstr.ParseDouble(c.args[j])
				if !ok {
					c.err(ErrZWeightFloat)
					return
				}
				src[i].weight = w
				j++
			}
		case op != zopDiff && !cardOnly && left >= 2 && strings.EqualFold(opt, "aggregate"):
			switch a := c.args[j+1]; {
			case strings.EqualFold(a, "sum"):
				agg = aggSum
			case strings.EqualFold(a, "min"):
				agg = aggMin
			case strings.EqualFold(a, "max"):
				agg = aggMax
			default:
				c.err(ErrSyntax)
				return
			}
			j += 2
		case !store && !cardOnly && strings.EqualFold(opt, "withscores"):
			withScores = true
			j++
		case cardOnly && left >= 2 && strings.EqualFold(opt, "limit"):
			v, ok := redisstr.ParseInt(c.args[j+1])
			if !ok || v < 0 {
				c.err(ErrLimitNegative)
				return
			}
			limit = v
			j += 2
		default:
			c.err(ErrSyntax)
			return
		}
	}
	items, card := zsetCombine(src, op, agg, cardOnly, limit)
	switch {
	case cardOnly:
		c.w.Int(card)
	case store:
		c.w.Int(int64(c.db.storeZSet(c.args[1], zsetFromSorted(items), c.now)))
	default:
		c.writeZItems(items, withScores)
	}
}

func cmdZScan(c *call) {
	cursor, ok := parseCursor(c.args[2])
	if !ok {
		c.errText("invalid cursor")
		return
	}
	z := c.zsetOrReply(func() { c.scanReply(0, nil) })
	if z == nil {
		return
	}
	a, ok := c.scanArgs(3, false)
	if !ok {
		return
	}
	c.scanReply(z.scan(cursor, a.count, a.match()))
}
