package store

import (
	"context"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/embedis/embedis/resp"
)

// Differential tests: every bitmap command and option, errors included,
// against redis-server, in RESP2 and RESP3.

func TestDiffBitSetGet(t *testing.T) {
	runCases(t, [][]string{
		{"SETBIT", "b", "7", "1"}, {"GET", "b"}, {"OBJECT", "ENCODING", "b"}, {"SETBIT", "b", "7", "1"}, {"SETBIT", "b", "7", "0"},
		{"SETBIT", "b", "100", "1"}, {"STRLEN", "b"}, {"GET", "b"}, {"SETBIT", "b", "0", "1"}, {"GET", "b"},
		{"GETBIT", "b", "0"}, {"GETBIT", "b", "1"}, {"GETBIT", "b", "100"}, {"GETBIT", "b", "101"}, {"GETBIT", "b", "1000000"},
		{"GETBIT", "b", "4294967295"}, {"GETBIT", "nokey", "0"}, {"GETBIT", "nokey", "4294967295"},
		// offset and value errors, offset checked first
		{"SETBIT", "b", "-1", "1"}, {"SETBIT", "b", "abc", "1"}, {"SETBIT", "b", "4294967296", "1"}, {"SETBIT", "b", "1.5", "1"},
		{"SETBIT", "b", "", "1"}, {"SETBIT", "b", " 1", "1"}, {"SETBIT", "b", "+1", "1"}, {"SETBIT", "b", "01", "1"},
		{"SETBIT", "b", "99999999999999999999", "1"}, {"SETBIT", "b", "-1", "x"},
		{"SETBIT", "b", "1", "2"}, {"SETBIT", "b", "1", "-1"}, {"SETBIT", "b", "1", "x"}, {"SETBIT", "b", "1", ""},
		{"SETBIT", "b", "1", "1.0"}, {"SETBIT", "b", "1", "01"}, {"SETBIT", "b", "1", "-0"}, {"SETBIT", "b", "1", "9223372036854775808"},
		{"GETBIT", "b", "-1"}, {"GETBIT", "b", "x"}, {"GETBIT", "b", "4294967296"}, {"GETBIT", "nokey", "-1"},
		{"SETBIT", "b", "1"}, {"SETBIT", "b", "1", "1", "1"}, {"GETBIT", "b"}, {"GETBIT", "b", "1", "2"}, {"setbit", "b", "3", "1"},
		// on integer-encoded and embstr strings: SETBIT makes them raw
		{"SET", "n", "12"}, {"OBJECT", "ENCODING", "n"}, {"GETBIT", "n", "2"}, {"GETBIT", "n", "3"}, {"GETBIT", "n", "15"},
		{"SETBIT", "n", "6", "1"}, {"GET", "n"}, {"OBJECT", "ENCODING", "n"}, {"SETBIT", "n", "6", "1"}, {"OBJECT", "ENCODING", "n"},
		{"SET", "s", "foo"}, {"OBJECT", "ENCODING", "s"}, {"SETBIT", "s", "1", "1"}, {"OBJECT", "ENCODING", "s"}, {"GET", "s"},
		{"SET", "s", "foo"}, {"SETBIT", "s", "30", "0"}, {"GET", "s"}, {"STRLEN", "s"},
		{"SET", "e", ""}, {"GETBIT", "e", "0"}, {"SETBIT", "e", "0", "0"}, {"GET", "e"}, {"OBJECT", "ENCODING", "e"},
		// SETBIT keeps the TTL, and the value appends and ranges like any string
		{"SET", "t", "v", "EX", "100"}, {"SETBIT", "t", "3", "1"}, {"TTL", "t"}, {"APPEND", "t", "xyz"}, {"GET", "t"},
		{"SETBIT", "t", "60", "1"}, {"GET", "t"}, {"GETRANGE", "t", "0", "-1"}, {"INCR", "t"},
		{"SETBIT", "c", "0", "0"}, {"SETBIT", "c", "2", "1"}, {"SETBIT", "c", "3", "1"}, {"GET", "c"}, {"INCR", "c"}, {"OBJECT", "ENCODING", "c"},
	})
}

func TestDiffBitCount(t *testing.T) {
	runCases(t, [][]string{
		{"SET", "k", "foobar"}, {"BITCOUNT", "k"}, {"BITCOUNT", "k", "0", "0"}, {"BITCOUNT", "k", "1", "1"},
		{"BITCOUNT", "k", "1", "1", "BYTE"}, {"BITCOUNT", "k", "5", "30", "BIT"}, {"BITCOUNT", "k", "5", "30", "bit"},
		{"BITCOUNT", "k", "0", "0", "BiT"}, {"BITCOUNT", "k", "0", "-1", "bit"}, {"BITCOUNT", "k", "-7", "-1", "bit"},
		{"BITCOUNT", "k", "9", "9", "bit"}, {"BITCOUNT", "k", "7", "8", "bit"}, {"BITCOUNT", "k", "100", "200", "bit"},
		{"BITCOUNT", "k", "-1", "-1"}, {"BITCOUNT", "k", "-1", "-5"}, {"BITCOUNT", "k", "-1", "-5", "FOO"},
		{"BITCOUNT", "k", "0", "100"}, {"BITCOUNT", "k", "-100", "-1"}, {"BITCOUNT", "k", "-100", "100"}, {"BITCOUNT", "k", "3", "1"},
		{"BITCOUNT", "k", "3", "1", "bit"}, {"BITCOUNT", "k", "-100", "-90"}, {"BITCOUNT", "k", "6", "6"}, {"BITCOUNT", "k", "48", "48", "bit"},
		{"BITCOUNT", "k", "-9223372036854775808", "9223372036854775807"}, {"BITCOUNT", "k", "-9223372036854775808", "-1", "bit"},
		{"BITCOUNT", "k", "1152921504606846975", "1152921504606846975", "bit"},
		// errors: a missing key counts 0 whatever the arguments
		{"BITCOUNT", "k", "0", "-1", "FOO"}, {"BITCOUNT", "k", "0"}, {"BITCOUNT", "k", "0", "1", "2", "3"}, {"BITCOUNT", "k", "a", "b"},
		{"BITCOUNT", "k", "0", "b"}, {"BITCOUNT", "k", "a", "0", "FOO"}, {"BITCOUNT", "k", "0", "1", "bit\x00"}, {"BITCOUNT", "k", "0", "1", "bits"},
		{"BITCOUNT", "nokey"}, {"BITCOUNT", "nokey", "0"}, {"BITCOUNT", "nokey", "a", "b", "c", "d"}, {"BITCOUNT"},
		// integer-encoded, empty, and long strings
		{"SET", "n", "-1234567890"}, {"BITCOUNT", "n"}, {"BITCOUNT", "n", "1", "3"}, {"BITCOUNT", "n", "3", "20", "bit"},
		{"SET", "e", ""}, {"BITCOUNT", "e"}, {"BITCOUNT", "e", "0", "-1"}, {"BITCOUNT", "e", "0", "-1", "bit"}, {"BITCOUNT", "e", "0", "0", "foo"},
		{"SET", "l", strings.Repeat("\xff\x01\x80abcdefgh", 40)}, {"BITCOUNT", "l"}, {"BITCOUNT", "l", "3", "-5"},
		{"BITCOUNT", "l", "17", "3000", "bit"}, {"SETBIT", "l", "5000", "1"}, {"BITCOUNT", "l"},
	})
}

func TestDiffBitPos(t *testing.T) {
	runCases(t, [][]string{
		{"SET", "k", "\xff\xf0\x00"}, {"BITPOS", "k", "0"}, {"BITPOS", "k", "1"}, {"BITPOS", "k", "0", "2"}, {"BITPOS", "k", "0", "2", "-1"},
		{"BITPOS", "k", "1", "2", "-1"}, {"BITPOS", "k", "1", "2"}, {"BITPOS", "k", "0", "0", "-1", "bit"}, {"BITPOS", "k", "1", "7", "15", "bit"},
		{"BITPOS", "k", "0", "7", "15", "bit"}, {"BITPOS", "k", "0", "12", "16", "BIT"}, {"BITPOS", "k", "1", "12", "16", "BIT"},
		{"BITPOS", "k", "1", "0", "3", "bit"}, {"BITPOS", "k", "0", "0", "3", "bit"}, {"BITPOS", "k", "0", "1", "1", "byte"},
		{"BITPOS", "k", "1", "-2", "-1"}, {"BITPOS", "k", "1", "-100", "100"}, {"BITPOS", "k", "1", "5", "2"}, {"BITPOS", "k", "0", "-1"},
		{"BITPOS", "k", "0", "3"}, {"BITPOS", "k", "0", "3", "5"}, {"BITPOS", "k", "1", "3", "5"}, {"BITPOS", "k", "0", "9", "22", "bit"},
		{"BITPOS", "k", "1", "9", "11", "bit"}, {"BITPOS", "k", "0", "-5", "-1", "bit"}, {"BITPOS", "k", "1", "-5", "-1", "bit"},
		{"BITPOS", "k", "0", "-100", "-90"}, {"BITPOS", "k", "1", "23", "23", "bit"}, {"BITPOS", "k", "0", "23", "100", "bit"},
		// all ones and all zeros: "end given" changes a search for 0
		{"SET", "ones", "\xff\xff"}, {"BITPOS", "ones", "0"}, {"BITPOS", "ones", "0", "0"}, {"BITPOS", "ones", "0", "1"},
		{"BITPOS", "ones", "0", "0", "-1"}, {"BITPOS", "ones", "0", "0", "-1", "BIT"}, {"BITPOS", "ones", "0", "3", "BIT"},
		{"BITPOS", "ones", "1", "3", "5", "bit"}, {"BITPOS", "ones", "0", "3", "12", "bit"},
		{"SET", "z", "\x00\x00"}, {"BITPOS", "z", "1"}, {"BITPOS", "z", "0"}, {"BITPOS", "z", "1", "0", "-1", "bit"}, {"BITPOS", "z", "0", "1"},
		{"SET", "l", strings.Repeat("\x00", 37) + "\x01" + strings.Repeat("\xff", 40)}, {"BITPOS", "l", "1"}, {"BITPOS", "l", "0", "38"},
		{"BITPOS", "l", "1", "5", "-1"}, {"BITPOS", "l", "1", "3", "500", "bit"}, {"BITPOS", "l", "0", "38", "-1"}, {"BITPOS", "l", "0", "300", "-1", "bit"},
		// empty and integer-encoded strings, missing keys
		{"SET", "e", ""}, {"BITPOS", "e", "0"}, {"BITPOS", "e", "1"}, {"BITPOS", "e", "0", "0"}, {"BITPOS", "e", "0", "0", "-1", "bit"},
		{"SET", "n", "255"}, {"BITPOS", "n", "1"}, {"BITPOS", "n", "0", "1"}, {"BITPOS", "n", "1", "10", "-1", "bit"},
		{"BITPOS", "nokey", "0"}, {"BITPOS", "nokey", "1"}, {"BITPOS", "nokey", "1", "x", "y", "z", "w"}, {"BITPOS", "nokey", "2"},
		// errors, in Redis's order: bit, then the range (unit before end)
		{"BITPOS", "k", "2"}, {"BITPOS", "k", "-1"}, {"BITPOS", "k", "abc"}, {"BITPOS", "k", ""}, {"BITPOS", "k", "0", "a"},
		{"BITPOS", "k", "0", "0", "a"}, {"BITPOS", "k", "0", "0", "1", "foo"}, {"BITPOS", "k", "0", "0", "x", "foo"},
		{"BITPOS", "k", "0", "0", "x", "bit"}, {"BITPOS", "k", "0", "x", "1", "foo"}, {"BITPOS", "k", "0", "0", "1", "bit", "x"},
		{"BITPOS", "k", "0", "0", "1", "byte\x00x"}, {"BITPOS", "k"}, {"BITPOS"},
	})
}

func TestDiffBitOp(t *testing.T) {
	long1 := strings.Repeat("0123456789abcdef", 5)
	long2 := strings.Repeat("\xf0\x0f\xaa", 30)
	runCases(t, [][]string{
		{"SET", "a", "abc"}, {"SET", "b", "abcdef"}, {"SET", "c", "\xff"},
		{"BITOP", "AND", "d", "a", "b"}, {"GET", "d"}, {"OBJECT", "ENCODING", "d"}, {"BITOP", "OR", "d", "a", "b", "c"}, {"GET", "d"},
		{"BITOP", "XOR", "d", "a", "b", "c"}, {"GET", "d"}, {"BITOP", "NOT", "d", "a"}, {"GET", "d"}, {"BITOP", "not", "d", "c"},
		{"GET", "d"}, {"BITOP", "and", "d", "a"}, {"GET", "d"}, {"BITOP", "oR", "d", "c", "nokey"}, {"GET", "d"},
		{"BITOP", "AND", "d", "a", "nokey"}, {"GET", "d"}, {"BITOP", "AND", "d", "nokey", "a"}, {"GET", "d"},
		{"BITOP", "XOR", "d", "a", "a"}, {"GET", "d"}, {"BITOP", "OR", "d", "d", "c"}, {"GET", "d"},
		// an empty result deletes the destination
		{"BITOP", "AND", "d", "nokey", "nokey2"}, {"EXISTS", "d"}, {"SET", "d", "x"}, {"BITOP", "NOT", "d", "nokey"}, {"EXISTS", "d"},
		{"SET", "e", ""}, {"SET", "d", "x"}, {"BITOP", "OR", "d", "e", "nokey"}, {"EXISTS", "d"},
		// the destination loses its TTL and any old value
		{"SET", "d", "old", "EX", "100"}, {"BITOP", "OR", "d", "a"}, {"TTL", "d"}, {"GET", "d"},
		// integer-encoded and long sources (Redis's word-at-a-time path)
		{"SET", "n", "123"}, {"BITOP", "NOT", "d", "n"}, {"GET", "d"}, {"BITOP", "OR", "d", "n", "a"}, {"GET", "d"},
		{"SET", "l1", long1}, {"SET", "l2", long2}, {"BITOP", "AND", "d", "l1", "l2"}, {"GET", "d"}, {"BITOP", "OR", "d", "l1", "l2", "a"},
		{"GET", "d"}, {"BITOP", "XOR", "d", "l1", "l2"}, {"GET", "d"}, {"BITOP", "NOT", "d", "l2"}, {"GET", "d"}, {"OBJECT", "ENCODING", "d"},
		// errors
		{"BITOP", "NOT", "d", "a", "b"}, {"BITOP", "FOO", "d", "a"}, {"BITOP", "ANDX", "d", "a"}, {"BITOP", "", "d", "a"},
		{"BITOP", "FOO", "d", "a", "b"}, {"BITOP", "NOT", "d"}, {"BITOP", "AND", "d"}, {"BITOP"}, {"BITOP", "and\x00x", "d", "a"},
		{"BITOP", "not\x00", "d", "a", "b"},
	})
}

func TestDiffBitField(t *testing.T) {
	runCases(t, [][]string{
		// no ops and GET-only ops don't create the key
		{"BITFIELD", "bf"}, {"EXISTS", "bf"}, {"BITFIELD", "bf", "GET", "u8", "0"}, {"EXISTS", "bf"}, {"BITFIELD", "bf", "OVERFLOW", "SAT"},
		{"BITFIELD", "bf", "GET", "i64", "4294967295"}, {"EXISTS", "bf"},
		{"BITFIELD", "bf", "SET", "u8", "0", "255", "GET", "u8", "0"}, {"GET", "bf"}, {"OBJECT", "ENCODING", "bf"},
		{"BITFIELD", "bf", "GET", "u4", "0", "GET", "i4", "0", "GET", "u3", "5", "GET", "i64", "0", "GET", "u63", "1", "GET", "i1", "0", "GET", "u1", "8"},
		// Redis's documentation examples
		{"BITFIELD", "mykey", "INCRBY", "i5", "100", "1", "GET", "u4", "0"}, {"BITFIELD", "mykey", "INCRBY", "i5", "100", "1", "GET", "u4", "0"},
		{"BITFIELD", "mystring", "SET", "i8", "#0", "100", "SET", "i8", "#1", "200"}, {"GET", "mystring"},
		{"BITFIELD", "mykey", "incrby", "u2", "100", "1", "OVERFLOW", "SAT", "incrby", "u2", "102", "1"},
		{"BITFIELD", "mykey", "incrby", "u2", "100", "1", "OVERFLOW", "SAT", "incrby", "u2", "102", "1"},
		{"BITFIELD", "mykey", "incrby", "u2", "100", "1", "OVERFLOW", "SAT", "incrby", "u2", "102", "1"},
		{"BITFIELD", "mykey", "incrby", "u2", "100", "1", "OVERFLOW", "SAT", "incrby", "u2", "102", "1"},
		{"BITFIELD", "mykey", "OVERFLOW", "FAIL", "incrby", "u2", "102", "1"}, {"BITFIELD", "mykey", "OVERFLOW", "FAIL", "incrby", "u2", "102", "-1"},
		// overflow at every width edge, each mode
		{"BITFIELD", "o", "SET", "u8", "0", "-1", "GET", "u8", "0"}, {"BITFIELD", "o", "SET", "u8", "0", "256"},
		{"BITFIELD", "o", "OVERFLOW", "SAT", "SET", "u8", "0", "256", "SET", "u8", "8", "-5", "GET", "u16", "0"},
		{"BITFIELD", "o", "OVERFLOW", "FAIL", "SET", "u8", "0", "256", "SET", "u8", "0", "7", "SET", "i8", "0", "128", "SET", "i8", "0", "-129"},
		{"BITFIELD", "o", "SET", "i8", "0", "127", "INCRBY", "i8", "0", "1", "OVERFLOW", "SAT", "INCRBY", "i8", "0", "-1000", "INCRBY", "i8", "0", "1000"},
		{"BITFIELD", "o", "OVERFLOW", "WRAP", "SET", "i8", "0", "200", "GET", "i8", "0", "SET", "i8", "0", "-200", "GET", "i8", "0"},
		{"BITFIELD", "o", "SET", "i64", "0", "9223372036854775807", "INCRBY", "i64", "0", "1", "INCRBY", "i64", "0", "-1"},
		{"BITFIELD", "o", "OVERFLOW", "SAT", "SET", "i64", "0", "9223372036854775807", "INCRBY", "i64", "0", "1", "INCRBY", "i64", "0", "-9223372036854775808",
			"INCRBY", "i64", "0", "-9223372036854775808", "INCRBY", "i64", "0", "9223372036854775807"},
		{"BITFIELD", "o", "OVERFLOW", "FAIL", "SET", "i64", "0", "-9223372036854775808", "INCRBY", "i64", "0", "-1", "INCRBY", "i64", "0", "1"},
		{"BITFIELD", "o", "SET", "u63", "0", "9223372036854775807", "INCRBY", "u63", "0", "1", "SET", "u63", "0", "-1", "GET", "u63", "0"},
		{"BITFIELD", "o", "OVERFLOW", "SAT", "INCRBY", "u63", "0", "9223372036854775807", "INCRBY", "u63", "0", "-9223372036854775808", "INCRBY", "u63", "0", "5"},
		{"BITFIELD", "o", "OVERFLOW", "FAIL", "INCRBY", "u63", "0", "9223372036854775807", "INCRBY", "u63", "0", "-6"},
		{"BITFIELD", "o", "SET", "i1", "3", "1", "GET", "i1", "3", "SET", "u1", "3", "-1", "INCRBY", "i1", "3", "1", "OVERFLOW", "SAT", "INCRBY", "i1", "3", "-5"},
		{"BITFIELD", "o", "SET", "i13", "5", "-4000", "GET", "i13", "5", "INCRBY", "u13", "5", "100000", "GET", "u64x", "0"},
		{"BITFIELD", "o", "INCRBY", "i32", "#3", "-7", "GET", "i32", "#3", "GET", "u31", "#3", "GET", "i32", "96"}, {"GET", "o"},
		// FAIL still creates and pads the key; writes keep the TTL
		{"BITFIELD", "nf", "OVERFLOW", "FAIL", "SET", "u2", "0", "7"}, {"EXISTS", "nf"}, {"GET", "nf"}, {"OBJECT", "ENCODING", "nf"},
		{"SET", "t", "ab", "EX", "100"}, {"BITFIELD", "t", "SET", "u8", "24", "65"}, {"TTL", "t"}, {"GET", "t"},
		// integer-encoded and embstr strings
		{"SET", "n", "1234"}, {"BITFIELD", "n", "GET", "u8", "0", "GET", "i16", "8", "GET", "u8", "100"}, {"OBJECT", "ENCODING", "n"},
		{"BITFIELD", "n", "SET", "u8", "0", "57"}, {"GET", "n"}, {"OBJECT", "ENCODING", "n"},
		{"SET", "s", "hello"}, {"BITFIELD_RO", "s", "GET", "u8", "0"}, {"OBJECT", "ENCODING", "s"},
		// case and NULs in names, as Redis's strcasecmp sees them
		{"BITFIELD", "c", "set", "U8", "0", "1"}, {"BITFIELD", "c", "Set", "u8", "0", "1", "gEt", "i8", "0"},
		{"BITFIELD", "c", "OvErFlOw", "sAt", "incrBY", "u8", "0", "1000"}, {"BITFIELD", "c", "get\x00x", "u8", "0"},
		{"BITFIELD", "c", "GET", "u8\x00x", "0"}, {"BITFIELD", "c", "OVERFLOW", "fail\x00", "INCRBY", "u8", "0", "1000"},
		// errors: every subcommand is parsed before the key is read
		{"BITFIELD", "c", "GET", "u64", "0"}, {"BITFIELD", "c", "GET", "i65", "0"}, {"BITFIELD", "c", "GET", "x8", "0"},
		{"BITFIELD", "c", "GET", "u0", "0"}, {"BITFIELD", "c", "GET", "i0", "0"}, {"BITFIELD", "c", "GET", "", "0"}, {"BITFIELD", "c", "GET", "u", "0"},
		{"BITFIELD", "c", "GET", "u-8", "0"}, {"BITFIELD", "c", "GET", "u08", "0"}, {"BITFIELD", "c", "GET", "u8 ", "0"},
		{"BITFIELD", "c", "GET", "u8", "-1"}, {"BITFIELD", "c", "GET", "u8", "abc"}, {"BITFIELD", "c", "GET", "u8", "#-1"},
		{"BITFIELD", "c", "GET", "u8", "#abc"}, {"BITFIELD", "c", "GET", "u8", "#"}, {"BITFIELD", "c", "GET", "u8", ""},
		{"BITFIELD", "c", "GET", "u8", "4294967296"}, {"BITFIELD", "c", "GET", "u8", "#536870912"}, {"BITFIELD", "c", "GET", "u8", "#536870911"},
		{"BITFIELD", "c", "GET", "i64", "#67108864"}, {"BITFIELD", "c", "GET", "i64", "#67108863"}, {"BITFIELD", "c", "GET", "u8", "##1"},
		{"BITFIELD", "c", "GET", "u8", "#9223372036854775807"}, {"BITFIELD", "c", "GET", "u8", "#1152921504606846976"},
		{"BITFIELD", "c", "SET", "u8", "0", "abc"}, {"BITFIELD", "c", "SET", "u8", "0", ""}, {"BITFIELD", "c", "INCRBY", "u8", "0", "1.5"},
		{"BITFIELD", "c", "SET", "u8", "0"}, {"BITFIELD", "c", "INCRBY", "u8", "0"}, {"BITFIELD", "c", "GET", "u8"}, {"BITFIELD", "c", "GET"},
		{"BITFIELD", "c", "FOO"}, {"BITFIELD", "c", "FOO", "u8", "0"}, {"BITFIELD", "c", "OVERFLOW", "BAD"}, {"BITFIELD", "c", "OVERFLOW"},
		{"BITFIELD", "c", "OVERFLOW", "BAD", "FOO"}, {"BITFIELD", "c", "FOO", "OVERFLOW", "BAD"}, {"BITFIELD", "c", "GET", "u99", "0", "FOO"},
		{"BITFIELD", "c", "GET", "u8", "x", "GET", "u99", "0"}, {"BITFIELD", "c", "SET", "u8", "0", "x", "GET", "u8", "-1"},
		{"BITFIELD", "c", "GET", "u8", "0", "SET", "u8", "0", "1", "GET"}, {"BITFIELD"}, {"GET", "c"},
		// BITFIELD_RO
		{"BITFIELD_RO", "c", "GET", "u8", "0", "GET", "i4", "4"}, {"BITFIELD_RO", "c"}, {"BITFIELD_RO", "nokey", "GET", "u8", "0"},
		{"BITFIELD_RO", "c", "OVERFLOW", "SAT"}, {"BITFIELD_RO", "c", "OVERFLOW", "SAT", "GET", "u8", "0"}, {"BITFIELD_RO", "c", "SET", "u8", "0", "1"},
		{"BITFIELD_RO", "c", "GET", "u8", "0", "INCRBY", "u8", "0", "1"}, {"BITFIELD_RO", "c", "SET", "u99", "0", "1"},
		{"BITFIELD_RO", "c", "SET", "u8", "0", "x"}, {"BITFIELD_RO", "c", "FOO"}, {"BITFIELD_RO", "c", "OVERFLOW", "X"},
		{"BITFIELD_RO", "c", "GET", "u64", "0"}, {"BITFIELD_RO", "nokey", "SET", "u8", "0", "1"}, {"EXISTS", "nokey"}, {"BITFIELD_RO"}, {"GET", "c"},
	})
}

// TestDiffBitWrongType runs the bitmap commands on a list key.
func TestDiffBitWrongType(t *testing.T) {
	runCases(t, [][]string{
		{"LPUSH", "l", "x"}, {"SET", "s", "abc"},
		{"SETBIT", "l", "0", "1"}, {"SETBIT", "l", "-1", "1"}, {"SETBIT", "l", "0", "2"}, {"GETBIT", "l", "0"}, {"GETBIT", "l", "x"},
		{"BITCOUNT", "l"}, {"BITCOUNT", "l", "x"}, {"BITCOUNT", "l", "0", "1", "foo"}, {"BITPOS", "l", "1"}, {"BITPOS", "l", "2"},
		{"BITPOS", "l", "1", "x"}, {"BITOP", "AND", "d", "s", "l"}, {"BITOP", "AND", "l", "s"}, {"TYPE", "l"}, {"BITOP", "FOO", "d", "l"},
		{"BITOP", "NOT", "d", "l"}, {"BITOP", "AND", "s", "l", "nokey"}, {"GET", "s"},
		{"BITFIELD", "l", "GET", "u8", "0"}, {"BITFIELD", "l", "SET", "u8", "0", "1"}, {"BITFIELD", "l"}, {"BITFIELD", "l", "GET", "u99", "0"},
		{"BITFIELD", "l", "SET", "u8", "0", "x"}, {"BITFIELD_RO", "l", "GET", "u8", "0"}, {"BITFIELD_RO", "l", "SET", "u8", "0", "1"},
		{"BITFIELD_RO", "l"},
	})
}

// TestDiffBitFieldRandom sends random BITFIELD and BITFIELD_RO commands,
// valid and not, to both servers.
func TestDiffBitFieldRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var cases [][]string
	for range 400 {
		cases = append(cases, randomBitField(r, 3))
		if r.IntN(10) == 0 {
			cases = append(cases, []string{"GET", "k" + strconv.Itoa(r.IntN(3))})
		}
	}
	runCases(t, cases)
}

// randomBitField returns a random BITFIELD (or BITFIELD_RO) command on one
// of nkeys keys. Written offsets stay small so no huge string is made.
func randomBitField(r *rand.Rand, nkeys int) []string {
	cmd := []string{"BITFIELD", "k" + strconv.Itoa(r.IntN(nkeys))}
	if r.IntN(8) == 0 {
		cmd[0] = "BITFIELD_RO"
	}
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	typ := func() string {
		if r.IntN(20) == 0 {
			return pick("u64", "i65", "u0", "x8", "", "I8", "u")
		}
		return pick("i", "u") + strconv.Itoa(1+r.IntN(64))
	}
	num := func() string {
		switch r.IntN(6) {
		case 0:
			return pick("9223372036854775807", "-9223372036854775808", "0", "-1", "x", "1.5")
		case 1:
			return strconv.FormatInt(int64(r.Uint64()), 10)
		}
		return strconv.Itoa(r.IntN(600) - 300)
	}
	offset := func(write bool) string {
		n := r.IntN(200)
		switch r.IntN(12) {
		case 0:
			return "#" + strconv.Itoa(n%20)
		case 1:
			if write {
				return pick("-1", "abc", "#-1")
			}
			return pick("-1", "abc", "4294967295", "4294967296", "#99999999")
		}
		return strconv.Itoa(n)
	}
	for range r.IntN(6) {
		switch r.IntN(9) {
		case 0, 1, 2:
			cmd = append(cmd, pick("GET", "get"), typ(), offset(false))
		case 3, 4:
			cmd = append(cmd, pick("SET", "set"), typ(), offset(true), num())
		case 5, 6:
			cmd = append(cmd, pick("INCRBY", "incrby"), typ(), offset(true), num())
		case 7:
			cmd = append(cmd, "OVERFLOW", pick("WRAP", "SAT", "FAIL", "sat", "bad"))
		default:
			cmd = append(cmd, pick("FOO", "GET", "SET", "OVERFLOW"))
		}
	}
	return cmd
}

// FuzzBitField checks that BITFIELD never panics and always replies with a
// well-formed reply, whatever its arguments. Its seeds run with go test.
func FuzzBitField(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 64 {
		f.Add(strings.Join(randomBitField(r, 1)[2:], " "))
	}
	f.Add("GET u8 #3 SET i64 0 -9223372036854775808 INCRBY i64 0 -1 OVERFLOW FAIL INCRBY u63 1 9223372036854775807")
	f.Add("OVERFLOW SAT INCRBY i1 0 -1 INCRBY u1 0 5 GET i1 0 GET u63 #0")
	s, err := Open(Options{})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, in string) {
		args := []string{"BITFIELD", "k"}
		for _, a := range strings.Fields(in) {
			// Keep offsets small: a legal offset may address 512MB.
			if n, err := strconv.ParseInt(strings.TrimPrefix(a, "#"), 10, 64); err == nil && (n > 4096 || n < -4096) {
				a = strconv.FormatInt(n%4096, 10)
			}
			args = append(args, a)
		}
		for _, name := range []string{"BITFIELD", "BITFIELD_RO"} {
			args[0] = name
			v, err := s.Do(ctx, args...)
			if v.Kind != resp.Array && v.Kind != resp.Error {
				t.Fatalf("%q: %v, %v", args, v, err)
			}
		}
	})
}

// --- typed API ---

func TestBitTypedAPI(t *testing.T) {
	s, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	check := func(what string, got, want int64, err error) {
		t.Helper()
		if err != nil || got != want {
			t.Errorf("%s = %d, %v; want %d", what, got, err, want)
		}
	}
	old, err := s.SetBit("b", 7, 1)
	check("SetBit(b, 7, 1)", int64(old), 0, err)
	old, err = s.SetBit("b", 7, 1)
	check("SetBit(b, 7, 1) again", int64(old), 1, err)
	old, err = s.SetBit("b", 9, 1)
	check("SetBit(b, 9, 1)", int64(old), 0, err)
	if v, _ := s.Get("b"); v != "\x01\x40" {
		t.Errorf("Get(b) = %q", v)
	}
	bit, err := s.GetBit("b", 9)
	check("GetBit(b, 9)", int64(bit), 1, err)
	bit, err = s.GetBit("b", 1<<20)
	check("GetBit past the end", int64(bit), 0, err)
	bit, err = s.GetBit("nokey", 3)
	check("GetBit(nokey)", int64(bit), 0, err)

	for _, c := range []struct {
		offset int64
		bit    int
		err    error
	}{{-1, 1, ErrBitOffset}, {1 << 32, 1, ErrBitOffset}, {0, 2, ErrBitValue}, {0, -1, ErrBitValue}} {
		if _, err := s.SetBit("b", c.offset, c.bit); !errors.Is(err, c.err) {
			t.Errorf("SetBit(b, %d, %d) = %v, want %v", c.offset, c.bit, err, c.err)
		}
	}
	if _, err := s.GetBit("b", -1); !errors.Is(err, ErrBitOffset) {
		t.Errorf("GetBit(b, -1) = %v", err)
	}

	s.Set("k", "foobar")
	n, err := s.BitCount("k")
	check("BitCount(k)", n, 26, err)
	n, err = s.BitCountRange("k", 1, 1, false)
	check("BitCountRange(k, 1, 1, byte)", n, 6, err)
	n, err = s.BitCountRange("k", 5, 30, true)
	check("BitCountRange(k, 5, 30, bit)", n, 17, err)
	n, err = s.BitCountRange("k", -1, -5, false)
	check("BitCountRange(k, -1, -5)", n, 0, err)
	n, err = s.BitCount("nokey")
	check("BitCount(nokey)", n, 0, err)

	s.Set("p", "\xff\xf0\x00")
	n, err = s.BitPos("p", 0)
	check("BitPos(p, 0)", n, 12, err)
	n, err = s.BitPos("p", 1)
	check("BitPos(p, 1)", n, 0, err)
	n, err = s.BitPosRange("p", 1, 2, -1, false)
	check("BitPosRange(p, 1, 2, -1)", n, -1, err)
	n, err = s.BitPosRange("p", 0, 0, 11, true)
	check("BitPosRange(p, 0, 0, 11, bit)", n, -1, err)
	n, err = s.BitPosRange("p", 0, 7, 15, true)
	check("BitPosRange(p, 0, 7, 15, bit)", n, 12, err)
	s.Set("ones", "\xff")
	n, err = s.BitPos("ones", 0)
	check("BitPos(ones, 0)", n, 8, err)
	n, err = s.BitPos("nokey", 0)
	check("BitPos(nokey, 0)", n, 0, err)
	n, err = s.BitPos("nokey", 1)
	check("BitPos(nokey, 1)", n, -1, err)
	if _, err := s.BitPos("p", 2); !errors.Is(err, ErrBitPosBit) {
		t.Errorf("BitPos(p, 2) = %v", err)
	}

	s.Set("x", "abc")
	s.Set("y", "\xff\xff\xff\xff")
	n, err = s.BitOp("and", "dest", "x", "y")
	check("BitOp(and)", n, 4, err)
	if v, _ := s.Get("dest"); v != "abc\x00" {
		t.Errorf("Get(dest) = %q", v)
	}
	n, err = s.BitOp("NOT", "dest", "x")
	check("BitOp(NOT)", n, 3, err)
	if v, _ := s.Get("dest"); v != "\x9e\x9d\x9c" {
		t.Errorf("Get(dest) after NOT = %q", v)
	}
	n, err = s.BitOp("OR", "dest", "nokey")
	check("BitOp(OR, nokey)", n, 0, err)
	if _, err := s.Get("dest"); err != ErrNil {
		t.Errorf("dest after an empty BITOP: %v, want deleted", err)
	}
	if _, err := s.BitOp("NOT", "dest", "x", "y"); !errors.Is(err, ErrBitOpNot) {
		t.Errorf("BitOp(NOT, 2 keys) = %v", err)
	}
	if _, err := s.BitOp("NAND", "dest", "x"); !errors.Is(err, ErrSyntax) {
		t.Errorf("BitOp(NAND) = %v", err)
	}
	if _, err := s.BitOp("AND", "dest"); !errors.Is(err, ErrSyntax) {
		t.Errorf("BitOp without sources = %v", err)
	}
	// Keys in other shards are locked too: a BITOP over many keys.
	var srcs []string
	for i := range 50 {
		k := "src" + strconv.Itoa(i)
		s.SetBit(k, int64(i), 1)
		srcs = append(srcs, k)
	}
	n, err = s.BitOp("OR", "all", srcs...)
	check("BitOp(OR, 50 keys)", n, 7, err)
	n, err = s.BitCount("all")
	check("BitCount(all)", n, 50, err)
}

// TestBitWrongType checks WRONGTYPE on every path, with a non-string value
// planted directly (until the Store has other types).
func TestBitWrongType(t *testing.T) {
	s, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.writeKey("w", func(now int64) error {
		s.add("w", value{kind: kindBuffer + 100}, 0)
		return nil
	})
	s.Set("str", "abc")
	errs := []error{}
	_, err = s.SetBit("w", 1, 1)
	errs = append(errs, err)
	_, err = s.GetBit("w", 1)
	errs = append(errs, err)
	_, err = s.BitCount("w")
	errs = append(errs, err)
	_, err = s.BitCountRange("w", 0, 1, true)
	errs = append(errs, err)
	_, err = s.BitPos("w", 1)
	errs = append(errs, err)
	_, err = s.BitOp("AND", "d", "str", "w")
	errs = append(errs, err)
	for i, err := range errs {
		if !errors.Is(err, ErrWrongType) {
			t.Errorf("typed call %d: %v, want WRONGTYPE", i, err)
		}
	}
	ctx := context.Background()
	for _, c := range [][]string{
		{"SETBIT", "w", "0", "1"}, {"GETBIT", "w", "0"}, {"BITCOUNT", "w"}, {"BITCOUNT", "w", "0"}, {"BITPOS", "w", "1"},
		{"BITOP", "OR", "d", "str", "w"}, {"BITOP", "OR", "w", "w"}, {"BITFIELD", "w", "GET", "u8", "0"}, {"BITFIELD", "w", "SET", "u8", "0", "1"},
		{"BITFIELD", "w"}, {"BITFIELD_RO", "w", "GET", "u8", "0"},
	} {
		if _, err := s.Do(ctx, c...); !errors.Is(err, ErrWrongType) {
			t.Errorf("%q: %v, want WRONGTYPE", c, err)
		}
	}
	// Argument errors come first; BITFIELD_RO's write check before the type.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"SETBIT", "w", "-1", "1"}, ErrBitOffset.Error()},
		{[]string{"BITPOS", "w", "2"}, ErrBitPosBit.Error()},
		{[]string{"BITOP", "NOT", "d", "w", "w"}, ErrBitOpNot.Error()},
		{[]string{"BITFIELD", "w", "GET", "u64", "0"}, ErrBitFieldType.Error()},
		{[]string{"BITFIELD_RO", "w", "SET", "u8", "0", "1"}, ErrBitFieldRO.Error()},
	} {
		if _, err := s.Do(ctx, c.args...); err == nil || err.Error() != c.want {
			t.Errorf("%q: %v, want %s", c.args, err, c.want)
		}
	}
	if _, err := s.Get("d"); err != ErrNil {
		t.Errorf("BITOP with a WRONGTYPE source wrote its destination: %v", err)
	}
}

// TestBitExpired checks that the bitmap commands see an expired key as
// missing, and that writes replace it.
func TestBitExpired(t *testing.T) {
	clock := NewManualClock(time.Unix(1_700_000_000, 0))
	s, err := Open(Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Set("k", "\xff", TTL(time.Second))
	s.Set("d", "\xff", TTL(time.Second))
	clock.Advance(2 * time.Second)
	if n, err := s.BitCount("k"); n != 0 || err != nil {
		t.Errorf("BitCount(expired) = %d, %v", n, err)
	}
	if old, err := s.SetBit("k", 3, 1); old != 0 || err != nil {
		t.Errorf("SetBit(expired) = %d, %v", old, err)
	}
	if v, _ := s.Get("k"); v != "\x10" {
		t.Errorf("Get(k) = %q", v)
	}
	if n, err := s.Do(context.Background(), "TTL", "k"); err != nil || n.Int != -1 {
		t.Errorf("TTL(k) = %v, %v", n, err)
	}
	if n, err := s.BitOp("OR", "d", "nokey"); n != 0 || err != nil {
		t.Errorf("BitOp onto expired = %d, %v", n, err)
	}
}

// TestBitMemoryAccounting checks that the shard's memory use follows the
// bitmap's buffer as it grows and is released when the key goes.
func TestBitMemoryAccounting(t *testing.T) {
	s, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sh := s.shardOf("b")
	used := func() int64 {
		sh.mu.RLock()
		defer sh.mu.RUnlock()
		return *sh.used
	}
	base := used()
	s.SetBit("b", 8*1000, 1)
	grown := used()
	if grown-base < 1000 {
		t.Errorf("used grew by %d after a 1001-byte SETBIT", grown-base)
	}
	s.Do(context.Background(), "BITFIELD", "b", "SET", "u8", "#5000", "1")
	if used()-grown < 4000 {
		t.Errorf("used grew by %d after BITFIELD padded to 5001 bytes", used()-grown)
	}
	s.Do(context.Background(), "DEL", "b")
	if used() != base {
		t.Errorf("used = %d after DEL, want %d", used(), base)
	}
}
