package store

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// check verifies the list's invariants (list.go) and that it holds want.
func (l *list) check(t *testing.T, want []string) {
	t.Helper()
	if l.n != len(want) {
		t.Fatalf("n = %d, want %d", l.n, len(want))
	}
	if l.nch < 1 || l.nch > len(l.ring) || len(l.ring)&(len(l.ring)-1) != 0 {
		t.Fatalf("nch %d, ring %d", l.nch, len(l.ring))
	}
	for k := range l.nch {
		if c := l.chunk(k); l.nch > 1 && len(c) != chunkCap || len(c) > chunkCap {
			t.Fatalf("chunk %d of %d has %d slots", k, l.nch, len(c))
		}
	}
	if l.off < 0 || l.off >= len(l.chunk(0)) {
		t.Fatalf("off %d outside the first chunk (%d)", l.off, len(l.chunk(0)))
	}
	if l.n > 0 && (l.off+l.n-1)>>chunkShift != l.nch-1 {
		t.Fatalf("last element at %d is not in the last chunk (%d chunks)", l.off+l.n-1, l.nch)
	}
	// Slots outside the span are empty.
	pos := 0
	for k := range l.nch {
		for _, s := range l.chunk(k) {
			if (pos < l.off || pos >= l.off+l.n) && s != "" {
				t.Fatalf("slot %d outside [%d, %d) holds %q", pos, l.off, l.off+l.n, s)
			}
			pos++
		}
	}
	got := l.appendRange(nil, 0, -1)
	if !slices.Equal(got, want) {
		t.Fatalf("list holds %q\nwant %q", got, want)
	}
	for i := range want {
		if *l.at(i) != want[i] {
			t.Fatalf("at(%d) = %q, want %q", i, *l.at(i), want[i])
		}
	}
}

// TestListModel runs random operations on a list and on a plain slice and
// compares them, with sizes that cross the chunk boundaries often.
func TestListModel(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 40 {
		l := newList(r.IntN(200))
		var m []string
		val := func() string { return strconv.Itoa(r.IntN(8)) }
		limit := []int{10, 300, 2000}[round%3]
		for step := 0; step < 3000; step++ {
			switch op := r.IntN(14); {
			case op < 3 && len(m) < limit:
				s := val()
				l.pushFront(s)
				m = slices.Insert(m, 0, s)
			case op < 6 && len(m) < limit:
				s := val()
				l.pushBack(s)
				m = append(m, s)
			case op == 6 && len(m) > 0:
				if s := l.popFront(); s != m[0] {
					t.Fatalf("popFront %q, want %q", s, m[0])
				}
				m = m[1:]
			case op == 7 && len(m) > 0:
				if s := l.popBack(); s != m[len(m)-1] {
					t.Fatalf("popBack %q, want %q", s, m[len(m)-1])
				}
				m = m[:len(m)-1]
			case op == 8:
				k := r.IntN(300)
				left := r.IntN(2) == 0
				got := l.popN(nil, k, left)
				k = min(k, len(m))
				var want []string
				if left {
					want, m = slices.Clone(m[:k]), m[k:]
				} else {
					want = slices.Clone(m[len(m)-k:])
					slices.Reverse(want)
					m = m[:len(m)-k]
				}
				if !slices.Equal(got, want) {
					t.Fatalf("popN(%d, %v) = %q, want %q", k, left, got, want)
				}
			case op == 9 && len(m) < limit:
				i := r.IntN(len(m) + 1)
				s := "i" + val()
				l.insert(i, s)
				m = slices.Insert(m, i, s)
			case op == 10:
				s := val()
				count := int64(r.IntN(5) - 2)
				got := l.remove(s, max(count, -count), count < 0)
				want := modelRemove(&m, s, count)
				if got != want {
					t.Fatalf("remove(%q, %d) = %d, want %d", s, count, got, want)
				}
			case op == 11 && len(m) > 0:
				start, stop := int64(r.IntN(2*len(m))-len(m)), int64(r.IntN(2*len(m))-len(m))
				from, to := indexSpan(len(m), start, stop)
				l.trimBack(l.n - to)
				l.trimFront(from)
				m = m[from:to]
				if to == from {
					l.trimFront(l.n)
					m = nil
				}
			case op == 12 && len(m) > 0:
				i := r.IntN(len(m))
				if got := l.find(m[i]); got != slices.Index(m, m[i]) {
					t.Fatalf("find(%q) = %d, want %d", m[i], got, slices.Index(m, m[i]))
				}
			case op == 13:
				c := l.clone()
				c.check(t, m)
			}
			l.check(t, m)
		}
	}
}

func modelRemove(m *[]string, s string, count int64) int64 {
	var removed int64
	out := (*m)[:0:0]
	if count >= 0 {
		for _, v := range *m {
			if v == s && (count == 0 || removed < count) {
				removed++
				continue
			}
			out = append(out, v)
		}
	} else {
		for i := len(*m) - 1; i >= 0; i-- {
			v := (*m)[i]
			if v == s && removed < -count {
				removed++
				continue
			}
			out = append(out, v)
		}
		slices.Reverse(out)
	}
	*m = out
	return removed
}

// TestListQueueReusesChunks: a list used as a queue, at any length, stops
// allocating once it has its spare chunk.
func TestListQueueReusesChunks(t *testing.T) {
	for _, size := range []int{0, 1000} {
		l := newList(0)
		for i := range size + 1 {
			l.pushFront(strconv.Itoa(i))
		}
		s := "x"
		allocs := testing.AllocsPerRun(1000, func() {
			l.pushFront(s)
			l.popBack()
		})
		if allocs != 0 {
			t.Errorf("size %d: %v allocations per push+pop", size, allocs)
		}
	}
}

func TestListTypedAPI(t *testing.T) {
	s, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	l := s.List("l")
	if n, err := l.RPush("a", "b", "c"); n != 3 || err != nil {
		t.Fatalf("RPush = %d, %v", n, err)
	}
	if n, _ := l.LPush("z"); n != 4 {
		t.Fatalf("LPush = %d", n)
	}
	if n, _ := s.List("none").LPushX("a"); n != 0 {
		t.Fatalf("LPushX on a missing key = %d", n)
	}
	got, _ := l.Range(0, -1)
	if want := []string{"z", "a", "b", "c"}; !slices.Equal(got, want) {
		t.Fatalf("Range = %q", got)
	}
	if v, err := l.Index(-1); v != "c" || err != nil {
		t.Fatalf("Index(-1) = %q, %v", v, err)
	}
	if _, err := l.Index(10); err != ErrNil {
		t.Fatalf("Index(10) err = %v", err)
	}
	if err := l.Set(10, "x"); err != ErrIndexOutOfRange {
		t.Fatalf("Set(10) err = %v", err)
	}
	if err := s.List("none").Set(0, "x"); err != ErrNoSuchKey {
		t.Fatalf("Set on a missing key: %v", err)
	}
	if n, _ := l.InsertAfter("a", "a2"); n != 5 {
		t.Fatalf("InsertAfter = %d", n)
	}
	if i, _ := l.Pos("a2"); i != 2 {
		t.Fatalf("Pos = %d", i)
	}
	if _, err := l.Positions("a", 0, -1, 0); err != ErrRankZero {
		t.Fatalf("Positions rank 0: %v", err)
	}
	var all []string
	for v, err := range l.Elems(1, -2) {
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, v)
	}
	if want := []string{"a", "a2", "b"}; !slices.Equal(all, want) {
		t.Fatalf("Elems = %q", all)
	}
	// Empty ranges yield nothing, as LRANGE replies an empty array.
	for _, r := range [][2]int64{{3, 1}, {100, 200}, {-1, -2}} {
		for v := range l.Elems(r[0], r[1]) {
			t.Fatalf("Elems(%d, %d) yielded %q", r[0], r[1], v)
		}
	}
	if v, err := l.Move("m", Left, Right); v != "z" || err != nil {
		t.Fatalf("Move = %q, %v", v, err)
	}
	if v, _ := l.RPopLPush("m"); v != "c" {
		t.Fatalf("RPopLPush = %q", v)
	}
	key, elems, err := s.LMPop(Right, 10, "none", "m")
	if key != "m" || !slices.Equal(elems, []string{"z", "c"}) || err != nil {
		t.Fatalf("LMPop = %q %q %v", key, elems, err)
	}
	if _, _, err := s.LMPop(Left, 1, "none"); err != ErrNil {
		t.Fatalf("LMPop of nothing: %v", err)
	}
	if n, _ := l.Rem(0, "a2"); n != 1 {
		t.Fatalf("Rem = %d", n)
	}
	if err := l.Trim(0, 0); err != nil {
		t.Fatal(err)
	}
	if v, _ := l.LPop(); v != "a" {
		t.Fatalf("LPop = %q", v)
	}
	if s.Exists("l") != 0 {
		t.Fatal("the emptied list still exists")
	}
	if _, err := l.RPop(); err != ErrNil {
		t.Fatalf("RPop of a missing list: %v", err)
	}
	if got, err := l.PopN(Left, 3); got != nil || err != nil {
		t.Fatalf("PopN of a missing list: %q, %v", got, err)
	}
	s.Set("str", "v")
	if _, err := s.List("str").RPush("a"); err != ErrWrongType {
		t.Fatalf("RPush on a string: %v", err)
	}
	for _, err := range s.List("str").Elems(0, -1) {
		if err != ErrWrongType {
			t.Fatalf("Elems on a string: %v", err)
		}
	}
	if _, err := s.List("src").Move("str", Left, Left); err != ErrNil {
		t.Fatalf("Move from a missing list to a string: %v", err)
	}
	s.List("src").RPush("x")
	if _, err := s.List("src").Move("str", Left, Left); err != ErrWrongType {
		t.Fatalf("Move to a string: %v", err)
	}
}

// TestListElemsPages: Elems reads across pages and sees the list as it
// is when each page is read.
func TestListElemsPages(t *testing.T) {
	s, _ := Open(Options{})
	defer s.Close()
	l := s.List("l")
	var want []string
	for i := range 1000 {
		want = append(want, strconv.Itoa(i))
	}
	l.RPush(want...)
	var got []string
	for v, err := range l.Elems(0, -1) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("Elems read %d elements", len(got))
	}
	got = got[:0]
	for v := range l.Elems(-10, -1) {
		got = append(got, v)
		if len(got) == 3 {
			break
		}
	}
	if !slices.Equal(got, want[990:993]) {
		t.Fatalf("Elems(-10, -1) = %q", got)
	}
}

// TestListExpired: a write to an expired list starts a new one.
func TestListExpired(t *testing.T) {
	clock := NewManualClock(time.Unix(1e9, 0))
	s, _ := Open(Options{Clock: clock})
	defer s.Close()
	ctx := context.Background()
	s.Do(ctx, "RPUSH", "l", "a", "b")
	s.Do(ctx, "PEXPIRE", "l", "100")
	clock.Advance(200 * time.Millisecond)
	if v, _ := s.Do(ctx, "LLEN", "l"); v.Int != 0 {
		t.Fatalf("LLEN of an expired list = %d", v.Int)
	}
	if n, _ := s.List("l").LPush("c"); n != 1 {
		t.Fatalf("LPush on an expired list = %d", n)
	}
	if ttl := s.TTL("l"); ttl != -1 {
		t.Fatalf("TTL = %v", ttl)
	}
}

func TestListDoErrors(t *testing.T) {
	s, _ := Open(Options{})
	defer s.Close()
	ctx := context.Background()
	s.Do(ctx, "SET", "s", "v")
	if _, err := s.Do(ctx, "LPUSH", "s", "a"); !errors.Is(err, ErrWrongType) {
		t.Fatalf("LPUSH on a string: %v", err)
	}
	if _, err := s.Do(ctx, "LSET", "l", "0", "a"); !errors.Is(err, ErrNoSuchKey) {
		t.Fatalf("LSET on a missing key: %v", err)
	}
	s.Do(ctx, "RPUSH", "l", "a")
	if _, err := s.Do(ctx, "LSET", "l", "5", "a"); !errors.Is(err, ErrIndexOutOfRange) {
		t.Fatalf("LSET out of range: %v", err)
	}
}

// TestListConcurrentMoves: elements moved between lists in several shards
// by LMOVE, LMPOP + RPUSH and the typed API, from many goroutines, while
// readers run LRANGE and LLEN, are never lost or duplicated.
func TestListConcurrentMoves(t *testing.T) {
	s, _ := Open(Options{})
	defer s.Close()
	ctx := context.Background()
	keys := []string{"q0", "q1", "q2", "q3", "q4"}
	const total = 500
	for i := range total {
		s.List(keys[i%len(keys)]).RPush(strconv.Itoa(i))
	}
	workers, each := 6, 400
	if raceEnabled {
		each = 150
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 9))
			for range each {
				a, b := keys[r.IntN(len(keys))], keys[r.IntN(len(keys))]
				var err error
				switch r.IntN(4) {
				case 0:
					_, err = s.Do(ctx, "LMOVE", a, b, "LEFT", "RIGHT")
				case 1:
					_, err = s.List(a).Move(b, Right, Left)
				case 2:
					var key string
					var elems []string
					if key, elems, err = s.LMPop(Left, 3, a, b); err == nil {
						_, err = s.List(key).RPush(elems...)
					}
				default:
					_, err = s.Do(ctx, "LRANGE", a, "0", "-1")
					s.List(b).Len()
				}
				if err != nil && err != ErrNil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, k := range keys {
		elems, _ := s.List(k).Range(0, -1)
		for _, e := range elems {
			if seen[e] {
				t.Fatalf("%s seen twice", e)
			}
			seen[e] = true
		}
	}
	if len(seen) != total {
		t.Fatalf("%d elements, want %d", len(seen), total)
	}
}
