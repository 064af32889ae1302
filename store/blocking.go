package store

import (
	"context"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/embedis/embedis/internal/redisstr"
	"github.com/embedis/embedis/resp"
)

// This file is the machinery of the blocking commands (BLPOP, BRPOP,
// BLMOVE, BRPOPLPUSH, BLMPOP, BZPOPMIN, BZPOPMAX, BZMPOP), Redis's
// blocked.c in Go. The commands themselves live with their types.
//
// A blocked call is a waiter queued, in arrival order, on each key it
// waits for; the queues live in the keys' shards (shard.blocked) and are
// guarded by the shard locks, like the keys. Nothing polls:
//
//   - A command that creates a list or sorted-set key on which clients wait
//     (only a missing key can have waiters: Redis deletes empty
//     collections) appends the key to its shard's ready list (signalReady).
//   - Before the command releases its locks, serveReady pops, for each
//     ready key, on behalf of its waiters in FIFO order while the key has
//     elements, exactly as Redis's handleClientsBlockedOnKeys runs after
//     the command and before any other. The served waiter is woken with its
//     reply already computed. A write that creates no watched key pays one
//     atomic load (readyKeys), so waiters on other keys cost it nothing.
//   - A waiter ends when served, at its deadline on the Store's clock (a
//     ManualClock's Advance fires it), or when its context is cancelled (a
//     Dial connection's close cancels it). A state word decides the race
//     between a server and a timeout: whoever moves it from waiting wins.
//
// Invariant: a shard's ready list is empty whenever its lock is free,
// because whoever appends to it serves it before unlocking.
//
// BLMOVE's waiter also writes its destination, which may be in a shard
// the serving command did not lock. So commands that write keys lock, in
// addition, the destinations of the move waiters blocked on those keys,
// transitively (moveClosure); the set is computed before locking and
// checked again after, since a new BLMOVE may have blocked in between.

// The blocking commands' own errors.
var (
	ErrTimeoutNotFloat = resp.ErrorReply("ERR timeout is not a float or out of range")
	ErrTimeoutNegative = resp.ErrorReply("ERR timeout is negative")
)

// waiter is one blocked call.
type waiter struct {
	db   *DB
	kind kind     // the type that can serve it: kindList or kindZSet
	keys []string // distinct keys, in the command's order
	dest string   // BLMOVE's destination, or ""
	// serve pops from key (live, of kind, not empty) and records the
	// result (a reply or Go values). It runs under the locks of key and
	// dest, in the serving goroutine.
	serve func(key string, now int64)
	state atomic.Int32
	nodes []*waitNode // one per key, for O(1) removal
	done  chan struct{}
}

const (
	waiting int32 = iota
	served
	cancelled
)

type waitNode struct {
	w          *waiter
	key        string
	prev, next *waitNode
	queued     bool
}

// waitQueue is the FIFO of waiters on one key.
type waitQueue struct{ head, tail *waitNode }

func (q *waitQueue) push(n *waitNode) {
	n.prev, n.next, n.queued = q.tail, nil, true
	if q.tail != nil {
		q.tail.next = n
	} else {
		q.head = n
	}
	q.tail = n
}

func (q *waitQueue) remove(n *waitNode) {
	if n.prev != nil {
		n.prev.next = n.next
	} else {
		q.head = n.next
	}
	if n.next != nil {
		n.next.prev = n.prev
	} else {
		q.tail = n.prev
	}
	n.prev, n.next, n.queued = nil, nil, false
}

// blockRegistry is the Store-wide state of blocking: how many keys are
// ready (the fast path's one atomic) and which destinations move waiters
// may write.
type blockRegistry struct {
	waiting   atomic.Int64 // clients blocked now (Redis's blocked_clients)
	readyKeys atomic.Int64
	moveCount atomic.Int64
	movesMu   sync.Mutex
	moves     map[*DB]map[string]map[*waiter]struct{} // source key -> its move waiters
}

// signalReady is called, with the shard's write lock held, when key is
// created holding a list or sorted set; clients blocked on key are served
// before the lock is released.
func (d *DB) signalReady(sh *shard, key string) {
	if len(sh.blocked) == 0 || sh.blocked[key] == nil {
		return
	}
	sh.ready = append(sh.ready, key)
	d.s.blocking.readyKeys.Add(1)
}

// block queues w on its keys. The write locks of all its keys (and of its
// destination) must be held.
func (d *DB) block(w *waiter) {
	w.db, w.done = d, make(chan struct{})
	d.s.blocking.waiting.Add(1)
	for _, k := range w.keys {
		sh := d.shardOf(k)
		if sh.blocked == nil {
			sh.blocked = map[string]*waitQueue{}
		}
		q := sh.blocked[k]
		if q == nil {
			q = &waitQueue{}
			sh.blocked[k] = q
		}
		n := &waitNode{w: w, key: k}
		q.push(n)
		w.nodes = append(w.nodes, n)
	}
	if w.dest != "" {
		b := &d.s.blocking
		b.movesMu.Lock()
		if b.moves == nil {
			b.moves = map[*DB]map[string]map[*waiter]struct{}{}
		}
		byKey := b.moves[d]
		if byKey == nil {
			byKey = map[string]map[*waiter]struct{}{}
			b.moves[d] = byKey
		}
		for _, k := range w.keys {
			if byKey[k] == nil {
				byKey[k] = map[*waiter]struct{}{}
			}
			byKey[k][w] = struct{}{}
		}
		b.movesMu.Unlock()
		b.moveCount.Add(1)
	}
}

// unqueue removes w from the queues it is still on. The write locks of
// w's keys must be held.
func (w *waiter) unqueue() {
	d := w.db
	for _, n := range w.nodes {
		if n.queued {
			sh := d.shardOf(n.key)
			q := sh.blocked[n.key]
			q.remove(n)
			if q.head == nil {
				delete(sh.blocked, n.key)
			}
		}
	}
	if w.dest != "" {
		b := &d.s.blocking
		b.movesMu.Lock()
		for _, k := range w.keys {
			if m := b.moves[d][k]; m != nil {
				delete(m, w)
				if len(m) == 0 {
					delete(b.moves[d], k)
				}
			}
		}
		b.movesMu.Unlock()
		b.moveCount.Add(-1)
	}
}

// wait blocks until w is served, its deadline (Unix ms on the Store's
// clock; 0 waits forever) passes, or ctx ends. It reports whether w was
// served; if not, w is unqueued and will never be served.
func (w *waiter) wait(ctx context.Context, deadline int64) bool {
	var expired <-chan struct{}
	if deadline > 0 {
		ch, stop := w.db.s.after(deadline)
		defer stop()
		expired = ch
	}
	select {
	case <-w.done:
	case <-expired:
	case <-ctx.Done():
	}
	if w.state.CompareAndSwap(waiting, cancelled) {
		w.db.s.blocking.waiting.Add(-1)
		w.db.lockKeys(true, w.keys, 1, func(int64) { w.unqueue() })
		return false
	}
	<-w.done
	// Served from one key: leave the queues of the others.
	w.db.lockKeys(true, w.keys, 1, func(int64) { w.unqueue() })
	return true
}

// serveShard serves the clients blocked on the keys made ready in sh,
// whose write lock the caller holds along with those of every key the
// waiters may write.
func (d *DB) serveShard(sh *shard, now int64) {
	for len(sh.ready) > 0 {
		key := sh.ready[0]
		sh.ready = sh.ready[1:]
		d.s.blocking.readyKeys.Add(-1)
		d.serveKey(sh, key, now)
	}
	sh.ready = nil
}

// serveKey serves key's waiters in the order they blocked, while key holds
// elements of their type.
func (d *DB) serveKey(sh *shard, key string, now int64) {
	q := sh.blocked[key]
	for n := q.headOrNil(); n != nil; {
		next := n.next
		e := d.lookup(key, now)
		if e == nil {
			return
		}
		w := n.w
		if w.kind == e.val.kind && w.state.CompareAndSwap(waiting, served) {
			d.s.blocking.waiting.Add(-1)
			q.remove(n)
			w.serve(key, now)
			close(w.done)
		}
		n = next
	}
	if q != nil && q.head == nil {
		delete(sh.blocked, key)
	}
}

func (q *waitQueue) headOrNil() *waitNode {
	if q == nil {
		return nil
	}
	return q.head
}

// serveMask serves the ready keys of the shards of d in mask (all held
// for writing).
func (d *DB) serveMask(mask *[shardCount / 64]uint64, now int64) {
	for d.s.blocking.readyKeys.Load() > 0 {
		found := false
		for i := range d.shards {
			if mask[i/64]&(1<<(i%64)) != 0 && len(d.shards[i].ready) > 0 {
				d.serveShard(&d.shards[i], now)
				found = true
			}
		}
		if !found {
			return
		}
	}
}

// rescanBlocked marks ready every key of d with waiters that now holds a
// collection (after SWAPDB brought in another database's keys, as Redis's
// scanDatabaseForReadyKeys). Every shard of d must be write-locked.
func (d *DB) rescanBlocked(now int64) {
	for i := range d.shards {
		sh := &d.shards[i]
		for key := range sh.blocked {
			if e := d.lookup(key, now); e != nil && (e.val.kind == kindList || e.val.kind == kindZSet) {
				d.signalReady(sh, key)
			}
		}
	}
}

// moveClosure returns the destinations that serving the move waiters
// blocked on keys (and, transitively, on those destinations) may write.
func (d *DB) moveClosure(keys []string) []string {
	b := &d.s.blocking
	b.movesMu.Lock()
	defer b.movesMu.Unlock()
	byKey := b.moves[d]
	if len(byKey) == 0 {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	todo := append([]string(nil), keys...)
	for len(todo) > 0 {
		k := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for w := range byKey[k] {
			if !seen[w.dest] {
				seen[w.dest] = true
				out = append(out, w.dest)
				todo = append(todo, w.dest)
			}
		}
	}
	return out
}

// parseTimeout parses a blocking command's timeout in seconds (a float) as
// Redis's getTimeoutFromObjectOrReply, returning the absolute deadline in
// Unix ms (0: wait forever).
func parseTimeout(arg string, now int64) (int64, error) {
	f, ok := redisstr.ParseLongDouble(arg)
	if !ok {
		return 0, ErrTimeoutNotFloat
	}
	// Out of range (inf included) becomes LLONG_MIN on the machines Redis
	// runs on, hence "negative".
	ms, ok := f.CeilMillis()
	if !ok || ms < 0 {
		return 0, ErrTimeoutNegative
	}
	if ms == 0 {
		return 0, nil
	}
	if ms > math.MaxInt64-now {
		return math.MaxInt64, nil
	}
	return now + ms, nil
}

// after returns a channel closed once the Store's clock reaches deadline
// (Unix ms), and a function that releases the timer.
func (s *Store) after(deadline int64) (<-chan struct{}, func()) {
	ch := make(chan struct{})
	if mc, ok := s.clock.(*ManualClock); ok {
		return ch, mc.addTimer(deadline, ch)
	}
	d := time.Until(time.UnixMilli(deadline))
	t := time.AfterFunc(d, func() { close(ch) })
	return ch, func() { t.Stop() }
}

// blockOn makes c wait for a key of keys to hold a k (its own keys' write
// locks are held): serve, run by the command that fills the key, pops for
// it and writes the reply. dest is BLMOVE's destination.
func (c *call) blockOn(k kind, keys []string, dest string, deadline int64, serve func(key string, now int64, w *resp.Writer)) {
	rw := resp.NewWriter(c.w.Protocol())
	w := &waiter{kind: k, keys: distinctKeys(keys), dest: strings.Clone(dest)}
	w.serve = func(key string, now int64) { serve(key, now, rw) }
	c.db.block(w)
	c.blocked, c.deadline, c.blockReply = w, deadline, rw
}

// popFunc pops from key for a blocking pop, reporting false when the key
// holds nothing to pop. The command handler and the typed API of each
// blocking pop share one.
type popFunc[T any] func(d *DB, key string, now int64) (T, bool, error)

// blockingPop is the shape every blocking pop command shares (Redis's
// blockingPopGenericCommand and blockingGenericZpopCommand): the timeout is
// parsed, then the keys are tried in order, a key of another type being
// WRONGTYPE; the first that holds elements is popped and the reply written
// at once, else the call waits for one of kind k and is served the same
// way. pop reports false when the key holds nothing.
func blockingPop[T any](c *call, k kind, keys []string, timeoutArg string, pop popFunc[T], reply func(w *resp.Writer, key string, v T)) {
	deadline, err := parseTimeout(timeoutArg, c.now)
	if err != nil {
		c.err(err)
		return
	}
	d := c.db
	try := func(w *resp.Writer, key string, now int64) (bool, error) {
		v, ok, err := pop(d, key, now)
		if ok && err == nil {
			reply(w, key, v)
		}
		return ok, err
	}
	for _, key := range keys {
		ok, err := try(c.w, key, c.now)
		if err != nil {
			c.err(err)
			return
		}
		if ok {
			return
		}
	}
	c.blockOn(k, keys, "", deadline, func(key string, now int64, w *resp.Writer) { try(w, key, now) })
}

// popTyped is blockingPop for the typed API: it returns the key popped
// from and what was popped, waiting as blockTyped does.
func popTyped[T any](ctx context.Context, d *DB, k kind, keys []string, timeout time.Duration, pop popFunc[T]) (key string, v T, err error) {
	err = d.blockTyped(ctx, k, keys, "", timeout, func(kk string, now int64) (bool, error) {
		got, ok, err := pop(d, kk, now)
		if ok && err == nil {
			key, v = kk, got
		}
		return ok, err
	})
	return key, v, err
}

// distinctKeys copies keys (the connection reuses its argument memory),
// dropping repeats as Redis's blockForKeys does.
func distinctKeys(keys []string) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if !slices.Contains(out, k) {
			out = append(out, strings.Clone(k))
		}
	}
	return out
}

// blockTyped is the typed API's blocking call: try runs for each key in
// order under the locks of keys and dest, and reports whether it took an
// element; if none did, the call waits (timeout 0: forever) and try runs
// again, by the serving command, for the key that is filled. It returns
// ErrNil on timeout and ctx's error when ctx ends first.
func (d *DB) blockTyped(ctx context.Context, k kind, keys []string, dest string, timeout time.Duration, try func(key string, now int64) (bool, error)) error {
	if timeout < 0 {
		return ErrTimeoutNegative
	}
	lockKeys := keys
	if dest != "" {
		lockKeys = append(slices.Clip(keys), dest)
	}
	var w *waiter
	var deadline int64
	var servedErr error // written by the server before it wakes w
	err := d.lockKeysErr(true, lockKeys, 1, func(now int64) error {
		for _, key := range keys {
			if ok, err := try(key, now); ok || err != nil {
				return err
			}
		}
		if timeout > 0 {
			deadline = now + max(1, timeout.Milliseconds())
		}
		w = &waiter{kind: k, keys: distinctKeys(keys), dest: dest}
		w.serve = func(key string, now int64) { _, servedErr = try(key, now) }
		d.block(w)
		return nil
	})
	if err != nil || w == nil {
		return err
	}
	if w.wait(ctx, deadline) {
		return servedErr
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return ErrNil
}
