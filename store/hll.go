package store

import (
	"errors"
	"sync/atomic"
	"unsafe"

	"github.com/embedis/embedis/hll"
	"github.com/embedis/embedis/internal/alloc"
	"github.com/embedis/embedis/resp"
)

// This file is HyperLogLog (Redis's hyperloglog.c). A HyperLogLog is a
// string, as in Redis: TYPE says string, GET returns its bytes (the hll
// package's encoding), and a SET of those bytes is a working copy. What
// PFADD and PFMERGE leave at a key is a kindSketch value, the string with
// its sketch kept decoded, so the PF commands neither decode nor encode on
// every call; the bytes are built when something reads the value as a
// string. A string edited as a string (APPEND, SETRANGE, SETBIT) becomes a
// plain buffer again, and the sketch's checksum then refuses it.
//
// Concurrency: PFCOUNT is read-only (as its Redis flags say), so several
// readers may count, GET or STRLEN one sketch at once under a shared lock.
// The two things they compute lazily, the count (in hll.Sketch) and the
// bytes (hllValue.enc), are atomics that every racer fills with the same
// result; writers, under the exclusive lock, clear them. A PFCOUNT of a
// string that no PF write has decoded yet (a SET copy) decodes it on each
// call, because a reader may not replace the entry's value; the encoding
// carries the cached count, so that costs a decode, not an estimate.

// HyperLogLog errors, with Redis's texts.
var (
	// ErrNotHLL is the error for a string that is not a HyperLogLog.
	ErrNotHLL = resp.ErrorReply("WRONGTYPE Key is not a valid HyperLogLog string value.")
	// ErrHLLCorrupt is the error for a HyperLogLog whose body is damaged.
	ErrHLLCorrupt = resp.ErrorReply("INVALIDOBJ Corrupted HLL object detected")
)

// hllValue is a string value that holds a decoded sketch.
type hllValue struct {
	sk hll.Sketch
	// enc is the string's bytes, built on first read after a change;
	// nil until then.
	enc atomic.Pointer[string]
}

func sketchValue(h *hllValue) value { return value{p: unsafe.Pointer(h), kind: kindSketch} }

func (v value) sketch() *hllValue { return (*hllValue)(v.p) }

// bytes returns the sketch's encoding. Readers holding a shared lock may
// race to build it; each builds the same bytes and the first stored wins.
func (h *hllValue) bytes() string {
	if p := h.enc.Load(); p != nil {
		return *p
	}
	b, _ := h.sk.MarshalBinary()
	s := unsafe.String(unsafe.SliceData(b), len(b))
	if !h.enc.CompareAndSwap(nil, &s) {
		return *h.enc.Load()
	}
	return s
}

// size is the value's memory for accounting. It counts the encoding as
// if it were built, by its bound, so that a reader building it under a
// shared lock does not change the shard's accounted use.
func (h *hllValue) size() int64 {
	return int64(unsafe.Sizeof(hllValue{})) + int64(alloc.Size(h.sk.MemSize())) + int64(alloc.Size(h.sk.EncodedLen()))
}

// clone is COPY's copy: the registers, the cached count and the cached
// bytes, so the copy needs no estimate or encoding of its own.
func (h *hllValue) clone() value {
	c := &hllValue{}
	h.sk.CopyTo(&c.sk)
	c.enc.Store(h.enc.Load())
	return sketchValue(c)
}

// hllError maps a decoding error to Redis's reply for it.
func hllError(err error) error {
	if errors.Is(err, hll.ErrNotSketch) {
		return ErrNotHLL
	}
	return ErrHLLCorrupt
}

// sketchOf returns v's sketch for reading: the kept one, or one decoded
// from the string's bytes.
func (v value) sketchOf() (*hll.Sketch, error) {
	switch v.kind {
	case kindSketch:
		return &v.sketch().sk, nil
	case kindString, kindBuffer:
		sk, err := hll.Decode(v.bytesView())
		if err != nil {
			return nil, hllError(err)
		}
		return sk, nil
	}
	return nil, ErrWrongType
}

// sketchAt returns the sketch at key for reading, or nil if there is none.
func (d *DB) sketchAt(key string, now int64) (*hll.Sketch, error) {
	e := d.lookupRead(key, now)
	if e == nil {
		return nil, nil
	}
	return e.val.sketchOf()
}

// sketchForWrite returns the value at key (in shard sh, hash h) for a PF
// write, creating an empty sketch if the key is missing (Redis's
// createHLLObject) and keeping a string's sketch decoded from then on. It
// reports whether it created the key. After changing the sketch, the
// caller calls changed.
func (d *DB) sketchForWrite(sh *shard, key string, h uint64, now int64) (hv *hllValue, created bool, err error) {
	e, err := d.stringForWriteIn(sh, key, h, now)
	switch {
	case err != nil:
		return nil, false, err
	case e == nil:
		hv = &hllValue{}
		d.addIn(sh, key, h, sketchValue(hv), 0)
		return hv, true, nil
	case e.val.kind == kindSketch:
		return e.val.sketch(), false, nil
	}
	hv = &hllValue{}
	if err := hv.sk.UnmarshalBinary(e.val.bytesView()); err != nil {
		return nil, false, hllError(err)
	}
	if e.val.kind == kindString { // immutable: until a change, they are still the value's bytes
		s := e.val.view()
		hv.enc.Store(&s)
	}
	d.replaceValue(e, sketchValue(hv))
	return hv, false, nil
}

// changed records a change to h's sketch made since its size was before:
// the cached bytes go, and the shard's accounting follows the new size.
func (h *hllValue) changed(sh *shard, before int64) {
	h.enc.Store(nil)
	*sh.used += h.size() - before
}

// pfAdd is PFADD, for elements of either kind (add is AddString or Add):
// it reports whether it created the key or a register grew.
func pfAdd[E any](d *DB, sh *shard, key string, h uint64, elements []E, add func(*hll.Sketch, E) bool, now int64) (bool, error) {
	hv, created, err := d.sketchForWrite(sh, key, h, now)
	if err != nil {
		return false, err
	}
	before := hv.size()
	grew := false
	for _, el := range elements {
		if add(&hv.sk, el) {
			grew = true
		}
	}
	if grew {
		hv.changed(sh, before)
	}
	return created || grew, nil
}

// pfCount is PFCOUNT: one key's count (cached by the sketch), or the
// count of the union of several, which changes none of them. Missing keys
// count as empty sketches.
func (d *DB) pfCount(keys []string, now int64) (int64, error) {
	if len(keys) == 1 {
		sk, err := d.sketchAt(keys[0], now)
		if sk == nil {
			return 0, err
		}
		return int64(sk.Count()), nil
	}
	union, err := d.union(keys, now)
	if err != nil {
		return 0, err
	}
	return int64(union.Count()), nil
}

// union merges the sketches at keys into a new one, failing on the first
// key that is not a sketch, as Redis checks them in order.
func (d *DB) union(keys []string, now int64) (*hll.Sketch, error) {
	union := hll.New()
	for _, k := range keys {
		sk, err := d.sketchAt(k, now)
		if err != nil {
			return nil, err
		}
		if sk != nil {
			union.Merge(sk)
		}
	}
	return union, nil
}

// pfMerge is PFMERGE dest source...: keys[0], dest, becomes the union of
// keys, created if missing. As in Redis, every key is checked before dest
// is created or changed.
func (d *DB) pfMerge(keys []string, now int64) error {
	union, err := d.union(keys, now)
	if err != nil {
		return err
	}
	dest := keys[0]
	h, sh := d.slot(dest)
	hv, _, err := d.sketchForWrite(sh, dest, h, now)
	if err != nil {
		return err
	}
	before := hv.size()
	if hv.sk.Merge(union) {
		hv.changed(sh, before)
	}
	return nil
}

// --- typed API ---

// PFAdd adds elements to the HyperLogLog at key, creating it if needed,
// and reports whether the key was created or its estimate may have
// changed (PFADD's 1). A key holding another string gives ErrNotHLL (or
// ErrHLLCorrupt if it looks like a damaged sketch); another type,
// ErrWrongType.
func (d *DB) PFAdd(key string, elements ...string) (bool, error) {
	return pfAddLocked(d, key, elements, (*hll.Sketch).AddString)
}

// PFAddBytes is PFAdd with elements as byte slices, which it does not
// retain.
func (d *DB) PFAddBytes(key string, elements ...[]byte) (bool, error) {
	return pfAddLocked(d, key, elements, (*hll.Sketch).Add)
}

// pfAddLocked is PFAdd for either kind of element, under key's lock.
func pfAddLocked[E any](d *DB, key string, elements []E, add func(*hll.Sketch, E) bool) (bool, error) {
	h, sh := d.slot(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return pfAdd(d, sh, key, h, elements, add, d.nowFor(sh))
}

// PFCount returns the estimated number of distinct elements added to the
// HyperLogLog at key, or, given several keys, in the union of theirs
// (never their sum). Missing keys count as empty.
func (d *DB) PFCount(keys ...string) (int64, error) {
	var n int64
	err := d.lockKeysErr(false, keys, 1, func(now int64) (err error) {
		n, err = d.pfCount(keys, now)
		return err
	})
	return n, err
}

// PFMerge stores at dest the union of the HyperLogLogs at dest and
// sources.
func (d *DB) PFMerge(dest string, sources ...string) error {
	keys := append([]string{dest}, sources...)
	return d.lockKeysErr(true, keys, 1, func(now int64) error { return d.pfMerge(keys, now) })
}
