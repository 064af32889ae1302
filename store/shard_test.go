package store

import (
	"math/rand/v2"
	"testing"
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
