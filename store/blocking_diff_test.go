package store

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/embedis/embedis/internal/redistest"
)

// Differential tests of the blocking commands: one connection pair blocks,
// others write, and the blocked replies are compared when they arrive.

// blockProbe sends blocking commands and waits until both servers have
// queued the client (redis-server's INFO blocked_clients, the Store's count
// of waiters), since the order in which clients block is what the tests
// are about.
type blockProbe struct {
	t   *testing.T
	ref *redistest.Client // a connection of its own to redis-server
	s   *Store
}

func newBlockProbe(t *testing.T, d *redistest.Diff, s *Store) blockProbe {
	ref, _ := d.Conns()
	return blockProbe{t: t, ref: ref, s: s}
}

func (p blockProbe) counts() (ref, sub int64) {
	p.t.Helper()
	raw, err := p.ref.Do("INFO", "clients")
	if err != nil {
		p.t.Fatal(err)
	}
	v, err := redistest.Parse(raw)
	if err != nil {
		p.t.Fatal(err)
	}
	for _, line := range strings.Split(v.Str, "\r\n") {
		if n, ok := strings.CutPrefix(line, "blocked_clients:"); ok {
			ref, _ = strconv.ParseInt(n, 10, 64)
		}
	}
	return ref, p.s.blocking.waiting.Load()
}

// blocked sends args on d without reading the reply and returns once both
// servers count one more blocked client.
func (p blockProbe) blocked(d *redistest.Diff, args ...string) {
	p.t.Helper()
	ref0, sub0 := p.counts()
	d.Send(redistest.EncodeCommand(args...))
	for i := 0; ; i++ {
		ref, sub := p.counts()
		if ref > ref0 && sub > sub0 {
			return
		}
		if i == 1000 {
			p.t.Fatalf("%v: not blocked after 5s (blocked clients: redis-server %d, store %d)", args, ref, sub)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestDiffBlockingImmediate(t *testing.T) {
	runCases(t, [][]string{
		{"RPUSH", "l", "a", "b", "c"},
		{"BLPOP", "nokey", "l", "0"},
		{"BRPOP", "l", "nokey", "0"},
		{"BLPOP", "l", "1.5"},
		{"LLEN", "l"},
		{"BLPOP", "nokey", "l", "0.01"},
		{"EXISTS", "l"},
		{"RPUSH", "l", "1", "2", "3", "4", "5", "6", "7"},
		{"BLMPOP", "0", "2", "nokey", "l", "LEFT", "COUNT", "3"},
		{"BLMPOP", "0", "1", "l", "RIGHT"},
		{"BLMPOP", "0", "1", "l", "RIGHT", "COUNT", "9"},
		{"RPUSH", "src", "x", "y"},
		{"BLMOVE", "src", "dst", "LEFT", "RIGHT", "0"},
		{"BRPOPLPUSH", "src", "dst", "0"},
		{"LRANGE", "dst", "0", "-1"},
		{"EXISTS", "src"},
		{"ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d"},
		{"BZPOPMIN", "nokey", "z", "0"},
		{"BZPOPMAX", "z", "0"},
		{"BZMPOP", "0", "2", "nokey", "z", "MIN", "COUNT", "1"},
		{"BZMPOP", "0", "1", "z", "MAX", "COUNT", "5"},
		{"EXISTS", "z"},
		// errors
		{"SET", "str", "v"},
		{"BLPOP", "nokey", "str", "0"},
		{"BLPOP", "str", "nokey", "0"},
		{"BZPOPMIN", "str", "0"},
		{"BZMPOP", "0", "1", "str", "MIN"},
		{"BLMOVE", "str", "dst", "LEFT", "LEFT", "0"},
		{"RPUSH", "l2", "a"},
		{"BLMOVE", "l2", "str", "LEFT", "LEFT", "0"},
		{"BRPOPLPUSH", "l2", "str", "0"},
		{"BLPOP", "k", "-1"},
		{"BLPOP", "k", "x"},
		{"BLPOP", "k", "inf"},
		{"BLPOP", "k", "-inf"},
		{"BLPOP", "k", "nan"},
		{"BLPOP", "k", "1e400"},
		{"BLPOP", "k", "99999999999999999999"},
		{"BLPOP", "k", ""},
		{"BLPOP", "k", "-0.01"},
		{"BLPOP", "k", "-0.002"},
		{"BLPOP", "k", "0.0001"},
		{"BLMOVE", "a", "b", "UP", "LEFT", "0"},
		{"BLMOVE", "a", "b", "LEFT", "DOWN", "x"},
		{"BLMOVE", "a", "b", "LEFT", "LEFT", "x"},
		{"BLMPOP", "0", "0", "a", "LEFT"},
		{"BLMPOP", "0", "-1", "a", "LEFT"},
		{"BLMPOP", "0", "3", "a", "LEFT"},
		{"BLMPOP", "0", "1", "a", "UP"},
		{"BLMPOP", "0", "1", "a", "LEFT", "COUNT", "0"},
		{"BLMPOP", "0", "1", "a", "LEFT", "COUNT"},
		{"BLMPOP", "0", "1", "a", "LEFT", "COUNT", "1", "COUNT", "1"},
		{"BLMPOP", "x", "1", "a", "LEFT"},
		{"BLMPOP", "-1", "1", "a", "LEFT"},
		{"BZMPOP", "0", "1", "z", "MIDDLE"},
		{"BZMPOP", "0", "1", "z", "MIN", "COUNT", "-2"},
		{"BZMPOP", "x", "1", "z", "MIN"},
		{"BZMPOP", "0", "0", "z", "MIN"},
		{"BZPOPMIN", "z", "x"},
		{"BZPOPMAX", "z", "-1"},
		{"BZMPOP", "0", "1", "z"},
		{"BLPOP", "k"},
		{"BLMOVE", "a", "b", "LEFT", "LEFT"},
	})
}

func TestDiffBlockingTimeout(t *testing.T) {
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		for _, c := range [][]string{
			{"BLPOP", "a", "b", "0.05"},
			{"BRPOP", "a", "0.01"},
			{"BLMOVE", "a", "b", "LEFT", "LEFT", "0.05"},
			{"BRPOPLPUSH", "a", "b", "0.05"},
			{"BLMPOP", "0.05", "1", "a", "LEFT"},
			{"BZPOPMIN", "z", "0.05"},
			{"BZPOPMAX", "z", "z2", "0.05"},
			{"BZMPOP", "0.05", "1", "z", "MAX", "COUNT", "2"},
		} {
			d.Do(c...)
		}
	}
}

func TestDiffBlockingServed(t *testing.T) {
	for _, proto := range []int{2, 3} {
		d, s := newDiff(t, proto)
		w := d.Fork()
		blocked := newBlockProbe(t, d, s).blocked

		// A push to the second key serves the waiter; the pusher's reply
		// counts the elements pushed, before the waiter took one.
		blocked(d, "BLPOP", "k1", "k2", "0")
		w.Do("RPUSH", "k2", "a", "b")
		d.Read()
		w.Do("LRANGE", "k2", "0", "-1")

		blocked(d, "BRPOP", "k3", "0")
		w.Do("LPUSH", "k3", "x", "y", "z")
		d.Read()
		w.Do("LRANGE", "k3", "0", "-1")

		// The pushed element is taken entirely: the key is gone again.
		blocked(d, "BLPOP", "k4", "0")
		w.Do("RPUSH", "k4", "only")
		d.Read()
		w.Do("EXISTS", "k4")

		blocked(d, "BLMPOP", "0", "2", "m1", "m2", "RIGHT", "COUNT", "2")
		w.Do("RPUSH", "m2", "1", "2", "3")
		d.Read()
		w.Do("LRANGE", "m2", "0", "-1")

		blocked(d, "BLMOVE", "src", "dst", "RIGHT", "LEFT", "0")
		w.Do("RPUSH", "dst", "old")
		w.Do("RPUSH", "src", "p", "q")
		d.Read()
		w.Do("LRANGE", "src", "0", "-1")
		w.Do("LRANGE", "dst", "0", "-1")

		blocked(d, "BRPOPLPUSH", "s2", "s2", "0")
		w.Do("RPUSH", "s2", "a", "b", "c")
		d.Read()
		w.Do("LRANGE", "s2", "0", "-1")

		blocked(d, "BZPOPMIN", "z1", "z2", "0")
		w.Do("ZADD", "z2", "2", "b", "1", "a", "1.5", "c")
		d.Read()
		w.Do("ZRANGE", "z2", "0", "-1", "WITHSCORES")

		blocked(d, "BZPOPMAX", "z3", "0")
		w.Do("ZADD", "z3", "-inf", "lo", "inf", "hi")
		d.Read()

		blocked(d, "BZMPOP", "0", "1", "z4", "MAX", "COUNT", "2")
		w.Do("ZADD", "z4", "1", "a", "2", "b", "3", "c")
		d.Read()
		w.Do("ZRANGE", "z4", "0", "-1", "WITHSCORES")

		// ZUNIONSTORE creating the key serves a sorted-set waiter.
		blocked(d, "BZPOPMIN", "zu", "0")
		w.Do("ZADD", "zin", "5", "m")
		w.Do("ZUNIONSTORE", "zu", "1", "zin")
		d.Read()

		// A key of another type does not serve a list waiter.
		blocked(d, "BLPOP", "t", "0.3")
		w.Do("SET", "t", "string")
		d.Read()
		w.Do("DEL", "t")

		// A key created by RENAME, or brought in by SWAPDB, serves.
		blocked(d, "BLPOP", "r", "0")
		w.Do("RPUSH", "tmp", "renamed")
		w.Do("RENAME", "tmp", "r")
		d.Read()
		blocked(d, "BLPOP", "sw", "0")
		w.Do("SELECT", "1")
		w.Do("RPUSH", "sw", "from-db1")
		w.Do("SWAPDB", "0", "1")
		d.Read()
		w.Do("SWAPDB", "0", "1")
		w.Do("SELECT", "0")

		// Inside a MULTI-less world, LMOVE fills its destination for a
		// waiter as a push does.
		blocked(d, "BLPOP", "lm", "0")
		w.Do("RPUSH", "lmsrc", "moved")
		w.Do("LMOVE", "lmsrc", "lm", "LEFT", "LEFT")
		d.Read()
	}
}

// TestDiffBlockingFIFO checks that waiters on one key are served in the
// order they blocked, one element each, and that chained moves are served
// within the command that started them.
func TestDiffBlockingFIFO(t *testing.T) {
	for _, proto := range []int{2, 3} {
		d, s := newDiff(t, proto)
		a, b, c, w := d, d.Fork(), d.Fork(), d.Fork()
		blocked := newBlockProbe(t, d, s).blocked
		blocked(a, "BLPOP", "q", "0")
		blocked(b, "BRPOP", "q", "0")
		blocked(c, "BLPOP", "other", "q", "0")
		w.Do("RPUSH", "q", "1", "2")
		a.Read()
		b.Read()
		w.Do("RPUSH", "q", "3", "4")
		c.Read()
		w.Do("LRANGE", "q", "0", "-1")

		// a moves what arrives on m1 to m2, where b waits.
		blocked(a, "BLMOVE", "m1", "m2", "LEFT", "RIGHT", "0")
		blocked(b, "BLPOP", "m2", "0")
		w.Do("LPUSH", "m1", "hop")
		a.Read()
		b.Read()
		w.Do("EXISTS", "m1", "m2")

		// A served BLMOVE whose destination has become another type gets
		// WRONGTYPE and the element stays in the source.
		blocked(a, "BLMOVE", "s", "d", "LEFT", "LEFT", "0")
		w.Do("SET", "d", "string")
		w.Do("RPUSH", "s", "stays")
		a.Read()
		w.Do("LRANGE", "s", "0", "-1")

		// Two waiters for one member: the second keeps waiting and is
		// served by the next ZADD.
		blocked(a, "BZPOPMIN", "zq", "0")
		blocked(b, "BZPOPMAX", "zq", "0")
		w.Do("ZADD", "zq", "1", "one")
		a.Read()
		w.Do("ZADD", "zq", "2", "two", "3", "three")
		b.Read()
		w.Do("ZRANGE", "zq", "0", "-1")
	}
}
