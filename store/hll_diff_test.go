package store

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/embedis/embedis/internal/redistest"
)

// HyperLogLog against redis-server. The registers are Redis's, so every
// PFADD reply, error and reply shape is compared exactly; counts come
// from two estimators over the same registers and are compared within
// countTolerance; lengths and bytes of the values (STRLEN, GET, APPEND's
// reply) differ by format and are compared only for being integers or
// bulk strings.

// countWithin treats two PFCOUNT replies as equal when they differ by at
// most 1% (two estimators over the same registers; the accuracy bar is
// measured in bench/), and anything else exactly.
func countWithin(ref, sub []byte) ([]byte, []byte) {
	rv, err1 := redistest.Parse(ref)
	sv, err2 := redistest.Parse(sub)
	if err1 != nil || err2 != nil || rv.Kind != ':' || sv.Kind != ':' {
		return ref, sub
	}
	a, _ := strconv.ParseFloat(rv.Str, 64)
	b, _ := strconv.ParseFloat(sv.Str, 64)
	if d := a - b; d <= 0.01*a+1 && -d <= 0.01*a+1 {
		return ref, ref
	}
	return ref, sub
}

// sameKind treats replies of the same RESP type as equal: for lengths and
// bytes that depend on the encoding. Errors are still compared exactly.
func sameKind(ref, sub []byte) ([]byte, []byte) {
	if len(ref) > 0 && len(sub) > 0 && ref[0] == sub[0] && ref[0] != '-' && ref[0] != '!' {
		return ref, ref
	}
	return ref, sub
}

// elements returns n distinct elements named prefix0..prefix<n-1>.
func elements(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = prefix + strconv.Itoa(i)
	}
	return out
}

func pfadd(key string, elems ...string) []string { return append([]string{"PFADD", key}, elems...) }

func TestDiffHyperLogLog(t *testing.T) {
	dense := elements("d", 5000) // far past Redis's sparse limit (3000 bytes) and ours
	cases := [][]string{
		// PFADD: creation, repeats, replies from Redis's registers
		{"PFADD", "h"}, {"PFADD", "h"}, {"EXISTS", "h"}, {"PFCOUNT", "h"},
		{"PFADD", "h", "a", "b", "c"}, {"PFADD", "h", "a"}, {"PFADD", "h", "c", "b", "a"}, {"PFADD", "h", "a", "d"},
		{"PFCOUNT", "h"}, {"TYPE", "h"}, {"OBJECT", "ENCODING", "h"}, {"STRLEN", "h"}, {"GET", "h"},
		pfadd("big", dense...), pfadd("big", dense[:100]...), pfadd("big", "one-more"), {"PFCOUNT", "big"},
		{"TYPE", "big"}, {"OBJECT", "ENCODING", "big"}, {"STRLEN", "big"},
		pfadd("mid", elements("m", 300)...), pfadd("mid", elements("m", 301)...), {"PFCOUNT", "mid"},
		// PFCOUNT of several keys is the union's count
		pfadd("u1", elements("x", 200)...), pfadd("u2", elements("x", 400)...), {"PFCOUNT", "u1", "u2"},
		{"PFCOUNT", "u1", "u2", "missing"}, {"PFCOUNT", "missing", "u1"}, {"PFCOUNT", "missing"}, {"PFCOUNT", "missing", "missing2"},
		{"PFCOUNT", "u1", "u1"}, {"PFCOUNT", "u1", "big"}, {"PFCOUNT", "u1"}, {"PFCOUNT", "u2"},
		// PFMERGE
		{"PFMERGE", "m1", "u1", "u2"}, {"PFCOUNT", "m1"}, {"PFADD", "m1", "x5"}, {"PFMERGE", "m1"}, {"PFMERGE", "new"},
		{"EXISTS", "new"}, {"PFCOUNT", "new"}, {"PFMERGE", "m2", "missing"}, {"EXISTS", "m2"}, {"PFMERGE", "m1", "big", "h"},
		{"PFCOUNT", "m1"}, {"PFADD", "m1", "d7"}, {"PFMERGE", "u1", "u1"}, {"PFCOUNT", "u1"}, {"OBJECT", "ENCODING", "m1"},
		// strings that are not HyperLogLogs
		{"SET", "s", "hello"}, {"PFADD", "s", "a"}, {"PFCOUNT", "s"}, {"PFCOUNT", "u1", "s"}, {"PFCOUNT", "missing", "s"},
		{"PFMERGE", "s", "u1"}, {"PFMERGE", "m1", "s"}, {"PFMERGE", "m3", "u1", "s"}, {"EXISTS", "m3"}, {"GET", "s"},
		{"SET", "s", ""}, {"PFADD", "s"}, {"SET", "s", "HYLL"}, {"PFCOUNT", "s"}, {"SET", "s", "12345"}, {"PFADD", "s", "x"},
		// an edited dense HyperLogLog is no longer one
		pfadd("ed", dense...), {"APPEND", "ed", "x"}, {"PFADD", "ed", "a"}, {"PFCOUNT", "ed"}, {"PFCOUNT", "ed", "u1"},
		{"PFMERGE", "ed2", "ed"}, {"EXISTS", "ed2"}, {"TYPE", "ed"},
		pfadd("sr", dense...), {"SETRANGE", "sr", "0", "X"}, {"PFADD", "sr", "a"}, {"PFCOUNT", "sr"}, {"PFMERGE", "sr"},
		// keyspace operations keep it a HyperLogLog
		pfadd("k", "a", "b"), {"EXPIRE", "k", "100"}, {"PFADD", "k", "c"}, {"TTL", "k"}, {"COPY", "k", "k2"},
		{"PFADD", "k2", "z"}, {"PFADD", "k", "z"}, {"PFCOUNT", "k", "k2"}, {"RENAME", "k", "k3"}, {"PFADD", "k3", "z"},
		{"PFCOUNT", "k3"}, {"DEL", "k3"}, {"PFCOUNT", "k3"},
		// arity
		{"PFADD"}, {"PFCOUNT"}, {"PFMERGE"},
	}
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		for _, c := range cases {
			switch c[0] {
			case "PFCOUNT":
				d.DoNormalized(countWithin, c...)
			case "STRLEN", "GET", "APPEND", "SETRANGE":
				d.DoNormalized(sameKind, c...)
			default:
				if norm := timingNormalizer(c); norm != nil {
					d.DoNormalized(norm, c...)
				} else {
					d.Do(c...)
				}
			}
		}
	}
}

// TestDiffHyperLogLogCopies: GET's bytes, SET into another key, are a
// working copy on each side; and redis-server's own bytes, SET here, are
// a HyperLogLog too (what an RDB from redis-server brings).
func TestDiffHyperLogLogCopies(t *testing.T) {
	d, _ := newDiff(t, 2)
	for _, n := range []int{0, 3, 1000, 5000} {
		src, dst := fmt.Sprint("src", n), fmt.Sprint("dst", n)
		d.Do(pfadd(src, elements("e", n)...)...)
		for _, c := range []*redistest.Client{d.Ref(), d.Sub()} {
			raw, err := c.Do("GET", src)
			if err != nil {
				t.Fatal(err)
			}
			v, err := redistest.Parse(raw)
			if err != nil {
				t.Fatal(err)
			}
			if r, err := c.Do("SET", dst, v.Str); err != nil || string(r) != "+OK\r\n" {
				t.Fatalf("SET copy: %q %v", r, err)
			}
		}
		d.DoNormalized(countWithin, "PFCOUNT", dst)
		d.DoNormalized(countWithin, "PFCOUNT", src, dst)
		d.Do(pfadd(dst, elements("e", n)...)...)
		d.Do("PFADD", dst, "new element")
		d.Do("OBJECT", "ENCODING", dst)
		d.DoNormalized(countWithin, "PFCOUNT", dst)

		// redis-server's bytes on both sides
		imported := fmt.Sprint("redis", n)
		raw, err := d.Ref().Do("GET", src)
		if err != nil {
			t.Fatal(err)
		}
		v, _ := redistest.Parse(raw)
		d.Do("SET", imported, v.Str)
		d.Do("OBJECT", "ENCODING", imported)
		d.DoNormalized(countWithin, "PFCOUNT", imported)
		d.Do(pfadd(imported, elements("e", n+10)...)...)
		d.Do("PFADD", imported, "e1")
		d.DoNormalized(countWithin, "PFCOUNT", imported)
		d.Do("PFMERGE", "merged", imported, dst)
		d.DoNormalized(countWithin, "PFCOUNT", "merged")
	}
}
