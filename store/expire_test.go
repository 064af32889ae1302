package store

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"testing"
	"time"
)

func openManual(t testing.TB) (*Store, *ManualClock) {
	clock := NewManualClock(time.Unix(1_700_000_000, 0))
	s, err := Open(Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, clock
}

// openDialed opens a Store with opts and a connection to it, both closed
// when the test ends.
func openDialed(t testing.TB, opts Options) (*Store, net.Conn) {
	s, err := Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	conn, err := s.Dial(context.Background(), "", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return s, conn
}

func TestManualClockExpiry(t *testing.T) {
	s, clock := openManual(t)
	s.Set("a", "1", TTL(10*time.Second))
	s.Set("b", "2", TTL(20*time.Second))
	s.Set("c", "3")
	if got := s.TTL("a"); got != 10*time.Second {
		t.Fatalf("TTL a = %v", got)
	}
	clock.Advance(10*time.Second - time.Millisecond)
	if v, err := s.Get("a"); err != nil || v != "1" {
		t.Fatalf("a before expiry: %q %v", v, err)
	}
	clock.Advance(time.Millisecond)
	if _, err := s.Get("a"); err != ErrNil {
		t.Fatalf("a after expiry: %v", err)
	}
	// Active expiry ran inside Advance: the key is gone from DBSIZE too.
	if n := s.DBSize(); n != 2 {
		t.Fatalf("DBSIZE = %d, want 2", n)
	}
	clock.Advance(time.Hour)
	if n := s.DBSize(); n != 1 {
		t.Fatalf("DBSIZE = %d, want 1", n)
	}
	if s.TTL("c") != -1 || s.TTL("a") != -2 {
		t.Fatalf("TTL c=%v a=%v", s.TTL("c"), s.TTL("a"))
	}
}

// TestLazyExpiryWithoutSweep checks that an expired key is invisible to
// every command even before the sweeper reclaims it.
func TestLazyExpiryWithoutSweep(t *testing.T) {
	s, clock := openManual(t)
	s.Set("k", "v", TTL(time.Second))
	// Move time without notifying the sweeper.
	clock.now.Add(int64(2 * time.Second))
	if _, err := s.Get("k"); err != ErrNil {
		t.Fatalf("GET expired: %v", err)
	}
	if s.Exists("k") != 0 || s.Type("k") != "none" || len(s.Keys("*")) != 0 {
		t.Fatal("expired key visible")
	}
	ctx := context.Background()
	if v, _ := s.Do(ctx, "RANDOMKEY"); !v.IsNull() {
		t.Fatalf("RANDOMKEY with only an expired key = %v, want nil", v)
	}
	s.Set("live", "1")
	for i := 0; i < 50; i++ {
		s.Set("e"+strconv.Itoa(i), "v", TTL(time.Second))
	}
	clock.now.Add(int64(2 * time.Second))
	for i := 0; i < 200; i++ {
		if v, _ := s.Do(ctx, "RANDOMKEY"); v.Str != "live" {
			t.Fatalf("RANDOMKEY = %v: an expired key", v)
		}
	}
	if v, _ := s.Do(ctx, "SCAN", "0", "COUNT", "1000"); len(v.Elems) != 2 || len(v.Elems[1].Elems) != 1 || v.Elems[1].Elems[0].Str != "live" {
		t.Fatalf("SCAN = %v, want only live", v)
	}
	s.Del("live")
	if n, _ := s.IncrBy("k", 5); n != 5 {
		t.Fatalf("INCRBY on expired key = %d, want 5", n)
	}
	if s.TTL("k") != -1 {
		t.Fatalf("recreated key kept the old TTL: %v", s.TTL("k"))
	}
}

// TestExpiryDeadline pins when a key expires, the same on the read path
// and in the sweeper: from the millisecond its expiry time is reached, so
// that advancing a manual clock by a key's TTL removes it. (Redis keeps a
// key through that millisecond, now > when, and removes it in the next;
// the difference is visible only within that one millisecond.)
func TestExpiryDeadline(t *testing.T) {
	s, clock := openManual(t)
	for i := 0; i < 2000; i++ {
		s.Set("a"+strconv.Itoa(i), "v", TTL(1000*time.Millisecond))
		s.Set("b"+strconv.Itoa(i), "v", TTL(1001*time.Millisecond))
	}
	clock.now.Add(int64(time.Second)) // no sweep yet
	if _, err := s.Get("a0"); err != ErrNil {
		t.Fatalf("GET at the deadline: %v, want nil", err)
	}
	if s.Exists("a1", "b1") != 1 || s.TTL("b1") != time.Millisecond {
		t.Fatalf("at a's deadline: EXISTS a1 b1 = %d, TTL b1 = %v", s.Exists("a1", "b1"), s.TTL("b1"))
	}
	clock.Advance(0) // the sweeper runs at the same instant
	if n := s.DBSize(); n != 2000 {
		t.Fatalf("DBSIZE after the sweep at a's deadline = %d, want the 2000 b keys", n)
	}
	clock.Advance(time.Millisecond)
	if n := s.DBSize(); n != 0 {
		t.Fatalf("DBSIZE at b's deadline = %d, want 0", n)
	}
}

// TestFlushDropsTTLs: FLUSHDB and FLUSHALL drop the TTL heaps with the
// keys, so a key recreated without a TTL outlives the old one's time.
func TestFlushDropsTTLs(t *testing.T) {
	s, clock := openManual(t)
	ctx := context.Background()
	for _, flush := range []string{"FLUSHDB", "FLUSHALL"} {
		s.Set("k", "v", TTL(time.Second))
		s.Select(1).Set("k", "v", TTL(time.Second))
		if _, err := s.Do(ctx, flush); err != nil {
			t.Fatal(err)
		}
		s.Set("k", "v2")
		done := make(chan struct{})
		go func() { clock.Advance(2 * time.Second); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("the sweep after %s did not end", flush)
		}
		if v, err := s.Get("k"); v != "v2" || s.TTL("k") != -1 {
			t.Fatalf("after %s: GET k = %q, %v, TTL %v", flush, v, err, s.TTL("k"))
		}
		s.Select(1).FlushDB()
	}
}

// TestActiveExpiryBounded: 1M keys with TTLs, the clock advanced past them:
// all are reclaimed, in steps of at most sweepBatch keys under one lock.
func TestActiveExpiryBounded(t *testing.T) {
	n := 1_000_000
	if testing.Short() || raceEnabled {
		n = 100_000
	}
	s, clock := openManual(t)
	for i := 0; i < n; i++ {
		s.Set("key:"+strconv.Itoa(i), "v", TTL(time.Duration(1+i%1000)*time.Second))
	}
	s.Set("keep", "v")
	clock.Advance(1001 * time.Second)
	if got := s.DBSize(); got != 1 {
		t.Fatalf("DBSIZE after expiry = %d, want 1", got)
	}
	st := s.SweepStats()
	if st.Reclaimed != int64(n) {
		t.Fatalf("reclaimed %d, want %d", st.Reclaimed, n)
	}
	if st.MaxBatch > sweepBatch {
		t.Fatalf("a step deleted %d keys, bound is %d", st.MaxBatch, sweepBatch)
	}
	t.Logf("%d keys reclaimed in %d steps; longest step held its lock %v; %d steps over 1ms", n, st.Steps, st.MaxStep, st.SlowSteps)
}

func TestRealClockSweeper(t *testing.T) {
	s, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := 0; i < 100; i++ {
		s.Set("k"+strconv.Itoa(i), "v", TTL(time.Millisecond))
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.DBSize() != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("sweeper did not reclaim keys: DBSIZE %d", s.DBSize())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestTimeFollowsClock: TIME reads the Store's clock, like TTLs.
func TestTimeFollowsClock(t *testing.T) {
	s, clock := openManual(t)
	clock.Set(time.Unix(1_800_000_000, 123_456_000))
	v, err := s.Do(context.Background(), "TIME")
	if err != nil || len(v.Elems) != 2 || v.Elems[0].Str != "1800000000" || v.Elems[1].Str != "123456" {
		t.Fatalf("TIME = %v, %v", v, err)
	}
}

// TestTypedReadsSeeExpiry: the typed API's reads read the clock only for
// keys that have a TTL (readKey); an expired key of every type must still
// read as missing, and a key without a TTL as present, before the sweeper
// has run.
func TestTypedReadsSeeExpiry(t *testing.T) {
	s, clock := openManual(t)
	load := func(suffix string) {
		s.Set("s"+suffix, "abc")
		s.Hash("h"+suffix).Set("f", "v")
		s.List("l" + suffix).RPush("a")
		s.SetOf("t" + suffix).Add("m")
		s.ZSet("z" + suffix).Add(Z{Score: 1, Member: "m"})
	}
	load("exp")
	load("live")
	for _, k := range []string{"sexp", "hexp", "lexp", "texp", "zexp"} {
		if !s.Expire(k, time.Second) {
			t.Fatalf("EXPIRE %s failed", k)
		}
	}
	clock.now.Add(int64(2 * time.Second)) // without waking the sweeper
	lens := func(suffix string) [7]int64 {
		n1, _ := s.StrLen("s" + suffix)
		r, _ := s.GetRange("s"+suffix, 0, -1)
		b, _ := s.GetBit("s"+suffix, 1)
		n2, _ := s.Hash("h" + suffix).Len()
		n3, _ := s.List("l" + suffix).Len()
		n4, _ := s.SetOf("t" + suffix).Len()
		n5, _ := s.ZSet("z" + suffix).Card()
		return [7]int64{n1, int64(len(r)), int64(b), n2, n3, n4, int64(n5)}
	}
	if got := lens("exp"); got != [7]int64{} {
		t.Errorf("expired keys read as %v, want all zero", got)
	}
	if got := lens("live"); got != [7]int64{3, 3, 1, 1, 1, 1, 1} {
		t.Errorf("live keys read as %v", got)
	}
	if s.TTL("zexp") != -2 || s.TTL("zlive") != -1 || s.Type("hexp") != "none" || s.Type("hlive") != "hash" {
		t.Error("TTL or TYPE of an expired key")
	}
}

// TestTypedWritesSeeExpiry is TestTypedReadsSeeExpiry for writes, which
// also skip the clock in shards without TTLs: on a key whose time has
// passed (not yet reclaimed) each acts as on a missing key, and the
// writes that set a deadline read the clock even where no key has one.
func TestTypedWritesSeeExpiry(t *testing.T) {
	s, clock := openManual(t)
	s.Set("s", "5")
	s.Set("a", "abc")
	s.Hash("h").Set("f", "v")
	s.List("l").RPush("x")
	s.SetOf("t").Add("m")
	s.ZSet("z").Add(Z{Score: 1, Member: "m"})
	for _, k := range []string{"s", "a", "h", "l", "t", "z"} {
		s.Expire(k, time.Second)
	}
	clock.now.Add(int64(2 * time.Second)) // without waking the sweeper
	n, _ := s.IncrBy("s", 2)
	m, _ := s.Append("a", "xy")
	added, _ := s.Hash("h").SetNX("f", "w")
	pushed, _ := s.List("l").RPushX("y")
	members, _ := s.SetOf("t").Add("m")
	zadded, _ := s.ZSet("z").Add(Z{Score: 2, Member: "m"})
	if n != 2 || m != 2 || !added || pushed != 0 || members != 1 || zadded != 1 {
		t.Errorf("writes on expired keys: INCRBY %d, APPEND %d, HSETNX %v, RPUSHX %d, SADD %d, ZADD %d", n, m, added, pushed, members, zadded)
	}

	// A fresh store: no key has a TTL, and EXPIRE must still count from
	// the clock's now, not from zero (which would delete the key at once).
	s2, clock2 := openManual(t)
	s2.Set("k", "v")
	if !s2.Expire("k", 10*time.Second) || s2.TTL("k") != 10*time.Second {
		t.Fatalf("EXPIRE 10s on a store without TTLs: TTL %v", s2.TTL("k"))
	}
	s2.Set("g", "v")
	if _, err := s2.GetEx("g", TTL(5*time.Second)); err != nil || s2.TTL("g") != 5*time.Second {
		t.Fatalf("GETEX EX 5: TTL %v, %v", s2.TTL("g"), err)
	}
	clock2.Advance(11 * time.Second)
	if s2.Exists("k", "g") != 0 {
		t.Error("keys outlived their TTLs")
	}
}

// TestMGetSeesExpiry reads expired keys, not yet reclaimed, in MGETs of
// more keys than one batch of the overlapped lookups, through the typed
// API and through Do: they read as missing, and the live ones keep their
// values and their places.
func TestMGetSeesExpiry(t *testing.T) {
	s, clock := openManual(t)
	keys := make([]string, 40)
	for i := range keys {
		keys[i] = fmt.Sprintf("key:%d", i)
		s.Set(keys[i], "v"+strconv.Itoa(i))
		if i%3 == 0 {
			s.Expire(keys[i], time.Second)
		}
	}
	clock.now.Add(int64(2 * time.Second)) // without waking the sweeper
	got, _ := s.MGet(keys...)
	reply, err := s.Do(context.Background(), append([]string{"MGET"}, keys...)...)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range got {
		want := NullString{"v" + strconv.Itoa(i), true}
		if i%3 == 0 {
			want = NullString{}
		}
		if v != want {
			t.Errorf("MGet[%d] = %v, want %v", i, v, want)
		}
		if r := reply.Elems[i]; r.IsNull() == want.Valid || want.Valid && r.Str != want.String {
			t.Errorf("MGET reply[%d] = %#v, want %v", i, r, want)
		}
	}
	if s.DBSize() != 40 {
		t.Fatalf("DBSIZE %d: the expired keys were reclaimed, so MGET did not meet them", s.DBSize())
	}
}
