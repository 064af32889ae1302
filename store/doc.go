// Package store is the Embedis Store: Redis 7.0's databases, keyspace, data
// types, expiry and command table, embedded in a Go process.
//
// A Store is used three ways, all through the same code:
//
//   - the typed API (s.Get, s.Set, s.IncrBy, s.Select(3).Expire, ...), which takes
//     and returns Go values and never parses arguments;
//   - Do, which runs any command by name and returns its RESP reply value;
//   - Dial, an in-memory net.Conn on which the Store speaks RESP2/RESP3 like
//     redis-server, so go-redis, rueidis and redigo run unchanged.
//
// # Command table
//
// Every command is declared once in commandTable (commands.go): name, arity,
// flags, key specs (from which the legacy first/last/step key range the
// executor locks by is derived), ACL categories, tips and handler; the
// documentation COMMAND DOCS serves is in commands_docs.go. Do, Dial connections (and later Lua's
// redis.call and AOF replay) dispatch through that table, so arity checks,
// error texts, locking and replies are the same everywhere. Handlers parse
// their arguments and call the same locked-context operations the typed API
// calls; data logic lives in the per-type files (string.go, bitmap.go,
// keys.go), never in handlers.
//
// # Keyspace and entries
//
// Each database is split into [shardCount] shards by the high bits of a
// 64-bit maphash of the key. A shard owns a sync.RWMutex, an
// open-addressing hash table (internal/htable: cache-line groups of seven
// tag bytes and pointers, resized incrementally), and a min-heap of the
// shard's keys that carry a
// TTL. An entry (entry.go) is 40 bytes: the key, the value (a string's
// bytes, or a pointer to a typed collection, in two words), the entry's slot
// in the TTL heap, and its 24-bit access clock. Keys up to 72 bytes are
// copied into the entry's own allocation, so a lookup compares the key on
// the cache line it already loaded for the entry: a GET costs one miss for
// the table group and one for the entry. A command on several keys or
// fields (MGET, EXISTS, HMGET, ZMSCORE) looks them up together
// (htable.FindEach), so that their misses overlap instead of following
// one another; a write on several keys (MSET, DEL) does the same to bring
// their lines into the cache, then writes key by key. Entry pointers are
// stable for the entry's life: the TTL heap, and later snapshots, hold
// them.
//
// Invariants:
//
//   - An entry lives in exactly one shard table, the one its key hashes to.
//   - entry.ttl >= 0 if and only if the entry is in its shard's TTL heap at
//     that index; the heap holds the absolute expiry time in Unix ms.
//   - String values held as plain Go strings are immutable; a string that is
//     mutated in place (APPEND, SETRANGE, SETBIT, BITFIELD) is converted to a
//     private growable buffer first, so readers never see a torn value and a
//     snapshot can keep the old string by keeping the pointer.
//   - shard.used is the sum of entrySize over the shard's entries, updated on
//     every write, so a memory limit can be enforced without scanning. A
//     string's size changes when it is replaced; a collection changes in
//     place and charges each change of its size to the shard it is stored
//     in (collection.go's accounted), in O(1) per change. Sizes are the
//     heap the Go allocator spends (internal/alloc's size classes), the
//     sorted set's tree estimated from its length (internal/ztree's
//     Bytes).
//   - Tables grow on insert and shrink from the sweeper, never on delete, so
//     a deletion never allocates under a lock.
//
// # Concurrency
//
// Every command is atomic and linearizable. A command holds the locks of
// every shard it touches for its whole execution and takes them before it
// reads anything:
//
//   - single-key commands lock one shard (read or write by the command's
//     flags), so commands on different keys run in parallel across cores;
//   - multi-key commands (MGET, MSET, DEL, RENAME, ...) compute the set of
//     shards of their keys and lock them in ascending (database, shard) order,
//     the one global lock order, so they cannot deadlock with each other;
//   - commands that see a whole database (KEYS, DBSIZE, FLUSHDB, RANDOMKEY)
//     lock all its shards, and commands across databases (FLUSHALL, SWAPDB,
//     MOVE, COPY ... DB) lock every shard of the databases involved, in the
//     same order.
//
// SCAN is the exception: it takes each shard's read lock in turn and holds
// none between calls, so its guarantee is Redis's (a key present for the
// whole scan is returned at least once), from the reverse-binary cursor of
// table.scan. When MULTI/EXEC and scripts arrive, a SCAN inside them must use
// the locks already held instead of taking its own.
//
// The same lock set mechanism (lockset.go) is what MULTI/EXEC and scripts use
// to hold every key they need at once: the union of their commands' shards,
// taken in the global order before the first command runs.
//
// A command reads the clock once; that instant is its "now" for every expiry
// decision it makes, as in Redis. A key is expired from the millisecond its
// expiry time is reached, on every path alike (reads, writes, the sweeper).
// Redis keeps a key through that millisecond and drops it in the next
// (now > when); the difference can show only within that one millisecond,
// and this way advancing a ManualClock by a key's TTL removes it. A key
// whose time has passed is invisible to every command from that instant
// on. Read-locked paths never delete: the expired entry stays in the table
// until a write to it or the active sweeper removes it, which is why
// DBSIZE, like Redis's, may count keys that expired but were not yet
// reclaimed.
//
// # Expiry
//
// Keys expire lazily (invisible when read, deleted when written) and
// actively: the sweeper (expire.go) pops due keys off each shard's TTL heap in
// steps of at most sweepBatch keys or sweepBudget of work, releasing the
// shard lock between steps, so no step's work holds a lock for long whatever
// the size of the keyspace. It yields to the Go scheduler between steps
// every millisecond, so that Go's preemption of long-running goroutines
// lands between steps rather than inside one. (A step can still be held up
// by the OS descheduling its thread, or by a garbage collection's
// stop-the-world phases, while it holds the lock; bench/ measures that.) It runs
// every 100ms on the real clock and, on a ManualClock, synchronously inside
// Advance and Set, so a test that advances time sees keys gone exactly as if
// that much time had passed.
//
// # Collections
//
// Hashes, lists, sets and sorted sets (hash.go, list.go, set.go, zset.go)
// live behind their entry's value as a pointer to the type's own structure,
// changed in place under the key's shard write lock; collection.go holds
// what they share (kinds, typed lookups with WRONGTYPE, the rule that a
// collection emptied by a command deletes its key). Small ones use compact
// encodings reported by OBJECT ENCODING under Redis's names and thresholds;
// large ones use internal/dict, Redis's dict with its SCAN cursor, and the
// sorted set adds an order-statistic tree for O(log n) ranks. Each type's
// file documents its structure and invariants. Each type keeps the bytes
// of its elements in counters and computes its size from them and its
// structure in O(1); its primitives charge the changes to its shard.
//
// # Blocking commands
//
// BLPOP and its kin (blocking.go) wait without polling: a waiter is queued
// per key in the key's shard, a command that creates a watched key serves
// the waiters in FIFO order before it releases its locks (as Redis serves
// them right after the command), and a waiter ends on its deadline on the
// Store's clock, on context cancellation or when its connection closes.
// Because BLMOVE's waiter writes its destination, writers also lock the
// destinations of the move waiters on their keys.
//
// # Point-in-time snapshots
//
// Background saves (a later capability) need a consistent view while writers
// continue. The plan this layout allows: a snapshot takes every shard lock
// once to mark a snapshot epoch, then walks shards one at a time. A writer to
// a shard the snapshot has not walked yet first records the entry's current
// value in the snapshot's side table, so the snapshot reads the value as of
// its epoch. For a string that is a copy of two words (strings are
// immutable). Collections are changed in place today, so the first write
// to one during a snapshot must copy it, or write it out, first: a pause
// proportional to that collection's size, once per snapshot. Making large
// collections copy-on-write, so that this pause is bounded too, is part of
// the persistence work.
package store
