package store

import (
	"runtime"
	"sync"
	"time"

	"github.com/embedis/embedis/internal/htable"
)

// A sweep step deletes at most sweepBatch keys and stops early after
// sweepBudget, so it holds its shard lock for a fraction of a millisecond
// (a deletion on a large cold keyspace costs about 1µs: a few cache misses
// in the heap and the table).
const (
	sweepBatch  = 128
	sweepBudget = 200 * time.Microsecond
	// sweepYield is how much sweeping runs between two yields to the
	// scheduler (see step), well under the 10ms after which Go preempts.
	sweepYield = time.Millisecond
	// rehashCronSteps is how many buckets a sweep moves along an unfinished
	// rehash per shard and tick.
	rehashCronSteps = 256
)

// sweepInterval is how often the sweeper runs on the real clock (Redis's
// default hz is 10).
const sweepInterval = 100 * time.Millisecond

// sweeper is the active expiry: it deletes keys whose time has passed even
// if nobody reads them, working through each shard's TTL heap in steps of
// at most sweepBatch keys and releasing the lock between steps.
type sweeper struct {
	s    *Store
	mu   sync.Mutex // one sweep at a time
	done chan struct{}
	wg   sync.WaitGroup

	lastYield time.Time // guarded by mu; see step

	// stats, guarded by mu: for tests and benchmarks of the step bound.
	steps     int64
	reclaims  int64
	maxStep   time.Duration
	maxBatch  int
	slowSteps int64
}

func startSweeper(s *Store) *sweeper {
	sw := &sweeper{s: s, done: make(chan struct{})}
	if mc, ok := s.clock.(*ManualClock); ok {
		mc.observe(sw, true)
		return sw
	}
	sw.wg.Add(1)
	go sw.loop()
	return sw
}

func (sw *sweeper) loop() {
	defer sw.wg.Done()
	t := time.NewTicker(sweepInterval)
	defer t.Stop()
	for {
		select {
		case <-sw.done:
			return
		case <-t.C:
			sw.sweepAll()
		}
	}
}

func (sw *sweeper) stop() {
	if mc, ok := sw.s.clock.(*ManualClock); ok {
		mc.observe(sw, false)
	}
	close(sw.done)
	sw.wg.Wait()
}

// sweepAll reclaims every key expired at the clock's current time.
func (sw *sweeper) sweepAll() {
	sw.s.refreshLRU()
	sw.mu.Lock()
	defer sw.mu.Unlock()
	for _, d := range sw.s.dbs {
		for i := range d.shards {
			sh := &d.shards[i]
			for sw.step(d, sh) {
			}
			sw.compact(d, sh)
		}
	}
}

// step deletes up to sweepBatch expired keys of one shard under its lock
// and reports whether more may be due.
func (sw *sweeper) step(d *DB, sh *shard) bool {
	// Peek under the read lock so idle shards cost writers nothing.
	sh.mu.RLock()
	next := sh.nextExpiry()
	sh.mu.RUnlock()
	now := sw.s.nowMs()
	if next == 0 || next > now {
		return false
	}
	sh.mu.Lock()
	start := time.Now() // the hold, not the wait for the lock
	n := 0
	for n < sweepBatch && len(sh.ttl) > 0 && sh.ttl[0].at <= now {
		e := sh.ttl[0].e
		d.unlink(sh, e.key, d.hash(e.key))
		n++
		if n%16 == 0 && time.Since(start) > sweepBudget {
			break
		}
	}
	more := len(sh.ttl) > 0 && sh.ttl[0].at <= now
	sh.mu.Unlock()
	end := time.Now()
	held := end.Sub(start)
	sw.steps++
	sw.reclaims += int64(n)
	if held > sw.maxStep {
		sw.maxStep = held
	}
	if held > time.Millisecond {
		sw.slowSteps++
	}
	if n > sw.maxBatch {
		sw.maxBatch = n
	}
	// Yield to the scheduler between steps every sweepYield of work. Go
	// preempts a goroutine that has run for 10ms without passing through
	// the scheduler wherever it is, and a sweep of many keys is one long
	// run of steps, so that would most often be inside a step, holding its
	// lock; while the garbage collector's workers occupy the processors,
	// the preempted goroutine can then wait several milliseconds to run
	// again (seen in execution traces: 4-14ms). Yielding here, with no
	// lock held, moves such waits between steps. Not after every step:
	// while the collector runs, each yield can hand the goroutine to
	// another thread, and a sweep that yielded every step took 2.5 times
	// as long.
	if end.Sub(sw.lastYield) > sweepYield {
		runtime.Gosched()
		sw.lastYield = time.Now()
	}
	return more
}

// compact shrinks a shard's table and TTL heap when they are mostly empty.
// The new arrays are allocated before the lock is taken: an allocation can
// make this goroutine assist the garbage collector for a while, which must
// not happen while writers wait.
func (sw *sweeper) compact(d *DB, sh *shard) {
	sh.mu.RLock()
	tableSize, heapSize, rehashing := sh.tab.ShrinkSize(), sh.heapShrinkSize(), sh.tab.Rehashing()
	sh.mu.RUnlock()
	if rehashing {
		// Writes move a rehash along; finish it for shards nobody writes,
		// as Redis's cron does, a bounded number of buckets per lock.
		sh.mu.Lock()
		for i := 0; i < rehashCronSteps && sh.tab.Rehashing(); i++ {
			sh.tab.RehashStep(d.hash)
		}
		sh.mu.Unlock()
	}
	if tableSize == 0 && heapSize == 0 {
		return
	}
	var groups []htable.Group
	if tableSize != 0 {
		groups = make([]htable.Group, tableSize)
	}
	var heap []ttlSlot
	if heapSize != 0 {
		heap = make([]ttlSlot, 0, heapSize)
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	// The shard may have changed between the two locks.
	if groups != nil && sh.tab.ShrinkSize() != 0 && htable.SizeFor(sh.tab.Len()) <= len(groups) {
		sh.tab.StartRehash(groups, d.hash)
	}
	if heap != nil && len(sh.ttl) <= cap(heap) && sh.heapShrinkSize() != 0 {
		sh.ttl = append(heap, sh.ttl...)
	}
}

// SweepStats describes the active expiry's work so far.
type SweepStats struct {
	Steps     int64         // lock-holding steps taken
	Reclaimed int64         // keys deleted
	MaxStep   time.Duration // longest time one step held a shard lock
	MaxBatch  int           // most keys deleted in one step
	SlowSteps int64         // steps that held their lock longer than 1ms
}

// SweepStats reports the active expiry's work so far.
func (s *Store) SweepStats() SweepStats {
	sw := s.sweeper
	sw.mu.Lock()
	defer sw.mu.Unlock()
	return SweepStats{Steps: sw.steps, Reclaimed: sw.reclaims, MaxStep: sw.maxStep, MaxBatch: sw.maxBatch, SlowSteps: sw.slowSteps}
}
