package store

import (
	"sync"
	"time"
)

// sweepBatch bounds the keys one sweep step deletes under one shard lock.
// At roughly 100-200ns a deletion, a step holds its lock well under 1ms.
const sweepBatch = 256

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
	start := time.Now()
	sh.mu.Lock()
	n := 0
	for n < sweepBatch && len(sh.ttl) > 0 && sh.ttl[0].at <= now {
		e := sh.ttl[0].e
		d.unlink(sh, e.key, d.hash(e.key))
		n++
	}
	more := len(sh.ttl) > 0 && sh.ttl[0].at <= now
	sh.mu.Unlock()
	held := time.Since(start)
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
	return more
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
