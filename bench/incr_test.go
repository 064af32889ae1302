package bench

import "testing"

// BenchmarkIncr increments one preloaded key (a 16-digit decimal string)
// per operation: an atomic read-modify-write where the peer has one (see
// README.md for the peers that lack it).
func BenchmarkIncr(b *testing.B) {
	runOp(b, func(c kv, seq []int32, pos int, _ []string) error {
		return c.Incr(keyAt(seq, pos))
	})
}
