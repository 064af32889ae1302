package store

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/embedis/embedis/internal/redistest"
)

func TestDiffZSet(t *testing.T) {
	long := strings.Repeat("m", 65)
	runCases(t, [][]string{
		// ZADD and its options
		{"ZADD", "z", "1", "a"}, {"ZADD", "z", "2", "b", "3", "c"}, {"ZADD", "z", "1", "a"}, {"ZADD", "z", "5", "a"},
		{"ZRANGE", "z", "0", "-1", "WITHSCORES"}, {"ZADD", "z", "NX", "9", "a", "4", "d"}, {"ZADD", "z", "XX", "9", "a", "4", "e"},
		{"ZADD", "z", "XX", "CH", "10", "a", "10", "b"}, {"ZADD", "z", "CH", "10", "a", "11", "f"}, {"ZADD", "z", "GT", "1", "a"},
		{"ZADD", "z", "GT", "CH", "20", "a"}, {"ZADD", "z", "LT", "CH", "30", "a"}, {"ZADD", "z", "LT", "CH", "0", "a"},
		{"ZADD", "z", "XX", "GT", "CH", "7", "b", "8", "zz"}, {"ZADD", "z", "NX", "XX", "1", "a"}, {"ZADD", "z", "GT", "LT", "1", "a"},
		{"ZADD", "z", "GT", "NX", "1", "a"}, {"ZADD", "z", "LT", "NX", "1", "a"}, {"ZADD", "z", "INCR", "1", "a", "2", "b"},
		{"ZADD", "z", "INCR", "5", "a"}, {"ZADD", "z", "INCR", "NX", "5", "a"}, {"ZADD", "z", "INCR", "XX", "5", "nosuch"},
		{"ZADD", "z", "INCR", "GT", "-1", "a"}, {"ZADD", "z", "INCR", "LT", "-1", "a"}, {"ZADD", "z", "1"}, {"ZADD", "z", "1", "a", "2"},
		{"ZADD", "z", "x", "a"}, {"ZADD", "z", "nan", "a"}, {"ZADD", "z", "1", "a", "y", "b"}, {"ZADD", "z", "NX"}, {"ZADD", "z"},
		{"ZADD", "z", "inf", "pinf", "-inf", "ninf", "+inf", "pinf2", "1e400", "big"}, {"ZADD", "z", " 1", "sp"}, {"ZADD", "z", "0x10", "hex"},
		{"ZADD", "z", "1.5e-7", "small", "-0", "negzero", "5e-324", "tiny"}, {"ZRANGE", "z", "0", "-1", "WITHSCORES"},
		{"ZADD", "z", "INCR", "-inf", "pinf"}, {"ZSCORE", "z", "pinf"}, {"ZINCRBY", "z", "inf", "ninf"}, {"ZSCORE", "z", "ninf"},
		{"ZADD", "newz", "XX", "1", "a"}, {"EXISTS", "newz"}, {"ZADD", "newz", "XX", "INCR", "1", "a"}, {"ZADD", "newz", "GT", "1", "a"},
		{"ZADD", "newz", "INCR", "-0", "nz"}, {"ZSCORE", "newz", "nz"}, {"ZADD", "s", "-0", "x"}, {"ZSCORE", "s", "x"},
		{"ZADD", "bigz", "-0", long}, {"ZSCORE", "bigz", long}, {"OBJECT", "ENCODING", "bigz"}, {"ZSCAN", "bigz", "0"},
		// ZINCRBY
		{"ZINCRBY", "z", "2.5", "a"}, {"ZINCRBY", "z", "x", "a"}, {"ZINCRBY", "z", "1", "new"}, {"ZINCRBY", "newk", "-3", "m"},
		{"ZINCRBY", "z", "nan", "a"}, {"ZINCRBY", "z", "1"}, {"ZINCRBY", "z", "NX", "a"}, {"ZINCRBY", "z", "0.1", "c"}, {"ZINCRBY", "z", "0.2", "c"},
		// ZSCORE, ZMSCORE, ZCARD
		{"ZSCORE", "z", "a"}, {"ZSCORE", "z", "nosuch"}, {"ZSCORE", "nokey", "a"}, {"ZMSCORE", "z", "a", "nosuch", "b"},
		{"ZMSCORE", "nokey", "a", "b"}, {"ZMSCORE", "z"}, {"ZCARD", "z"}, {"ZCARD", "nokey"}, {"ZCARD", "z", "x"},
		// wrong type
		{"SET", "str", "x"}, {"ZADD", "str", "1", "a"}, {"ZSCORE", "str", "a"}, {"ZMSCORE", "str", "a"}, {"ZCARD", "str"},
		{"ZRANGE", "str", "0", "1"}, {"ZRANK", "str", "a"}, {"ZREM", "str", "a"}, {"ZPOPMIN", "str"}, {"ZINCRBY", "str", "1", "a"},
		{"ZCOUNT", "str", "0", "1"}, {"ZLEXCOUNT", "str", "-", "+"}, {"ZRANDMEMBER", "str"}, {"ZRANDMEMBER", "str", "2"},
		{"ZSCAN", "str", "0"}, {"ZUNION", "1", "str"}, {"ZRANGESTORE", "dst", "str", "0", "1"}, {"ZREMRANGEBYRANK", "str", "0", "1"},
		{"ZMPOP", "2", "nokey", "str", "MIN"}, {"ZMPOP", "2", "str", "z", "MIN"}, {"ZRANGESTORE", "str", "z", "0", "0"}, {"TYPE", "str"},
		// TYPE, OBJECT ENCODING, DEL, COPY, RENAME
		{"TYPE", "z"}, {"OBJECT", "ENCODING", "z"}, {"COPY", "z", "z2"}, {"ZRANGE", "z2", "0", "-1", "WITHSCORES"},
		{"RENAME", "z2", "z3"}, {"ZCARD", "z3"}, {"DEL", "z3"}, {"EXISTS", "z3"},
		// -0: exact in a reply, 0 once stored in a listpack
		{"ZADD", "zz", "0", "x"}, {"ZINTER", "1", "zz", "WEIGHTS", "-1", "WITHSCORES"}, {"ZINTERSTORE", "dz", "1", "zz", "WEIGHTS", "-1"},
		{"ZSCORE", "dz", "x"}, {"ZUNION", "2", "zz", "zz", "WEIGHTS", "-1", "-1", "WITHSCORES"},
	})
}

// TestDiffZSetLongScores: scores with more significant digits than Go's
// strconv parses exactly (800), where glibc's strtod is still exact.
func TestDiffZSetLongScores(t *testing.T) {
	ones := strings.Repeat("1", 1000)
	zeros := strings.Repeat("0", 200000)
	runCases(t, [][]string{
		{"ZADD", "z", ones + "e-500", "over"}, {"ZADD", "z", ones + "e-1300", "ok"}, {"ZSCORE", "z", "ok"},
		{"ZADD", "z", "1" + zeros + "e-200000", "one"}, {"ZSCORE", "z", "one"},
		{"ZADD", "z", "1." + strings.Repeat("0", 950), "one2"}, {"ZSCORE", "z", "one2"},
		{"ZADD", "z", "0." + strings.Repeat("0", 900) + ones, "small"}, {"ZSCORE", "z", "small"},
		{"ZADD", "z", "2." + strings.Repeat("0", 900) + "1", "two"}, {"ZSCORE", "z", "two"},
		{"ZADD", "z", strings.Repeat("9", 850) + "e-542", "near"}, {"ZSCORE", "z", "near"},
		{"ZINCRBY", "z", ones + "e-999", "ok"}, {"ZCOUNT", "z", ones + "e-1300", "+inf"},
	})
}

func TestDiffZSetRanges(t *testing.T) {
	setup := [][]string{
		{"ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "5", "f", "-inf", "ninf", "inf", "pinf", "2.5", "bc"},
		{"ZADD", "l", "0", "a", "0", "b", "0", "c", "0", "d", "0", "e", "0", "f", "0", "g", "0", "", "0", "aa", "0", "\xff"},
		{"ZADD", "m", "1", "b", "0", "z", "2", "a", "0", "c", "3", "y"},
	}
	var cases [][]string
	for _, big := range []bool{false, true} {
		cases = append(cases, setup...)
		if big { // the same data in the large encoding
			cases = append(cases, []string{"ZADD", "z", "100", strings.Repeat("x", 70)}, []string{"ZREM", "z", strings.Repeat("x", 70)},
				[]string{"ZADD", "l", "0", strings.Repeat("x", 70)}, []string{"ZREM", "l", strings.Repeat("x", 70)},
				[]string{"OBJECT", "ENCODING", "z"})
		}
		cases = append(cases, [][]string{
			// by rank
			{"ZRANGE", "z", "0", "-1"}, {"ZRANGE", "z", "0", "-1", "WITHSCORES"}, {"ZRANGE", "z", "2", "4", "withscores"},
			{"ZRANGE", "z", "-3", "-1"}, {"ZRANGE", "z", "-100", "1"}, {"ZRANGE", "z", "5", "2"}, {"ZRANGE", "z", "100", "200"},
			{"ZRANGE", "z", "0", "100"}, {"ZRANGE", "z", "0", "-1", "REV"}, {"ZRANGE", "z", "1", "3", "REV", "WITHSCORES"},
			{"ZREVRANGE", "z", "0", "2"}, {"ZREVRANGE", "z", "0", "2", "WITHSCORES"}, {"ZREVRANGE", "z", "-2", "-1"},
			{"ZRANGE", "z", "a", "1"}, {"ZRANGE", "z", "0", "1", "LIMIT", "0", "1"}, {"ZREVRANGE", "z", "0", "1", "LIMIT", "0", "1"},
			{"ZRANGE", "z", "0", "1", "FOO"}, {"ZRANGE", "z", "0"}, {"ZRANGE", "nokey", "0", "-1"}, {"ZREVRANGE", "z", "0", "1", "REV"},
			{"ZRANGE", "z", "0", "1", "BYSCORE", "BYLEX"}, {"ZRANGE", "z", "0", "1", "REV", "REV"}, {"ZRANGE", "z", "0", "9223372036854775807"},
			{"ZRANGE", "z", "-9223372036854775808", "-9223372036854775808"},
			// by score
			{"ZRANGEBYSCORE", "z", "-inf", "+inf"}, {"ZRANGEBYSCORE", "z", "-inf", "+inf", "WITHSCORES"}, {"ZRANGEBYSCORE", "z", "2", "4"},
			{"ZRANGEBYSCORE", "z", "(2", "4"}, {"ZRANGEBYSCORE", "z", "2", "(4"}, {"ZRANGEBYSCORE", "z", "(2", "(2.5"}, {"ZRANGEBYSCORE", "z", "5", "5"},
			{"ZRANGEBYSCORE", "z", "(5", "5"}, {"ZRANGEBYSCORE", "z", "4", "2"}, {"ZRANGEBYSCORE", "z", "inf", "inf"}, {"ZRANGEBYSCORE", "z", "(-inf", "(inf"},
			{"ZRANGEBYSCORE", "z", "x", "1"}, {"ZRANGEBYSCORE", "z", "1", "nan"}, {"ZRANGEBYSCORE", "z", "(", "1"}, {"ZRANGEBYSCORE", "z", "", "1"},
			{"ZRANGEBYSCORE", "z", " 1", "1e400"}, {"ZRANGEBYSCORE", "z", "1 ", "2"}, {"ZRANGEBYSCORE", "z", "((1", "2"}, {"ZRANGEBYSCORE", "z", "0x1", "0x2"},
			{"ZRANGEBYSCORE", "z", "-inf", "inf", "LIMIT", "1", "3"}, {"ZRANGEBYSCORE", "z", "-inf", "inf", "LIMIT", "1", "-1"},
			{"ZRANGEBYSCORE", "z", "-inf", "inf", "LIMIT", "-1", "3"}, {"ZRANGEBYSCORE", "z", "-inf", "inf", "LIMIT", "100", "3"},
			{"ZRANGEBYSCORE", "z", "-inf", "inf", "LIMIT", "0", "0"}, {"ZRANGEBYSCORE", "z", "-inf", "inf", "LIMIT", "2", "3", "WITHSCORES"},
			{"ZRANGEBYSCORE", "z", "-inf", "inf", "LIMIT", "2"}, {"ZRANGEBYSCORE", "z", "-inf", "inf", "LIMIT", "x", "1"},
			{"ZRANGEBYSCORE", "z", "-inf", "inf", "REV"}, {"ZRANGEBYSCORE", "z", "-inf", "inf", "BYSCORE"},
			{"ZREVRANGEBYSCORE", "z", "+inf", "-inf"}, {"ZREVRANGEBYSCORE", "z", "4", "2", "WITHSCORES"}, {"ZREVRANGEBYSCORE", "z", "(4", "(2"},
			{"ZREVRANGEBYSCORE", "z", "2", "4"}, {"ZREVRANGEBYSCORE", "z", "inf", "-inf", "LIMIT", "1", "2"}, {"ZREVRANGEBYSCORE", "z", "inf", "-inf", "LIMIT", "-5", "2"},
			{"ZRANGE", "z", "2", "4", "BYSCORE"}, {"ZRANGE", "z", "4", "2", "BYSCORE", "REV", "WITHSCORES"}, {"ZRANGE", "z", "(1", "5", "BYSCORE", "LIMIT", "1", "2"},
			{"ZRANGE", "z", "5", "(1", "BYSCORE", "REV", "LIMIT", "1", "2", "WITHSCORES"}, {"ZRANGE", "z", "-inf", "inf", "BYSCORE", "LIMIT", "1"},
			// by lex
			{"ZRANGEBYLEX", "l", "-", "+"}, {"ZRANGEBYLEX", "l", "[b", "[d"}, {"ZRANGEBYLEX", "l", "(b", "(d"}, {"ZRANGEBYLEX", "l", "[a", "(b"},
			{"ZRANGEBYLEX", "l", "+", "-"}, {"ZRANGEBYLEX", "l", "-", "-"}, {"ZRANGEBYLEX", "l", "+", "+"}, {"ZRANGEBYLEX", "l", "[", "[a"},
			{"ZRANGEBYLEX", "l", "(", "+"}, {"ZRANGEBYLEX", "l", "[d", "[b"}, {"ZRANGEBYLEX", "l", "[b", "(b"}, {"ZRANGEBYLEX", "l", "a", "b"},
			{"ZRANGEBYLEX", "l", "-x", "+"}, {"ZRANGEBYLEX", "l", "", "+"}, {"ZRANGEBYLEX", "l", "-", "+", "LIMIT", "2", "3"},
			{"ZRANGEBYLEX", "l", "-", "+", "LIMIT", "2", "-1"}, {"ZRANGEBYLEX", "l", "-", "+", "LIMIT", "-2", "3"}, {"ZRANGEBYLEX", "l", "-", "+", "WITHSCORES"},
			{"ZREVRANGEBYLEX", "l", "+", "-"}, {"ZREVRANGEBYLEX", "l", "[d", "[b"}, {"ZREVRANGEBYLEX", "l", "(d", "-", "LIMIT", "1", "2"},
			{"ZREVRANGEBYLEX", "l", "[b", "[d"}, {"ZRANGE", "l", "[b", "[e", "BYLEX"}, {"ZRANGE", "l", "[e", "[b", "BYLEX", "REV", "LIMIT", "1", "2"},
			{"ZRANGE", "l", "-", "+", "BYLEX", "WITHSCORES"}, {"ZRANGE", "l", "[\xff", "+", "BYLEX"},
			// lex ranges over mixed scores: Redis's listpack scan
			{"ZRANGEBYLEX", "m", "[b", "+"}, {"ZRANGEBYLEX", "m", "-", "[b"}, {"ZREVRANGEBYLEX", "m", "[c", "-"}, {"ZREVRANGEBYLEX", "m", "+", "[b"},
			{"ZLEXCOUNT", "m", "[b", "+"}, {"ZLEXCOUNT", "m", "[a", "[c"}, {"ZRANGEBYLEX", "m", "[a", "[z"},
			// LIMIT over mixed scores: Redis steps over offset elements
			// without checking them against the range (random seed 81004)
			{"ZADD", "mx", "4611686018427387904", "aa", "0.2", "\xff", "1e17", "aa", "5e-324", "2", "3", "c", "0.5", "zz"},
			{"ZRANGEBYLEX", "mx", "-", "(e", "LIMIT", "2", "-5"}, {"ZRANGEBYLEX", "mx", "-", "(e", "LIMIT", "1", "1"},
			{"ZRANGEBYLEX", "mx", "-", "(e", "LIMIT", "3", "2"}, {"ZRANGEBYLEX", "mx", "-", "(e", "LIMIT", "0", "-1"},
			{"ZRANGEBYLEX", "mx", "-", "(e", "LIMIT", "5", "1"}, {"ZRANGEBYLEX", "mx", "-", "(e", "LIMIT", "9", "1"},
			{"ZREVRANGEBYLEX", "mx", "+", "[2", "LIMIT", "1", "-1"}, {"ZREVRANGEBYLEX", "mx", "+", "[2", "LIMIT", "2", "2"},
			{"ZREVRANGEBYLEX", "mx", "(z", "-", "LIMIT", "1", "3"}, {"ZREVRANGEBYLEX", "mx", "(z", "-", "LIMIT", "4", "-1"},
			{"ZRANGE", "mx", "-", "(e", "BYLEX", "LIMIT", "2", "-5"}, {"ZRANGE", "mx", "[zz", "[2", "BYLEX", "REV", "LIMIT", "1", "9"},
			{"ZRANGESTORE", "mxd", "mx", "-", "(e", "BYLEX", "LIMIT", "2", "-5"}, {"ZRANGE", "mxd", "0", "-1", "WITHSCORES"},
			// counts and ranks
			{"ZCOUNT", "z", "-inf", "+inf"}, {"ZCOUNT", "z", "(1", "(5"}, {"ZCOUNT", "z", "5", "1"}, {"ZCOUNT", "z", "x", "1"}, {"ZCOUNT", "nokey", "1", "2"},
			{"ZCOUNT", "nokey", "x", "2"}, {"ZLEXCOUNT", "l", "-", "+"}, {"ZLEXCOUNT", "l", "[b", "(e"}, {"ZLEXCOUNT", "l", "x", "+"},
			{"ZLEXCOUNT", "nokey", "-", "+"}, {"ZLEXCOUNT", "nokey", "x", "+"},
			{"ZRANK", "z", "a"}, {"ZRANK", "z", "f"}, {"ZRANK", "z", "pinf"}, {"ZRANK", "z", "nosuch"}, {"ZRANK", "nokey", "a"},
			{"ZREVRANK", "z", "a"}, {"ZREVRANK", "z", "ninf"}, {"ZREVRANK", "z", "nosuch"}, {"ZRANK", "z"}, {"ZRANK", "z", "a", "WITHSCORE"},
			// ZRANGESTORE
			{"ZRANGESTORE", "dst", "z", "0", "-1"}, {"ZRANGE", "dst", "0", "-1", "WITHSCORES"}, {"OBJECT", "ENCODING", "dst"},
			{"ZRANGESTORE", "dst", "z", "2", "4", "BYSCORE", "LIMIT", "0", "2"}, {"ZRANGE", "dst", "0", "-1", "WITHSCORES"},
			{"ZRANGESTORE", "dst", "l", "[b", "[d", "BYLEX"}, {"ZRANGE", "dst", "0", "-1", "WITHSCORES"},
			{"ZRANGESTORE", "dst", "z", "0", "2", "REV"}, {"ZRANGE", "dst", "0", "-1", "WITHSCORES"},
			{"ZRANGESTORE", "dst", "z", "5", "2", "BYSCORE", "REV"}, {"ZRANGE", "dst", "0", "-1", "WITHSCORES"},
			{"ZRANGESTORE", "dst", "z", "0", "-1", "WITHSCORES"}, {"ZRANGESTORE", "dst", "nokey", "0", "-1"}, {"EXISTS", "dst"},
			{"SET", "dst", "x"}, {"EXPIRE", "dst", "1000"}, {"ZRANGESTORE", "dst", "z", "0", "0"}, {"TTL", "dst"}, {"TYPE", "dst"},
			{"ZRANGESTORE", "dst", "z", "10", "20"}, {"EXISTS", "dst"}, {"ZRANGESTORE", "z", "z", "1", "2"}, {"ZRANGE", "z", "0", "-1"},
			{"FLUSHALL"},
		}...)
	}
	runCases(t, cases)
}

func TestDiffZSetRemovePop(t *testing.T) {
	var cases [][]string
	for _, big := range []bool{false, true} {
		add := []string{"ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e", "6", "f", "7", "g"}
		if big {
			add = append(add, "100", strings.Repeat("x", 70))
		}
		lex := []string{"ZADD", "l", "0", "a", "0", "b", "0", "c", "0", "d", "0", "e"}
		cases = append(cases, [][]string{
			add, lex,
			{"ZREM", "z", "a", "nosuch", "a"}, {"ZREM", "z", "b", "c"}, {"ZREM", "nokey", "a"}, {"ZREM", "z"}, {"ZCARD", "z"},
			{"ZREMRANGEBYRANK", "z", "0", "0"}, {"ZRANGE", "z", "0", "-1"}, {"ZREMRANGEBYRANK", "z", "-1", "-1"}, {"ZREMRANGEBYRANK", "z", "5", "1"},
			{"ZREMRANGEBYRANK", "z", "x", "1"}, {"ZREMRANGEBYRANK", "nokey", "0", "1"}, {"ZREMRANGEBYRANK", "nokey", "x", "1"},
			add, {"ZREMRANGEBYSCORE", "z", "(1", "3"}, {"ZRANGE", "z", "0", "-1"}, {"ZREMRANGEBYSCORE", "z", "5", "1"},
			{"ZREMRANGEBYSCORE", "z", "x", "1"}, {"ZREMRANGEBYSCORE", "nokey", "x", "1"}, {"ZREMRANGEBYSCORE", "nokey", "1", "2"},
			{"ZREMRANGEBYLEX", "l", "[b", "(d"}, {"ZRANGE", "l", "0", "-1"}, {"ZREMRANGEBYLEX", "l", "x", "+"}, {"ZREMRANGEBYLEX", "l", "-", "+"},
			{"EXISTS", "l"}, {"ZREMRANGEBYSCORE", "z", "-inf", "+inf"}, {"EXISTS", "z"},
			add, {"ZREMRANGEBYRANK", "z", "0", "-1"}, {"EXISTS", "z"},
			// ZPOPMIN, ZPOPMAX
			add, {"ZPOPMIN", "z"}, {"ZPOPMAX", "z"}, {"ZPOPMIN", "z", "2"}, {"ZPOPMAX", "z", "2"}, {"ZPOPMIN", "z", "0"},
			{"ZPOPMIN", "z", "-1"}, {"ZPOPMIN", "z", "x"}, {"ZPOPMIN", "z", "1", "2"}, {"ZPOPMIN", "nokey"}, {"ZPOPMIN", "nokey", "2"},
			{"ZPOPMIN", "nokey", "0"}, {"ZPOPMAX", "z", "100"}, {"EXISTS", "z"}, {"ZPOPMIN", "z", "9223372036854775807"},
			// ZMPOP
			add, {"ZMPOP", "1", "z", "MIN"}, {"ZMPOP", "1", "z", "MAX", "COUNT", "2"}, {"ZMPOP", "2", "nokey", "z", "min", "count", "2"},
			{"ZMPOP", "1", "nokey", "MIN"}, {"ZMPOP", "0", "z", "MIN"}, {"ZMPOP", "-1", "z", "MIN"}, {"ZMPOP", "x", "z", "MIN"},
			{"ZMPOP", "1", "z", "FOO"}, {"ZMPOP", "1", "z"}, {"ZMPOP", "2", "z", "MIN"}, {"ZMPOP", "1", "z", "MIN", "COUNT"},
			{"ZMPOP", "1", "z", "MIN", "COUNT", "0"}, {"ZMPOP", "1", "z", "MIN", "COUNT", "-1"}, {"ZMPOP", "1", "z", "MIN", "COUNT", "x"},
			{"ZMPOP", "1", "z", "MIN", "COUNT", "1", "COUNT", "1"}, {"ZMPOP", "1", "z", "MIN", "FOO", "1"}, {"ZMPOP", "5", "z", "MIN"},
			{"ZMPOP", "1", "z", "MAX", "COUNT", "100"}, {"EXISTS", "z"}, {"ZMPOP", "9223372036854775807", "z", "MIN"},
		}...)
	}
	runCases(t, cases)
}

func TestDiffZSetCombine(t *testing.T) {
	cases := [][]string{
		{"ZADD", "a", "1", "x", "2", "y", "3", "z"}, {"ZADD", "b", "10", "y", "20", "z", "30", "w"}, {"ZADD", "c", "inf", "x", "-inf", "y"},
		{"ZADD", "d", "-inf", "x", "inf", "y"}, {"SET", "str", "v"},
		{"ZADD", "e", "inf", "x", "0", "y"}, {"ZADD", "f", "inf", "x", "0", "y"},
	}
	for _, op := range []string{"ZUNION", "ZINTER", "ZDIFF"} {
		for _, tail := range [][]string{{}, {"WITHSCORES"}, {"WEIGHTS", "2", "3"}, {"WEIGHTS", "2", "3", "WITHSCORES"},
			{"AGGREGATE", "MIN", "WITHSCORES"}, {"AGGREGATE", "max", "WITHSCORES"}, {"AGGREGATE", "sum", "WEIGHTS", "0", "1", "WITHSCORES"},
			{"WEIGHTS", "2"}, {"WEIGHTS", "2", "x"}, {"WEIGHTS", "2", "3", "4"}, {"AGGREGATE", "avg"}, {"AGGREGATE"}, {"WITHSCORES", "x"},
			{"WEIGHTS", "inf", "-inf", "WITHSCORES"}, {"WEIGHTS", "0", "0", "WITHSCORES"}, {"WEIGHTS", "nan", "1"}, {"LIMIT", "1"},
			// inf times a zero weight, and zero scores times negative weights
			{"WEIGHTS", "1", "0", "AGGREGATE", "MIN", "WITHSCORES"}, {"WEIGHTS", "1", "0", "AGGREGATE", "MAX", "WITHSCORES"},
			{"WEIGHTS", "0", "1", "AGGREGATE", "MIN", "WITHSCORES"}, {"WEIGHTS", "1", "-1", "AGGREGATE", "MIN", "WITHSCORES"},
			{"WEIGHTS", "-1", "1", "AGGREGATE", "MAX", "WITHSCORES"}} {
			for _, keys := range [][]string{{"a", "b"}, {"a", "c"}, {"c", "d"}, {"a", "a"}, {"a", "nokey"}, {"nokey", "a"}, {"e", "f"}} {
				cases = append(cases, append(append([]string{op, "2"}, keys...), tail...))
			}
		}
		cases = append(cases, []string{op, "1", "a", "WITHSCORES"}, []string{op, "3", "a", "b", "c", "WITHSCORES"},
			[]string{op, "0", "a"}, []string{op, "-1", "a"}, []string{op, "x", "a"}, []string{op, "3", "a", "b"},
			[]string{op, "2", "a", "str"}, []string{op, "2", "str", "nokey", "FOO"}, []string{op, "1", "nokey", "WITHSCORES"},
			[]string{op, "2", "a", "b", "WEIGHTS", "1", "2", "WEIGHTS", "3", "4", "WITHSCORES"},
			[]string{op + "STORE", "dst", "2", "e", "f", "WEIGHTS", "1", "0", "AGGREGATE", "MAX"},
			[]string{"ZRANGE", "dst", "0", "-1", "WITHSCORES"})
		store := op + "STORE"
		cases = append(cases, []string{store, "dst", "2", "a", "b"}, []string{"ZRANGE", "dst", "0", "-1", "WITHSCORES"},
			[]string{store, "dst", "2", "a", "b", "WEIGHTS", "1", "2", "AGGREGATE", "MAX"}, []string{"ZRANGE", "dst", "0", "-1", "WITHSCORES"},
			[]string{store, "dst", "2", "c", "d"}, []string{"ZRANGE", "dst", "0", "-1", "WITHSCORES"}, []string{"OBJECT", "ENCODING", "dst"},
			[]string{store, "dst", "2", "a", "b", "WITHSCORES"}, []string{store, "dst", "0", "a"}, []string{store, "dst", "x", "a"},
			[]string{store, "dst", "1", "nokey"}, []string{"EXISTS", "dst"}, []string{store, "dst", "3", "a"}, []string{store, "dst", "1", "str"},
			[]string{"SET", "dst", "v"}, []string{"EXPIRE", "dst", "100"}, []string{store, "dst", "1", "a"}, []string{"TTL", "dst"},
			[]string{store, "a", "2", "a", "b"}, []string{"ZRANGE", "a", "0", "-1", "WITHSCORES"}, []string{"ZADD", "a", "1", "x", "2", "y", "3", "z"})
	}
	cases = append(cases, [][]string{
		{"ZINTERCARD", "2", "a", "b"}, {"ZINTERCARD", "2", "a", "b", "LIMIT", "1"}, {"ZINTERCARD", "2", "a", "b", "LIMIT", "0"},
		{"ZINTERCARD", "2", "a", "b", "LIMIT", "-1"}, {"ZINTERCARD", "2", "a", "b", "LIMIT", "x"}, {"ZINTERCARD", "2", "a", "b", "LIMIT"},
		{"ZINTERCARD", "0", "a"}, {"ZINTERCARD", "3", "a", "b"}, {"ZINTERCARD", "1", "nokey"}, {"ZINTERCARD", "2", "a", "str"},
		{"ZINTERCARD", "2", "a", "b", "WITHSCORES"}, {"ZINTERCARD", "2", "a", "a"}, {"ZINTERCARD", "x", "a"},
	}...)
	runCases(t, cases)
}

// TestDiffZSetCombineSets: plain sets as inputs count with score 1.
func TestDiffZSetCombineSets(t *testing.T) {
	var cases [][]string
	cases = append(cases, []string{"ZADD", "a", "1", "x", "2", "y", "3", "z"}, []string{"SADD", "s", "x", "w", "1"},
		[]string{"SADD", "i", "1", "2", "3"})
	for _, op := range []string{"ZUNION", "ZINTER", "ZDIFF"} {
		for _, keys := range [][]string{{"a", "s"}, {"s", "a"}, {"s", "i"}, {"i", "i"}} {
			cases = append(cases, append(append([]string{op, "2"}, keys...), "WITHSCORES"))
		}
		cases = append(cases, []string{op + "STORE", "dst", "2", "a", "s"}, []string{"ZRANGE", "dst", "0", "-1", "WITHSCORES"})
	}
	cases = append(cases, []string{"ZINTERCARD", "2", "a", "s"}, []string{"ZUNION", "2", "a", "s", "WEIGHTS", "2", "3", "WITHSCORES"})
	runCases(t, cases)
}

// TestDiffZSetEncodings follows OBJECT ENCODING across Redis's thresholds.
func TestDiffZSetEncodings(t *testing.T) {
	var cases [][]string
	add := []string{"ZADD", "z"}
	for i := range 128 {
		add = append(add, strconv.Itoa(i), fmt.Sprintf("m%03d", i))
	}
	cases = append(cases, add, []string{"OBJECT", "ENCODING", "z"}, []string{"ZADD", "z", "1", "m000"}, []string{"OBJECT", "ENCODING", "z"},
		[]string{"ZADD", "z", "200", "extra"}, []string{"OBJECT", "ENCODING", "z"}, []string{"ZREM", "z", "extra", "m001"},
		[]string{"OBJECT", "ENCODING", "z"}, []string{"ZRANGE", "z", "0", "4", "WITHSCORES"}, []string{"ZRANK", "z", "m100"},
		[]string{"ZREVRANK", "z", "m100"}, []string{"ZCOUNT", "z", "10", "(20"}, []string{"ZRANGEBYSCORE", "z", "(120", "+inf", "WITHSCORES"},
		[]string{"ZUNIONSTORE", "u", "1", "z"}, []string{"OBJECT", "ENCODING", "u"}, []string{"ZRANGESTORE", "r", "z", "0", "127"},
		[]string{"OBJECT", "ENCODING", "r"}, []string{"ZRANGESTORE", "r", "z", "0", "9"}, []string{"OBJECT", "ENCODING", "r"},
		[]string{"ZINTERSTORE", "i", "2", "z", "z"}, []string{"OBJECT", "ENCODING", "i"}, []string{"ZDIFFSTORE", "d", "1", "z"},
		[]string{"OBJECT", "ENCODING", "d"}, []string{"ZREMRANGEBYRANK", "z", "0", "120"}, []string{"OBJECT", "ENCODING", "z"},
		[]string{"ZADD", "s", "1", strings.Repeat("a", 64)}, []string{"OBJECT", "ENCODING", "s"},
		[]string{"ZADD", "s", "2", strings.Repeat("b", 65)}, []string{"OBJECT", "ENCODING", "s"}, []string{"ZADD", "t", "2", strings.Repeat("b", 65), "1", "a"},
		[]string{"OBJECT", "ENCODING", "t"}, []string{"ZUNIONSTORE", "u", "1", "t"}, []string{"OBJECT", "ENCODING", "u"},
		[]string{"ZREM", "t", strings.Repeat("b", 65)}, []string{"ZUNIONSTORE", "u", "1", "t"}, []string{"OBJECT", "ENCODING", "u"},
		[]string{"ZADD", "f", "1.5", "a", "1e20", "b", "-0", "c", "4611686018427387904", "d", "123456789012", "e", "inf", "g"},
		[]string{"ZSCAN", "f", "0"}, []string{"ZSCAN", "f", "0", "MATCH", "[ab]"}, []string{"ZRANGE", "f", "0", "-1", "WITHSCORES"},
		[]string{"ZADD", "f", "1", strings.Repeat("l", 70)}, []string{"ZSCORE", "f", "b"}, []string{"ZRANGE", "f", "0", "-1", "WITHSCORES"},
		[]string{"ZSCAN", "f", "x"}, []string{"ZSCAN", "f", "0", "COUNT", "0"}, []string{"ZSCAN", "f", "0", "COUNT", "x"},
		[]string{"ZSCAN", "f", "0", "TYPE", "zset"}, []string{"ZSCAN", "f", "0", "MATCH"}, []string{"ZSCAN", "nokey", "0", "FOO"},
		[]string{"ZSCAN", "nokey", "x"})
	runCases(t, cases)
}

// TestDiffZScanLarge compares a full ZSCAN of a large set as a set of
// pairs: the order is the hash table's.
func TestDiffZScanLarge(t *testing.T) {
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		add := []string{"ZADD", "z"}
		for i := range 500 {
			add = append(add, strconv.Itoa(i%37), fmt.Sprintf("member:%d", i))
		}
		d.Do(add...)
		for _, match := range []string{"*", "member:1*"} {
			ref, sub := zscanAll(t, d.Ref(), match), zscanAll(t, d.Sub(), match)
			if len(ref) != len(sub) {
				t.Fatalf("ZSCAN MATCH %s: %d members from redis-server, %d from the store", match, len(ref), len(sub))
			}
			for m, s := range ref {
				if sub[m] != s {
					t.Fatalf("ZSCAN: %s has score %q in redis-server, %q in the store", m, s, sub[m])
				}
			}
		}
	}
}

func zscanAll(t *testing.T, c *redistest.Client, match string) map[string]string {
	t.Helper()
	out := map[string]string{}
	cursor := "0"
	for {
		raw, err := c.Do("ZSCAN", "z", cursor, "MATCH", match, "COUNT", "7")
		if err != nil {
			t.Fatal(err)
		}
		v, err := redistest.Parse(raw)
		if err != nil || len(v.Elems) != 2 {
			t.Fatalf("ZSCAN reply %q", raw)
		}
		cursor = v.Elems[0].Str
		for i := 0; i+1 < len(v.Elems[1].Elems); i += 2 {
			out[v.Elems[1].Elems[i].Str] = v.Elems[1].Elems[i+1].Str
		}
		if cursor == "0" {
			return out
		}
	}
}

// TestDiffZRandMember compares what is deterministic: errors, counts,
// shapes, and the whole set when the count covers it.
func TestDiffZRandMember(t *testing.T) {
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		for _, big := range []bool{false, true} {
			d.Do("DEL", "z")
			add := []string{"ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e"}
			if big {
				add = append(add, "6", strings.Repeat("x", 70))
			}
			d.Do(add...)
			for _, c := range [][]string{{"ZRANDMEMBER", "nokey"}, {"ZRANDMEMBER", "nokey", "3"}, {"ZRANDMEMBER", "z", "0"},
				{"ZRANDMEMBER", "z", "x"}, {"ZRANDMEMBER", "z", "1", "FOO"}, {"ZRANDMEMBER", "z", "1", "WITHSCORES", "x"},
				{"ZRANDMEMBER", "z", "-9223372036854775808"}, {"ZRANDMEMBER", "z", "9223372036854775807", "WITHSCORES"},
				{"ZRANDMEMBER", "z", "-4611686018427387904", "WITHSCORES"}, {"ZRANDMEMBER", "z", "100"}, {"ZRANDMEMBER", "z", "100", "WITHSCORES"},
				{"ZRANDMEMBER", "z", "6", "WITHSCORES"}} {
				d.Do(c...)
			}
			shape := redistest.Shape
			for _, c := range [][]string{{"ZRANDMEMBER", "z"}, {"ZRANDMEMBER", "z", "1"}, {"ZRANDMEMBER", "z", "3"}, {"ZRANDMEMBER", "z", "2", "WITHSCORES"},
				{"ZRANDMEMBER", "z", "-10"}, {"ZRANDMEMBER", "z", "-10", "WITHSCORES"}, {"ZRANDMEMBER", "z", "4", "WITHSCORES"}, {"ZRANDMEMBER", "z", "5"}} {
				d.DoNormalized(shape, c...)
			}
		}
		// Membership and distinctness, on the store alone.
		sub := d.Sub()
		for _, count := range []string{"3", "-20", "4"} {
			raw, _ := sub.Do("ZRANDMEMBER", "z", count, "WITHSCORES")
			v, _ := redistest.Parse(raw)
			seen := map[string]bool{}
			for i := 0; i < len(v.Elems); i++ {
				e := v.Elems[i]
				m, s := "", ""
				if proto == 3 {
					m, s = e.Elems[0].Str, e.Elems[1].Str
				} else {
					m, s = e.Str, v.Elems[i+1].Str
					i++
				}
				want, _ := sub.Do("ZSCORE", "z", m)
				if w, _ := redistest.Parse(want); w.Str != s {
					t.Errorf("ZRANDMEMBER %s: %q with score %q, ZSCORE says %q", count, m, s, w.Str)
				}
				if count != "-20" && seen[m] {
					t.Errorf("ZRANDMEMBER %s repeated %q", count, m)
				}
				seen[m] = true
			}
		}
	}
}

// TestDiffZRankLarge asks ZRANK and ZREVRANK of a skiplist-encoded set,
// whose ranks start from the score kept in the member index's hints,
// while ZADD, ZINCRBY and ZREM change scores (ties included) and members.
func TestDiffZRankLarge(t *testing.T) {
	add := []string{"ZADD", "z"}
	for i := range 700 {
		add = append(add, strconv.Itoa(i%37), fmt.Sprintf("m%d", i))
	}
	cases := [][]string{add, {"OBJECT", "ENCODING", "z"}}
	ranks := func(round int) {
		for i := range 40 {
			m := fmt.Sprintf("m%d", (i*53+round*11)%760) // 700..759 are absent
			cases = append(cases, []string{"ZRANK", "z", m}, []string{"ZREVRANK", "z", m})
		}
	}
	for round := range 4 {
		ranks(round)
		for i := range 30 {
			m := fmt.Sprintf("m%d", (i*29+round*7)%700)
			switch i % 3 {
			case 0:
				cases = append(cases, []string{"ZADD", "z", fmt.Sprint(i*round%41) + ".5", m})
			case 1:
				cases = append(cases, []string{"ZINCRBY", "z", "-3", m})
			case 2:
				cases = append(cases, []string{"ZREM", "z", m})
			}
		}
	}
	ranks(9)
	runCases(t, cases)
}
