package store

import (
	"strings"
	"testing"
)

func TestDiffStrings(t *testing.T) {
	big := strings.Repeat("x", 50)
	runCases(t, [][]string{
		// GET / SET and every SET option
		{"GET", "s"}, {"SET", "s", "v"}, {"GET", "s"}, {"SET", "s", "v2", "XX"}, {"SET", "n", "v", "XX"},
		{"SET", "s", "v3", "NX"}, {"SET", "s", "v3", "NX", "GET"}, {"SET", "s", "v4", "GET"}, {"SET", "nokey", "v", "GET"},
		{"SET", "s", "v", "NX", "XX"}, {"SET", "s", "v", "XX", "NX"}, {"SET", "s", "v", "EX", "10", "PX", "100"},
		{"SET", "s", "v", "EX", "10", "EX", "20"}, {"TTL", "s"}, {"SET", "s", "v", "KEEPTTL"}, {"TTL", "s"},
		{"SET", "s", "v", "EX", "10", "KEEPTTL"}, {"SET", "s", "v", "KEEPTTL", "EX", "10"}, {"SET", "s", "v"}, {"TTL", "s"},
		{"SET", "s", "v", "EX", "0"}, {"SET", "s", "v", "EX", "-5"}, {"SET", "s", "v", "EX", "abc"}, {"SET", "s", "v", "PX", "0"},
		{"SET", "s", "v", "EX", "9223372036854775807"}, {"SET", "s", "v", "PX", "9223372036854775807"},
		{"SET", "s", "v", "EXAT", "1"}, {"GET", "s"}, {"EXISTS", "s"}, {"SET", "s", "v", "PXAT", "99999999999999"}, {"TTL", "s"},
		{"SET", "s", "v", "EX"}, {"SET", "s", "v", "FOO"}, {"SET", "s"}, {"set", "s", "v", "get", "ex", "100"}, {"TTL", "s"},
		{"SET", "s", "v", "PERSIST"}, {"SET", "s", "v", "px", "1000", "get"},
		// SETNX, SETEX, PSETEX, GETSET, GETDEL, GETEX
		{"SETNX", "a", "1"}, {"SETNX", "a", "2"}, {"GET", "a"}, {"SETEX", "b", "100", "x"}, {"TTL", "b"},
		{"SETEX", "b", "0", "x"}, {"SETEX", "b", "-1", "x"}, {"SETEX", "b", "x", "x"}, {"PSETEX", "c", "100000", "y"}, {"TTL", "c"},
		{"PSETEX", "c", "0", "y"}, {"GETSET", "a", "9"}, {"GETSET", "zz", "9"}, {"GETDEL", "a"}, {"GETDEL", "a"}, {"EXISTS", "a"},
		{"GETEX", "zz"}, {"GETEX", "zz", "EX", "100"}, {"TTL", "zz"}, {"GETEX", "zz", "PERSIST"}, {"TTL", "zz"},
		{"GETEX", "zz", "PX", "5000", "EX", "10"}, {"GETEX", "zz", "EX", "0"}, {"GETEX", "missing", "EX", "0"},
		{"GETEX", "zz", "PERSIST", "EX", "10"}, {"GETEX", "zz", "EXAT", "1"}, {"EXISTS", "zz"}, {"GETEX", "zz", "KEEPTTL"},
		{"GETEX", "zz", "FOO"}, {"GETEX"},
		// MGET, MSET, MSETNX
		{"MSET", "k1", "a", "k2", "b"}, {"MGET", "k1", "k2", "k3"}, {"MSET", "k1"}, {"MSET", "k1", "a", "k2"},
		{"MSETNX", "k3", "c", "k4", "d"}, {"MSETNX", "k3", "c", "k5", "d"}, {"MGET", "k3", "k4", "k5"}, {"MSETNX", "k6"},
		// counters
		{"INCR", "n"}, {"INCR", "n"}, {"INCRBY", "n", "10"}, {"DECR", "n"}, {"DECRBY", "n", "5"}, {"GET", "n"},
		{"INCRBY", "n", "x"}, {"INCRBY", "n", "9223372036854775807"}, {"SET", "m", "9223372036854775806"}, {"INCR", "m"},
		{"INCR", "m"}, {"SET", "m", "-9223372036854775808"}, {"DECR", "m"}, {"DECRBY", "m", "-9223372036854775808"},
		{"SET", "t", "abc"}, {"INCR", "t"}, {"SET", "t", " 1"}, {"INCR", "t"}, {"SET", "t", "01"}, {"INCR", "t"},
		{"SET", "t", "+1"}, {"INCR", "t"}, {"SET", "t", "-0"}, {"INCR", "t"}, {"INCRBY", "t", "99999999999999999999"},
		{"SET", "f", "10.5"}, {"INCRBYFLOAT", "f", "0.1"}, {"INCRBYFLOAT", "f", "-5"}, {"INCRBYFLOAT", "f", "1e3"},
		{"INCRBYFLOAT", "f", "abc"}, {"INCRBYFLOAT", "f", "inf"}, {"INCRBYFLOAT", "g", "3.0e3"}, {"INCRBYFLOAT", "g", "2.0e2"},
		{"INCRBYFLOAT", "g", "5.0e-3"}, {"INCRBYFLOAT", "h", "1.5"}, {"INCRBYFLOAT", "h", " 1"}, {"INCRBYFLOAT", "h", "1 "},
		{"SET", "h", "1.7976931348623157e308"}, {"INCRBYFLOAT", "h", "1.7976931348623157e308"}, {"INCRBYFLOAT", "i", "0x10"},
		{"INCRBYFLOAT", "i", "nan"}, {"INCRBYFLOAT", "j", "-0"}, {"INCRBYFLOAT", "j", "0.1"}, {"INCRBYFLOAT", "j", "0.2"},
		// APPEND, STRLEN, GETRANGE, SUBSTR, SETRANGE
		{"APPEND", "ap", "hello"}, {"APPEND", "ap", " world"}, {"GET", "ap"}, {"STRLEN", "ap"}, {"STRLEN", "nope"},
		{"GETRANGE", "ap", "0", "4"}, {"GETRANGE", "ap", "-5", "-1"}, {"GETRANGE", "ap", "5", "2"}, {"GETRANGE", "ap", "-1", "-5"},
		{"GETRANGE", "ap", "0", "100"}, {"GETRANGE", "ap", "-100", "2"}, {"GETRANGE", "nope", "0", "1"}, {"GETRANGE", "ap", "a", "1"},
		{"SUBSTR", "ap", "1", "3"}, {"SET", "num", "12345"}, {"GETRANGE", "num", "1", "2"},
		{"SETRANGE", "sr", "5", "abc"}, {"GET", "sr"}, {"SETRANGE", "sr", "0", "XY"}, {"GET", "sr"}, {"SETRANGE", "sr", "-1", "a"},
		{"SETRANGE", "sr", "0", ""}, {"SETRANGE", "none", "3", ""}, {"EXISTS", "none"}, {"SETRANGE", "sr", "x", "a"},
		{"SETRANGE", "sr", "536870912", "a"}, {"SETRANGE", "sr", "536870911", ""}, {"STRLEN", "sr"},
		// LCS
		{"MSET", "l1", "ohmytext", "l2", "mynewtext"}, {"LCS", "l1", "l2"}, {"LCS", "l1", "l2", "LEN"},
		{"LCS", "l1", "l2", "IDX"}, {"LCS", "l1", "l2", "IDX", "MINMATCHLEN", "4"}, {"LCS", "l1", "l2", "IDX", "WITHMATCHLEN"},
		{"LCS", "l1", "l2", "IDX", "MINMATCHLEN", "-1", "WITHMATCHLEN"}, {"LCS", "l1", "l2", "LEN", "IDX"},
		{"LCS", "l1", "l2", "FOO"}, {"LCS", "l1", "nokey"}, {"LCS", "l1", "l2", "MINMATCHLEN"}, {"LCS", "l1", "l2", "MINMATCHLEN", "x"},
		// encodings as Redis chooses them
		{"SET", "e1", "123"}, {"OBJECT", "ENCODING", "e1"}, {"SET", "e2", "abc"}, {"OBJECT", "ENCODING", "e2"},
		{"SET", "e3", big}, {"OBJECT", "ENCODING", "e3"}, {"APPEND", "e2", "d"}, {"OBJECT", "ENCODING", "e2"},
		{"INCR", "e2"}, {"SET", "e4", "0123"}, {"OBJECT", "ENCODING", "e4"}, {"SET", "e5", "-12"}, {"OBJECT", "ENCODING", "e5"},
		{"INCRBYFLOAT", "e6", "1.5"}, {"OBJECT", "ENCODING", "e6"}, {"SETRANGE", "e7", "0", "1"}, {"OBJECT", "ENCODING", "e7"},
		{"APPEND", "e8", "12"}, {"OBJECT", "ENCODING", "e8"}, {"SET", "e9", "99999999999999999999"}, {"OBJECT", "ENCODING", "e9"},
		{"OBJECT", "REFCOUNT", "e1"}, {"OBJECT", "REFCOUNT", "e2"}, {"SET", "e10", "10000"}, {"OBJECT", "REFCOUNT", "e10"},
		{"INCR", "e10"}, {"OBJECT", "ENCODING", "e10"}, {"OBJECT", "IDLETIME", "e3"}, {"OBJECT", "FREQ", "e1"},
		{"OBJECT", "ENCODING", "nokey"}, {"OBJECT", "HELP"}, {"OBJECT", "FOO", "e1"}, {"OBJECT"}, {"OBJECT", "ENCODING"},
		// wrong types are checked once collections exist; arity
		{"GET"}, {"SET", "a"}, {"INCR"}, {"MGET"}, {"APPEND", "a"}, {"STRLEN"}, {"GETRANGE", "a", "1"}, {"LCS", "a"},
	})
}
