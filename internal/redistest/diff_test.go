package redistest

import (
	"bufio"
	"net"
	"strconv"
	"strings"
	"testing"
)

// selfDiffScript exercises every reply type redis-server produces, so that
// comparing the server with itself over two connections tests the scanner
// on real output: a scanner that misreads a reply's length desynchronises
// the connections and fails on a later command.
var selfDiffScript = [][]string{
	{"FLUSHALL"},
	{"PING"},
	{"ECHO", "a\r\nb\x00"},
	{"SET", "s", "hello"},
	{"GET", "s"},
	{"GET", "missing"},
	{"SET", "empty", ""},
	{"GET", "empty"},
	{"INCRBYFLOAT", "f", "1.5"},
	{"INCR", "n"},
	{"INCRBY", "s", "1"}, // error
	{"NOSUCHCOMMAND", "x"},
	{"SET", "s"}, // arity error
	{"MGET", "s", "missing", "n", "empty"},
	{"RPUSH", "l", "a", "b", "c"},
	{"LRANGE", "l", "0", "-1"},
	{"LRANGE", "nolist", "0", "-1"},
	{"BLPOP", "nolist", "0.01"}, // null array (RESP2) / null (RESP3)
	{"HSET", "h", "f1", "v1", "f2", "v2"},
	{"HGETALL", "h"}, // map in RESP3
	{"HGETALL", "nohash"},
	{"SADD", "set", "3", "1", "2"},
	{"SMEMBERS", "set"}, // set in RESP3 (intset: ordered)
	{"SISMEMBER", "set", "1"},
	{"ZADD", "z", "1.5", "a", "2", "b", "inf", "c"},
	{"ZRANGE", "z", "0", "-1", "WITHSCORES"}, // doubles in RESP3
	{"ZSCORE", "z", "a"},
	{"ZSCORE", "z", "c"},
	{"ZSCORE", "z", "nomember"},
	{"ZINCRBY", "z", "0.1", "a"},
	{"EXISTS", "s", "l", "nokey"},
	{"TYPE", "z"},
	{"OBJECT", "ENCODING", "l"},
	{"MULTI"},
	{"SET", "t", "1"},
	{"GET", "t"},
	{"LPOP", "t"},
	{"EXEC"},
	{"XADD", "st", "1-1", "f", "v"},
	{"XRANGE", "st", "-", "+"},
	{"XINFO", "STREAM", "st"}, // nested maps
	{"SET", "big", strings.Repeat("0123456789", 10000)},
	{"GET", "big"},
	{"STRLEN", "big"},
	{"COMMAND", "INFO", "get", "zadd"}, // deep nesting
	{"CONFIG", "GET", "maxmemory*"},
	{"DEBUG", "PROTOCOL", "string"},
	{"DEBUG", "PROTOCOL", "integer"},
	{"DEBUG", "PROTOCOL", "double"},
	{"DEBUG", "PROTOCOL", "bignum"},
	{"DEBUG", "PROTOCOL", "null"},
	{"DEBUG", "PROTOCOL", "array"},
	{"DEBUG", "PROTOCOL", "set"},
	{"DEBUG", "PROTOCOL", "map"},
	{"DEBUG", "PROTOCOL", "attrib"},
	{"DEBUG", "PROTOCOL", "verbatim"},
	{"DEBUG", "PROTOCOL", "true"},
	{"DEBUG", "PROTOCOL", "false"},
	{"PING"},
}

func TestSelfDiff(t *testing.T) {
	srv := Shared(t)
	for _, proto := range []int{2, 3} {
		t.Run("RESP"+strconv.Itoa(proto), func(t *testing.T) {
			d := NewDiff(t, srv.Dial, srv.Dial, proto)
			for _, cmd := range selfDiffScript {
				if cmd[0] == "FLUSHALL" {
					// Run once, on one side only: both connections share
					// the server.
					d.Ref().Do(cmd...)
					continue
				}
				// Writes run twice on the same server, so compare replies of
				// commands whose result does not depend on running first.
				switch cmd[0] {
				case "RPUSH", "SADD", "ZADD", "HSET", "INCR", "INCRBYFLOAT", "ZINCRBY", "XADD":
					ref := d.Ref()
					if _, err := ref.Do(cmd...); err != nil {
						t.Fatal(err)
					}
					continue
				}
				got := d.Do(cmd...)
				if len(got) == 0 {
					t.Fatalf("%v: empty reply", cmd)
				}
				if proto == 3 && cmd[0] == "DEBUG" {
					v, err := Parse(got)
					if err != nil {
						t.Fatalf("%v: %v", cmd, err)
					}
					t.Logf("%-25s %q  =>  %s", strings.Join(cmd, " "), got, v)
				}
			}
			// The connections must be exactly in step: nothing left over.
			if d.Ref().Buffered() != 0 || d.Sub().Buffered() != 0 {
				t.Fatalf("unread bytes: ref %d, sub %d", d.Ref().Buffered(), d.Sub().Buffered())
			}
			if n := d.Mismatches(); n != 0 {
				t.Fatalf("%d mismatches comparing redis-server with itself", n)
			}
		})
	}
}

func TestSelfDiffPipelineAndPush(t *testing.T) {
	srv := Shared(t)
	d := NewDiff(t, srv.Dial, srv.Dial, 3)
	var pipe []byte
	for i := 0; i < 100; i++ {
		pipe = append(pipe, EncodeCommand("ECHO", strconv.Itoa(i))...)
	}
	pipe = append(pipe, "PING inline\r\n"...)
	d.Send(pipe)
	for i := 0; i < 100; i++ {
		if got := d.Read(); string(got) != "$"+strconv.Itoa(len(strconv.Itoa(i)))+"\r\n"+strconv.Itoa(i)+"\r\n" {
			t.Fatalf("pipelined ECHO %d = %q", i, got)
		}
	}
	d.Read() // inline PING

	// Malformed input: both sides reply with the same protocol error.
	f := d.Fork()
	f.Send([]byte("*1\r\n$x\r\n"))
	f.Read()

	// Pub/sub push messages in RESP3.
	d.Do("SUBSCRIBE", "ch")
	ref, _ := d.Conns()
	ref.Do("PUBLISH", "ch", "hi") // one publish reaches both subscribers
	if got := d.Read(); !strings.HasPrefix(string(got), ">3\r\n") {
		t.Fatalf("push = %q", got)
	}
	d.Do("UNSUBSCRIBE", "ch")
	if n := d.Mismatches(); n != 0 {
		t.Fatalf("%d mismatches", n)
	}
}

// fakeServer serves canned replies over an in-memory pipe: reply maps a
// command to its raw reply.
func fakeServer(reply func(args []string) string) func() (net.Conn, error) {
	return func() (net.Conn, error) {
		a, b := net.Pipe()
		go func() {
			defer b.Close()
			r := bufio.NewReader(b)
			for {
				v, _, err := ReadValue(r)
				if err != nil {
					return
				}
				args := make([]string, len(v.Elems))
				for i, e := range v.Elems {
					args[i] = e.Str
				}
				if _, err := b.Write([]byte(reply(args))); err != nil {
					return
				}
			}
		}()
		return a, nil
	}
}

func TestDiffReportsMismatch(t *testing.T) {
	ref := fakeServer(func(args []string) string {
		switch strings.ToUpper(args[0]) {
		case "GET":
			return "$1\r\nv\r\n"
		case "HELLO":
			return "%2\r\n$6\r\nserver\r\n$5\r\nredis\r\n$2\r\nid\r\n:7\r\n"
		case "TTL":
			return ":100\r\n"
		}
		return "+OK\r\n"
	})
	sub := fakeServer(func(args []string) string {
		switch strings.ToUpper(args[0]) {
		case "GET":
			return "$-1\r\n"
		case "HELLO":
			return "%2\r\n$6\r\nserver\r\n$5\r\nredis\r\n$2\r\nid\r\n:1\r\n"
		case "TTL":
			return ":99\r\n"
		}
		return "+OK\r\n"
	})
	f := &fakeTB{TB: t}
	var d *Diff
	f.run(func() {
		d = NewDiff(f, ref, sub, 3) // HELLO ids differ: not a mismatch
		for i := 0; i < 12; i++ {
			d.Do("SET", "k"+strconv.Itoa(i), "v")
		}
		d.Do("GET", "k\x00")
		d.DoNormalized(IntWithin(1), "TTL", "k")
		d.Do("TTL", "k")
	})
	if f.fatal != "" {
		t.Fatalf("fatal: %s", f.fatal)
	}
	if d.Mismatches() != 2 || len(f.errors) != 2 {
		t.Fatalf("mismatches = %d, errors = %q", d.Mismatches(), f.errors)
	}
	report := f.errors[0]
	t.Logf("report:\n%s", report)
	for _, want := range []string{
		`GET "k\x00"`,
		`redis-server: "$1\r\nv\r\n"`,
		`subject:      "$-1\r\n"`,
		"the 10 commands before it",
		"SET k11 v",
		"SET k2 v",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(report, "SET k1 v\n") {
		t.Errorf("report shows more than 10 earlier commands")
	}
	if !strings.Contains(f.errors[1], "TTL k") || strings.Contains(f.errors[1], "commands before it") {
		t.Errorf("second report: %s", f.errors[1])
	}
}

func TestDiffMissingReplyIsFatal(t *testing.T) {
	ref := fakeServer(func([]string) string { return "+OK\r\n" })
	sub := fakeServer(func([]string) string { return "*2\r\n:1\r\n" }) // never completes
	f := &fakeTB{TB: t}
	f.run(func() {
		d := NewDiff(f, ref, sub, 2)
		d.sub.Timeout = 50e6
		d.Do("PING")
	})
	if !strings.Contains(f.fatal, "out of step") || !strings.Contains(f.fatal, `"*2\r\n:1\r\n"`) {
		t.Fatalf("fatal = %q", f.fatal)
	}
}

func TestNormalizers(t *testing.T) {
	cases := []struct {
		name     string
		fn       Normalizer
		ref, sub string
		equal    bool
	}{
		{"within", IntWithin(2), ":100\r\n", ":98\r\n", true},
		{"outside", IntWithin(2), ":100\r\n", ":97\r\n", false},
		{"negative exact", IntWithin(2), ":-1\r\n", ":-2\r\n", false},
		{"not int", IntWithin(2), "$1\r\n1\r\n", ":1\r\n", false},
		{"sorted", SortElems, "*2\r\n$1\r\nb\r\n$1\r\na\r\n", "*2\r\n$1\r\na\r\n$1\r\nb\r\n", true},
		{"sorted differ", SortElems, "*2\r\n$1\r\nb\r\n$1\r\na\r\n", "*2\r\n$1\r\na\r\n$1\r\nc\r\n", false},
		{"sorted map", SortElems, "%2\r\n+b\r\n:2\r\n+a\r\n:1\r\n", "%2\r\n+a\r\n:1\r\n+b\r\n:2\r\n", true},
		{"sorted map values stay", SortElems, "%2\r\n+b\r\n:2\r\n+a\r\n:1\r\n", "%2\r\n+a\r\n:2\r\n+b\r\n:1\r\n", false},
		{"deep", SortElemsDeep, "*1\r\n~2\r\n:2\r\n:1\r\n", "*1\r\n~2\r\n:1\r\n:2\r\n", true},
		{"shape", Shape, "*2\r\n$1\r\nx\r\n$2\r\nyy\r\n", "*2\r\n$3\r\nabc\r\n$0\r\n\r\n", true},
		{"shape count", Shape, "*2\r\n$1\r\nx\r\n$2\r\nyy\r\n", "*1\r\n$3\r\nabc\r\n", false},
		{"shape error", Shape, "-ERR a\r\n", "-ERR b\r\n", false},
		{"hello", HelloNormalizer, "%2\r\n$2\r\nid\r\n:5\r\n$7\r\nversion\r\n$6\r\n7.0.15\r\n", "%2\r\n$2\r\nid\r\n:1\r\n$7\r\nversion\r\n$5\r\n7.2.0\r\n", true},
		{"chain", Chain(SortElems, Shape), "*2\r\n:1\r\n$1\r\na\r\n", "*2\r\n$1\r\nb\r\n:3\r\n", true},
	}
	for _, c := range cases {
		r, s := c.fn([]byte(c.ref), []byte(c.sub))
		if (string(r) == string(s)) != c.equal {
			t.Errorf("%s: %q vs %q normalised to %q vs %q; want equal=%v", c.name, c.ref, c.sub, r, s, c.equal)
		}
	}
}
