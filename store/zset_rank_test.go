package store

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/embedis/embedis/internal/ztree"
)

// TestZSetRankModel checks rank, on a large set, against a sorted model
// through growth, shrinking and rehashes of the member index, score
// updates in place and across leaves, ties, and removals. rank first
// guesses the member's score from the index's hint (guessRank) and falls
// back to a lookup; both ways must answer alike, and both must be taken.
func TestZSetRankModel(t *testing.T) {
	for seed := range uint64(3) {
		r := rand.New(rand.NewPCG(seed, 9))
		z := &zset{}
		model := map[string]float64{}
		guessed, fellBack := 0, 0
		check := func(member string) {
			want, present := 0, false
			if s, ok := model[member]; ok {
				present = true
				for m, s2 := range model {
					if ztree.Less(ztree.Item{Score: s2, Member: m}, ztree.Item{Score: s, Member: member}) {
						want++
					}
				}
			}
			if _, ok := z.guessRank(member); ok {
				guessed++
			} else {
				fellBack++
			}
			got, ok := z.rank(member, false)
			if ok != present || ok && got != want {
				t.Fatalf("seed %d: rank(%q) = %d, %v; want %d, %v (%d members)", seed, member, got, ok, want, present, len(model))
			}
			if rev, ok := z.rank(member, true); ok != present || ok && rev != len(model)-1-want {
				t.Fatalf("seed %d: reverse rank(%q) = %d, %v; want %d", seed, member, rev, ok, len(model)-1-want)
			}
		}
		const universe = 2000
		for i := range 12000 {
			m := fmt.Sprintf("member:%d", r.IntN(universe))
			score := float64(r.IntN(50)) // ties: many members share a score
			if r.IntN(2) == 0 {
				score = r.Float64() * 1e6
			}
			switch op := r.IntN(10); {
			case op < 5:
				if old, ok := model[m]; ok {
					z.update(m, old, score)
				} else {
					z.insert(m, score)
				}
				model[m] = score
			case op < 7 || i > 8000: // the last third mostly removes: the index shrinks
				z.remove(m)
				delete(model, m)
			}
			if i%2 == 0 {
				check(m)
			} else {
				check(fmt.Sprintf("member:%d", r.IntN(universe+100)))
			}
		}
		if z.len() != len(model) {
			t.Fatalf("seed %d: %d members, model %d", seed, z.len(), len(model))
		}
		if guessed == 0 || fellBack == 0 {
			t.Fatalf("seed %d: rank guessed %d times and fell back %d: both ways must be tested", seed, guessed, fellBack)
		}
	}
}
