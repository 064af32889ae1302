package store

// This file is the hash type (Redis's t_hash.c): its two encodings, the
// operations the commands share (methods that require the key's shard
// lock), and the typed API (Hash, whose methods take the lock themselves).
//
// # Data structures
//
// A hash is in one of Redis's two encodings, and OBJECT ENCODING names the
// one Redis 7.0 would use for the same commands:
//
//   - "listpack": lp holds field, value, field, value, ... in insertion
//     order, and a lookup scans it linearly, as Redis scans its listpack.
//     An update replaces the value in place; HDEL closes the gap, keeping
//     the order. A small hash is one slice of string headers, and its
//     replies (HGETALL, HKEYS, HSCAN, HRANDFIELD with a count at least its
//     size) come in insertion order, as Redis's do.
//   - "hashtable": ht is an internal/dict.Dict (Redis's dict: chained
//     power-of-two buckets, incremental rehash, reverse-binary SCAN cursor)
//     from field to value. Fields and values are the Go strings the command
//     received; a node holds both headers and the chain link (48 bytes), so
//     a field of 16 bytes with a value of 16 bytes costs 89 bytes of heap
//     with its bucket slot, against redis-server's 104.5 (bench/,
//     BenchmarkHashMemory).
//
// Invariants:
//
//   - exactly one of lp and ht is in use: ht == nil means listpack;
//   - in listpack form len(lp) is even, at most 2*hashMaxListpackEntries,
//     no field or value is longer than hashMaxListpackValue bytes, and no
//     field appears twice;
//   - the conversion is one-way, as in Redis: a hash that once needed a
//     hashtable (more than 512 fields, or a field or value longer than 64
//     bytes) keeps it however small it becomes;
//   - a hash stored in the keyspace is never empty: whatever removes its
//     last field deletes the key (dropIfEmpty);
//   - stored strings are never modified: an update stores a new string, so
//     a value returned to a caller stays valid after the lock is released.
//
// # Locking and complexity
//
// A hash belongs to its key's shard: commands run with that shard's lock
// (write lock for HSET, HDEL, HINCRBY...; read lock for HGET, HGETALL,
// HSCAN, HRANDFIELD), so reads of different hashes, and of the same hash,
// run in parallel. Read paths never modify the hash: lookups, iteration
// and Dict.Scan are pure reads, and HRANDFIELD draws from the Store's
// concurrency-safe random source. HGET, HSET, HDEL, HEXISTS and HINCRBY
// are O(1) on a hashtable and O(n ≤ 512) on a listpack, as in Redis;
// HRANDFIELD with a count is O(count) when the hash is much larger than
// the count and O(size) otherwise, Redis's own cases.
//
// # Snapshots
//
// A point-in-time snapshot (background RDB save) can copy a listpack hash
// under the shard lock: at most 1024 string headers, the strings shared,
// since they are immutable. A hashtable hash is too big to copy under a
// lock; the plan is copy-on-write by pre-image: the snapshot walks the
// dict in Scan steps, taking the shard's read lock per step as HSCAN does,
// while the dict's resizing is paused so no field is visited twice; a
// writer that changes a field of a hash the snapshot has not finished
// first records the field's pre-image (the old value, or "absent" for a
// field it adds) in the snapshot's side table. The snapshot then emits a
// visited field from its pre-image when it has one, skips fields added
// after its epoch, and emits the recorded fields deleted before it reached
// them. No writer waits longer than one small map insert.

import (
	"iter"
	"maps"
	"strconv"
	"unsafe"

	"github.com/embedis/embedis/internal/alloc"
	"github.com/embedis/embedis/internal/dict"
	"github.com/embedis/embedis/internal/redisstr"
	"github.com/embedis/embedis/resp"
)

// Redis 7.0's defaults for hash-max-listpack-entries and
// hash-max-listpack-value (config.c; 512 entries, not the 128 of the
// sorted sets).
const (
	hashMaxListpackEntries = 512
	hashMaxListpackValue   = 64
)

// hash is a Redis hash; see the file comment.
type hash struct {
	accounted
	lp []string           // listpack encoding: field, value, ... in insertion order
	ht *dict.Dict[string] // hashtable encoding, once converted; lp is then nil
	// fieldBytes and valueBytes are the heap of the fields' and the values'
	// bytes (alloc.Size of each). A hashtable's dict counts its fields
	// itself, with its nodes.
	fieldBytes, valueBytes int64
}

// The collection's accounting is its first field (see accounted).
var _ = [1]struct{}{}[unsafe.Offsetof(hash{}.accounted)]

// Errors of the hash commands, with Redis's texts.
var (
	ErrHashNotInteger = resp.ErrorReply("ERR hash value is not an integer")
	ErrHashNotFloat   = resp.ErrorReply("ERR hash value is not a float")
	ErrNaNOrInfValue  = resp.ErrorReply("ERR value is NaN or Infinity")
)

func init() {
	registerKind[hash](kindHash, "hash")
}

// size is the heap h holds, in O(1).
func (h *hash) size() int64 {
	n := hashBytes + h.valueBytes
	if h.ht != nil {
		return n + h.ht.Bytes()
	}
	return n + int64(alloc.Size(cap(h.lp)*int(unsafe.Sizeof("")))) + h.fieldBytes
}

var hashBytes = int64(alloc.Size(int(unsafe.Sizeof(hash{}))))

// charged is deferred by each primitive that changes h's size, with the
// size before the change.
func (h *hash) charged(before int64) { h.charge(before, h.size()) }

func (h *hash) encoding() string {
	if h.ht != nil {
		return "hashtable"
	}
	return "listpack"
}

func (h *hash) len() int {
	if h.ht != nil {
		return h.ht.Len()
	}
	return len(h.lp) / 2
}

// clone is Redis's hashTypeDup: same encoding, the (immutable) strings
// shared.
func (h *hash) clone() *hash {
	if h.ht == nil {
		return &hash{lp: append([]string(nil), h.lp...), fieldBytes: h.fieldBytes, valueBytes: h.valueBytes}
	}
	c := &hash{ht: new(dict.Dict[string]), fieldBytes: h.fieldBytes, valueBytes: h.valueBytes}
	for f, v := range h.ht.All() {
		c.ht.Set(f, v)
	}
	return c
}

// find returns the index of field's slot in lp, or -1. Fields of one
// hash often share their length and a prefix ("field:0001", "field:0002"),
// so the last byte is compared inline first: most slots are rejected
// without a call to the runtime's memequal (three times faster over 100
// such fields).
func (h *hash) find(field string) int {
	n := len(field)
	if n == 0 {
		for i := 0; i < len(h.lp); i += 2 {
			if h.lp[i] == "" {
				return i
			}
		}
		return -1
	}
	last := field[n-1]
	for i := 0; i < len(h.lp); i += 2 {
		if f := h.lp[i]; len(f) == n && f[n-1] == last && f == field {
			return i
		}
	}
	return -1
}

// get returns field's value.
func (h *hash) get(field string) (string, bool) {
	if h.ht != nil {
		return h.ht.Get(field)
	}
	if i := h.find(field); i >= 0 {
		return h.lp[i+1], true
	}
	return "", false
}

// getEach calls fn(i, value, present) for each of fields in order, as get
// would answer (a nil hash, a missing key, has no fields); a hashtable's
// lookups overlap their cache misses.
func (h *hash) getEach(fields []string, fn func(i int, v string, ok bool)) {
	if h == nil {
		absentEach(fields, fn)
		return
	}
	dictEach(fields, h.ht, h.get, fn)
}

// set stores value at field and reports whether the field is new. It
// converts to a hashtable first when field or value is too long for a
// listpack, and after adding the 513th field (Redis's hashTypeSet).
func (h *hash) set(field, value string) bool {
	defer h.charged(h.size())
	if h.ht == nil && (len(field) > hashMaxListpackValue || len(value) > hashMaxListpackValue) {
		h.toHashtable()
	}
	h.valueBytes += strBytes(value)
	if h.ht != nil {
		if old, replaced := h.ht.Swap(field, value); replaced {
			h.valueBytes -= strBytes(old)
			return false
		}
		h.fieldBytes += strBytes(field)
		return true
	}
	if i := h.find(field); i >= 0 {
		h.valueBytes -= strBytes(h.lp[i+1])
		h.lp[i+1] = value
		return false
	}
	h.fieldBytes += strBytes(field)
	h.lp = append(h.lp, field, value)
	if len(h.lp) > 2*hashMaxListpackEntries {
		h.toHashtable()
	}
	return true
}

// del removes field and reports whether it was present.
func (h *hash) del(field string) bool {
	defer h.charged(h.size())
	if h.ht != nil {
		v, ok := h.ht.Delete(field)
		if ok {
			h.fieldBytes -= strBytes(field)
			h.valueBytes -= strBytes(v)
		}
		return ok
	}
	i := h.find(field)
	if i < 0 {
		return false
	}
	h.fieldBytes -= strBytes(field)
	h.valueBytes -= strBytes(h.lp[i+1])
	n := copy(h.lp[i:], h.lp[i+2:])
	clear(h.lp[i+n:]) // drop the references the tail no longer uses
	h.lp = h.lp[:i+n]
	return true
}

func (h *hash) toHashtable() {
	d := new(dict.Dict[string])
	for i := 0; i < len(h.lp); i += 2 {
		d.Set(h.lp[i], h.lp[i+1])
	}
	h.ht, h.lp = d, nil
}

// all yields every field and value: insertion order for a listpack, the
// dict's order for a hashtable. The hash must not change meanwhile.
func (h *hash) all() iter.Seq2[string, string] {
	if h.ht != nil {
		return h.ht.All()
	}
	return func(yield func(string, string) bool) {
		for i := 0; i < len(h.lp); i += 2 {
			if !yield(h.lp[i], h.lp[i+1]) {
				return
			}
		}
	}
}

// randomPair returns a uniformly chosen field of a listpack, or Redis's
// dictGetFairRandomKey's choice of a hashtable. The hash must not be
// empty.
func (h *hash) randomPair() (string, string) {
	if h.ht != nil {
		f, v, _ := h.ht.Random(randUint64)
		return f, v
	}
	i := 2 * int(randUint64()%uint64(len(h.lp)/2))
	return h.lp[i], h.lp[i+1]
}

// randomFields is HRANDFIELD with a count: it returns how many fields it
// will yield and calls emit for each. A negative count yields -count
// fields chosen independently (repeats possible); a positive count yields
// min(count, len) distinct fields. The cases are Redis's
// hrandfieldWithCountCommand's, so the cost is too: O(count) when repeats
// are allowed or the hash is much larger than count, O(len) otherwise.
// With repeats (count < 0), it stops early when emit returns false.
func (h *hash) randomFields(count int64, emit func(field, value string) bool) {
	size := int64(h.len())
	switch {
	case count < 0 || count == 1:
		n := count
		if n < 0 {
			n = -n
		}
		for ; n > 0; n-- {
			if !emit(h.randomPair()) {
				return
			}
		}
	case count >= size:
		for f, v := range h.all() {
			emit(f, v)
		}
	case count*3 > size || h.ht == nil:
		// Choose count of the size positions (selection sampling keeps
		// them in order): Redis copies the hash and removes random
		// fields until count are left when count is close to the size,
		// and samples a listpack in order otherwise.
		need := count
		left := size
		for f, v := range h.all() {
			if int64(randUint64()%uint64(left)) < need {
				emit(f, v)
				if need--; need == 0 {
					return
				}
			}
			left--
		}
	default:
		// A big hashtable and a small count: draw until count distinct
		// fields came up.
		seen := make(map[string]struct{}, count)
		for int64(len(seen)) < count {
			f, v := h.randomPair()
			if _, dup := seen[f]; dup {
				continue
			}
			seen[f] = struct{}{}
			emit(f, v)
		}
	}
}

// randomCount is how many fields randomFields(count) yields.
func (h *hash) randomCount(count int64) int64 {
	if count < 0 {
		return -count
	}
	return min(count, int64(h.len()))
}

// scan is one HSCAN step from cursor: it calls emit for the fields
// matching a's pattern and returns the next cursor. A listpack is returned
// whole with cursor 0, as Redis does; a hashtable is walked with Redis's
// dictScan until a.count pairs were collected (before filtering), the
// scan ends, or ten times a.count buckets were visited.
func (h *hash) scan(cursor uint64, a scanArgs, emit func(field, value string)) uint64 {
	match := func(f string) bool { return !a.usePattern || redisstr.Match(a.pattern, f, false) }
	if h.ht == nil {
		for i := 0; i < len(h.lp); i += 2 {
			if match(h.lp[i]) {
				emit(h.lp[i], h.lp[i+1])
			}
		}
		return 0
	}
	return scanDict(h.ht, cursor, a.count, true, func(f, v string) {
		if match(f) {
			emit(f, v)
		}
	})
}

// --- operations: the caller holds the key's shard lock ---

// hashRead returns the hash at key for reading, nil if there is none.
func (d *DB) hashRead(key string, now int64) (*hash, error) {
	return readColl[hash](d, key, now, kindHash)
}

// hashWrite returns the hash at key for writing, creating an empty one
// (Redis's hashTypeLookupWriteOrCreate). The caller must store at least one
// field in a hash it created.
func (d *DB) hashWrite(key string, now int64) (*hash, error) {
	_, h, err := writeColl[hash](d, key, now, kindHash)
	if err != nil || h != nil {
		return h, err
	}
	h = &hash{}
	addColl(d, key, kindHash, h)
	return h, nil
}

// hset is HSET: it stores each field-value pair of pairs and returns how
// many fields were new.
func (d *DB) hset(key string, pairs []string, now int64) (int64, error) {
	h, err := d.hashWrite(key, now)
	if err != nil {
		return 0, err
	}
	h.ht.Warm(len(pairs)/2, func(i int) string { return pairs[2*i] })
	var added int64
	for i := 0; i+1 < len(pairs); i += 2 {
		if h.set(pairs[i], pairs[i+1]) {
			added++
		}
	}
	return added, nil
}

// hsetnx is HSETNX: it stores value at field only if field is new.
func (d *DB) hsetnx(key, field, value string, now int64) (bool, error) {
	h, err := d.hashWrite(key, now)
	if err != nil {
		return false, err
	}
	if _, ok := h.get(field); ok {
		return false, nil
	}
	h.set(field, value)
	return true, nil
}

// hdel is HDEL: it removes fields and returns how many existed, deleting
// the key when the hash becomes empty.
func (d *DB) hdel(key string, fields []string, now int64) (int64, error) {
	e, h, err := writeColl[hash](d, key, now, kindHash)
	if h == nil {
		return 0, err
	}
	h.ht.Warm(len(fields), func(i int) string { return fields[i] })
	var n int64
	for _, f := range fields {
		if h.del(f) {
			n++
			if d.dropIfEmpty(e) {
				break
			}
		}
	}
	return n, nil
}

// hincrBy is HINCRBY: it adds delta to the integer at field.
func (d *DB) hincrBy(key, field string, delta int64, now int64) (int64, error) {
	h, err := d.hashWrite(key, now)
	if err != nil {
		return 0, err
	}
	var n int64
	if s, ok := h.get(field); ok {
		if n, ok = redisstr.ParseInt(s); !ok {
			return 0, ErrHashNotInteger
		}
	}
	if delta < 0 && n < 0 && delta < minInt64-n || delta > 0 && n > 0 && delta > maxInt64-n {
		return 0, ErrOverflow
	}
	n += delta
	h.set(field, formatInt(n))
	return n, nil
}

// hincrByFloat is HINCRBYFLOAT with incr already parsed: it adds incr to
// the number at field with Redis's long double arithmetic and returns the
// new value as Redis formats (and stores) it.
func (d *DB) hincrByFloat(key, field string, incr redisstr.LongDouble, now int64) (string, error) {
	if incr.IsInf() {
		return "", ErrNaNOrInfValue
	}
	h, err := d.hashWrite(key, now)
	if err != nil {
		return "", err
	}
	var cur redisstr.LongDouble
	if s, ok := h.get(field); ok {
		if cur, ok = redisstr.ParseLongDouble(s); !ok {
			return "", ErrHashNotFloat
		}
	}
	sum, ok := redisstr.Add(cur, incr)
	if !ok {
		return "", ErrNaNOrInf
	}
	s := redisstr.FormatHuman(sum)
	h.set(field, s)
	return s, nil
}

// --- typed API ---

// Hash is the hash at a key of a database: s.Hash("user:1").Get("name").
// A Hash is a name, not a lock or a copy: every method is one atomic
// command, and a missing key is an empty hash.
type Hash struct {
	db  *DB
	key string
}

// Hash returns the hash at key.
func (d *DB) Hash(key string) Hash { return Hash{d, key} }

// FieldValue is one field of a hash and its value.
type FieldValue struct {
	Field, Value string
}

// queryHash runs fn on the hash at h under the key's read lock and
// returns its result; a missing key is an empty hash, for which fn is not
// called and the result is T's zero value.
func queryHash[T any](h Hash, fn func(hs *hash) T) (T, error) {
	var out T
	err := h.db.readKey(h.key, func(now int64) error {
		hs, err := h.db.hashRead(h.key, now)
		if hs != nil {
			out = fn(hs)
		}
		return err
	})
	return out, err
}

// updateHash runs a hash operation under the key's write lock.
func updateHash[T any](h Hash, op func(now int64) (T, error)) (T, error) {
	var out T
	err := h.db.writeKey(h.key, func(now int64) (err error) {
		out, err = op(now)
		return err
	})
	return out, err
}

// Set stores value at field (HSET) and reports whether the field is new.
func (h Hash) Set(field, value string) (bool, error) {
	n, err := h.SetPairs(field, value)
	return n == 1, err
}

// SetPairs stores each field-value pair of pairs (field1, value1, field2,
// ...) in order (HSET) and returns how many fields were new.
func (h Hash) SetPairs(pairs ...string) (int64, error) {
	if len(pairs) == 0 || len(pairs)%2 != 0 {
		return 0, resp.ErrorReply("ERR wrong number of arguments for 'hset' command")
	}
	return updateHash(h, func(now int64) (int64, error) { return h.db.hset(h.key, pairs, now) })
}

// SetNX stores value at field only if field does not exist (HSETNX), and
// reports whether it did.
func (h Hash) SetNX(field, value string) (bool, error) {
	return updateHash(h, func(now int64) (bool, error) { return h.db.hsetnx(h.key, field, value, now) })
}

// Get returns the value at field (HGET), ErrNil if there is none.
func (h Hash) Get(field string) (string, error) {
	v, err := queryHash(h, func(hs *hash) NullString {
		s, ok := hs.get(field)
		return NullString{s, ok}
	})
	if err == nil && !v.Valid {
		err = ErrNil
	}
	return v.String, err
}

// MGet returns the values at fields (HMGET); a missing field gives an
// invalid NullString.
func (h Hash) MGet(fields ...string) ([]NullString, error) {
	out, err := queryHash(h, func(hs *hash) []NullString {
		out := make([]NullString, len(fields))
		hs.getEach(fields, func(i int, v string, ok bool) { out[i] = NullString{v, ok} })
		return out
	})
	if out == nil && err == nil {
		out = make([]NullString, len(fields))
	}
	return out, err
}

// GetAll returns every field and value (HGETALL): in insertion order
// while the hash is small (listpack), in no particular order after.
func (h Hash) GetAll() ([]FieldValue, error) {
	return queryHash(h, func(hs *hash) []FieldValue {
		out := make([]FieldValue, 0, hs.len())
		for f, v := range hs.all() {
			out = append(out, FieldValue{f, v})
		}
		return out
	})
}

// Map returns the hash as a Go map (HGETALL).
func (h Hash) Map() (map[string]string, error) {
	return queryHash(h, func(hs *hash) map[string]string { return maps.Collect(hs.all()) })
}

// Keys returns the fields (HKEYS), in GetAll's order.
func (h Hash) Keys() ([]string, error) { return h.column(true) }

// Values returns the values (HVALS), in GetAll's order.
func (h Hash) Values() ([]string, error) { return h.column(false) }

func (h Hash) column(fields bool) ([]string, error) {
	return queryHash(h, func(hs *hash) []string {
		out := make([]string, 0, hs.len())
		for f, v := range hs.all() {
			if fields {
				out = append(out, f)
			} else {
				out = append(out, v)
			}
		}
		return out
	})
}

// Del removes fields (HDEL) and returns how many existed. Removing the
// last field deletes the key.
func (h Hash) Del(fields ...string) (int64, error) {
	return updateHash(h, func(now int64) (int64, error) { return h.db.hdel(h.key, fields, now) })
}

// Exists reports whether field exists (HEXISTS).
func (h Hash) Exists(field string) (bool, error) {
	return queryHash(h, func(hs *hash) bool {
		_, ok := hs.get(field)
		return ok
	})
}

// Len returns the number of fields (HLEN).
func (h Hash) Len() (int64, error) {
	return queryHash(h, func(hs *hash) int64 { return int64(hs.len()) })
}

// StrLen returns the length of the value at field, 0 if missing (HSTRLEN).
func (h Hash) StrLen(field string) (int64, error) {
	return queryHash(h, func(hs *hash) int64 {
		v, _ := hs.get(field)
		return int64(len(v))
	})
}

// IncrBy adds delta to the integer at field (a missing field counts as 0)
// and returns the result (HINCRBY).
func (h Hash) IncrBy(field string, delta int64) (int64, error) {
	return updateHash(h, func(now int64) (int64, error) { return h.db.hincrBy(h.key, field, delta, now) })
}

// IncrByFloat adds incr to the number at field with Redis's long double
// arithmetic and returns the result as Redis formats it (HINCRBYFLOAT).
// incr is sent as its shortest decimal, as go-redis would send it.
func (h Hash) IncrByFloat(field string, incr float64) (string, error) {
	x, ok := redisstr.ParseLongDouble(strconv.FormatFloat(incr, 'g', -1, 64))
	if !ok {
		return "", ErrNotFloat // NaN
	}
	return updateHash(h, func(now int64) (string, error) { return h.db.hincrByFloat(h.key, field, x, now) })
}

// RandField returns a random field (HRANDFIELD), ErrNil if the hash is
// empty.
func (h Hash) RandField() (string, error) {
	f, err := queryHash(h, func(hs *hash) NullString {
		f, _ := hs.randomPair()
		return NullString{f, true}
	})
	if err == nil && !f.Valid {
		err = ErrNil
	}
	return f.String, err
}

// RandFields returns random fields and their values (HRANDFIELD count
// WITHVALUES): min(count, Len) distinct fields for a positive count, -count
// independently chosen ones (repeats possible) for a negative count.
func (h Hash) RandFields(count int) ([]FieldValue, error) {
	return queryHash(h, func(hs *hash) []FieldValue {
		if count == 0 {
			return nil
		}
		out := make([]FieldValue, 0, hs.randomCount(int64(count)))
		hs.randomFields(int64(count), func(f, v string) bool { out = append(out, FieldValue{f, v}); return true })
		return out
	})
}

// Scan iterates the fields matching pattern ("" or "*" for all) with
// HSCAN's guarantee: a field present for the whole iteration is yielded at
// least once, and no lock is held between steps. An error (ErrWrongType)
// is yielded once, and ends the iteration.
func (h Hash) Scan(pattern string) iter.Seq2[FieldValue, error] {
	a := typedScanArgs(pattern, 100)
	return func(yield func(FieldValue, error) bool) {
		var cursor uint64
		for {
			cursor0 := cursor
			cursor = 0 // a missing key ends the scan
			batch, err := queryHash(h, func(hs *hash) (batch []FieldValue) {
				cursor = hs.scan(cursor0, a, func(f, v string) { batch = append(batch, FieldValue{f, v}) })
				return batch
			})
			if err != nil {
				yield(FieldValue{}, err)
				return
			}
			for _, fv := range batch {
				if !yield(fv, nil) {
					return
				}
			}
			if cursor == 0 {
				return
			}
		}
	}
}
