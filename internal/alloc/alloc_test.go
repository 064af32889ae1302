package alloc

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestSizeMatchesRuntime allocates many objects of each of a range of sizes
// and checks that the heap grows by Size per object.
func TestSizeMatchesRuntime(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	// Finish any collection under way, sweep included: a sweep running
	// during a measurement frees earlier garbage (an earlier run's, with
	// -count) and makes the heap shrink.
	runtime.GC()
	for _, n := range []int{17, 24, 25, 33, 40, 48, 49, 56, 65, 100, 129, 200, 257, 500, 1000, 1025, 1100, 2000, 3000, 3100, 5000, 9000, 20000, 32768, 40000, 70000} {
		// About 1 MB of objects (at least 256), so that a few KB that
		// some other goroutine allocates meanwhile stay within the 2%.
		keep := make([][]*byte, max(256, 1<<20/n))
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		for i := range keep {
			keep[i] = make([]*byte, (n+7)/8) // pointerful, so never the tiny allocator
		}
		runtime.ReadMemStats(&after)
		got := float64(after.HeapAlloc-before.HeapAlloc) / float64(len(keep))
		want := float64(Size(8 * ((n + 7) / 8)))
		if got < want*0.98 || got > want*1.02 {
			t.Errorf("objects of %d bytes: heap grew %.1f bytes each, Size says %v", n, got, want)
		}
		runtime.KeepAlive(keep)
	}
}

// TestSizeIsTheNextClass checks the lookup tables against the class list
// for every size up to the largest class.
func TestSizeIsTheNextClass(t *testing.T) {
	c := 0
	for n := 1; n <= maxSmall; n++ {
		if classes[c] < n {
			c++
		}
		if got := Size(n); got != classes[c] {
			t.Fatalf("Size(%d) = %d, want %d", n, got, classes[c])
		}
	}
}

func TestSizeEdges(t *testing.T) {
	for _, c := range []struct{ n, want int }{
		{0, 0}, {1, 8}, {8, 8}, {9, 16}, {33, 48}, {1024, 1024}, {1025, 1152}, {32768, 32768}, {32769, 40960},
	} {
		if got := Size(c.n); got != c.want {
			t.Errorf("Size(%d) = %d, want %d", c.n, got, c.want)
		}
	}
}
