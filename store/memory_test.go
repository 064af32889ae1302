package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/embedis/embedis/internal/redistest"
)

// recount is what v.size() should be, counted from v's contents rather
// than from the counters its type keeps as it changes.
func recount(v value) int64 {
	switch v.kind {
	case kindHash:
		h := *(*hash)(v.p)
		h.fieldBytes, h.valueBytes = 0, 0
		for f, val := range h.all() {
			h.fieldBytes += strBytes(f)
			h.valueBytes += strBytes(val)
		}
		return h.size()
	case kindList:
		l := *(*list)(v.p)
		l.elemBytes = 0
		for _, s := range l.elems(0, false) {
			l.elemBytes += strBytes(s)
		}
		return l.size()
	case kindZSet:
		z := *(*zset)(v.p)
		z.memberBytes = 0
		for it := range z.tree.All(0, false) {
			z.memberBytes += strBytes(it.Member)
		}
		return z.size()
	}
	return v.size() // strings and sets keep no counters of their own
}

// checkAccounting checks the accounting invariant of every shard of every
// database: used is the sum of its entries' sizes, and each size is what
// a recount of the entry finds. It takes no locks: s must be idle, on a
// manual clock (so no sweeper runs on its own).
func checkAccounting(t *testing.T, s *Store, after string) {
	t.Helper()
	for _, d := range s.dbs {
		for i := range d.shards {
			sh := &d.shards[i]
			var sum int64
			sh.each(func(e *entry) bool {
				if got, want := e.val.size(), recount(e.val); got != want {
					t.Fatalf("after %s: db %d key %q (%s): size %d, recount %d", after, d.index, e.key, e.val.typeName(), got, want)
				}
				sum += entrySize(e.key, e.val)
				return true
			})
			if used := *sh.used; used != sum {
				t.Fatalf("after %s: db %d shard %d accounts %d bytes, its entries take %d", after, d.index, i, *sh.used, sum)
			}
		}
	}
}

// TestMemoryAccountingRandom runs the differential test's random command
// stream, every type and most commands, on a Store alone, and checks the
// accounting invariant after each command. The blocking commands are
// left out (on a real clock each would wait out its timeout).
func TestMemoryAccountingRandom(t *testing.T) {
	s, conn := openDialed(t, Options{Clock: NewManualClock(time.Unix(1_700_000_000, 0))})
	c := redistest.NewClient(conn)
	n := 20_000
	if testing.Short() || raceEnabled {
		n = 6000 // the race detector makes each recount slow
	}
	g := newCmdGen(77, 2)
	for sent := 0; sent < n; {
		st := g.next()
		name := strings.ToUpper(st.args[0])
		if st.lcs != nil || st.after != nil || strings.HasPrefix(name, "BL") || strings.HasPrefix(name, "BR") || strings.HasPrefix(name, "BZ") {
			continue
		}
		for _, p := range append(st.pre, st.args) {
			if _, err := c.Do(p...); err != nil {
				t.Fatalf("%s: %v", redistest.FormatCommand(p...), err)
			}
			sent++
		}
		checkAccounting(t, s, redistest.FormatCommand(st.args...))
	}
}

// TestMemoryAccountingLarge drives each collection type through its
// encodings and large sizes with the typed API, checking the invariant as
// it goes, and compares what the shard accounts for with the heap the
// data really takes.
func TestMemoryAccountingLarge(t *testing.T) {
	s, _ := openManual(t)
	const n = 20_000
	members := make([]string, n)
	for i := range members {
		members[i] = fmt.Sprintf("member:%011d", i) // 18 bytes
	}
	total := func() (sum int64) {
		for i := range s.shards {
			sum += *s.shards[i].used
		}
		return sum
	}
	steps := []struct {
		name string
		fill func()
	}{
		{"hash", func() {
			h := s.Hash("h")
			for i, m := range members {
				h.Set(m, strconv.Itoa(i))
			}
		}},
		{"list", func() { s.List("l").RPush(members...) }},
		{"set", func() { s.SetOf("s").Add(members...) }},
		{"zset", func() {
			z := s.ZSet("z")
			for i, m := range members {
				z.Add(Z{Score: float64((i * 7919) % n), Member: m})
			}
		}},
	}
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	for _, st := range steps {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		base := total()
		st.fill()
		runtime.GC()
		runtime.ReadMemStats(&after)
		checkAccounting(t, s, st.name)
		heap := float64(after.HeapAlloc - before.HeapAlloc)
		got := float64(total() - base)
		// The members were allocated before: count their bytes as the
		// collection's, as its accounting does, unless it copies them.
		t.Logf("%s of %d: accounted %.0f bytes, heap grew %.0f (+ the members' %d)", st.name, n, got, heap, n*32)
		if got < 0.8*heap || got > 1.2*(heap+float64(n*32)) {
			t.Errorf("%s of %d: accounted %.0f bytes, heap grew %.0f", st.name, n, got, heap)
		}
	}
	// Emptied piece by piece, each is accounted back to nothing.
	for i, m := range members {
		if i%2 == 0 {
			s.Hash("h").Del(m)
			s.SetOf("s").Remove(m)
			s.ZSet("z").Rem(m)
		}
	}
	s.List("l").Trim(0, n/3)
	checkAccounting(t, s, "removals")
	s.Del("h", "l", "s", "z")
	if got := total(); got != 0 {
		t.Errorf("after DEL of everything: %d bytes accounted", got)
	}
	runtime.KeepAlive(members)
}

// TestMemoryAccountingListEdits edits lists whose elements differ widely
// in size, so that an element counted in place of another shows: every
// list command that writes or clears a slot, checked after each call.
func TestMemoryAccountingListEdits(t *testing.T) {
	s, _ := openManual(t)
	r := rand.New(rand.NewPCG(11, 12))
	elem := func() string { return strings.Repeat("x", []int{1, 20, 100, 700, 3000}[r.IntN(5)]) }
	for i := range 5000 {
		l := s.List("l" + strconv.Itoa(r.IntN(3)))
		switch r.IntN(9) {
		case 0, 1:
			l.LPush(elem(), elem())
		case 2, 3:
			l.RPush(elem(), elem(), elem())
		case 4:
			l.PopN(End(r.IntN(2) == 0), r.IntN(4)+1)
		case 5:
			l.Rem(int64(r.IntN(5)-2), elem())
		case 6:
			l.InsertBefore(elem(), elem())
		case 7:
			l.Set(int64(r.IntN(20)-10), elem())
		case 8:
			if r.IntN(4) == 0 {
				l.Trim(int64(r.IntN(5)), int64(r.IntN(40)-5))
			} else {
				l.Move("l"+strconv.Itoa(r.IntN(3)), End(r.IntN(2) == 0), End(r.IntN(2) == 0))
			}
		}
		checkAccounting(t, s, "edit "+strconv.Itoa(i))
	}
}

// TestMemoryAccountingHashZSetEdits does for hashes and sorted sets what
// TestMemoryAccountingListEdits does for lists, through Do: fields,
// values and members of widely different sizes, across both encodings.
func TestMemoryAccountingHashZSetEdits(t *testing.T) {
	s, _ := openManual(t)
	ctx := context.Background()
	r := rand.New(rand.NewPCG(13, 14))
	str := func() string {
		return strings.Repeat(strconv.Itoa(r.IntN(10)), []int{1, 20, 70, 700}[r.IntN(4)])
	}
	num := func() string { return strconv.Itoa(r.IntN(1000) - 500) }
	for i := range 6000 {
		key := "k" + strconv.Itoa(r.IntN(3))
		var args []string
		switch r.IntN(12) {
		case 0, 1:
			args = []string{"HSET", "h" + key, str(), str(), str(), num()}
		case 2:
			args = []string{"HDEL", "h" + key, str(), str()}
		case 3:
			args = []string{"HINCRBY", "h" + key, str(), num()}
		case 4:
			args = []string{"HINCRBYFLOAT", "h" + key, str(), []string{"1e300", "1.5", "-2"}[r.IntN(3)]}
		case 5, 6:
			args = []string{"ZADD", "z" + key, num(), str(), num(), str()}
		case 7:
			args = []string{"ZINCRBY", "z" + key, num(), str()}
		case 8:
			args = []string{"ZREM", "z" + key, str(), str()}
		case 9:
			args = []string{"ZREMRANGEBYRANK", "z" + key, strconv.Itoa(r.IntN(6)), strconv.Itoa(r.IntN(6))}
		case 10:
			args = []string{"ZPOPMIN", "z" + key, strconv.Itoa(r.IntN(3) + 1)}
		case 11:
			args = []string{"HSET", "h" + key, strconv.Itoa(i), str()} // grows past the listpack limits
		}
		if _, err := s.Do(ctx, args...); err != nil && !errors.Is(err, ErrHashNotInteger) && !errors.Is(err, ErrHashNotFloat) && !errors.Is(err, ErrOverflow) && !errors.Is(err, ErrNaNOrInf) {
			t.Fatalf("%q: %v", args, err)
		}
		checkAccounting(t, s, strings.Join(args, " "))
	}
}
