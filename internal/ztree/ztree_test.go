package ztree

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"slices"
	"testing"
	"unsafe"
)

// check verifies the invariants of the package doc and that t holds want.
func check(t *testing.T, tr *Tree, want []Item) {
	t.Helper()
	if tr.Len() != len(want) {
		t.Fatalf("Len %d, want %d", tr.Len(), len(want))
	}
	if tr.root == nil {
		if len(want) != 0 {
			t.Fatal("nil root")
		}
		return
	}
	leafDepth := -1
	var walk func(n *node, depth int, isRoot bool) int
	walk = func(n *node, depth int, isRoot bool) int {
		if n.entries() == 0 {
			t.Fatalf("empty node at depth %d", depth)
		}
		checkBlock(t, n)
		if n.leaf() {
			if leafDepth < 0 {
				leafDepth = depth
			} else if leafDepth != depth {
				t.Fatalf("leaves at depths %d and %d", leafDepth, depth)
			}
			if !isRoot && n.entries() < minLeaf {
				t.Fatalf("leaf with %d items", n.entries())
			}
			if n.entries() > maxLeaf {
				t.Fatalf("leaf with %d items", n.entries())
			}
			return len(n.scores)
		}
		if !isRoot && n.entries() < minInner || n.entries() > maxInner {
			t.Fatalf("inner node with %d kids", n.entries())
		}
		if isRoot && n.entries() < 2 {
			t.Fatalf("inner root with %d kids", n.entries())
		}
		if len(n.kids) != len(n.scores) || len(n.kids) != len(n.sizes) || len(n.members) != len(n.scores) {
			t.Fatal("inner slices differ in length")
		}
		total := 0
		for i, k := range n.kids {
			c := walk(k, depth+1, false)
			if c != n.sizes[i] {
				t.Fatalf("size %d, subtree has %d", n.sizes[i], c)
			}
			if k.max() != n.item(i) {
				t.Fatalf("separator %v, subtree max %v", n.item(i), k.max())
			}
			total += c
		}
		return total
	}
	walk(tr.root, 0, true)
	got := slices.Collect(tr.All(0, false))
	if !slices.Equal(got, want) {
		t.Fatalf("elements differ:\n got %v\nwant %v", len(got), len(want))
	}
	rev := slices.Collect(tr.All(len(want)-1, true))
	slices.Reverse(rev)
	if !slices.Equal(rev, want) {
		t.Fatal("reverse iteration differs")
	}
}

// checkBlock verifies that a block node's slices still point into its own
// arrays, which searches read directly (node.arrays, node.children): a
// slice that grew past its capacity would have moved.
func checkBlock(t *testing.T, n *node) {
	t.Helper()
	if !n.block {
		return
	}
	if n.leaf() {
		b := (*leafBlock)(unsafe.Pointer(n))
		if unsafe.SliceData(n.scores) != &b.scores[0] || unsafe.SliceData(n.members) != &b.members[0] {
			t.Fatal("a leaf block's slices left its arrays")
		}
		return
	}
	b := (*innerBlock)(unsafe.Pointer(n))
	if unsafe.SliceData(n.scores) != &b.scores[0] || unsafe.SliceData(n.members) != &b.members[0] ||
		unsafe.SliceData(n.sizes) != &b.sizes[0] || unsafe.SliceData(n.kids) != &b.kids[0] {
		t.Fatal("an inner block's slices left its arrays")
	}
}

func cmp(a, b Item) int {
	switch {
	case Less(a, b):
		return -1
	case Less(b, a):
		return 1
	}
	return 0
}

func TestRandomOps(t *testing.T) {
	for _, tc := range []struct {
		name  string
		ops   int
		space int
	}{{"small", 3000, 50}, {"medium", 20000, 3000}, {"large", 60000, 40000}} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, uint64(tc.space)))
			var tr Tree
			var model []Item
			present := map[string]float64{}
			item := func() Item {
				m := fmt.Sprintf("m%d", r.IntN(tc.space))
				if s, ok := present[m]; ok {
					return Item{s, m}
				}
				return Item{float64(r.IntN(tc.space / 3)), m}
			}
			for op := 0; op < tc.ops; op++ {
				switch k := r.IntN(20); {
				case k < 11:
					it := item()
					if _, ok := present[it.Member]; ok {
						continue
					}
					present[it.Member] = it.Score
					tr.Insert(it)
					i, _ := slices.BinarySearchFunc(model, it, cmp)
					model = slices.Insert(model, i, it)
				case k < 15:
					it := item()
					_, ok := present[it.Member]
					if tr.Delete(it) != ok {
						t.Fatalf("Delete(%v) = %v", it, !ok)
					}
					if ok {
						delete(present, it.Member)
						i, _ := slices.BinarySearchFunc(model, it, cmp)
						model = slices.Delete(model, i, i+1)
					}
				case k < 16 && len(model) > 0 && r.IntN(30) == 0:
					lo := r.IntN(len(model))
					hi := lo + r.IntN(min(len(model)-lo, 1+r.IntN(300))) + 1
					var removed []Item
					tr.DeleteRange(lo, hi, func(it Item) { removed = append(removed, it) })
					if !slices.Equal(removed, model[lo:hi]) {
						t.Fatalf("DeleteRange(%d, %d) removed %d items, want %d", lo, hi, len(removed), hi-lo)
					}
					for _, it := range removed {
						delete(present, it.Member)
					}
					model = slices.Delete(model, lo, hi)
				case k < 19:
					it := item()
					rank, ok := tr.Rank(it)
					i, found := slices.BinarySearchFunc(model, it, cmp)
					if ok != found || ok && rank != i {
						t.Fatalf("Rank(%v) = %d, %v; want %d, %v", it, rank, ok, i, found)
					}
					if len(model) > 0 {
						j := r.IntN(len(model))
						if got := tr.At(j); got != model[j] {
							t.Fatalf("At(%d) = %v, want %v", j, got, model[j])
						}
						s := float64(r.IntN(tc.space/3 + 2))
						got := tr.Search(func(x Item) bool { return x.Score >= s })
						want, _ := slices.BinarySearchFunc(model, s, func(x Item, s float64) int {
							if x.Score < s {
								return -1
							}
							return 1
						})
						if got != want {
							t.Fatalf("Search(>= %v) = %d, want %d", s, got, want)
						}
					}
				default:
					if len(model) > 0 {
						j := r.IntN(len(model))
						n := 0
						for x := range tr.All(j, r.IntN(2) == 0) {
							_ = x
							n++
							if n > 10 {
								break
							}
						}
					}
				}
				if op%97 == 0 {
					check(t, &tr, model)
				}
			}
			check(t, &tr, model)
			t.Logf("%d elements at the end", len(model))
			c := tr.Clone()
			check(t, c, model)
			tr.DeleteRange(0, tr.Len(), nil)
			check(t, &tr, nil)
			check(t, c, model)
		})
	}
}

// TestSequentialFill checks that ascending and descending inserts fill
// leaves completely.
func TestSequentialFill(t *testing.T) {
	for _, desc := range []bool{false, true} {
		var tr Tree
		var model []Item
		const n = 100000
		for i := range n {
			v := i
			if desc {
				v = n - i
			}
			tr.Insert(Item{float64(v), "m"})
			model = append(model, Item{float64(v), "m"})
		}
		if desc {
			slices.Reverse(model)
		}
		check(t, &tr, model)
		leaves := 0
		var count func(n *node)
		count = func(n *node) {
			if n.leaf() {
				leaves++
				return
			}
			for _, k := range n.kids {
				count(k)
			}
		}
		count(tr.root)
		if min := (n + maxLeaf - 1) / maxLeaf; leaves > min+1 {
			t.Errorf("desc=%v: %d leaves for %d items, want about %d", desc, leaves, n, min)
		}
	}
}

// BenchmarkPosition is the tree's part of ZRANK: the rank of a random
// present element, at a size that fits in the cache and one that doesn't.
// The elements to look up are laid out in the order they are asked for,
// so reading them streams and costs no miss: what is measured is the
// tree's.
func BenchmarkPosition(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(7, uint64(n)))
			var t Tree
			items := make([]Item, n)
			for i := range items {
				items[i] = Item{float64(r.Int64N(1 << 40)), fmt.Sprintf("m%015d", i)}
				t.Insert(items[i])
			}
			asks := make([]Item, 1<<20)
			for i := range asks {
				asks[i] = items[r.IntN(n)]
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if t.Position(asks[i&(len(asks)-1)]) < 0 {
					b.Fatal("negative")
				}
			}
		})
	}
}

// insertBoth inserts it into tr and into model, a sorted slice, and
// returns the model.
func insertBoth(tr *Tree, model []Item, it Item) []Item {
	tr.Insert(it)
	i, _ := slices.BinarySearchFunc(model, it, cmp)
	return slices.Insert(model, i, it)
}

// randomTree returns a tree of n elements with integer scores below
// scores (so some tie), the same elements sorted, and the random source
// that made them, seeded with seed, for the test to go on with.
func randomTree(seed uint64, n, scores int) (*rand.Rand, Tree, []Item) {
	r := rand.New(rand.NewPCG(seed, seed+1))
	var tr Tree
	var model []Item
	for i := 0; i < n; i++ {
		model = insertBoth(&tr, model, Item{float64(r.IntN(scores)), fmt.Sprintf("m%d", i)})
	}
	return r, tr, model
}

// TestDeleteAt removes elements by rank, in random order, until the tree
// is empty, checking the element returned and the invariants each time.
func TestDeleteAt(t *testing.T) {
	r, tr, model := randomTree(5, 3000, 500)
	for step := 0; len(model) > 0; step++ {
		k := r.IntN(len(model))
		if got := tr.DeleteAt(k); got != model[k] {
			t.Fatalf("DeleteAt(%d) = %v, want %v", k, got, model[k])
		}
		model = slices.Delete(model, k, k+1)
		if step%97 == 0 || len(model) < 300 {
			check(t, &tr, model)
		}
	}
	check(t, &tr, nil)
}

// TestIndex checks that Index finds every element's rank, in trees whose
// scores are all distinct, mostly distinct and mostly tied.
func TestIndex(t *testing.T) {
	for _, scores := range []int{1 << 40, 5000, 30, 1} {
		_, tr, model := randomTree(uint64(scores), 4000, scores)
		for k, it := range model {
			if got := tr.Index(it); got != k {
				t.Fatalf("scores below %d: Index(%v) = %d, want %d", scores, it, got, k)
			}
		}
	}
}

// TestSetScoreAt moves random elements by small and large amounts, in
// place where SetScoreAt allows it and by delete and insert otherwise,
// checking the tree against a model.
func TestSetScoreAt(t *testing.T) {
	r, tr, model := randomTree(7, 2000, 100000)
	inPlace := 0
	for step := 0; step < 20000; step++ {
		k := r.IntN(len(model))
		score := model[k].Score + float64(r.IntN(200)-100)
		if r.IntN(10) == 0 {
			score = float64(r.IntN(100000))
		}
		it := Item{score, model[k].Member}
		if tr.SetScoreAt(k, score) {
			inPlace++
			if k > 0 && !Less(model[k-1], it) || k < len(model)-1 && !Less(it, model[k+1]) {
				t.Fatalf("SetScoreAt(%d, %v) moved %v out of order", k, score, model[k])
			}
			model[k] = it
		} else {
			tr.DeleteAt(k)
			model = insertBoth(&tr, slices.Delete(model, k, k+1), it)
		}
		if step%499 == 0 {
			check(t, &tr, model)
		}
	}
	check(t, &tr, model)
	if inPlace < 1000 {
		t.Fatalf("only %d of 20000 updates were in place", inPlace)
	}
}

// TestBytesMatchesHeap checks Bytes's estimate against the heap trees
// really take after random inserts: many small trees of one leaf, and
// larger ones.
func TestBytesMatchesHeap(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	for _, c := range []struct{ n, trees int }{{100, 1000}, {10_000, 10}, {300_000, 1}} {
		r := rand.New(rand.NewPCG(3, uint64(c.n)))
		items := make([]Item, c.n)
		for i := range items {
			items[i] = Item{float64(r.Int64N(1 << 40)), fmt.Sprintf("m%015d", i)}
		}
		trees := make([]Tree, c.trees)
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for i := range trees {
			for _, it := range items {
				trees[i].Insert(it)
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		heap := float64(after.HeapAlloc-before.HeapAlloc) / float64(c.trees)
		if got := float64(trees[0].Bytes()); got < 0.85*heap || got > 1.15*heap {
			t.Errorf("%d random inserts: Bytes() = %.0f, heap grew %.0f per tree", c.n, got, heap)
		}
		runtime.KeepAlive(items)
	}
}
