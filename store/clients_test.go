package store

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	redigo "github.com/gomodule/redigo/redis"
	goredis "github.com/redis/go-redis/v9"
	"github.com/redis/rueidis"
)

// These tests drive a Store through the three common Go clients over its
// in-memory Dial, as an application's tests would.

func openStore(t *testing.T, opts Options) *Store {
	t.Helper()
	s, err := Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newGoRedis(t *testing.T, s *Store, opts goredis.Options) *goredis.Client {
	t.Helper()
	opts.Dialer = s.Dial
	c := goredis.NewClient(&opts)
	t.Cleanup(func() { c.Close() })
	return c
}

func TestGoRedisBasics(t *testing.T) {
	for _, proto := range []int{2, 3} {
		t.Run(map[int]string{2: "RESP2", 3: "RESP3"}[proto], func(t *testing.T) {
			ctx := context.Background()
			s := openStore(t, Options{})
			c := newGoRedis(t, s, goredis.Options{Protocol: proto})

			if err := c.Ping(ctx).Err(); err != nil {
				t.Fatalf("PING: %v", err)
			}
			hello, err := c.Do(ctx, "HELLO", proto).Result()
			if err != nil {
				t.Fatalf("HELLO %d: %v", proto, err)
			}
			checkHelloProto(t, hello, proto)

			if err := c.Set(ctx, "k", "v", 0).Err(); err != nil {
				t.Fatalf("SET: %v", err)
			}
			if v, err := c.Get(ctx, "k").Result(); err != nil || v != "v" {
				t.Fatalf("GET = %q, %v", v, err)
			}
			if _, err := c.Get(ctx, "missing").Result(); !errors.Is(err, goredis.Nil) {
				t.Fatalf("GET missing: %v, want redis.Nil", err)
			}
			if n, err := c.Incr(ctx, "n").Result(); err != nil || n != 1 {
				t.Fatalf("INCR = %d, %v", n, err)
			}
			if n, err := c.IncrBy(ctx, "n", 41).Result(); err != nil || n != 42 {
				t.Fatalf("INCRBY = %d, %v", n, err)
			}
			if f, err := c.IncrByFloat(ctx, "f", 1.5).Result(); err != nil || f != 1.5 {
				t.Fatalf("INCRBYFLOAT = %v, %v", f, err)
			}
			if err := c.Incr(ctx, "k").Err(); err == nil || !strings.HasPrefix(err.Error(), "ERR value is not an integer") {
				t.Fatalf("INCR on a non-integer: %v", err)
			}
			if ok, err := c.Expire(ctx, "k", time.Minute).Result(); err != nil || !ok {
				t.Fatalf("EXPIRE = %v, %v", ok, err)
			}
			if ttl, err := c.TTL(ctx, "k").Result(); err != nil || ttl <= 58*time.Second || ttl > time.Minute {
				t.Fatalf("TTL = %v, %v", ttl, err)
			}
			if ttl, err := c.PTTL(ctx, "k").Result(); err != nil || ttl <= 58*time.Second || ttl > time.Minute {
				t.Fatalf("PTTL = %v, %v", ttl, err)
			}
			if ttl, err := c.TTL(ctx, "n").Result(); err != nil || ttl != -1 {
				t.Fatalf("TTL without expiry = %v, %v", ttl, err)
			}
			if err := c.Set(ctx, "e", "x", 90*time.Second).Err(); err != nil {
				t.Fatalf("SET EX: %v", err)
			}
			vals, err := c.MGet(ctx, "k", "missing", "n").Result()
			if err != nil || len(vals) != 3 || vals[0] != "v" || vals[1] != nil || vals[2] != "42" {
				t.Fatalf("MGET = %#v, %v", vals, err)
			}
			if err := c.MSet(ctx, "a", "1", "b", "2").Err(); err != nil {
				t.Fatalf("MSET: %v", err)
			}
			if n, err := c.Exists(ctx, "a", "b", "zz").Result(); err != nil || n != 2 {
				t.Fatalf("EXISTS = %d, %v", n, err)
			}
			if n, err := c.SetBit(ctx, "bits", 7, 1).Result(); err != nil || n != 0 {
				t.Fatalf("SETBIT = %d, %v", n, err)
			}
			if n, err := c.BitCount(ctx, "bits", nil).Result(); err != nil || n != 1 {
				t.Fatalf("BITCOUNT = %d, %v", n, err)
			}

			// A pipeline: every reply in order.
			cmds, err := c.Pipelined(ctx, func(p goredis.Pipeliner) error {
				p.Set(ctx, "p1", "a", 0)
				p.Append(ctx, "p1", "bc")
				p.Get(ctx, "p1")
				p.Incr(ctx, "p2")
				p.Get(ctx, "p1-missing")
				p.Del(ctx, "p1", "p2")
				return nil
			})
			if err != nil && !errors.Is(err, goredis.Nil) {
				t.Fatalf("pipeline: %v", err)
			}
			if len(cmds) != 6 {
				t.Fatalf("pipeline: %d replies", len(cmds))
			}
			if got := cmds[2].(*goredis.StringCmd).Val(); got != "abc" {
				t.Fatalf("pipelined GET = %q", got)
			}
			if got := cmds[3].(*goredis.IntCmd).Val(); got != 1 {
				t.Fatalf("pipelined INCR = %d", got)
			}
			if got := cmds[5].(*goredis.IntCmd).Val(); got != 2 {
				t.Fatalf("pipelined DEL = %d", got)
			}

			// The typed API sees what the client wrote.
			v, err := s.Do(ctx, "GET", "n")
			if err != nil || v.Str != "42" {
				t.Fatalf("Do GET n = %v, %v", v, err)
			}
		})
	}
}

// checkHelloProto checks the "proto" field of a HELLO reply as go-redis
// decodes it (a map in RESP3, a flat list in RESP2).
func checkHelloProto(t *testing.T, hello any, proto int) {
	t.Helper()
	switch h := hello.(type) {
	case map[any]any:
		if h["proto"] != int64(proto) {
			t.Fatalf("HELLO proto = %#v, want %d", h["proto"], proto)
		}
	case []any:
		for i := 0; i+1 < len(h); i += 2 {
			if h[i] == "proto" {
				if h[i+1] != int64(proto) {
					t.Fatalf("HELLO proto = %#v, want %d", h[i+1], proto)
				}
				return
			}
		}
		t.Fatalf("HELLO reply has no proto: %#v", h)
	default:
		t.Fatalf("HELLO reply %T %#v", hello, hello)
	}
}

func TestGoRedisAuth(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, Options{Password: "secret"})
	for _, proto := range []int{2, 3} {
		good := newGoRedis(t, s, goredis.Options{Protocol: proto, Password: "secret"})
		if err := good.Set(ctx, "k", "v", 0).Err(); err != nil {
			t.Fatalf("RESP%d with the password: SET: %v", proto, err)
		}
		if v, err := good.Get(ctx, "k").Result(); err != nil || v != "v" {
			t.Fatalf("RESP%d with the password: GET = %q, %v", proto, v, err)
		}

		bad := newGoRedis(t, s, goredis.Options{Protocol: proto, Password: "wrong", MaxRetries: -1})
		err := bad.Get(ctx, "k").Err()
		if err == nil || !strings.HasPrefix(err.Error(), "WRONGPASS") {
			t.Fatalf("RESP%d with a wrong password: %v, want WRONGPASS", proto, err)
		}

		none := newGoRedis(t, s, goredis.Options{Protocol: proto, MaxRetries: -1})
		err = none.Get(ctx, "k").Err()
		if err == nil || !strings.HasPrefix(err.Error(), "NOAUTH") {
			t.Fatalf("RESP%d without a password: %v, want NOAUTH", proto, err)
		}
	}
}

func TestGoRedisDB(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, Options{})
	c := newGoRedis(t, s, goredis.Options{DB: 3})
	if err := c.Set(ctx, "k", "in3", 0).Err(); err != nil {
		t.Fatal(err)
	}
	if v, err := s.Select(3).Do(ctx, "GET", "k"); err != nil || v.Str != "in3" {
		t.Fatalf("db 3 GET k = %v, %v", v, err)
	}
	if v, err := s.Do(ctx, "EXISTS", "k"); err != nil || v.Int != 0 {
		t.Fatalf("db 0 EXISTS k = %v, %v", v, err)
	}
	// Every connection of the pool is on database 3.
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if v, err := c.Get(ctx, "k").Result(); err != nil || v != "in3" {
				t.Errorf("GET from the pool = %q, %v", v, err)
			}
		}()
	}
	wg.Wait()
}

func TestGoRedisManualClock(t *testing.T) {
	ctx := context.Background()
	clock := NewManualClock(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	s := openStore(t, Options{Clock: clock})
	c := newGoRedis(t, s, goredis.Options{})

	if err := c.Set(ctx, "session", "abc", 30*time.Second).Err(); err != nil {
		t.Fatal(err)
	}
	if err := c.Set(ctx, "forever", "x", 0).Err(); err != nil {
		t.Fatal(err)
	}
	clock.Advance(29 * time.Second)
	if ttl, err := c.TTL(ctx, "session").Result(); err != nil || ttl != time.Second {
		t.Fatalf("TTL after 29s = %v, %v", ttl, err)
	}
	if ttl, err := c.PTTL(ctx, "session").Result(); err != nil || ttl != time.Second {
		t.Fatalf("PTTL after 29s = %v, %v", ttl, err)
	}
	if v, err := c.Get(ctx, "session").Result(); err != nil || v != "abc" {
		t.Fatalf("GET after 29s = %q, %v", v, err)
	}
	clock.Advance(time.Second)
	if _, err := c.Get(ctx, "session").Result(); !errors.Is(err, goredis.Nil) {
		t.Fatalf("GET after 30s: %v, want redis.Nil", err)
	}
	if n, err := c.Exists(ctx, "session", "forever").Result(); err != nil || n != 1 {
		t.Fatalf("EXISTS after 30s = %d, %v", n, err)
	}
	// The sweeper runs inside Advance: the key is gone, not just hidden.
	if n, err := c.DBSize(ctx).Result(); err != nil || n != 1 {
		t.Fatalf("DBSIZE after 30s = %d, %v", n, err)
	}
	// EXPIREAT in the clock's time.
	if ok, err := c.ExpireAt(ctx, "forever", clock.Now().Add(time.Hour)).Result(); err != nil || !ok {
		t.Fatalf("EXPIREAT = %v, %v", ok, err)
	}
	clock.Advance(time.Hour)
	if n, err := c.Exists(ctx, "forever").Result(); err != nil || n != 0 {
		t.Fatalf("EXISTS after EXPIREAT = %d, %v", n, err)
	}
}

func TestGoRedisConcurrentIncr(t *testing.T) {
	const goroutines, each = 50, 200
	ctx := context.Background()
	s := openStore(t, Options{})
	c := newGoRedis(t, s, goredis.Options{PoolSize: 10})
	var wg sync.WaitGroup
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				if err := c.Incr(ctx, "counter").Err(); err != nil {
					t.Errorf("INCR: %v", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if n, err := c.Get(ctx, "counter").Int(); err != nil || n != goroutines*each {
		t.Fatalf("counter = %d, %v; want %d", n, err, goroutines*each)
	}
}

func rueidisClient(t *testing.T, s *Store, opt rueidis.ClientOption) (rueidis.Client, error) {
	t.Helper()
	opt.InitAddress = []string{"embedis"}
	opt.DialCtxFn = func(ctx context.Context, addr string, _ *net.Dialer, _ *tls.Config) (net.Conn, error) {
		return s.Dial(ctx, "tcp", addr)
	}
	c, err := rueidis.NewClient(opt)
	if err == nil {
		t.Cleanup(c.Close)
	}
	return c, err
}

func TestRueidis(t *testing.T) {
	ctx := context.Background()
	s := openStore(t, Options{})

	// rueidis's default, client-side caching, needs CLIENT TRACKING, which
	// the Store does not have yet: it says so and asks for DisableCache.
	if c, err := rueidisClient(t, s, rueidis.ClientOption{}); err == nil {
		c.Close()
		t.Log("rueidis connected with client-side caching on: CLIENT TRACKING exists now")
	} else if !errors.Is(err, rueidis.ErrNoCache) {
		t.Fatalf("rueidis with caching: %v, want ErrNoCache", err)
	}

	for _, resp2 := range []bool{false, true} {
		c, err := rueidisClient(t, s, rueidis.ClientOption{DisableCache: true, AlwaysRESP2: resp2, SelectDB: 2})
		if err != nil {
			t.Fatalf("rueidis (RESP2 %v): %v", resp2, err)
		}
		key := "ru" + map[bool]string{false: "3", true: "2"}[resp2]
		if err := c.Do(ctx, c.B().Set().Key(key).Value("v").ExSeconds(100).Build()).Error(); err != nil {
			t.Fatalf("SET: %v", err)
		}
		if v, err := c.Do(ctx, c.B().Get().Key(key).Build()).ToString(); err != nil || v != "v" {
			t.Fatalf("GET = %q, %v", v, err)
		}
		if err := c.Do(ctx, c.B().Get().Key("missing").Build()).Error(); !rueidis.IsRedisNil(err) {
			t.Fatalf("GET missing: %v, want nil", err)
		}
		if ttl, err := c.Do(ctx, c.B().Ttl().Key(key).Build()).AsInt64(); err != nil || ttl < 99 || ttl > 100 {
			t.Fatalf("TTL = %d, %v", ttl, err)
		}
		if n, err := c.Do(ctx, c.B().Incrby().Key(key+"n").Increment(5).Build()).AsInt64(); err != nil || n != 5 {
			t.Fatalf("INCRBY = %d, %v", n, err)
		}
		// rueidis's RedisError.Error() leaves out the "ERR " code.
		if err := c.Do(ctx, c.B().Incr().Key(key).Build()).Error(); err == nil || !strings.Contains(err.Error(), "value is not an integer") {
			t.Fatalf("INCR on a non-integer: %v", err)
		}
		res := c.DoMulti(ctx,
			c.B().Set().Key("m1").Value("1").Build(),
			c.B().Incr().Key("m1").Build(),
			c.B().Mget().Key("m1", "missing", key).Build(),
			c.B().Del().Key("m1").Build(),
		)
		if n, err := res[1].AsInt64(); err != nil || n != 2 {
			t.Fatalf("pipelined INCR = %d, %v", n, err)
		}
		arr, err := res[2].ToArray()
		if err != nil || len(arr) != 3 {
			t.Fatalf("pipelined MGET = %v, %v", arr, err)
		}
		if v, _ := arr[0].ToString(); v != "2" {
			t.Fatalf("MGET[0] = %q", v)
		}
		if !arr[1].IsNil() {
			t.Fatalf("MGET[1] is not nil")
		}
		if n, err := res[3].AsInt64(); err != nil || n != 1 {
			t.Fatalf("pipelined DEL = %d, %v", n, err)
		}
		// SelectDB reached the store.
		if v, err := s.Select(2).Do(ctx, "GET", key); err != nil || v.Str != "v" {
			t.Fatalf("db 2 GET %s = %v, %v", key, v, err)
		}
	}
}

func TestRedigo(t *testing.T) {
	s := openStore(t, Options{Password: "pw"})
	dial := func(opts ...redigo.DialOption) (redigo.Conn, error) {
		opts = append(opts, redigo.DialContextFunc(func(ctx context.Context, network, addr string) (net.Conn, error) {
			return s.Dial(ctx, network, addr)
		}))
		return redigo.Dial("tcp", "embedis", opts...)
	}
	c, err := dial(redigo.DialPassword("pw"), redigo.DialDatabase(1))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if v, err := redigo.String(c.Do("SET", "k", "v", "EX", 100)); err != nil || v != "OK" {
		t.Fatalf("SET = %q, %v", v, err)
	}
	if v, err := redigo.String(c.Do("GET", "k")); err != nil || v != "v" {
		t.Fatalf("GET = %q, %v", v, err)
	}
	if _, err := redigo.String(c.Do("GET", "missing")); !errors.Is(err, redigo.ErrNil) {
		t.Fatalf("GET missing: %v, want ErrNil", err)
	}
	if n, err := redigo.Int(c.Do("TTL", "k")); err != nil || n < 99 || n > 100 {
		t.Fatalf("TTL = %d, %v", n, err)
	}
	if _, err := c.Do("INCR", "k"); err == nil || !strings.HasPrefix(err.Error(), "ERR value is not an integer") {
		t.Fatalf("INCR on a non-integer: %v", err)
	}
	// Pipelining with Send, Flush and Receive.
	c.Send("MSET", "a", "1", "b", "2")
	c.Send("INCRBY", "a", 10)
	c.Send("MGET", "a", "b", "missing")
	if err := c.Flush(); err != nil {
		t.Fatal(err)
	}
	if v, err := redigo.String(c.Receive()); err != nil || v != "OK" {
		t.Fatalf("MSET = %q, %v", v, err)
	}
	if n, err := redigo.Int(c.Receive()); err != nil || n != 11 {
		t.Fatalf("INCRBY = %d, %v", n, err)
	}
	vals, err := redigo.Values(c.Receive())
	if err != nil || len(vals) != 3 || string(vals[0].([]byte)) != "11" || vals[2] != nil {
		t.Fatalf("MGET = %#v, %v", vals, err)
	}
	if v, err := s.Select(1).Do(context.Background(), "GET", "b"); err != nil || v.Str != "2" {
		t.Fatalf("db 1 GET b = %v, %v", v, err)
	}

	// A wrong password, and none.
	if _, err := dial(redigo.DialPassword("nope")); err == nil || !strings.HasPrefix(err.Error(), "WRONGPASS") {
		t.Fatalf("wrong password: %v, want WRONGPASS", err)
	}
	nc, err := dial()
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	if _, err := nc.Do("GET", "k"); err == nil || !strings.HasPrefix(err.Error(), "NOAUTH") {
		t.Fatalf("no password: %v, want NOAUTH", err)
	}

	// A pool shared by goroutines.
	pool := &redigo.Pool{MaxIdle: 4, Dial: func() (redigo.Conn, error) { return dial(redigo.DialPassword("pw")) }}
	defer pool.Close()
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pc := pool.Get()
			defer pc.Close()
			for range 50 {
				if _, err := pc.Do("INCR", "pooled"); err != nil {
					t.Errorf("INCR: %v", err)
					return
				}
			}
		}()
	}
	wg.Wait()
	pc := pool.Get()
	defer pc.Close()
	if n, err := redigo.Int(pc.Do("GET", "pooled")); err != nil || n != 1000 {
		t.Fatalf("pooled = %d, %v", n, err)
	}
}
