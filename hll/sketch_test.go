package hll

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sync"
	"testing"
)

func TestAddReportsChange(t *testing.T) {
	s := New()
	if !s.AddString("a") {
		t.Fatal("first Add of a reported no change")
	}
	if s.AddString("a") || s.Add([]byte("a")) {
		t.Fatal("re-adding a reported a change")
	}
	if got := s.Count(); got != 1 {
		t.Fatalf("Count = %d, want 1", got)
	}
}

// fill adds n distinct elements with the given prefix.
func fill(s *Sketch, prefix string, n int) {
	for i := 0; i < n; i++ {
		s.AddString(fmt.Sprintf("%s%d", prefix, i))
	}
}

func TestCountAccuracyAcrossRepresentations(t *testing.T) {
	for _, n := range []int{0, 1, 10, 1000, 3000, 100000} {
		s := New()
		fill(s, "e", n)
		got := float64(s.Count())
		if n == 0 {
			if got != 0 {
				t.Fatalf("empty sketch counts %v", got)
			}
			continue
		}
		if err := math.Abs(got-float64(n)) / float64(n); err > 0.03 {
			t.Errorf("n=%d: Count %v, error %.2f%%", n, got, err*100)
		}
		if wantDense := s.Len() > sparseMax; s.Dense() != wantDense {
			t.Errorf("n=%d: %d registers, dense=%v", n, s.Len(), s.Dense())
		}
	}
}

func TestCountCacheInvalidatedByChange(t *testing.T) {
	s := New()
	fill(s, "a", 100)
	before := s.Count()
	fill(s, "b", 100)
	if after := s.Count(); after <= before {
		t.Fatalf("Count after adding 100 more: %d, before %d", after, before)
	}
}

func TestMergeIsUnion(t *testing.T) {
	for _, sizes := range [][2]int{{10, 20}, {100, 5000}, {5000, 100}, {5000, 5000}} {
		a, b, both := New(), New(), New()
		fill(a, "x", sizes[0])
		fill(b, "y", sizes[1])
		fill(both, "x", sizes[0])
		fill(both, "y", sizes[1])
		if !a.Merge(b) {
			t.Errorf("%v: Merge of new elements reported no change", sizes)
		}
		for i := 0; i < Registers; i++ {
			if a.Register(i) != both.Register(i) {
				t.Fatalf("%v: register %d after merge %d, want %d", sizes, i, a.Register(i), both.Register(i))
			}
		}
		size := a.MemSize()
		if a.Merge(b) {
			t.Errorf("%v: merging again reported a change", sizes)
		}
		// A merge that changes nothing leaves the sketch as it was: the
		// store accounts memory only on a change.
		if a.MemSize() != size {
			t.Errorf("%v: a merge without change moved MemSize from %d to %d", sizes, size, a.MemSize())
		}
		if a.Count() != both.Count() {
			t.Errorf("%v: merged count %d, direct %d", sizes, a.Count(), both.Count())
		}
	}
}

func TestCloneIsIndependent(t *testing.T) {
	s := New()
	fill(s, "a", 10)
	c := s.Clone()
	fill(c, "b", 10)
	if s.Count() != 10 || c.Count() != 20 {
		t.Fatalf("counts %d and %d, want 10 and 20", s.Count(), c.Count())
	}
}

func TestEncodingRoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 100, 2048, 2049, 50000} {
		s := New()
		fill(s, "e", n)
		if n%2 == 1 {
			s.Count() // the cached count travels with the encoding
		}
		b, _ := s.MarshalBinary()
		if len(b) > s.EncodedLen() {
			t.Errorf("n=%d: encoding of %d bytes, bound %d", n, len(b), s.EncodedLen())
		}
		d, err := Decode(b)
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if d.Dense() != s.Dense() || d.count.Load() != s.count.Load() {
			t.Errorf("n=%d: decoded dense=%v count=%d, want %v %d", n, d.Dense(), d.count.Load(), s.Dense(), s.count.Load())
		}
		if b2, _ := d.MarshalBinary(); !bytes.Equal(b, b2) {
			t.Errorf("n=%d: re-encoding differs", n)
		}
		if d.Count() != s.Count() {
			t.Errorf("n=%d: decoded count %d, want %d", n, d.Count(), s.Count())
		}
	}
}

func TestDecodeRejects(t *testing.T) {
	s := New()
	fill(s, "e", 10)
	sparse, _ := s.MarshalBinary()
	fill(s, "f", 10000)
	dense, _ := s.MarshalBinary()
	edit := func(b []byte, f func([]byte) []byte) []byte { return f(bytes.Clone(b)) }
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrNotSketch},
		{"plain string", []byte("hello world, this is not a sketch"), ErrNotSketch},
		{"short", sparse[:10], ErrNotSketch},
		{"version", edit(sparse, func(b []byte) []byte { b[4] = 2; return b }), ErrNotSketch},
		{"representation", edit(sparse, func(b []byte) []byte { b[5] = 7; return b }), ErrNotSketch},
		{"appended to dense", append(bytes.Clone(dense), 'x'), ErrNotSketch},
		{"appended to sparse", append(bytes.Clone(sparse), 'a'), ErrCorrupt},
		{"overwritten register", edit(dense, func(b []byte) []byte { b[100] ^= 1; return b }), ErrCorrupt},
		{"overwritten count", edit(sparse, func(b []byte) []byte { b[12] ^= 1; return b }), ErrCorrupt},
		{"reserved", edit(sparse, func(b []byte) []byte { b[6] = 1; return b }), ErrCorrupt},
		{"redis dense short", append([]byte("HYLL\x00\x00\x00\x00"), make([]byte, 100)...), ErrNotSketch},
		{"redis unknown encoding", append([]byte("HYLL\x02\x00\x00\x00"), make([]byte, 8)...), ErrNotSketch},
		{"redis sparse too few", append([]byte("HYLL\x01\x00\x00\x00"), make([]byte, 9)...), ErrCorrupt},
		{"redis sparse truncated xzero", append([]byte("HYLL\x01\x00\x00\x00"), make([]byte, 8)...), ErrCorrupt},
	}
	cases[len(cases)-1].data = append(cases[len(cases)-1].data, 0x40)
	for _, c := range cases {
		if _, err := Decode(c.data); !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
}

func TestDecodeRedisSparse(t *testing.T) {
	// XZERO 16384 registers: redis-server's empty HLL.
	empty := append([]byte("HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80"), 0x7f, 0xff)
	s, err := Decode(empty)
	if err != nil || s.Len() != 0 || s.Count() != 0 {
		t.Fatalf("empty Redis HLL: %v, %d registers", err, s.Len())
	}
	// XZERO 1000, VAL rank 3 run 2, XZERO 15382.
	p := []byte("HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80")
	p = append(p, 0x40|byte(999>>8), byte(999&0xff), 0x80|2<<2|1, 0x40|byte(15381>>8), byte(15381&0xff))
	s, err = Decode(p)
	if err != nil {
		t.Fatal(err)
	}
	if s.Register(1000) != 3 || s.Register(1001) != 3 || s.Len() != 2 {
		t.Fatalf("registers 1000, 1001 = %d, %d; %d non-zero", s.Register(1000), s.Register(1001), s.Len())
	}
}

func TestConcurrentCount(t *testing.T) {
	s := New()
	fill(s, "e", 5000)
	var wg sync.WaitGroup
	got := make([]uint64, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = s.Count()
			b, _ := s.MarshalBinary()
			_ = b
		}()
	}
	wg.Wait()
	for _, g := range got {
		if g != got[0] {
			t.Fatalf("concurrent counts differ: %v", got)
		}
	}
}

func BenchmarkAddString(b *testing.B) {
	elems := make([]string, 1<<16)
	for i := range elems {
		elems[i] = fmt.Sprintf("visitor:%d", i)
	}
	for _, dense := range []bool{false, true} {
		b.Run(fmt.Sprintf("dense=%v", dense), func(b *testing.B) {
			s := New()
			if dense {
				fill(s, "pre", 100000)
			}
			for i := 0; i < b.N; i++ {
				s.AddString(elems[i&(len(elems)-1)])
				if !dense && s.Dense() {
					s = New()
				}
			}
		})
	}
}

func BenchmarkCountUncached(b *testing.B) {
	s := New()
	fill(s, "e", 100000)
	for i := 0; i < b.N; i++ {
		s.count.Store(0)
		s.Count()
	}
}
