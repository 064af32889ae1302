package store

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// waitersOn counts the clients queued on key in d.
func waitersOn(d *DB, key string) int {
	sh := d.shardOf(key)
	sh.mu.RLock()
	defer sh.mu.RUnlock()
	n := 0
	if q := sh.blocked[key]; q != nil {
		for x := q.head; x != nil; x = x.next {
			n++
		}
	}
	return n
}

// eventually polls cond for up to two seconds.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for i := 0; i < 400; i++ {
		if cond() {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestBlockingTypedServed(t *testing.T) {
	s := openStore(t, Options{})
	ctx := context.Background()
	type result struct {
		key, elem string
		err       error
	}
	got := make(chan result, 1)
	go func() {
		k, e, err := s.BLPop(ctx, 0, "a", "b")
		got <- result{k, e, err}
	}()
	eventually(t, "the waiter", func() bool { return waitersOn(s.DB, "b") == 1 })
	if n, err := s.List("b").RPush("x", "y"); n != 2 || err != nil {
		t.Fatalf("RPush = %d, %v", n, err)
	}
	if r := <-got; r != (result{"b", "x", nil}) {
		t.Fatalf("BLPop = %+v", r)
	}
	if n, _ := s.List("b").Len(); n != 1 {
		t.Fatalf("list length %d after the waiter took one", n)
	}
	if waitersOn(s.DB, "a") != 0 || waitersOn(s.DB, "b") != 0 {
		t.Fatal("the served waiter is still queued")
	}
}

func TestBlockingManualClockTimeout(t *testing.T) {
	s, clock := openManual(t)
	done := make(chan error, 1)
	go func() {
		_, _, err := s.BRPop(context.Background(), 5*time.Second, "z")
		done <- err
	}()
	eventually(t, "the waiter", func() bool { return waitersOn(s.DB, "z") == 1 })
	clock.Advance(4 * time.Second)
	select {
	case err := <-done:
		t.Fatalf("returned %v before its deadline on the Store's clock", err)
	case <-time.After(20 * time.Millisecond):
	}
	clock.Advance(time.Second)
	if err := <-done; !errors.Is(err, ErrNil) {
		t.Fatalf("after the deadline: %v, want ErrNil", err)
	}
	if waitersOn(s.DB, "z") != 0 {
		t.Fatal("the timed-out waiter is still queued")
	}
}

func TestBlockingContextCancel(t *testing.T) {
	s := openStore(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := s.List("src").BLMove(ctx, "dst", Left, Right, 0)
		done <- err
	}()
	eventually(t, "the waiter", func() bool { return waitersOn(s.DB, "src") == 1 })
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("BLMove after cancel: %v", err)
	}
	if waitersOn(s.DB, "src") != 0 || s.blocking.moveCount.Load() != 0 {
		t.Fatal("the cancelled waiter is still registered")
	}
	// The push after the cancel stays in the list.
	s.List("src").RPush("kept")
	if n, _ := s.List("src").Len(); n != 1 {
		t.Fatalf("src has %d elements", n)
	}
}

func TestBlockingZSetTyped(t *testing.T) {
	s, clock := openManual(t)
	got := make(chan Z, 1)
	go func() {
		_, z, err := s.BZPopMax(context.Background(), time.Minute, "board")
		if err != nil {
			t.Error(err)
		}
		got <- z
	}()
	eventually(t, "the waiter", func() bool { return waitersOn(s.DB, "board") == 1 })
	s.ZSet("board").Add(Z{Score: 3, Member: "c"}, Z{Score: 7, Member: "top"})
	if z := <-got; z != (Z{Score: 7, Member: "top"}) {
		t.Fatalf("BZPopMax = %+v", z)
	}
	done := make(chan error, 1)
	go func() {
		_, _, err := s.BZMPop(context.Background(), time.Second, false, 5, "empty")
		done <- err
	}()
	eventually(t, "the second waiter", func() bool { return waitersOn(s.DB, "empty") == 1 })
	clock.Advance(time.Second)
	if err := <-done; !errors.Is(err, ErrNil) {
		t.Fatalf("BZMPop after its timeout: %v", err)
	}
}

// TestBlockingConnectionClose: closing a Dial connection ends its blocked
// command and unqueues it.
func TestBlockingConnectionClose(t *testing.T) {
	s := openStore(t, Options{})
	rdb := redis.NewClient(&redis.Options{Dialer: s.Dial, PoolSize: 1})
	done := make(chan error, 1)
	go func() { done <- rdb.BLPop(context.Background(), 0, "q").Err() }()
	eventually(t, "the waiter", func() bool { return waitersOn(s.DB, "q") == 1 })
	rdb.Close()
	<-done
	eventually(t, "the unqueue", func() bool { return waitersOn(s.DB, "q") == 0 })
}

// TestBlockingGoRedisTimeout: go-redis's BLPOP with a timeout returns
// redis.Nil, as against redis-server.
func TestBlockingGoRedisTimeout(t *testing.T) {
	s := openStore(t, Options{})
	rdb := redis.NewClient(&redis.Options{Dialer: s.Dial})
	defer rdb.Close()
	start := time.Now()
	if err := rdb.BLPop(context.Background(), 100*time.Millisecond, "nothing").Err(); err != redis.Nil {
		t.Fatalf("BLPop: %v, want redis.Nil", err)
	}
	if el := time.Since(start); el < 90*time.Millisecond {
		t.Fatalf("returned after %v", el)
	}
	go func() {
		time.Sleep(20 * time.Millisecond)
		s.List("jobs").RPush("j1")
	}()
	res, err := rdb.BLPop(context.Background(), 0, "jobs").Result()
	if err != nil || len(res) != 2 || res[1] != "j1" {
		t.Fatalf("BLPop = %v, %v", res, err)
	}
}

// TestBlockingNoLostElements runs producers and blocked consumers on a few
// keys: every element pushed is popped exactly once.
func TestBlockingNoLostElements(t *testing.T) {
	s := openStore(t, Options{})
	const producers, consumers, each = 4, 6, 300
	keys := []string{"q0", "q1", "q2"}
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for c := 0; c < consumers; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			for {
				var elem string
				var err error
				switch c % 3 {
				case 0:
					_, elem, err = s.BLPop(ctx, 0, keys...)
				case 1:
					_, elem, err = s.BRPop(ctx, 0, keys[1], keys[2])
				default:
					// Through a move into a list of its own, then a pop.
					mine := "mine" + strconv.Itoa(c)
					if _, err = s.List(keys[c%len(keys)]).BLMove(ctx, mine, Left, Right, 0); err == nil {
						elem, err = s.List(mine).LPop()
					}
				}
				if err != nil {
					return
				}
				mu.Lock()
				seen[elem]++
				mu.Unlock()
			}
		}(c)
	}
	var pw sync.WaitGroup
	for p := 0; p < producers; p++ {
		pw.Add(1)
		go func(p int) {
			defer pw.Done()
			for i := 0; i < each; i++ {
				s.List(keys[(p+i)%len(keys)]).RPush(strconv.Itoa(p) + ":" + strconv.Itoa(i))
			}
		}(p)
	}
	pw.Wait()
	eventually(t, "every element consumed", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return len(seen) == producers*each
	})
	cancel()
	wg.Wait()
	for k, n := range seen {
		if n != 1 {
			t.Fatalf("element %q popped %d times", k, n)
		}
	}
}

// TestBlockingManyWaiters: ten thousand waiters on other keys neither
// break nor see an unrelated push; cancelling them empties the registry.
func TestBlockingManyWaiters(t *testing.T) {
	s := openStore(t, Options{})
	n := 10000
	if raceEnabled {
		n = 2000
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s.BLPop(ctx, 0, "w"+strconv.Itoa(i))
		}(i)
	}
	eventually(t, "all waiters", func() bool { return waitersOn(s.DB, "w"+strconv.Itoa(n-1)) == 1 })
	if _, err := s.List("unrelated").LPush("x"); err != nil {
		t.Fatal(err)
	}
	if v, err := s.List("unrelated").LPop(); v != "x" || err != nil {
		t.Fatalf("LPop = %q, %v", v, err)
	}
	cancel()
	wg.Wait()
	for i := range s.shards {
		if len(s.shards[i].blocked) != 0 {
			t.Fatalf("shard %d still has %d blocked keys", i, len(s.shards[i].blocked))
		}
	}
}

// TestBlockingMoveLocksDestination: a BLMOVE waiter served by a push writes
// its destination, in another shard than the source; the pushing command
// must hold that shard's lock too (lockWithMoves), or readers of the
// destination race with the served move (go test -race reports it) and
// could see the element in neither list.
func TestBlockingMoveLocksDestination(t *testing.T) {
	s := openStore(t, Options{})
	ctx := context.Background()
	const pairs, rounds = 4, 200
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for p := 0; p < pairs; p++ {
		src, dst := "src"+strconv.Itoa(p), "dst"+strconv.Itoa(p)
		wg.Add(3)
		go func() { // the waiter, through the command table
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				if _, err := s.Do(ctx, "BLMOVE", src, dst, "LEFT", "RIGHT", "0"); err != nil {
					t.Error(err)
					return
				}
			}
		}()
		go func() { // the pusher, typed
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				s.List(src).RPush(strconv.Itoa(i))
			}
		}()
		go func() { // a reader of the destination: src + dst never lose one
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				var n int64
				s.lockKeys(false, []string{src, dst}, 1, func(now int64) {
					for _, k := range []string{src, dst} {
						if l, _ := s.listRead(k, now); l != nil {
							n += int64(l.n)
						}
					}
				})
				if n > rounds {
					t.Errorf("%d elements in %s and %s after %d pushes", n, src, dst, rounds)
					return
				}
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		for p := 0; p < pairs; p++ {
			dst := "dst" + strconv.Itoa(p)
			eventually(t, dst+" filled", func() bool { n, _ := s.List(dst).Len(); return n == rounds })
		}
		close(done)
	}()
	<-done
	close(stop)
	wg.Wait()
	for p := 0; p < pairs; p++ {
		if n, _ := s.List("src" + strconv.Itoa(p)).Len(); n != 0 {
			t.Fatalf("src%d keeps %d elements", p, n)
		}
	}
}
