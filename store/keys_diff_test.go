package store

import (
	"testing"

	"github.com/embedis/embedis/internal/redistest"
)

func TestDiffKeyspace(t *testing.T) {
	runCases(t, [][]string{
		{"MSET", "a", "1", "b", "2", "c", "3"}, {"DEL", "a", "a", "zz"}, {"UNLINK", "b", "zz"}, {"EXISTS", "a", "b", "c", "c"},
		{"TYPE", "c"}, {"TYPE", "nokey"}, {"TOUCH", "c", "nokey", "c"}, {"DEL"}, {"EXISTS"},
		// RENAME, RENAMENX
		{"RENAME", "c", "d"}, {"GET", "d"}, {"RENAME", "nokey", "x"}, {"RENAME", "d", "d"}, {"RENAMENX", "d", "d"},
		{"SET", "e", "5"}, {"RENAMENX", "d", "e"}, {"RENAMENX", "d", "f"}, {"EXPIRE", "f", "100"}, {"RENAME", "f", "g"},
		{"TTL", "g"}, {"RENAME", "g", "e"}, {"TTL", "e"}, {"GET", "e"}, {"RENAMENX", "nokey", "x"},
		// COPY
		{"COPY", "e", "e2"}, {"TTL", "e2"}, {"GET", "e2"}, {"COPY", "e", "e2"}, {"COPY", "e", "e2", "REPLACE"}, {"COPY", "e", "e"},
		{"COPY", "e", "e", "DB", "1"}, {"COPY", "e", "e", "DB", "16"}, {"COPY", "e", "e", "DB", "x"}, {"COPY", "e", "e", "FOO"},
		{"COPY", "nokey", "x"}, {"COPY", "e", "e", "DB"}, {"COPY", "e", "e", "DB", "-1"}, {"COPY", "e", "e", "DB", "99999999999"},
		{"SELECT", "1"}, {"GET", "e"}, {"TTL", "e"}, {"SELECT", "0"},
		// MOVE, SWAPDB, SELECT
		{"MOVE", "e", "0"}, {"MOVE", "e", "1"}, {"MOVE", "e2", "1"}, {"MOVE", "e2", "2"}, {"MOVE", "nokey", "1"}, {"MOVE", "e2", "x"},
		{"MOVE", "e2", "16"}, {"SELECT", "2"}, {"GET", "e2"}, {"SELECT", "16"}, {"SELECT", "-1"}, {"SELECT", "x"}, {"SELECT", "0"},
		{"SWAPDB", "0", "2"}, {"GET", "e2"}, {"DBSIZE"}, {"SWAPDB", "0", "2"}, {"SWAPDB", "0", "16"}, {"SWAPDB", "x", "1"},
		{"SWAPDB", "0", "y"}, {"SWAPDB", "0", "0"},
		// expiry
		{"SET", "k", "v"}, {"EXPIRE", "k", "100"}, {"TTL", "k"}, {"EXPIRETIME", "nokey"}, {"EXPIRE", "k", "100", "NX"},
		{"EXPIRE", "k", "200", "XX"}, {"TTL", "k"}, {"EXPIRE", "k", "50", "GT"}, {"EXPIRE", "k", "500", "GT"}, {"TTL", "k"},
		{"EXPIRE", "k", "600", "LT"}, {"EXPIRE", "k", "60", "LT"}, {"TTL", "k"}, {"EXPIRE", "k", "10", "NX", "XX"},
		{"EXPIRE", "k", "10", "GT", "LT"}, {"EXPIRE", "k", "10", "FOO"}, {"EXPIRE", "k", "x"}, {"EXPIRE", "nokey", "10"},
		{"PERSIST", "k"}, {"PERSIST", "k"}, {"TTL", "k"}, {"PTTL", "k"}, {"PTTL", "nokey"}, {"EXPIRE", "k", "10", "GT"},
		{"EXPIRE", "k", "10", "LT"}, {"TTL", "k"}, {"EXPIRE", "k", "10", "XX"}, {"EXPIRE", "k", "9223372036854775807"},
		{"PEXPIRE", "k", "9223372036854775807"}, {"EXPIREAT", "k", "9223372036854775807"}, {"PEXPIREAT", "k", "99999999999999"},
		{"PEXPIRETIME", "k"}, {"EXPIRETIME", "k"}, {"EXPIRE", "k", "-1"}, {"EXISTS", "k"}, {"SET", "k", "v"},
		{"EXPIREAT", "k", "1"}, {"EXISTS", "k"}, {"SET", "k", "v"}, {"PEXPIRE", "k", "0"}, {"EXISTS", "k"}, {"SET", "k", "v"},
		{"EXPIRE", "k", "-9223372036854775808"}, {"EXPIRE", "k", "-9223372036854775"}, {"SET", "k", "v"}, {"PEXPIREAT", "k", "-5"},
		{"EXPIRE", "k"}, {"TTL"},
		// KEYS with Redis's glob rules, DBSIZE, RANDOMKEY, FLUSHDB, FLUSHALL
		{"FLUSHALL"}, {"RANDOMKEY"}, {"MSET", "hello", "1", "hallo", "2", "hxllo", "3", "hllo", "4", "heeeello", "5", "h[a]llo", "6", "h*"},
		{"DBSIZE"}, {"RANDOMKEY", "x"}, {"FLUSHDB", "x"}, {"FLUSHALL", "FOO"}, {"FLUSHDB", "SYNC", "ASYNC"},
		{"SELECT", "1"}, {"SET", "x", "1"}, {"FLUSHDB", "ASYNC"}, {"DBSIZE"}, {"SET", "x", "1"}, {"SELECT", "0"}, {"FLUSHDB"},
		{"DBSIZE"}, {"SELECT", "1"}, {"DBSIZE"}, {"FLUSHALL", "SYNC"}, {"DBSIZE"}, {"SELECT", "0"},
		// SCAN argument errors (results are compared in TestDiffScan)
		{"SCAN", "x"}, {"SCAN", " 0"}, {"SCAN", "0", "COUNT", "0"}, {"SCAN", "0", "COUNT", "x"}, {"SCAN", "0", "FOO"},
		{"SCAN", "0", "MATCH"}, {"SCAN", "18446744073709551616"}, {"SCAN", "0", "TYPE", "string", "COUNT"},
		// server and connection commands
		{"PING"}, {"PING", "hi"}, {"PING", "a", "b"}, {"ECHO", "x"}, {"ECHO"}, {"TIME", "x"},
		{"NOSUCH"}, {"NOSUCH", "a", "b"}, {"nosuch\r\nx"}, {"CLIENT", "SETNAME", "my name"}, {"CLIENT", "SETNAME", "app"},
		{"CLIENT", "GETNAME"}, {"CLIENT", "SETNAME", ""}, {"CLIENT", "GETNAME"}, {"CLIENT", "NOSUCH"}, {"CLIENT"},
		{"AUTH", "x"}, {"AUTH", "a", "b"}, {"AUTH", "a", "b", "c"}, {"HELLO", "4"}, {"HELLO", "x"}, {"HELLO", "3", "FOO"},
		{"HELLO", "2", "SETNAME"}, {"HELLO", "2", "AUTH", "default"},
		{"COMMAND", "INFO", "nosuchcmd"}, {"COMMAND", "FOO"},
	})
}

// TestDiffKeysGlob compares KEYS as sets: their order is the hash table's.
func TestDiffKeysGlob(t *testing.T) {
	sorted := redistest.Each(sortedArray)
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		d.Do("MSET", "hello", "1", "hallo", "2", "hxllo", "3", "hllo", "4", "heeeello", "5", "h[a]llo", "6", "h*", "7", "a\\b", "8", "x-y", "9")
		for _, pat := range []string{"*", "h?llo", "h*llo", "h[ae]llo", "h[^e]llo", "h[a-b]llo", "h[b-a]llo", "h\\[a\\]llo", "h\\*",
			"[", "h[", "*\\", "a\\\\b", "x[-]y", "[a-", "nomatch", "h[a", "h[]llo", "*[^]*"} {
			d.DoNormalized(sorted, "KEYS", pat)
		}
	}
}

func sortedArray(v redistest.Value) redistest.Value {
	if v.Kind == '*' || v.Kind == '~' {
		sortValues(v.Elems)
	}
	return v
}

func sortValues(vs []redistest.Value) {
	for i := 1; i < len(vs); i++ {
		for j := i; j > 0 && vs[j].Str < vs[j-1].Str; j-- {
			vs[j], vs[j-1] = vs[j-1], vs[j]
		}
	}
}
