package bench

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/alicebob/miniredis/v2"
	"github.com/maypok86/otter/v2"
	gocache "github.com/patrickmn/go-cache"
	"github.com/redis/go-redis/v9"
	"github.com/tidwall/buntdb"
)

// goredisPoolSize leaves room for networkGoroutines concurrent requests.
const goredisPoolSize = networkGoroutines + 14

func otherPeers() []peer {
	return []peer{
		{name: "gocache", open: openGoCache},
		{name: "otter", open: openOtter},
		{name: "buntdb", open: openBuntDB},
		{name: "miniredis-direct", open: openMiniredisDirect},
		{name: "miniredis-goredis-tcp", network: true, open: openMiniredisTCP},
		{name: "redis-goredis-tcp", network: true, open: openRedisTCP},
	}
}

func incrString(s string) (string, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return "", err
	}
	return strconv.FormatInt(n+1, 10), nil
}

// go-cache (patrickmn/go-cache): a map under one RWMutex, values as any.

type goCacheKV struct{ c *gocache.Cache }

func openGoCache(n int) (kv, func(), error) {
	c := gocache.New(gocache.NoExpiration, 0)
	for i := 0; i < n; i++ {
		c.Set(keys[i], preloadValues[i], gocache.NoExpiration)
	}
	return goCacheKV{c}, func() {}, nil
}

func (g goCacheKV) Get(key string) error {
	v, ok := g.c.Get(key)
	if !ok {
		return errMissing
	}
	_ = v.(string)
	return nil
}

func (g goCacheKV) Set(key, value string) error {
	g.c.Set(key, value, gocache.NoExpiration)
	return nil
}

// Incr is a Get and a Set: go-cache's Increment works only on values stored
// as Go numbers, and it has no atomic read-modify-write on strings. So this
// is not atomic, which flatters go-cache (see README.md).
func (g goCacheKV) Incr(key string) error {
	v, ok := g.c.Get(key)
	if !ok {
		return errMissing
	}
	next, err := incrString(v.(string))
	if err != nil {
		return err
	}
	g.c.Set(key, next, gocache.NoExpiration)
	return nil
}

// MSet: go-cache has no multi-set; one Set per pair.
func (g goCacheKV) MSet(cmd []string) error { return setPairs(g, cmd[1:]) }

// MGet: go-cache has no multi-get; one Get per key.
func (g goCacheKV) MGet(cmd []string) error {
	for _, k := range cmd[1:] {
		if err := g.Get(k); err != nil {
			return err
		}
	}
	return nil
}

// otter v2 (maypok86/otter): a concurrent cache, here unbounded.

type otterKV struct{ c *otter.Cache[string, string] }

func openOtter(n int) (kv, func(), error) {
	c, err := otter.New(&otter.Options[string, string]{InitialCapacity: n})
	if err != nil {
		return nil, nil, err
	}
	for i := 0; i < n; i++ {
		c.Set(keys[i], preloadValues[i])
	}
	return otterKV{c}, func() { c.StopAllGoroutines() }, nil
}

func (o otterKV) Get(key string) error {
	if _, ok := o.c.GetIfPresent(key); !ok {
		return errMissing
	}
	return nil
}

func (o otterKV) Set(key, value string) error {
	o.c.Set(key, value)
	return nil
}

// Incr uses Compute, otter's atomic read-modify-write.
func (o otterKV) Incr(key string) error {
	var err error
	o.c.Compute(key, func(old string, found bool) (string, otter.ComputeOp) {
		if !found {
			err = errMissing
			return old, otter.CancelOp
		}
		next, perr := incrString(old)
		if perr != nil {
			err = perr
			return old, otter.CancelOp
		}
		return next, otter.WriteOp
	})
	return err
}

// MSet: one Set per pair.
func (o otterKV) MSet(cmd []string) error { return setPairs(o, cmd[1:]) }

// MGet: one GetIfPresent per key (BulkGet is for loaders).
func (o otterKV) MGet(cmd []string) error {
	for _, k := range cmd[1:] {
		if err := o.Get(k); err != nil {
			return err
		}
	}
	return nil
}

// BuntDB (tidwall/buntdb): an in-memory B-tree database with transactions,
// here with no file (":memory:").

type buntKV struct{ db *buntdb.DB }

func openBuntDB(n int) (kv, func(), error) {
	db, err := buntdb.Open(":memory:")
	if err != nil {
		return nil, nil, err
	}
	const batch = 10_000
	for lo := 0; lo < n; lo += batch {
		hi := min(lo+batch, n)
		err := db.Update(func(tx *buntdb.Tx) error {
			for i := lo; i < hi; i++ {
				if _, _, err := tx.Set(keys[i], preloadValues[i], nil); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			db.Close()
			return nil, nil, err
		}
	}
	return buntKV{db}, func() { db.Close() }, nil
}

func (k buntKV) Get(key string) error {
	return k.db.View(func(tx *buntdb.Tx) error {
		_, err := tx.Get(key)
		return err
	})
}

func (k buntKV) Set(key, value string) error {
	return k.db.Update(func(tx *buntdb.Tx) error {
		_, _, err := tx.Set(key, value, nil)
		return err
	})
}

// Incr is a Get and a Set in one write transaction: atomic.
func (k buntKV) Incr(key string) error {
	return k.db.Update(func(tx *buntdb.Tx) error {
		v, err := tx.Get(key)
		if err != nil {
			return err
		}
		next, err := incrString(v)
		if err != nil {
			return err
		}
		_, _, err = tx.Set(key, next, nil)
		return err
	})
}

// MSet writes all pairs in one write transaction.
func (k buntKV) MSet(cmd []string) error {
	return k.db.Update(func(tx *buntdb.Tx) error {
		for i := 1; i+1 < len(cmd); i += 2 {
			if _, _, err := tx.Set(cmd[i], cmd[i+1], nil); err != nil {
				return err
			}
		}
		return nil
	})
}

// MGet reads all keys in one read transaction.
func (k buntKV) MGet(cmd []string) error {
	return k.db.View(func(tx *buntdb.Tx) error {
		for _, key := range cmd[1:] {
			if _, err := tx.Get(key); err != nil {
				return err
			}
		}
		return nil
	})
}

// miniredis v2 through its direct Go API (no network).

type miniredisKV struct{ m *miniredis.Miniredis }

func newMiniredis(n int) *miniredis.Miniredis {
	m := miniredis.NewMiniRedis()
	for i := 0; i < n; i++ {
		m.Set(keys[i], preloadValues[i])
	}
	return m
}

func openMiniredisDirect(n int) (kv, func(), error) {
	m := newMiniredis(n)
	return miniredisKV{m}, m.Close, nil
}

func (k miniredisKV) Get(key string) error {
	_, err := k.m.Get(key)
	return err
}

func (k miniredisKV) Set(key, value string) error { return k.m.Set(key, value) }

func (k miniredisKV) Incr(key string) error {
	_, err := k.m.Incr(key, 1)
	return err
}

// MSet: the direct API has no multi-set; one Set per pair.
func (k miniredisKV) MSet(cmd []string) error { return setPairs(k, cmd[1:]) }

// MGet: the direct API has no multi-get; one Get per key.
func (k miniredisKV) MGet(cmd []string) error {
	for _, key := range cmd[1:] {
		if _, err := k.m.Get(key); err != nil {
			return err
		}
	}
	return nil
}

// miniredis v2 served over loopback TCP, through go-redis. The data is
// loaded through the direct API (it is the same store).

func openMiniredisTCP(n int) (kv, func(), error) {
	m := newMiniredis(n)
	if err := m.Start(); err != nil {
		return nil, nil, err
	}
	rdb := redis.NewClient(&redis.Options{Addr: m.Addr(), PoolSize: goredisPoolSize, DisableIdentity: true})
	c := goredisKV{rdb}
	if err := c.Get(keys[0]); err != nil {
		rdb.Close()
		m.Close()
		return nil, nil, fmt.Errorf("miniredis over TCP: %w", err)
	}
	return c, func() { rdb.Close(); m.Close() }, nil
}

// redis-server over loopback TCP, through go-redis, loaded with pipelined
// MSETs.

func openRedisTCP(n int) (kv, func(), error) {
	addr, err := redisAddr()
	if err != nil {
		return nil, nil, err
	}
	rdb := redis.NewClient(&redis.Options{Addr: addr, PoolSize: goredisPoolSize})
	closeFn := func() {
		rdb.FlushAll(context.Background())
		rdb.Close()
	}
	if err := preloadRedis(rdb, n); err != nil {
		closeFn()
		return nil, nil, err
	}
	return goredisKV{rdb}, closeFn, nil
}

// preloadRedis loads keys[:n] with MSETs of 1,000 keys, 20 per pipeline.
func preloadRedis(rdb *redis.Client, n int) error {
	ctx := context.Background()
	if err := rdb.FlushAll(ctx).Err(); err != nil {
		return err
	}
	const perMSet, perPipe = 1000, 20
	pipe := rdb.Pipeline()
	queued := 0
	for lo := 0; lo < n; lo += perMSet {
		hi := min(lo+perMSet, n)
		args := make([]any, 0, 2*(hi-lo))
		for i := lo; i < hi; i++ {
			args = append(args, keys[i], preloadValues[i])
		}
		pipe.MSet(ctx, args...)
		if queued++; queued == perPipe {
			if _, err := pipe.Exec(ctx); err != nil {
				return err
			}
			queued = 0
		}
	}
	if queued > 0 {
		if _, err := pipe.Exec(ctx); err != nil {
			return err
		}
	}
	got, err := rdb.DBSize(ctx).Result()
	if err != nil {
		return err
	}
	if got != int64(n) {
		return fmt.Errorf("redis-server holds %d keys after preloading %d", got, n)
	}
	return nil
}

// goredisKV drives any server through a go-redis client: miniredis and
// redis-server over TCP, Embedis through Store.Dial.

type goredisKV struct{ c *redis.Client }

var bg = context.Background()

func (g goredisKV) Get(key string) error {
	err := g.c.Get(bg, key).Err()
	if errors.Is(err, redis.Nil) {
		return errMissing
	}
	return err
}

func (g goredisKV) Set(key, value string) error { return g.c.Set(bg, key, value, 0).Err() }

func (g goredisKV) Incr(key string) error { return g.c.Incr(bg, key).Err() }

func (g goredisKV) MSet(cmd []string) error {
	args := make([]any, len(cmd)-1)
	for i, s := range cmd[1:] {
		args[i] = s
	}
	return g.c.MSet(bg, args...).Err()
}

func (g goredisKV) MGet(cmd []string) error {
	vals, err := g.c.MGet(bg, cmd[1:]...).Result()
	if err != nil {
		return err
	}
	for _, v := range vals {
		if v == nil {
			return errMissing
		}
	}
	return nil
}

// setPairs stores the key-value pairs one Set at a time, for a peer
// without a multi-key write.
func setPairs(c kv, pairs []string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if err := c.Set(pairs[i], pairs[i+1]); err != nil {
			return err
		}
	}
	return nil
}
