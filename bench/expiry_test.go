package bench

import (
	"strconv"
	"testing"
	"time"

	"github.com/embedis/embedis/store"
)

// BenchmarkActiveExpiry loads 1M keys with TTLs on a manual clock, then
// advances the clock past all of them, which runs the active expiry to
// completion. It reports the longest time any single sweep step held a
// shard lock (max-step-µs; the bar is 1ms), how many steps held it longer
// than 1ms, the number of steps, and the reclaim cost per key. A step does
// at most 128 deletions or 200µs of work; a longer hold is the goroutine
// being stopped while it holds the lock: by the OS (BenchmarkSchedulingGaps
// is the control) or by a garbage collection's phase changes. Each
// iteration's load leaves garbage, so collections overlap most sweeps.
func BenchmarkActiveExpiry(b *testing.B) {
	n := numKeys()
	var maxStep time.Duration
	var steps, slow int64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		clock := store.NewManualClock(time.Unix(1_700_000_000, 0))
		s, err := store.Open(store.Options{Clock: clock})
		if err != nil {
			b.Fatal(err)
		}
		for k := 0; k < n; k++ {
			s.Set("key:"+strconv.Itoa(k), "value", store.TTL(time.Duration(1+k%3600)*time.Second))
		}
		b.StartTimer()
		clock.Advance(2 * time.Hour)
		b.StopTimer()
		if got := s.DBSize(); got != 0 {
			b.Fatalf("%d keys left after expiry", got)
		}
		st := s.SweepStats()
		maxStep = max(maxStep, st.MaxStep)
		steps += st.Steps
		slow += st.SlowSteps
		s.Close()
	}
	b.ReportMetric(float64(maxStep.Microseconds()), "max-step-µs")
	b.ReportMetric(float64(steps)/float64(b.N), "steps")
	b.ReportMetric(float64(slow)/float64(b.N), "steps>1ms")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/key")
}

// BenchmarkSchedulingGaps is the control for BenchmarkActiveExpiry's
// max-step-µs: for as long as one sweep of 1M keys takes (250ms), a loop
// that does nothing but read the clock records the longest gap between two
// readings and how many gaps exceeded 1ms. A thread that is never
// descheduled sees gaps of a few µs; a longer one is the OS or the
// hypervisor running something else, and would stretch a sweep step that
// happened to be holding its lock by as much. Compare steps>1ms with
// gaps>1ms per op: both are counts per 250ms of work.
func BenchmarkSchedulingGaps(b *testing.B) {
	const span = 250 * time.Millisecond
	var maxGap time.Duration
	var over int
	for i := 0; i < b.N; i++ {
		start := time.Now()
		last := start
		for last.Sub(start) < span {
			now := time.Now()
			gap := now.Sub(last)
			maxGap = max(maxGap, gap)
			if gap > time.Millisecond {
				over++
			}
			last = now
		}
	}
	b.ReportMetric(float64(maxGap.Microseconds()), "max-gap-µs")
	b.ReportMetric(float64(over)/float64(b.N), "gaps>1ms")
}
