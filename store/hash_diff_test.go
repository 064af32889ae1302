package store

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/embedis/embedis/internal/redistest"
)

// hashPairs are n field-value pairs f<i> v<i> after an HSET key.
func hashPairs(cmd, key string, from, n int) []string {
	args := []string{cmd, key}
	for i := from; i < from+n; i++ {
		args = append(args, fmt.Sprintf("f%d", i), fmt.Sprintf("v%d", i))
	}
	return args
}

// sortFieldPairs sorts the field-value pairs of a flat array reply (HGETALL,
// HRANDFIELD ... WITHVALUES in RESP2), of an array of [field, value]
// arrays (RESP3 HRANDFIELD), and of the element array of a scan reply:
// a hashtable's order is its hash function's, which differs from
// redis-server's.
var sortFieldPairs = redistest.Each(func(v redistest.Value) redistest.Value {
	sortFlatFieldPairs(&v)
	if v.Kind == '*' && len(v.Elems) == 2 && v.Elems[1].Kind == '*' && v.Elems[0].Kind == '$' {
		sortFlatFieldPairs(&v.Elems[1])
	}
	return v
})

func sortFlatFieldPairs(v *redistest.Value) {
	if v.Kind == '*' && len(v.Elems) > 0 && v.Elems[0].Kind == '*' { // RESP3 [field, value] pairs
		slices.SortStableFunc(v.Elems, func(a, b redistest.Value) int { return bytes.Compare(a.Encode(), b.Encode()) })
		return
	}
	if v.Kind != '*' && v.Kind != '%' || len(v.Elems)%2 != 0 {
		return
	}
	type pair struct{ f, v redistest.Value }
	ps := make([]pair, len(v.Elems)/2)
	for i := range ps {
		ps[i] = pair{v.Elems[2*i], v.Elems[2*i+1]}
	}
	slices.SortStableFunc(ps, func(a, b pair) int { return bytes.Compare(a.f.Encode(), b.f.Encode()) })
	for i, p := range ps {
		v.Elems[2*i], v.Elems[2*i+1] = p.f, p.v
	}
}

// hcase is a command and how its replies are compared (nil: exactly).
type hcase struct {
	args []string
	norm redistest.Normalizer
}

func hashExact(cmds ...[]string) []hcase {
	out := make([]hcase, len(cmds))
	for i, c := range cmds {
		out[i] = hcase{args: c}
	}
	return out
}

func hashNormed(norm redistest.Normalizer, cmds ...[]string) []hcase {
	out := hashExact(cmds...)
	for i := range out {
		out[i].norm = norm
	}
	return out
}

// runHashCases is runCases with a normalizer per case.
func runHashCases(t *testing.T, groups ...[]hcase) {
	t.Helper()
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		for _, g := range groups {
			for _, c := range g {
				if c.norm != nil {
					d.DoNormalized(c.norm, c.args...)
				} else {
					d.Do(c.args...)
				}
			}
		}
	}
}

func TestDiffHash(t *testing.T) {
	long := strings.Repeat("x", 64)
	longer := strings.Repeat("y", 65)
	runHashCases(t, hashExact(
		// HSET, HMSET, HSETNX, HGET, HMGET on a listpack: insertion order,
		// updates in place
		[]string{"HSET", "h", "a", "1", "b", "2", "c", "3"}, []string{"HGETALL", "h"}, []string{"HSET", "h", "b", "20", "d", "4"},
		[]string{"HGETALL", "h"}, []string{"HSET", "h", "a", "x", "a", "y"}, []string{"HGET", "h", "a"}, []string{"HSET", "h", "a"},
		[]string{"HSET", "h", "a", "1", "b"}, []string{"HSET", "h"}, []string{"HMSET", "h", "e", "5", "f", "6"}, []string{"HMSET", "h", "e"},
		[]string{"HMSET", "h", "e", "5", "f"}, []string{"hset", "h", "g", "7", "h"}, []string{"HSETNX", "h", "a", "z"}, []string{"HSETNX", "h", "z", "26"},
		[]string{"HSETNX", "new", "f", "v"}, []string{"HSETNX", "h", "a"}, []string{"HSETNX", "h", "a", "b", "c"},
		[]string{"HGET", "h", "z"}, []string{"HGET", "h", "nofield"}, []string{"HGET", "nokey", "a"}, []string{"HGET", "h"}, []string{"HGET", "h", "a", "b"},
		[]string{"HMGET", "h", "a", "nofield", "b", "a"}, []string{"HMGET", "nokey", "a", "b"}, []string{"HMGET", "h"},
		[]string{"HGETALL", "h"}, []string{"HKEYS", "h"}, []string{"HVALS", "h"}, []string{"HLEN", "h"}, []string{"HGETALL", "nokey"},
		[]string{"HKEYS", "nokey"}, []string{"HVALS", "nokey"}, []string{"HLEN", "nokey"}, []string{"HGETALL"}, []string{"HKEYS", "h", "x"},
		[]string{"HVALS"}, []string{"HLEN", "h", "x"}, []string{"HSET", "h", "", ""}, []string{"HGET", "h", ""}, []string{"HSTRLEN", "h", ""},
		[]string{"HSET", "h", "bin\x00\xff", "\x00"}, []string{"HGET", "h", "bin\x00\xff"}, []string{"HGETALL", "h"},
		// HEXISTS, HSTRLEN, integers as a listpack stores them
		[]string{"HEXISTS", "h", "a"}, []string{"HEXISTS", "h", "nofield"}, []string{"HEXISTS", "nokey", "a"}, []string{"HEXISTS", "h"},
		[]string{"HSET", "n", "i", "12345", "neg", "-17", "big", "9223372036854775807", "lead", "007", "sp", " 1", "mz", "-0"},
		[]string{"HSTRLEN", "n", "i"}, []string{"HSTRLEN", "n", "neg"}, []string{"HSTRLEN", "n", "big"}, []string{"HSTRLEN", "n", "lead"},
		[]string{"HSTRLEN", "n", "nofield"}, []string{"HSTRLEN", "nokey", "x"}, []string{"HSTRLEN", "n"}, []string{"HGETALL", "n"},
		// HDEL: order kept, the key deleted with its last field
		[]string{"HDEL", "h", "b", "nofield", "b"}, []string{"HGETALL", "h"}, []string{"HDEL", "nokey", "a"}, []string{"HDEL", "h"},
		[]string{"HSET", "h", "b", "back"}, []string{"HKEYS", "h"}, []string{"HSET", "d", "x", "1", "y", "2"}, []string{"HDEL", "d", "x", "y", "x"},
		[]string{"EXISTS", "d"}, []string{"HDEL", "d", "x"}, []string{"TYPE", "d"},
		// HINCRBY
		[]string{"HINCRBY", "c", "n", "5"}, []string{"HINCRBY", "c", "n", "-10"}, []string{"HGET", "c", "n"}, []string{"HINCRBY", "c", "n", "x"},
		[]string{"HINCRBY", "c", "n", "1.5"}, []string{"HINCRBY", "c", "n", ""}, []string{"HINCRBY", "c", "n", "99999999999999999999"},
		[]string{"HSET", "c", "s", "abc", "max", "9223372036854775806", "min", "-9223372036854775807", "f", "1.5", "sp", " 1", "plus", "+1"},
		[]string{"HINCRBY", "c", "s", "1"}, []string{"HINCRBY", "c", "max", "1"}, []string{"HINCRBY", "c", "max", "1"}, []string{"HGET", "c", "max"},
		[]string{"HINCRBY", "c", "min", "-1"}, []string{"HINCRBY", "c", "min", "-1"}, []string{"HINCRBY", "c", "f", "1"},
		[]string{"HINCRBY", "c", "sp", "1"}, []string{"HINCRBY", "c", "plus", "1"}, []string{"HINCRBY", "c", "min", "9223372036854775807"},
		[]string{"HINCRBY", "c", "new", "-9223372036854775808"}, []string{"HINCRBY", "c", "new", "-1"}, []string{"HINCRBY", "c", "n"},
		[]string{"HINCRBY", "c", "n", "1", "2"}, []string{"HINCRBY", "nk", "f", "x"}, []string{"EXISTS", "nk"},
		// HINCRBYFLOAT: long double arithmetic and formatting
		[]string{"HINCRBYFLOAT", "fl", "x", "10.5"}, []string{"HINCRBYFLOAT", "fl", "x", "0.1"}, []string{"HINCRBYFLOAT", "fl", "x", "-5"},
		[]string{"HINCRBYFLOAT", "fl", "x", "1e3"}, []string{"HINCRBYFLOAT", "fl", "y", "3.0e3"}, []string{"HINCRBYFLOAT", "fl", "y", "5.0e-3"},
		[]string{"HINCRBYFLOAT", "fl", "z", "0.1"}, []string{"HINCRBYFLOAT", "fl", "z", "0.2"}, []string{"HINCRBYFLOAT", "fl", "x", "abc"},
		[]string{"HINCRBYFLOAT", "fl", "x", "inf"}, []string{"HINCRBYFLOAT", "fl", "x", "-inf"}, []string{"HINCRBYFLOAT", "fl", "x", "nan"},
		[]string{"HINCRBYFLOAT", "fl", "x", ""}, []string{"HINCRBYFLOAT", "fl", "x", " 1"}, []string{"HINCRBYFLOAT", "fl", "x", "1 "},
		[]string{"HINCRBYFLOAT", "fl", "x", "0x10"}, []string{"HINCRBYFLOAT", "fl", "m", "1.7976931348623157e308"},
		[]string{"HINCRBYFLOAT", "fl", "m", "1.7976931348623157e308"}, []string{"HGET", "fl", "m"}, []string{"HINCRBYFLOAT", "fl", "m", "1e4932"},
		[]string{"HINCRBYFLOAT", "fl", "j", "-0"}, []string{"HINCRBYFLOAT", "fl", "j", "0.3"}, []string{"HSET", "fl", "s", "abc", "i", "12", "sp", "1 "},
		[]string{"HINCRBYFLOAT", "fl", "s", "1"}, []string{"HINCRBYFLOAT", "fl", "i", "1.5"}, []string{"HINCRBYFLOAT", "fl", "sp", "1"},
		[]string{"HINCRBYFLOAT", "nk", "f", "inf"}, []string{"HINCRBYFLOAT", "nk", "f", "x"}, []string{"EXISTS", "nk"}, []string{"HINCRBYFLOAT", "fl", "x"},
		[]string{"OBJECT", "ENCODING", "fl"}, []string{"HINCRBYFLOAT", "fl", "m", "1e70"}, []string{"OBJECT", "ENCODING", "fl"},
		// encodings and the one-way conversion
		[]string{"OBJECT", "ENCODING", "h"}, []string{"HSET", "e1", "f", long}, []string{"OBJECT", "ENCODING", "e1"}, []string{"HSET", "e1", "g", longer},
		[]string{"OBJECT", "ENCODING", "e1"}, []string{"HDEL", "e1", "g"}, []string{"OBJECT", "ENCODING", "e1"}, []string{"HSET", "e2", longer, "v"},
		[]string{"OBJECT", "ENCODING", "e2"}, []string{"HSETNX", "e3", "f", longer}, []string{"OBJECT", "ENCODING", "e3"},
		[]string{"HSET", "e4", "a", "1"}, []string{"HINCRBY", "e4", longer, "1"}, []string{"OBJECT", "ENCODING", "e4"},
		[]string{"HSET", "e5", "a", "1"}, []string{"HSETNX", "e5", "a", longer}, []string{"OBJECT", "ENCODING", "e5"},
		hashPairs("HSET", "big", 0, 512), []string{"OBJECT", "ENCODING", "big"}, []string{"HGETALL", "big"}, []string{"HRANDFIELD", "big", "512"},
		[]string{"HSET", "big", "f0", "again"}, []string{"OBJECT", "ENCODING", "big"}, []string{"HSETNX", "big", "f512", "v"},
		[]string{"OBJECT", "ENCODING", "big"}, []string{"HLEN", "big"}, []string{"HDEL", "big", "f512", "f1", "f2"}, []string{"OBJECT", "ENCODING", "big"},
		hashPairs("HSET", "big2", 0, 600), []string{"OBJECT", "ENCODING", "big2"}, []string{"HLEN", "big2"}, []string{"HGET", "big2", "f150"},
		hashPairs("HMSET", "big3", 0, 513), []string{"OBJECT", "ENCODING", "big3"},
		// TYPE, COPY, RENAME, DEL, EXPIRE on hashes
		[]string{"TYPE", "h"}, []string{"COPY", "h", "hc"}, []string{"HGETALL", "hc"}, []string{"OBJECT", "ENCODING", "hc"}, []string{"HSET", "hc", "a", "changed"},
		[]string{"HGET", "h", "a"}, []string{"COPY", "e1", "e1c"}, []string{"OBJECT", "ENCODING", "e1c"}, []string{"HLEN", "e1c"},
		[]string{"RENAME", "hc", "hr"}, []string{"HGETALL", "hr"}, []string{"DEL", "hr"}, []string{"EXISTS", "hr"}, []string{"COPY", "h", "h", "DB", "1"},
		[]string{"SELECT", "1"}, []string{"HGETALL", "h"}, []string{"SELECT", "0"}, []string{"EXPIRE", "h", "100"}, []string{"HSET", "h", "q", "1"}, []string{"TTL", "h"},
		[]string{"PEXPIREAT", "h", "1"}, []string{"HGET", "h", "a"}, []string{"HLEN", "h"}, []string{"HSET", "h", "a", "fresh"}, []string{"HGETALL", "h"},
		// WRONGTYPE from every command, and hash commands' keys seen by the others
		[]string{"SET", "str", "v"}, []string{"HSET", "str", "a", "1"}, []string{"HMSET", "str", "a", "1"}, []string{"HSETNX", "str", "a", "1"},
		[]string{"HGET", "str", "a"}, []string{"HMGET", "str", "a"}, []string{"HGETALL", "str"}, []string{"HDEL", "str", "a"},
		[]string{"HEXISTS", "str", "a"}, []string{"HLEN", "str"}, []string{"HSTRLEN", "str", "a"}, []string{"HKEYS", "str"}, []string{"HVALS", "str"},
		[]string{"HINCRBY", "str", "a", "1"}, []string{"HINCRBY", "str", "a", "x"}, []string{"HINCRBYFLOAT", "str", "a", "1"},
		[]string{"HINCRBYFLOAT", "str", "a", "x"}, []string{"HINCRBYFLOAT", "str", "a", "inf"}, []string{"HRANDFIELD", "str"},
		[]string{"HRANDFIELD", "str", "1"}, []string{"HRANDFIELD", "str", "0"}, []string{"HRANDFIELD", "str", "x"}, []string{"HSCAN", "str", "0"},
		[]string{"HSCAN", "str", "x"}, []string{"HSCAN", "str", "0", "COUNT", "0"}, []string{"GET", "h"}, []string{"INCR", "h"},
		[]string{"APPEND", "h", "x"}, []string{"SETBIT", "h", "1", "1"}, []string{"STRLEN", "h"}, []string{"SET", "h", "over"}, []string{"TYPE", "h"},
		// HRANDFIELD where it is deterministic: one field, or a count covering a listpack
		[]string{"HSET", "one", "only", "1"}, []string{"HRANDFIELD", "one"}, []string{"HRANDFIELD", "one", "1"}, []string{"HRANDFIELD", "one", "-3"},
		[]string{"HRANDFIELD", "one", "-3", "WITHVALUES"}, []string{"HRANDFIELD", "one", "5", "withvalues"}, []string{"HRANDFIELD", "one", "1", "WITHVALUES"},
		[]string{"HRANDFIELD", "one", "0"}, []string{"HRANDFIELD", "one", "0", "WITHVALUES"}, []string{"HRANDFIELD", "nokey"},
		[]string{"HRANDFIELD", "nokey", "5"}, []string{"HRANDFIELD", "nokey", "-5", "WITHVALUES"}, []string{"HSET", "r", "a", "1", "b", "2", "c", "3"},
		[]string{"HRANDFIELD", "r", "3"}, []string{"HRANDFIELD", "r", "100", "WITHVALUES"}, []string{"HRANDFIELD", "r", "x"},
		[]string{"HRANDFIELD", "r", "1.5"}, []string{"HRANDFIELD", "r", "1", "FOO"}, []string{"HRANDFIELD", "r", "1", "WITHVALUES", "x"},
		[]string{"HRANDFIELD", "r", "-9223372036854775808"}, []string{"HRANDFIELD", "nokey", "-9223372036854775808"},
		[]string{"HRANDFIELD", "r", "9223372036854775807"}, []string{"HRANDFIELD", "r", "9223372036854775807", "WITHVALUES"},
		[]string{"HRANDFIELD", "r", "4611686018427387904", "WITHVALUES"}, []string{"HRANDFIELD", "r", "-4611686018427387904", "WITHVALUES"},
		[]string{"HRANDFIELD", "r", "4611686018427387903", "WITHVALUES"}, []string{"HRANDFIELD", "nokey", "4611686018427387904", "WITHVALUES"},
		[]string{"HRANDFIELD", "r", "x", "FOO"}, []string{"HRANDFIELD"},
		// HSCAN of a listpack: everything at once, cursor 0
		[]string{"HSCAN", "r", "0"}, []string{"HSCAN", "r", "7"}, []string{"HSCAN", "r", "0", "COUNT", "1"}, []string{"HSCAN", "r", "0", "MATCH", "[ab]"},
		[]string{"HSCAN", "r", "0", "MATCH", "*"}, []string{"HSCAN", "r", "0", "match", "z*", "count", "5"}, []string{"HSCAN", "r", "0", "COUNT", "0"},
		[]string{"HSCAN", "r", "0", "COUNT", "-1"}, []string{"HSCAN", "r", "0", "COUNT", "x"}, []string{"HSCAN", "r", "0", "COUNT"},
		[]string{"HSCAN", "r", "0", "MATCH"}, []string{"HSCAN", "r", "0", "TYPE", "hash"}, []string{"HSCAN", "r", "0", "FOO", "1"},
		[]string{"HSCAN", "r", "x"}, []string{"HSCAN", "r", "-1"}, []string{"HSCAN", "r", ""}, []string{"HSCAN", "r", " 1"}, []string{"HSCAN", "r", "1 "},
		[]string{"HSCAN", "r", "18446744073709551615"}, []string{"HSCAN", "r", "18446744073709551616"}, []string{"HSCAN", "nokey", "0", "COUNT", "0"},
		[]string{"HSCAN", "nokey", "x"}, []string{"HSCAN", "nokey", "0", "FOO"}, []string{"HSCAN", "r"}, []string{"HSCAN", "n", "0", "MATCH", "*i*"},
		[]string{"HSCAN", "r", "0", "COUNT", "9223372036854775807"},
		// SCAN shares HSCAN's option parsing: MATCH "" matches only the empty name
		[]string{"SCAN", "0", "MATCH", "", "COUNT", "1000"}, []string{"SET", "", "empty name"}, []string{"SCAN", "0", "MATCH", "", "COUNT", "1000"},
		[]string{"SCAN", "0", "MATCH", "", "TYPE", "string", "COUNT", "1000"}, []string{"HSCAN", "r", "0", "MATCH", ""},
	), hashNormed(sortFieldPairs,
		// a hashtable's order is its hash function's: compared as sets
		[]string{"HGETALL", "big2"}, []string{"HGETALL", "e1c"}, []string{"HGETALL", "fl"},
		[]string{"HSCAN", "big2", "0", "COUNT", "1000"}, []string{"HSCAN", "big2", "0", "COUNT", "1000", "MATCH", "f1*"},
		[]string{"HRANDFIELD", "big2", "900", "WITHVALUES"}, []string{"HSCAN", "e1", "0"},
	), hashNormed(redistest.Chain(sortFieldPairs, redistest.SortElems),
		[]string{"HKEYS", "big2"}, []string{"HVALS", "big2"}, []string{"HRANDFIELD", "big2", "600"},
	), hashNormed(redistest.Shape,
		// random choices: the shape (counts and types) is deterministic
		[]string{"HRANDFIELD", "r"}, []string{"HRANDFIELD", "r", "2"}, []string{"HRANDFIELD", "r", "-10"}, []string{"HRANDFIELD", "r", "2", "WITHVALUES"},
		[]string{"HRANDFIELD", "r", "-5", "WITHVALUES"}, []string{"HRANDFIELD", "big", "-300", "WITHVALUES"}, []string{"HRANDFIELD", "big", "5"},
		[]string{"HRANDFIELD", "big", "100", "WITHVALUES"}, []string{"HRANDFIELD", "big2"}, []string{"HRANDFIELD", "big2", "3", "WITHVALUES"},
		[]string{"HRANDFIELD", "big2", "-3", "WITHVALUES"}, []string{"HRANDFIELD", "big2", "150"}, []string{"HRANDFIELD", "big2", "1", "WITHVALUES"},
	))
}
