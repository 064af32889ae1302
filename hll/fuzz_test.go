package hll

import (
	"bytes"
	"fmt"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to Decode: it must not panic, and what
// it accepts must be a valid sketch that encodes back to the same bytes
// (for this package's encoding) and can be added to and counted.
func FuzzDecode(f *testing.F) {
	for _, n := range []int{0, 1, 5, 300, 2100} {
		s := New()
		for i := 0; i < n; i++ {
			s.AddString(fmt.Sprint(i))
		}
		b, _ := s.MarshalBinary()
		f.Add(b)
		s.Count()
		b, _ = s.MarshalBinary()
		f.Add(b)
	}
	f.Add([]byte("HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff"))
	f.Add([]byte("HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x43\xe7\x89\x7f\x17"))
	f.Add([]byte("HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80"))
	f.Add([]byte("EHLL\x01\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Decode(data)
		if err != nil {
			return
		}
		if s.Dense() && len(s.dense) != Registers || !s.Dense() && len(s.sparse) > sparseMax {
			t.Fatalf("decoded sketch breaks the representation invariant")
		}
		prev := -1
		for _, e := range s.sparse {
			if int(e>>6) <= prev || e&63 == 0 || e&63 > maxRank {
				t.Fatalf("bad sparse entry %#x after index %d", e, prev)
			}
			prev = int(e >> 6)
		}
		// The encoding is canonical, except that a sparse input with too
		// many registers is accepted and turned dense.
		if bytes.HasPrefix(data, []byte(magic)) && !(data[5] == repSparse && s.Dense()) {
			if b, _ := s.MarshalBinary(); !bytes.Equal(b, data) {
				t.Fatalf("re-encoding differs from the accepted input")
			}
		}
		s.Count()
		s.AddString("x")
		s.Count()
	})
}
