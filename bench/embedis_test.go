package bench

import (
	"context"
	"errors"
	"fmt"

	"github.com/embedis/embedis/store"
	"github.com/redis/go-redis/v9"
)

// Embedis three ways: the typed Go API, Do (the command table, as Lua and
// the AOF use it), and go-redis over Store.Dial (an in-memory connection
// speaking RESP: what a test fake or drop-in user gets).
func embedisPeers() []peer {
	return []peer{
		{name: "embedis-typed", open: openEmbedisTyped},
		{name: "embedis-do", open: openEmbedisDo},
		{name: "embedis-goredis-dial", network: true, open: openEmbedisGoRedis},
	}
}

func openEmbedis(n int) (*store.Store, error) {
	s, err := store.Open(store.Options{})
	if err != nil {
		return nil, err
	}
	for i := 0; i < n; i++ {
		if _, err := s.Set(keys[i], preloadValues[i]); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

type embedisKV struct{ s *store.Store }

func openEmbedisTyped(n int) (kv, func(), error) {
	s, err := openEmbedis(n)
	if err != nil {
		return nil, nil, err
	}
	return embedisKV{s}, func() { s.Close() }, nil
}

func (e embedisKV) Get(key string) error {
	_, err := e.s.Get(key)
	if errors.Is(err, store.ErrNil) {
		return errMissing
	}
	return err
}

func (e embedisKV) Set(key, value string) error {
	_, err := e.s.Set(key, value)
	return err
}

func (e embedisKV) Incr(key string) error {
	_, err := e.s.Incr(key)
	return err
}

func (e embedisKV) MSet(cmd []string) error { return e.s.MSet(cmd[1:]...) }

func (e embedisKV) MGet(cmd []string) error {
	vals, err := e.s.MGet(cmd[1:]...)
	if err != nil {
		return err
	}
	for _, v := range vals {
		if !v.Valid {
			return errMissing
		}
	}
	return nil
}

type embedisDoKV struct{ s *store.Store }

func openEmbedisDo(n int) (kv, func(), error) {
	s, err := openEmbedis(n)
	if err != nil {
		return nil, nil, err
	}
	return embedisDoKV{s}, func() { s.Close() }, nil
}

func (e embedisDoKV) do(args ...string) error {
	v, err := e.s.Do(context.Background(), args...)
	if err != nil {
		return err
	}
	if err := v.Err(); err != nil {
		return err
	}
	if v.IsNull() {
		return errMissing
	}
	return nil
}

func (e embedisDoKV) Get(key string) error        { return e.do("GET", key) }
func (e embedisDoKV) Set(key, value string) error { return e.do("SET", key, value) }
func (e embedisDoKV) Incr(key string) error       { return e.do("INCR", key) }

func (e embedisDoKV) MGet(cmd []string) error {
	cmd[0] = "MGET"
	return e.do(cmd...)
}

func (e embedisDoKV) MSet(cmd []string) error {
	cmd[0] = "MSET"
	return e.do(cmd...)
}

func openEmbedisGoRedis(n int) (kv, func(), error) {
	s, err := openEmbedis(n)
	if err != nil {
		return nil, nil, err
	}
	rdb := redis.NewClient(&redis.Options{Dialer: s.Dial, PoolSize: goredisPoolSize})
	c := goredisKV{rdb}
	if err := c.Get(keys[0]); err != nil {
		rdb.Close()
		s.Close()
		return nil, nil, fmt.Errorf("go-redis over Store.Dial: %w", err)
	}
	return c, func() { rdb.Close(); s.Close() }, nil
}
