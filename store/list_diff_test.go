package store

import (
	"strconv"
	"strings"
	"testing"
)

func TestDiffLists(t *testing.T) {
	big := strings.Repeat("x", 100)
	runCases(t, [][]string{
		// push, pop, length, type, encoding
		{"LPUSH", "l", "a", "b", "c"}, {"RPUSH", "l", "d", "e"}, {"LRANGE", "l", "0", "-1"}, {"LLEN", "l"},
		{"TYPE", "l"}, {"OBJECT", "ENCODING", "l"}, {"LPUSHX", "l", "x", "y"}, {"RPUSHX", "l", "z"},
		{"LPUSHX", "nokey", "x"}, {"RPUSHX", "nokey", "x", "y"}, {"EXISTS", "nokey"}, {"LLEN", "nokey"},
		{"LPOP", "l"}, {"RPOP", "l"}, {"LPOP", "l", "2"}, {"RPOP", "l", "2"}, {"LRANGE", "l", "0", "-1"},
		{"LPOP", "l", "0"}, {"RPOP", "l", "0"}, {"LPOP", "nokey"}, {"LPOP", "nokey", "0"}, {"LPOP", "nokey", "3"},
		{"RPOP", "nokey", "1"}, {"LPOP", "l", "-1"}, {"LPOP", "l", "x"}, {"LPOP", "nokey", "-1"}, {"LPOP", "l", "1", "2"},
		{"RPOP", "l", "9223372036854775807"}, {"EXISTS", "l"}, {"LPOP", "l", "9223372036854775808"},
		{"RPUSH", "one", "v"}, {"RPOP", "one"}, {"EXISTS", "one"}, {"RPUSH", "one", "v"}, {"LPOP", "one", "5"}, {"EXISTS", "one"},
		{"RPUSH", "e", "", big, "1", "-1", "01", "-0", "9223372036854775808"}, {"LRANGE", "e", "0", "-1"},
		{"LPOS", "e", "1"}, {"LPOS", "e", "01"}, {"LPOS", "e", "-0"}, {"LPOS", "e", ""}, {"LREM", "e", "0", "1"},
		{"OBJECT", "ENCODING", "e"}, {"OBJECT", "REFCOUNT", "e"},
		// LRANGE / LINDEX indexes
		{"RPUSH", "r", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"},
		{"LRANGE", "r", "2", "4"}, {"LRANGE", "r", "-3", "-1"}, {"LRANGE", "r", "5", "2"}, {"LRANGE", "r", "-100", "100"},
		{"LRANGE", "r", "10", "20"}, {"LRANGE", "r", "-1", "-5"}, {"LRANGE", "r", "0", "0"}, {"LRANGE", "r", "x", "1"},
		{"LRANGE", "r", "1", "y"}, {"LRANGE", "nokey", "0", "-1"}, {"LRANGE", "nokey", "x", "1"},
		{"LRANGE", "r", "-9223372036854775808", "9223372036854775807"}, {"LRANGE", "r", "9223372036854775807", "-9223372036854775808"},
		{"LINDEX", "r", "0"}, {"LINDEX", "r", "-1"}, {"LINDEX", "r", "9"}, {"LINDEX", "r", "10"}, {"LINDEX", "r", "-11"},
		{"LINDEX", "r", "-10"}, {"LINDEX", "r", "x"}, {"LINDEX", "nokey", "x"}, {"LINDEX", "nokey", "0"},
		{"LINDEX", "r", "-9223372036854775808"}, {"LINDEX", "r", "9223372036854775807"}, {"LINDEX", "r", "1.0"},
		// LSET
		{"LSET", "r", "0", "zero"}, {"LSET", "r", "-1", "last"}, {"LSET", "r", "10", "x"}, {"LSET", "r", "-11", "x"},
		{"LSET", "r", "x", "v"}, {"LSET", "nokey", "0", "v"}, {"LSET", "nokey", "x", "v"}, {"LRANGE", "r", "0", "-1"},
		{"LSET", "r", "-9223372036854775808", "v"},
		// LINSERT
		{"LINSERT", "r", "BEFORE", "5", "a"}, {"LINSERT", "r", "after", "5", "b"}, {"LINSERT", "r", "AFTER", "last", "c"},
		{"LINSERT", "r", "before", "zero", "d"}, {"LINSERT", "r", "BEFORE", "nope", "x"}, {"LINSERT", "nokey", "BEFORE", "a", "b"},
		{"LINSERT", "r", "MIDDLE", "5", "x"}, {"LINSERT", "nokey", "MIDDLE", "5", "x"}, {"LRANGE", "r", "0", "-1"}, {"EXISTS", "nokey"},
		// LREM
		{"RPUSH", "m", "a", "b", "a", "c", "a", "b", "a"}, {"LREM", "m", "2", "a"}, {"LRANGE", "m", "0", "-1"},
		{"LREM", "m", "-1", "b"}, {"LRANGE", "m", "0", "-1"}, {"LREM", "m", "0", "a"}, {"LRANGE", "m", "0", "-1"},
		{"LREM", "m", "0", "zz"}, {"LREM", "m", "x", "a"}, {"LREM", "nokey", "1", "a"}, {"LREM", "nokey", "x", "a"},
		{"LREM", "m", "0", "b"}, {"LREM", "m", "0", "c"}, {"EXISTS", "m"},
		{"RPUSH", "m", "a", "a", "a"}, {"LREM", "m", "-9223372036854775808", "a"}, {"EXISTS", "m"},
		{"RPUSH", "m", "a", "b", "a"}, {"LREM", "m", "9223372036854775807", "a"}, {"LRANGE", "m", "0", "-1"},
		// LTRIM
		{"RPUSH", "t", "1", "2", "3", "4", "5", "6"}, {"LTRIM", "t", "1", "-2"}, {"LRANGE", "t", "0", "-1"},
		{"LTRIM", "t", "-100", "100"}, {"LRANGE", "t", "0", "-1"}, {"LTRIM", "t", "x", "1"}, {"LTRIM", "nokey", "0", "1"},
		{"LTRIM", "nokey", "x", "1"}, {"LTRIM", "t", "1", "1"}, {"LRANGE", "t", "0", "-1"}, {"LTRIM", "t", "5", "1"}, {"EXISTS", "t"},
		{"RPUSH", "t", "1", "2"}, {"LTRIM", "t", "2", "3"}, {"EXISTS", "t"},
		{"RPUSH", "t", "1", "2"}, {"LTRIM", "t", "-9223372036854775808", "-9223372036854775808"}, {"EXISTS", "t"},
		// LPOS
		{"RPUSH", "p", "a", "b", "c", "1", "2", "3", "c", "c"}, {"LPOS", "p", "c"}, {"LPOS", "p", "c", "RANK", "2"},
		{"LPOS", "p", "c", "RANK", "-1"}, {"LPOS", "p", "c", "RANK", "-2"}, {"LPOS", "p", "c", "RANK", "4"},
		{"LPOS", "p", "c", "COUNT", "0"}, {"LPOS", "p", "c", "COUNT", "2"}, {"LPOS", "p", "c", "COUNT", "2", "RANK", "2"},
		{"LPOS", "p", "c", "COUNT", "0", "RANK", "-1"}, {"LPOS", "p", "c", "MAXLEN", "3"}, {"LPOS", "p", "c", "MAXLEN", "2"},
		{"LPOS", "p", "c", "MAXLEN", "2", "COUNT", "0"}, {"LPOS", "p", "c", "RANK", "-1", "MAXLEN", "1"},
		{"LPOS", "p", "c", "RANK", "-1", "MAXLEN", "2", "COUNT", "0"}, {"LPOS", "p", "x"}, {"LPOS", "p", "x", "COUNT", "5"},
		{"LPOS", "p", "c", "RANK", "0"}, {"LPOS", "p", "c", "RANK", "x"}, {"LPOS", "p", "c", "COUNT", "-1"},
		{"LPOS", "p", "c", "COUNT", "x"}, {"LPOS", "p", "c", "MAXLEN", "-1"}, {"LPOS", "p", "c", "MAXLEN", "x"},
		{"LPOS", "p", "c", "RANK"}, {"LPOS", "p", "c", "FOO", "1"}, {"LPOS", "p", "c", "COUNT"}, {"LPOS", "nokey", "c"},
		{"LPOS", "nokey", "c", "COUNT", "1"}, {"LPOS", "nokey", "c", "RANK", "0"}, {"LPOS", "nokey", "c", "MAXLEN", "0", "COUNT", "0"},
		{"LPOS", "p", "c", "rank", "-9223372036854775808"}, {"LPOS", "p", "c", "RANK", "-9223372036854775808", "COUNT", "2"},
		{"LPOS", "p", "c", "RANK", "-9223372036854775808", "COUNT", "0"}, {"LPOS", "p", "c", "RANK", "9223372036854775807"},
		{"LPOS", "p", "c", "RANK", "9223372036854775807", "COUNT", "0"}, {"LPOS", "p", "c", "RANK", "1", "RANK", "2"},
		{"LPOS", "p", "c", "COUNT", "1", "COUNT", "0"},
		// LMOVE, RPOPLPUSH
		{"RPUSH", "src", "1", "2", "3"}, {"LMOVE", "src", "dst", "LEFT", "RIGHT"}, {"LMOVE", "src", "dst", "right", "left"},
		{"LRANGE", "src", "0", "-1"}, {"LRANGE", "dst", "0", "-1"}, {"LMOVE", "src", "src", "LEFT", "RIGHT"},
		{"LRANGE", "src", "0", "-1"}, {"LMOVE", "src", "dst", "LEFT", "LEFT"}, {"EXISTS", "src"}, {"LRANGE", "dst", "0", "-1"},
		{"LMOVE", "nokey", "dst", "LEFT", "LEFT"}, {"LMOVE", "src", "dst", "UP", "LEFT"}, {"LMOVE", "src", "dst", "LEFT", "DOWN"},
		{"RPOPLPUSH", "dst", "dst"}, {"LRANGE", "dst", "0", "-1"}, {"RPOPLPUSH", "dst", "new"}, {"LRANGE", "new", "0", "-1"},
		{"RPOPLPUSH", "nokey", "new"}, {"RPUSH", "single", "x"}, {"LMOVE", "single", "single", "RIGHT", "LEFT"},
		{"LRANGE", "single", "0", "-1"}, {"RPOPLPUSH", "single", "other"}, {"EXISTS", "single"},
		// LMPOP
		{"RPUSH", "mp1", "a", "b", "c"}, {"RPUSH", "mp2", "d", "e"}, {"LMPOP", "2", "nokey", "mp1", "LEFT"},
		{"LMPOP", "2", "mp1", "mp2", "RIGHT", "COUNT", "10"}, {"LMPOP", "2", "mp1", "mp2", "left", "count", "1"},
		{"LMPOP", "1", "nokey", "LEFT"}, {"LMPOP", "2", "nokey", "nokey2", "RIGHT", "COUNT", "3"},
		{"LMPOP", "0", "mp2", "LEFT"}, {"LMPOP", "-1", "mp2", "LEFT"}, {"LMPOP", "x", "mp2", "LEFT"},
		{"LMPOP", "3", "mp2", "LEFT"}, {"LMPOP", "2", "mp2", "LEFT"}, {"LMPOP", "1", "mp2", "UP"},
		{"LMPOP", "1", "mp2", "LEFT", "COUNT"}, {"LMPOP", "1", "mp2", "LEFT", "COUNT", "0"}, {"LMPOP", "1", "mp2", "LEFT", "COUNT", "-1"},
		{"LMPOP", "1", "mp2", "LEFT", "COUNT", "x"}, {"LMPOP", "1", "mp2", "LEFT", "COUNT", "1", "COUNT", "1"},
		{"LMPOP", "1", "mp2", "LEFT", "FOO"}, {"LMPOP", "1", "mp2", "LEFT", "COUNT", "9223372036854775807"}, {"EXISTS", "mp2"},
		{"LMPOP", "1"}, {"LMPOP", "1", "k"},
		// WRONGTYPE everywhere, and its order against other errors
		{"SET", "s", "v"}, {"LPUSH", "s", "a"}, {"RPUSH", "s", "a"}, {"LPUSHX", "s", "a"}, {"RPUSHX", "s", "a"},
		{"LPOP", "s"}, {"RPOP", "s", "1"}, {"LPOP", "s", "0"}, {"LPOP", "s", "-1"}, {"LLEN", "s"}, {"LRANGE", "s", "0", "1"},
		{"LRANGE", "s", "x", "1"}, {"LINDEX", "s", "0"}, {"LINDEX", "s", "x"}, {"LSET", "s", "0", "v"}, {"LSET", "s", "x", "v"},
		{"LINSERT", "s", "BEFORE", "a", "b"}, {"LINSERT", "s", "FOO", "a", "b"}, {"LREM", "s", "0", "a"}, {"LREM", "s", "x", "a"},
		{"LTRIM", "s", "0", "1"}, {"LTRIM", "s", "x", "1"}, {"LPOS", "s", "a"}, {"LPOS", "s", "a", "RANK", "0"},
		{"LPOS", "s", "a", "COUNT", "1"}, {"LMOVE", "s", "dst", "LEFT", "LEFT"}, {"LMOVE", "dst", "s", "LEFT", "LEFT"},
		{"LMOVE", "nokey", "s", "LEFT", "LEFT"}, {"LMOVE", "s", "nokey", "UP", "LEFT"}, {"RPOPLPUSH", "s", "dst"}, {"RPOPLPUSH", "dst", "s"},
		{"LMPOP", "2", "nokey", "s", "LEFT"}, {"LMPOP", "2", "s", "dst", "LEFT"}, {"LMPOP", "2", "dst", "s", "LEFT"},
		{"GET", "dst"}, {"LRANGE", "dst", "0", "-1"},
		// a list under the keyspace commands
		{"RPUSH", "k", "1", "2", "3"}, {"COPY", "k", "k2"}, {"RPUSH", "k2", "4"}, {"LRANGE", "k", "0", "-1"}, {"LRANGE", "k2", "0", "-1"},
		{"RENAME", "k2", "k3"}, {"LRANGE", "k3", "0", "-1"}, {"TYPE", "k3"}, {"DEL", "k3"}, {"GET", "k"}, {"APPEND", "k", "x"},
		{"INCR", "k"}, {"SETRANGE", "k", "0", "x"}, {"STRLEN", "k"}, {"GETDEL", "k"}, {"SET", "k", "v"}, {"TYPE", "k"},
		{"RPUSH", "exp", "a"}, {"PEXPIREAT", "exp", "1"}, {"LPUSH", "exp", "b"}, {"LRANGE", "exp", "0", "-1"}, {"TTL", "exp"},
		// arity
		{"LPUSH", "l"}, {"RPUSH"}, {"LPUSHX", "l"}, {"RPUSHX", "l"}, {"LPOP"}, {"RPOP"}, {"LLEN"}, {"LLEN", "a", "b"},
		{"LRANGE", "l", "0"}, {"LINDEX", "l"}, {"LSET", "l", "0"}, {"LINSERT", "l", "BEFORE", "a"}, {"LREM", "l", "0"},
		{"LTRIM", "l", "0"}, {"LPOS", "l"}, {"LMOVE", "a", "b", "LEFT"}, {"RPOPLPUSH", "a"}, {"LMPOP", "1", "a"},
	})
}

// TestDiffListsLarge runs the commands over lists that span many chunks,
// so the chunk boundaries, the ring's growth and shrinking and the shifts
// of LINSERT and LREM are compared with Redis's quicklist.
func TestDiffListsLarge(t *testing.T) {
	var cases [][]string
	push := func(cmd, key string, from, to int) {
		args := []string{cmd, key}
		for i := from; i < to; i++ {
			args = append(args, strconv.Itoa(i%97))
		}
		cases = append(cases, args)
	}
	push("RPUSH", "big", 0, 1000)
	push("LPUSH", "big", 0, 700)
	cases = append(cases,
		[]string{"LLEN", "big"}, []string{"LINDEX", "big", "500"}, []string{"LINDEX", "big", "-700"},
		[]string{"LRANGE", "big", "120", "140"}, []string{"LRANGE", "big", "-300", "-250"},
		[]string{"LINSERT", "big", "BEFORE", "50", "ins1"}, []string{"LPOS", "big", "ins1"},
		[]string{"LINSERT", "big", "AFTER", "96", "ins2"}, []string{"LPOS", "big", "ins2"},
		[]string{"LPOS", "big", "13", "COUNT", "0"}, []string{"LPOS", "big", "13", "RANK", "-3", "COUNT", "4"},
		[]string{"LREM", "big", "5", "7"}, []string{"LREM", "big", "-5", "8"}, []string{"LREM", "big", "0", "9"},
		[]string{"LRANGE", "big", "0", "-1"}, []string{"LPOP", "big", "300"}, []string{"RPOP", "big", "300"},
		[]string{"LRANGE", "big", "0", "-1"}, []string{"LTRIM", "big", "129", "-129"}, []string{"LRANGE", "big", "0", "-1"},
		[]string{"LSET", "big", "200", "set"}, []string{"LINDEX", "big", "200"},
	)
	for i := 0; i < 300; i++ {
		cases = append(cases, []string{"LMOVE", "big", "big2", pick2(i, "LEFT", "RIGHT"), pick2(i/2, "LEFT", "RIGHT")})
	}
	cases = append(cases, []string{"LRANGE", "big", "0", "-1"}, []string{"LRANGE", "big2", "0", "-1"},
		[]string{"LMPOP", "2", "big", "big2", "RIGHT", "COUNT", "1000"}, []string{"LMPOP", "2", "big", "big2", "LEFT", "COUNT", "1000"},
		[]string{"EXISTS", "big", "big2"})
	runCases(t, cases)
}

func pick2(i int, a, b string) string {
	if i%2 == 0 {
		return a
	}
	return b
}
