package bench

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/embedis/embedis/store"
	"github.com/redis/go-redis/v9"
)

// BenchmarkBlockingHandoff measures a blocked BLPOP's wake-up: each
// operation pushes one element onto a list a consumer is blocked on and
// waits until the consumer has it. wake-ns is the time from just before
// the push to the consumer's return (issue 3's bar: within 1 ms).
func BenchmarkBlockingHandoff(b *testing.B) {
	b.Run("peer=embedis-typed", func(b *testing.B) {
		s, err := store.Open(store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		q := s.List("q")
		handoff(b,
			func() error { _, err := q.RPush("x"); return err },
			func(ctx context.Context) error { _, _, err := s.BLPop(ctx, 0, "q"); return err })
	})
	b.Run("peer=embedis-goredis-dial", func(b *testing.B) {
		s, err := store.Open(store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		handoffGoRedis(b, func() *redis.Client { return redis.NewClient(&redis.Options{Dialer: s.Dial}) })
	})
	b.Run("peer=redis-goredis-tcp", func(b *testing.B) {
		addr, err := redisAddr()
		if err != nil {
			b.Skip(err)
		}
		handoffGoRedis(b, func() *redis.Client { return redis.NewClient(&redis.Options{Addr: addr}) })
	})
}

func handoffGoRedis(b *testing.B, newClient func() *redis.Client) {
	ctx := context.Background()
	producer, consumer := newClient(), newClient()
	defer producer.Close()
	defer consumer.Close()
	producer.Del(ctx, "q")
	handoff(b,
		func() error { return producer.RPush(ctx, "q", "x").Err() },
		func(ctx context.Context) error { return consumer.BLPop(ctx, 0, "q").Err() })
}

// handoff runs b.N push→wake round trips between push and a consumer
// goroutine looping on pop.
func handoff(b *testing.B, push func() error, pop func(ctx context.Context) error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	woke := make(chan time.Time)
	go func() {
		for {
			if err := pop(ctx); err != nil {
				close(woke)
				return
			}
			woke <- time.Now()
		}
	}()
	var total time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Let the consumer block first: the bar is about a waiting client.
		time.Sleep(20 * time.Microsecond)
		start := time.Now()
		if err := push(); err != nil {
			b.Fatal(err)
		}
		at, ok := <-woke
		if !ok {
			b.Fatal("the consumer failed")
		}
		total += at.Sub(start)
	}
	b.StopTimer()
	b.ReportMetric(float64(total.Nanoseconds())/float64(b.N), "wake-ns")
}

// BenchmarkLPushWithWaiters is LPUSH+LPOP on a key nobody waits for, with
// 0 or 10,000 clients blocked on other keys (the bar: they add no cost).
func BenchmarkLPushWithWaiters(b *testing.B) {
	for _, waiters := range []int{0, 10000} {
		b.Run("waiters="+strconv.Itoa(waiters), func(b *testing.B) {
			s, err := store.Open(store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			ctx, cancel := context.WithCancel(context.Background())
			var wg sync.WaitGroup
			for i := 0; i < waiters; i++ {
				wg.Add(1)
				go func(i int) {
					defer wg.Done()
					s.BLPop(ctx, 0, "waiting:"+strconv.Itoa(i))
				}(i)
			}
			// Wait until every waiter is queued: a push to the last key
			// must be taken.
			if waiters > 0 {
				time.Sleep(100 * time.Millisecond)
			}
			l := s.List("unrelated")
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := l.LPush("x"); err != nil {
					b.Fatal(err)
				}
				if _, err := l.LPop(); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			cancel()
			wg.Wait()
		})
	}
}
