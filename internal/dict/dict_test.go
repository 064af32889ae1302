package dict

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"
	"unsafe"

	"github.com/embedis/embedis/internal/alloc"
)

// TestSetGetDelete runs the same random operations against a map, with
// values in nodes and with values in hints.
func TestSetGetDelete(t *testing.T) {
	t.Run("nodes", func(t *testing.T) { testSetGetDelete(t, new(Dict[int])) })
	t.Run("hints", func(t *testing.T) {
		d := new(Dict[int])
		d.KeepValuesInHints()
		testSetGetDelete(t, d)
	})
}

func testSetGetDelete(t *testing.T, d *Dict[int]) {
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
		if i%10000 == 0 {
			checkGetEach(t, d, ref, r)
			checkGuess(t, d, ref)
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

// checkGuess checks Guess for every key of ref: a candidate is a key of
// the dict, and its value is that key's.
func checkGuess(t *testing.T, d *Dict[int], ref map[string]int) {
	if !d.inHints {
		return
	}
	hits := 0
	for k := range ref {
		g, ok := d.Guess(k)
		if !ok {
			continue
		}
		if v, present := ref[g.Key()]; !present || v != g.Value {
			t.Fatalf("Guess(%q) = %q, %d; the dict holds %d (present %v)", k, g.Key(), g.Value, v, present)
		}
		if g.Key() == k {
			hits++
		}
	}
	if len(ref) > 100 && hits < len(ref)/2 && !d.t.Rehashing() {
		t.Fatalf("Guess found %d of %d keys", hits, len(ref))
	}
}

// checkGetEach asks GetEach for 100 random keys of the universe, present
// or not, and compares its answers with ref's.
func checkGetEach(t *testing.T, d *Dict[int], ref map[string]int, r *rand.Rand) {
	keys := make([]string, 100)
	for i := range keys {
		keys[i] = strconv.Itoa(r.IntN(5000))
	}
	d.Warm(len(keys), func(i int) string { return keys[i] }) // only loads: must change nothing
	(*Dict[int])(nil).Warm(len(keys), func(i int) string { return keys[i] })
	next := 0
	d.GetEach(keys, func(i, got int, ok bool) {
		want, had := ref[keys[i]]
		if i != next || ok != had || got != want {
			t.Fatalf("GetEach answered key %d (%q) = %d,%v after key %d; want %d,%v", i, keys[i], got, ok, next-1, want, had)
		}
		next++
	})
	if next != len(keys) {
		t.Fatalf("GetEach answered %d of %d keys", next, len(keys))
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

// keyLengths are the key lengths at and around every inline class edge,
// the empty key, and keys too long to inline.
var keyLengths = []int{0, 1, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 47, 48, 49,
	63, 64, 65, 100}

// TestInlineKeys checks that keys of every class length round-trip
// through Add, Get, Scan, Random, Delete and the rehashes of growing and
// shrinking, that the stored key equals the input, and that it lives in
// its node exactly when it is 1 to 64 bytes long.
func TestInlineKeys(t *testing.T) {
	t.Run("float64", func(t *testing.T) { testInlineKeys(t, func(i int) float64 { return float64(i) }, false) })
	t.Run("string", func(t *testing.T) { testInlineKeys(t, strconv.Itoa, false) })
	t.Run("struct", func(t *testing.T) { testInlineKeys(t, func(int) struct{} { return struct{}{} }, false) })
	t.Run("float64-in-hints", func(t *testing.T) { testInlineKeys(t, func(i int) float64 { return float64(i) - 0.5 }, true) })
}

func testInlineKeys[V comparable](t *testing.T, val func(int) V, inHints bool) {
	// key returns a fresh key of n bytes, distinct for each i (but one
	// empty key).
	key := func(n, i int) string {
		b := make([]byte, n)
		for j := range b {
			b[j] = 'a' + byte(j%26)
		}
		s := strconv.Itoa(i)
		copy(b[max(n-len(s), 0):], s)
		return string(b)
	}
	const perLen = 300
	var d Dict[V]
	if inHints {
		d.KeepValuesInHints()
	}
	ref := map[string]V{}
	for i := range perLen {
		for _, n := range keyLengths {
			k := key(n, i)
			_, had := ref[k]
			stored, added := d.Add(k, val(i))
			if added == had || stored != k {
				t.Fatalf("Add(%q) = %q,%v; present before: %v", k, stored, added, had)
			}
			ref[k] = val(i)
			if again, _ := d.Add(k, val(i)); unsafe.StringData(again) != unsafe.StringData(stored) {
				t.Fatalf("Add(%q) of a present key returned another string", k)
			}
		}
	}
	kbOffset := unsafe.Offsetof(nodeKey8[V]{}.kb)
	if inHints {
		kbOffset = unsafe.Offsetof(nodeKey8[struct{}]{}.kb)
	}
	for k := range ref {
		e, _ := d.t.Lookup(k, hash(k))
		if e == nil {
			t.Fatalf("%q not found", k)
		}
		inNode := len(k) > 0 && uintptr(unsafe.Pointer(unsafe.StringData(keyOf(e)))) == uintptr(e)+kbOffset
		if want := len(k) >= 1 && len(k) <= 64; inNode != want {
			t.Fatalf("key of %d bytes: in its node %v, want %v", len(k), inNode, want)
		}
	}
	check := func() {
		t.Helper()
		for k, v := range ref {
			if got, ok := d.Get(k); !ok || got != v {
				t.Fatalf("Get(%q) = %v,%v want %v", k, got, ok, v)
			}
		}
		seen := map[string]bool{}
		for c := uint64(0); ; {
			c = d.Scan(c, func(k string, v V) {
				if ref[k] != v {
					t.Fatalf("Scan yielded %q=%v, want %v", k, v, ref[k])
				}
				seen[k] = true
			})
			if c == 0 {
				break
			}
		}
		if len(seen) != len(ref) || d.Len() != len(ref) {
			t.Fatalf("Scan saw %d keys, Len %d, want %d", len(seen), d.Len(), len(ref))
		}
		r := rand.New(rand.NewPCG(3, 4))
		for range 100 {
			if k, v, ok := d.Random(r.Uint64); !ok || ref[k] != v {
				t.Fatalf("Random = %q,%v,%v", k, v, ok)
			}
		}
	}
	check()
	grown := d.t.Slots()
	// Delete all but two keys of each length: the table shrinks.
	kept := map[int]int{}
	for k, v := range ref {
		if kept[len(k)] < 2 {
			kept[len(k)]++
			continue
		}
		if got, ok := d.Delete(k); !ok || got != v {
			t.Fatalf("Delete(%q) = %v,%v want %v", k, got, ok, v)
		}
		delete(ref, k)
		if _, ok := d.Get(k); ok {
			t.Fatalf("Get(%q) after Delete found it", k)
		}
	}
	check()
	for d.t.Rehashing() {
		d.t.RehashStep(hash)
	}
	if d.t.Slots() > grown/8 {
		t.Fatalf("%d slots after deleting down to %d keys (%d grown)", d.t.Slots(), d.Len(), grown)
	}
	check()
	d.Clear()
	if _, ok := d.Get(key(16, 0)); ok || d.Len() != 0 {
		t.Fatal("keys after Clear")
	}
	if d.inHints != inHints || d.t.Len() != 0 {
		t.Fatal("Clear changed where values are kept")
	}
	d.Set("again", val(1))
	if v, ok := d.Get("again"); !ok || v != val(1) {
		t.Fatalf("Get after Clear and Set = %v, %v", v, ok)
	}
}

func TestValuesInHints(t *testing.T) {
	var d Dict[int]
	d.KeepValuesInHints()
	if d.Ptr("k") != nil {
		t.Fatal("Ptr of a key of an empty dict")
	}
	d.Set("k", 1)
	*d.Ptr("k") += 41
	if v, ok := d.Get("k"); !ok || v != 42 || d.Ptr("absent") != nil {
		t.Fatalf("after *Ptr += 41: Get = %d, %v", v, ok)
	}
	mustPanic(t, "values of a pointer type in hints", func() { new(Dict[*int]).KeepValuesInHints() })
	mustPanic(t, "values of 4 bytes in hints", func() { new(Dict[float32]).KeepValuesInHints() })
}

func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s did not panic", what)
		}
	}()
	f()
}

// BenchmarkGet looks up random keys of 16 bytes in a dict of 1M, each
// written into a reused buffer as a request's would be, so that the
// benchmark's own input is in cache and the dict's misses are measured.
// The dict is built once per process, outside the timings, and the
// garbage collected before them, so that no GC runs while they are timed.
func BenchmarkGet(b *testing.B) {
	const n = 1 << 20
	if benchDict == nil {
		benchDict = new(Dict[float64])
		for i := range n {
			benchDict.Set(string(benchKey(nil, i)), float64(i))
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	seq := make([]int, 1<<16)
	for i := range seq {
		seq[i] = r.IntN(n)
	}
	buf := make([]byte, 0, 16)
	runtime.GC()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf = benchKey(buf, seq[i&(len(seq)-1)])
		if _, ok := benchDict.Get(unsafe.String(unsafe.SliceData(buf), len(buf))); !ok {
			b.Fatal("missing key")
		}
	}
}

var benchDict *Dict[float64]

// benchKey appends to buf[:0] the 16-byte key of i: "k" and 15 digits.
func benchKey(buf []byte, i int) []byte {
	buf = append(buf[:0], 'k')
	for p := int64(1e14); p > 0; p /= 10 {
		buf = append(buf, byte('0'+int64(i)/p%10))
	}
	return buf
}

// TestBytesMatchesHeap checks Bytes against the heap a dict really takes,
// for keys short enough to be inlined and keys that are not, and that it
// comes back to the empty table's after every key is deleted.
func TestBytesMatchesHeap(t *testing.T) {
	t.Run("nodes", func(t *testing.T) { testBytesMatchesHeap(t, false) })
	t.Run("hints", func(t *testing.T) { testBytesMatchesHeap(t, true) })
}

func testBytesMatchesHeap(t *testing.T, inHints bool) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	for _, keyLen := range []int{5, 16, 30, 100} {
		const n = 100_000
		keys := make([]string, n)
		for i := range keys {
			keys[i] = fmt.Sprintf("%0*d", keyLen, i)
		}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		d := new(Dict[float64])
		if inHints {
			d.KeepValuesInHints()
		}
		for i, k := range keys {
			d.Set(k, float64(i))
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		heap := float64(after.HeapAlloc - before.HeapAlloc)
		if keyLen > 64 {
			heap += float64(n * alloc.Size(keyLen)) // the dict keeps the caller's keys, allocated before
		}
		runtime.KeepAlive(keys)
		if got := float64(d.Bytes()); got < 0.9*heap || got > 1.1*heap {
			t.Errorf("%d keys of %d bytes: Bytes() = %.0f, heap grew %.0f", n, keyLen, got, heap)
		}
		for _, k := range keys {
			d.Delete(k)
		}
		if d.nodes != 0 || d.Bytes() != d.t.Bytes() {
			t.Errorf("after deleting every key: nodes %d, Bytes %d", d.nodes, d.Bytes())
		}
		runtime.KeepAlive(d)
	}
}
