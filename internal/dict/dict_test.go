package dict

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

func TestSetGetDelete(t *testing.T) {
	var d Dict[int]
	ref := map[string]int{}
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 200000; i++ {
		k := strconv.Itoa(r.IntN(5000))
		switch r.IntN(3) {
		case 0, 1:
			_, had := ref[k]
			if added := d.Set(k, i); added == had {
				t.Fatalf("Set(%q) added=%v, present before=%v", k, added, had)
			}
			ref[k] = i
		case 2:
			want, had := ref[k]
			got, ok := d.Delete(k)
			if ok != had || got != want {
				t.Fatalf("Delete(%q) = %d,%v want %d,%v", k, got, ok, want, had)
			}
			delete(ref, k)
		}
		if d.Len() != len(ref) {
			t.Fatalf("Len %d, want %d", d.Len(), len(ref))
		}
	}
	for k, v := range ref {
		if got, ok := d.Get(k); !ok || got != v {
			t.Fatalf("Get(%q) = %d,%v want %d", k, got, ok, v)
		}
	}
	n := 0
	for k, v := range d.All() {
		if ref[k] != v {
			t.Fatalf("All yielded %q=%d, want %d", k, v, ref[k])
		}
		n++
	}
	if n != len(ref) {
		t.Fatalf("All yielded %d keys, want %d", n, len(ref))
	}
}

func TestPtr(t *testing.T) {
	var d Dict[float64]
	if d.Ptr("a") != nil {
		t.Fatal("Ptr of a missing key is not nil")
	}
	d.Set("a", 1)
	*d.Ptr("a") += 2
	if v, _ := d.Get("a"); v != 3 {
		t.Fatalf("after in-place add got %v", v)
	}
}

// TestScanGuarantee checks Redis's SCAN guarantee while the dict grows and
// shrinks between calls: every key present for the whole scan is returned.
func TestScanGuarantee(t *testing.T) {
	for seed := uint64(0); seed < 8; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		var d Dict[struct{}]
		stable := map[string]bool{}
		for i := 0; i < 1000; i++ {
			k := "s" + strconv.Itoa(i)
			d.Set(k, struct{}{})
			stable[k] = true
		}
		seen := map[string]bool{}
		extra := 0
		cursor := uint64(0)
		for steps := 0; ; steps++ {
			cursor = d.Scan(cursor, func(k string, _ struct{}) { seen[k] = true })
			if cursor == 0 {
				break
			}
			// Churn other keys: enough to force several grows and shrinks.
			if r.IntN(2) == 0 {
				for j := 0; j < r.IntN(500); j++ {
					d.Set("x"+strconv.Itoa(extra), struct{}{})
					extra++
				}
			} else {
				for j := extra - 1; j >= 0 && j >= extra-500; j-- {
					d.Delete("x" + strconv.Itoa(j))
				}
			}
			if steps > 1e6 {
				t.Fatal("scan does not terminate")
			}
		}
		for k := range stable {
			if !seen[k] {
				t.Fatalf("seed %d: key %q present throughout was not returned", seed, k)
			}
		}
	}
}

func TestShrinks(t *testing.T) {
	var d Dict[int]
	for i := 0; i < 10000; i++ {
		d.Set(strconv.Itoa(i), i)
	}
	// Each shrink starts once the previous rehash is done, so drain the
	// rehash between deletions as later writes would.
	for i := 0; i < 9990; i++ {
		d.Delete(strconv.Itoa(i))
		for d.t.Rehashing() {
			d.t.RehashStep(hash)
		}
	}
	if n := d.t.Slots(); n > 64 {
		t.Fatalf("table of %d slots for %d keys did not shrink", n, d.Len())
	}
}

func TestRandom(t *testing.T) {
	var d Dict[int]
	r := rand.New(rand.NewPCG(3, 4))
	if _, _, ok := d.Random(r.Uint64); ok {
		t.Fatal("Random on an empty dict reported a key")
	}
	for i := 0; i < 10; i++ {
		d.Set(strconv.Itoa(i), i)
	}
	counts := map[string]int{}
	for i := 0; i < 10000; i++ {
		k, v, ok := d.Random(r.Uint64)
		if !ok || strconv.Itoa(v) != k {
			t.Fatalf("Random = %q,%d,%v", k, v, ok)
		}
		counts[k]++
	}
	if len(counts) != 10 {
		t.Fatalf("Random reached %d of 10 keys", len(counts))
	}
}
