package bench

import "testing"

// BenchmarkSet overwrites one preloaded key per operation with a value of
// the same size (16 bytes), so the data set neither grows nor shrinks.
func BenchmarkSet(b *testing.B) {
	runOp(b, func(c kv, seq []int32, pos int, _ []string) error {
		return c.Set(keyAt(seq, pos), setValues[pos&(len(setValues)-1)])
	})
}
