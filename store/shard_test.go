package store

import (
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"
	"time"
)

// TestTTLHeapModel drives one shard's TTL heap through random expiry
// changes, removals and sweeps of the earliest key, checking after every
// operation the heap order, each entry's index back into the heap, and
// the set of expiries against a map.
func TestTTLHeapModel(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		rnd := rand.New(rand.NewPCG(seed, 0))
		var sh shard
		entries := make([]*entry, 50+rnd.IntN(400))
		for i := range entries {
			entries[i] = &entry{ttl: -1}
		}
		model := map[*entry]int64{}
		for op := 0; op < 4000; op++ {
			e := entries[rnd.IntN(len(entries))]
			switch r := rnd.IntN(10); {
			case r < 6: // set or change an expiry; few distinct times, so ties are common
				at := 1 + rnd.Int64N(int64(len(entries)/3+1))
				sh.setExpire(e, at)
				model[e] = at
			case r < 8:
				sh.setExpire(e, 0)
				delete(model, e)
			default: // what the sweeper does: remove the earliest
				if len(sh.ttl) == 0 {
					continue
				}
				first := sh.ttl[0]
				for _, at := range model {
					if at < first.at {
						t.Fatalf("seed %d op %d: root expires at %d, a key at %d", seed, op, first.at, at)
					}
				}
				sh.heapRemove(0)
				delete(model, first.e)
			}
			checkTTLHeap(t, &sh, entries, model)
			if t.Failed() {
				t.Fatalf("seed %d: failed after op %d", seed, op)
			}
		}
	}
}

func checkTTLHeap(t *testing.T, sh *shard, entries []*entry, model map[*entry]int64) {
	t.Helper()
	if len(sh.ttl) != len(model) {
		t.Errorf("heap holds %d keys, model %d", len(sh.ttl), len(model))
	}
	for i, s := range sh.ttl {
		if i > 0 && sh.ttl[(i-1)/heapArity].at > s.at {
			t.Errorf("slot %d expires at %d before its parent (%d)", i, s.at, sh.ttl[(i-1)/heapArity].at)
		}
		if int(s.e.ttl) != i {
			t.Errorf("slot %d's entry says it is at %d", i, s.e.ttl)
		}
		if model[s.e] != s.at {
			t.Errorf("slot %d expires at %d, model %d", i, s.at, model[s.e])
		}
	}
	for _, e := range entries {
		if _, ok := model[e]; !ok && e.ttl != -1 {
			t.Errorf("an entry without expiry has heap index %d", e.ttl)
		}
	}
}

// TestSweepUnderConcurrentWrites runs the sweeper, through the manual
// clock, while other goroutines set, re-expire, persist and delete the
// same keys; then it checks every shard's TTL heap against its table.
// Under -race it also shows that the sweeper and the writers share locks.
func TestSweepUnderConcurrentWrites(t *testing.T) {
	s, clock := openManual(t)
	const keys = 2000
	ttl := func(rnd *rand.Rand) time.Duration { return time.Duration(1+rnd.IntN(50)) * time.Millisecond }
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rnd := rand.New(rand.NewPCG(uint64(w), 7))
			for {
				select {
				case <-stop:
					return
				default:
				}
				k := "k" + strconv.Itoa(rnd.IntN(keys))
				switch rnd.IntN(5) {
				case 0:
					s.Set(k, "v", TTL(ttl(rnd)))
				case 1:
					s.Set(k, "v")
				case 2:
					s.Expire(k, ttl(rnd))
				case 3:
					s.Persist(k)
				case 4:
					s.Del(k)
				}
			}
		}()
	}
	for range 300 {
		clock.Advance(time.Millisecond)
	}
	close(stop)
	wg.Wait()
	checkShardTTLs(t, s.dbs[0])
	if st := s.SweepStats(); st.Reclaimed == 0 {
		t.Fatal("the sweeper reclaimed nothing while the writers ran")
	}
	clock.Advance(time.Second)
	checkShardTTLs(t, s.dbs[0])
	for i := range s.dbs[0].shards {
		if n := len(s.dbs[0].shards[i].ttl); n != 0 {
			t.Fatalf("shard %d still has %d keys with a TTL a second after the last could expire", i, n)
		}
	}
}

// checkShardTTLs checks, for every shard of d, that its TTL heap is in
// order, that every slot's entry knows its index and is the entry its
// key finds in the table, and that every entry with a TTL is in the heap.
func checkShardTTLs(t *testing.T, d *DB) {
	t.Helper()
	for i := range d.shards {
		sh := &d.shards[i]
		for j, slot := range sh.ttl {
			if j > 0 && sh.ttl[(j-1)/heapArity].at > slot.at {
				t.Fatalf("shard %d: heap slot %d out of order", i, j)
			}
			if int(slot.e.ttl) != j {
				t.Fatalf("shard %d: slot %d's entry says %d", i, j, slot.e.ttl)
			}
			if sh.find(slot.e.key, d.hash(slot.e.key)) != slot.e {
				t.Fatalf("shard %d: slot %d holds %q, which the table does not", i, j, slot.e.key)
			}
		}
		sh.each(func(e *entry) bool {
			if e.ttl >= 0 && (int(e.ttl) >= len(sh.ttl) || sh.ttl[e.ttl].e != e) {
				t.Fatalf("shard %d: %q has heap index %d, which is not its slot", i, e.key, e.ttl)
			}
			return true
		})
	}
}
