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
		{"GET", "a", "b"}, {"SETNX", "a"}, {"SETNX", "a", "b", "c"}, {"SETEX", "a", "10"}, {"PSETEX", "a", "10"}, {"GETSET", "a"},
		{"GETDEL"}, {"GETDEL", "a", "b"}, {"MSETNX", "a", "1", "b"}, {"INCR", "a", "b"}, {"INCRBY", "a"}, {"DECR"}, {"DECRBY", "a"},
		{"INCRBYFLOAT", "a"}, {"STRLEN", "a", "b"}, {"SUBSTR", "a", "1"}, {"SETRANGE", "a", "1"}, {"LCS"},
		// SET's absolute expiry times and its remaining invalid combinations
		{"SET", "x", "v", "EXAT", "0"}, {"SET", "x", "v", "EXAT", "-1"}, {"SET", "x", "v", "EXAT", "x"}, {"SET", "x", "v", "PXAT", "0"},
		{"SET", "x", "v", "EXAT", "9223372036854775807"}, {"SET", "x", "v", "PXAT", "9223372036854775807"}, {"PTTL", "x"},
		{"SET", "x", "v", "EXAT", "99999999999"}, {"TTL", "x"}, {"SET", "x", "v", "PX", "-1"}, {"SET", "x", "v", "PX", ""},
		{"SET", "x", "v", "EX", "1.5"}, {"SET", "x", "v", "EX", "10", "EXAT", "99999999999"}, {"SET", "x", "v", "PXAT", "99999999999999", "PX", "1"},
		{"SET", "x", "v", "EXAT", "99999999999", "KEEPTTL"}, {"SET", "x", "v", "PX", "100000", "KEEPTTL"}, {"SET", "x", "v", "KEEPTTL", "PXAT", "1"},
		{"SET", "x", "v", "EX", "9223372036854775"}, {"SET", "x", "v", "EX", "9223372036854776"}, {"SET", "x", "v", "PX", "9223372036854775000"},
		{"SET", "x", "v", "EXAT", "9223372036854775"}, {"SET", "x", "v", "EXAT", "9223372036854776"}, {"SET", "x", "v", "PXAT", "-1"},
		{"SETEX", "x", "9223372036854775", "v"}, {"SETEX", "x", "9223372036854776", "v"}, {"GETEX", "x", "EXAT", "9223372036854775"},
		{"GETEX", "x", "EXAT", "9223372036854776"}, {"GETEX", "x", "EX", "9223372036854775"}, {"GETEX", "x", "PXAT", "9223372036854775807"},
		{"PEXPIRETIME", "x"}, {"SET", "x", "v", "GET", "GET"}, {"SET", "x", "v", "NX", "NX"}, {"SET", "x", "v", "KEEPTTL", "KEEPTTL"}, {"SET", "x", "v", "PX"},
		{"SET", "x", "v", "XX", "GET", "PX", "100000"}, {"PTTL", "x"}, {"SET", "x", "v2", "XX", "KEEPTTL", "GET"}, {"PTTL", "x"},
		{"SET", "nx2", "v", "XX", "GET"}, {"EXISTS", "nx2"}, {"SET", "nx2", "v", "NX", "GET", "EX", "100"}, {"TTL", "nx2"},
		// GETSET and SETEX, PSETEX drop or replace the TTL
		{"SET", "gs", "a", "EX", "100"}, {"GETSET", "gs", "b"}, {"TTL", "gs"}, {"SETEX", "gs", "9223372036854775807", "x"},
		{"SETEX", "gs", "", "x"}, {"PSETEX", "gs", "-1", "y"}, {"PSETEX", "gs", "x", "y"}, {"PSETEX", "gs", "9223372036854775807", "y"},
		{"SETEX", "gs", "1.0", "x"}, {"GET", "gs"}, {"SETNX", "gs", "z"}, {"GET", "gs"},
		// GETEX: the remaining options and their errors
		{"SET", "ge", "v"}, {"GETEX", "ge", "PX", "100000"}, {"PTTL", "ge"}, {"GETEX", "ge", "PXAT", "99999999999999"}, {"PTTL", "ge"},
		{"GETEX", "ge", "EXAT", "99999999999"}, {"TTL", "ge"}, {"GETEX", "ge", "EX", "100", "EX", "200"}, {"TTL", "ge"},
		{"GETEX", "ge", "EX", "x"}, {"GETEX", "ge", "EX", "-1"}, {"GETEX", "ge", "EX"}, {"GETEX", "ge", "PX", "0"},
		{"GETEX", "ge", "PXAT", "0"}, {"GETEX", "ge", "EXAT", "-5"}, {"GETEX", "ge", "EX", "9223372036854775807"},
		{"GETEX", "ge", "PX", "9223372036854775807"}, {"GETEX", "ge", "EXAT", "9223372036854775807"}, {"GETEX", "ge", "PERSIST", "PERSIST"},
		{"GETEX", "ge", "PX", "100", "PERSIST"}, {"GETEX", "ge", "EX", "10", "PXAT", "99999999999999"}, {"GETEX", "ge", "persist"}, {"TTL", "ge"},
		{"GETEX", "ge", "NX"}, {"GETEX", "ge", "GET"}, {"GETEX", "nokey", "PERSIST"}, {"GETEX", "nokey", "EX", "x"}, {"GETEX", "ge", "PXAT", "1"},
		{"EXISTS", "ge"},
		// counters: the remaining argument and value errors
		{"SET", "c", "10"}, {"DECRBY", "c", "x"}, {"DECRBY", "c", "1.5"}, {"DECRBY", "c", "-9223372036854775807"}, {"GET", "c"},
		{"DECRBY", "c", "9223372036854775807"}, {"DECRBY", "c", "9223372036854775807"}, {"DECRBY", "c", "-9223372036854775808"},
		{"INCRBY", "c", ""}, {"INCRBY", "c", "-9223372036854775809"}, {"DECR", "nc"}, {"DECRBY", "nd", "3"}, {"INCRBY", "ni", "-3"},
		{"SET", "c", "1", "EX", "100"}, {"INCR", "c"}, {"TTL", "c"}, {"INCRBYFLOAT", "c", "1.5"}, {"TTL", "c"},
		{"SET", "c", "abc"}, {"INCRBYFLOAT", "c", "1"}, {"DECR", "c"}, {"INCRBY", "c", "1"}, {"SET", "c", "1.5"}, {"INCR", "c"},
		{"SET", "c", "123456789012345678901"}, {"INCR", "c"}, {"INCRBYFLOAT", "c", "1"}, {"INCRBYFLOAT", "c", ""}, {"INCRBYFLOAT", "c", "-inf"},
		{"INCRBYFLOAT", "c", "1e400"}, {"SET", "c", "1e400"}, {"INCRBYFLOAT", "c", "1"}, {"SET", "c", "  5"}, {"INCRBYFLOAT", "c", "1"},
		// STRLEN, GETRANGE, SUBSTR edge cases
		{"STRLEN", "num"}, {"SET", "neg", "-123"}, {"STRLEN", "neg"}, {"GETRANGE", "neg", "0", "0"}, {"GETRANGE", "ap", "0", "x"},
		{"GETRANGE", "ap", "0", "-100"}, {"GETRANGE", "ap", "-100", "-100"}, {"GETRANGE", "ap", "100", "200"}, {"SET", "empty", ""},
		{"GETRANGE", "empty", "0", "-1"}, {"GETRANGE", "empty", "0", "0"}, {"GETRANGE", "ap", "9223372036854775807", "-1"},
		{"GETRANGE", "ap", "-9223372036854775808", "9223372036854775807"}, {"GETRANGE", "ap", "0", "9223372036854775808"},
		{"SUBSTR", "ap", "-3", "-1"}, {"SUBSTR", "ap", "x", "1"}, {"SUBSTR", "nope", "0", "1"}, {"SUBSTR", "ap", "0", "1", "2"},
		// MGET, MSET, MSETNX over other types
		{"RPUSH", "list", "a"}, {"MGET", "list", "ap", "nope"}, {"MSETNX", "list", "x", "new", "y"}, {"EXISTS", "new"}, {"TYPE", "list"},
		{"MSET", "list", "now a string", "k1", "z"}, {"TYPE", "list"}, {"GET", "list"}, {"MSETNX", "new", "1", "new", "2"}, {"GET", "new"},
		// WRONGTYPE from each string command, and SET over another type
		{"RPUSH", "wl", "a"}, {"SET", "wl", "v", "GET"}, {"SET", "wl", "v", "NX", "GET"}, {"SET", "wl", "v", "XX", "GET"},
		{"GETSET", "wl", "v"}, {"GETEX", "wl"}, {"GETEX", "wl", "PERSIST"}, {"GETEX", "wl", "EX", "x"}, {"GETDEL", "wl"},
		{"INCRBY", "wl", "1"}, {"INCRBY", "wl", "x"}, {"DECR", "wl"}, {"DECRBY", "wl", "1"}, {"INCRBYFLOAT", "wl", "1"},
		{"INCRBYFLOAT", "wl", "x"}, {"GETRANGE", "wl", "0", "1"}, {"GETRANGE", "wl", "x", "1"}, {"SUBSTR", "wl", "0", "1"},
		{"SETRANGE", "wl", "0", ""}, {"SETRANGE", "wl", "-1", "x"}, {"LCS", "wl", "ap"}, {"LCS", "ap", "wl", "LEN"},
		{"LCS", "nope", "wl"}, {"SETNX", "wl", "v"}, {"MSETNX", "wl", "v"}, {"TYPE", "wl"}, {"SET", "wl", "v", "NX"}, {"TYPE", "wl"},
		{"SET", "wl", "v", "XX"}, {"TYPE", "wl"}, {"RPUSH", "wl2", "a"}, {"SETEX", "wl2", "100", "v"}, {"TYPE", "wl2"},
		{"RPUSH", "wl3", "a"}, {"PSETEX", "wl3", "100000", "v"}, {"TYPE", "wl3"}, {"RPUSH", "wl4", "a"}, {"SET", "wl4", "v", "GET", "EX", "x"},
		// duplicate keys, and what keeps or drops a TTL
		{"MSET", "dup", "1", "dup", "2"}, {"GET", "dup"}, {"MSETNX", "dn", "1", "dn", "2"}, {"GET", "dn"}, {"MGET", "dup", "dup"},
		{"SET", "tt", "a", "EX", "100"}, {"APPEND", "tt", "b"}, {"SETRANGE", "tt", "0", "z"}, {"INCRBYFLOAT", "tt", "1"}, {"TTL", "tt"},
		{"SET", "tt", "1", "EX", "100"}, {"DECRBY", "tt", "2"}, {"TTL", "tt"}, {"SET", "tt", "x", "KEEPTTL"}, {"TTL", "tt"}, {"GETDEL", "tt"},
		{"TTL", "tt"}, {"SET", "tt", "x", "KEEPTTL"}, {"TTL", "tt"}, {"SET", "tt", "y", "EX", "100"}, {"SET", "tt", "z", "GET"}, {"TTL", "tt"},
		// LCS: missing keys, option case and order
		{"LCS", "nope", "nope2"}, {"LCS", "nope", "nope2", "IDX"}, {"LCS", "nope", "nope2", "IDX", "WITHMATCHLEN"}, {"LCS", "nope", "l1", "LEN"},
		{"LCS", "l1", "l2", "idx", "withmatchlen", "minmatchlen", "2"}, {"LCS", "l1", "l2", "MINMATCHLEN", "3", "IDX"},
		{"LCS", "l1", "l2", "LEN", "MINMATCHLEN", "3"}, {"LCS", "l1", "l2", "WITHMATCHLEN"}, {"LCS", "l1", "l2", "IDX", "MINMATCHLEN", "100"},
		{"LCS", "l1", "l2", "IDX", "MINMATCHLEN", "9223372036854775808"}, {"LCS", "l1", "l1", "IDX", "WITHMATCHLEN"}, {"LCS", "l1", "l2", "IDX", "IDX"},
		{"LCS", "l1", "l2", "STRLEN"},
	})
}
