package store

import (
	"context"
	"errors"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	goredis "github.com/redis/go-redis/v9"

	"github.com/embedis/embedis/resp"
)

// TestDoIsANewClient checks that each Do call runs as a client of its own,
// as Do's documentation says: a new id each time it is asked for, no name
// or protocol left over from an earlier call, and age 0; and that ids keep
// following the connections' order.
func TestDoIsANewClient(t *testing.T) {
	s, _ := openManual(t)
	ctx := context.Background()
	var last int64
	for i := 0; i < 3; i++ {
		v, err := s.Do(ctx, "CLIENT", "ID")
		if err != nil || v.Kind != resp.Integer || v.Int <= last {
			t.Fatalf("CLIENT ID = %v, %v after id %d", v, err, last)
		}
		last = v.Int
	}
	if v, err := s.Do(ctx, "CLIENT", "SETNAME", "worker"); err != nil || v.Str != "OK" {
		t.Fatalf("CLIENT SETNAME = %v, %v", v, err)
	}
	if v, _ := s.Do(ctx, "CLIENT", "GETNAME"); !v.IsNull() {
		t.Fatalf("CLIENT GETNAME after another call's SETNAME = %v, want nil", v)
	}
	if v, err := s.Do(ctx, "HELLO", "3"); err != nil || v.Kind != resp.Map {
		t.Fatalf("HELLO 3 = %v, %v", v, err)
	}
	if v, _ := s.Do(ctx, "HGETALL", "nokey"); v.Kind != resp.Array {
		t.Fatalf("a call after another's HELLO 3 replied %v: not RESP2", v)
	}
	info, err := s.Do(ctx, "CLIENT", "INFO")
	if err != nil || !strings.Contains(info.Str, " age=0 ") || !strings.Contains(info.Str, " resp=2\n") {
		t.Fatalf("CLIENT INFO = %q, %v", info.Str, err)
	}
	conn, err := s.Dial(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("CLIENT ID\r\n")); err != nil {
		t.Fatal(err)
	}
	v, err := resp.NewReader(conn).ReadValue()
	if err != nil || v.Int <= last+1 { // CLIENT INFO's client took last+1
		t.Fatalf("a connection made after the Do calls has id %v (%v), want more than %d", v, err, last+1)
	}
}

// TestDoReplyBuffers checks that Do's pooled reply buffers never leak one
// call's reply into another's: concurrent calls with replies of different
// sizes, some larger than the pool keeps, each get their own.
func TestDoReplyBuffers(t *testing.T) {
	s, _ := openManual(t)
	ctx := context.Background()
	big := strings.Repeat("x", doBufferMax+1)
	s.Set("big", big)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			own := "value-" + strings.Repeat("y", g)
			key := "k" + own
			for i := 0; i < 300; i++ {
				if _, err := s.Do(ctx, "SET", key, own); err != nil {
					t.Error(err)
					return
				}
				if v, err := s.Do(ctx, "GET", key); err != nil || v.Str != own {
					t.Errorf("GET %s = %q, %v", key, v.Str, err)
					return
				}
				if i%50 == g {
					if v, err := s.Do(ctx, "GET", "big"); err != nil || v.Str != big {
						t.Errorf("GET big = %d bytes, %v", len(v.Str), err)
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	if raceEnabled {
		return // the race detector makes sync.Pool drop items at random
	}
	s.Set("k", "value")
	allocs := testing.AllocsPerRun(1000, func() {
		if v, err := s.Do(ctx, "GET", "k"); err != nil || v.Str != "value" {
			t.Fatalf("GET k = %v, %v", v, err)
		}
	})
	if allocs > 1 { // the reply's string
		t.Fatalf("Do GET allocates %v times per call", allocs)
	}
}

// TestUnboundedRepliesEndWithTheClient: SRANDMEMBER, HRANDFIELD and
// ZRANDMEMBER with a huge negative count ask for more members than memory
// holds (redis-server 7.0 itself runs on until it is killed). Here such a
// command stops once its client stops waiting: a go-redis call fails at its
// timeout, a Do call when its ctx ends, and the Store goes on serving with
// its data intact.
func TestUnboundedRepliesEndWithTheClient(t *testing.T) {
	s := openStore(t, Options{})
	ctx := context.Background()
	for _, c := range [][]string{
		{"SADD", "s", "a", "b"},
		{"HSET", "h", "f", "v"},
		{"ZADD", "z", "1", "m"},
	} {
		if _, err := s.Do(ctx, c...); err != nil {
			t.Fatal(err)
		}
	}
	rdb := newGoRedis(t, s, goredis.Options{WriteTimeout: 200 * time.Millisecond, MaxRetries: -1})
	calls := []struct {
		name string
		run  func() error
		args []string
	}{
		{"SRANDMEMBER", func() error { return rdb.SRandMemberN(ctx, "s", -math.MaxInt64).Err() }, []string{"SRANDMEMBER", "s", "-9223372036854775807"}},
		{"HRANDFIELD", func() error { return rdb.HRandField(ctx, "h", -math.MaxInt64/2).Err() }, []string{"HRANDFIELD", "h", "-4611686018427387903"}},
		{"ZRANDMEMBER", func() error { return rdb.ZRandMember(ctx, "z", -math.MaxInt64/2).Err() }, []string{"ZRANDMEMBER", "z", "-4611686018427387903"}},
	}
	for _, c := range calls {
		done := make(chan error, 1)
		go func() { done <- c.run() }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "timeout") {
				t.Errorf("%s over go-redis: %v, want a timeout", c.name, err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s over go-redis did not end at the client's timeout", c.name)
		}

		dctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
		go func() {
			_, err := s.Do(dctx, c.args...)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("Do %s: %v, want context.DeadlineExceeded", c.name, err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("Do %s did not end with its ctx", c.name)
		}
		cancel()
	}
	if n, err := rdb.SCard(ctx, "s").Result(); err != nil || n != 2 {
		t.Fatalf("SCARD after = %d, %v", n, err)
	}
	if v, err := rdb.HGet(ctx, "h", "f").Result(); err != nil || v != "v" {
		t.Fatalf("HGET after = %q, %v", v, err)
	}
}
