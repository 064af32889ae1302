package bench

import (
	"bufio"
	"context"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/alicebob/miniredis/v2"
	"github.com/embedis/embedis/store"
	"github.com/maypok86/otter/v2"
	gocache "github.com/patrickmn/go-cache"
	"github.com/redis/go-redis/v9"
	"github.com/tidwall/buntdb"
)

// BenchmarkMemory measures the memory each peer holds per key for a data
// set shaped like redis-server's
//
//	DEBUG POPULATE <n> key 16
//
// keys "key:0" .. "key:<n-1>", values "value:<i>" padded with zero bytes to
// 16 bytes. n is EMBEDIS_BENCH_KEYS (default 1,000,000).
//
// In-process peers: live heap (runtime.MemStats.HeapAlloc after a full GC)
// after loading minus before, divided by n. redis-server: used_memory from
// INFO memory after DEBUG POPULATE minus before, divided by n. Both count
// keys, values and the structures that index them; neither counts
// allocator slack (RSS), which differs between jemalloc and Go's heap.
//
// The metric is B/key. One iteration loads all n keys, so ns/op is the load
// time (the GCs around the measurement are off the clock) and ns/key is that
// per key; B/op and allocs/op are for the whole load, garbage included.
// Because every iteration is a full load, run it with the default
// -benchtime or -benchtime 1x, not a large Nx.
func BenchmarkMemory(b *testing.B) {
	type loader struct {
		name string
		// load loads n keys and returns a value that keeps them alive, and
		// a function that releases them.
		load func(n int) (any, func(), error)
	}
	loaders := []loader{
		{"embedis", func(n int) (any, func(), error) {
			s, err := store.Open(store.Options{})
			if err != nil {
				return nil, nil, err
			}
			for i := 0; i < n; i++ {
				if _, err := s.Set(populateKey(i), populateValue(i)); err != nil {
					return nil, nil, err
				}
			}
			return s, func() { s.Close() }, nil
		}},
		{"gocache", func(n int) (any, func(), error) {
			c := gocache.New(gocache.NoExpiration, 0)
			for i := 0; i < n; i++ {
				c.Set(populateKey(i), populateValue(i), gocache.NoExpiration)
			}
			return c, func() {}, nil
		}},
		{"otter", func(n int) (any, func(), error) {
			// No InitialCapacity: the table grows as it would in use.
			c, err := otter.New(&otter.Options[string, string]{})
			if err != nil {
				return nil, nil, err
			}
			for i := 0; i < n; i++ {
				c.Set(populateKey(i), populateValue(i))
			}
			return c, func() { c.StopAllGoroutines() }, nil
		}},
		{"buntdb", func(n int) (any, func(), error) {
			db, err := buntdb.Open(":memory:")
			if err != nil {
				return nil, nil, err
			}
			const batch = 10_000
			for lo := 0; lo < n; lo += batch {
				err := db.Update(func(tx *buntdb.Tx) error {
					for i := lo; i < min(lo+batch, n); i++ {
						if _, _, err := tx.Set(populateKey(i), populateValue(i), nil); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					return nil, nil, err
				}
			}
			return db, func() { db.Close() }, nil
		}},
		{"miniredis", func(n int) (any, func(), error) {
			m := miniredis.NewMiniRedis()
			for i := 0; i < n; i++ {
				if err := m.Set(populateKey(i), populateValue(i)); err != nil {
					return nil, nil, err
				}
			}
			return m, m.Close, nil
		}},
	}
	n := numKeys()
	for _, l := range loaders {
		b.Run("peer="+l.name, func(b *testing.B) {
			b.ReportMetric(heapPerLoad(b, func() (any, func(), error) { return l.load(n) })/float64(n), "B/key")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/key")
		})
	}
	b.Run("peer=redis-server", func(b *testing.B) { benchRedisMemory(b, n) })
}

// populateKey and populateValue build fresh strings, owned by the store
// they are given to, as DEBUG POPULATE would.
func populateKey(i int) string { return "key:" + strconv.Itoa(i) }

func populateValue(i int) string {
	v := make([]byte, 16)
	copy(v, "value:"+strconv.Itoa(i))
	return string(v)
}

// heapPerLoad calls load b.N times, timing only the loads, and returns the
// mean growth of the live heap that each load's data (kept alive until
// its release) caused.
func heapPerLoad(b *testing.B, load func() (keep any, release func(), err error)) float64 {
	var total float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		before := liveHeap()
		b.StartTimer()
		keep, release, err := load()
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		after := liveHeap()
		runtime.KeepAlive(keep)
		total += float64(after) - float64(before)
		release()
		b.StartTimer()
	}
	return total / float64(b.N)
}

func liveHeap() uint64 {
	runtime.GC()
	runtime.GC() // a second cycle frees what the first one's finalizers released
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func benchRedisMemory(b *testing.B, n int) {
	count := strconv.Itoa(n)
	redisMemoryPer(b, n, "B/key", func(ctx context.Context, rdb *redis.Client) error {
		if err := rdb.Do(ctx, "DEBUG", "POPULATE", count, "key", "16").Err(); err != nil {
			return fmt.Errorf("DEBUG POPULATE (needs --enable-debug-command yes): %w", err)
		}
		if got := rdb.DBSize(ctx).Val(); got != int64(n) {
			return fmt.Errorf("DEBUG POPULATE left %d keys, want %d", got, n)
		}
		return nil
	})
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/key")
}

// redisMemoryPer reports redis-server's used_memory growth per element,
// as metric unit ("B/key", "B/field"...), for load, which stores n
// elements in the flushed server; only load is timed. It skips the
// benchmark when redis-server is not installed here.
func redisMemoryPer(b *testing.B, n int, unit string, load func(ctx context.Context, rdb *redis.Client) error) {
	addr, _ := openPeer(b, "redis-server", func() (string, func(), error) {
		addr, err := redisAddr()
		return addr, nil, err
	})
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	defer rdb.Close()
	var total float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := rdb.FlushAll(ctx).Err(); err != nil {
			b.Fatal(err)
		}
		before, err := usedMemory(ctx, rdb)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := load(ctx, rdb); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		after, err := usedMemory(ctx, rdb)
		if err != nil {
			b.Fatal(err)
		}
		total += float64(after) - float64(before)
		b.StartTimer()
	}
	b.StopTimer()
	rdb.FlushAll(ctx)
	b.ReportMetric(total/float64(b.N)/float64(n), unit)
}

// usedMemory returns used_memory from INFO memory.
func usedMemory(ctx context.Context, rdb *redis.Client) (int64, error) {
	info, err := rdb.Info(ctx, "memory").Result()
	if err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(strings.NewReader(info))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "used_memory:"); ok {
			return strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		}
	}
	return 0, fmt.Errorf("no used_memory in INFO memory")
}
