package bench

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/embedis/embedis/store"
	"github.com/redis/go-redis/v9"
)

// The set type's benchmarks (bench/set_test.go is the string SET):
//
//	BenchmarkSIsMember/peer=<peer>/mode=<mode>   a hit in one set of n members
//	BenchmarkSAdd/peer=<peer>/mode=<mode>        a new member
//	BenchmarkSetMemory/peer=<peer>               heap per member, n members in one set
//
// Members are 16 bytes ("member:000000042"); n is EMBEDIS_BENCH_KEYS
// (default 1,000,000), so the preloaded set is a hashtable in every peer.
// SADD adds a member the set does not hold to a set that grows from empty
// to saddBatch members and is then deleted and started again (the DEL is
// timed: amortised over saddBatch adds); in parallel mode each goroutine
// has its own set, as independent writers would.

const (
	setKey    = "members"
	saddBatch = 1 << 16
)

func setMember(i int) string { return fmt.Sprintf("member:%09d", i) }

var (
	setDataOnce   sync.Once
	setMembers    []string // preloaded members
	lookupMembers []string // the same strings in separate memory, as a request's arguments
	newMembers    []string // saddBatch members never preloaded
)

func loadSetData() {
	setDataOnce.Do(func() {
		n := numKeys()
		setMembers = make([]string, n)
		lookupMembers = make([]string, n)
		for i := range setMembers {
			setMembers[i] = setMember(i)
			lookupMembers[i] = strings.Clone(setMembers[i])
		}
		newMembers = make([]string, saddBatch)
		for i := range newMembers {
			newMembers[i] = fmt.Sprintf("newmbr:%09d", i)
		}
	})
}

// setKV is what the set benchmarks need from a peer.
type setKV interface {
	SAdd(key, member string) error
	// SIsMember fails when member is not in the set.
	SIsMember(key, member string) error
	Del(key string) error
}

type setPeer struct {
	name    string
	network bool
	open    func(n int) (setKV, func(), error)
}

func setPeers() []setPeer {
	return []setPeer{
		{name: "embedis-typed", open: func(n int) (setKV, func(), error) {
			s, err := openEmbedisSet(n)
			return embedisSet{s}, func() { s.Close() }, err
		}},
		{name: "embedis-do", open: func(n int) (setKV, func(), error) {
			s, err := openEmbedisSet(n)
			return embedisDoSet{s}, func() { s.Close() }, err
		}},
		{name: "embedis-goredis-dial", network: true, open: func(n int) (setKV, func(), error) {
			s, err := openEmbedisSet(n)
			if err != nil {
				return nil, nil, err
			}
			rdb := redis.NewClient(&redis.Options{Dialer: s.Dial, PoolSize: goredisPoolSize})
			return goredisSet{rdb}, func() { rdb.Close(); s.Close() }, nil
		}},
		{name: "miniredis-direct", open: func(n int) (setKV, func(), error) {
			m := newMiniredisSet(n)
			return miniredisSet{m}, m.Close, nil
		}},
		{name: "miniredis-goredis-tcp", network: true, open: func(n int) (setKV, func(), error) {
			m := newMiniredisSet(n)
			if err := m.Start(); err != nil {
				return nil, nil, err
			}
			rdb := redis.NewClient(&redis.Options{Addr: m.Addr(), PoolSize: goredisPoolSize, DisableIdentity: true})
			return goredisSet{rdb}, func() { rdb.Close(); m.Close() }, nil
		}},
		{name: "redis-goredis-tcp", network: true, open: func(n int) (setKV, func(), error) {
			addr, err := redisAddr()
			if err != nil {
				return nil, nil, err
			}
			rdb := redis.NewClient(&redis.Options{Addr: addr, PoolSize: goredisPoolSize})
			closeFn := func() { rdb.FlushAll(bg); rdb.Close() }
			if err := preloadRedisSet(rdb, n); err != nil {
				closeFn()
				return nil, nil, err
			}
			return goredisSet{rdb}, closeFn, nil
		}},
	}
}

func openEmbedisSet(n int) (*store.Store, error) {
	s, err := store.Open(store.Options{})
	if err != nil {
		return nil, err
	}
	set := s.SetOf(setKey)
	for lo := 0; lo < n; lo += 1000 {
		if _, err := set.Add(setMembers[lo:min(lo+1000, n)]...); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

func newMiniredisSet(n int) *miniredis.Miniredis {
	m := miniredis.NewMiniRedis()
	for lo := 0; lo < n; lo += 1000 {
		m.SetAdd(setKey, setMembers[lo:min(lo+1000, n)]...)
	}
	return m
}

// preloadRedisSet loads the set with SADDs of 1,000 members, 20 per
// pipeline.
func preloadRedisSet(rdb *redis.Client, n int) error {
	if err := rdb.FlushAll(bg).Err(); err != nil {
		return err
	}
	pipe := rdb.Pipeline()
	for lo := 0; lo < n; lo += 1000 {
		args := make([]any, 0, 1000)
		for _, m := range setMembers[lo:min(lo+1000, n)] {
			args = append(args, m)
		}
		pipe.SAdd(bg, setKey, args...)
		if pipe.Len() == 20 {
			if _, err := pipe.Exec(bg); err != nil {
				return err
			}
		}
	}
	if pipe.Len() > 0 {
		if _, err := pipe.Exec(bg); err != nil {
			return err
		}
	}
	if got := rdb.SCard(bg, setKey).Val(); got != int64(n) {
		return fmt.Errorf("redis-server set holds %d members after preloading %d", got, n)
	}
	return nil
}

var errNotMember = errors.New("bench: preloaded member not found")

type embedisSet struct{ s *store.Store }

func (e embedisSet) SAdd(key, member string) error {
	_, err := e.s.SetOf(key).Add(member)
	return err
}

func (e embedisSet) SIsMember(key, member string) error {
	ok, err := e.s.SetOf(key).Contains(member)
	if err == nil && !ok {
		err = errNotMember
	}
	return err
}

func (e embedisSet) Del(key string) error { e.s.Del(key); return nil }

type embedisDoSet struct{ s *store.Store }

var ctxBG = context.Background()

func (e embedisDoSet) SAdd(key, member string) error {
	_, err := e.s.Do(ctxBG, "SADD", key, member)
	return err
}

func (e embedisDoSet) SIsMember(key, member string) error {
	v, err := e.s.Do(ctxBG, "SISMEMBER", key, member)
	if err == nil && v.Int != 1 {
		err = errNotMember
	}
	return err
}

func (e embedisDoSet) Del(key string) error {
	_, err := e.s.Do(ctxBG, "DEL", key)
	return err
}

type miniredisSet struct{ m *miniredis.Miniredis }

func (k miniredisSet) SAdd(key, member string) error {
	_, err := k.m.SetAdd(key, member)
	return err
}

func (k miniredisSet) SIsMember(key, member string) error {
	ok, err := k.m.IsMember(key, member)
	if err == nil && !ok {
		err = errNotMember
	}
	return err
}

func (k miniredisSet) Del(key string) error { k.m.Del(key); return nil }

type goredisSet struct{ c *redis.Client }

func (g goredisSet) SAdd(key, member string) error { return g.c.SAdd(bg, key, member).Err() }

func (g goredisSet) SIsMember(key, member string) error {
	ok, err := g.c.SIsMember(bg, key, member).Result()
	if err == nil && !ok {
		err = errNotMember
	}
	return err
}

func (g goredisSet) Del(key string) error { return g.c.Del(bg, key).Err() }

// setOp performs operation pos of the goroutine with id g.
type setOp func(c setKV, g, pos int) error

func runSetOp(b *testing.B, fn setOp) {
	loadData()
	loadSetData()
	for _, p := range setPeers() {
		b.Run("peer="+p.name, func(b *testing.B) {
			c, closeFn := openPeer(b, p.name, func() (setKV, func(), error) { return p.open(numKeys()) })
			defer closeFn()
			runtime.GC()
			b.Run("mode=serial", func(b *testing.B) {
				loopSerial(b, func(pos int, _ []string) error { return fn(c, 0, pos) })
			})
			b.Run("mode=parallel", func(b *testing.B) {
				loopWorkers(b, p.network, func(g, pos int, _ []string) error { return fn(c, g, pos) })
			})
		})
	}
}

// BenchmarkSIsMember asks for a member of the preloaded set, chosen
// uniformly (the uniform key sequence, as an index into the members).
func BenchmarkSIsMember(b *testing.B) {
	seq := dists()[0].seq
	runSetOp(b, func(c setKV, g, pos int) error {
		return c.SIsMember(setKey, lookupMembers[seq[(g*104729+pos)&(seqLen-1)]])
	})
}

// BenchmarkSAdd adds a new member; see the file comment.
func BenchmarkSAdd(b *testing.B) {
	saddKeys := make([]string, 1024)
	for i := range saddKeys {
		saddKeys[i] = "sadd:" + strconv.Itoa(i)
	}
	runSetOp(b, func(c setKV, g, pos int) error {
		key := saddKeys[g%len(saddKeys)]
		i := pos & (saddBatch - 1)
		if i == 0 {
			if err := c.Del(key); err != nil {
				return err
			}
		}
		return c.SAdd(key, newMembers[i])
	})
}

// BenchmarkSetMemory loads n 16-byte members into one set and reports the
// memory per member (B/member): for in-process peers the live heap after
// minus before (members formatted during the load, so their bytes count),
// for redis-server used_memory from INFO memory after minus before. As
// BenchmarkMemory, run it with the default -benchtime or 1x.
func BenchmarkSetMemory(b *testing.B) {
	n := numKeys()
	load := func(add func(batch []string) error) error {
		batch := make([]string, 0, 1000)
		for i := 0; i < n; i++ {
			batch = append(batch, setMember(i))
			if len(batch) == cap(batch) || i == n-1 {
				if err := add(batch); err != nil {
					return err
				}
				batch = batch[:0]
			}
		}
		return nil
	}
	inProcess := func(b *testing.B, open func() (add func([]string) error, keep any, release func())) {
		var total float64
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			before := liveHeap()
			b.StartTimer()
			add, keep, release := open()
			if err := load(add); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			total += float64(liveHeap()) - float64(before)
			runtime.KeepAlive(keep)
			release()
			b.StartTimer()
		}
		b.ReportMetric(total/float64(b.N)/float64(n), "B/member")
	}
	b.Run("peer=embedis", func(b *testing.B) {
		inProcess(b, func() (func([]string) error, any, func()) {
			s, _ := store.Open(store.Options{})
			set := s.SetOf(setKey)
			return func(ms []string) error { _, err := set.Add(ms...); return err }, s, func() { s.Close() }
		})
	})
	b.Run("peer=miniredis", func(b *testing.B) {
		inProcess(b, func() (func([]string) error, any, func()) {
			m := miniredis.NewMiniRedis()
			return func(ms []string) error { _, err := m.SetAdd(setKey, ms...); return err }, m, m.Close
		})
	})
	b.Run("peer=redis-server", func(b *testing.B) {
		redisMemoryPer(b, n, "B/member", func(ctx context.Context, rdb *redis.Client) error {
			return load(func(ms []string) error {
				args := make([]any, len(ms))
				for j, m := range ms {
					args[j] = m
				}
				return rdb.SAdd(ctx, setKey, args...).Err()
			})
		})
	})
}
