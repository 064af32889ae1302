package store

import (
	"context"
	"fmt"
	"math"
	"testing"
)

// Reads of many keys or fields at once (MGET, HMGET, ZMSCORE, SMISMEMBER)
// look them up a batch of 16 at a time with their cache misses overlapped
// (htable.FindEach). These cases ask for more than a batch, across its
// edges, with present and absent keys or fields, repeats, and keys of
// other types, on the large encodings that take that path.

func TestDiffMGetMany(t *testing.T) {
	mset := []string{"MSET"}
	for i := range 30 {
		mset = append(mset, fmt.Sprintf("key:%d", i), fmt.Sprintf("value-%d", i))
	}
	mget := []string{"MGET"}
	for i := range 50 {
		switch {
		case i%7 == 3:
			mget = append(mget, "list")
		case i%11 == 5:
			mget = append(mget, "set")
		default:
			mget = append(mget, fmt.Sprintf("key:%d", (i*13)%40)) // 30..39 are missing
		}
	}
	runCases(t, [][]string{mset, {"RPUSH", "list", "a"}, {"SADD", "set", "m"}, mget, append([]string{"MGET"}, mget[1:17]...)})
}

func TestDiffFieldLookupsMany(t *testing.T) {
	// 600 fields, members: past every small encoding's limit (512 for a
	// hash's listpack and an intset, 128 for a sorted set's listpack).
	hset, zadd, sadd := []string{"HSET", "h"}, []string{"ZADD", "z"}, []string{"SADD", "s"}
	for i := range 600 {
		hset = append(hset, fmt.Sprintf("f%d", i), fmt.Sprintf("v%d", i))
		zadd = append(zadd, fmt.Sprint(i%97), fmt.Sprintf("m%d", i))
		sadd = append(sadd, fmt.Sprintf("m%d", i))
	}
	// 45 names: 0..599 present, 600..899 absent, every fifth a repeat.
	names := func(prefix string) []string {
		var out []string
		for i := range 45 {
			n := (i * 37) % 900
			if i%5 == 4 {
				n = (i - 1) * 37 % 900
			}
			out = append(out, fmt.Sprintf("%s%d", prefix, n))
		}
		return out
	}
	cat := func(head []string, tail []string) []string { return append(append([]string{}, head...), tail...) }
	runCases(t, [][]string{
		hset, zadd, sadd,
		{"OBJECT", "ENCODING", "h"}, {"OBJECT", "ENCODING", "z"}, {"OBJECT", "ENCODING", "s"},
		cat([]string{"HMGET", "h"}, names("f")), cat([]string{"ZMSCORE", "z"}, names("m")),
		cat([]string{"SMISMEMBER", "s"}, names("m")),
		cat([]string{"HMGET", "nokey"}, names("f")[:20]), cat([]string{"ZMSCORE", "nokey"}, names("m")[:20]),
		cat([]string{"SMISMEMBER", "nokey"}, names("m")[:20]),
		cat([]string{"HMGET", "z"}, names("f")[:20]), cat([]string{"ZMSCORE", "s"}, names("m")[:20]),
		cat([]string{"SMISMEMBER", "h"}, names("m")[:20]),
		// Writes of many fields or members to the large encodings, which
		// warm the dict first (dict.Warm): new and existing, repeated.
		cat([]string{"HSET", "h"}, pairsOf(names("f"), "w")), cat([]string{"SADD", "s"}, names("m")),
		cat([]string{"ZADD", "z"}, scoredOf(names("m"))), {"HLEN", "h"}, {"SCARD", "s"}, {"ZCARD", "z"},
		cat([]string{"HMGET", "h"}, names("f")), cat([]string{"ZMSCORE", "z"}, names("m")),
		cat([]string{"HDEL", "h"}, names("f")), cat([]string{"SREM", "s"}, names("m")), cat([]string{"ZREM", "z"}, names("m")),
		{"HLEN", "h"}, {"SCARD", "s"}, {"ZCARD", "z"}, cat([]string{"SMISMEMBER", "s"}, names("m")),
	})
}

// pairsOf pairs each name with a value made from it and suffix.
func pairsOf(names []string, suffix string) []string {
	var out []string
	for _, n := range names {
		out = append(out, n, n+suffix)
	}
	return out
}

// scoredOf gives each name a score made from its position.
func scoredOf(names []string) []string {
	var out []string
	for i, n := range names {
		out = append(out, fmt.Sprint(1000+i), n)
	}
	return out
}

// TestTypedLookupsMany checks the typed API's many-field reads against the
// commands' replies on the large encodings, past one batch.
func TestTypedLookupsMany(t *testing.T) {
	s, _ := openManual(t)
	ctx := context.Background()
	var names []string
	for i := range 600 {
		f := fmt.Sprintf("f%d", i)
		s.Hash("h").Set(f, "v"+f)
		s.ZSet("z").Add(Z{Score: float64(i % 97), Member: f})
		s.SetOf("s").Add(f)
		if i%13 == 0 {
			names = append(names, f, fmt.Sprintf("x%d", i))
		}
	}
	hm, _ := s.Hash("h").MGet(names...)
	zm, _ := s.ZSet("z").MScore(names...)
	sm, _ := s.SetOf("s").ContainsEach(names...)
	hr, _ := s.Do(ctx, append([]string{"HMGET", "h"}, names...)...)
	zr, _ := s.Do(ctx, append([]string{"ZMSCORE", "z"}, names...)...)
	sr, _ := s.Do(ctx, append([]string{"SMISMEMBER", "s"}, names...)...)
	for i, n := range names {
		present := n[0] == 'f'
		if hm[i].Valid != present || present && hm[i].String != "v"+n || hr.Elems[i].IsNull() == present {
			t.Errorf("%s: HMGET typed %v, reply %v", n, hm[i], hr.Elems[i])
		}
		if math.IsNaN(zm[i]) == present || zr.Elems[i].IsNull() == present {
			t.Errorf("%s: ZMSCORE typed %v, reply %v", n, zm[i], zr.Elems[i])
		}
		if sm[i] != present || (sr.Elems[i].Int == 1) != present {
			t.Errorf("%s: SMISMEMBER typed %v, reply %v", n, sm[i], sr.Elems[i])
		}
	}
}

// TestDiffMultiKeyWritesMany runs the other multi-key commands, whose
// lookups are batched too (EXISTS, TOUCH) or warmed before they work key
// by key (MSET, MSETNX, DEL, UNLINK), on more keys than a batch, with
// repeats: a key named twice in one MSET must be set twice, not added
// twice.
func TestDiffMultiKeyWritesMany(t *testing.T) {
	key := func(i int) string { return fmt.Sprintf("key:%d", i) }
	mset, msetnxNew, msetnxOld, names := []string{"MSET"}, []string{"MSETNX"}, []string{"MSETNX"}, []string{}
	for i := range 40 {
		mset = append(mset, key(i%25), fmt.Sprintf("v%d", i)) // 25..39 repeat 0..14
		msetnxNew = append(msetnxNew, key(100+i), "n")
		msetnxOld = append(msetnxOld, key(200+i), "o")
		names = append(names, key((i*7)%50)) // 25..49 are missing
	}
	msetnxOld = append(msetnxOld, key(3), "o") // exists: sets nothing
	cat := func(head string, tail []string) []string { return append([]string{head}, tail...) }
	runCases(t, [][]string{
		mset, {"DBSIZE"}, cat("MGET", names), msetnxNew, msetnxOld, {"DBSIZE"}, {"GET", "key:200"},
		cat("EXISTS", names), cat("TOUCH", names), cat("DEL", names[:20]), {"DBSIZE"}, cat("EXISTS", names),
		cat("UNLINK", append(names, names...)), {"DBSIZE"}, cat("MGET", names),
	})
}

// TestDiffZSetCombineMany runs ZINTER, ZINTERCARD, ZINTERSTORE and ZDIFF
// over sources larger than one batch of their overlapped lookups (16):
// skiplist-encoded sorted sets and hashtable sets, weights and aggregates
// applied source by source, a source named twice, infinite scores times a
// zero weight, and LIMITs inside and at the edge of a batch.
func TestDiffZSetCombineMany(t *testing.T) {
	za, zb, sc := []string{"ZADD", "za"}, []string{"ZADD", "zb"}, []string{"SADD", "sc"}
	for i := range 300 {
		za = append(za, fmt.Sprint(i%37), fmt.Sprintf("m%d", i))
		if i%2 == 0 {
			zb = append(zb, fmt.Sprint(i%11), fmt.Sprintf("m%d", i))
		}
		if i%3 != 0 {
			sc = append(sc, fmt.Sprintf("m%d", i))
		}
	}
	zb = append(zb, "inf", "m4", "-inf", "m6") // overwrite two scores
	runCases(t, [][]string{
		za, zb, sc, {"OBJECT", "ENCODING", "za"}, {"OBJECT", "ENCODING", "sc"},
		{"ZINTER", "2", "za", "zb", "WITHSCORES"}, {"ZINTER", "3", "za", "zb", "sc", "WITHSCORES"},
		{"ZINTER", "3", "sc", "za", "zb", "WEIGHTS", "2", "0", "-1", "AGGREGATE", "MAX", "WITHSCORES"},
		{"ZINTER", "3", "zb", "za", "zb", "AGGREGATE", "MIN", "WITHSCORES"}, {"ZINTER", "2", "za", "za", "WITHSCORES"},
		{"ZINTER", "2", "zb", "sc", "WEIGHTS", "0", "1", "WITHSCORES"},
		{"ZINTERCARD", "2", "za", "zb"}, {"ZINTERCARD", "3", "za", "zb", "sc", "LIMIT", "7"},
		{"ZINTERCARD", "2", "za", "sc", "LIMIT", "16"}, {"ZINTERCARD", "2", "za", "sc", "LIMIT", "17"},
		{"ZINTERSTORE", "dst", "3", "za", "zb", "sc", "WEIGHTS", "1", "2", "3"}, {"ZRANGE", "dst", "0", "-1", "WITHSCORES"},
		{"ZDIFF", "2", "za", "zb", "WITHSCORES"}, {"ZDIFF", "3", "za", "sc", "zb", "WITHSCORES"}, {"ZDIFF", "2", "zb", "za"},
		{"ZDIFF", "2", "za", "nokey", "WITHSCORES"}, {"ZDIFFSTORE", "dst", "2", "za", "sc"}, {"ZRANGE", "dst", "0", "-1", "WITHSCORES"},
	})
}
