package bench

import "testing"

// BenchmarkMGet fetches mgetWidth (10) preloaded keys per operation.
// Operation pos takes the 10 keys at pos*10 .. pos*10+9 of the sequence, so
// a Zipf run sees the same hot keys as the single-key benchmarks.
func BenchmarkMGet(b *testing.B) {
	runOp(b, func(c kv, seq []int32, pos int, buf []string) error {
		cmd := buf[:1+mgetWidth] // cmd[0] is for the peer; keys follow
		base := pos * mgetWidth
		for j := 1; j < len(cmd); j++ {
			cmd[j] = keyAt(seq, base+j-1)
		}
		return c.MGet(cmd)
	})
}
