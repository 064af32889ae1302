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

// exact, sorted and random build setCases: sorted for replies that iterate
// a hashtable (whose order depends on the hash function), random for
// SPOP/SRANDMEMBER replies, checked against the members the set can hold.
func exact(args ...string) setCase  { return setCase{nil, args} }
func sorted(args ...string) setCase { return setCase{redistest.SortElemsDeep, args} }

// random compares a random reply by what is deterministic about it: its
// shape (type and length), every member drawn from pool, and no member
// twice when distinct.
func random(pool []string, distinct bool, args ...string) setCase {
	return setCase{randomFrom(pool, distinct), args}
}

// randomFrom is random's normalizer: when both replies have the same shape
// and the subject's members are valid, both become their shape; otherwise
// they are left as they are, so the mismatch is reported.
func randomFrom(pool []string, distinct bool) redistest.Normalizer {
	return func(ref, sub []byte) ([]byte, []byte) {
		rv, err1 := redistest.Parse(ref)
		sv, err2 := redistest.Parse(sub)
		if err1 != nil || err2 != nil {
			return ref, sub
		}
		shapeR, shapeS := rv.Encode(), sv.Encode()
		rs, ss := redistest.Shape(shapeR, shapeS)
		if !bytes.Equal(rs, ss) || !validRandom(rv, pool, distinct) || !validRandom(sv, pool, distinct) {
			return ref, sub
		}
		return rs, ss
	}
}

func validRandom(v redistest.Value, pool []string, distinct bool) bool {
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
func ints(from, to int) []string {
	out := make([]string, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, strconv.Itoa(i))
	}
	return out
}

func cmd(name string, args ...[]string) []string {
	out := []string{name}
	for _, a := range args {
		out = append(out, a...)
	}
	return out
}

func strs(s ...string) []string { return s }

func TestDiffSetBasics(t *testing.T) {
	runSetCases(t, []setCase{
		// intsets: ascending order, canonical integers only
		exact("SADD", "i", "5", "3", "-1", "9223372036854775807", "-9223372036854775808", "3"),
		exact("SMEMBERS", "i"), exact("OBJECT", "ENCODING", "i"), exact("SCARD", "i"),
		exact("SISMEMBER", "i", "3"), exact("SISMEMBER", "i", "03"), exact("SISMEMBER", "i", "x"), exact("SISMEMBER", "i", "4"),
		exact("SMISMEMBER", "i", "3", "4", "-1", "+3", "", "9223372036854775808"),
		exact("SREM", "i", "3", "3", "x", "03", "-9223372036854775808"), exact("SMEMBERS", "i"),
		exact("SADD", "j", "0"), exact("SADD", "j", "-0"), exact("OBJECT", "ENCODING", "j"), sorted("SMEMBERS", "j"),
		exact("SADD", "k", "01"), exact("OBJECT", "ENCODING", "k"), exact("SADD", "k", "1", "+1", " 1", "1 "), sorted("SMEMBERS", "k"),
		exact("SADD", "l", "9223372036854775808"), exact("OBJECT", "ENCODING", "l"),
		exact("SADD", "m", "1", "2", "1.5"), exact("OBJECT", "ENCODING", "m"), sorted("SMEMBERS", "m"),
		// a hashtable never goes back to an intset
		exact("SREM", "m", "1.5"), exact("OBJECT", "ENCODING", "m"), sorted("SMEMBERS", "m"), exact("SISMEMBER", "m", "2"),
		// the 512-entry limit
		exact(cmd("SADD", strs("big"), ints(0, 512))...), exact("OBJECT", "ENCODING", "big"), exact("SCARD", "big"),
		exact("SADD", "big", "511"), exact("OBJECT", "ENCODING", "big"),
		exact("SADD", "big", "512"), exact("OBJECT", "ENCODING", "big"), exact("SCARD", "big"),
		exact("SREM", "big", "512", "511"), exact("OBJECT", "ENCODING", "big"), exact("SISMEMBER", "big", "100"),
		exact(cmd("SADD", strs("b2"), ints(-300, 300))...), exact("OBJECT", "ENCODING", "b2"),
		// strings, binary, empty
		exact("SADD", "s", "a", "b", "", "\x00\xff", "a"), sorted("SMEMBERS", "s"), exact("SCARD", "s"),
		exact("SISMEMBER", "s", ""), exact("SMISMEMBER", "s", "a", "z", "\x00\xff"), exact("OBJECT", "ENCODING", "s"),
		// removing the last member deletes the key
		exact("SREM", "s", "a", "b", "", "\x00\xff", "zz"), exact("EXISTS", "s"), exact("SREM", "s", "a"),
		exact("SADD", "one", "x"), exact("SREM", "one", "x", "x"), exact("EXISTS", "one"),
		// missing keys
		exact("SMEMBERS", "nokey"), exact("SCARD", "nokey"), exact("SISMEMBER", "nokey", "a"),
		exact("SMISMEMBER", "nokey", "a", "b"), exact("SREM", "nokey", "a"),
		// TYPE, COPY, RENAME
		exact("TYPE", "i"), exact("COPY", "i", "i2"), exact("SMEMBERS", "i2"), exact("OBJECT", "ENCODING", "i2"),
		exact("COPY", "m", "m2"), exact("OBJECT", "ENCODING", "m2"), sorted("SMEMBERS", "m2"),
		exact("SADD", "i2", "77"), exact("SMEMBERS", "i"), exact("RENAME", "i2", "i3"), exact("SMEMBERS", "i3"),
		exact("DEL", "i3"), exact("EXISTS", "i3"),
	})
}

// TestDiffSetErrors covers wrong type, wrong arity and bad numbers.
func TestDiffSetErrors(t *testing.T) {
	var cases []setCase
	cases = append(cases, exact("SET", "str", "v"), exact("SADD", "set", "a"), exact("SADD", "iset", "1", "2"))
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
		cases = append(cases, exact(c...))
	}
	runSetCases(t, cases)
}

func TestDiffSetPopRandom(t *testing.T) {
	small := ints(0, 10)
	mixed := append(ints(0, 20), "a", "b", "c")
	var cases []setCase
	add := func(c ...setCase) { cases = append(cases, c...) }
	add(exact(cmd("SADD", strs("i"), small)...), exact(cmd("SADD", strs("h"), mixed)...))
	// SRANDMEMBER: every case of srandmemberWithCountCommand, both encodings
	for _, key := range []string{"i", "h"} {
		pool := small
		if key == "h" {
			pool = mixed
		}
		add(random(pool, true, "SRANDMEMBER", key))
		for _, n := range []string{"1", "2", "3", "4", "7", "9", "-1", "-3", "-10", "-50"} {
			add(random(pool, !strings.HasPrefix(n, "-"), "SRANDMEMBER", key, n))
		}
	}
	// count >= size: the whole set, an intset in order
	add(exact("SRANDMEMBER", "i", "10"), exact("SRANDMEMBER", "i", "1000"), sorted("SRANDMEMBER", "h", "23"),
		sorted("SRANDMEMBER", "h", "9223372036854775807"), exact("SCARD", "i"), exact("SCARD", "h"))
	// SPOP one at a time, then the size
	add(random(small, true, "SPOP", "i"), exact("SCARD", "i"), random(mixed, true, "SPOP", "h"), exact("SCARD", "h"))
	add(exact("SADD", "single", "x"), exact("SPOP", "single"), exact("EXISTS", "single"), exact("SPOP", "single"))
	add(exact("SADD", "single", "7"), exact("SPOP", "single", "1"), exact("EXISTS", "single"))
	// SPOP with a count: case 2 (few), case 3 (most), case 1 (all)
	add(exact("DEL", "i", "h"), exact(cmd("SADD", strs("i"), small)...), exact(cmd("SADD", strs("h"), mixed)...),
		random(small, true, "SPOP", "i", "2"), exact("SCARD", "i"), random(small, true, "SPOP", "i", "7"), exact("SCARD", "i"),
		exact("OBJECT", "ENCODING", "i"),
		random(mixed, true, "SPOP", "h", "3"), exact("SCARD", "h"), random(mixed, true, "SPOP", "h", "18"), exact("SCARD", "h"),
		exact("DEL", "i", "h"),
		exact(cmd("SADD", strs("i"), small)...), exact("SPOP", "i", "10"), exact("EXISTS", "i"),
		exact(cmd("SADD", strs("i"), small)...), exact("SPOP", "i", "9223372036854775807"), exact("EXISTS", "i"),
		exact(cmd("SADD", strs("h"), mixed)...), sorted("SPOP", "h", "100"), exact("EXISTS", "h"))
	// Case 3 rebuilds the survivors: a hashtable of integers becomes an
	// intset again; SPOP everything of such a set replies in order.
	add(exact("SADD", "r", "a", "1", "2", "3", "4", "5", "6"), exact("SREM", "r", "a"), exact("OBJECT", "ENCODING", "r"),
		random(ints(1, 7), true, "SPOP", "r", "5"), exact("SCARD", "r"), exact("OBJECT", "ENCODING", "r"), exact("DEL", "r"),
		exact("SADD", "r", "a", "1", "2", "3", "4", "5", "6"), exact("SREM", "r", "a"), exact("SPOP", "r", "6"),
		exact("SADD", "r", "a", "1", "2", "3", "4", "5", "6"), exact("SREM", "r", "a"), random(ints(1, 7), true, "SPOP", "r", "2"),
		exact("OBJECT", "ENCODING", "r"), exact("SCARD", "r"))
	// the TTL survives a rebuild
	add(exact(cmd("SADD", strs("t"), small)...), exact("EXPIRE", "t", "1000"), random(small, true, "SPOP", "t", "9"),
		exact("TTL", "t"), exact("SCARD", "t"))
	// a big hashtable: SRANDMEMBER case 4 and SPOP case 2 at scale
	big := ints(0, 1000)
	add(exact(cmd("SADD", strs("big"), big)...), random(big, true, "SRANDMEMBER", "big", "100"),
		random(big, false, "SRANDMEMBER", "big", "-2000"), random(big, true, "SRANDMEMBER", "big", "400"),
		random(big, true, "SPOP", "big", "100"), exact("SCARD", "big"), random(big, true, "SPOP", "big", "850"),
		exact("SCARD", "big"), exact("OBJECT", "ENCODING", "big"))
	runSetCases(t, cases)
}

func TestDiffSetAlgebra(t *testing.T) {
	var cases []setCase
	add := func(c ...setCase) { cases = append(cases, c...) }
	add(exact("SADD", "a", "1", "2", "3", "4", "5"), exact("SADD", "b", "3", "4", "5", "6"), exact("SADD", "c", "4", "5", "x"),
		exact("SADD", "d", "x", "y", "z", "5"), exact("SET", "str", "v"))
	// SINTER iterates the smallest set: an intset replies in order
	add(exact("SINTER", "a", "b"), exact("SINTER", "b", "a"), sorted("SINTER", "a", "b", "c"), exact("SINTER", "a"),
		exact("SINTER", "a", "a"), exact("SINTER", "a", "nokey"), exact("SINTER", "nokey", "a"), sorted("SINTER", "c", "d"),
		sorted("SINTER", "d", "c"), exact("SINTER", "a", "d"))
	add(exact("SINTERCARD", "2", "a", "b"), exact("SINTERCARD", "1", "a"), exact("SINTERCARD", "3", "a", "b", "c"),
		exact("SINTERCARD", "2", "a", "b", "LIMIT", "1"), exact("SINTERCARD", "2", "a", "b", "LIMIT", "0"),
		exact("SINTERCARD", "2", "a", "b", "LIMIT", "100"), exact("SINTERCARD", "2", "a", "nokey"),
		exact("SINTERCARD", "2", "a", "a", "LIMIT", "2"), exact("sintercard", "1", "a", "limit", "3", "LIMIT", "4"))
	// SUNION and SDIFF build a new set: intset when every member is an integer
	add(exact("SUNION", "a", "b"), sorted("SUNION", "a", "c"), exact("SUNION", "nokey", "a"), exact("SUNION", "nokey"),
		exact("SDIFF", "a", "b"), exact("SDIFF", "b", "a"), exact("SDIFF", "a", "b", "c"), exact("SDIFF", "a", "nokey"),
		exact("SDIFF", "nokey", "a"), exact("SDIFF", "a", "a"), exact("SDIFF", "a", "b", "a"), sorted("SDIFF", "d", "c"),
		exact("SDIFF", "c", "d"))
	// STORE forms: replace any type, drop the TTL, delete on empty
	add(exact("SINTERSTORE", "dst", "a", "b"), exact("SMEMBERS", "dst"), exact("OBJECT", "ENCODING", "dst"),
		exact("EXPIRE", "dst", "100"), exact("SUNIONSTORE", "dst", "a", "c"), exact("TTL", "dst"), sorted("SMEMBERS", "dst"),
		exact("OBJECT", "ENCODING", "dst"), exact("SDIFFSTORE", "dst", "c", "d"), exact("SMEMBERS", "dst"), exact("OBJECT", "ENCODING", "dst"),
		exact("SINTERSTORE", "str", "a", "b"), exact("TYPE", "str"), exact("SET", "str", "v"),
		exact("SUNIONSTORE", "str", "a"), exact("TYPE", "str"), exact("SET", "str", "v"), exact("SDIFFSTORE", "str", "a", "b"),
		exact("TYPE", "str"), exact("SET", "str", "v"),
		exact("SINTERSTORE", "dst", "a", "nokey"), exact("EXISTS", "dst"), exact("SDIFFSTORE", "dst", "a", "a"),
		exact("SUNIONSTORE", "dst", "nokey"), exact("EXISTS", "dst"), exact("SDIFFSTORE", "dst", "nokey", "a"),
		exact("SET", "dst", "v"), exact("SINTERSTORE", "dst", "a", "d", "b"), exact("EXISTS", "dst"),
		exact("SET", "dst", "v"), exact("SINTERSTORE", "dst", "str", "a"), exact("GET", "dst"),
		exact("SINTERSTORE", "a2", "a", "a"), exact("SMEMBERS", "a2"),
		// the destination may be a source
		exact("SUNIONSTORE", "a2", "a2", "b"), exact("SMEMBERS", "a2"), exact("SDIFFSTORE", "a2", "a2", "a2"), exact("EXISTS", "a2"))
	// The result's encoding follows the members, at the 512 limit too.
	add(exact(cmd("SADD", strs("n1"), ints(0, 400))...), exact(cmd("SADD", strs("n2"), ints(300, 700))...),
		exact("OBJECT", "ENCODING", "n2"), exact("SUNIONSTORE", "u", "n1", "n2"), exact("OBJECT", "ENCODING", "u"),
		exact("SINTERSTORE", "u", "n1", "n2"), exact("OBJECT", "ENCODING", "u"), exact("SMEMBERS", "u"),
		exact("SDIFFSTORE", "u", "n2", "n1"), exact("OBJECT", "ENCODING", "u"), exact("SCARD", "u"), sorted("SMEMBERS", "u"),
		exact(cmd("SADD", strs("n3"), ints(0, 513))...), exact("SINTERSTORE", "u", "n3", "n3"), exact("OBJECT", "ENCODING", "u"),
		exact("SINTERSTORE", "u", "n3", "n1"), exact("OBJECT", "ENCODING", "u"), exact("SINTER", "n1", "n3"))
	// SDIFF's two algorithms leave different encodings: the second adds
	// the first set whole, so a string that is subtracted later still
	// turns the result into a hashtable.
	algo2 := []string{"SDIFFSTORE", "r", "f", "g"}
	add(exact("SADD", "f", "x", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), exact("SADD", "g", "x"))
	for i := 0; i < 10; i++ {
		k := "g" + strconv.Itoa(i)
		add(exact("SADD", k, strconv.Itoa(100+i)))
		algo2 = append(algo2, k)
	}
	add(exact(algo2...), exact("OBJECT", "ENCODING", "r"), sorted("SMEMBERS", "r"),
		exact("SDIFFSTORE", "r", "f", "g"), exact("OBJECT", "ENCODING", "r"), exact("SMEMBERS", "r"),
		sorted(append([]string{"SDIFF"}, algo2[2:]...)...), sorted("SDIFF", "f", "g", "g0", "g1", "nokey", "nokey2"),
		exact("SDIFF", "f", "g", "nokey", "nokey2"))
	// algorithm 2 over a big first set that shrinks below the limit
	add(exact(cmd("SADD", strs("big"), ints(0, 600))...), exact(cmd("SADD", strs("sub"), ints(0, 200))...),
		exact("SDIFFSTORE", "r", "big", "sub"), exact("OBJECT", "ENCODING", "r"), exact("SCARD", "r"))
	runSetCases(t, cases)
}

func TestDiffSetMoveScan(t *testing.T) {
	var cases []setCase
	add := func(c ...setCase) { cases = append(cases, c...) }
	add(exact("SADD", "a", "1", "2", "3"), exact("SADD", "b", "x"),
		exact("SMOVE", "a", "b", "1"), exact("SMEMBERS", "a"), sorted("SMEMBERS", "b"),
		exact("SMOVE", "a", "b", "9"), exact("SMOVE", "a", "a", "2"), exact("SMOVE", "a", "a", "9"),
		exact("SMOVE", "a", "new", "2"), exact("SMEMBERS", "new"), exact("OBJECT", "ENCODING", "new"),
		exact("SMOVE", "a", "new2", "3"), exact("EXISTS", "a"), exact("SMEMBERS", "new2"),
		exact("SMOVE", "b", "new2", "x"), exact("OBJECT", "ENCODING", "new2"), sorted("SMEMBERS", "new2"),
		exact("SMOVE", "b", "new3", "x"), exact("SMOVE", "nokey", "b", "x"), exact("SMOVE", "b", "b", "1"),
		exact("SADD", "c", "m"), exact("SMOVE", "b", "c", "1"), exact("SMOVE", "b", "c", "1"), sorted("SMEMBERS", "c"),
		exact("SMOVE", "c", "fresh", "m"), exact("OBJECT", "ENCODING", "fresh"), exact("SMEMBERS", "fresh"))
	// SSCAN: an intset whole with cursor 0, whatever the cursor
	add(exact(cmd("SADD", strs("i"), ints(0, 300))...), exact("SSCAN", "i", "0"), exact("SSCAN", "i", "17", "COUNT", "2"),
		exact("SSCAN", "i", "0", "MATCH", "1?"), exact("SSCAN", "i", "0", "MATCH", "*0", "COUNT", "1000"),
		exact("SSCAN", "nokey", "0"), exact("SSCAN", "nokey", "5", "MATCH", "x"))
	// a hashtable scanned in one call when COUNT covers it
	add(exact("SADD", "h", "a", "b", "c", "d", "e", "f", "1"), sorted("SSCAN", "h", "0", "COUNT", "1000"),
		sorted("SSCAN", "h", "0", "COUNT", "1000", "MATCH", "[a-c]"), sorted("SSCAN", "h", "0", "MATCH", "*", "COUNT", "100"))
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
		d.Do(cmd("SADD", strs("h"), members)...)
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
