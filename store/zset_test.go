package store_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
	"testing"

	"github.com/embedis/embedis/store"
)

func ExampleZSet() {
	s, _ := store.Open(store.Options{})
	defer s.Close()

	board := s.ZSet("board")
	board.Add(store.Z{Score: 120, Member: "ann"}, store.Z{Score: 95, Member: "bob"}, store.Z{Score: 130, Member: "cyd"})
	board.IncrBy("bob", 40) // bob: 135

	top, _ := board.RevRange(0, 1)
	for _, z := range top {
		fmt.Println(z.Member, z.Score)
	}
	rank, _, _ := board.RevRank("ann")
	fmt.Println("ann's rank:", rank+1)
	n, _ := board.Count(store.Exclusive(100), store.PosInf)
	fmt.Println("above 100:", n)
	for z := range board.All() {
		fmt.Print(z.Member, "=", z.Score, " ")
	}
	fmt.Println()
	// Output:
	// bob 135
	// cyd 130
	// ann's rank: 3
	// above 100: 3
	// ann=120 cyd=130 bob=135
}

func TestZSetTyped(t *testing.T) {
	s, _ := store.Open(store.Options{})
	defer s.Close()
	z := s.ZSet("z")
	if n, err := z.Add(store.Z{Score: 1, Member: "a"}, store.Z{Score: 2, Member: "b"}, store.Z{Score: 3, Member: "c"}); n != 3 || err != nil {
		t.Fatalf("Add = %d, %v", n, err)
	}
	if n, _ := z.AddWith(store.ZAddOptions{XX: true, CH: true}, store.Z{Score: 5, Member: "a"}, store.Z{Score: 9, Member: "new"}); n != 1 {
		t.Fatalf("AddWith XX CH = %d", n)
	}
	if _, err := z.AddWith(store.ZAddOptions{NX: true, XX: true}, store.Z{Score: 1, Member: "a"}); !errors.Is(err, store.ErrZAddXXNX) {
		t.Fatalf("NX XX: %v", err)
	}
	if _, err := z.Add(store.Z{Score: math.NaN(), Member: "a"}); !errors.Is(err, store.ErrNotFloat) {
		t.Fatalf("NaN: %v", err)
	}
	if v, err := z.IncrBy("b", 0.5); v != 2.5 || err != nil {
		t.Fatalf("IncrBy = %v, %v", v, err)
	}
	if _, err := s.ZSet("inf").IncrBy("m", math.Inf(1)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ZSet("inf").IncrBy("m", math.Inf(-1)); !errors.Is(err, store.ErrZScoreNaN) {
		t.Fatalf("inf + -inf: %v", err)
	}
	if sc, ok, _ := z.Score("a"); !ok || sc != 5 {
		t.Fatalf("Score = %v, %v", sc, ok)
	}
	if sc, _ := z.MScore("a", "zz"); sc[0] != 5 || !math.IsNaN(sc[1]) {
		t.Fatalf("MScore = %v", sc)
	}
	if r, ok, _ := z.Rank("a"); !ok || r != 2 {
		t.Fatalf("Rank = %d, %v", r, ok)
	}
	if r, ok, _ := z.RevRank("a"); !ok || r != 0 {
		t.Fatalf("RevRank = %d, %v", r, ok)
	}
	all, _ := z.Range(0, -1)
	if want := []store.Z{{2.5, "b"}, {3, "c"}, {5, "a"}}; !slices.Equal(all, want) {
		t.Fatalf("Range = %v", all)
	}
	if got, _ := z.RangeByScore(store.Exclusive(2.5), store.PosInf, 0, 1); !slices.Equal(got, []store.Z{{3, "c"}}) {
		t.Fatalf("RangeByScore = %v", got)
	}
	if got, _ := z.RevRangeByScore(store.PosInf, store.NegInf, 1, -1); !slices.Equal(got, []store.Z{{3, "c"}, {2.5, "b"}}) {
		t.Fatalf("RevRangeByScore = %v", got)
	}
	if n, _ := z.Count(store.NegInf, store.Inclusive(3)); n != 2 {
		t.Fatalf("Count = %d", n)
	}
	if p, _ := z.PopMax(1); !slices.Equal(p, []store.Z{{5, "a"}}) {
		t.Fatalf("PopMax = %v", p)
	}
	if n, _ := z.Rem("b", "zz"); n != 1 {
		t.Fatalf("Rem = %d", n)
	}
	if n, _ := z.Card(); n != 1 {
		t.Fatalf("Card = %d", n)
	}
	lex := s.ZSet("lex")
	lex.Add(store.Z{Member: "a"}, store.Z{Member: "b"}, store.Z{Member: "c"})
	if m, _ := lex.RangeByLex("(a", "+", 0, -1); !slices.Equal(m, []string{"b", "c"}) {
		t.Fatalf("RangeByLex = %v", m)
	}
	if _, err := lex.RangeByLex("a", "+", 0, -1); !errors.Is(err, store.ErrZMinMaxLex) {
		t.Fatalf("bad lex bound: %v", err)
	}
	if got, _ := s.ZUnion(store.ZStoreOptions{Weights: []float64{1, 10}, Aggregate: store.ZMax}, "z", "lex"); len(got) != 3 || got[2] != (store.Z{Score: 3, Member: "c"}) {
		t.Fatalf("ZUnion = %v", got)
	}
	if n, _ := s.ZInterStore("dst", store.ZStoreOptions{}, "lex", "lex"); n != 3 {
		t.Fatalf("ZInterStore = %d", n)
	}
	if n, _ := s.ZInterCard(2, "lex", "dst"); n != 2 {
		t.Fatalf("ZInterCard = %d", n)
	}
	if got, _ := s.ZDiff("lex", "z"); len(got) != 2 {
		t.Fatalf("ZDiff = %v", got)
	}
	if r, _ := lex.RandMember(-5); len(r) != 5 {
		t.Fatalf("RandMember(-5) = %v", r)
	}
	if n, _ := lex.RemRangeByRank(0, 0); n != 1 {
		t.Fatalf("RemRangeByRank = %d", n)
	}
	s.Set("str", "x")
	if _, err := s.ZSet("str").Card(); !errors.Is(err, store.ErrWrongType) {
		t.Fatalf("wrong type: %v", err)
	}
	if _, err := s.ZUnionStore("str", store.ZStoreOptions{}, "str"); !errors.Is(err, store.ErrWrongType) {
		t.Fatalf("wrong type: %v", err)
	}
}

// TestZSetIterators walks a large set with All and Scan while it changes.
func TestZSetIterators(t *testing.T) {
	s, _ := store.Open(store.Options{})
	defer s.Close()
	z := s.ZSet("big")
	const n = 3000
	for i := range n {
		z.Add(store.Z{Score: float64(i % 100), Member: fmt.Sprintf("m%05d", i)})
	}
	seen := map[string]int{}
	var prev store.Z
	i := 0
	for cur, err := range z.All() {
		if err != nil {
			t.Fatal(err)
		}
		m := cur.Member
		if i > 0 && (cur.Score < prev.Score || cur.Score == prev.Score && cur.Member <= prev.Member) {
			t.Fatalf("All out of order: %v after %v", cur, prev)
		}
		prev = cur
		seen[m]++
		if i%7 == 0 { // writers go on between pages
			z.Add(store.Z{Score: -1, Member: fmt.Sprintf("new%d", i)})
		}
		i++
	}
	for j := range n {
		if seen[fmt.Sprintf("m%05d", j)] != 1 {
			t.Fatalf("All yielded m%05d %d times", j, seen[fmt.Sprintf("m%05d", j)])
		}
	}
	scanned := map[string]bool{}
	for e := range z.Scan("m00*") {
		scanned[e.Member] = true
	}
	s.Set("str", "x")
	for name, seq := range map[string]func(func(store.Z, error) bool){"All": s.ZSet("str").All(), "Scan": s.ZSet("str").Scan("")} {
		var errs []error
		for _, err := range seq {
			errs = append(errs, err)
		}
		if len(errs) != 1 || !errors.Is(errs[0], store.ErrWrongType) {
			t.Fatalf("%s on a string yielded %v, want one ErrWrongType", name, errs)
		}
	}
	if len(scanned) != 1000 {
		t.Fatalf("Scan m00* found %d members", len(scanned))
	}
}

// TestZSetConcurrent runs writers and readers on one set under -race.
func TestZSetConcurrent(t *testing.T) {
	s, _ := store.Open(store.Options{})
	defer s.Close()
	z := s.ZSet("c")
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				m := fmt.Sprintf("m%d", (i*7+w)%500)
				z.IncrBy(m, 1)
				if i%10 == 0 {
					z.Rem(m)
				}
			}
		}()
		go func() {
			defer wg.Done()
			for i := range 500 {
				z.RevRange(0, 9)
				z.Rank(fmt.Sprintf("m%d", i))
				z.Count(store.Inclusive(1), store.PosInf)
			}
		}()
	}
	wg.Wait()
	all, _ := z.Range(0, -1)
	n, _ := z.Card()
	if len(all) != n {
		t.Fatalf("Range has %d elements, Card %d", len(all), n)
	}
}
