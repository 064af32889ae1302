package bench

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// The benchmark layout, shared by every operation:
//
//	Benchmark<Op>/peer=<peer>/dist=<uniform|zipf>/mode=<serial|parallel>
//
// The sub-names are key=value pairs so benchstat can put peers side by side
// (benchstat -col /peer). The peer is the outer level so that only one peer's
// data set is in memory while it is measured: a peer's benchmarks do not pay
// for garbage collection over the other peers' million keys.

// keysEnv overrides the number of preloaded keys (default 1,000,000), for
// quick runs: EMBEDIS_BENCH_KEYS=10000 go test -bench .
const keysEnv = "EMBEDIS_BENCH_KEYS"

// seqLen is the length of the pre-generated key index sequences. The
// benchmark loop walks them cyclically, so the RNG is never on the clock.
const seqLen = 1 << 20

// networkGoroutines is how many goroutines the parallel variant of a
// client/server peer uses: enough requests in flight to hide round trips,
// as a busy service would have.
const networkGoroutines = 50

// mgetWidth is the number of keys per MGET and MSET.
const mgetWidth = 10

// bufLen is the length of an operation's scratch buffer: the longest
// command built in it, an MSET's name and pairs.
const bufLen = 1 + 2*mgetWidth

// numKeys returns the number of preloaded keys.
var numKeys = sync.OnceValue(func() int {
	if s := os.Getenv(keysEnv); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < mgetWidth {
			panic(fmt.Sprintf("%s=%q: want an integer >= %d", keysEnv, s, mgetWidth))
		}
		return n
	}
	return 1_000_000
})

// keys are "key:0" .. "key:<n-1>", formatted once so formatting is not
// measured; peers are loaded with them. Operations look keys up with
// lookupKeys, equal strings in separate memory, as keys arriving in a
// request would be: a map that stored the caller's string would otherwise
// compare pointers and never read the key's bytes, which no real lookup
// gets. preloadValues[i] is the value preloaded at keys[i]: a 19-digit
// decimal, so that INCR works on every key and SET, which writes values of
// the same shape (setValues), keeps it working.
var (
	dataOnce      sync.Once
	keys          []string
	lookupKeys    []string
	preloadValues []string
	setValues     []string
)

func loadData() {
	dataOnce.Do(func() {
		n := numKeys()
		keys = make([]string, n)
		lookupKeys = make([]string, n)
		preloadValues = make([]string, n)
		for i := range keys {
			keys[i] = "key:" + strconv.Itoa(i)
			preloadValues[i] = strconv.FormatInt(1_000_000_000_000_000+int64(i), 10)
		}
		// A second pass, so that a lookup key does not share a cache line
		// with the preloaded key it equals: a peer that stores the
		// caller's string would read both bytes for the price of one.
		for i := range keys {
			lookupKeys[i] = strings.Clone(keys[i])
		}
		setValues = make([]string, 1024)
		for i := range setValues {
			setValues[i] = strconv.FormatInt(2_000_000_000_000_000+int64(i)*7919, 10)
		}
	})
}

// A dist is a pre-generated sequence of key indexes in [0, numKeys).
type dist struct {
	name string
	seq  []int32
}

// dists returns the key distributions: uniform, and Zipf with s=1.1 (a few
// hot keys take most of the traffic, as in a cache). Seeds are fixed so
// every peer sees the same sequence.
var dists = sync.OnceValue(func() []dist {
	n := numKeys()
	uni := make([]int32, seqLen)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range uni {
		uni[i] = int32(r.IntN(n))
	}
	zipf := make([]int32, seqLen)
	z := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.1, 1, uint64(n-1))
	// Zipf's rank 0 is the hottest; a fixed permutation spreads the hot
	// keys over the key space instead of clustering them at key:0, key:1...
	perm := rand.New(rand.NewPCG(5, 6)).Perm(n)
	for i := range zipf {
		zipf[i] = int32(perm[z.Uint64()])
	}
	return []dist{{"uniform", uni}, {"zipf", zipf}}
})

// errMissing is returned by a peer when a preloaded key is not found.
var errMissing = errors.New("bench: preloaded key not found")

// errSkip is returned by a peer's open when the peer is unavailable here
// (redis-server not installed).
type errSkip struct{ reason string }

func (e errSkip) Error() string { return e.reason }

// kv is what each benchmark needs from a peer. Every method returns an
// error when the operation failed or a preloaded key was missing.
type kv interface {
	Get(key string) error
	Set(key, value string) error
	Incr(key string) error
	// MGet fetches the keys in cmd[1:] in one operation where the peer has
	// one (a multi-key command, a read transaction), else one by one.
	// cmd[0] is scratch space: a peer that sends a command writes its
	// name there, so building the command allocates nothing.
	MGet(cmd []string) error
	// MSet stores the key-value pairs in cmd[1:] in one operation where the
	// peer has one (MSET, a write transaction), else one by one; cmd[0] as
	// for MGet.
	MSet(cmd []string) error
}

// A peer is one contender.
type peer struct {
	name string
	// network marks client/server peers: their parallel variant uses
	// networkGoroutines goroutines instead of one per core.
	network bool
	// open starts the peer, loads keys[:n] with preloadValues[:n] and
	// returns it with a function that releases it.
	open func(n int) (kv, func(), error)
}

// peers lists every contender, Embedis first (benchstat compares columns
// with the first one).
func peers() []peer {
	return append(embedisPeers(), otherPeers()...)
}

// op performs operation number pos (0, 1, 2, ...) of one goroutine, taking
// keys from seq cyclically. buf is scratch space of bufLen strings owned
// by the goroutine.
type op func(c kv, seq []int32, pos int, buf []string) error

func keyAt(seq []int32, pos int) string { return lookupKeys[seq[pos&(seqLen-1)]] }

// runOp runs an operation over every peer, distribution and mode.
func runOp(b *testing.B, fn op) {
	loadData()
	ds := dists()
	for _, p := range peers() {
		b.Run("peer="+p.name, func(b *testing.B) {
			c, closeFn := openPeer(b, p.name, func() (kv, func(), error) { return p.open(numKeys()) })
			defer closeFn()
			runtime.GC() // the preload's garbage is not this benchmark's
			for _, d := range ds {
				b.Run("dist="+d.name, func(b *testing.B) {
					b.Run("mode=serial", func(b *testing.B) { runSerial(b, c, d.seq, fn) })
					b.Run("mode=parallel", func(b *testing.B) { runParallel(b, p, c, d.seq, fn) })
				})
			}
		})
	}
}

// openPeer opens a peer for b: it skips b when the peer is unavailable
// here (errSkip) and fails it on any other error.
func openPeer[T any](b testing.TB, name string, open func() (T, func(), error)) (T, func()) {
	c, closeFn, err := open()
	if err != nil {
		var skip errSkip
		if errors.As(err, &skip) {
			b.Skip(skip.reason)
		}
		b.Fatalf("open %s: %v", name, err)
	}
	return c, closeFn
}

func runSerial(b *testing.B, c kv, seq []int32, fn op) {
	loopSerial(b, func(pos int, buf []string) error { return fn(c, seq, pos, buf) })
}

func runParallel(b *testing.B, p peer, c kv, seq []int32, fn op) {
	loopParallel(b, p.network, func(pos int, buf []string) error { return fn(c, seq, pos, buf) })
}

// loopSerial calls fn for operations 0 .. b.N-1. buf is scratch space of
// bufLen strings.
func loopSerial(b *testing.B, fn func(pos int, buf []string) error) {
	buf := make([]string, bufLen)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := fn(i, buf); err != nil {
			b.Fatal(err)
		}
	}
}

// loopParallel calls fn from b.RunParallel's goroutines: one per core, or
// about networkGoroutines for a peer behind a connection. Each goroutine
// numbers its operations from its own starting point.
func loopParallel(b *testing.B, network bool, fn func(pos int, buf []string) error) {
	loopWorkers(b, network, func(worker, pos int, buf []string) error {
		return fn(worker*104729+pos, buf)
	})
}

// loopWorkers is loopParallel for operations that need to know their
// goroutine: worker numbers them from 1, and each numbers its operations
// from 0.
func loopWorkers(b *testing.B, network bool, fn func(worker, pos int, buf []string) error) {
	if network {
		procs := runtime.GOMAXPROCS(0)
		b.SetParallelism((networkGoroutines + procs - 1) / procs)
	}
	var workers atomic.Int64
	var failed atomic.Bool
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		worker := int(workers.Add(1))
		buf := make([]string, bufLen)
		for pos := 0; pb.Next(); pos++ {
			if err := fn(worker, pos, buf); err != nil {
				if failed.CompareAndSwap(false, true) {
					b.Error(err)
				}
				return
			}
		}
	})
}
