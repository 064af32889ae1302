package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/alicebob/miniredis/v2"
	"github.com/embedis/embedis/store"
	"github.com/redis/go-redis/v9"
)

// Sorted-set benchmarks: one set of n members, n in zsetSizes.
//
//	BenchmarkZSet/peer=<peer>/n=<members>/op=<op>
//
// Members are 16 bytes ("m" and 15 digits), scores random integers below
// 2^40, the same for every peer (fixed seed). Operations pick members
// from a fixed random sequence, so the RNG is not measured. ZRank's
// member is written into a reused request buffer, as a server's request
// would be: read from a million-string array instead, its header and
// bytes cost two cache misses at 1M members that they don't at 10k, which
// is the benchmark's cost growing with n, not the peer's. (Writing 16
// bytes costs ~10 ns at every size.) ZAdd's member must outlive the call
// (a peer may keep it), so it comes from an array of separate strings.
//
//	ZAdd          ZADD of an existing member with a new score (the set keeps its size)
//	ZRank         ZRANK of a random member
//	ZRange        ZRANGE 0 9 WITHSCORES
//	ZRangeByScore ZRANGEBYSCORE over a random score window holding about 10 members
//
// miniredis's direct API has no ZRANK, ZRANGE or ZRANGEBYSCORE: what a user
// would write instead is measured, ZMembers (its members sorted by score)
// and an index (ZRank, ZRange), and SortedSet (a copy of the whole set as
// a map) filtered by score (ZRangeByScore). miniredis itself sorts the
// whole set for every ranked command, so the two costs are alike.

// zsetSizesEnv overrides the sizes (comma-separated), for quick runs.
const zsetSizesEnv = "EMBEDIS_BENCH_ZSIZES"

func zsetSizes() []int {
	sizes := []int{10_000, 100_000, 1_000_000}
	if s := os.Getenv(zsetSizesEnv); s != "" {
		sizes = sizes[:0]
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.Atoi(f)
			if err != nil || n < 100 {
				panic(fmt.Sprintf("%s=%q: want sizes >= 100", zsetSizesEnv, s))
			}
			sizes = append(sizes, n)
		}
	}
	return sizes
}

// zsetData is the data set of n members.
type zsetData struct {
	members []string  // loaded
	lookup  []string  // the same strings in separate memory, for ZAdd
	request [16]byte  // the member of a read request
	scores  []float64 // loaded
	seq     []int32   // member indexes, random
	newScr  []string  // ZADD's new scores, formatted
	window  float64   // a score width holding about 10 members
}

const zsetKey = "board"

func newZSetData(n int) *zsetData {
	r := rand.New(rand.NewPCG(7, uint64(n)))
	d := &zsetData{members: make([]string, n), lookup: make([]string, n), scores: make([]float64, n)}
	for i := range n {
		d.members[i] = fmt.Sprintf("m%015d", i)
		d.lookup[i] = strings.Clone(d.members[i])
		d.scores[i] = float64(r.Int64N(1 << 40))
	}
	d.seq = make([]int32, seqLen)
	d.newScr = make([]string, seqLen)
	for i := range d.seq {
		d.seq[i] = int32(r.IntN(n))
		d.newScr[i] = strconv.FormatInt(r.Int64N(1<<40), 10)
	}
	d.window = 10 * float64(1<<40) / float64(n)
	return d
}

func (d *zsetData) member(pos int) string { return d.lookup[d.seq[pos&(seqLen-1)]] }

// requestMember writes the member at pos into d.request and returns it:
// valid until the next call.
func (d *zsetData) requestMember(pos int) string {
	b := d.request[:0]
	b = append(b, 'm')
	n := int64(d.seq[pos&(seqLen-1)])
	var digits [15]byte
	for i := len(digits) - 1; i >= 0; i-- {
		digits[i] = byte('0' + n%10)
		n /= 10
	}
	b = append(b, digits[:]...)
	return unsafe.String(&b[0], len(b))
}

// zsetPeer is a peer's sorted-set operations.
type zsetPeer interface {
	ZAdd(member, score string) error
	ZRank(member string) error
	ZRange() error
	ZRangeByScore(min, max float64) error
}

type zsetPeerDef struct {
	name string
	open func(d *zsetData) (zsetPeer, func(), error)
}

func zsetPeers() []zsetPeerDef {
	return []zsetPeerDef{
		{"embedis-typed", openZSetEmbedis},
		{"miniredis-direct", openZSetMiniredis},
		{"miniredis-goredis-tcp", openZSetMiniredisTCP},
		{"redis-goredis-tcp", openZSetRedisTCP},
	}
}

// zsetOps are the measured operations, read-only ones first (ZAdd
// changes scores, not the size).
var zsetOps = []struct {
	name string
	fn   func(p zsetPeer, d *zsetData, pos int) error
}{
	{"ZRank", func(p zsetPeer, d *zsetData, pos int) error { return p.ZRank(d.requestMember(pos)) }},
	{"ZRange0to9", func(p zsetPeer, d *zsetData, pos int) error { return p.ZRange() }},
	{"ZRangeByScore", func(p zsetPeer, d *zsetData, pos int) error {
		min := d.scores[d.seq[pos&(seqLen-1)]]
		return p.ZRangeByScore(min, min+d.window)
	}},
	{"ZAdd", func(p zsetPeer, d *zsetData, pos int) error {
		return p.ZAdd(d.member(pos), d.newScr[pos&(seqLen-1)])
	}},
}

// BenchmarkZSet runs every operation on every peer and size, serially:
// BenchmarkZSet/peer=<peer>/n=<members>/op=<op>. Each peer is loaded once
// per size, outside the timings.
func BenchmarkZSet(b *testing.B) {
	for _, def := range zsetPeers() {
		b.Run("peer="+def.name, func(b *testing.B) {
			for _, n := range zsetSizes() {
				b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
					d := newZSetData(n)
					p, closeFn := openPeer(b, def.name, func() (zsetPeer, func(), error) { return def.open(d) })
					defer closeFn()
					for _, op := range zsetOps {
						b.Run("op="+op.name, func(b *testing.B) {
							runtime.GC()
							b.ReportAllocs()
							b.ResetTimer()
							for i := 0; i < b.N; i++ {
								if err := op.fn(p, d, i); err != nil {
									b.Fatal(err)
								}
							}
						})
					}
				})
			}
		})
	}
}

// --- Embedis, typed API ---

type zsetEmbedis struct {
	s *store.Store
	z store.ZSet
}

func loadZSetEmbedis(d *zsetData) *store.Store {
	s, err := store.Open(store.Options{})
	if err != nil {
		panic(err)
	}
	z := s.ZSet(zsetKey)
	batch := make([]store.Z, 0, 1000)
	for i := range d.members {
		batch = append(batch, store.Z{Score: d.scores[i], Member: d.members[i]})
		if len(batch) == cap(batch) || i == len(d.members)-1 {
			if _, err := z.Add(batch...); err != nil {
				panic(err)
			}
			batch = batch[:0]
		}
	}
	return s
}

func openZSetEmbedis(d *zsetData) (zsetPeer, func(), error) {
	s := loadZSetEmbedis(d)
	return zsetEmbedis{s, s.ZSet(zsetKey)}, func() { s.Close() }, nil
}

func (e zsetEmbedis) ZAdd(member, score string) error {
	f, _ := strconv.ParseFloat(score, 64)
	_, err := e.z.Add(store.Z{Score: f, Member: member})
	return err
}

func (e zsetEmbedis) ZRank(member string) error {
	_, ok, err := e.z.Rank(member)
	if err == nil && !ok {
		err = errMissing
	}
	return err
}

func (e zsetEmbedis) ZRange() error {
	r, err := e.z.Range(0, 9)
	if err == nil && len(r) != 10 {
		err = errMissing
	}
	return err
}

func (e zsetEmbedis) ZRangeByScore(min, max float64) error {
	_, err := e.z.RangeByScore(store.Inclusive(min), store.Inclusive(max), 0, -1)
	return err
}

// --- miniredis, direct API ---

type zsetMiniredis struct{ m *miniredis.Miniredis }

func loadZSetMiniredis(d *zsetData) *miniredis.Miniredis {
	m := miniredis.NewMiniRedis()
	for i := range d.members {
		m.ZAdd(zsetKey, d.scores[i], d.members[i])
	}
	return m
}

func openZSetMiniredis(d *zsetData) (zsetPeer, func(), error) {
	m := loadZSetMiniredis(d)
	return zsetMiniredis{m}, m.Close, nil
}

func (k zsetMiniredis) ZAdd(member, score string) error {
	f, _ := strconv.ParseFloat(score, 64)
	_, err := k.m.ZAdd(zsetKey, f, member)
	return err
}

func (k zsetMiniredis) ZRank(member string) error {
	ms, err := k.m.ZMembers(zsetKey)
	if err == nil && !slices.Contains(ms, member) {
		err = errMissing
	}
	return err
}

func (k zsetMiniredis) ZRange() error {
	ms, err := k.m.ZMembers(zsetKey)
	if err == nil && len(ms[:10]) != 10 {
		err = errMissing
	}
	return err
}

func (k zsetMiniredis) ZRangeByScore(min, max float64) error {
	all, err := k.m.SortedSet(zsetKey)
	n := 0
	for _, s := range all {
		if s >= min && s <= max {
			n++
		}
	}
	_ = n
	return err
}

// --- go-redis over TCP: miniredis and redis-server ---

type zsetGoRedis struct{ rdb *redis.Client }

// loadZSetGoRedis loads the set with pipelined ZADDs of 1000 members.
func loadZSetGoRedis(rdb *redis.Client, d *zsetData) error {
	pipe := rdb.Pipeline()
	batch := make([]redis.Z, 0, 1000)
	for i := range d.members {
		batch = append(batch, redis.Z{Score: d.scores[i], Member: d.members[i]})
		if len(batch) == cap(batch) || i == len(d.members)-1 {
			pipe.ZAdd(bg, zsetKey, batch...)
			batch = batch[:0]
		}
		if pipe.Len() == 100 || i == len(d.members)-1 {
			if _, err := pipe.Exec(bg); err != nil {
				return err
			}
		}
	}
	return nil
}

func openZSetMiniredisTCP(d *zsetData) (zsetPeer, func(), error) {
	m := miniredis.NewMiniRedis()
	if err := m.Start(); err != nil {
		return nil, nil, err
	}
	rdb := redis.NewClient(&redis.Options{Addr: m.Addr(), DisableIdentity: true})
	if err := loadZSetGoRedis(rdb, d); err != nil {
		rdb.Close()
		m.Close()
		return nil, nil, err
	}
	return zsetGoRedis{rdb}, func() { rdb.Close(); m.Close() }, nil
}

func openZSetRedisTCP(d *zsetData) (zsetPeer, func(), error) {
	addr, err := redisAddr()
	if err != nil {
		return nil, nil, err
	}
	rdb := redis.NewClient(&redis.Options{Addr: addr})
	rdb.FlushAll(bg)
	if err := loadZSetGoRedis(rdb, d); err != nil {
		rdb.Close()
		return nil, nil, err
	}
	return zsetGoRedis{rdb}, func() { rdb.FlushAll(bg); rdb.Close() }, nil
}

func (g zsetGoRedis) ZAdd(member, score string) error {
	return g.rdb.Do(bg, "ZADD", zsetKey, score, member).Err()
}

func (g zsetGoRedis) ZRank(member string) error { return g.rdb.ZRank(bg, zsetKey, member).Err() }

func (g zsetGoRedis) ZRange() error {
	return g.rdb.ZRangeWithScores(bg, zsetKey, 0, 9).Err()
}

func (g zsetGoRedis) ZRangeByScore(min, max float64) error {
	return g.rdb.ZRangeByScore(bg, zsetKey, &redis.ZRangeBy{
		Min: strconv.FormatFloat(min, 'f', -1, 64), Max: strconv.FormatFloat(max, 'f', -1, 64),
	}).Err()
}

// BenchmarkZSetMemory loads n 16-byte members and reports the bytes per
// member: for Embedis the live heap after loading minus before, for
// redis-server the used_memory delta of INFO memory for the same ZADDs.
func BenchmarkZSetMemory(b *testing.B) {
	for _, n := range zsetSizes() {
		d := newZSetData(n)
		b.Run("peer=embedis/n="+strconv.Itoa(n), func(b *testing.B) {
			var total float64
			for i := 0; i < b.N; i++ {
				before := liveHeap()
				s := loadZSetEmbedis(d)
				after := liveHeap()
				total += float64(after) - float64(before)
				runtime.KeepAlive(s)
				s.Close()
			}
			b.ReportMetric(total/float64(b.N)/float64(n), "B/member")
		})
		b.Run("peer=redis-server/n="+strconv.Itoa(n), func(b *testing.B) {
			redisMemoryPer(b, n, "B/member", func(_ context.Context, rdb *redis.Client) error {
				return loadZSetGoRedis(rdb, d)
			})
		})
	}
}

func TestZSetRequestMember(t *testing.T) {
	d := newZSetData(1000)
	for pos := range 5000 {
		if got, want := d.requestMember(pos), d.member(pos); got != want {
			t.Fatalf("requestMember(%d) = %q, want %q", pos, got, want)
		}
	}
}
