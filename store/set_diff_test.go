package store

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/embedis/embedis/internal/redistest"
)

// setCase is one command of a set differential test and the normalizer
// its reply needs (nil: byte for byte).
type setCase struct {
	norm redistest.Normalizer
	args []string
}

// sExact, sSorted and sRandom build setCases: sSorted for replies that
// iterate a hashtable (whose order depends on the hash function), sRandom
// for SPOP/SRANDMEMBER replies, checked against the members the set can
// hold.
func sExact(args ...string) setCase  { return setCase{nil, args} }
func sSorted(args ...string) setCase { return setCase{redistest.SortElemsDeep, args} }

// sRandom compares a random reply by what is deterministic about it: its
// shape (type and length), every member drawn from pool, and no member
// twice when distinct.
func sRandom(pool []string, distinct bool, args ...string) setCase {
	return setCase{randomSetReply(pool, distinct), args}
}

// randomSetReply is sRandom's normalizer: when both replies have the same
// shape and the subject's members are valid, both become their shape;
// otherwise they are left as they are, so the mismatch is reported.
func randomSetReply(pool []string, distinct bool) redistest.Normalizer {
	return func(ref, sub []byte) ([]byte, []byte) {
		rv, err1 := redistest.Parse(ref)
		sv, err2 := redistest.Parse(sub)
		if err1 != nil || err2 != nil {
			return ref, sub
		}
		shapeR, shapeS := rv.Encode(), sv.Encode()
		rs, ss := redistest.Shape(shapeR, shapeS)
		if !bytes.Equal(rs, ss) || !validRandomReply(rv, pool, distinct) || !validRandomReply(sv, pool, distinct) {
			return ref, sub
		}
		return rs, ss
	}
}

func validRandomReply(v redistest.Value, pool []string, distinct bool) bool {
	elems := v.Elems
	if v.Kind == '$' {
		if v.Null {
			return true
		}
		elems = []redistest.Value{v}
	}
	seen := map[string]bool{}
	for _, e := range elems {
		if e.Kind != '$' || pool != nil && !slices.Contains(pool, e.Str) || distinct && seen[e.Str] {
			return false
		}
		seen[e.Str] = true
	}
	return true
}

// runSetCases runs cases on both servers in RESP2 and RESP3, each protocol
// on freshly flushed data.
func runSetCases(t *testing.T, cases []setCase) {
	t.Helper()
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		for _, c := range cases {
			if c.norm == nil {
				c.norm = timingNormalizer(c.args)
			}
			if c.norm != nil {
				d.DoNormalized(c.norm, c.args...)
			} else {
				d.Do(c.args...)
			}
		}
	}
}

// ints returns the decimal strings from..to-1.
func intStrings(from, to int) []string {
	out := make([]string, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}

func sCmd(name string, args ...[]string) []string {
	out := []string{name}
	for _, a := range args {
		out = append(out, a...)
	}
	return out
}

func sArgs(s ...string) []string { return s }

func TestDiffSetBasics(t *testing.T) {
	runSetCases(t, []setCase{
		// intsets: ascending order, canonical integers only
		sExact("SADD", "i", "5", "3", "-1", "9223372036854775807", "-9223372036854775808", "3"),
		sExact("SMEMBERS", "i"), sExact("OBJECT", "ENCODING", "i"), sExact("SCARD", "i"),
		sExact("SISMEMBER", "i", "3"), sExact("SISMEMBER", "i", "03"), sExact("SISMEMBER", "i", "x"), sExact("SISMEMBER", "i", "4"),
		sExact("SMISMEMBER", "i", "3", "4", "-1", "+3", "", "9223372036854775808"),
		sExact("SREM", "i", "3", "3", "x", "03", "-9223372036854775808"), sExact("SMEMBERS", "i"),
		sExact("SADD", "j", "0"), sExact("SADD", "j", "-0"), sExact("OBJECT", "ENCODING", "j"), sSorted("SMEMBERS", "j"),
		sExact("SADD", "k", "01"), sExact("OBJECT", "ENCODING", "k"), sExact("SADD", "k", "1", "+1", " 1", "1 "), sSorted("SMEMBERS", "k"),
		sExact("SADD", "l", "9223372036854775808"), sExact("OBJECT", "ENCODING", "l"),
		sExact("SADD", "m", "1", "2", "1.5"), sExact("OBJECT", "ENCODING", "m"), sSorted("SMEMBERS", "m"),
		// a hashtable never goes back to an intset
		sExact("SREM", "m", "1.5"), sExact("OBJECT", "ENCODING", "m"), sSorted("SMEMBERS", "m"), sExact("SISMEMBER", "m", "2"),
		// the 512-entry limit
		sExact(sCmd("SADD", sArgs("big"), intStrings(0, 512))...), sExact("OBJECT", "ENCODING", "big"), sExact("SCARD", "big"),
		sExact("SADD", "big", "511"), sExact("OBJECT", "ENCODING", "big"),
		sExact("SADD", "big", "512"), sExact("OBJECT", "ENCODING", "big"), sExact("SCARD", "big"),
		sExact("SREM", "big", "512", "511"), sExact("OBJECT", "ENCODING", "big"), sExact("SISMEMBER", "big", "100"),
		sExact(sCmd("SADD", sArgs("b2"), intStrings(-300, 300))...), sExact("OBJECT", "ENCODING", "b2"),
		// strings, binary, empty
		sExact("SADD", "s", "a", "b", "", "\x00\xff", "a"), sSorted("SMEMBERS", "s"), sExact("SCARD", "s"),
		sExact("SISMEMBER", "s", ""), sExact("SMISMEMBER", "s", "a", "z", "\x00\xff"), sExact("OBJECT", "ENCODING", "s"),
		// removing the last member deletes the key
		sExact("SREM", "s", "a", "b", "", "\x00\xff", "zz"), sExact("EXISTS", "s"), sExact("SREM", "s", "a"),
		sExact("SADD", "one", "x"), sExact("SREM", "one", "x", "x"), sExact("EXISTS", "one"),
		// missing keys
		sExact("SMEMBERS", "nokey"), sExact("SCARD", "nokey"), sExact("SISMEMBER", "nokey", "a"),
		sExact("SMISMEMBER", "nokey", "a", "b"), sExact("SREM", "nokey", "a"),
		// TYPE, COPY, RENAME
		sExact("TYPE", "i"), sExact("COPY", "i", "i2"), sExact("SMEMBERS", "i2"), sExact("OBJECT", "ENCODING", "i2"),
		sExact("COPY", "m", "m2"), sExact("OBJECT", "ENCODING", "m2"), sSorted("SMEMBERS", "m2"),
		sExact("SADD", "i2", "77"), sExact("SMEMBERS", "i"), sExact("RENAME", "i2", "i3"), sExact("SMEMBERS", "i3"),
		sExact("DEL", "i3"), sExact("EXISTS", "i3"),
	})
}

// TestDiffSetErrors covers wrong type, wrong arity and bad numbers.
func TestDiffSetErrors(t *testing.T) {
	var cases []setCase
	cases = append(cases, sExact("SET", "str", "v"), sExact("SADD", "set", "a"), sExact("SADD", "iset", "1", "2"))
	for _, c := range [][]string{
		{"SADD", "str", "a"}, {"SREM", "str", "a"}, {"SMEMBERS", "str"}, {"SISMEMBER", "str", "a"},
		{"SMISMEMBER", "str", "a"}, {"SCARD", "str"}, {"SPOP", "str"}, {"SPOP", "str", "2"}, {"SPOP", "str", "0"},
		{"SRANDMEMBER", "str"}, {"SRANDMEMBER", "str", "2"}, {"SRANDMEMBER", "str", "0"}, {"SMOVE", "str", "set", "a"},
		{"SMOVE", "set", "str", "a"}, {"SMOVE", "nokey", "str", "a"}, {"SMOVE", "set", "str", "zz"},
		{"SINTER", "set", "str"}, {"SINTER", "nokey", "str"}, {"SINTER", "str", "nokey"}, {"SINTERCARD", "2", "set", "str"},
		{"SINTERCARD", "2", "nokey", "str"}, {"SUNION", "set", "str"}, {"SDIFF", "set", "str"}, {"SDIFF", "nokey", "str"},
		{"SDIFF", "str", "set"}, {"SINTERSTORE", "d", "set", "str"}, {"SUNIONSTORE", "d", "str"}, {"SDIFFSTORE", "d", "nokey", "str"},
		{"SSCAN", "str", "0"}, {"SSCAN", "str", "x"}, {"SSCAN", "str", "0", "COUNT", "0"},
		// arity
		{"SADD", "set"}, {"SREM", "set"}, {"SMEMBERS"}, {"SMEMBERS", "set", "x"}, {"SISMEMBER", "set"},
		{"SISMEMBER", "set", "a", "b"}, {"SMISMEMBER", "set"}, {"SCARD"}, {"SCARD", "set", "x"}, {"SPOP"},
		{"SPOP", "set", "1", "2"}, {"SPOP", "str", "1", "2"}, {"SRANDMEMBER"}, {"SRANDMEMBER", "set", "1", "2"},
		{"SRANDMEMBER", "str", "1", "2"}, {"SMOVE", "a", "b"}, {"SINTER"}, {"SINTERCARD", "1"}, {"SUNION"}, {"SDIFF"},
		{"SINTERSTORE", "d"}, {"SUNIONSTORE", "d"}, {"SDIFFSTORE", "d"}, {"SSCAN", "set"},
		// SPOP count: one message for every bad value
		{"SPOP", "set", "-1"}, {"SPOP", "set", "x"}, {"SPOP", "set", "1.5"}, {"SPOP", "set", ""},
		{"SPOP", "nokey", "-1"}, {"SPOP", "str", "-1"}, {"SPOP", "set", "9223372036854775808"}, {"SPOP", "set", "-0"},
		{"SPOP", "nokey", "5"}, {"SPOP", "nokey", "0"}, {"SPOP", "nokey"}, {"SPOP", "set", "0"},
		// SRANDMEMBER count: -LONG_MAX..LONG_MAX
		{"SRANDMEMBER", "set", "x"}, {"SRANDMEMBER", "nokey", "x"}, {"SRANDMEMBER", "set", "-9223372036854775808"},
		{"SRANDMEMBER", "nokey", "-9223372036854775808"}, {"SRANDMEMBER", "set", "9223372036854775808"},
		{"SRANDMEMBER", "nokey", "5"}, {"SRANDMEMBER", "nokey", "-5"}, {"SRANDMEMBER", "nokey", "0"}, {"SRANDMEMBER", "nokey"},
		{"SRANDMEMBER", "set", "0"}, {"SRANDMEMBER", "set", "-0"},
		// SINTERCARD numkeys and LIMIT
		{"SINTERCARD", "0", "set"}, {"SINTERCARD", "-1", "set"}, {"SINTERCARD", "x", "set"}, {"SINTERCARD", "2", "set"},
		{"SINTERCARD", "9223372036854775807", "set"}, {"SINTERCARD", "9223372036854775808", "set"},
		{"SINTERCARD", "1", "set", "LIMIT"}, {"SINTERCARD", "1", "set", "LIMIT", "-1"}, {"SINTERCARD", "1", "set", "LIMIT", "x"},
		{"SINTERCARD", "1", "set", "LIMIT", "1", "LIMIT", "0"}, {"SINTERCARD", "1", "set", "FOO", "1"},
		{"SINTERCARD", "1", "set", "limit", "0"}, {"SINTERCARD", "1", "str", "LIMIT", "x"}, {"SINTERCARD", "1", "nokey", "BAD"},
		{"SINTERCARD", "2", "set", "LIMIT", "1"}, {"SINTERCARD", "1", "set", "LIMIT", "9223372036854775808"},
		// SSCAN cursor and options
		// (cursors on the intset: a hashtable's buckets depend on the hash)
		{"SSCAN", "iset", "x"}, {"SSCAN", "nokey", "x"}, {"SSCAN", "iset", "-1"}, {"SSCAN", "iset", ""}, {"SSCAN", "iset", "18446744073709551616"},
		{"SSCAN", "iset", "18446744073709551615"}, {"SSCAN", "iset", " 0"}, {"SSCAN", "iset", "+0"}, {"SSCAN", "set", "x"},
		{"SSCAN", "nokey", "0", "COUNT", "x"}, {"SSCAN", "set", "0", "COUNT", "x"}, {"SSCAN", "set", "0", "COUNT", "0"},
		{"SSCAN", "set", "0", "COUNT", "-1"}, {"SSCAN", "set", "0", "COUNT"}, {"SSCAN", "set", "0", "MATCH"},
		{"SSCAN", "set", "0", "TYPE", "set"}, {"SSCAN", "set", "0", "FOO", "bar"}, {"SSCAN", "set", "0", "COUNT", "9223372036854775807"},
		{"SSCAN", "iset", "0", "MATCH", ""}, {"SSCAN", "iset", "0", "MATCH", "1*", "COUNT", "1"}, {"SSCAN", "iset", "0", "count", "1", "match", "*"},
	} {
		cases = append(cases, sExact(c...))
	}
	runSetCases(t, cases)
}

func TestDiffSetPopRandom(t *testing.T) {
	small := intStrings(0, 10)
	mixed := append(intStrings(0, 20), "a", "b", "c")
	var cases []setCase
	add := func(c ...setCase) { cases = append(cases, c...) }
	add(sExact(sCmd("SADD", sArgs("i"), small)...), sExact(sCmd("SADD", sArgs("h"), mixed)...))
	// SRANDMEMBER: every case of srandmemberWithCountCommand, both encodings
	for _, key := range []string{"i", "h"} {
		pool := small
		if key == "h" {
			pool = mixed
		}
		add(sRandom(pool, true, "SRANDMEMBER", key))
		for _, n := range []string{"1", "2", "3", "4", "7", "9", "-1", "-3", "-10", "-50"} {
			add(sRandom(pool, !strings.HasPrefix(n, "-"), "SRANDMEMBER", key, n))
		}
	}
	// count >= size: the whole set, an intset in order
	add(sExact("SRANDMEMBER", "i", "10"), sExact("SRANDMEMBER", "i", "1000"), sSorted("SRANDMEMBER", "h", "23"),
		sSorted("SRANDMEMBER", "h", "9223372036854775807"), sExact("SCARD", "i"), sExact("SCARD", "h"))
	// SPOP one at a time, then the size
	add(sRandom(small, true, "SPOP", "i"), sExact("SCARD", "i"), sRandom(mixed, true, "SPOP", "h"), sExact("SCARD", "h"))
	add(sExact("SADD", "single", "x"), sExact("SPOP", "single"), sExact("EXISTS", "single"), sExact("SPOP", "single"))
	add(sExact("SADD", "single", "7"), sExact("SPOP", "single", "1"), sExact("EXISTS", "single"))
	// SPOP with a count: case 2 (few), case 3 (most), case 1 (all)
	add(sExact("DEL", "i", "h"), sExact(sCmd("SADD", sArgs("i"), small)...), sExact(sCmd("SADD", sArgs("h"), mixed)...),
		sRandom(small, true, "SPOP", "i", "2"), sExact("SCARD", "i"), sRandom(small, true, "SPOP", "i", "7"), sExact("SCARD", "i"),
		sExact("OBJECT", "ENCODING", "i"),
		sRandom(mixed, true, "SPOP", "h", "3"), sExact("SCARD", "h"), sRandom(mixed, true, "SPOP", "h", "18"), sExact("SCARD", "h"),
		sExact("DEL", "i", "h"),
		sExact(sCmd("SADD", sArgs("i"), small)...), sExact("SPOP", "i", "10"), sExact("EXISTS", "i"),
		sExact(sCmd("SADD", sArgs("i"), small)...), sExact("SPOP", "i", "9223372036854775807"), sExact("EXISTS", "i"),
		sExact(sCmd("SADD", sArgs("h"), mixed)...), sSorted("SPOP", "h", "100"), sExact("EXISTS", "h"))
	// Case 3 rebuilds the survivors: a hashtable of integers becomes an
	// intset again; SPOP everything of such a set replies in order.
	add(sExact("SADD", "r", "a", "1", "2", "3", "4", "5", "6"), sExact("SREM", "r", "a"), sExact("OBJECT", "ENCODING", "r"),
		sRandom(intStrings(1, 7), true, "SPOP", "r", "5"), sExact("SCARD", "r"), sExact("OBJECT", "ENCODING", "r"), sExact("DEL", "r"),
		sExact("SADD", "r", "a", "1", "2", "3", "4", "5", "6"), sExact("SREM", "r", "a"), sExact("SPOP", "r", "6"),
		sExact("SADD", "r", "a", "1", "2", "3", "4", "5", "6"), sExact("SREM", "r", "a"), sRandom(intStrings(1, 7), true, "SPOP", "r", "2"),
		sExact("OBJECT", "ENCODING", "r"), sExact("SCARD", "r"))
	// the TTL survives a rebuild
	add(sExact(sCmd("SADD", sArgs("t"), small)...), sExact("EXPIRE", "t", "1000"), sRandom(small, true, "SPOP", "t", "9"),
		sExact("TTL", "t"), sExact("SCARD", "t"))
	// a big hashtable: SRANDMEMBER case 4 and SPOP case 2 at scale
	big := intStrings(0, 1000)
	add(sExact(sCmd("SADD", sArgs("big"), big)...), sRandom(big, true, "SRANDMEMBER", "big", "100"),
		sRandom(big, false, "SRANDMEMBER", "big", "-2000"), sRandom(big, true, "SRANDMEMBER", "big", "400"),
		sRandom(big, true, "SPOP", "big", "100"), sExact("SCARD", "big"), sRandom(big, true, "SPOP", "big", "850"),
		sExact("SCARD", "big"), sExact("OBJECT", "ENCODING", "big"))
	runSetCases(t, cases)
}

func TestDiffSetAlgebra(t *testing.T) {
	var cases []setCase
	add := func(c ...setCase) { cases = append(cases, c...) }
	add(sExact("SADD", "a", "1", "2", "3", "4", "5"), sExact("SADD", "b", "3", "4", "5", "6"), sExact("SADD", "c", "4", "5", "x"),
		sExact("SADD", "d", "x", "y", "z", "5"), sExact("SET", "str", "v"))
	// SINTER iterates the smallest set: an intset replies in order
	add(sExact("SINTER", "a", "b"), sExact("SINTER", "b", "a"), sSorted("SINTER", "a", "b", "c"), sExact("SINTER", "a"),
		sExact("SINTER", "a", "a"), sExact("SINTER", "a", "nokey"), sExact("SINTER", "nokey", "a"), sSorted("SINTER", "c", "d"),
		sSorted("SINTER", "d", "c"), sExact("SINTER", "a", "d"))
	add(sExact("SINTERCARD", "2", "a", "b"), sExact("SINTERCARD", "1", "a"), sExact("SINTERCARD", "3", "a", "b", "c"),
		sExact("SINTERCARD", "2", "a", "b", "LIMIT", "1"), sExact("SINTERCARD", "2", "a", "b", "LIMIT", "0"),
		sExact("SINTERCARD", "2", "a", "b", "LIMIT", "100"), sExact("SINTERCARD", "2", "a", "nokey"),
		sExact("SINTERCARD", "2", "a", "a", "LIMIT", "2"), sExact("sintercard", "1", "a", "limit", "3", "LIMIT", "4"))
	// SUNION and SDIFF build a new set: intset when every member is an integer
	add(sExact("SUNION", "a", "b"), sSorted("SUNION", "a", "c"), sExact("SUNION", "nokey", "a"), sExact("SUNION", "nokey"),
		sExact("SDIFF", "a", "b"), sExact("SDIFF", "b", "a"), sExact("SDIFF", "a", "b", "c"), sExact("SDIFF", "a", "nokey"),
		sExact("SDIFF", "nokey", "a"), sExact("SDIFF", "a", "a"), sExact("SDIFF", "a", "b", "a"), sSorted("SDIFF", "d", "c"),
		sExact("SDIFF", "c", "d"))
	// STORE forms: replace any type, drop the TTL, delete on empty
	add(sExact("SINTERSTORE", "dst", "a", "b"), sExact("SMEMBERS", "dst"), sExact("OBJECT", "ENCODING", "dst"),
		sExact("EXPIRE", "dst", "100"), sExact("SUNIONSTORE", "dst", "a", "c"), sExact("TTL", "dst"), sSorted("SMEMBERS", "dst"),
		sExact("OBJECT", "ENCODING", "dst"), sExact("SDIFFSTORE", "dst", "c", "d"), sExact("SMEMBERS", "dst"), sExact("OBJECT", "ENCODING", "dst"),
		sExact("SINTERSTORE", "str", "a", "b"), sExact("TYPE", "str"), sExact("SET", "str", "v"),
		sExact("SUNIONSTORE", "str", "a"), sExact("TYPE", "str"), sExact("SET", "str", "v"), sExact("SDIFFSTORE", "str", "a", "b"),
		sExact("TYPE", "str"), sExact("SET", "str", "v"),
		sExact("SINTERSTORE", "dst", "a", "nokey"), sExact("EXISTS", "dst"), sExact("SDIFFSTORE", "dst", "a", "a"),
		sExact("SUNIONSTORE", "dst", "nokey"), sExact("EXISTS", "dst"), sExact("SDIFFSTORE", "dst", "nokey", "a"),
		sExact("SET", "dst", "v"), sExact("SINTERSTORE", "dst", "a", "d", "b"), sExact("EXISTS", "dst"),
		sExact("SET", "dst", "v"), sExact("SINTERSTORE", "dst", "str", "a"), sExact("GET", "dst"),
		sExact("SINTERSTORE", "a2", "a", "a"), sExact("SMEMBERS", "a2"),
		// the destination may be a source
		sExact("SUNIONSTORE", "a2", "a2", "b"), sExact("SMEMBERS", "a2"), sExact("SDIFFSTORE", "a2", "a2", "a2"), sExact("EXISTS", "a2"))
	// The result's encoding follows the members, at the 512 limit too.
	add(sExact(sCmd("SADD", sArgs("n1"), intStrings(0, 400))...), sExact(sCmd("SADD", sArgs("n2"), intStrings(300, 700))...),
		sExact("OBJECT", "ENCODING", "n2"), sExact("SUNIONSTORE", "u", "n1", "n2"), sExact("OBJECT", "ENCODING", "u"),
		sExact("SINTERSTORE", "u", "n1", "n2"), sExact("OBJECT", "ENCODING", "u"), sExact("SMEMBERS", "u"),
		sExact("SDIFFSTORE", "u", "n2", "n1"), sExact("OBJECT", "ENCODING", "u"), sExact("SCARD", "u"), sSorted("SMEMBERS", "u"),
		sExact(sCmd("SADD", sArgs("n3"), intStrings(0, 513))...), sExact("SINTERSTORE", "u", "n3", "n3"), sExact("OBJECT", "ENCODING", "u"),
		sExact("SINTERSTORE", "u", "n3", "n1"), sExact("OBJECT", "ENCODING", "u"), sExact("SINTER", "n1", "n3"))
	// SDIFF's two algorithms leave different encodings: the second adds
	// the first set whole, so a string that is subtracted later still
	// turns the result into a hashtable.
	algo2 := []string{"SDIFFSTORE", "r", "f", "g"}
	add(sExact("SADD", "f", "x", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), sExact("SADD", "g", "x"))
	for i := 0; i < 10; i++ {
		k := "g" + strconv.Itoa(i)
		add(sExact("SADD", k, strconv.Itoa(100+i)))
		algo2 = append(algo2, k)
	}
	add(sExact(algo2...), sExact("OBJECT", "ENCODING", "r"), sSorted("SMEMBERS", "r"),
		sExact("SDIFFSTORE", "r", "f", "g"), sExact("OBJECT", "ENCODING", "r"), sExact("SMEMBERS", "r"),
		sSorted(append([]string{"SDIFF"}, algo2[2:]...)...), sSorted("SDIFF", "f", "g", "g0", "g1", "nokey", "nokey2"),
		sExact("SDIFF", "f", "g", "nokey", "nokey2"))
	// algorithm 2 over a big first set that shrinks below the limit
	add(sExact(sCmd("SADD", sArgs("big"), intStrings(0, 600))...), sExact(sCmd("SADD", sArgs("sub"), intStrings(0, 200))...),
		sExact("SDIFFSTORE", "r", "big", "sub"), sExact("OBJECT", "ENCODING", "r"), sExact("SCARD", "r"))
	runSetCases(t, cases)
}

func TestDiffSetMoveScan(t *testing.T) {
	var cases []setCase
	add := func(c ...setCase) { cases = append(cases, c...) }
	add(sExact("SADD", "a", "1", "2", "3"), sExact("SADD", "b", "x"),
		sExact("SMOVE", "a", "b", "1"), sExact("SMEMBERS", "a"), sSorted("SMEMBERS", "b"),
		sExact("SMOVE", "a", "b", "9"), sExact("SMOVE", "a", "a", "2"), sExact("SMOVE", "a", "a", "9"),
		sExact("SMOVE", "a", "new", "2"), sExact("SMEMBERS", "new"), sExact("OBJECT", "ENCODING", "new"),
		sExact("SMOVE", "a", "new2", "3"), sExact("EXISTS", "a"), sExact("SMEMBERS", "new2"),
		sExact("SMOVE", "b", "new2", "x"), sExact("OBJECT", "ENCODING", "new2"), sSorted("SMEMBERS", "new2"),
		sExact("SMOVE", "b", "new3", "x"), sExact("SMOVE", "nokey", "b", "x"), sExact("SMOVE", "b", "b", "1"),
		sExact("SADD", "c", "m"), sExact("SMOVE", "b", "c", "1"), sExact("SMOVE", "b", "c", "1"), sSorted("SMEMBERS", "c"),
		sExact("SMOVE", "c", "fresh", "m"), sExact("OBJECT", "ENCODING", "fresh"), sExact("SMEMBERS", "fresh"))
	// SSCAN: an intset whole with cursor 0, whatever the cursor
	add(sExact(sCmd("SADD", sArgs("i"), intStrings(0, 300))...), sExact("SSCAN", "i", "0"), sExact("SSCAN", "i", "17", "COUNT", "2"),
		sExact("SSCAN", "i", "0", "MATCH", "1?"), sExact("SSCAN", "i", "0", "MATCH", "*0", "COUNT", "1000"),
		sExact("SSCAN", "nokey", "0"), sExact("SSCAN", "nokey", "5", "MATCH", "x"))
	// a hashtable scanned in one call when COUNT covers it
	add(sExact("SADD", "h", "a", "b", "c", "d", "e", "f", "1"), sSorted("SSCAN", "h", "0", "COUNT", "1000"),
		sSorted("SSCAN", "h", "0", "COUNT", "1000", "MATCH", "[a-c]"), sSorted("SSCAN", "h", "0", "MATCH", "*", "COUNT", "100"))
	runSetCases(t, cases)
}

// TestDiffSetScanHashtable scans big hashtables to completion on each
// side (cursors depend on the hash function) and compares what was seen.
func TestDiffSetScanHashtable(t *testing.T) {
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		var members []string
		for i := 0; i < 2000; i++ {
			members = append(members, "m"+strconv.Itoa(i))
		}
		d.Do(sCmd("SADD", sArgs("h"), members)...)
		ref, sub := d.Conns()
		for _, opts := range [][]string{nil, {"COUNT", "7"}, {"MATCH", "m1*"}, {"MATCH", "m1*", "COUNT", "50"}} {
			want := sscanAll(t, ref, opts)
			got := sscanAll(t, sub, opts)
			d.Compare("SSCAN h ... "+strings.Join(opts, " "), []byte(strings.Join(want, ",")), []byte(strings.Join(got, ",")))
		}
	}
}

// sscanAll runs SSCAN h to completion and returns the distinct members.
func sscanAll(t *testing.T, c *redistest.Client, opts []string) []string {
	t.Helper()
	seen := map[string]bool{}
	cursor := "0"
	for calls := 0; ; calls++ {
		raw, err := c.Do(append([]string{"SSCAN", "h", cursor}, opts...)...)
		if err != nil {
			t.Fatal(err)
		}
		v, err := redistest.Parse(raw)
		if err != nil || len(v.Elems) != 2 {
			t.Fatalf("SSCAN reply %q", raw)
		}
		for _, e := range v.Elems[1].Elems {
			seen[e.Str] = true
		}
		if cursor = v.Elems[0].Str; cursor == "0" || calls > 10000 {
			break
		}
	}
	out := make([]string, 0, len(seen))
	for m := range seen {
		out = append(out, m)
	}
	slices.Sort(out)
	return out
}

// TestDiffSetInterBatches intersects and subtracts sets with more members
// than one batch of interSets' and diffSets' overlapped lookups (16),
// against hashtables: an intset first (replies in order, integers looked
// up by their decimal form), a
// hashtable first, hashtables that hold integers as strings (the even
// ones, so that a number looked up as its neighbour would show), and LIMITs
// that stop inside a batch and at its edge.
func TestDiffSetInterBatches(t *testing.T) {
	var cases []setCase
	add := func(c ...setCase) { cases = append(cases, c...) }
	strs := func(from, to int) []string {
		out := intStrings(from, to)
		for i := range out {
			out[i] = "m" + out[i]
		}
		return out
	}
	evens := intStrings(0, 600)
	for i := range evens {
		evens[i] = strconv.Itoa(2 * i)
	}
	add(sExact(sCmd("SADD", sArgs("big"), strs(0, 600))...), sExact(sCmd("SADD", sArgs("bigi"), evens, sArgs("x"))...),
		sExact(sCmd("SADD", sArgs("ints"), intStrings(550, 590), intStrings(700, 710))...),
		sExact(sCmd("SADD", sArgs("small"), strs(580, 620), sArgs("7"))...),
		sExact("OBJECT", "ENCODING", "bigi"), sExact("OBJECT", "ENCODING", "ints"))
	add(sExact("SINTER", "ints", "bigi"), sExact("SINTER", "bigi", "ints", "bigi"), sExact("SINTER", "ints", "big"),
		sSorted("SINTER", "small", "big"), sSorted("SINTER", "big", "small", "big"), sSorted("SINTER", "small", "bigi"),
		sExact("SINTERCARD", "2", "ints", "bigi"), sExact("SINTERCARD", "2", "ints", "bigi", "LIMIT", "7"),
		sExact("SINTERCARD", "2", "ints", "bigi", "LIMIT", "16"), sExact("SINTERCARD", "2", "ints", "bigi", "LIMIT", "17"),
		sExact("SINTERCARD", "2", "small", "big", "LIMIT", "5"), sExact("SINTERCARD", "3", "small", "big", "bigi"),
		sExact("SINTERSTORE", "dst", "small", "big"), sSorted("SMEMBERS", "dst"), sExact("OBJECT", "ENCODING", "dst"),
		sExact("SINTERSTORE", "dst", "ints", "bigi"), sExact("SMEMBERS", "dst"), sExact("OBJECT", "ENCODING", "dst"),
		sExact("SDIFF", "ints", "bigi"), sExact("SDIFF", "ints", "big", "bigi"), sSorted("SDIFF", "small", "big"),
		sSorted("SDIFF", "small", "bigi", "big"), sExact("SDIFFSTORE", "dst", "small", "big", "bigi"), sSorted("SMEMBERS", "dst"),
		sExact("OBJECT", "ENCODING", "dst"), sExact("SDIFFSTORE", "dst", "ints", "bigi"), sExact("SMEMBERS", "dst"),
		sExact("OBJECT", "ENCODING", "dst"))
	runSetCases(t, cases)
}
