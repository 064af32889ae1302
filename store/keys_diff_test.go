package store

import (
	"strconv"
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
		// arity of the keyspace commands
		{"UNLINK"}, {"TYPE"}, {"TYPE", "a", "b"}, {"KEYS"}, {"KEYS", "a", "b"}, {"RENAME", "a"}, {"RENAME", "a", "b", "c"},
		{"RENAMENX", "a"}, {"COPY", "a"}, {"MOVE", "a"}, {"MOVE", "a", "1", "2"}, {"DBSIZE", "x"}, {"SELECT"}, {"SELECT", "0", "1"},
		{"SWAPDB", "0"}, {"SWAPDB", "0", "1", "2"}, {"TOUCH"}, {"PERSIST"}, {"PERSIST", "a", "b"}, {"PTTL"}, {"EXPIRETIME"},
		{"PEXPIRETIME"}, {"PEXPIRE", "k"}, {"EXPIREAT", "k"}, {"PEXPIREAT", "k"}, {"TTL", "a", "b"}, {"SCAN"}, {"ECHO", "a", "b"},
		// RENAME and RENAMENX over other types, and with a TTL on the target
		{"FLUSHALL"}, {"RPUSH", "rl", "a"}, {"SET", "rs", "v", "EX", "100"}, {"RENAME", "rs", "rl"}, {"TYPE", "rl"}, {"TTL", "rl"},
		{"RPUSH", "rl2", "b"}, {"SET", "rs", "v"}, {"RENAMENX", "rl2", "rs"}, {"TYPE", "rs"}, {"RENAMENX", "rl2", "rs2"}, {"TYPE", "rs2"},
		{"SET", "t1", "x", "EX", "100"}, {"SET", "t2", "y"}, {"RENAME", "t2", "t1"}, {"TTL", "t1"}, {"RENAME", "t1", "t1"}, {"GET", "t1"},
		// COPY: DB of the same database, REPLACE with DB, options in any order and case
		{"SET", "cp", "v", "EX", "100"}, {"COPY", "cp", "cp", "DB", "0"}, {"COPY", "cp", "cp2", "DB", "0"}, {"TTL", "cp2"},
		{"COPY", "cp", "cp2", "REPLACE", "DB", "3"}, {"COPY", "cp", "cp2", "db", "3", "replace"}, {"COPY", "cp", "cp2", "DB", "3"},
		{"COPY", "cp", "cp2", "REPLACE", "REPLACE"}, {"COPY", "cp", "cp2", "DB", "1", "DB", "3"}, {"COPY", "cp", "cp2", "DB", "1.5"},
		{"COPY", "cp", "rl", "REPLACE"}, {"TYPE", "rl"}, {"COPY", "nokey", "cp2", "REPLACE"}, {"COPY", "nokey", "cp2", "DB", "99"},
		{"SELECT", "3"}, {"GET", "cp2"}, {"TTL", "cp2"}, {"SELECT", "0"},
		// MOVE: a TTL travels with the key; bad databases
		{"MOVE", "cp", "4"}, {"EXISTS", "cp"}, {"SELECT", "4"}, {"TTL", "cp"}, {"MOVE", "cp", "4"}, {"SELECT", "0"},
		{"MOVE", "cp2", "-1"}, {"MOVE", "cp2", "1.0"}, {"MOVE", "cp2", ""}, {"MOVE", "cp2", "99999999999999999999"},
		// RANDOMKEY with a single key, DBSIZE after expiry, TOUCH and UNLINK on several types
		{"FLUSHDB"}, {"SET", "only", "1"}, {"RANDOMKEY"}, {"DBSIZE"}, {"RPUSH", "ul", "a"}, {"TOUCH", "only", "ul", "nokey"},
		{"UNLINK", "only", "ul", "nokey", "only"}, {"DBSIZE"}, {"RANDOMKEY"}, {"SET", "gone", "v"}, {"PEXPIREAT", "gone", "1"},
		{"RANDOMKEY"}, {"DBSIZE"}, {"TYPE", "gone"}, {"TOUCH", "gone"}, {"KEYS", "*"}, {"SET", "one", "1"}, {"KEYS", "*"}, {"KEYS", "o?e"},
		{"COPY", "one", "one", "REPLACE"}, {"RENAME", "gone", "x"}, {"EXISTS", "gone", "one", "gone"}, {"DEL", "gone", "one"},
		{"SET", "gone", "v"}, {"PEXPIREAT", "gone", "1"}, {"RENAME", "gone", "gone"}, {"RENAMENX", "gone", "gone"}, {"COPY", "gone", "c"},
		{"MOVE", "gone", "1"}, {"EXPIRE", "gone", "100"}, {"PERSIST", "gone"}, {"TTL", "gone"}, {"OBJECT", "ENCODING", "gone"},
		// FLUSHALL from another database empties them all; DBSIZE counts its own
		{"SET", "d0", "v"}, {"SELECT", "3"}, {"SET", "d3", "v"}, {"SET", "d3b", "v"}, {"DBSIZE"}, {"SELECT", "0"}, {"DBSIZE"},
		{"SELECT", "3"}, {"FLUSHALL"}, {"DBSIZE"}, {"SELECT", "0"}, {"DBSIZE"}, {"PING", ""}, {"ECHO", "\x00\r\n\xff"}, {"ping", "PONG"},
		// SELECT, SWAPDB: bounds and number syntax
		{"SELECT", "15"}, {"SELECT", "1.0"}, {"SELECT", "+1"}, {"SELECT", " 1"}, {"SELECT", ""}, {"SELECT", "99999999999999999999"},
		{"SELECT", "0"}, {"SWAPDB", "-1", "0"}, {"SWAPDB", "15", "0"}, {"SWAPDB", "0", "15"}, {"SWAPDB", "0", "99999999999999999999"},
		{"SWAPDB", "x", "y"}, {"SWAPDB", "1", "1"},
		// FLUSHDB and FLUSHALL: the remaining options and case
		{"SET", "f", "1"}, {"FLUSHALL", "ASYNC"}, {"DBSIZE"}, {"SET", "f", "1"}, {"FLUSHDB", "sync"}, {"DBSIZE"}, {"FLUSHALL", "async"},
		{"FLUSHALL", "SYNC", "x"}, {"FLUSHALL", "ASYNC", "SYNC"}, {"FLUSHDB", "FOO"},
		// OBJECT: every subcommand on a missing key, arity, and case
		{"SET", "o", "1"}, {"OBJECT", "REFCOUNT", "nokey"}, {"OBJECT", "IDLETIME", "nokey"}, {"OBJECT", "FREQ", "nokey"},
		{"OBJECT", "encoding", "o"}, {"object", "Encoding", "o"}, {"OBJECT", "ENCODING", "o", "x"}, {"OBJECT", "REFCOUNT"},
		{"OBJECT", "IDLETIME"}, {"OBJECT", "FREQ"}, {"OBJECT", "HELP", "x"}, {"OBJECT", "help"}, {"OBJECT", "IDLETIME", "o"},
		{"OBJECT", "FREQ", "o"}, {"RPUSH", "ol", "a"}, {"OBJECT", "ENCODING", "ol"}, {"OBJECT", "REFCOUNT", "ol"},
		// PEXPIRE, EXPIREAT, PEXPIREAT with NX, XX, GT, LT
		{"SET", "x", "v"}, {"PEXPIRE", "x", "100000", "XX"}, {"PEXPIRE", "x", "100000", "GT"}, {"PTTL", "x"}, {"PEXPIRE", "x", "100000", "NX"},
		{"PTTL", "x"}, {"PEXPIRE", "x", "200000", "NX"}, {"PEXPIRE", "x", "50000", "GT"}, {"PEXPIRE", "x", "200000", "GT"}, {"PTTL", "x"},
		{"PEXPIRE", "x", "300000", "LT"}, {"PEXPIRE", "x", "60000", "LT"}, {"PTTL", "x"}, {"PEXPIRE", "x", "60000", "XX"}, {"PTTL", "x"},
		{"EXPIREAT", "x", "99999999999", "NX"}, {"EXPIREAT", "x", "99999999999", "GT"}, {"EXPIRETIME", "x"}, {"EXPIREAT", "x", "99999999990", "GT"},
		{"EXPIREAT", "x", "99999999990", "LT"}, {"EXPIRETIME", "x"}, {"EXPIREAT", "x", "99999999999", "xx"}, {"EXPIRETIME", "x"},
		{"PEXPIREAT", "x", "99999999999000", "LT"}, {"PEXPIREAT", "x", "99999999999999", "gt"}, {"PEXPIRETIME", "x"},
		{"PEXPIREAT", "x", "99999999999000", "NX"}, {"PEXPIREAT", "x", "99999999999000", "XX", "LT"}, {"PEXPIRETIME", "x"},
		{"EXPIRE", "x", "10", "NX", "GT"}, {"EXPIRE", "x", "10", "NX", "LT"}, {"PEXPIRE", "x", "10", "NX", "XX"}, {"PEXPIRE", "x", "10", "LT", "GT"},
		{"EXPIREAT", "x", "10", "NX", "XX"}, {"EXPIREAT", "x", "10", "GT", "LT"}, {"PEXPIREAT", "x", "10", "XX", "NX"},
		{"PEXPIREAT", "x", "10", "GT", "LT"}, {"EXPIRE", "x", "10", "XX", "XX"}, {"PEXPIRE", "x", "10", "FOO"}, {"EXPIREAT", "x", "10", "BAR"},
		{"PEXPIREAT", "x", "10", "NX", "FOO"}, {"EXPIRE", "x", "100", "XX", "GT"}, {"TTL", "x"}, {"EXPIRE", "x", "100", "LT", "XX"}, {"TTL", "x"},
		{"PERSIST", "x"}, {"EXPIRETIME", "x"}, {"PEXPIRETIME", "x"}, {"PEXPIRETIME", "nokey"}, {"PERSIST", "nokey"},
		{"PEXPIRE", "x", "10", "GT"}, {"PEXPIRE", "x", "10", "LT"}, {"PTTL", "x"}, {"PERSIST", "x"},
		{"EXPIREAT", "x", "99999999999", "LT"}, {"EXPIRETIME", "x"}, {"PERSIST", "x"}, {"PEXPIREAT", "x", "99999999999000", "GT"}, {"TTL", "x"},
		{"EXPIRE", "nokey", "10", "NX"}, {"PEXPIRE", "nokey", "10", "XX"}, {"EXPIREAT", "nokey", "10", "GT"}, {"PEXPIREAT", "nokey", "10", "LT"},
		// expiry: bad numbers and overflow for each command
		{"PEXPIRE", "x", "x"}, {"PEXPIRE", "x", "1.5"}, {"PEXPIRE", "x", ""}, {"EXPIREAT", "x", "x"}, {"PEXPIREAT", "x", "x"},
		{"EXPIRE", "x", "99999999999999999999"}, {"PEXPIRE", "x", "99999999999999999999"}, {"EXPIREAT", "x", "-99999999999999999999"},
		{"EXPIRE", "x", "9223372036854775"}, {"EXPIRE", "x", "9223372036854776"}, {"EXPIREAT", "x", "9223372036854775"},
		{"EXPIREAT", "x", "9223372036854776"}, {"PEXPIRE", "x", "9223372036854775000"}, {"PEXPIRE", "x", "-9223372036854775808"},
		{"EXPIREAT", "x", "-9223372036854775808"}, {"PEXPIREAT", "x", "-9223372036854775808"}, {"EXISTS", "x"},
		{"SET", "x", "v"}, {"EXPIRE", "x", "0"}, {"EXISTS", "x"}, {"SET", "x", "v"}, {"PEXPIREAT", "x", "0", "NX"}, {"EXISTS", "x"},
		{"SET", "x", "v", "EX", "100"}, {"EXPIRE", "x", "-1", "GT"}, {"EXISTS", "x"}, {"EXPIRE", "x", "-1", "LT"}, {"EXISTS", "x"},
		{"SET", "x", "v"}, {"EXPIREAT", "x", "1", "XX"}, {"EXISTS", "x"}, {"EXPIREAT", "x", "1", "NX"}, {"EXISTS", "x"},
		// TTL family on other types, on keys without a TTL, and on missing keys
		{"RPUSH", "tl", "a"}, {"EXPIRE", "tl", "100"}, {"TTL", "tl"}, {"PTTL", "tl"}, {"EXPIRETIME", "tl"}, {"PERSIST", "tl"}, {"TTL", "tl"},
		{"EXPIRETIME", "tl"}, {"PEXPIRETIME", "tl"}, {"TTL", "nokey"}, {"EXPIRETIME", "nokey"},
	})
}

// TestDiffKeysGlob compares KEYS as sets: their order is the hash table's.
func TestDiffKeysGlob(t *testing.T) {
	sorted := redistest.Each(sortedArray)
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		d.Do("MSET", "hello", "1", "hallo", "2", "hxllo", "3", "hllo", "4", "heeeello", "5", "h[a]llo", "6", "h*", "7", "a\\b", "8", "x-y", "9")
		for _, pat := range []string{"*", "h?llo", "h*llo", "h[ae]llo", "h[^e]llo", "h[a-b]llo", "h[b-a]llo", "h\\[a\\]llo", "h\\*",
			"[", "h[", "*\\", "a\\\\b", "x[-]y", "[a-", "nomatch", "h[a", "h[]llo", "*[^]*",
			"H*", "h[!e]llo", "h[^a-e]llo", "h[\\]]llo", "h[a\\-]llo", "h?", "?", "??", "*o", "h*l*o", "\\h*", "h[x-]llo", "x?y", ""} {
			d.DoNormalized(sorted, "KEYS", pat)
		}
	}
}

// TestDiffScanUnion runs full SCAN iterations on each server over keys of
// every type, in two databases, and compares the union of the keys they
// returned (cursors and batches follow each server's hash table). Every
// reply must be a [cursor, keys] pair.
func TestDiffScanUnion(t *testing.T) {
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		setup := [][]string{{"RPUSH", "list:1", "a"}, {"SADD", "set:1", "a"}, {"HSET", "hash:1", "f", "v"}, {"ZADD", "zset:1", "1", "a"},
			{"SET", "str*", "v"}, {"SET", "str?", "v"}, {"SET", "", "empty"}, {"SET", "gone", "v"}, {"PEXPIREAT", "gone", "1"}}
		for i := 0; i < 150; i++ {
			setup = append(setup, []string{"SET", "key:" + strconv.Itoa(i), "v"})
		}
		for i := 0; i < 40; i++ {
			setup = append(setup, []string{"RPUSH", "list:x" + strconv.Itoa(i), "a"}, []string{"HSET", "hash:x" + strconv.Itoa(i), "f", "v"})
		}
		for _, c := range append(setup, []string{"SELECT", "1"}, []string{"SET", "db1", "v"}, []string{"SET", "key:1", "v"}) {
			d.Do(c...)
		}
		for _, db := range []string{"1", "0"} {
			d.Do("SELECT", db)
			for _, extra := range [][]string{nil, {"COUNT", "1"}, {"COUNT", "7"}, {"MATCH", "key:1*"}, {"match", "*:?", "count", "20"},
				{"MATCH", "str\\*"}, {"MATCH", "str[*?]"}, {"MATCH", "nomatch*", "COUNT", "5"}, {"TYPE", "string"}, {"TYPE", "list", "COUNT", "3"},
				{"TYPE", "hash"}, {"TYPE", "set"}, {"TYPE", "zset"}, {"type", "LIST"}, {"TYPE", "nosuchtype"}, {"TYPE", "string", "MATCH", "str*"},
				{"MATCH", "x*", "MATCH", "key:2*"}, {"TYPE", "set", "TYPE", "zset"}, {"COUNT", "1000"}} {
				what := redistest.FormatCommand(append([]string{"SCAN", "<full iteration>"}, extra...)...)
				ref := scanUnion(t, d.Ref(), extra)
				sub := scanUnion(t, d.Sub(), extra)
				d.Compare(what, ref, sub)
			}
		}
	}
}

// scanUnion iterates SCAN to the end on c and returns the sorted set of
// keys it returned, encoded as an array, or the first reply that is not a
// [cursor, keys] pair.
func scanUnion(t *testing.T, c *redistest.Client, extra []string) []byte {
	t.Helper()
	seen := map[string]bool{}
	cursor := "0"
	for calls := 0; ; calls++ {
		if calls > 100000 {
			t.Fatal("SCAN does not terminate")
		}
		raw, err := c.Do(append([]string{"SCAN", cursor}, extra...)...)
		if err != nil {
			t.Fatal(err)
		}
		v, err := redistest.Parse(raw)
		if err != nil || v.Kind != '*' || len(v.Elems) != 2 || v.Elems[0].Kind != '$' || v.Elems[1].Kind != '*' {
			return raw
		}
		for _, k := range v.Elems[1].Elems {
			seen[k.Str] = true
		}
		if cursor = v.Elems[0].Str; cursor == "0" {
			break
		}
	}
	out := redistest.Value{Kind: '*', Elems: []redistest.Value{}}
	for k := range seen {
		out.Elems = append(out.Elems, redistest.Value{Kind: '$', Str: k})
	}
	sortValues(out.Elems)
	return out.Encode()
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
