package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	goredis "github.com/redis/go-redis/v9"
)

// TestDiffGoRedis drives the shared redis-server and a fresh Store through
// go-redis v9's typed methods, with the arguments go-redis itself writes,
// and compares, call by call, what go-redis reports: cmd.String(), the
// error and the typed value. It runs in RESP2 and RESP3, each on freshly
// flushed data on both sides.
func TestDiffGoRedis(t *testing.T) {
	for _, proto := range []int{2, 3} {
		t.Run(fmt.Sprintf("RESP%d", proto), func(t *testing.T) {
			d := newGoRedisDiff(t, proto)
			grStrings(d)
			grBitmaps(d)
			grKeyspace(d)
			grServer(d)
			grHashes(d)
			grLists(d)
			grSets(d)
			grZSets(d)
			grHLL(d)
			grPipelines(d)
			grScans(d)
			grBlocking(d)
			t.Logf("compared %d go-redis calls", d.n)
		})
	}
}

// C and X shorten the closures that issue one call on one side.
type (
	C = *goredis.Conn
	X = goredis.Cmder
)

type grSide struct {
	cl *goredis.Client // pooled, for concurrent (blocking) calls
	cn *goredis.Conn   // one connection, for everything else, in order
}

type grDiff struct {
	t        *testing.T
	ctx      context.Context
	proto    int
	ref, sub grSide
	n        int // calls compared
}

func newGoRedisDiff(t *testing.T, proto int) *grDiff {
	t.Helper()
	srv := flushedShared(t)
	s := openStore(t, Options{})
	ctx := context.Background()
	mk := func(dial func(ctx context.Context, network, addr string) (net.Conn, error)) grSide {
		cl := goredis.NewClient(&goredis.Options{Protocol: proto, Dialer: dial, MaxRetries: -1})
		t.Cleanup(func() { cl.Close() })
		cn := cl.Conn()
		t.Cleanup(func() { cn.Close() })
		return grSide{cl: cl, cn: cn}
	}
	d := &grDiff{t: t, ctx: ctx, proto: proto}
	d.ref = mk(func(context.Context, string, string) (net.Conn, error) { return srv.Dial() })
	d.sub = mk(func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := s.Dial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return panicConn{conn}, nil
	})
	return d
}

// A grCmp compares the two sides' results of one call: ok, or what each
// side gave (as the comparison sees it).
type grCmp func(ref, sub X) (refDesc, subDesc string, ok bool)

// byView compares a per-side view of a result.
func byView(view func(X) string) grCmp {
	return func(ref, sub X) (string, string, bool) {
		a, b := view(ref), view(sub)
		return a, b, a == b
	}
}

// exact: cmd.String(), the error and the typed value.
var grExact = byView(func(c X) string {
	return fmt.Sprintf("String: %s\n  Err: %v\n  Val: %s", c.String(), c.Err(), grVal(c, false))
})

// grSorted: the error and the typed value with its string slices sorted,
// for replies whose order Redis leaves to its hash tables.
var grSorted = byView(func(c X) string {
	return fmt.Sprintf("Err: %v\n  Val (sorted): %s", c.Err(), grVal(c, true))
})

// grErrOnly compares only the error (for replies that differ legitimately).
var grErrOnly = byView(func(c X) string { return fmt.Sprintf("Err: %v", c.Err()) })

// grVal formats what cmd.Val() returns (all its results), with %#v.
func grVal(c X, sorted bool) string {
	m := reflect.ValueOf(c).MethodByName("Val")
	if !m.IsValid() {
		return "<no Val>"
	}
	var parts []string
	for _, r := range m.Call(nil) {
		v := r.Interface()
		if sorted {
			if ss, ok := v.([]string); ok {
				ss = slices.Clone(ss)
				sort.Strings(ss)
				v = ss
			}
		}
		parts = append(parts, fmt.Sprintf("%#v", v))
	}
	return strings.Join(parts, ", ")
}

// grWithin compares a DurationCmd or IntCmd with a tolerance (negative
// values, which are answers, exactly), and the error exactly.
func grWithin(tol int64) grCmp {
	return func(ref, sub X) (string, string, bool) {
		num := func(c X) int64 {
			switch c := c.(type) {
			case *goredis.DurationCmd:
				return int64(c.Val())
			case *goredis.IntCmd:
				return c.Val()
			}
			return math.MinInt64
		}
		a, b := num(ref), num(sub)
		ra := fmt.Sprintf("Err: %v Val: %d", ref.Err(), a)
		rb := fmt.Sprintf("Err: %v Val: %d", sub.Err(), b)
		if fmt.Sprint(ref.Err()) != fmt.Sprint(sub.Err()) || (a < 0 || b < 0) && a != b {
			return ra, rb, false
		}
		return ra, rb, a-b <= tol && b-a <= tol
	}
}

// grFacts compares deterministic facts about a random reply, as computed by
// facts on each side (with the error).
func grFacts(facts func(c X) string) grCmp {
	return byView(func(c X) string { return fmt.Sprintf("Err: %v\n  Facts: %s", c.Err(), facts(c)) })
}

func grLabel(c X) string {
	var b strings.Builder
	for i, a := range c.Args() {
		if i > 0 {
			b.WriteByte(' ')
		}
		s := fmt.Sprint(a)
		if s == "" || strings.ContainsAny(s, " \"\r\n\t") {
			s = strconv.Quote(s)
		}
		b.WriteString(s)
	}
	return b.String()
}

func (d *grDiff) report(label string, ra, rb string) {
	d.t.Helper()
	d.t.Errorf("RESP%d %s:\n redis-server: %s\n store:        %s", d.proto, label, ra, rb)
}

func (d *grDiff) check(label string, ref, sub X, cmp grCmp) {
	d.t.Helper()
	d.n++
	if strings.Contains(grVal(ref, false), "(0x") {
		d.t.Fatalf("%s: the value holds pointers; compare it with a custom grCmp", label)
	}
	if ra, rb, ok := cmp(ref, sub); !ok {
		d.report(label, ra, rb)
	}
}

// do issues fn on the redis-server connection and then on the Store's, and
// compares the results with cmp (exactly, without one).
func (d *grDiff) do(fn func(c C) X, cmp ...grCmp) {
	d.t.Helper()
	ref := fn(d.ref.cn)
	sub := fn(d.sub.cn)
	d.renew(ref, sub)
	c := grExact
	if len(cmp) > 0 {
		c = cmp[0]
	}
	d.check(grLabel(ref), ref, sub, c)
}

// renew replaces both sides' connections when a command failed other than
// with a reply from the server (go-redis could not parse a reply, or
// refused the call): go-redis then drops the connection, and a Conn stays
// in a bad state. Both sides get new connections (on database 0, without a
// name), so they remain alike.
func (d *grDiff) renew(cmds ...X) {
	d.t.Helper()
	bad := false
	for _, c := range cmds {
		err := c.Err()
		var re goredis.Error
		if err != nil && err != goredis.Nil && !errors.As(err, &re) {
			bad = true
		}
		if err != nil && strings.Contains(err.Error(), "bad state") {
			d.t.Fatalf("RESP%d %s: %v", d.proto, grLabel(c), err)
		}
	}
	if bad {
		for _, sd := range []*grSide{&d.ref, &d.sub} {
			sd.cn.Close()
			cn := sd.cl.Conn()
			sd.cn = cn
			d.t.Cleanup(func() { cn.Close() })
		}
	}
}

// pipe runs fn in a pipeline on each side and compares the pipeline's
// error and every command.
func (d *grDiff) pipe(name string, fn func(p goredis.Pipeliner)) {
	d.t.Helper()
	run := func(cn C) ([]X, error) {
		return cn.Pipelined(d.ctx, func(p goredis.Pipeliner) error { fn(p); return nil })
	}
	rc, rerr := run(d.ref.cn)
	sc, serr := run(d.sub.cn)
	d.renew(append(rc, sc...)...)
	d.n++
	if fmt.Sprint(rerr) != fmt.Sprint(serr) || len(rc) != len(sc) {
		d.report("pipeline "+name, fmt.Sprintf("%d commands, %v", len(rc), rerr), fmt.Sprintf("%d commands, %v", len(sc), serr))
		return
	}
	for i := range rc {
		d.check(fmt.Sprintf("pipeline %s [%d] %s", name, i, grLabel(rc[i])), rc[i], sc[i], grExact)
	}
}

// iter collects a whole Scan/HScan/SScan/ZScan iteration on each side and
// compares the collected elements, in order unless sorted.
func (d *grDiff) iter(fn func(c C) *goredis.ScanCmd, sorted bool) {
	d.t.Helper()
	collect := func(cn C) (string, []string, error) {
		cmd := fn(cn)
		it := cmd.Iterator()
		var got []string
		for it.Next(d.ctx) {
			got = append(got, it.Val())
			if len(got) > 100000 {
				return grLabel(cmd), got, errors.New("iteration does not end")
			}
		}
		return grLabel(cmd), got, it.Err()
	}
	label, ra, rerr := collect(d.ref.cn)
	_, sa, serr := collect(d.sub.cn)
	if sorted {
		sort.Strings(ra)
		sort.Strings(sa)
	}
	d.n++
	a := fmt.Sprintf("Err: %v Val: %q", rerr, ra)
	b := fmt.Sprintf("Err: %v Val: %q", serr, sa)
	if a != b {
		d.report("iterator "+label, a, b)
	}
}

// par runs the calls concurrently, each on its own pooled connection, on
// both sides at once (for blocking calls that wait for their timeout), and
// compares each call's results.
func (d *grDiff) par(calls ...func(c *goredis.Client) X) {
	d.t.Helper()
	ref := make([]X, len(calls))
	sub := make([]X, len(calls))
	var wg sync.WaitGroup
	for i, fn := range calls {
		wg.Add(2)
		go func() { defer wg.Done(); ref[i] = fn(d.ref.cl) }()
		go func() { defer wg.Done(); sub[i] = fn(d.sub.cl) }()
	}
	wg.Wait()
	for i := range calls {
		d.check(grLabel(ref[i]), ref[i], sub[i], grExact)
	}
}

// members returns a facts function for random replies: the number of
// elements, whether they are all in want, and whether they are distinct.
func grMembers(want ...string) func(X) string {
	in := map[string]bool{}
	for _, w := range want {
		in[w] = true
	}
	return func(c X) string {
		var got []string
		switch c := c.(type) {
		case *goredis.StringCmd:
			if c.Err() == nil {
				got = []string{c.Val()}
			}
		case *goredis.StringSliceCmd:
			got = c.Val()
		case *goredis.ZSliceCmd:
			for _, z := range c.Val() {
				got = append(got, fmt.Sprint(z.Member, "=", z.Score))
			}
		case *goredis.KeyValueSliceCmd:
			for _, kv := range c.Val() {
				got = append(got, kv.Key+"="+kv.Value)
			}
		default:
			return fmt.Sprintf("unexpected %T", c)
		}
		all, seen, distinct := true, map[string]bool{}, true
		for _, g := range got {
			all = all && in[g]
			distinct = distinct && !seen[g]
			seen[g] = true
		}
		return fmt.Sprintf("n=%d all-members=%v distinct=%v", len(got), all, distinct)
	}
}

var (
	grFuture   = time.Unix(4102444800, 0)                // 2100-01-01, for exact EXPIRETIME
	grFutureMs = time.UnixMilli(4102444800123)           // with milliseconds
	grPast     = time.Unix(1000000000, 0)                // 2001
	grSecond   = grWithin(int64(time.Second))            // TTL in seconds
	grMillis   = grWithin(int64(100 * time.Millisecond)) // PTTL
	grIdle     = grWithin(int64(3 * time.Second))        // OBJECT IDLETIME (redis-server's LRU clock)
	grUnixSec  = grSecond                                // EXPIRETIME relative to now
	grUnixMs   = grMillis                                // PEXPIRETIME relative to now
	grMaxInt   = strconv.FormatInt(math.MaxInt64, 10)    // for overflow cases
	grBigVal   = strings.Repeat("v", 70)                 // beyond listpack's 64-byte values
)

func grStrings(d *grDiff) {
	ctx := d.ctx
	do := d.do
	do(func(c C) X { return c.Set(ctx, "s", "v", 0) })
	do(func(c C) X { return c.Get(ctx, "s") })
	do(func(c C) X { return c.Get(ctx, "nokey") })
	do(func(c C) X { return c.Set(ctx, "s", "v2", 100*time.Second) })
	do(func(c C) X { return c.TTL(ctx, "s") }, grSecond)
	do(func(c C) X { return c.Set(ctx, "s", "v3", 1500*time.Millisecond) })
	do(func(c C) X { return c.PTTL(ctx, "s") }, grMillis)
	do(func(c C) X { return c.Set(ctx, "s", "v4", goredis.KeepTTL) })
	do(func(c C) X { return c.PTTL(ctx, "s") }, grMillis)
	do(func(c C) X { return c.Set(ctx, "s", 42, 0) })
	do(func(c C) X { return c.Set(ctx, "s", 1.5, 0) })
	do(func(c C) X { return c.Get(ctx, "s") })
	do(func(c C) X { return c.Set(ctx, "s", []byte("bytes\x00\xff"), 0) })
	do(func(c C) X { return c.Get(ctx, "s") })
	do(func(c C) X { return c.Set(ctx, "s", true, 0) })
	do(func(c C) X { return c.Get(ctx, "s") })
	do(func(c C) X { return c.Set(ctx, "s", "", 0) })
	do(func(c C) X { return c.Get(ctx, "s") })
	do(func(c C) X { return c.Set(ctx, "s", "x", 500*time.Microsecond) }) // truncated to px 1
	do(func(c C) X { return c.Set(ctx, "s", "x", 0) })

	// SetArgs
	do(func(c C) X { return c.SetArgs(ctx, "sa", "a", goredis.SetArgs{}) })
	do(func(c C) X { return c.SetArgs(ctx, "sa", "b", goredis.SetArgs{Mode: "nx"}) })
	do(func(c C) X { return c.SetArgs(ctx, "sa", "b", goredis.SetArgs{Mode: "NX", Get: true}) })
	do(func(c C) X { return c.SetArgs(ctx, "sa", "c", goredis.SetArgs{Mode: "xx", Get: true}) })
	do(func(c C) X { return c.SetArgs(ctx, "sa-new", "c", goredis.SetArgs{Mode: "xx", Get: true}) })
	do(func(c C) X { return c.SetArgs(ctx, "sa-new", "c", goredis.SetArgs{Mode: "xx"}) })
	do(func(c C) X { return c.SetArgs(ctx, "sa-new2", "c", goredis.SetArgs{Get: true}) })
	do(func(c C) X { return c.SetArgs(ctx, "sa", "d", goredis.SetArgs{TTL: 50 * time.Second, Get: true}) })
	do(func(c C) X { return c.TTL(ctx, "sa") }, grSecond)
	do(func(c C) X { return c.SetArgs(ctx, "sa", "e", goredis.SetArgs{KeepTTL: true}) })
	do(func(c C) X { return c.TTL(ctx, "sa") }, grSecond)
	do(func(c C) X { return c.SetArgs(ctx, "sa", "f", goredis.SetArgs{KeepTTL: true, Get: true, Mode: "xx"}) })
	do(func(c C) X { return c.SetArgs(ctx, "sa", "g", goredis.SetArgs{ExpireAt: grFuture}) })
	do(func(c C) X { return c.ExpireTime(ctx, "sa") })
	do(func(c C) X { return c.PExpireTime(ctx, "sa") })
	do(func(c C) X { return c.SetArgs(ctx, "sa", "h", goredis.SetArgs{ExpireAt: grPast}) })
	do(func(c C) X { return c.Exists(ctx, "sa") })
	do(func(c C) X { return c.SetArgs(ctx, "sa", "h", goredis.SetArgs{ExpireAt: grPast, Get: true}) })
	do(func(c C) X {
		return c.SetArgs(ctx, "sa", "i", goredis.SetArgs{TTL: 1500 * time.Millisecond, Mode: "nx"})
	})
	do(func(c C) X { return c.PTTL(ctx, "sa") }, grMillis)
	do(func(c C) X { return c.SetArgs(ctx, "sa", "j", goredis.SetArgs{TTL: time.Second, KeepTTL: true}) }) // syntax error
	do(func(c C) X { return c.SetArgs(ctx, "sa", "j", goredis.SetArgs{ExpireAt: grFuture, TTL: time.Second}) })
	do(func(c C) X {
		return c.SetArgs(ctx, "sa", "j", goredis.SetArgs{Mode: "nx", Get: true, ExpireAt: grFuture})
	})
	do(func(c C) X { return c.SetArgs(ctx, "sa", "j", goredis.SetArgs{Mode: "ifeq", MatchValue: "i"}) }) // Redis 8.4
	do(func(c C) X { return c.SetArgs(ctx, "sa", "j", goredis.SetArgs{Mode: "nx", TTL: -time.Second}) })
	do(func(c C) X { return c.SetIFEQ(ctx, "sa", "j", "i", 0) })
	do(func(c C) X { return c.SetIFNEGet(ctx, "sa", "j", "i", time.Second) })
	do(func(c C) X { return c.Get(ctx, "sa") })

	// SETNX, SETXX, SETEX
	do(func(c C) X { return c.SetNX(ctx, "nx", "1", 0) })
	do(func(c C) X { return c.SetNX(ctx, "nx", "2", 0) })
	do(func(c C) X { return c.SetNX(ctx, "nx2", "1", 10*time.Second) })
	do(func(c C) X { return c.SetNX(ctx, "nx2", "1", 10*time.Second) })
	do(func(c C) X { return c.SetNX(ctx, "nx3", "1", 1200*time.Millisecond) })
	do(func(c C) X { return c.SetNX(ctx, "nx4", "1", goredis.KeepTTL) })
	do(func(c C) X { return c.SetNX(ctx, "nx4", "1", goredis.KeepTTL) })
	do(func(c C) X { return c.PTTL(ctx, "nx3") }, grMillis)
	do(func(c C) X { return c.SetXX(ctx, "xx", "1", 0) })
	do(func(c C) X { return c.SetXX(ctx, "nx2", "2", 0) })
	do(func(c C) X { return c.TTL(ctx, "nx2") })
	do(func(c C) X { return c.SetXX(ctx, "nx3", "2", goredis.KeepTTL) })
	do(func(c C) X { return c.PTTL(ctx, "nx3") }, grMillis)
	do(func(c C) X { return c.SetXX(ctx, "nx3", "3", 20*time.Second) })
	do(func(c C) X { return c.SetXX(ctx, "nokey", "3", 20*time.Second) })
	do(func(c C) X { return c.SetEx(ctx, "ex", "v", 30*time.Second) })
	do(func(c C) X { return c.TTL(ctx, "ex") }, grSecond)
	do(func(c C) X { return c.SetEx(ctx, "ex", "v", 0) })
	do(func(c C) X { return c.SetEx(ctx, "ex", "v", -time.Second) })
	do(func(c C) X { return c.SetEx(ctx, "ex", "v", 300*time.Millisecond) })
	do(func(c C) X { return c.TTL(ctx, "ex") }, grSecond)

	// GETSET, GETEX, GETDEL
	do(func(c C) X { return c.GetSet(ctx, "gs", "a") })
	do(func(c C) X { return c.GetSet(ctx, "gs", 7) })
	do(func(c C) X { return c.Expire(ctx, "gs", time.Minute) })
	do(func(c C) X { return c.GetSet(ctx, "gs", "b") })
	do(func(c C) X { return c.TTL(ctx, "gs") })
	do(func(c C) X { return c.GetEx(ctx, "gs", 20*time.Second) })
	do(func(c C) X { return c.TTL(ctx, "gs") }, grSecond)
	do(func(c C) X { return c.GetEx(ctx, "gs", 2500*time.Millisecond) })
	do(func(c C) X { return c.PTTL(ctx, "gs") }, grMillis)
	do(func(c C) X { return c.GetEx(ctx, "gs", goredis.KeepTTL) })
	do(func(c C) X { return c.PTTL(ctx, "gs") }, grMillis)
	do(func(c C) X { return c.GetEx(ctx, "gs", 0) })
	do(func(c C) X { return c.TTL(ctx, "gs") })
	do(func(c C) X { return c.GetEx(ctx, "nokey", time.Second) })
	do(func(c C) X { return c.GetEx(ctx, "nokey", 0) })
	do(func(c C) X { return c.GetDel(ctx, "gs") })
	do(func(c C) X { return c.GetDel(ctx, "gs") })
	do(func(c C) X { return c.Exists(ctx, "gs") })

	// Counters
	do(func(c C) X { return c.Incr(ctx, "n") })
	do(func(c C) X { return c.IncrBy(ctx, "n", 41) })
	do(func(c C) X { return c.Decr(ctx, "n") })
	do(func(c C) X { return c.DecrBy(ctx, "n", 100) })
	do(func(c C) X { return c.IncrBy(ctx, "n", -5) })
	do(func(c C) X { return c.Get(ctx, "n") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "n") })
	do(func(c C) X { return c.Incr(ctx, "s") })
	do(func(c C) X { return c.Set(ctx, "max", grMaxInt, 0) })
	do(func(c C) X { return c.Incr(ctx, "max") })
	do(func(c C) X { return c.IncrBy(ctx, "max", 1) })
	do(func(c C) X { return c.DecrBy(ctx, "min", math.MinInt64) })
	do(func(c C) X { return c.DecrBy(ctx, "min", math.MaxInt64) })
	do(func(c C) X { return c.Decr(ctx, "min") })
	do(func(c C) X { return c.Decr(ctx, "min") })
	do(func(c C) X { return c.Set(ctx, "sp", " 1", 0) })
	do(func(c C) X { return c.Incr(ctx, "sp") })
	do(func(c C) X { return c.Set(ctx, "fl", "1.5", 0) })
	do(func(c C) X { return c.Incr(ctx, "fl") })
	do(func(c C) X { return c.IncrByFloat(ctx, "fl", 0.1) })
	do(func(c C) X { return c.IncrByFloat(ctx, "fl", 0.2) })
	do(func(c C) X { return c.IncrByFloat(ctx, "fl", -1.8) })
	do(func(c C) X { return c.IncrByFloat(ctx, "fl", 3.0e-5) })
	do(func(c C) X { return c.IncrByFloat(ctx, "fl", 1e20) })
	do(func(c C) X { return c.IncrByFloat(ctx, "fl", 1e300) })
	do(func(c C) X { return c.IncrByFloat(ctx, "fl", 1e308) })
	do(func(c C) X { return c.IncrByFloat(ctx, "fl", math.Inf(1)) })
	do(func(c C) X { return c.IncrByFloat(ctx, "fl", math.NaN()) })
	do(func(c C) X { return c.IncrByFloat(ctx, "n", 1.5) })
	do(func(c C) X { return c.IncrByFloat(ctx, "n", 2.5) })
	do(func(c C) X { return c.IncrByFloat(ctx, "newf", -0.0) })
	do(func(c C) X { return c.IncrByFloat(ctx, "newf2", 5e-324) })
	do(func(c C) X { return c.IncrByFloat(ctx, "s", 1) })
	do(func(c C) X { return c.Incr(ctx, "n") })
	do(func(c C) X { return c.MGet(ctx, "fl", "n", "newf", "newf2") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "fl") })
	// Numbers as Redis parses them: string2ll for integers, strtold for
	// floats (hex, exponents, no spaces).
	for _, v := range []string{"007", "-0", "+1", "1 ", "0x10", "1e3", " 1", "inf", "-inf", "nan", "1.", ".5",
		"-9223372036854775808", "9223372036854775808", "12345678901234567890", "0", "-1", "1e400", "0x1p3", "1_000"} {
		do(func(c C) X { return c.Set(ctx, "num", v, 0) })
		do(func(c C) X { return c.ObjectEncoding(ctx, "num") })
		do(func(c C) X { return c.Incr(ctx, "num") })
		do(func(c C) X { return c.Set(ctx, "num", v, 0) })
		do(func(c C) X { return c.DecrBy(ctx, "num", 2) })
		do(func(c C) X { return c.Set(ctx, "num", v, 0) })
		do(func(c C) X { return c.IncrByFloat(ctx, "num", 1) })
		do(func(c C) X { return c.Get(ctx, "num") })
	}
	// String encodings at their boundaries.
	do(func(c C) X { return c.Set(ctx, "emb44", strings.Repeat("e", 44), 0) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "emb44") })
	do(func(c C) X { return c.Set(ctx, "raw45", strings.Repeat("e", 45), 0) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "raw45") })
	do(func(c C) X { return c.Append(ctx, "emb44", "") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "emb44") })
	do(func(c C) X { return c.Set(ctx, "i", 99, 0) })
	do(func(c C) X { return c.SetRange(ctx, "i", 0, "1") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "i") })
	do(func(c C) X { return c.GetRange(ctx, "i", math.MinInt64, math.MaxInt64) })
	do(func(c C) X { return c.GetRange(ctx, "i", math.MaxInt64, math.MinInt64) })
	do(func(c C) X { return c.GetRange(ctx, "i", -1, -100) })

	// APPEND, STRLEN, GETRANGE, SETRANGE
	do(func(c C) X { return c.Append(ctx, "ap", "hello") })
	do(func(c C) X { return c.Append(ctx, "ap", " world") })
	do(func(c C) X { return c.StrLen(ctx, "ap") })
	do(func(c C) X { return c.StrLen(ctx, "nokey") })
	do(func(c C) X { return c.GetRange(ctx, "ap", 0, 4) })
	do(func(c C) X { return c.GetRange(ctx, "ap", -5, -1) })
	do(func(c C) X { return c.GetRange(ctx, "ap", 5, 2) })
	do(func(c C) X { return c.GetRange(ctx, "ap", -100, 100) })
	do(func(c C) X { return c.GetRange(ctx, "nokey", 0, -1) })
	do(func(c C) X { return c.SetRange(ctx, "ap", 6, "WORLD") })
	do(func(c C) X { return c.SetRange(ctx, "ap", 20, "!") })
	do(func(c C) X { return c.Get(ctx, "ap") })
	do(func(c C) X { return c.SetRange(ctx, "ap", -1, "x") })
	do(func(c C) X { return c.SetRange(ctx, "ap", 536870912, "x") })
	do(func(c C) X { return c.SetRange(ctx, "ap", math.MaxInt64, "x") })
	do(func(c C) X { return c.SetRange(ctx, "ap", math.MaxInt64, "") })
	do(func(c C) X { return c.SetRange(ctx, "nokey", math.MaxInt64, "") })
	do(func(c C) X { return c.SetRange(ctx, "nokey", 536870911, "") })
	do(func(c C) X { return c.SetRange(ctx, "nokey", 536870911, "xy") })
	do(func(c C) X { return c.SetRange(ctx, "sr", 3, "") })
	do(func(c C) X { return c.Exists(ctx, "sr") })
	do(func(c C) X { return c.SetRange(ctx, "sr", 3, "abc") })
	do(func(c C) X { return c.Get(ctx, "sr") })
	do(func(c C) X { return c.Append(ctx, "n", "0") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "n") })

	// MGET, MSET, MSETNX
	do(func(c C) X { return c.MSet(ctx, "m1", "a", "m2", 2, "m3", 3.5) })
	do(func(c C) X { return c.MSet(ctx, []string{"m4", "d", "m5", "e"}) })
	do(func(c C) X { return c.MSet(ctx, map[string]any{"m6": "f"}) })
	do(func(c C) X { return c.MSet(ctx, "m1") })
	do(func(c C) X { return c.MSet(ctx, "m1", "a", "m2") })
	do(func(c C) X { return c.MGet(ctx, "m1", "nokey", "m2", "m3", "m4", "m5", "m6") })
	do(func(c C) X { return c.MSetNX(ctx, "m1", "x", "m7", "y") })
	do(func(c C) X { return c.MSetNX(ctx, "m7", "x", "m8", "y") })
	do(func(c C) X { return c.MSetNX(ctx, "m7", "x", "m7", "y") })
	do(func(c C) X { return c.MGet(ctx, "m7", "m8") })
	do(func(c C) X {
		return c.MSet(ctx, struct {
			A string `redis:"ms-a"`
			B int    `redis:"ms-b"`
		}{"x", 5})
	})
	do(func(c C) X { return c.MGet(ctx, "ms-a", "ms-b") })
	do(func(c C) X { return c.LPush(ctx, "slist", "x") })
	do(func(c C) X { return c.SetArgs(ctx, "slist", "v", goredis.SetArgs{Get: true}) })
	do(func(c C) X { return c.SetArgs(ctx, "slist", "v", goredis.SetArgs{Get: true, Mode: "nx"}) })
	do(func(c C) X { return c.SetArgs(ctx, "slist", "v", goredis.SetArgs{Get: true, Mode: "xx"}) })
	do(func(c C) X { return c.GetSet(ctx, "slist", "v") })
	do(func(c C) X { return c.GetEx(ctx, "slist", 0) })
	do(func(c C) X { return c.GetDel(ctx, "slist") })
	do(func(c C) X { return c.Append(ctx, "slist", "v") })
	do(func(c C) X { return c.StrLen(ctx, "slist") })
	do(func(c C) X { return c.SetRange(ctx, "slist", 0, "v") })
	do(func(c C) X { return c.GetRange(ctx, "slist", 0, 1) })
	do(func(c C) X { return c.IncrByFloat(ctx, "slist", 1) })
	do(func(c C) X { return c.MGet(ctx, "slist", "ms-a") })
	do(func(c C) X { return c.SetNX(ctx, "slist", "v", 0) })
	do(func(c C) X { return c.SetXX(ctx, "slist", "v", time.Minute) })
	do(func(c C) X { return c.Type(ctx, "slist") })
	do(func(c C) X { return c.TTL(ctx, "slist") }, grSecond)
	do(func(c C) X { return c.MSetEX(ctx, goredis.MSetEXArgs{}, "m9", "x") }) // Redis 8.4

	// LCS
	do(func(c C) X { return c.MSet(ctx, "lcs1", "ohmytext", "lcs2", "mynewtext") })
	do(func(c C) X { return c.LCS(ctx, &goredis.LCSQuery{Key1: "lcs1", Key2: "lcs2"}) })
	do(func(c C) X { return c.LCS(ctx, &goredis.LCSQuery{Key1: "lcs1", Key2: "lcs2", Len: true}) })
	do(func(c C) X { return c.LCS(ctx, &goredis.LCSQuery{Key1: "lcs1", Key2: "lcs2", Idx: true}) })
	do(func(c C) X {
		return c.LCS(ctx, &goredis.LCSQuery{Key1: "lcs1", Key2: "lcs2", Idx: true, MinMatchLen: 4, WithMatchLen: true})
	})
	do(func(c C) X {
		return c.LCS(ctx, &goredis.LCSQuery{Key1: "lcs1", Key2: "lcs2", Idx: true, WithMatchLen: true})
	})
	do(func(c C) X { return c.LCS(ctx, &goredis.LCSQuery{Key1: "lcs1", Key2: "nokey"}) })
	do(func(c C) X { return c.LCS(ctx, &goredis.LCSQuery{Key1: "nokey", Key2: "nokey2", Idx: true}) })

	// Redis 8 string commands go-redis has: unknown to 7.0.
	do(func(c C) X { return c.Digest(ctx, "lcs1") })
	do(func(c C) X { return c.DelExArgs(ctx, "lcs1", goredis.DelExArgs{}) })
}

func grBitmaps(d *grDiff) {
	ctx := d.ctx
	do := d.do
	do(func(c C) X { return c.SetBit(ctx, "b", 7, 1) })
	do(func(c C) X { return c.SetBit(ctx, "b", 7, 1) })
	do(func(c C) X { return c.SetBit(ctx, "b", 100, 1) })
	do(func(c C) X { return c.SetBit(ctx, "b", 3, 0) })
	do(func(c C) X { return c.SetBit(ctx, "b", 3, 2) })
	do(func(c C) X { return c.SetBit(ctx, "b", -1, 1) })
	do(func(c C) X { return c.SetBit(ctx, "b", 4294967296, 1) })
	do(func(c C) X { return c.GetBit(ctx, "b", 7) })
	do(func(c C) X { return c.GetBit(ctx, "b", 8) })
	do(func(c C) X { return c.GetBit(ctx, "b", 100000) })
	do(func(c C) X { return c.GetBit(ctx, "b", -1) })
	do(func(c C) X { return c.GetBit(ctx, "nokey", 1) })
	do(func(c C) X { return c.Get(ctx, "b") })
	do(func(c C) X { return c.Set(ctx, "b2", "foobar", 0) })
	do(func(c C) X { return c.BitCount(ctx, "b2", nil) })
	do(func(c C) X { return c.BitCount(ctx, "b2", &goredis.BitCount{Start: 1, End: 1}) })
	do(func(c C) X { return c.BitCount(ctx, "b2", &goredis.BitCount{Start: 0, End: -1}) })
	do(func(c C) X {
		return c.BitCount(ctx, "b2", &goredis.BitCount{Start: 5, End: 30, Unit: goredis.BitCountIndexBit})
	})
	do(func(c C) X {
		return c.BitCount(ctx, "b2", &goredis.BitCount{Start: -2, End: -1, Unit: goredis.BitCountIndexByte})
	})
	do(func(c C) X { return c.BitCount(ctx, "nokey", &goredis.BitCount{Start: 0, End: -1}) })
	do(func(c C) X { return c.BitOpAnd(ctx, "dand", "b", "b2") })
	do(func(c C) X { return c.BitOpOr(ctx, "dor", "b", "b2") })
	do(func(c C) X { return c.BitOpXor(ctx, "dxor", "b", "b2", "nokey") })
	do(func(c C) X { return c.BitOpNot(ctx, "dnot", "b2") })
	do(func(c C) X { return c.MGet(ctx, "dand", "dor", "dxor", "dnot") })
	do(func(c C) X { return c.BitOpAnd(ctx, "dand", "nokey", "nokey2") })
	do(func(c C) X { return c.Exists(ctx, "dand") })
	do(func(c C) X { return c.BitOpDiff(ctx, "ddiff", "b", "b2") }) // Redis 8.2
	do(func(c C) X { return c.BitOpOne(ctx, "done", "b", "b2") })
	do(func(c C) X { return c.BitPos(ctx, "b2", 1) })
	do(func(c C) X { return c.BitPos(ctx, "b2", 0) })
	do(func(c C) X { return c.BitPos(ctx, "b2", 1, 2) })
	do(func(c C) X { return c.BitPos(ctx, "b2", 1, 2, -1) })
	do(func(c C) X { return c.BitPos(ctx, "b2", 0, 100, 200) })
	do(func(c C) X { return c.BitPos(ctx, "b2", 2) })
	do(func(c C) X { return c.BitPos(ctx, "nokey", 0) })
	do(func(c C) X { return c.BitPos(ctx, "nokey", 1) })
	do(func(c C) X { return c.BitPosSpan(ctx, "b2", 1, 7, 15, "bit") })
	do(func(c C) X { return c.BitPosSpan(ctx, "b2", 0, 1, 2, "byte") })
	do(func(c C) X { return c.BitPosSpan(ctx, "b2", 0, 1, 2, "nibble") })
	do(func(c C) X { return c.SetArgs(ctx, "ff", "\xff\xff", goredis.SetArgs{}) })
	do(func(c C) X { return c.BitPos(ctx, "ff", 0) })
	do(func(c C) X { return c.BitPos(ctx, "ff", 0, 0, -1) })
	do(func(c C) X {
		return c.BitField(ctx, "bf", "set", "i8", 0, 100, "get", "u4", 0, "incrby", "u2", 100, 1, "overflow", "sat", "incrby", "i8", 0, 100)
	})
	do(func(c C) X {
		return c.BitField(ctx, "bf", "overflow", "wrap", "incrby", "i8", "#1", 200, "get", "i8", "#1")
	})
	do(func(c C) X { return c.BitField(ctx, "bf", "overflow", "fail", "incrby", "u8", 0, 1000) })
	do(func(c C) X { return c.BitField(ctx, "bf", []any{"get", "i64", 0, "get", "u63", 0}) })
	do(func(c C) X { return c.BitField(ctx, "bf", "get", "u64", 0) })
	do(func(c C) X { return c.BitField(ctx, "bf", "get", "i65", 0) })
	do(func(c C) X { return c.BitField(ctx, "bf", "set", "i8", -1, 1) })
	do(func(c C) X { return c.BitField(ctx, "bf", "set", "i8", 0, "x") })
	do(func(c C) X { return c.BitField(ctx, "bf", "overflow", "bad") })
	do(func(c C) X { return c.BitField(ctx, "bf", "frob", "i8", 0) })
	do(func(c C) X { return c.BitField(ctx, "bf") })
	do(func(c C) X { return c.BitField(ctx, "bf2", "get", "u8", 0) })
	do(func(c C) X { return c.Exists(ctx, "bf2") })
	do(func(c C) X { return c.BitField(ctx, "bf", "get", "u8", 4294967296) })
	do(func(c C) X { return c.BitField(ctx, "bf", "get", "u8", "#536870912") })
	do(func(c C) X { return c.BitField(ctx, "bf", "get", "u8", "#-1") })
	do(func(c C) X { return c.BitField(ctx, "bf", "incrby", "u63", 0, math.MaxInt64, "get", "u63", 0) })
	do(func(c C) X {
		return c.BitField(ctx, "bf", "overflow", "sat", "incrby", "i64", 0, math.MinInt64, "incrby", "i64", 0, -1)
	})
	do(func(c C) X { return c.BitField(ctx, "bf", "overflow", "wrap", "incrby", "i64", 0, math.MinInt64) })
	do(func(c C) X { return c.BitCount(ctx, "b2", &goredis.BitCount{Start: math.MinInt64, End: math.MaxInt64}) })
	do(func(c C) X {
		return c.BitCount(ctx, "b2", &goredis.BitCount{Start: math.MinInt64, End: math.MaxInt64, Unit: "BIT"})
	})
	do(func(c C) X { return c.BitPos(ctx, "b2", 0, math.MinInt64, math.MaxInt64) })
	do(func(c C) X { return c.BitPosSpan(ctx, "b2", 1, math.MinInt64, math.MaxInt64, "bit") })
	do(func(c C) X { return c.BitPosSpan(ctx, "ff", 0, 3, -1, "bit") })
	do(func(c C) X { return c.BitPosSpan(ctx, "ff", 1, 3, 2, "bit") })
	do(func(c C) X { return c.BitFieldRO(ctx, "bf", "u8", 0, "i16", 4) })
	do(func(c C) X { return c.BitFieldRO(ctx, "bf") })
	do(func(c C) X { return c.Get(ctx, "bf") })
	do(func(c C) X { return c.LPush(ctx, "blist", "x") })
	do(func(c C) X { return c.SetBit(ctx, "blist", 1, 1) })
	do(func(c C) X { return c.GetBit(ctx, "blist", 1) })
	do(func(c C) X { return c.BitCount(ctx, "blist", nil) })
	do(func(c C) X { return c.BitOpOr(ctx, "dor", "b", "blist") })
	do(func(c C) X { return c.BitPos(ctx, "blist", 1) })
	do(func(c C) X { return c.BitField(ctx, "blist", "get", "u8", 0) })
	do(func(c C) X { return c.BitFieldRO(ctx, "blist", "u8", 0) })
}

func grKeyspace(d *grDiff) {
	ctx := d.ctx
	do := d.do
	do(func(c C) X { return c.FlushDB(ctx) })
	do(func(c C) X { return c.MSet(ctx, "k1", "1", "k2", "2", "k3", "3", "other", "x") })
	do(func(c C) X { return c.Exists(ctx, "k1", "k1", "nokey", "k2") })
	do(func(c C) X { return c.Exists(ctx) })
	do(func(c C) X { return c.Del(ctx, "k3", "k3", "nokey") })
	do(func(c C) X { return c.Unlink(ctx, "k2", "nokey") })
	do(func(c C) X { return c.Del(ctx) })
	do(func(c C) X { return c.Keys(ctx, "*") }, grSorted)
	do(func(c C) X { return c.Keys(ctx, "k*") })
	do(func(c C) X { return c.Keys(ctx, "[a-o]?her") })
	do(func(c C) X { return c.Keys(ctx, "nomatch*") })
	for _, pat := range []string{"k\\*", "[!k]*", "[^k]*", "*[", "[k-", "?1", "*\\", "[]]*", "k[1-]", "[a-]*", "*[o-a]ther"} {
		do(func(c C) X { return c.Keys(ctx, pat) }, grSorted)
	}
	do(func(c C) X { return c.DBSize(ctx) })
	do(func(c C) X { return c.RandomKey(ctx) }, grFacts(grMembers("k1", "other")))
	do(func(c C) X { return c.Del(ctx, "other") })
	do(func(c C) X { return c.RandomKey(ctx) })

	// TYPE and OBJECT ENCODING of every type and encoding
	do(func(c C) X {
		return c.Set(ctx, "str", "raw string, long enough to be raw: 0123456789012345678901234567890", 0)
	})
	do(func(c C) X { return c.Set(ctx, "emb", "short", 0) })
	do(func(c C) X { return c.Set(ctx, "int", "12345", 0) })
	do(func(c C) X { return c.Set(ctx, "bigint", "123456789012345678901", 0) })
	do(func(c C) X { return c.RPush(ctx, "list", "a", "b") })
	do(func(c C) X { return c.HSet(ctx, "hash", "f", "v") })
	do(func(c C) X { return c.SAdd(ctx, "iset", 1, 2, 3) })
	do(func(c C) X { return c.SAdd(ctx, "set", "a", "b") })
	do(func(c C) X { return c.ZAdd(ctx, "zset", goredis.Z{Score: 1, Member: "a"}) })
	do(func(c C) X { return c.PFAdd(ctx, "hll", "a") })
	for _, k := range []string{"str", "emb", "int", "bigint", "list", "hash", "iset", "set", "zset", "hll", "nokey"} {
		do(func(c C) X { return c.Type(ctx, k) })
		do(func(c C) X { return c.ObjectEncoding(ctx, k) })
		do(func(c C) X { return c.ObjectRefCount(ctx, k) })
		do(func(c C) X { return c.ObjectIdleTime(ctx, k) }, grIdle)
	}
	do(func(c C) X { return c.Set(ctx, "shared", "7", 0) })
	do(func(c C) X { return c.ObjectRefCount(ctx, "shared") })
	do(func(c C) X { return c.ObjectFreq(ctx, "str") })
	do(func(c C) X { return c.ObjectFreq(ctx, "nokey") })
	do(func(c C) X { return c.Touch(ctx, "str", "nokey", "emb", "str") })

	// Expiry
	do(func(c C) X { return c.TTL(ctx, "str") })
	do(func(c C) X { return c.PTTL(ctx, "str") })
	do(func(c C) X { return c.TTL(ctx, "nokey") })
	do(func(c C) X { return c.PTTL(ctx, "nokey") })
	do(func(c C) X { return c.ExpireTime(ctx, "str") })
	do(func(c C) X { return c.PExpireTime(ctx, "nokey") })
	do(func(c C) X { return c.Expire(ctx, "str", 100*time.Second) })
	do(func(c C) X { return c.TTL(ctx, "str") }, grSecond)
	do(func(c C) X { return c.ExpireTime(ctx, "str") }, grUnixSec)
	do(func(c C) X { return c.PExpireTime(ctx, "str") }, grUnixMs)
	do(func(c C) X { return c.ExpireNX(ctx, "str", 200*time.Second) })
	do(func(c C) X { return c.ExpireNX(ctx, "emb", 200*time.Second) })
	do(func(c C) X { return c.ExpireXX(ctx, "int", 200*time.Second) })
	do(func(c C) X { return c.ExpireXX(ctx, "str", 300*time.Second) })
	do(func(c C) X { return c.ExpireGT(ctx, "str", 10*time.Second) })
	do(func(c C) X { return c.ExpireGT(ctx, "str", 400*time.Second) })
	do(func(c C) X { return c.ExpireGT(ctx, "int", 400*time.Second) })
	do(func(c C) X { return c.ExpireLT(ctx, "int", 400*time.Second) })
	do(func(c C) X { return c.ExpireLT(ctx, "str", 50*time.Second) })
	do(func(c C) X { return c.ExpireLT(ctx, "str", 500*time.Second) })
	do(func(c C) X { return c.TTL(ctx, "str") }, grSecond)
	do(func(c C) X { return c.Expire(ctx, "nokey", time.Second) })
	do(func(c C) X { return c.PExpire(ctx, "emb", 2500*time.Millisecond) })
	do(func(c C) X { return c.PTTL(ctx, "emb") }, grMillis)
	do(func(c C) X { return c.TTL(ctx, "emb") }, grSecond)
	do(func(c C) X { return c.PExpire(ctx, "emb", 90*time.Second) })
	do(func(c C) X { return c.PTTL(ctx, "emb") }, grMillis)
	do(func(c C) X { return c.ExpireAt(ctx, "int", grFuture) })
	do(func(c C) X { return c.ExpireTime(ctx, "int") })
	do(func(c C) X { return c.PExpireTime(ctx, "int") })
	do(func(c C) X { return c.PExpireAt(ctx, "bigint", grFutureMs) })
	do(func(c C) X { return c.PExpireTime(ctx, "bigint") })
	do(func(c C) X { return c.ExpireTime(ctx, "bigint") })
	do(func(c C) X { return c.TTL(ctx, "bigint") }, grSecond)
	do(func(c C) X { return c.Persist(ctx, "bigint") })
	do(func(c C) X { return c.Persist(ctx, "bigint") })
	do(func(c C) X { return c.Persist(ctx, "nokey") })
	do(func(c C) X { return c.TTL(ctx, "bigint") })
	do(func(c C) X { return c.Set(ctx, "gone", "x", 0) })
	do(func(c C) X { return c.ExpireAt(ctx, "gone", grPast) })
	do(func(c C) X { return c.Exists(ctx, "gone") })
	do(func(c C) X { return c.Set(ctx, "gone", "x", 0) })
	do(func(c C) X { return c.Expire(ctx, "gone", -time.Second) })
	do(func(c C) X { return c.Exists(ctx, "gone") })
	do(func(c C) X { return c.Set(ctx, "gone", "x", 0) })
	do(func(c C) X { return c.PExpireAt(ctx, "gone", grPast) })
	do(func(c C) X { return c.Get(ctx, "gone") })
	do(func(c C) X { return c.Set(ctx, "gone", "x", 0) })
	do(func(c C) X { return c.PExpire(ctx, "gone", 0) })
	do(func(c C) X { return c.Get(ctx, "gone") })
	do(func(c C) X { return c.Set(ctx, "gone", "x", 0) })
	do(func(c C) X { return c.ExpireAt(ctx, "gone", time.Time{}) })
	do(func(c C) X { return c.Exists(ctx, "gone") })
	do(func(c C) X { return c.Set(ctx, "gone", "x", 0) })
	do(func(c C) X { return c.PExpireAt(ctx, "gone", time.Time{}) })
	do(func(c C) X { return c.Exists(ctx, "gone") })
	do(func(c C) X { return c.Set(ctx, "gone", "x", 0) })
	do(func(c C) X { return c.PExpire(ctx, "gone", -time.Millisecond) })
	do(func(c C) X { return c.Exists(ctx, "gone") })
	do(func(c C) X { return c.Set(ctx, "far", "x", 0) })
	do(func(c C) X { return c.ExpireAt(ctx, "far", time.Unix(9223372036854776, 0)) })
	do(func(c C) X { return c.ExpireAt(ctx, "far", time.Unix(9223372036854775, 0)) })
	do(func(c C) X { return c.Expire(ctx, "far", time.Duration(math.MaxInt64)) })
	do(func(c C) X { return c.TTL(ctx, "far") }, grSecond)
	do(func(c C) X { return c.PExpire(ctx, "far", time.Duration(math.MaxInt64)) })
	do(func(c C) X { return c.PTTL(ctx, "far") }, grMillis)
	do(func(c C) X {
		return c.SetArgs(ctx, "far", "y", goredis.SetArgs{ExpireAt: time.Unix(9223372036854776, 0)})
	})
	do(func(c C) X { return c.SetEx(ctx, "far", "y", time.Duration(math.MaxInt64)) })
	do(func(c C) X { return c.TTL(ctx, "far") }, grSecond)
	do(func(c C) X { return c.GetEx(ctx, "far", time.Duration(math.MaxInt64)) })
	do(func(c C) X { return c.PTTL(ctx, "far") }, grMillis)
	do(func(c C) X { return c.ExpireGT(ctx, "far", time.Second) })
	do(func(c C) X { return c.Persist(ctx, "far") })
	do(func(c C) X { return c.ExpireGT(ctx, "far", time.Second) })
	do(func(c C) X { return c.ExpireLT(ctx, "far", time.Hour) })
	do(func(c C) X { return c.TTL(ctx, "far") }, grSecond)

	// RENAME, RENAMENX, COPY, MOVE
	do(func(c C) X { return c.Rename(ctx, "str", "str2") })
	do(func(c C) X { return c.TTL(ctx, "str2") }, grSecond)
	do(func(c C) X { return c.Rename(ctx, "nokey", "x") })
	do(func(c C) X { return c.Rename(ctx, "str2", "str2") })
	do(func(c C) X { return c.RenameNX(ctx, "str2", "emb") })
	do(func(c C) X { return c.RenameNX(ctx, "str2", "str") })
	do(func(c C) X { return c.RenameNX(ctx, "nokey", "x") })
	do(func(c C) X { return c.RenameNX(ctx, "str", "str") })
	do(func(c C) X { return c.Copy(ctx, "list", "list2", 0, false) })
	do(func(c C) X { return c.Copy(ctx, "list", "list2", 0, false) })
	do(func(c C) X { return c.Copy(ctx, "hash", "list2", 0, true) })
	do(func(c C) X { return c.Type(ctx, "list2") })
	do(func(c C) X { return c.Copy(ctx, "int", "int-db1", 1, false) })
	do(func(c C) X { return c.Copy(ctx, "int", "int", 0, false) })
	do(func(c C) X { return c.Copy(ctx, "int", "int", 1, false) })
	do(func(c C) X { return c.Copy(ctx, "nokey", "x", 0, false) })
	do(func(c C) X { return c.Copy(ctx, "int", "x", 16, false) })
	do(func(c C) X { return c.Copy(ctx, "int", "x", -1, false) })
	do(func(c C) X { return c.Move(ctx, "zset", 1) })
	do(func(c C) X { return c.Move(ctx, "zset", 1) })
	do(func(c C) X { return c.Move(ctx, "iset", 0) })
	do(func(c C) X { return c.Move(ctx, "nokey", 1) })
	do(func(c C) X { return c.Move(ctx, "iset", 99) })
	do(func(c C) X { return c.Exists(ctx, "zset") })

	// SELECT, SWAPDB, FLUSHDB on other databases
	do(func(c C) X { return c.Select(ctx, 1) })
	do(func(c C) X { return c.Keys(ctx, "*") }, grSorted)
	do(func(c C) X { return c.ExpireTime(ctx, "int-db1") })
	do(func(c C) X { return c.ZRange(ctx, "zset", 0, -1) })
	do(func(c C) X { return c.DBSize(ctx) })
	do(func(c C) X { return c.Move(ctx, "zset", 0) })
	do(func(c C) X { return c.Select(ctx, 0) })
	do(func(c C) X { return c.Select(ctx, 16) })
	do(func(c C) X { return c.Select(ctx, -1) })
	do(func(c C) X { return c.SwapDB(ctx, 0, 2) })
	do(func(c C) X { return c.DBSize(ctx) })
	do(func(c C) X { return c.SwapDB(ctx, 2, 0) })
	do(func(c C) X { return c.SwapDB(ctx, 0, 16) })
	do(func(c C) X { return c.DBSize(ctx) })
	do(func(c C) X { return c.Select(ctx, 1) })
	do(func(c C) X { return c.FlushDB(ctx) })
	do(func(c C) X { return c.DBSize(ctx) })
	do(func(c C) X { return c.Set(ctx, "x", "y", 0) })
	do(func(c C) X { return c.FlushDBAsync(ctx) })
	do(func(c C) X { return c.DBSize(ctx) })
	do(func(c C) X { return c.Select(ctx, 0) })
	do(func(c C) X { return c.Keys(ctx, "*") }, grSorted)

	// Redis 7.4+ and unsupported-here generic commands.
	do(func(c C) X { return c.HExpire(ctx, "hash", time.Second, "f") })
	do(func(c C) X { return c.HGetDel(ctx, "hash", "f") })
	do(func(c C) X { return c.FlushAll(ctx) })
	do(func(c C) X { return c.DBSize(ctx) })
	do(func(c C) X { return c.RandomKey(ctx) })
	do(func(c C) X { return c.Set(ctx, "k", "v", 0) })
	do(func(c C) X { return c.FlushAllAsync(ctx) })
	do(func(c C) X { return c.Keys(ctx, "*") })
}

func grServer(d *grDiff) {
	ctx := d.ctx
	do := d.do
	do(func(c C) X { return c.Ping(ctx) })
	do(func(c C) X { return c.Echo(ctx, "hello") })
	do(func(c C) X { return c.Echo(ctx, 123) })
	do(func(c C) X { return c.Echo(ctx, "") })
	do(func(c C) X { return c.DBSize(ctx) })
	do(func(c C) X { return c.Time(ctx) }, grFacts(func(c X) string {
		t := c.(*goredis.TimeCmd).Val()
		return fmt.Sprint("within 5s of now: ", time.Since(t).Abs() < 5*time.Second)
	}))
	do(func(c C) X { return c.ClientID(ctx) }, grFacts(func(c X) string {
		return fmt.Sprint("positive: ", c.(*goredis.IntCmd).Val() > 0)
	}))
	do(func(c C) X { return c.ClientGetName(ctx) })
	do(func(c C) X { return c.ClientSetName(ctx, "gr-diff") })
	do(func(c C) X { return c.ClientGetName(ctx) })
	do(func(c C) X { return c.ClientSetName(ctx, "bad name") })
	do(func(c C) X { return c.ClientSetName(ctx, "") })
	do(func(c C) X { return c.ClientGetName(ctx) })
	do(func(c C) X { return c.ClientSetName(ctx, "gr-diff") })
	do(func(c C) X { return c.Select(ctx, 2) })
	do(func(c C) X { return c.ClientInfo(ctx) }, grFacts(func(c X) string {
		ci := c.(*goredis.ClientInfoCmd).Val()
		if ci == nil {
			return "nil"
		}
		v := *ci
		// Connection identity, socket, buffer and clock fields differ
		// legitimately (see README: CLIENT INFO).
		v.ID, v.Addr, v.LAddr, v.FD, v.Age, v.Idle = 0, "", "", 0, 0, 0
		v.QueryBuf, v.QueryBufFree, v.ArgvMem, v.BufferSize, v.BufferPeak = 0, 0, 0, 0, 0
		v.OutputBufferLength, v.OutputListLength, v.OutputMemory, v.TotalMemory = 0, 0, 0, 0
		v.TotalNetIn, v.TotalNetOut, v.TotalCmds, v.IoThread = 0, 0, 0, 0
		return fmt.Sprintf("%+v", v)
	}))
	do(func(c C) X { return c.Select(ctx, 0) })
	do(func(c C) X { return c.Hello(ctx, d.proto, "", "", "") }, grHello)
	do(func(c C) X { return c.Hello(ctx, 4, "", "", "") })
	do(func(c C) X { return c.Hello(ctx, 1, "", "", "") })
	do(func(c C) X { return c.Hello(ctx, d.proto, "", "", "hello-name") }, grHello)
	do(func(c C) X { return c.ClientGetName(ctx) })
	// The default user has no password: any is accepted.
	do(func(c C) X { return c.Hello(ctx, d.proto, "default", "any", "") }, grHello)
	do(func(c C) X { return c.Hello(ctx, d.proto, "nosuchuser", "any", "") })
	do(func(c C) X { return c.Hello(ctx, d.proto, "", "", "bad name") })
	do(func(c C) X { return c.ClientGetName(ctx) })
	do(func(c C) X { return c.Auth(ctx, "secret") })
	do(func(c C) X { return c.AuthACL(ctx, "default", "secret") })
	do(func(c C) X { return c.ClientSetInfo(ctx, goredis.WithLibraryName("x")) })
	do(func(c C) X { return c.CommandList(ctx, &goredis.FilterBy{Pattern: "z*"}) }, grSorted)
	do(func(c C) X { return c.CommandList(ctx, &goredis.FilterBy{Pattern: "bit*"}) }, grSorted)
	do(func(c C) X { return c.CommandList(ctx, &goredis.FilterBy{Pattern: "h*"}) }, grSorted)
	do(func(c C) X { return c.CommandList(ctx, &goredis.FilterBy{Pattern: "z*range*"}) }, grSorted)
	do(func(c C) X { return c.CommandList(ctx, &goredis.FilterBy{ACLCat: "hash"}) }, grSorted)
	do(func(c C) X { return c.CommandList(ctx, &goredis.FilterBy{ACLCat: "nosuchcat"}) })
	do(func(c C) X { return c.CommandGetKeys(ctx, "zunionstore", "dst", 2, "a", "b", "weights", 1, 2) })
	do(func(c C) X { return c.CommandGetKeys(ctx, "set", "k", "v", "get") })
	do(func(c C) X { return c.CommandGetKeys(ctx, "lmpop", 2, "a", "b", "left") })
	do(func(c C) X { return c.CommandGetKeys(ctx, "ping") })
	do(func(c C) X { return c.CommandGetKeys(ctx, "nosuch", "k") })
	do(func(c C) X { return c.CommandGetKeys(ctx, "get") })
	do(func(c C) X { return c.CommandGetKeysAndFlags(ctx, "set", "k", "v") })
	do(func(c C) X { return c.CommandGetKeysAndFlags(ctx, "lmove", "a", "b", "left", "right") })
	do(func(c C) X { return c.CommandGetKeysAndFlags(ctx, "bzmpop", 1, 2, "a", "b", "min") })
	// COMMAND: every command the Store reports must be reported the same
	// way by redis-server.
	ref := d.ref.cn.Command(ctx)
	sub := d.sub.cn.Command(ctx)
	d.n++
	if fmt.Sprint(ref.Err()) != fmt.Sprint(sub.Err()) {
		d.report("command", fmt.Sprint(ref.Err()), fmt.Sprint(sub.Err()))
	} else {
		names := make([]string, 0, len(sub.Val()))
		for name := range sub.Val() {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			a, b := ref.Val()[name], sub.Val()[name]
			if a == nil || !reflect.DeepEqual(*a, *b) {
				var ra string
				if a != nil {
					ra = fmt.Sprintf("%+v", *a)
				}
				d.report("command (entry "+name+")", ra, fmt.Sprintf("%+v", *b))
			}
		}
		if len(names) < 100 {
			d.report("command", fmt.Sprint(len(ref.Val()), " commands ", ref.Err()), fmt.Sprint(len(names), " commands ", sub.Err()))
		}
	}
}

// grHello compares HELLO's reply without the connection's id.
var grHello = grFacts(func(c X) string {
	m := grCopyMap(c.(*goredis.MapStringInterfaceCmd).Val())
	delete(m, "id")
	return fmt.Sprintf("%#v", m)
})

// grCopyMap copies a map (so a fact function does not change the command's).
func grCopyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func grHashes(d *grDiff) {
	ctx := d.ctx
	do := d.do
	type hs struct {
		Name string `redis:"name"`
		Age  int    `redis:"age"`
		Skip string `redis:"-"`
		Nil  *int   `redis:"nil,omitempty"`
	}
	do(func(c C) X { return c.HSet(ctx, "h", "f1", "v1", "f2", 2, "f3", 3.25) })
	do(func(c C) X { return c.HSet(ctx, "h", []string{"f4", "v4", "f1", "v1b"}) })
	do(func(c C) X { return c.HSet(ctx, "h", map[string]any{"f5": "v5"}) })
	do(func(c C) X { return c.HSet(ctx, "h2", hs{Name: "ann", Age: 30, Skip: "x"}) })
	do(func(c C) X { return c.HSet(ctx, "h", "f1") })
	do(func(c C) X { return c.HSet(ctx, "h", "f1", "v", "f2") })
	do(func(c C) X { return c.HSet(ctx, "h") })
	do(func(c C) X { return c.HMSet(ctx, "h", "f6", "v6", "f7", 7) })
	do(func(c C) X { return c.HMSet(ctx, "h", "f6") })
	do(func(c C) X { return c.HSetNX(ctx, "h", "f1", "no") })
	do(func(c C) X { return c.HSetNX(ctx, "h", "f8", "yes") })
	do(func(c C) X { return c.HSetNX(ctx, "hnx", "f", 1) })
	do(func(c C) X { return c.HGet(ctx, "h", "f1") })
	do(func(c C) X { return c.HGet(ctx, "h", "nofield") })
	do(func(c C) X { return c.HGet(ctx, "nokey", "f1") })
	do(func(c C) X { return c.HMGet(ctx, "h", "f1", "nofield", "f3", "f1") })
	do(func(c C) X { return c.HMGet(ctx, "nokey", "a", "b") })
	do(func(c C) X { return c.HGetAll(ctx, "h") })
	do(func(c C) X { return c.HGetAll(ctx, "h2") })
	do(func(c C) X { return c.HGetAll(ctx, "nokey") })
	do(func(c C) X { return c.HKeys(ctx, "h") })
	do(func(c C) X { return c.HVals(ctx, "h") })
	do(func(c C) X { return c.HKeys(ctx, "nokey") })
	do(func(c C) X { return c.HLen(ctx, "h") })
	do(func(c C) X { return c.HExists(ctx, "h", "f2") })
	do(func(c C) X { return c.HExists(ctx, "h", "zz") })
	do(func(c C) X { return c.HStrLen(ctx, "h", "f3") })
	do(func(c C) X { return c.HStrLen(ctx, "h", "zz") })
	do(func(c C) X { return c.HDel(ctx, "h", "f4", "zz", "f4") })
	do(func(c C) X { return c.HKeys(ctx, "h") })
	do(func(c C) X { return c.HIncrBy(ctx, "h", "f2", 40) })
	do(func(c C) X { return c.HIncrBy(ctx, "h", "new", -3) })
	do(func(c C) X { return c.HIncrBy(ctx, "h", "f1", 1) })
	do(func(c C) X { return c.HIncrBy(ctx, "h", "f3", 1) })
	do(func(c C) X { return c.HSet(ctx, "h", "max", grMaxInt) })
	do(func(c C) X { return c.HIncrBy(ctx, "h", "max", 1) })
	do(func(c C) X { return c.HIncrBy(ctx, "h", "max", math.MinInt64) })
	do(func(c C) X { return c.HIncrByFloat(ctx, "h", "f3", 0.1) })
	do(func(c C) X { return c.HIncrByFloat(ctx, "h", "f3", 1e20) })
	do(func(c C) X { return c.HIncrByFloat(ctx, "h", "f2", 1.5) })
	do(func(c C) X { return c.HIncrByFloat(ctx, "h", "nf", 3.0e-7) })
	do(func(c C) X { return c.HIncrByFloat(ctx, "h", "f1", 1) })
	do(func(c C) X { return c.HIncrByFloat(ctx, "h", "f3", math.Inf(-1)) })
	do(func(c C) X { return c.HIncrByFloat(ctx, "h", "f3", 1e308) })
	// The 309-character value turned h into a hash table (hashTypeSet's
	// length check), whose order Redis leaves to its hash seed.
	do(func(c C) X { return c.HGetAll(ctx, "h") })
	do(func(c C) X { return c.HVals(ctx, "h") }, grSorted)
	do(func(c C) X { return c.ObjectEncoding(ctx, "h") })
	// HRANDFIELD: random, so counts and membership only (a count at
	// least the size returns the whole hash in order).
	hf := []string{"f1", "f2", "f3", "f5", "f6", "f7", "f8", "new", "max", "nf"}
	do(func(c C) X { return c.HRandField(ctx, "h", 3) }, grFacts(grMembers(hf...)))
	do(func(c C) X { return c.HRandField(ctx, "h", -15) }, grFacts(grMembers(hf...)))
	do(func(c C) X { return c.HRandField(ctx, "h", 100) }, grSorted)
	do(func(c C) X { return c.HSet(ctx, "hs", "a", 1, "b", 2, "c", 3) })
	do(func(c C) X { return c.HRandField(ctx, "hs", 100) })
	do(func(c C) X { return c.HIncrByFloat(ctx, "hs", "a", 0.5) })
	do(func(c C) X { return c.HSet(ctx, "hs", "hex", "0x10", "sp", " 1", "e", "1e3", "z", "007", "inf", "inf") })
	do(func(c C) X { return c.HIncrByFloat(ctx, "hs", "hex", 1) })
	do(func(c C) X { return c.HIncrByFloat(ctx, "hs", "sp", 1) })
	do(func(c C) X { return c.HIncrByFloat(ctx, "hs", "e", 1) })
	do(func(c C) X { return c.HIncrBy(ctx, "hs", "e", 1) })
	do(func(c C) X { return c.HIncrBy(ctx, "hs", "z", 1) })
	do(func(c C) X { return c.HIncrByFloat(ctx, "hs", "z", 1) })
	do(func(c C) X { return c.HIncrByFloat(ctx, "hs", "inf", 1) })
	do(func(c C) X { return c.HKeys(ctx, "hs") })
	do(func(c C) X { return c.HVals(ctx, "hs") })
	do(func(c C) X { return c.HRandField(ctx, "h", 0) })
	do(func(c C) X { return c.HRandField(ctx, "nokey", 3) })
	do(func(c C) X { return c.HRandField(ctx, "h2", 1) }, grFacts(grMembers("name", "age")))
	do(func(c C) X { return c.HRandFieldWithValues(ctx, "h2", -5) }, grFacts(grMembers("name=ann", "age=30")))
	do(func(c C) X { return c.HRandFieldWithValues(ctx, "h2", 2) }, grFacts(grMembers("name=ann", "age=30")))
	do(func(c C) X { return c.HRandFieldWithValues(ctx, "h2", 5) })
	do(func(c C) X { return c.HRandFieldWithValues(ctx, "nokey", 5) })
	do(func(c C) X { return c.HRandField(ctx, "h2", math.MinInt) })
	// Big hash: a hashtable, whose order Redis leaves to its hash seed.
	big := make([]any, 0, 400)
	var bigFields []string
	for i := range 200 {
		big = append(big, fmt.Sprintf("field:%03d", i), i)
		bigFields = append(bigFields, fmt.Sprintf("field:%03d", i))
	}
	do(func(c C) X { return c.HSet(ctx, "hbig", big...) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "hbig") })
	do(func(c C) X { return c.HLen(ctx, "hbig") })
	do(func(c C) X { return c.HKeys(ctx, "hbig") }, grSorted)
	do(func(c C) X { return c.HVals(ctx, "hbig") }, grSorted)
	do(func(c C) X { return c.HGetAll(ctx, "hbig") })
	do(func(c C) X { return c.HRandField(ctx, "hbig", 10) }, grFacts(grMembers(bigFields...)))
	do(func(c C) X { return c.HRandField(ctx, "hbig", 300) }, grSorted)
	do(func(c C) X { return c.HSet(ctx, "hlong", "f", grBigVal) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "hlong") })
	do(func(c C) X { return c.HSetNX(ctx, "hlong2", "f", grBigVal) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "hlong2") })
	// Wrong type, errors
	do(func(c C) X { return c.Set(ctx, "hstr", "x", 0) })
	do(func(c C) X { return c.HSet(ctx, "hstr", "f", "v") })
	do(func(c C) X { return c.HGet(ctx, "hstr", "f") })
	do(func(c C) X { return c.HGetAll(ctx, "hstr") })
	do(func(c C) X { return c.HMGet(ctx, "hstr", "f") })
	do(func(c C) X { return c.HLen(ctx, "hstr") })
	do(func(c C) X { return c.HIncrBy(ctx, "hstr", "f", 1) })
	do(func(c C) X { return c.HRandField(ctx, "hstr", 1) })
	do(func(c C) X { return c.Get(ctx, "h") })
	do(func(c C) X { return c.HDel(ctx, "h2", "name", "age") })
	do(func(c C) X { return c.Exists(ctx, "h2") })
	do(func(c C) X { return c.HScanNoValues(ctx, "h", 0, "", 0) }) // Redis 7.4
	do(func(c C) X { return c.HGetEX(ctx, "h", "f1") })
	do(func(c C) X { return c.HTTL(ctx, "h", "f1") })
	do(func(c C) X { return c.HPersist(ctx, "h", "f1") })
	do(func(c C) X { return c.HSetEX(ctx, "h", "f1", "v") })
	do(func(c C) X { return c.HPExpireWithArgs(ctx, "h", time.Second, goredis.HExpireArgs{NX: true}, "f1") })
}

func grLists(d *grDiff) {
	ctx := d.ctx
	do := d.do
	do(func(c C) X { return c.RPush(ctx, "l", "a", "b", "c") })
	do(func(c C) X { return c.LPush(ctx, "l", 1, 2.5, "z") })
	do(func(c C) X { return c.RPush(ctx, "l", []string{"d", "a"}) })
	do(func(c C) X { return c.LPush(ctx, "l") })
	do(func(c C) X { return c.LPushX(ctx, "nolist", "a") })
	do(func(c C) X { return c.RPushX(ctx, "nolist", "a") })
	do(func(c C) X { return c.LPushX(ctx, "l", "x") })
	do(func(c C) X { return c.RPushX(ctx, "l", "y", "a") })
	do(func(c C) X { return c.LRange(ctx, "l", 0, -1) })
	do(func(c C) X { return c.LRange(ctx, "l", -3, -2) })
	do(func(c C) X { return c.LRange(ctx, "l", 5, 1) })
	do(func(c C) X { return c.LRange(ctx, "l", 100, 200) })
	do(func(c C) X { return c.LRange(ctx, "nolist", 0, -1) })
	do(func(c C) X { return c.LLen(ctx, "l") })
	do(func(c C) X { return c.LLen(ctx, "nolist") })
	do(func(c C) X { return c.LIndex(ctx, "l", 0) })
	do(func(c C) X { return c.LIndex(ctx, "l", -1) })
	do(func(c C) X { return c.LIndex(ctx, "l", 100) })
	do(func(c C) X { return c.LIndex(ctx, "nolist", 0) })
	do(func(c C) X { return c.LInsertBefore(ctx, "l", "a", "before-a") })
	do(func(c C) X { return c.LInsertAfter(ctx, "l", "a", "after-a") })
	do(func(c C) X { return c.LInsert(ctx, "l", "BEFORE", 2.5, "b2.5") })
	do(func(c C) X { return c.LInsert(ctx, "l", "middle", "a", "m") })
	do(func(c C) X { return c.LInsertBefore(ctx, "l", "nopivot", "x") })
	do(func(c C) X { return c.LInsertBefore(ctx, "nolist", "a", "x") })
	do(func(c C) X { return c.LRange(ctx, "l", 0, -1) })
	do(func(c C) X { return c.LPos(ctx, "l", "a", goredis.LPosArgs{}) })
	do(func(c C) X { return c.LPos(ctx, "l", "a", goredis.LPosArgs{Rank: 2}) })
	do(func(c C) X { return c.LPos(ctx, "l", "a", goredis.LPosArgs{Rank: -1}) })
	do(func(c C) X { return c.LPos(ctx, "l", "a", goredis.LPosArgs{Rank: 3}) })
	do(func(c C) X { return c.LPos(ctx, "l", "a", goredis.LPosArgs{MaxLen: 2}) })
	do(func(c C) X { return c.LPos(ctx, "l", "a", goredis.LPosArgs{Rank: -2, MaxLen: 3}) })
	do(func(c C) X { return c.LPos(ctx, "l", "a", goredis.LPosArgs{MaxLen: -1}) })
	do(func(c C) X { return c.LPos(ctx, "l", "a", goredis.LPosArgs{Rank: math.MinInt64}) })
	do(func(c C) X { return c.LPos(ctx, "l", "nope", goredis.LPosArgs{}) })
	do(func(c C) X { return c.LPos(ctx, "nolist", "a", goredis.LPosArgs{}) })
	do(func(c C) X { return c.LPosCount(ctx, "l", "a", 0, goredis.LPosArgs{}) })
	do(func(c C) X { return c.LPosCount(ctx, "l", "a", 2, goredis.LPosArgs{Rank: -1}) })
	do(func(c C) X { return c.LPosCount(ctx, "l", "a", 1, goredis.LPosArgs{MaxLen: 1}) })
	do(func(c C) X { return c.LPosCount(ctx, "l", "a", -1, goredis.LPosArgs{}) })
	do(func(c C) X { return c.LPosCount(ctx, "nolist", "a", 3, goredis.LPosArgs{}) })
	do(func(c C) X { return c.LPosCount(ctx, "l", "nope", 3, goredis.LPosArgs{}) })
	do(func(c C) X { return c.LRange(ctx, "l", math.MinInt64, math.MaxInt64) })
	do(func(c C) X { return c.LRange(ctx, "l", math.MaxInt64, math.MinInt64) })
	do(func(c C) X { return c.LIndex(ctx, "l", math.MinInt64) })
	do(func(c C) X { return c.LSet(ctx, "l", math.MaxInt64, "x") })
	do(func(c C) X {
		return c.LPos(ctx, "l", "a", goredis.LPosArgs{Rank: math.MaxInt64, MaxLen: math.MaxInt64})
	})
	do(func(c C) X { return c.LPosCount(ctx, "l", "a", math.MaxInt64, goredis.LPosArgs{Rank: -math.MaxInt64}) })
	do(func(c C) X { return c.LPopCount(ctx, "nolist", math.MaxInt) })
	do(func(c C) X { return c.LSet(ctx, "l", 1, "set1") })
	do(func(c C) X { return c.LSet(ctx, "l", -1, 99) })
	do(func(c C) X { return c.LSet(ctx, "l", 100, "x") })
	do(func(c C) X { return c.LSet(ctx, "nolist", 0, "x") })
	do(func(c C) X { return c.LRem(ctx, "l", 1, "a") })
	do(func(c C) X { return c.LRem(ctx, "l", -1, "a") })
	do(func(c C) X { return c.LRem(ctx, "l", 0, "nope") })
	do(func(c C) X { return c.LRem(ctx, "nolist", 0, "a") })
	do(func(c C) X { return c.LRange(ctx, "l", 0, -1) })
	do(func(c C) X { return c.LPop(ctx, "l") })
	do(func(c C) X { return c.RPop(ctx, "l") })
	do(func(c C) X { return c.LPopCount(ctx, "l", 2) })
	do(func(c C) X { return c.RPopCount(ctx, "l", 2) })
	do(func(c C) X { return c.LPopCount(ctx, "l", 0) })
	do(func(c C) X { return c.RPopCount(ctx, "l", -1) })
	do(func(c C) X { return c.LPop(ctx, "nolist") })
	do(func(c C) X { return c.LPopCount(ctx, "nolist", 2) })
	do(func(c C) X { return c.RPopCount(ctx, "nolist", 0) })
	do(func(c C) X { return c.LTrim(ctx, "l", 1, -2) })
	do(func(c C) X { return c.LRange(ctx, "l", 0, -1) })
	do(func(c C) X { return c.LTrim(ctx, "nolist", 0, 1) })
	do(func(c C) X { return c.RPopLPush(ctx, "l", "l2") })
	do(func(c C) X { return c.RPopLPush(ctx, "nolist", "l2") })
	do(func(c C) X { return c.RPopLPush(ctx, "l2", "l2") })
	do(func(c C) X { return c.LMove(ctx, "l", "l2", "left", "right") })
	do(func(c C) X { return c.LMove(ctx, "l", "l2", "RIGHT", "LEFT") })
	do(func(c C) X { return c.LMove(ctx, "l", "l2", "middle", "left") })
	do(func(c C) X { return c.LMove(ctx, "nolist", "l2", "left", "left") })
	do(func(c C) X { return c.LRange(ctx, "l2", 0, -1) })
	do(func(c C) X { return c.RPush(ctx, "mp1", "a", "b", "c") })
	do(func(c C) X { return c.LMPop(ctx, "left", 2, "nolist", "mp1") })
	do(func(c C) X { return c.LMPop(ctx, "right", 10, "mp1") })
	do(func(c C) X { return c.LMPop(ctx, "right", 1, "mp1", "nolist") })
	do(func(c C) X { return c.LMPop(ctx, "left", 0, "l2") })
	do(func(c C) X { return c.LMPop(ctx, "up", 1, "l2") })
	do(func(c C) X { return c.LMPop(ctx, "left", 1) })
	do(func(c C) X { return c.Exists(ctx, "mp1") })
	do(func(c C) X { return c.LMPop(ctx, "left", math.MaxInt64, "l2") })
	do(func(c C) X { return c.RPush(ctx, "l2", "p", "q", "r", "s") })
	do(func(c C) X { return c.LTrim(ctx, "l2", math.MinInt64, math.MaxInt64) })
	do(func(c C) X { return c.LTrim(ctx, "l2", -2, math.MaxInt64) })
	do(func(c C) X { return c.LRange(ctx, "l2", 0, -1) })
	do(func(c C) X { return c.LTrim(ctx, "l", 5, 1) })
	do(func(c C) X { return c.Exists(ctx, "l") })
	// Encodings: quicklist in 7.0, whatever the size.
	do(func(c C) X { return c.ObjectEncoding(ctx, "l2") })
	do(func(c C) X { return c.RPush(ctx, "llong", grBigVal) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "llong") })
	// Wrong type
	do(func(c C) X { return c.Set(ctx, "lstr", "x", 0) })
	do(func(c C) X { return c.LPush(ctx, "lstr", "a") })
	do(func(c C) X { return c.LPushX(ctx, "lstr", "a") })
	do(func(c C) X { return c.LRange(ctx, "lstr", 0, -1) })
	do(func(c C) X { return c.LPop(ctx, "lstr") })
	do(func(c C) X { return c.LPos(ctx, "lstr", "a", goredis.LPosArgs{}) })
	do(func(c C) X { return c.LMove(ctx, "l2", "lstr", "left", "left") })
	do(func(c C) X { return c.LMove(ctx, "lstr", "l2", "left", "left") })
	do(func(c C) X { return c.RPopLPush(ctx, "l2", "lstr") })
	do(func(c C) X { return c.LRange(ctx, "l2", 0, -1) })
	do(func(c C) X { return c.LMPop(ctx, "left", 1, "lstr", "l2") })
	do(func(c C) X { return c.LMPop(ctx, "left", 1, "nolist", "lstr") })
}

func grSets(d *grDiff) {
	ctx := d.ctx
	do := d.do
	do(func(c C) X { return c.SAdd(ctx, "si", 3, 1, 2, 2, -5) })
	do(func(c C) X { return c.SAdd(ctx, "si", []int{10, 7}) })
	do(func(c C) X { return c.SMembers(ctx, "si") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "si") })
	do(func(c C) X { return c.SAdd(ctx, "si2", 2, 3, 4, 100) })
	do(func(c C) X { return c.SAdd(ctx, "ss", "a", "b", "c", "d") })
	do(func(c C) X { return c.SAdd(ctx, "ss2", "c", "d", "e", 1) })
	do(func(c C) X { return c.SAdd(ctx, "ss") })
	do(func(c C) X { return c.SMembers(ctx, "ss") }, grSorted)
	do(func(c C) X { return c.SMembersMap(ctx, "ss") })
	do(func(c C) X { return c.SMembers(ctx, "noset") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "ss") })
	do(func(c C) X { return c.SCard(ctx, "ss") })
	do(func(c C) X { return c.SCard(ctx, "noset") })
	do(func(c C) X { return c.SIsMember(ctx, "si", 7) })
	do(func(c C) X { return c.SIsMember(ctx, "si", "07") })
	do(func(c C) X { return c.SIsMember(ctx, "ss", "a") })
	do(func(c C) X { return c.SIsMember(ctx, "noset", "a") })
	do(func(c C) X { return c.SMIsMember(ctx, "ss", "a", "z", "b") })
	do(func(c C) X { return c.SMIsMember(ctx, "noset", "a") })
	do(func(c C) X { return c.SRem(ctx, "si", 10, 99, "x") })
	do(func(c C) X { return c.SRem(ctx, "noset", "a") })
	do(func(c C) X { return c.SInter(ctx, "si", "si2") })
	do(func(c C) X { return c.SUnion(ctx, "si", "si2") })
	do(func(c C) X { return c.SDiff(ctx, "si", "si2") })
	do(func(c C) X { return c.SDiff(ctx, "si2", "noset") })
	do(func(c C) X { return c.SInter(ctx, "ss", "ss2") }, grSorted)
	do(func(c C) X { return c.SUnion(ctx, "ss", "ss2", "si") }, grSorted)
	do(func(c C) X { return c.SDiff(ctx, "ss", "ss2") }, grSorted)
	do(func(c C) X { return c.SInter(ctx, "ss", "noset") })
	do(func(c C) X { return c.SInterCard(ctx, 0, "ss", "ss2") })
	do(func(c C) X { return c.SInterCard(ctx, 1, "ss", "ss2") })
	do(func(c C) X { return c.SInterCard(ctx, -1, "ss", "ss2") })
	do(func(c C) X { return c.SInterCard(ctx, 0) })
	do(func(c C) X { return c.SInterStore(ctx, "sdst", "si", "si2") })
	do(func(c C) X { return c.SMembers(ctx, "sdst") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "sdst") })
	do(func(c C) X { return c.SUnionStore(ctx, "sdst", "ss", "ss2") })
	do(func(c C) X { return c.SMembers(ctx, "sdst") }, grSorted)
	do(func(c C) X { return c.SDiffStore(ctx, "sdst", "si", "si2") })
	do(func(c C) X { return c.SMembers(ctx, "sdst") })
	do(func(c C) X { return c.SInterStore(ctx, "sdst", "ss", "noset") })
	do(func(c C) X { return c.Exists(ctx, "sdst") })
	do(func(c C) X { return c.SMove(ctx, "ss", "ss2", "a") })
	do(func(c C) X { return c.SMove(ctx, "ss", "ss2", "a") })
	do(func(c C) X { return c.SMove(ctx, "ss", "si", "b") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "si") })
	do(func(c C) X { return c.SMove(ctx, "noset", "ss", "a") })
	do(func(c C) X { return c.SMove(ctx, "ss", "ss", "c") })
	do(func(c C) X { return c.SMove(ctx, "ss", "ss", "nomember") })
	do(func(c C) X { return c.SMove(ctx, "si", "si", 1) })
	do(func(c C) X { return c.SRandMemberN(ctx, "ss", math.MinInt64) })
	do(func(c C) X { return c.SPopN(ctx, "noset", math.MaxInt64) })
	do(func(c C) X { return c.SInterStore(ctx, "si", "si", "si2") })
	do(func(c C) X { return c.SMembers(ctx, "si") })
	// Random members: counts and membership; then the same state again.
	do(func(c C) X { return c.SAdd(ctx, "rs", "a", "b", "c", "d", "e") })
	rs := []string{"a", "b", "c", "d", "e"}
	do(func(c C) X { return c.SRandMember(ctx, "rs") }, grFacts(grMembers(rs...)))
	do(func(c C) X { return c.SRandMemberN(ctx, "rs", 3) }, grFacts(grMembers(rs...)))
	do(func(c C) X { return c.SRandMemberN(ctx, "rs", -8) }, grFacts(grMembers(rs...)))
	do(func(c C) X { return c.SRandMemberN(ctx, "rs", 10) }, grSorted)
	do(func(c C) X { return c.SRandMemberN(ctx, "rs", 0) })
	do(func(c C) X { return c.SRandMember(ctx, "noset") })
	do(func(c C) X { return c.SRandMemberN(ctx, "noset", 3) })
	do(func(c C) X { return c.SRandMemberN(ctx, "si2", 10) })
	do(func(c C) X { return c.SPop(ctx, "rs") }, grFacts(grMembers(rs...)))
	do(func(c C) X { return c.SPopN(ctx, "rs", 2) }, grFacts(grMembers(rs...)))
	do(func(c C) X { return c.SCard(ctx, "rs") })
	do(func(c C) X { return c.SPopN(ctx, "rs", 0) })
	do(func(c C) X { return c.SPopN(ctx, "rs", -1) })
	do(func(c C) X { return c.SPopN(ctx, "rs", 5) }, grFacts(grMembers(rs...)))
	do(func(c C) X { return c.Exists(ctx, "rs") })
	do(func(c C) X { return c.SPop(ctx, "noset") })
	do(func(c C) X { return c.SPopN(ctx, "noset", 2) })
	do(func(c C) X { return c.SPopN(ctx, "si2", 4) })
	// Big intset and hashtable
	ints := make([]any, 600)
	for i := range ints {
		ints[i] = i * 3
	}
	do(func(c C) X { return c.SAdd(ctx, "sbig", ints[:512]...) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "sbig") })
	do(func(c C) X { return c.SAdd(ctx, "sbig", ints[512:]...) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "sbig") })
	do(func(c C) X { return c.SCard(ctx, "sbig") })
	do(func(c C) X { return c.SMembers(ctx, "sbig") }, grSorted)
	do(func(c C) X { return c.SInterCard(ctx, 0, "sbig", "si") })
	do(func(c C) X { return c.SDiffStore(ctx, "sdst", "sbig", "si") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "sdst") })
	do(func(c C) X { return c.SInterStore(ctx, "sdst", "sbig", "si2") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "sdst") })
	do(func(c C) X { return c.SMembers(ctx, "sdst") })
	do(func(c C) X { return c.SRem(ctx, "sbig", ints[5:]...) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "sbig") })
	do(func(c C) X { return c.SMembers(ctx, "sbig") }, grSorted)
	do(func(c C) X { return c.SUnionStore(ctx, "sdst", "sbig") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "sdst") })
	do(func(c C) X { return c.SMembers(ctx, "sdst") })
	// Wrong type
	do(func(c C) X { return c.Set(ctx, "sstr", "x", 0) })
	do(func(c C) X { return c.SAdd(ctx, "sstr", "a") })
	do(func(c C) X { return c.SMembers(ctx, "sstr") })
	do(func(c C) X { return c.SIsMember(ctx, "sstr", "a") })
	do(func(c C) X { return c.SInter(ctx, "ss", "sstr") })
	do(func(c C) X { return c.SInter(ctx, "noset", "sstr") })
	do(func(c C) X { return c.SUnionStore(ctx, "sdst", "ss", "sstr") })
	do(func(c C) X { return c.SMove(ctx, "ss", "sstr", "c") })
	do(func(c C) X { return c.SMove(ctx, "sstr", "ss", "c") })
	do(func(c C) X { return c.SPop(ctx, "sstr") })
	do(func(c C) X { return c.SInterCard(ctx, 0, "sstr") })
}

func grZ(score float64, member string) goredis.Z { return goredis.Z{Score: score, Member: member} }

func grZSets(d *grDiff) {
	ctx := d.ctx
	do := d.do
	do(func(c C) X {
		return c.ZAdd(ctx, "z", grZ(1, "a"), grZ(2, "b"), grZ(2, "c"), grZ(3.5, "d"), grZ(-1e20, "e"))
	})
	do(func(c C) X {
		return c.ZAdd(ctx, "z", grZ(math.Inf(1), "pinf"), grZ(math.Inf(-1), "ninf"), grZ(0.1, "f"))
	})
	do(func(c C) X { return c.ZAdd(ctx, "z", grZ(math.NaN(), "nan")) })
	do(func(c C) X { return c.ZAdd(ctx, "z") })
	do(func(c C) X { return c.ZAdd(ctx, "z", goredis.Z{Score: 7, Member: 42}) })
	do(func(c C) X { return c.ZAdd(ctx, "z", grZ(1e20, "big"), grZ(1.0/3, "third"), grZ(-0.0, "nzero")) })
	do(func(c C) X { return c.ZRangeWithScores(ctx, "z", 0, -1) })
	do(func(c C) X { return c.ZRange(ctx, "z", 0, -1) })
	do(func(c C) X { return c.ZAddNX(ctx, "z", grZ(100, "a"), grZ(5, "g")) })
	do(func(c C) X { return c.ZAddXX(ctx, "z", grZ(100, "a"), grZ(5, "h")) })
	do(func(c C) X { return c.ZAddGT(ctx, "z", grZ(50, "a"), grZ(200, "b"), grZ(1, "i")) })
	do(func(c C) X { return c.ZAddLT(ctx, "z", grZ(50, "a"), grZ(300, "b"), grZ(1, "j")) })
	do(func(c C) X {
		return c.ZAddArgs(ctx, "z", goredis.ZAddArgs{Ch: true, Members: []goredis.Z{grZ(1, "a"), grZ(2, "k")}})
	})
	do(func(c C) X {
		return c.ZAddArgs(ctx, "z", goredis.ZAddArgs{XX: true, GT: true, Ch: true, Members: []goredis.Z{grZ(0, "a"), grZ(9, "b")}})
	})
	do(func(c C) X {
		return c.ZAddArgs(ctx, "z", goredis.ZAddArgs{NX: true, Ch: true, Members: []goredis.Z{grZ(0, "a"), grZ(9, "l")}})
	})
	do(func(c C) X {
		return c.ZAddArgs(ctx, "z", goredis.ZAddArgs{XX: true, LT: true, Members: []goredis.Z{grZ(-3, "a")}})
	})
	do(func(c C) X { return c.ZAddArgsIncr(ctx, "z", goredis.ZAddArgs{Members: []goredis.Z{grZ(2.5, "a")}}) })
	do(func(c C) X {
		return c.ZAddArgsIncr(ctx, "z", goredis.ZAddArgs{NX: true, Members: []goredis.Z{grZ(2.5, "a")}})
	})
	do(func(c C) X {
		return c.ZAddArgsIncr(ctx, "z", goredis.ZAddArgs{XX: true, Members: []goredis.Z{grZ(2.5, "zz")}})
	})
	do(func(c C) X {
		return c.ZAddArgsIncr(ctx, "z", goredis.ZAddArgs{GT: true, Members: []goredis.Z{grZ(-1, "a")}})
	})
	do(func(c C) X {
		return c.ZAddArgsIncr(ctx, "z", goredis.ZAddArgs{Members: []goredis.Z{grZ(1, "a"), grZ(1, "b")}})
	})
	do(func(c C) X {
		return c.ZAddArgsIncr(ctx, "z", goredis.ZAddArgs{Members: []goredis.Z{grZ(math.Inf(-1), "pinf")}})
	})
	do(func(c C) X { return c.ZAddArgs(ctx, "z", goredis.ZAddArgs{XX: true, Members: nil}) })
	do(func(c C) X { return c.ZCard(ctx, "z") })
	do(func(c C) X { return c.ZCard(ctx, "nozset") })
	do(func(c C) X { return c.ZCount(ctx, "z", "-inf", "+inf") })
	do(func(c C) X { return c.ZCount(ctx, "z", "(1", "3.5") })
	do(func(c C) X { return c.ZCount(ctx, "z", "x", "3") })
	do(func(c C) X { return c.ZCount(ctx, "z", "5", "1") })
	do(func(c C) X { return c.ZCount(ctx, "nozset", "0", "1") })
	for _, r := range [][2]string{{"0x1", "0x10"}, {" 1", "3"}, {"1e0", "(3.5"}, {"(-inf", "(+inf"}, {"-INF", "+Inf"},
		{"(1", "(1"}, {"1", " "}, {"", "1"}, {"((1", "2"}, {"1 ", "2"}, {"nan", "1"}, {"-inf", "inf"}, {"0", "1e400"}} {
		do(func(c C) X { return c.ZCount(ctx, "z", r[0], r[1]) })
		do(func(c C) X { return c.ZRangeByScore(ctx, "z", &goredis.ZRangeBy{Min: r[0], Max: r[1]}) })
	}
	do(func(c C) X { return c.ZIncrBy(ctx, "z", 1.5, "a") })
	do(func(c C) X { return c.ZIncrBy(ctx, "z", 0.2, "f") })
	do(func(c C) X { return c.ZIncrBy(ctx, "z", 1, "new") })
	do(func(c C) X { return c.ZIncrBy(ctx, "z", math.Inf(-1), "pinf") })
	do(func(c C) X { return c.ZIncrBy(ctx, "z", math.NaN(), "a") })
	do(func(c C) X { return c.ZScore(ctx, "z", "big") })
	do(func(c C) X { return c.ZScore(ctx, "z", "third") })
	do(func(c C) X { return c.ZScore(ctx, "z", "pinf") })
	do(func(c C) X { return c.ZScore(ctx, "z", "nzero") })
	do(func(c C) X { return c.ZScore(ctx, "z", "nomember") })
	do(func(c C) X { return c.ZScore(ctx, "nozset", "a") })
	do(func(c C) X { return c.ZMScore(ctx, "z", "a", "nomember", "e", "f") })
	do(func(c C) X { return c.ZMScore(ctx, "nozset", "a") })
	do(func(c C) X { return c.ZMScore(ctx, "z") })
	do(func(c C) X { return c.ZRank(ctx, "z", "d") })
	do(func(c C) X { return c.ZRevRank(ctx, "z", "d") })
	do(func(c C) X { return c.ZRank(ctx, "z", "nomember") })
	do(func(c C) X { return c.ZRevRank(ctx, "nozset", "d") })
	do(func(c C) X { return c.ZRankWithScore(ctx, "z", "d") }) // Redis 7.2
	do(func(c C) X { return c.ZRevRankWithScore(ctx, "z", "d") })
	do(func(c C) X { return c.ZRangeWithScores(ctx, "z", 0, -1) })
	do(func(c C) X { return c.ZRange(ctx, "z", 2, 4) })
	do(func(c C) X { return c.ZRange(ctx, "z", -3, -1) })
	do(func(c C) X { return c.ZRange(ctx, "z", 5, 2) })
	do(func(c C) X { return c.ZRevRange(ctx, "z", 0, 2) })
	do(func(c C) X { return c.ZRevRangeWithScores(ctx, "z", 0, 2) })
	do(func(c C) X { return c.ZRangeByScore(ctx, "z", &goredis.ZRangeBy{Min: "-inf", Max: "+inf"}) })
	do(func(c C) X {
		return c.ZRangeByScore(ctx, "z", &goredis.ZRangeBy{Min: "(1", Max: "5", Offset: 1, Count: 2})
	})
	do(func(c C) X {
		return c.ZRangeByScore(ctx, "z", &goredis.ZRangeBy{Min: "0", Max: "10", Offset: 0, Count: -1})
	})
	do(func(c C) X { return c.ZRangeByScore(ctx, "z", &goredis.ZRangeBy{Min: "a", Max: "10"}) })
	do(func(c C) X { return c.ZRangeByScoreWithScores(ctx, "z", &goredis.ZRangeBy{Min: "1", Max: "(3.5"}) })
	do(func(c C) X { return c.ZRevRangeByScore(ctx, "z", &goredis.ZRangeBy{Min: "1", Max: "+inf", Count: 3}) })
	do(func(c C) X { return c.ZRevRangeByScoreWithScores(ctx, "z", &goredis.ZRangeBy{Min: "-inf", Max: "2"}) })
	do(func(c C) X { return c.ZRangeByScore(ctx, "nozset", &goredis.ZRangeBy{Min: "0", Max: "1"}) })
	// Lex ranges on equal scores
	do(func(c C) X {
		return c.ZAdd(ctx, "zl", grZ(0, "alpha"), grZ(0, "bravo"), grZ(0, "charlie"), grZ(0, "delta"), grZ(0, "echo"))
	})
	do(func(c C) X { return c.ZRangeByLex(ctx, "zl", &goredis.ZRangeBy{Min: "-", Max: "+"}) })
	do(func(c C) X { return c.ZRangeByLex(ctx, "zl", &goredis.ZRangeBy{Min: "[bravo", Max: "(delta"}) })
	do(func(c C) X {
		return c.ZRangeByLex(ctx, "zl", &goredis.ZRangeBy{Min: "(a", Max: "+", Offset: 1, Count: 2})
	})
	do(func(c C) X { return c.ZRangeByLex(ctx, "zl", &goredis.ZRangeBy{Min: "bravo", Max: "+"}) })
	do(func(c C) X { return c.ZRevRangeByLex(ctx, "zl", &goredis.ZRangeBy{Min: "[b", Max: "[d"}) })
	do(func(c C) X { return c.ZRevRangeByLex(ctx, "zl", &goredis.ZRangeBy{Min: "-", Max: "+", Count: 2}) })
	do(func(c C) X { return c.ZLexCount(ctx, "zl", "[b", "(d") })
	do(func(c C) X { return c.ZLexCount(ctx, "zl", "-", "+") })
	do(func(c C) X { return c.ZLexCount(ctx, "zl", "b", "+") })
	for _, r := range [][2]string{{"[", "+"}, {"(", "+"}, {"-", "-"}, {"+", "-"}, {"[b", "[b"}, {"(b", "(b"}, {"", "+"}, {"[bravo", "(bravo"}} {
		do(func(c C) X { return c.ZLexCount(ctx, "zl", r[0], r[1]) })
		do(func(c C) X { return c.ZRangeByLex(ctx, "zl", &goredis.ZRangeBy{Min: r[0], Max: r[1]}) })
	}
	// ZRANGE with go-redis's argument order
	for _, a := range []goredis.ZRangeArgs{
		{Key: "z", Start: 0, Stop: -1},
		{Key: "z", Start: 1, Stop: 3, Rev: true},
		{Key: "z", Start: "(1", Stop: "+inf", ByScore: true},
		{Key: "z", Start: 1, Stop: 3.5, ByScore: true, Rev: true},
		{Key: "z", Start: "-inf", Stop: "+inf", ByScore: true, Offset: 1, Count: 3},
		{Key: "z", Start: "-inf", Stop: "+inf", ByScore: true, Rev: true, Offset: 2, Count: -1},
		{Key: "z", Start: "-inf", Stop: "+inf", ByScore: true, Offset: 1},
		{Key: "zl", Start: "[b", Stop: "(e", ByLex: true},
		{Key: "zl", Start: "-", Stop: "+", ByLex: true, Rev: true, Count: 2},
		{Key: "zl", Start: "[b", Stop: "[d", ByLex: true, Rev: true},
		{Key: "z", Start: 0, Stop: -1, Offset: 1, Count: 2},
		{Key: "zl", Start: "b", Stop: "d", ByLex: true},
		{Key: "z", Start: "x", Stop: "y", ByScore: true},
		{Key: "nozset", Start: 0, Stop: -1},
	} {
		do(func(c C) X { return c.ZRangeArgs(ctx, a) })
		do(func(c C) X { return c.ZRangeArgsWithScores(ctx, a) })
		do(func(c C) X { return c.ZRangeStore(ctx, "zdst", a) })
		do(func(c C) X { return c.ZRangeWithScores(ctx, "zdst", 0, -1) })
	}
	// ZREM and ZREMRANGE*
	do(func(c C) X { return c.ZRem(ctx, "z", "a", "nomember", 42) })
	do(func(c C) X { return c.ZRem(ctx, "nozset", "a") })
	do(func(c C) X { return c.ZRemRangeByRank(ctx, "z", 0, 0) })
	do(func(c C) X { return c.ZRemRangeByScore(ctx, "z", "(3", "100") })
	do(func(c C) X { return c.ZRemRangeByScore(ctx, "z", "x", "100") })
	do(func(c C) X { return c.ZRemRangeByLex(ctx, "zl", "[alpha", "(charlie") })
	do(func(c C) X { return c.ZRemRangeByLex(ctx, "zl", "alpha", "+") })
	do(func(c C) X { return c.ZRangeWithScores(ctx, "z", 0, -1) })
	// Pops
	do(func(c C) X { return c.ZPopMin(ctx, "z") })
	do(func(c C) X { return c.ZPopMax(ctx, "z", 2) })
	do(func(c C) X { return c.ZPopMin(ctx, "z", 0) })
	do(func(c C) X { return c.ZPopMin(ctx, "z", -1) })
	do(func(c C) X { return c.ZPopMax(ctx, "nozset") })
	do(func(c C) X { return c.ZPopMin(ctx, "z", 1, 2) })
	do(func(c C) X { return c.ZAdd(ctx, "zm", grZ(1, "x"), grZ(2, "y"), grZ(3, "w")) })
	do(func(c C) X { return c.ZMPop(ctx, "min", 2, "nozset", "zm") })
	do(func(c C) X { return c.ZMPop(ctx, "max", 10, "zm") })
	do(func(c C) X { return c.ZMPop(ctx, "max", 1, "zm") })
	do(func(c C) X { return c.ZMPop(ctx, "mid", 1, "z") })
	do(func(c C) X { return c.ZMPop(ctx, "min", 0, "z") })
	// Random members
	do(func(c C) X { return c.ZAdd(ctx, "zr", grZ(1, "p"), grZ(2, "q"), grZ(3, "r")) })
	zr := []string{"p", "q", "r"}
	do(func(c C) X { return c.ZRandMember(ctx, "zr", 2) }, grFacts(grMembers(zr...)))
	do(func(c C) X { return c.ZRandMember(ctx, "zr", -5) }, grFacts(grMembers(zr...)))
	do(func(c C) X { return c.ZRandMember(ctx, "zr", 5) })
	do(func(c C) X { return c.ZRandMember(ctx, "zr", 0) })
	do(func(c C) X { return c.ZRandMember(ctx, "nozset", 2) })
	do(func(c C) X { return c.ZRandMemberWithScores(ctx, "zr", -4) }, grFacts(grMembers("p=1", "q=2", "r=3")))
	do(func(c C) X { return c.ZRandMemberWithScores(ctx, "zr", 4) })
	// Set algebra
	do(func(c C) X { return c.ZAdd(ctx, "za", grZ(1, "a"), grZ(2, "b"), grZ(3, "c")) })
	do(func(c C) X { return c.ZAdd(ctx, "zb", grZ(10, "b"), grZ(20, "c"), grZ(30, "d")) })
	do(func(c C) X { return c.SAdd(ctx, "zsetarg", "a", "d", "e") })
	do(func(c C) X { return c.ZAdd(ctx, "pinf", grZ(math.Inf(1), "a"), grZ(math.Inf(-1), "b")) })
	do(func(c C) X { return c.ZAdd(ctx, "ninf", grZ(math.Inf(-1), "a"), grZ(math.Inf(1), "b")) })
	for _, st := range []goredis.ZStore{
		{Keys: []string{"za", "zb"}},
		{Keys: []string{"za", "zb"}, Weights: []float64{2, 0.5}},
		{Keys: []string{"za", "zb"}, Aggregate: "max"},
		{Keys: []string{"za", "zb"}, Weights: []float64{-1, 1}, Aggregate: "MIN"},
		{Keys: []string{"za", "zb", "zsetarg"}, Aggregate: "sum"},
		{Keys: []string{"za", "nozset"}},
		{Keys: []string{"za", "zb"}, Aggregate: "avg"},
		{Keys: []string{"za", "zb"}, Weights: []float64{1}},
		{Keys: []string{"za", "zb"}, Weights: []float64{math.Inf(1), 1}},
		{Keys: []string{"za", "zb"}, Weights: []float64{math.NaN(), 1}},
		{Keys: []string{"za", "sstr"}},
		{Keys: []string{"za", "za"}, Weights: []float64{1, 2}},
		{Keys: []string{"zsetarg", "za"}, Weights: []float64{0.5, 3}, Aggregate: "max"},
		{Keys: []string{"zsetarg"}},
		{Keys: []string{"pinf", "ninf"}},
	} {
		do(func(c C) X { return c.ZUnion(ctx, st) })
		do(func(c C) X { return c.ZUnionWithScores(ctx, st) })
		do(func(c C) X { return c.ZInter(ctx, &st) })
		do(func(c C) X { return c.ZInterWithScores(ctx, &st) })
		do(func(c C) X { return c.ZUnionStore(ctx, "zdst", &st) })
		do(func(c C) X { return c.ZRangeWithScores(ctx, "zdst", 0, -1) })
		do(func(c C) X { return c.ZInterStore(ctx, "zdst", &st) })
		do(func(c C) X { return c.ZRangeWithScores(ctx, "zdst", 0, -1) })
	}
	do(func(c C) X { return c.Set(ctx, "sstr", "x", 0) })
	do(func(c C) X { return c.ZUnion(ctx, goredis.ZStore{Keys: []string{"za", "sstr"}}) })
	do(func(c C) X { return c.ZDiff(ctx, "za", "zb") })
	do(func(c C) X { return c.ZDiffWithScores(ctx, "za", "zb", "zsetarg") })
	do(func(c C) X { return c.ZDiff(ctx, "nozset", "za") })
	do(func(c C) X { return c.ZDiffStore(ctx, "zdst", "za", "zb") })
	do(func(c C) X { return c.ZRangeWithScores(ctx, "zdst", 0, -1) })
	do(func(c C) X { return c.ZDiffStore(ctx, "zdst", "nozset", "za") })
	do(func(c C) X { return c.Exists(ctx, "zdst") })
	do(func(c C) X { return c.ZInterCard(ctx, 0, "za", "zb") })
	do(func(c C) X { return c.ZInterCard(ctx, 1, "za", "zb") })
	do(func(c C) X { return c.ZInterCard(ctx, -1, "za", "zb") })
	do(func(c C) X { return c.ZInterCard(ctx, 0, "za", "zsetarg") })
	// Encodings
	do(func(c C) X { return c.ObjectEncoding(ctx, "za") })
	bigz := make([]goredis.Z, 200)
	var bigm []string
	for i := range bigz {
		bigz[i] = grZ(float64(i%17)/4, fmt.Sprintf("m%03d", i))
		bigm = append(bigm, bigz[i].Member.(string))
	}
	do(func(c C) X { return c.ZAdd(ctx, "zbig", bigz...) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "zbig") })
	do(func(c C) X { return c.ZRangeWithScores(ctx, "zbig", 0, -1) })
	do(func(c C) X { return c.ZRank(ctx, "zbig", "m100") })
	do(func(c C) X {
		return c.ZRevRangeByScore(ctx, "zbig", &goredis.ZRangeBy{Min: "1", Max: "2", Offset: 3, Count: 5})
	})
	do(func(c C) X { return c.ZRandMember(ctx, "zbig", 5) }, grFacts(grMembers(bigm...)))
	do(func(c C) X { return c.ZRangeStore(ctx, "zdst", goredis.ZRangeArgs{Key: "zbig", Start: 0, Stop: 5}) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "zdst") })
	do(func(c C) X { return c.ZUnionStore(ctx, "zdst", &goredis.ZStore{Keys: []string{"zbig"}}) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "zdst") })
	do(func(c C) X {
		return c.ZInterStore(ctx, "zdst", &goredis.ZStore{Keys: []string{"zbig", "zbig"}, Weights: []float64{1, -1}})
	})
	do(func(c C) X { return c.ZRangeWithScores(ctx, "zdst", 0, 3) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "zdst") })
	do(func(c C) X { return c.ZDiffStore(ctx, "zdst", "zbig", "za") })
	do(func(c C) X { return c.ObjectEncoding(ctx, "zdst") })
	do(func(c C) X { return c.ZRemRangeByRank(ctx, "zbig", 5, -1) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "zbig") })
	do(func(c C) X { return c.ZRangeWithScores(ctx, "zbig", 0, -1) })
	do(func(c C) X { return c.ZUnionStore(ctx, "za", &goredis.ZStore{Keys: []string{"za", "zb"}}) })
	do(func(c C) X { return c.ZRangeWithScores(ctx, "za", 0, -1) })
	do(func(c C) X { return c.ZAdd(ctx, "zinf", grZ(1e308, "a"), grZ(5e-324, "tiny"), grZ(1e-7, "small")) })
	do(func(c C) X { return c.ZIncrBy(ctx, "zinf", 1e308, "a") })
	do(func(c C) X { return c.ZIncrBy(ctx, "zinf", math.Inf(-1), "a") })
	do(func(c C) X { return c.ZRangeWithScores(ctx, "zinf", 0, -1) })
	do(func(c C) X { return c.ZMScore(ctx, "zinf", "a", "tiny", "small") })
	do(func(c C) X { return c.ZRange(ctx, "zinf", math.MinInt64, math.MaxInt64) })
	do(func(c C) X { return c.ZRemRangeByRank(ctx, "zinf", math.MaxInt64, math.MinInt64) })
	do(func(c C) X { return c.ZRandMember(ctx, "zinf", math.MinInt64) })
	do(func(c C) X { return c.ZPopMin(ctx, "zinf", math.MaxInt64) })
	do(func(c C) X { return c.ZMPop(ctx, "min", math.MaxInt64, "zinf") })
	do(func(c C) X { return c.ZAdd(ctx, "zlong", grZ(1, grBigVal)) })
	do(func(c C) X { return c.ObjectEncoding(ctx, "zlong") })
	// Wrong type
	do(func(c C) X { return c.ZAdd(ctx, "sstr", grZ(1, "a")) })
	do(func(c C) X { return c.ZScore(ctx, "sstr", "a") })
	do(func(c C) X { return c.ZRange(ctx, "sstr", 0, -1) })
	do(func(c C) X { return c.ZIncrBy(ctx, "sstr", 1, "a") })
	do(func(c C) X { return c.ZCard(ctx, "sstr") })
	do(func(c C) X { return c.ZPopMin(ctx, "sstr") })
	do(func(c C) X { return c.ZMPop(ctx, "min", 1, "sstr") })
	do(func(c C) X { return c.ZRangeStore(ctx, "zdst", goredis.ZRangeArgs{Key: "sstr", Start: 0, Stop: -1}) })
	do(func(c C) X { return c.ZRangeStore(ctx, "sstr", goredis.ZRangeArgs{Key: "za", Start: 0, Stop: -1}) })
	do(func(c C) X { return c.Type(ctx, "sstr") })
}

func grHLL(d *grDiff) {
	ctx := d.ctx
	do := d.do
	do(func(c C) X { return c.PFAdd(ctx, "hll1", "a", "b", "c", "a") })
	do(func(c C) X { return c.PFAdd(ctx, "hll1", "a") })
	do(func(c C) X { return c.PFAdd(ctx, "hll1") })
	do(func(c C) X { return c.PFAdd(ctx, "hll0") })
	do(func(c C) X { return c.PFAdd(ctx, "hll0") })
	do(func(c C) X { return c.PFAdd(ctx, "hll2", 1, 2, 3, "c", "d") })
	do(func(c C) X { return c.PFCount(ctx, "hll1") })
	do(func(c C) X { return c.PFCount(ctx, "hll0") })
	do(func(c C) X { return c.PFCount(ctx, "nokey") })
	do(func(c C) X { return c.PFCount(ctx, "hll1", "hll2", "nokey") })
	do(func(c C) X { return c.PFMerge(ctx, "hlld", "hll1", "hll2") })
	do(func(c C) X { return c.PFCount(ctx, "hlld") })
	do(func(c C) X { return c.PFMerge(ctx, "hll1", "hll2") })
	do(func(c C) X { return c.PFCount(ctx, "hll1") })
	do(func(c C) X { return c.PFMerge(ctx, "hlle") })
	do(func(c C) X { return c.PFCount(ctx, "hlle") })
	// An HLL's bytes are Embedis's own "EHLL" encoding by design (hll/doc.go;
	// TestDiffHyperLogLog normalises them too): only GET's success is
	// compared.
	do(func(c C) X { return c.Get(ctx, "hll2") }, grErrOnly)
	do(func(c C) X { return c.Get(ctx, "hlld") }, grErrOnly)
	do(func(c C) X { return c.Type(ctx, "hlld") })
	do(func(c C) X { return c.Set(ctx, "hstr", "not an hll", 0) })
	do(func(c C) X { return c.PFAdd(ctx, "hstr", "a") })
	do(func(c C) X { return c.PFCount(ctx, "hstr") })
	do(func(c C) X { return c.PFCount(ctx, "hll1", "hstr") })
	do(func(c C) X { return c.PFMerge(ctx, "hlld", "hstr") })
	do(func(c C) X { return c.PFMerge(ctx, "hstr", "hll1") })
	do(func(c C) X { return c.LPush(ctx, "hlist", "a") })
	do(func(c C) X { return c.PFAdd(ctx, "hlist", "a") })
	do(func(c C) X { return c.PFCount(ctx, "hlist") })
	// A larger HLL: 1000 elements, still counted the same way.
	els := make([]any, 1000)
	for i := range els {
		els[i] = fmt.Sprintf("el:%d", i)
	}
	do(func(c C) X { return c.PFAdd(ctx, "hllbig", els...) })
	do(func(c C) X { return c.PFCount(ctx, "hllbig") })
	do(func(c C) X { return c.PFCount(ctx, "hllbig", "hll1") })
	do(func(c C) X { return c.Get(ctx, "hllbig") }, grErrOnly)
}

func grPipelines(d *grDiff) {
	ctx := d.ctx
	d.pipe("strings", func(p goredis.Pipeliner) {
		p.Set(ctx, "p1", "a", 0)
		p.Append(ctx, "p1", "bc")
		p.Get(ctx, "p1")
		p.Incr(ctx, "p1")
		p.Incr(ctx, "p2")
		p.Get(ctx, "p-missing")
		p.SetArgs(ctx, "p1", "z", goredis.SetArgs{Mode: "nx"})
		p.GetEx(ctx, "p1", 10*time.Second)
		p.Del(ctx, "p1", "p2")
	})
	d.pipe("mixed types", func(p goredis.Pipeliner) {
		p.RPush(ctx, "pl", "a", "b")
		p.LPop(ctx, "pl")
		p.HSet(ctx, "ph", "f", "1")
		p.HIncrByFloat(ctx, "ph", "f", 0.5)
		p.LPush(ctx, "ph", "x")
		p.ZAdd(ctx, "pz", grZ(1.5, "m"))
		p.ZScore(ctx, "pz", "m")
		p.ZIncrBy(ctx, "pz", math.NaN(), "m")
		p.SAdd(ctx, "ps", 1, 2)
		p.SMembers(ctx, "ps")
		p.SIsMember(ctx, "pz", "m")
		p.BLPop(ctx, time.Second, "pl")
		p.Type(ctx, "pz")
		p.Expire(ctx, "pz", time.Hour)
		p.PFAdd(ctx, "phll", "x")
		p.Echo(ctx, "done")
		p.Ping(ctx)
	})
	d.pipe("errors first", func(p goredis.Pipeliner) {
		p.Get(ctx, "ph")
		p.LRange(ctx, "nolist", 0, -1)
		p.ZRangeArgs(ctx, goredis.ZRangeArgs{Key: "pz", Start: "(1", Stop: 2, ByScore: true})
		p.ZRangeByScoreWithScores(ctx, "pz", &goredis.ZRangeBy{Min: "1", Max: "2"})
		p.BitField(ctx, "pb", "incrby", "u2", 0, 5, "get", "u2", 0)
		p.HGetAll(ctx, "ph")
		p.Select(ctx, 3)
		p.Set(ctx, "in3", "x", 0)
		p.DBSize(ctx)
		p.Select(ctx, 0)
		p.DBSize(ctx)
	})
	d.pipe("nil first", func(p goredis.Pipeliner) {
		p.Get(ctx, "nokey")
		p.HGet(ctx, "ph", "nofield")
		p.LPop(ctx, "nolist")
		p.ZScore(ctx, "pz", "x")
	})
	d.pipe("empty", func(p goredis.Pipeliner) {})
	d.pipe("big", func(p goredis.Pipeliner) {
		for i := range 300 {
			p.IncrBy(ctx, "pbig", int64(i))
			if i%50 == 0 {
				p.HIncrBy(ctx, "pbig", "f", 1)
			}
		}
		p.Get(ctx, "pbig")
	})
}

func grScans(d *grDiff) {
	ctx := d.ctx
	do := d.do
	do(func(c C) X { return c.FlushAll(ctx) })
	do(func(c C) X { return c.Scan(ctx, 0, "", 0) })
	for i := range 30 {
		do(func(c C) X { return c.Set(ctx, fmt.Sprintf("key:%02d", i), i, 0) })
	}
	do(func(c C) X { return c.HSet(ctx, "hkey", "a", 1, "b", 2, "c", 3, "d", 4) })
	do(func(c C) X { return c.SAdd(ctx, "skey", 5, 1, 3, 2) })
	do(func(c C) X { return c.SAdd(ctx, "sskey", "x", "y", "z") })
	do(func(c C) X { return c.ZAdd(ctx, "zkey", grZ(3, "c"), grZ(1, "a"), grZ(2, "b"), grZ(2, "bb")) })
	do(func(c C) X { return c.RPush(ctx, "lkey", "x") })
	// A single SCAN call with a count above the keyspace's size returns
	// everything (in hash order: compared sorted).
	do(func(c C) X { return c.Scan(ctx, 0, "", 1000) }, grSorted)
	do(func(c C) X { return c.Scan(ctx, 0, "key:1*", 1000) }, grSorted)
	do(func(c C) X { return c.ScanType(ctx, 0, "", 1000, "hash") })
	do(func(c C) X { return c.ScanType(ctx, 0, "*key", 1000, "zset") })
	do(func(c C) X { return c.ScanType(ctx, 0, "", 1000, "nosuchtype") })
	do(func(c C) X { return c.Scan(ctx, 0, "", -1) }, grErrOnly) // a first page of 10: hash order
	do(func(c C) X { return c.Scan(ctx, 1<<63, "", 10) }, grErrOnly)
	d.iter(func(c C) *goredis.ScanCmd { return c.Scan(ctx, 0, "", 3) }, true)
	d.iter(func(c C) *goredis.ScanCmd { return c.Scan(ctx, 0, "key:2?", 0) }, true)
	d.iter(func(c C) *goredis.ScanCmd { return c.ScanType(ctx, 0, "", 5, "string") }, true)
	d.iter(func(c C) *goredis.ScanCmd { return c.ScanType(ctx, 0, "", 5, "list") }, true)
	// Small encodings: one page, in the listpack's or intset's order.
	do(func(c C) X { return c.HScan(ctx, "hkey", 0, "", 0) })
	do(func(c C) X { return c.HScan(ctx, "hkey", 0, "[bc]", 1) })
	do(func(c C) X { return c.HScan(ctx, "nokey", 0, "", 0) })
	do(func(c C) X { return c.HScan(ctx, "skey", 0, "", 0) })
	do(func(c C) X { return c.SScan(ctx, "skey", 0, "", 0) })
	do(func(c C) X { return c.SScan(ctx, "skey", 0, "[12]", 0) })
	do(func(c C) X { return c.SScan(ctx, "sskey", 0, "", 100) }, grSorted)
	do(func(c C) X { return c.ZScan(ctx, "zkey", 0, "", 0) })
	do(func(c C) X { return c.ZScan(ctx, "zkey", 0, "b*", 0) })
	do(func(c C) X { return c.ZScan(ctx, "nokey", 0, "", 0) })
	do(func(c C) X { return c.ZScan(ctx, "hkey", 0, "", 0) })
	d.iter(func(c C) *goredis.ScanCmd { return c.HScan(ctx, "hkey", 0, "", 1) }, false)
	d.iter(func(c C) *goredis.ScanCmd { return c.SScan(ctx, "skey", 0, "", 1) }, false)
	d.iter(func(c C) *goredis.ScanCmd { return c.ZScan(ctx, "zkey", 0, "", 1) }, false)
	d.iter(func(c C) *goredis.ScanCmd { return c.SScan(ctx, "sskey", 0, "", 1) }, true)
	// Hash tables: the whole iteration, compared as sets.
	hv := make([]any, 0, 600)
	sv := make([]any, 0, 300)
	zv := make([]goredis.Z, 0, 300)
	for i := range 300 {
		hv = append(hv, fmt.Sprintf("f%d", i), i)
		sv = append(sv, fmt.Sprintf("m%d", i))
		zv = append(zv, grZ(float64(i), fmt.Sprintf("m%d", i)))
	}
	do(func(c C) X { return c.HSet(ctx, "hbig", hv...) })
	do(func(c C) X { return c.SAdd(ctx, "sbig", sv...) })
	do(func(c C) X { return c.ZAdd(ctx, "zbig", zv...) })
	d.iter(func(c C) *goredis.ScanCmd { return c.HScan(ctx, "hbig", 0, "", 20) }, true)
	d.iter(func(c C) *goredis.ScanCmd { return c.HScan(ctx, "hbig", 0, "f1*", 0) }, true)
	d.iter(func(c C) *goredis.ScanCmd { return c.SScan(ctx, "sbig", 0, "", 7) }, true)
	d.iter(func(c C) *goredis.ScanCmd { return c.ZScan(ctx, "zbig", 0, "", 50) }, true)
	d.iter(func(c C) *goredis.ScanCmd { return c.ZScan(ctx, "zbig", 0, "m2?", 0) }, true)
	d.iter(func(c C) *goredis.ScanCmd { return c.Scan(ctx, 0, "", 0) }, true)
}

func grBlocking(d *grDiff) {
	ctx := d.ctx
	do := d.do
	do(func(c C) X { return c.RPush(ctx, "bl1", "a", "b", "c") })
	do(func(c C) X { return c.RPush(ctx, "bl2", "x") })
	do(func(c C) X { return c.ZAdd(ctx, "bz1", grZ(1, "a"), grZ(2, "b"), grZ(3, "c")) })
	do(func(c C) X { return c.Set(ctx, "bstr", "x", 0) })
	// Data present: no wait.
	do(func(c C) X { return c.BLPop(ctx, time.Second, "noblist", "bl1") })
	do(func(c C) X { return c.BRPop(ctx, time.Second, "bl1", "bl2") })
	do(func(c C) X { return c.BRPopLPush(ctx, "bl2", "bl3", time.Second) })
	do(func(c C) X { return c.BLMove(ctx, "bl3", "bl1", "left", "right", time.Second) })
	do(func(c C) X { return c.BLMove(ctx, "bl1", "bl1", "RIGHT", "LEFT", 0) })
	do(func(c C) X { return c.BLMPop(ctx, time.Second, "left", 5, "noblist", "bl1") })
	do(func(c C) X { return c.BZPopMin(ctx, time.Second, "nobz", "bz1") })
	do(func(c C) X { return c.BZPopMax(ctx, time.Second, "bz1") })
	do(func(c C) X { return c.BZMPop(ctx, time.Second, "min", 3, "bz1") })
	do(func(c C) X { return c.Exists(ctx, "bl1", "bl2", "bl3", "bz1") })
	// Errors
	do(func(c C) X { return c.BLPop(ctx, time.Second, "bstr") })
	do(func(c C) X { return c.BLPop(ctx, -time.Second, "noblist") })
	do(func(c C) X { return c.BRPop(ctx, time.Second) })
	do(func(c C) X { return c.BLMove(ctx, "bstr", "x", "left", "left", time.Second) })
	do(func(c C) X { return c.BLMove(ctx, "x", "y", "up", "left", time.Second) })
	do(func(c C) X { return c.BLMPop(ctx, time.Second, "left", 0, "bl1") })
	do(func(c C) X { return c.BLMPop(ctx, -time.Second, "left", 1, "bl1") })
	do(func(c C) X { return c.BLMPop(ctx, time.Second, "left", 1, "bstr") })
	do(func(c C) X { return c.BZPopMin(ctx, time.Second, "bstr") })
	do(func(c C) X { return c.BZMPop(ctx, time.Second, "top", 1, "bz1") })
	do(func(c C) X { return c.BZMPop(ctx, -time.Second, "min", 1, "bz1") })
	do(func(c C) X { return c.BRPopLPush(ctx, "bstr", "x", time.Second) })
	// Timeouts, all at once on both sides (go-redis's shortest timeout is
	// one second), and a wait ended by a push from another connection.
	d.par(
		func(c *goredis.Client) X { return c.BLPop(ctx, time.Second, "w1", "w2") },
		func(c *goredis.Client) X { return c.BRPop(ctx, time.Second, "w3") },
		func(c *goredis.Client) X { return c.BRPopLPush(ctx, "w4", "w5", time.Second) },
		func(c *goredis.Client) X { return c.BLMove(ctx, "w6", "w7", "left", "right", time.Second) },
		func(c *goredis.Client) X { return c.BLMPop(ctx, time.Second, "right", 2, "w8", "w9") },
		func(c *goredis.Client) X { return c.BZPopMin(ctx, time.Second, "w10") },
		func(c *goredis.Client) X { return c.BZPopMax(ctx, time.Second, "w11", "w12") },
		func(c *goredis.Client) X { return c.BZMPop(ctx, time.Second, "max", 2, "w13") },
		func(c *goredis.Client) X { return c.BLPop(ctx, 1500*time.Millisecond, "w14") },
		func(c *goredis.Client) X {
			time.Sleep(100 * time.Millisecond)
			return c.RPush(ctx, "wl", "pushed", "second")
		},
		func(c *goredis.Client) X { return c.BLPop(ctx, 2*time.Second, "wl") },
		func(c *goredis.Client) X {
			time.Sleep(100 * time.Millisecond)
			return c.ZAdd(ctx, "wz", grZ(5, "five"), grZ(4, "four"))
		},
		func(c *goredis.Client) X { return c.BZMPop(ctx, 2*time.Second, "min", 5, "wz") },
	)
	do(func(c C) X { return c.LRange(ctx, "wl", 0, -1) })
	do(func(c C) X { return c.ZRangeWithScores(ctx, "wz", 0, -1) })
	do(func(c C) X { return c.Keys(ctx, "w*") }, grSorted)
}
