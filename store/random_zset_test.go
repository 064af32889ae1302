package store

import (
	"slices"
	"strconv"
	"strings"

	"github.com/embedis/embedis/internal/redistest"
)

// The sorted-set commands in the random differential stream.
//
// They run over the shared keys (k0..k7), so types mix and WRONGTYPE
// happens, with short members: those sets stay listpack-encoded, where
// Redis's answers are fully deterministic (lex ranges over mixed scores
// included). Sets with members longer than 64 bytes, in the large
// encoding, live on keys of their own (zl0..zl2) that no lex command
// touches: over mixed scores Redis's lex search in a skiplist depends on
// its random levels.

func init() {
	familyGens = append(familyGens, func(g *cmdGen, add func(w int, fn func() step)) {
		add(10, g.genZAdd)
		add(3, g.genZIncrBy)
		add(4, g.genZScore)
		add(3, g.genZCount)
		add(3, g.genZRank)
		add(8, g.genZRange)
		add(2, g.genZRangeStore)
		add(4, g.genZRem)
		add(3, g.genZPop)
		add(2, g.genZRandMember)
		add(4, g.genZCombine)
		add(2, g.genZScan)
		add(6, g.genZLarge)
	})
}

var (
	zmembers = []string{"a", "b", "c", "d", "e", "f", "g", "", "1", "2", "aa", "\xff", "A"}
	zscores  = []string{"0", "1", "2", "3", "1.5", "-1", "-0", "10", "2.5", "inf", "-inf", "+inf", "1e3", "0.1", "0.2",
		"1e17", "4611686018427387904", "123456789012", "5e-324", "1e400", "nan", "x", "", "0x10", " 1", "3.0e3"}
	zbounds = []string{"-inf", "+inf", "inf", "0", "1", "(1", "2", "(2", "2.5", "(2.5", "10", "-1", "(-inf", "(inf",
		"x", "(", "", "nan", " 1", "1e400", "((1", "0x2"}
	zlexBounds = []string{"-", "+", "[a", "(a", "[b", "(c", "[d", "(e", "[", "(", "[\xff", "a", "", "-x", "+a", "[aa"}
	zindexes   = []string{"0", "1", "2", "-1", "-2", "3", "-5", "10", "100", "-100", "x", "9223372036854775807", "-9223372036854775808"}
	zlargeKeys = []string{"zl0", "zl1", "zl2"}
	zlong      = []string{strings.Repeat("L", 65), strings.Repeat("M", 70), strings.Repeat("N", 100)}
)

func (g *cmdGen) zmember() string { return pick(g.r, zmembers...) }

// zpooled is member i of the pool that fills the large-encoding keys past
// the listpack's limit.
func zpooled(i int) string { return "p" + strconv.Itoa(i) }

const zpoolSize = 300

func (g *cmdGen) zscore() string {
	if g.chance(4) {
		return strconv.Itoa(g.r.IntN(6))
	}
	return pick(g.r, zscores...)
}

func (g *cmdGen) genZAdd() step {
	args := []string{g.name("ZADD"), g.key()}
	for range g.r.IntN(3) {
		args = append(args, pick(g.r, "NX", "XX", "GT", "LT", "CH", "INCR", "ch", "gt", "nx"))
	}
	for range 1 + g.r.IntN(4) {
		args = append(args, g.zscore(), g.zmember())
	}
	return g.plain(args...)
}

func (g *cmdGen) genZIncrBy() step {
	return g.plain(g.name("ZINCRBY"), g.key(), g.zscore(), g.zmember())
}

func (g *cmdGen) genZScore() step {
	switch g.r.IntN(3) {
	case 0:
		return g.plain(g.name("ZSCORE"), g.key(), g.zmember())
	case 1:
		args := []string{g.name("ZMSCORE"), g.key()}
		for range g.r.IntN(g.wide(4)) {
			args = append(args, g.zmember())
		}
		return g.plain(args...)
	}
	return g.plain(g.name("ZCARD"), g.key())
}

func (g *cmdGen) genZCount() step {
	if g.chance(2) {
		return g.plain(g.name("ZCOUNT"), g.key(), pick(g.r, zbounds...), pick(g.r, zbounds...))
	}
	return g.plain(g.name("ZLEXCOUNT"), g.key(), pick(g.r, zlexBounds...), pick(g.r, zlexBounds...))
}

func (g *cmdGen) genZRank() step {
	return g.plain(g.name(pick(g.r, "ZRANK", "ZREVRANK")), g.key(), g.zmember())
}

// zrangeArgs returns a ZRANGE-family command's arguments after the
// source key: min, max and options, for a random range type.
func (g *cmdGen) zrangeArgs(store bool) []string {
	var args []string
	switch g.r.IntN(3) {
	case 0:
		args = []string{pick(g.r, zindexes...), pick(g.r, zindexes...)}
	case 1:
		args = []string{pick(g.r, zbounds...), pick(g.r, zbounds...), g.name("BYSCORE")}
	default:
		args = []string{pick(g.r, zlexBounds...), pick(g.r, zlexBounds...), g.name("BYLEX")}
	}
	if g.chance(3) {
		args = append(args, g.name("REV"))
	}
	if !store && g.chance(3) {
		args = append(args, g.name("WITHSCORES"))
	}
	if g.chance(3) {
		args = append(args, g.name("LIMIT"), pick(g.r, zindexes...), pick(g.r, zindexes...))
	}
	g.r.Shuffle(len(args)-2, func(i, j int) { args[i+2], args[j+2] = args[j+2], args[i+2] })
	return args
}

func (g *cmdGen) genZRange() step {
	key := g.key()
	limit := func() []string {
		if g.chance(3) {
			return []string{g.name("LIMIT"), pick(g.r, zindexes...), pick(g.r, zindexes...)}
		}
		return nil
	}
	withScores := func() []string {
		if g.chance(2) {
			return []string{g.name("WITHSCORES")}
		}
		return nil
	}
	switch g.r.IntN(6) {
	case 0:
		return g.plain(append([]string{g.name("ZRANGE"), key}, g.zrangeArgs(false)...)...)
	case 1:
		return g.plain(append([]string{g.name("ZREVRANGE"), key, pick(g.r, zindexes...), pick(g.r, zindexes...)}, withScores()...)...)
	case 2, 3:
		name := pick(g.r, "ZRANGEBYSCORE", "ZREVRANGEBYSCORE")
		args := append([]string{g.name(name), key, pick(g.r, zbounds...), pick(g.r, zbounds...)}, withScores()...)
		return g.plain(append(args, limit()...)...)
	}
	name := pick(g.r, "ZRANGEBYLEX", "ZREVRANGEBYLEX")
	args := []string{g.name(name), key, pick(g.r, zlexBounds...), pick(g.r, zlexBounds...)}
	return g.plain(append(args, limit()...)...)
}

func (g *cmdGen) genZRangeStore() step {
	return g.plain(append([]string{g.name("ZRANGESTORE"), g.key(), g.key()}, g.zrangeArgs(true)...)...)
}

func (g *cmdGen) genZRem() step {
	key := g.key()
	switch g.r.IntN(4) {
	case 0:
		return g.plain(g.name("ZREMRANGEBYRANK"), key, pick(g.r, zindexes...), pick(g.r, zindexes...))
	case 1:
		return g.plain(g.name("ZREMRANGEBYSCORE"), key, pick(g.r, zbounds...), pick(g.r, zbounds...))
	case 2:
		return g.plain(g.name("ZREMRANGEBYLEX"), key, pick(g.r, zlexBounds...), pick(g.r, zlexBounds...))
	}
	args := []string{g.name("ZREM"), key}
	for range 1 + g.r.IntN(3) {
		args = append(args, g.zmember())
	}
	return g.plain(args...)
}

func (g *cmdGen) genZPop() step {
	if g.chance(3) {
		keys := g.keys(1, 3)
		args := append([]string{g.name("ZMPOP"), strconv.Itoa(len(keys))}, keys...)
		args = append(args, pick(g.r, "MIN", "MAX", "min", "max"))
		if g.chance(2) {
			args = append(args, g.name("COUNT"), pick(g.r, "1", "2", "3", "10", "0", "-1", "x"))
		}
		return g.plain(args...)
	}
	args := []string{g.name(pick(g.r, "ZPOPMIN", "ZPOPMAX")), g.key()}
	if g.chance(2) {
		args = append(args, pick(g.r, "0", "1", "2", "5", "-1", "x"))
	}
	return g.plain(args...)
}

func (g *cmdGen) genZRandMember() step {
	args := []string{g.name("ZRANDMEMBER"), g.key()}
	if g.chance(4) {
		return step{args: args, norm: redistest.Shape}
	}
	args = append(args, pick(g.r, "0", "1", "2", "3", "5", "100", "-1", "-5", "x", "-9223372036854775808"))
	if g.chance(2) {
		args = append(args, pick(g.r, "WITHSCORES", "withscores", "FOO"))
	}
	return step{args: g.mutate(args), norm: redistest.Shape}
}

func (g *cmdGen) genZCombine() step {
	keys := g.keys(1, 3)
	n := strconv.Itoa(len(keys))
	if g.chance(15) {
		n = pick(g.r, "0", "-1", "x", "5")
	}
	op := pick(g.r, "ZUNION", "ZINTER", "ZDIFF", "ZUNIONSTORE", "ZINTERSTORE", "ZDIFFSTORE", "ZINTERCARD")
	args := []string{g.name(op)}
	if strings.HasSuffix(op, "STORE") {
		args = append(args, g.key())
	}
	args = append(append(args, n), keys...)
	if g.chance(3) {
		args = append(args, g.name("WEIGHTS"))
		for range len(keys) {
			args = append(args, pick(g.r, "1", "2", "0", "-1", "0.5", "inf", "-inf", "x"))
		}
	}
	if g.chance(3) {
		args = append(args, g.name("AGGREGATE"), pick(g.r, "SUM", "MIN", "MAX", "min", "avg"))
	}
	if g.chance(2) {
		args = append(args, g.name("WITHSCORES"))
	}
	if op == "ZINTERCARD" && g.chance(2) {
		args = append(args, g.name("LIMIT"), pick(g.r, "0", "1", "2", "-1", "x"))
	}
	return g.plain(args...)
}

// genZScan scans one of the shared keys whole (COUNT 1000) or with a bad
// COUNT. A shared key is usually small (listpack, scanned whole in score
// order), but a STORE from a large set can make it a skiplist: then the
// order is the hash table's and only a complete scan compares, as a set
// of pairs. ZSCAN with the default COUNT is in the hand-written cases.
func (g *cmdGen) genZScan() step {
	args := []string{g.name("ZSCAN"), g.key(), "0"}
	if g.chance(2) {
		args = append(args, g.name("MATCH"), pick(g.r, "*", "a*", "?", "[a-c]", "\\*", "*a"))
	}
	count := "1000"
	if g.chance(3) {
		count = pick(g.r, "0", "x", "-1")
	}
	args = append(args, g.name("COUNT"), count)
	st := g.plain(args...)
	st.norm = zscanPairs
	return st
}

// genZLarge works on the large-encoded sets: long members, no lex ranges.
func (g *cmdGen) genZLarge() step {
	key := pick(g.r, zlargeKeys...)
	member := func() string {
		switch {
		case g.chance(3):
			return pick(g.r, zlong...)
		case g.chance(2):
			return zpooled(g.r.IntN(zpoolSize))
		}
		return g.zmember()
	}
	switch g.r.IntN(15) {
	case 14:
		// Past the listpack's 128 entries, so that the member index's
		// table grows, rehashes and shrinks under ZRANK, ZREM and the rest
		// (its hints must follow every member).
		args := []string{g.name("ZADD"), key}
		for range 100 + g.r.IntN(100) {
			args = append(args, strconv.Itoa(g.r.IntN(60)-10), zpooled(g.r.IntN(zpoolSize)))
		}
		return g.plain(args...)
	case 0, 1, 2:
		args := []string{g.name("ZADD"), key}
		if g.chance(4) {
			args = append(args, pick(g.r, "NX", "XX", "GT", "LT", "CH"))
		}
		for range 1 + g.r.IntN(4) {
			args = append(args, g.zscore(), member())
		}
		return g.plain(args...)
	case 3:
		return g.plain(g.name("ZINCRBY"), key, g.zscore(), member())
	case 4:
		return g.plain(g.name("ZREM"), key, member(), member())
	case 5:
		return g.plain(g.name(pick(g.r, "ZRANK", "ZREVRANK", "ZSCORE")), key, member())
	case 6:
		return g.plain(g.name("ZRANGE"), key, pick(g.r, zindexes...), pick(g.r, zindexes...), g.name("WITHSCORES"))
	case 7:
		return g.plain(g.name(pick(g.r, "ZRANGEBYSCORE", "ZREVRANGEBYSCORE")), key, pick(g.r, zbounds...), pick(g.r, zbounds...),
			g.name("WITHSCORES"), g.name("LIMIT"), pick(g.r, zindexes...), pick(g.r, zindexes...))
	case 8:
		return g.plain(g.name("ZCOUNT"), key, pick(g.r, zbounds...), pick(g.r, zbounds...))
	case 9:
		return g.plain(g.name(pick(g.r, "ZPOPMIN", "ZPOPMAX")), key, pick(g.r, "1", "2"))
	case 10:
		return g.plain(g.name("OBJECT"), g.name("ENCODING"), key)
	case 11:
		return step{args: []string{g.name("ZSCAN"), key, "0", "COUNT", "1000"}, norm: zscanPairs}
	case 12:
		op := pick(g.r, "ZUNIONSTORE", "ZINTERSTORE", "ZDIFFSTORE")
		return g.plain(g.name(op), pick(g.r, zlargeKeys...), "2", key, pick(g.r, zlargeKeys...))
	}
	return g.plain(g.name("ZREMRANGEBYSCORE"), key, pick(g.r, zbounds...), pick(g.r, zbounds...))
}

// zscanPairs sorts the member-score pairs of a complete ZSCAN reply: a
// hash table's order is its hash function's.
var zscanPairs = redistest.Each(func(v redistest.Value) redistest.Value {
	if len(v.Elems) != 2 || v.Elems[0].Str != "0" {
		return v
	}
	e := v.Elems[1].Elems
	type pair struct{ m, s redistest.Value }
	ps := make([]pair, 0, len(e)/2)
	for i := 0; i+1 < len(e); i += 2 {
		ps = append(ps, pair{e[i], e[i+1]})
	}
	slices.SortFunc(ps, func(a, b pair) int { return strings.Compare(a.m.Str, b.m.Str) })
	for i, p := range ps {
		e[2*i], e[2*i+1] = p.m, p.s
	}
	return v
})
