package store

import (
	"errors"
	"hash/maphash"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a Store. The zero value is an in-memory store with 16
// databases on the real clock.
type Options struct {
	// Clock is the one clock for TTLs, TIME and every other notion of now.
	// Nil means the real clock; tests pass a *ManualClock.
	Clock Clock
	// Databases is the number of databases (SELECT 0..n-1); 0 means 16.
	Databases int
	// Password, when set, is required by AUTH on Dial connections, as
	// redis-server's requirepass. The typed API and Do are not affected.
	Password string
}

// Store is an embedded Redis. Its methods (those of DB, promoted) act on
// database 0; use Select for the others. A Store is safe for concurrent use.
type Store struct {
	*DB
	dbs      []*DB
	clock    Clock
	seed     maphash.Seed
	password string
	sweeper  *sweeper
	clientID atomic.Int64
	lru      atomic.Uint32 // Redis's LRU clock, refreshed by the sweeper's tick and by a ManualClock
	// sharedLRU are the access clocks of Redis's shared integers 0..9999:
	// every key holding one shares its clock, as in Redis.
	sharedLRU [sharedIntCount]uint32
	blocking  blockRegistry
	closed    atomic.Bool
	closeMu   sync.Mutex
}

// ErrClosed is returned by operations on a closed Store.
var ErrClosed = errors.New("embedis: store closed")

// Open creates a Store.
func Open(opts Options) (*Store, error) {
	if opts.Databases < 0 {
		return nil, errors.New("embedis: Options.Databases must not be negative")
	}
	n := opts.Databases
	if n == 0 {
		n = 16
	}
	s := &Store{clock: opts.Clock, seed: maphash.MakeSeed(), password: opts.Password}
	if s.clock == nil {
		s.clock = realClock{}
	}
	s.dbs = make([]*DB, n)
	for i := range s.dbs {
		s.dbs[i] = newDB(s, i)
	}
	s.DB = s.dbs[0]
	s.refreshLRU()
	for i := range s.sharedLRU {
		s.sharedLRU[i] = s.lru.Load()
	}
	s.sweeper = startSweeper(s)
	return s, nil
}

// Close stops the Store's background work. The data stays readable until
// the Store is garbage; Close is idempotent.
func (s *Store) Close() error {
	s.closeMu.Lock()
	defer s.closeMu.Unlock()
	if s.closed.Swap(true) {
		return nil
	}
	s.sweeper.stop()
	return nil
}

// Select returns database n (0 <= n < Options.Databases), as SELECT does
// for a connection. It panics on an out of range index, like a slice.
func (s *Store) Select(n int) *DB { return s.dbs[n] }

// Databases returns the number of databases.
func (s *Store) Databases() int { return len(s.dbs) }

// Clock returns the Store's clock.
func (s *Store) Clock() Clock { return s.clock }

// nowMs is the Store's clock in Unix milliseconds.
func (s *Store) nowMs() int64 { return s.clock.Now().UnixMilli() }

// lruClock is Redis's LRU clock: seconds, 24 bits wide.
func (s *Store) lruClock(nowMs int64) uint32 { return uint32(nowMs/1000) & lruClockMax }

const lruClockMax = 1<<24 - 1

// refreshLRU samples the clock into the cached LRU clock, as Redis's
// serverCron does, so reads record accesses without reading the clock.
func (s *Store) refreshLRU() { s.lru.Store(s.lruClock(s.nowMs())) }

// idleSeconds is Redis's estimateObjectIdleTime for an access clock.
func (s *Store) idleSeconds(lru uint32, nowMs int64) int64 {
	now := s.lruClock(nowMs)
	if now >= lru {
		return int64(now - lru)
	}
	return int64(now + (lruClockMax - lru))
}

// randUint64 is the Store's source for RANDOMKEY and random replies.
func randUint64() uint64 { return rand.Uint64() }

// Clock is the source of time for a Store.
type Clock interface {
	Now() time.Time
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

// ManualClock is a Clock that moves only when told to. Advancing it runs the
// active expiry of every Store using it before Advance returns, so keys
// expire exactly as if that much time had passed.
type ManualClock struct {
	now       atomic.Int64 // Unix ns
	mu        sync.Mutex
	observers map[*sweeper]struct{}
	timers    map[chan struct{}]int64 // blocked calls' deadlines, Unix ms
}

// NewManualClock returns a ManualClock reading start.
func NewManualClock(start time.Time) *ManualClock {
	c := &ManualClock{observers: map[*sweeper]struct{}{}}
	c.now.Store(start.UnixNano())
	return c
}

// Now returns the clock's time.
func (c *ManualClock) Now() time.Time { return time.Unix(0, c.now.Load()) }

// Advance moves the clock forward by d (backward if d is negative) and runs
// active expiry.
func (c *ManualClock) Advance(d time.Duration) {
	c.now.Add(int64(d))
	c.notify()
}

// Set moves the clock to t and runs active expiry.
func (c *ManualClock) Set(t time.Time) {
	c.now.Store(t.UnixNano())
	c.notify()
}

func (c *ManualClock) notify() {
	c.mu.Lock()
	obs := make([]*sweeper, 0, len(c.observers))
	for o := range c.observers {
		obs = append(obs, o)
	}
	now := c.Now().UnixMilli()
	for ch, at := range c.timers {
		if at <= now {
			close(ch)
			delete(c.timers, ch)
		}
	}
	c.mu.Unlock()
	for _, o := range obs {
		o.sweepAll()
	}
}

// addTimer closes ch once the clock reaches at (Unix ms); the returned
// function cancels it.
func (c *ManualClock) addTimer(at int64, ch chan struct{}) func() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if at <= c.Now().UnixMilli() {
		close(ch)
		return func() {}
	}
	if c.timers == nil {
		c.timers = map[chan struct{}]int64{}
	}
	c.timers[ch] = at
	return func() {
		c.mu.Lock()
		delete(c.timers, ch)
		c.mu.Unlock()
	}
}

func (c *ManualClock) observe(sw *sweeper, on bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if on {
		c.observers[sw] = struct{}{}
	} else {
		delete(c.observers, sw)
	}
}
