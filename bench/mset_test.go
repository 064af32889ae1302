package bench

import "testing"

// BenchmarkMSet stores mgetWidth (10) preloaded keys per operation, the
// keys BenchmarkMGet reads, each with a value from setValues (the same
// shape as the preloaded ones, so the keys keep their sizes).
func BenchmarkMSet(b *testing.B) {
	runOp(b, func(c kv, seq []int32, pos int, buf []string) error {
		cmd := buf[:1+2*mgetWidth] // cmd[0] is for the peer; pairs follow
		base := pos * mgetWidth
		for j := range mgetWidth {
			cmd[1+2*j] = keyAt(seq, base+j)
			cmd[2+2*j] = setValues[(base+j)&(len(setValues)-1)]
		}
		return c.MSet(cmd)
	})
}
