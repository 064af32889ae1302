package hll

import (
	"slices"
	"sync"
	"sync/atomic"

	"github.com/axiomhq/hyperloglog"
)

const (
	// Precision is the number of hash bits that choose a register, as in
	// Redis (HLL_P): 2^14 registers, a standard error of 1.04/√16384 ≈ 0.81%.
	Precision = 14
	// Registers is the number of registers.
	Registers = 1 << Precision
	// maxRank is the largest rank a 64-bit hash can give (HLL_Q+1).
	maxRank = 64 - Precision + 1
	// sparseMax is the number of non-zero registers beyond which a sketch
	// turns dense. 2048 entries are 8 KiB in memory against the dense 16 KiB,
	// encode in 4–6 KiB against the dense 12 KiB, and keep an insertion's
	// copy within a few cache lines' worth of work.
	sparseMax = 2048
)

// Sketch is a HyperLogLog sketch of 2^14 registers, sparse (a sorted list
// of its non-zero registers) until it has more than 2048 of them, then
// dense (one byte per register).
//
// Add and Merge need exclusive access. Count, Register, Len and the
// encoding methods only read, and may run concurrently with each other
// (Count's cache is atomic), so a sketch can be shared by readers under a
// read lock. The zero value is an empty sketch.
type Sketch struct {
	// sparse holds the non-zero registers while dense is nil, in
	// ascending index order, each as index<<6 | rank.
	sparse []uint32
	// dense holds every register's rank, by index, once the sketch has
	// turned dense; then sparse is nil.
	dense []uint8
	// count caches Count()+1; 0 means not computed since the last change.
	count atomic.Uint64
}

// New returns an empty sketch.
func New() *Sketch { return new(Sketch) }

// Add adds an element and reports whether the sketch changed: whether a
// register's rank grew, which is PFADD's reply in Redis.
func (s *Sketch) Add(element []byte) bool { return s.set(position(murmur64A(element))) }

// AddString is Add for a string element, without copying it.
func (s *Sketch) AddString(element string) bool {
	return s.set(position(murmur64A(stringBytes(element))))
}

// set raises register index to rank and reports whether it grew.
func (s *Sketch) set(index uint32, rank uint8) bool {
	if s.dense != nil {
		if s.dense[index] >= rank {
			return false
		}
		s.dense[index] = rank
		s.forgetCount()
		return true
	}
	// Entries sort by index first; index<<6 sorts before any entry of the
	// same index (ranks are at least 1), so the search lands on it.
	i, _ := slices.BinarySearch(s.sparse, index<<6)
	if i < len(s.sparse) && s.sparse[i]>>6 == index {
		if uint8(s.sparse[i]&63) >= rank {
			return false
		}
		s.sparse[i] = index<<6 | uint32(rank)
	} else if len(s.sparse) < sparseMax {
		s.sparse = slices.Insert(s.sparse, i, index<<6|uint32(rank))
	} else {
		s.toDense()
		s.dense[index] = rank
	}
	s.forgetCount()
	return true
}

// forgetCount drops the cached count. A stream of adds finds it already
// dropped, so it skips the atomic store's fence.
func (s *Sketch) forgetCount() {
	if s.count.Load() != 0 {
		s.count.Store(0)
	}
}

// toDense converts a sparse sketch to the dense representation.
func (s *Sketch) toDense() {
	d := make([]uint8, Registers)
	for _, e := range s.sparse {
		d[e>>6] = uint8(e & 63)
	}
	s.dense, s.sparse = d, nil
}

// Register returns register i's rank (0 when nothing hashed to it).
func (s *Sketch) Register(i int) uint8 {
	if s.dense != nil {
		return s.dense[i]
	}
	j, _ := slices.BinarySearch(s.sparse, uint32(i)<<6)
	if j < len(s.sparse) && s.sparse[j]>>6 == uint32(i) {
		return uint8(s.sparse[j] & 63)
	}
	return 0
}

// Dense reports whether the sketch uses the dense representation.
func (s *Sketch) Dense() bool { return s.dense != nil }

// Len returns the number of non-zero registers.
func (s *Sketch) Len() int {
	if s.dense == nil {
		return len(s.sparse)
	}
	n := 0
	for _, r := range s.dense {
		if r != 0 {
			n++
		}
	}
	return n
}

// MemSize is the heap the sketch's registers occupy, in bytes.
func (s *Sketch) MemSize() int { return 4*cap(s.sparse) + cap(s.dense) }

// Clone returns an independent copy of s.
func (s *Sketch) Clone() *Sketch {
	c := new(Sketch)
	s.CopyTo(c)
	return c
}

// CopyTo makes dst an independent copy of s, cached count included.
func (s *Sketch) CopyTo(dst *Sketch) {
	dst.sparse, dst.dense = slices.Clone(s.sparse), slices.Clone(s.dense)
	dst.count.Store(s.count.Load())
}

// Merge raises each of s's registers to o's where o's is larger, so that
// s counts the union of both, and reports whether s changed.
func (s *Sketch) Merge(o *Sketch) bool {
	changed := false
	switch {
	case o.dense != nil:
		if s.dense == nil {
			s.toDense()
		}
		for i, r := range o.dense {
			if r > s.dense[i] {
				s.dense[i] = r
				changed = true
			}
		}
	case s.dense != nil:
		for _, e := range o.sparse {
			if r := uint8(e & 63); r > s.dense[e>>6] {
				s.dense[e>>6] = r
				changed = true
			}
		}
	default:
		var merged []uint32
		// Keep s's list when nothing changed: the merged one has room for
		// both lists, and the store accounts sizes only on a change.
		if merged, changed = mergeSparse(s.sparse, o.sparse); changed {
			s.sparse = merged
			if len(s.sparse) > sparseMax {
				s.toDense()
			}
		}
	}
	if changed {
		s.forgetCount()
	}
	return changed
}

// mergeSparse merges two sorted sparse lists, keeping the larger rank of
// a register both hold, and reports whether the result differs from a.
func mergeSparse(a, b []uint32) ([]uint32, bool) {
	out := make([]uint32, 0, len(a)+len(b))
	changed := false
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch ai, bj := a[i]>>6, b[j]>>6; {
		case ai < bj:
			out = append(out, a[i])
			i++
		case bj < ai:
			out = append(out, b[j])
			changed = true
			j++
		default:
			if b[j] > a[i] {
				changed = true
			}
			out = append(out, max(a[i], b[j]))
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	if j < len(b) {
		out = append(out, b[j:]...)
		changed = true
	}
	return out, changed
}

// Count returns the estimated number of distinct elements added. The
// estimate is cached until the sketch next changes; computing it reads
// every register, so it is worth caching.
func (s *Sketch) Count() uint64 {
	if c := s.count.Load(); c != 0 {
		return c - 1
	}
	n := s.estimate()
	s.count.Store(n + 1)
	return n
}

// estimatorBuf is axiomhq's dense encoding (version 2, precision 14) of
// 2^14 one-byte registers: its 8-byte header, then the registers.
var estimatorBuf = sync.Pool{New: func() any {
	b := make([]byte, 8+Registers)
	copy(b, []byte{2, Precision, 0, 0, 0, 0, Registers >> 8, 0})
	return &b
}}

// estimate is the cardinality estimate of axiomhq/hyperloglog's dense
// sketch (LogLog-Beta) over s's registers. The registers are handed over
// in the library's own serialized form, which is its only way in.
func (s *Sketch) estimate() uint64 {
	if s.dense == nil && len(s.sparse) == 0 {
		return 0
	}
	bp := estimatorBuf.Get().(*[]byte)
	defer estimatorBuf.Put(bp)
	regs := (*bp)[8:]
	if s.dense != nil {
		copy(regs, s.dense)
	} else {
		clear(regs)
		for _, e := range s.sparse {
			regs[e>>6] = uint8(e & 63)
		}
	}
	var est hyperloglog.Sketch
	if err := est.UnmarshalBinary(*bp); err != nil {
		// Ranks never exceed maxRank, the library's own bound for
		// precision 14, so this is a broken invariant, not bad input.
		panic("hll: estimator rejected registers: " + err.Error())
	}
	return est.Estimate()
}
