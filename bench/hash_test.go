package bench

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/embedis/embedis/store"
	"github.com/redis/go-redis/v9"
)

// Hash benchmarks:
//
//	BenchmarkHSet/size=<fields>/peer=<peer>/mode=<serial|parallel>
//	BenchmarkHGet/size=<fields>/peer=<peer>/mode=<serial|parallel>
//	BenchmarkHashMemory/peer=<embedis|redis-server|miniredis>
//
// HSET overwrites a field of one preloaded hash with a 16-byte value (the
// hash neither grows nor shrinks); HGET reads one. Fields are chosen
// uniformly. size=100 is a listpack in Redis and Embedis; size=1000000 a
// hashtable. Fields are "field:%010d" and values "value:%010d", 16 bytes
// each.

const hashKey = "bench:hash"

var hashSizes = []int{100, 1_000_000}

func hashField(i int) string { return fmt.Sprintf("field:%010d", i) }
func hashValue(i int) string { return fmt.Sprintf("value:%010d", i) }

// hashData holds, per size, the fields to look up (fresh copies, as a
// request's would be), the index sequence, and the values HSET writes.
type hashData struct {
	lookup []string
	seq    []int32
}

var hashDataFor = sync.OnceValue(func() map[int]*hashData {
	out := map[int]*hashData{}
	for _, n := range hashSizes {
		d := &hashData{lookup: make([]string, n), seq: make([]int32, seqLen)}
		for i := range d.lookup {
			d.lookup[i] = hashField(i)
		}
		r := rand.New(rand.NewPCG(7, uint64(n)))
		for i := range d.seq {
			d.seq[i] = int32(r.IntN(n))
		}
		out[n] = d
	}
	return out
})

var hashSetValues = func() []string {
	v := make([]string, 1024)
	for i := range v {
		v[i] = hashValue(1_000_000_000 + i)
	}
	return v
}()

// hashKV is what the hash benchmarks need from a peer.
type hashKV interface {
	HSet(field, value string) error
	HGet(field string) error
}

type hashPeer struct {
	name    string
	network bool
	// open loads the hash with n fields.
	open func(n int) (hashKV, func(), error)
}

func hashPeers() []hashPeer {
	return []hashPeer{
		{name: "embedis-typed", open: func(n int) (hashKV, func(), error) {
			s, err := loadEmbedisHash(n)
			if err != nil {
				return nil, nil, err
			}
			return embedisHash{s.Hash(hashKey)}, func() { s.Close() }, nil
		}},
		{name: "embedis-do", open: func(n int) (hashKV, func(), error) {
			s, err := loadEmbedisHash(n)
			if err != nil {
				return nil, nil, err
			}
			return embedisDoHash{s}, func() { s.Close() }, nil
		}},
		{name: "embedis-goredis-dial", network: true, open: func(n int) (hashKV, func(), error) {
			s, err := loadEmbedisHash(n)
			if err != nil {
				return nil, nil, err
			}
			rdb := redis.NewClient(&redis.Options{Dialer: s.Dial, PoolSize: goredisPoolSize})
			return goredisHash{rdb}, func() { rdb.Close(); s.Close() }, nil
		}},
		{name: "miniredis-direct", open: func(n int) (hashKV, func(), error) {
			m := loadMiniredisHash(n)
			return miniredisHash{m}, m.Close, nil
		}},
		{name: "miniredis-goredis-tcp", network: true, open: func(n int) (hashKV, func(), error) {
			m := loadMiniredisHash(n)
			if err := m.Start(); err != nil {
				return nil, nil, err
			}
			rdb := redis.NewClient(&redis.Options{Addr: m.Addr(), PoolSize: goredisPoolSize, DisableIdentity: true})
			return goredisHash{rdb}, func() { rdb.Close(); m.Close() }, nil
		}},
		{name: "redis-goredis-tcp", network: true, open: func(n int) (hashKV, func(), error) {
			addr, err := redisAddr()
			if err != nil {
				return nil, nil, err
			}
			rdb := redis.NewClient(&redis.Options{Addr: addr, PoolSize: goredisPoolSize})
			closeFn := func() { rdb.FlushAll(context.Background()); rdb.Close() }
			if err := loadRedisHash(rdb, n); err != nil {
				closeFn()
				return nil, nil, err
			}
			return goredisHash{rdb}, closeFn, nil
		}},
	}
}

// hashBatch is how many fields one load command sets.
const hashBatch = 1000

// hashBatches calls fn with the field-value pairs of fields [0, n) in
// batches, fresh strings each time (as a request's would be).
func hashBatches(n int, fn func(pairs []string) error) error {
	for lo := 0; lo < n; lo += hashBatch {
		pairs := make([]string, 0, 2*hashBatch)
		for i := lo; i < min(lo+hashBatch, n); i++ {
			pairs = append(pairs, hashField(i), hashValue(i))
		}
		if err := fn(pairs); err != nil {
			return err
		}
	}
	return nil
}

func loadEmbedisHash(n int) (*store.Store, error) {
	s, err := store.Open(store.Options{})
	if err != nil {
		return nil, err
	}
	err = hashBatches(n, func(pairs []string) error {
		_, err := s.Hash(hashKey).SetPairs(pairs...)
		return err
	})
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func loadMiniredisHash(n int) *miniredis.Miniredis {
	m := miniredis.NewMiniRedis()
	hashBatches(n, func(pairs []string) error { m.HSet(hashKey, pairs...); return nil })
	return m
}

// loadRedisHash loads the hash with HSETs of hashBatch fields, 20 per
// pipeline.
func loadRedisHash(rdb *redis.Client, n int) error {
	ctx := context.Background()
	if err := rdb.FlushAll(ctx).Err(); err != nil {
		return err
	}
	pipe := rdb.Pipeline()
	queued := 0
	err := hashBatches(n, func(pairs []string) error {
		args := make([]any, len(pairs))
		for i, p := range pairs {
			args[i] = p
		}
		pipe.HSet(ctx, hashKey, args...)
		if queued++; queued == 20 {
			queued = 0
			_, err := pipe.Exec(ctx)
			return err
		}
		return nil
	})
	if err != nil {
		return err
	}
	if queued > 0 {
		if _, err := pipe.Exec(ctx); err != nil {
			return err
		}
	}
	if got := rdb.HLen(ctx, hashKey).Val(); got != int64(n) {
		return fmt.Errorf("redis-server's hash has %d fields after loading %d", got, n)
	}
	return nil
}

type embedisHash struct{ h store.Hash }

func (e embedisHash) HSet(field, value string) error {
	_, err := e.h.Set(field, value)
	return err
}

func (e embedisHash) HGet(field string) error {
	_, err := e.h.Get(field)
	if errors.Is(err, store.ErrNil) {
		return errMissing
	}
	return err
}

type embedisDoHash struct{ s *store.Store }

func (e embedisDoHash) do(args ...string) error {
	v, err := e.s.Do(context.Background(), args...)
	if err != nil {
		return err
	}
	if v.IsNull() {
		return errMissing
	}
	return nil
}

func (e embedisDoHash) HSet(field, value string) error { return e.do("HSET", hashKey, field, value) }
func (e embedisDoHash) HGet(field string) error        { return e.do("HGET", hashKey, field) }

type miniredisHash struct{ m *miniredis.Miniredis }

func (k miniredisHash) HSet(field, value string) error {
	k.m.HSet(hashKey, field, value)
	return nil
}

func (k miniredisHash) HGet(field string) error {
	if k.m.HGet(hashKey, field) == "" {
		return errMissing
	}
	return nil
}

type goredisHash struct{ c *redis.Client }

func (g goredisHash) HSet(field, value string) error {
	return g.c.HSet(bg, hashKey, field, value).Err()
}

func (g goredisHash) HGet(field string) error {
	err := g.c.HGet(bg, hashKey, field).Err()
	if errors.Is(err, redis.Nil) {
		return errMissing
	}
	return err
}

// runHashOp runs fn over every size, peer and mode; fn gets the field
// index of operation pos.
func runHashOp(b *testing.B, fn func(c hashKV, d *hashData, pos int) error) {
	data := hashDataFor()
	for _, n := range hashSizes {
		d := data[n]
		b.Run("size="+strconv.Itoa(n), func(b *testing.B) {
			for _, p := range hashPeers() {
				b.Run("peer="+p.name, func(b *testing.B) {
					c, closeFn := openPeer(b, p.name, func() (hashKV, func(), error) { return p.open(n) })
					defer closeFn()
					runtime.GC()
					op := func(pos int, _ []string) error { return fn(c, d, pos) }
					b.Run("mode=serial", func(b *testing.B) { loopSerial(b, op) })
					b.Run("mode=parallel", func(b *testing.B) { loopParallel(b, p.network, op) })
				})
			}
		})
	}
}

func (d *hashData) field(pos int) string { return d.lookup[d.seq[pos&(seqLen-1)]] }

func BenchmarkHSet(b *testing.B) {
	runHashOp(b, func(c hashKV, d *hashData, pos int) error {
		return c.HSet(d.field(pos), hashSetValues[pos&(len(hashSetValues)-1)])
	})
}

func BenchmarkHGet(b *testing.B) {
	runHashOp(b, func(c hashKV, d *hashData, pos int) error {
		return c.HGet(d.field(pos))
	})
}

// BenchmarkHashMemory measures the memory per field of one hash of n
// fields (EMBEDIS_BENCH_KEYS, default 1,000,000), 16-byte fields and
// 16-byte values, loaded with HSETs of 1,000 fields: for Embedis and
// miniredis the live heap after loading minus before, for redis-server
// used_memory from INFO memory after minus before. Metric: B/field. As
// BenchmarkMemory, run it with the default -benchtime or 1x.
func BenchmarkHashMemory(b *testing.B) {
	n := numKeys()
	inProcess := map[string]func() (any, func(), error){
		"embedis": func() (any, func(), error) {
			s, err := loadEmbedisHash(n)
			if err != nil {
				return nil, nil, err
			}
			return s, func() { s.Close() }, nil
		},
		"miniredis": func() (any, func(), error) {
			m := loadMiniredisHash(n)
			return m, m.Close, nil
		},
	}
	for _, name := range []string{"embedis", "miniredis"} {
		b.Run("peer="+name, func(b *testing.B) {
			b.ReportMetric(heapPerLoad(b, inProcess[name])/float64(n), "B/field")
		})
	}
	b.Run("peer=redis-server", func(b *testing.B) {
		redisMemoryPer(b, n, "B/field", func(ctx context.Context, rdb *redis.Client) error {
			if err := loadRedisHash(rdb, n); err != nil {
				return err
			}
			if enc := rdb.ObjectEncoding(ctx, hashKey).Val(); n > 512 && enc != "hashtable" {
				return fmt.Errorf("redis-server's encoding: %q", enc)
			}
			return nil
		})
	})
}
