package bench

import "testing"

// BenchmarkGet reads one preloaded key per operation.
func BenchmarkGet(b *testing.B) {
	runOp(b, func(c kv, seq []int32, pos int, _ []string) error {
		return c.Get(keyAt(seq, pos))
	})
}
