package store_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/embedis/embedis/store"
	"github.com/redis/go-redis/v9"
)

func Example() {
	s, _ := store.Open(store.Options{})
	defer s.Close()

	s.Set("page:1:views", "0", store.TTL(time.Hour))
	n, _ := s.IncrBy("page:1:views", 1)
	fmt.Println("views:", n)

	// Any command by name, with Redis's replies and errors.
	ctx := context.Background()
	v, _ := s.Do(ctx, "SET", "lock:sku:7", "owner-a", "NX", "PX", "10000")
	fmt.Println("lock:", v)
	v, _ = s.Do(ctx, "SET", "lock:sku:7", "owner-b", "NX", "PX", "10000")
	fmt.Println("second lock:", v)
	_, err := s.Do(ctx, "INCR", "lock:sku:7")
	fmt.Println(err, errors.Is(err, store.ErrNotInteger))
	// Output:
	// views: 1
	// lock: OK
	// second lock: (nil)
	// ERR value is not an integer or out of range true
}

func ExampleManualClock() {
	clock := store.NewManualClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	s, _ := store.Open(store.Options{Clock: clock})
	defer s.Close()

	s.Set("session:42", "alice", store.TTL(30*time.Minute))
	clock.Advance(29 * time.Minute)
	fmt.Println(s.Get("session:42"))
	clock.Advance(time.Minute)
	_, err := s.Get("session:42")
	fmt.Println(err == store.ErrNil, s.DBSize())
	// Output:
	// alice <nil>
	// true 0
}

func ExampleStore_Select() {
	s, _ := store.Open(store.Options{})
	defer s.Close()
	s.Select(3).Set("k", "in db 3")
	_, err := s.Get("k")
	v, _ := s.Select(3).Get("k")
	fmt.Println(err, "/", v)
	// Output: embedis: nil / in db 3
}

func ExampleDB_Scan() {
	s, _ := store.Open(store.Options{})
	defer s.Close()
	s.MSet("user:1", "a", "user:2", "b", "order:1", "c")
	n := 0
	for range s.Scan("user:*") {
		n++
	}
	fmt.Println(n, "users")
	// Output: 2 users
}

// A Store speaks RESP on in-memory connections: go-redis (and rueidis,
// redigo) use it unchanged through their dialer hook, with no socket.
func ExampleStore_Dial() {
	s, _ := store.Open(store.Options{})
	defer s.Close()
	rdb := redis.NewClient(&redis.Options{Dialer: s.Dial})
	defer rdb.Close()

	ctx := context.Background()
	rdb.Set(ctx, "greeting", "hello", time.Minute)
	fmt.Println(rdb.Get(ctx, "greeting").Val(), rdb.TTL(ctx, "greeting").Val())
	fmt.Println(rdb.Incr(ctx, "greeting").Err())
	_, err := rdb.Get(ctx, "missing").Result()
	fmt.Println(err == redis.Nil)
	// Output:
	// hello 1m0s
	// ERR value is not an integer or out of range
	// true
}
