package store

import (
	"strings"
	"unsafe"

	"github.com/embedis/embedis/internal/redisstr"
)

// This file is the bitmap commands (Redis's bitops.c): bitmaps are strings,
// so these operations read a string's bytes under the key's shard lock and
// write through editString, which turns the value into a private buffer
// first (Redis's dbUnshareStringValue). A string created or written by
// SETBIT, BITFIELD or BITOP is a buffer, so OBJECT ENCODING reports "raw"
// as Redis does. The bit arithmetic lives in internal/redisstr.

// bytesView returns a string value's bytes, valid only while the shard lock
// is held; callers must not retain or modify them.
func (v value) bytesView() []byte {
	if v.kind == kindBuffer {
		return v.buffer().b
	}
	s := v.view()
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// bitmapAt returns the bytes of the string at key for reading (valid only
// under the lock), ErrNil if there is none, or ErrWrongType.
func (d *DB) bitmapAt(key string, now int64) ([]byte, error) {
	e, err := d.stringAt(key, now)
	if err != nil {
		return nil, err
	}
	return e.val.bytesView(), nil
}

// stringForBits is Redis's lookupStringForBitCommand: it returns the string
// at key as a private buffer at least long enough to address bit maxbit,
// creating it (zero-filled) or zero-padding it as needed.
func (d *DB) stringForBits(key string, maxbit uint64, now int64) (*entry, error) {
	e, err := d.stringForWrite(key, now)
	if err != nil {
		return nil, err
	}
	n := int(redisstr.BitfieldLen(maxbit))
	if e == nil {
		return d.add(key, bufferValue(&strBuffer{b: make([]byte, n)}), 0), nil
	}
	d.editString(e, func(b *strBuffer) { b.grow(n) })
	return e, nil
}

// validBitOffset reports whether offset is one SETBIT and GETBIT accept:
// not negative, and its byte within proto-max-bulk-len.
func validBitOffset(offset int64) bool { return offset >= 0 && offset>>3 < maxStringLen }

// setBit is SETBIT: it sets the bit at offset to on (0 or 1) and returns
// its previous value.
func (d *DB) setBit(key string, offset uint64, on int, now int64) (int, error) {
	e, err := d.stringForBits(key, offset, now)
	if err != nil {
		return 0, err
	}
	i, shift := offset>>3, 7-offset&7
	var old int
	d.editString(e, func(b *strBuffer) {
		old = int(b.b[i] >> shift & 1)
		b.b[i] = b.b[i]&^(1<<shift) | byte(on)<<shift
	})
	return old, nil
}

// getBit is GETBIT on a string's bytes: bits past the end are 0.
func getBit(b []byte, offset uint64) int {
	if i := offset >> 3; i < uint64(len(b)) {
		return int(b[i] >> (7 - offset&7) & 1)
	}
	return 0
}

// bitOpCode returns BITOP's canonical operation name for op (matched as
// Redis's strcasecmp does), or false.
func bitOpCode(op string) (string, bool) {
	for _, name := range [...]string{redisstr.BitOpAnd, redisstr.BitOpOr, redisstr.BitOpXor, redisstr.BitOpNot} {
		if cEqualFold(op, name) {
			return name, true
		}
	}
	return "", false
}

// bitOp is BITOP after its operation is validated: it stores op over the
// strings at srcs (missing keys are empty) at dest and returns the result's
// length. An empty result deletes dest, as Redis does.
func (d *DB) bitOp(op, dest string, srcs []string, now int64) (int64, error) {
	in := make([][]byte, len(srcs))
	for i, k := range srcs {
		e := d.lookupRead(k, now)
		if e == nil {
			continue
		}
		if !e.val.isString() {
			return 0, ErrWrongType
		}
		in[i] = e.val.bytesView()
	}
	res, _ := redisstr.BitOp(op, in)
	if len(res) == 0 {
		d.remove(dest, now)
		return 0, nil
	}
	d.set(dest, bufferValue(&strBuffer{b: res}), 0, false, now)
	return int64(len(res)), nil
}

// bitfieldOp is one parsed BITFIELD subcommand.
type bitfieldOp struct {
	op       bitfieldOpcode
	signed   bool
	bits     int
	offset   uint64
	arg      int64 // SET's value or INCRBY's increment
	overflow redisstr.Overflow
}

type bitfieldOpcode uint8

const (
	bitfieldGet bitfieldOpcode = iota
	bitfieldSet
	bitfieldIncrBy
)

// bitfieldResult is one BITFIELD reply: a value, or nil (ok false) for a
// SET or INCRBY that OVERFLOW FAIL refused.
type bitfieldResult struct {
	v  int64
	ok bool
}

// bitfield runs BITFIELD's parsed ops on key. With only GETs it reads (a
// missing key reads as zeros and is not created); otherwise it first
// creates or pads the string to the highest bit any SET or INCRBY writes,
// as Redis does, even if OVERFLOW FAIL then refuses every write.
func (d *DB) bitfield(key string, ops []bitfieldOp, now int64) ([]bitfieldResult, error) {
	var highest uint64
	write := false
	for _, o := range ops {
		if o.op != bitfieldGet {
			write = true
			highest = max(highest, o.offset+uint64(o.bits)-1)
		}
	}
	out := make([]bitfieldResult, len(ops))
	if !write {
		b, err := d.bitmapAt(key, now)
		if err != nil && err != ErrNil {
			return nil, err
		}
		for i, o := range ops {
			out[i] = bitfieldResult{bitfieldGetValue(b, o), true}
		}
		return out, nil
	}
	e, err := d.stringForBits(key, highest, now)
	if err != nil {
		return nil, err
	}
	d.editString(e, func(b *strBuffer) {
		for i, o := range ops {
			out[i] = bitfieldApply(b.b, o)
		}
	})
	return out, nil
}

func bitfieldGetValue(b []byte, o bitfieldOp) int64 {
	if o.signed {
		return redisstr.GetSigned(b, o.offset, o.bits)
	}
	return int64(redisstr.GetUnsigned(b, o.offset, o.bits))
}

// bitfieldApply runs one op on b, which is long enough for every write.
// SET replies the old value, INCRBY the new one.
func bitfieldApply(b []byte, o bitfieldOp) bitfieldResult {
	if o.op == bitfieldGet {
		return bitfieldResult{bitfieldGetValue(b, o), true}
	}
	if o.signed {
		old := redisstr.GetSigned(b, o.offset, o.bits)
		val, incr := old, o.arg
		if o.op == bitfieldSet {
			val, incr = o.arg, 0
		}
		nv, overflow := redisstr.CheckSignedOverflow(val, incr, o.bits, o.overflow)
		if overflow && o.overflow == redisstr.OverflowFail {
			return bitfieldResult{}
		}
		ret := nv
		if o.op == bitfieldSet {
			ret = old
		}
		redisstr.SetSigned(b, o.offset, o.bits, nv)
		return bitfieldResult{ret, true}
	}
	old := redisstr.GetUnsigned(b, o.offset, o.bits)
	val, incr := old, o.arg
	if o.op == bitfieldSet {
		val, incr = uint64(o.arg), 0
	}
	nv, overflow := redisstr.CheckUnsignedOverflow(val, incr, o.bits, o.overflow)
	if overflow && o.overflow == redisstr.OverflowFail {
		return bitfieldResult{}
	}
	ret := nv
	if o.op == bitfieldSet {
		ret = old
	}
	redisstr.SetUnsigned(b, o.offset, o.bits, nv)
	return bitfieldResult{int64(ret), true}
}

// cstr is s up to its first NUL: what Redis's C string functions
// (strcasecmp) see of an argument.
func cstr(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

// cEqualFold is Redis's !strcasecmp(arg, lit).
func cEqualFold(arg, lit string) bool { return strings.EqualFold(cstr(arg), lit) }

// --- typed API ---

// SetBit sets (bit 1) or clears (bit 0) the bit at offset in the string at
// key, growing it with zero bytes as needed (a missing key is created), and
// returns the bit's previous value. Bit 0 is the most significant bit of
// the first byte. The offset must be in [0, 2^32).
func (d *DB) SetBit(key string, offset int64, bit int) (int, error) {
	if !validBitOffset(offset) {
		return 0, ErrBitOffset
	}
	if bit&^1 != 0 {
		return 0, ErrBitValue
	}
	var old int
	err := d.writeKey(key, func(now int64) (err error) {
		old, err = d.setBit(key, uint64(offset), bit, now)
		return err
	})
	return old, err
}

// GetBit returns the bit at offset in the string at key: 0 past its end or
// when the key is missing.
func (d *DB) GetBit(key string, offset int64) (int, error) {
	if !validBitOffset(offset) {
		return 0, ErrBitOffset
	}
	var bit int
	err := d.readKey(key, func(now int64) error {
		b, err := d.bitmapAt(key, now)
		if err == ErrNil {
			return nil
		}
		bit = getBit(b, uint64(offset))
		return err
	})
	return bit, err
}

// BitCount returns the number of set bits in the string at key (0 when the
// key is missing).
func (d *DB) BitCount(key string) (int64, error) {
	var n int64
	err := d.readKey(key, func(now int64) error {
		b, err := d.bitmapAt(key, now)
		if err == ErrNil {
			return nil
		}
		n = redisstr.PopCount(b)
		return err
	})
	return n, err
}

// BitCountRange counts the set bits between start and end inclusive,
// indexes in bytes, or in bits when bits is true (BITCOUNT key start end
// BYTE|BIT). Negative indexes count from the end of the string.
func (d *DB) BitCountRange(key string, start, end int64, bits bool) (int64, error) {
	var n int64
	err := d.readKey(key, func(now int64) error {
		b, err := d.bitmapAt(key, now)
		if err == ErrNil {
			return nil
		}
		n = redisstr.BitCount(b, start, end, bits)
		return err
	})
	return n, err
}

// BitPos returns the position of the first bit equal to bit (0 or 1) in the
// string at key. Looking for a 1 in a string without one gives -1; looking
// for a 0 in a string of ones gives the first bit past its end. A missing
// key is all zeros: -1 for a 1, 0 for a 0.
func (d *DB) BitPos(key string, bit int) (int64, error) {
	return d.bitPos(key, bit, 0, 0, false, false)
}

// BitPosRange is BitPos within start and end inclusive, indexes in bytes,
// or in bits when bits is true (BITPOS key bit start end BYTE|BIT). Since
// the range has an end, a 0 that is not inside it gives -1.
func (d *DB) BitPosRange(key string, bit int, start, end int64, bits bool) (int64, error) {
	return d.bitPos(key, bit, start, end, true, bits)
}

func (d *DB) bitPos(key string, bit int, start, end int64, endGiven, bits bool) (int64, error) {
	if bit != 0 && bit != 1 {
		return 0, ErrBitPosBit
	}
	var pos int64
	err := d.readKey(key, func(now int64) error {
		b, err := d.bitmapAt(key, now)
		switch err {
		case nil:
			pos = redisstr.BitPosRange(b, bit, start, end, endGiven, bits)
		case ErrNil:
			pos, err = -int64(bit), nil // -1 for a 1, 0 for a 0
		}
		return err
	})
	return pos, err
}

// BitOp stores at dest the bitwise op ("AND", "OR", "XOR" or "NOT", any
// case) of the strings at srcs and returns the result's length, which is
// the longest source's; shorter sources and missing keys count as zero
// bytes. NOT takes exactly one source. If every source is empty or missing,
// dest is deleted and the result is 0.
func (d *DB) BitOp(op, dest string, srcs ...string) (int64, error) {
	code, ok := bitOpCode(op)
	switch {
	case !ok || len(srcs) == 0:
		return 0, ErrSyntax
	case code == redisstr.BitOpNot && len(srcs) != 1:
		return 0, ErrBitOpNot
	}
	keys := append([]string{dest}, srcs...)
	var n int64
	err := d.lockKeysErr(true, keys, 1, func(now int64) (err error) {
		n, err = d.bitOp(code, dest, srcs, now)
		return err
	})
	return n, err
}
