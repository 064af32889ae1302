package bench

import (
	"context"
	"runtime"
	"strconv"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/embedis/embedis/store"
	"github.com/redis/go-redis/v9"
)

// The list benchmarks:
//
//	BenchmarkListLPushRPop/peer=P   one LPUSH and one RPOP on a list used as
//	                                a queue (about 100 elements long)
//	BenchmarkListLPush/size=S/peer=P  one LPUSH on a list of S to S+1024
//	                                elements (trimmed back off the clock)
//	BenchmarkListLIndex/size=S/peer=P LINDEX of the middle element
//	BenchmarkListMemory/peer=P      one list of n 16-byte elements; B/elem
//
// Peers are Embedis's typed API, Do and go-redis over Store.Dial,
// miniredis (direct API and go-redis over TCP) and redis-server through
// go-redis over loopback TCP. Every peer answers the same operations
// (lister), so they run the same loops.

type lister interface {
	LPush(key, elem string) error
	RPop(key string) error
	LIndex(key string, i int64) error
	// Fill appends n elements to key.
	Fill(key string, n int) error
	// PopFront removes n elements from the head (LPOP key n), off the clock.
	PopFront(key string, n int) error
}

type listPeer struct {
	name string
	open func() (lister, func(), error)
}

func listPeers() []listPeer {
	return []listPeer{
		{"embedis-typed", func() (lister, func(), error) {
			s, err := store.Open(store.Options{})
			return embedisList{s}, func() { s.Close() }, err
		}},
		{"embedis-do", func() (lister, func(), error) {
			s, err := store.Open(store.Options{})
			return embedisListDo{s}, func() { s.Close() }, err
		}},
		{"embedis-goredis-dial", func() (lister, func(), error) {
			s, err := store.Open(store.Options{})
			if err != nil {
				return nil, nil, err
			}
			rdb := redis.NewClient(&redis.Options{Dialer: s.Dial, PoolSize: goredisPoolSize})
			return goredisList{rdb}, func() { rdb.Close(); s.Close() }, nil
		}},
		{"miniredis-direct", func() (lister, func(), error) {
			m := miniredis.NewMiniRedis()
			return miniredisList{m}, m.Close, nil
		}},
		{"miniredis-goredis-tcp", func() (lister, func(), error) {
			m := miniredis.NewMiniRedis()
			if err := m.Start(); err != nil {
				return nil, nil, err
			}
			rdb := redis.NewClient(&redis.Options{Addr: m.Addr(), PoolSize: goredisPoolSize, DisableIdentity: true})
			return goredisList{rdb}, func() { rdb.Close(); m.Close() }, nil
		}},
		{"redis-goredis-tcp", func() (lister, func(), error) {
			addr, err := redisAddr()
			if err != nil {
				return nil, nil, err
			}
			rdb := redis.NewClient(&redis.Options{Addr: addr, PoolSize: goredisPoolSize})
			rdb.FlushAll(bg)
			return goredisList{rdb}, func() { rdb.FlushAll(bg); rdb.Close() }, nil
		}},
	}
}

// listElem is the element every benchmark pushes: 16 bytes.
const listElem = "element:00000001"

// eachListPeer runs fn for every peer in the list, skipping those that
// are not available here.
func eachListPeer(b *testing.B, only func(name string) bool, fn func(b *testing.B, l lister)) {
	for _, p := range listPeers() {
		if only != nil && !only(p.name) {
			continue
		}
		b.Run("peer="+p.name, func(b *testing.B) {
			l, closeFn := openPeer(b, p.name, p.open)
			defer closeFn()
			fn(b, l)
		})
	}
}

func BenchmarkListLPushRPop(b *testing.B) {
	eachListPeer(b, nil, func(b *testing.B, l lister) {
		if err := l.Fill("queue", 100); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if err := l.LPush("queue", listElem); err != nil {
				b.Fatal(err)
			}
			if err := l.RPop("queue"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkListLPush is the bar "LPUSH on a 100k-element list costs the
// same as on an empty one": every 1024 pushes the list is cut back to its
// size, off the clock. miniredis is left out: its LPUSH copies the list
// (O(n)), which at 100k elements takes the whole time budget.
func BenchmarkListLPush(b *testing.B) {
	const batch = 1024
	for _, size := range []int{0, 100_000} {
		b.Run("size="+strconv.Itoa(size), func(b *testing.B) {
			notMiniredis := func(name string) bool { return name[:4] != "mini" || size == 0 }
			eachListPeer(b, notMiniredis, func(b *testing.B, l lister) {
				if err := l.Fill("list", size+1); err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if err := l.LPush("list", listElem); err != nil {
						b.Fatal(err)
					}
					if i%batch == batch-1 {
						b.StopTimer()
						if err := l.PopFront("list", batch); err != nil {
							b.Fatal(err)
						}
						b.StartTimer()
					}
				}
			})
		})
	}
}

func BenchmarkListLIndex(b *testing.B) {
	for _, size := range []int{100_000} {
		b.Run("size="+strconv.Itoa(size), func(b *testing.B) {
			eachListPeer(b, nil, func(b *testing.B, l lister) {
				if err := l.Fill("list", size); err != nil {
					b.Fatal(err)
				}
				mid := int64(size / 2)
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if err := l.LIndex("list", mid); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

// BenchmarkListMemory measures the memory per element of one list of n
// (EMBEDIS_BENCH_KEYS, default 1,000,000) 16-byte elements, each distinct
// ("value:<i>" padded with zero bytes, as BenchmarkMemory's values):
// Embedis's live heap after a full GC, redis-server's used_memory (INFO
// memory), each after loading minus before. The metric is B/elem.
func BenchmarkListMemory(b *testing.B) {
	n := numKeys()
	elems := make([]string, n)
	for i := range elems {
		elems[i] = populateValue(i)
	}
	b.Run("peer=embedis", func(b *testing.B) {
		var total float64
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			before := liveHeap()
			b.StartTimer()
			s, _ := store.Open(store.Options{})
			l := s.List("list")
			for j := 0; j < n; j += 1000 {
				// Copies, so the list holds its own strings as it would
				// elements that arrived in requests.
				batch := make([]string, 0, 1000)
				for _, e := range elems[j:min(j+1000, n)] {
					batch = append(batch, string([]byte(e)))
				}
				if _, err := l.RPush(batch...); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			total += float64(liveHeap()) - float64(before)
			runtime.KeepAlive(s)
			s.Close()
			b.StartTimer()
		}
		b.ReportMetric(total/float64(b.N)/float64(n), "B/elem")
	})
	b.Run("peer=redis-server", func(b *testing.B) {
		redisMemoryPer(b, n, "B/elem", func(_ context.Context, rdb *redis.Client) error {
			return (goredisList{rdb}).fillWith("list", elems)
		})
	})
}

// --- peers ---

func fillElems(n int) []string {
	elems := make([]string, n)
	for i := range elems {
		elems[i] = listElem
	}
	return elems
}

type embedisList struct{ s *store.Store }

func (e embedisList) LPush(key, elem string) error {
	_, err := e.s.List(key).LPush(elem)
	return err
}

func (e embedisList) RPop(key string) error {
	_, err := e.s.List(key).RPop()
	return err
}

func (e embedisList) LIndex(key string, i int64) error {
	_, err := e.s.List(key).Index(i)
	return err
}

func (e embedisList) Fill(key string, n int) error {
	_, err := e.s.List(key).RPush(fillElems(n)...)
	return err
}

func (e embedisList) PopFront(key string, n int) error {
	_, err := e.s.List(key).PopN(store.Left, n)
	return err
}

type embedisListDo struct{ s *store.Store }

func (e embedisListDo) do(args ...string) error {
	v, err := e.s.Do(bg, args...)
	if err == nil && v.IsNull() {
		err = errMissing
	}
	return err
}

// The index is formatted once per run by the caller's loop in a real
// client; here LIndex formats it each time, as go-redis does.
func (e embedisListDo) LPush(key, elem string) error { return e.do("LPUSH", key, elem) }
func (e embedisListDo) RPop(key string) error        { return e.do("RPOP", key) }
func (e embedisListDo) LIndex(key string, i int64) error {
	return e.do("LINDEX", key, strconv.FormatInt(i, 10))
}
func (e embedisListDo) Fill(key string, n int) error { return embedisList(e).Fill(key, n) }
func (e embedisListDo) PopFront(key string, n int) error {
	return embedisList(e).PopFront(key, n)
}

type miniredisList struct{ m *miniredis.Miniredis }

func (k miniredisList) LPush(key, elem string) error {
	_, err := k.m.Lpush(key, elem)
	return err
}

func (k miniredisList) RPop(key string) error {
	_, err := k.m.RPop(key)
	return err
}

// LIndex: the direct API has no LINDEX; List copies the whole list.
func (k miniredisList) LIndex(key string, i int64) error {
	_, err := k.m.List(key)
	return err
}

func (k miniredisList) Fill(key string, n int) error {
	_, err := k.m.RPush(key, fillElems(n)...)
	return err
}

func (k miniredisList) PopFront(key string, n int) error {
	for range n {
		if _, err := k.m.Lpop(key); err != nil {
			return err
		}
	}
	return nil
}

type goredisList struct{ c *redis.Client }

func (g goredisList) LPush(key, elem string) error     { return g.c.LPush(bg, key, elem).Err() }
func (g goredisList) RPop(key string) error            { return g.c.RPop(bg, key).Err() }
func (g goredisList) LIndex(key string, i int64) error { return g.c.LIndex(bg, key, i).Err() }
func (g goredisList) Fill(key string, n int) error     { return g.fillWith(key, fillElems(n)) }
func (g goredisList) PopFront(key string, n int) error {
	return g.c.LPopCount(bg, key, n).Err()
}

// fillWith appends elems with pipelined RPUSHes of 1,000 elements.
func (g goredisList) fillWith(key string, elems []string) error {
	pipe := g.c.Pipeline()
	for j := 0; j < len(elems); j += 1000 {
		args := make([]any, 0, 1000)
		for _, e := range elems[j:min(j+1000, len(elems))] {
			args = append(args, e)
		}
		pipe.RPush(bg, key, args...)
		if pipe.Len() == 20 {
			if _, err := pipe.Exec(bg); err != nil {
				return err
			}
		}
	}
	_, err := pipe.Exec(bg)
	return err
}
