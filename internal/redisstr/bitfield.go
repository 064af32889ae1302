package redisstr

// Overflow is a BITFIELD OVERFLOW behaviour.
type Overflow int

// The BITFIELD overflow behaviours (BFOVERFLOW_*). Wrap is the default.
const (
	OverflowWrap Overflow = iota
	OverflowSat
	OverflowFail
)

// ParseOverflow maps WRAP, SAT and FAIL (any case) to an Overflow. Redis
// answers other names with "ERR Invalid OVERFLOW type specified".
func ParseOverflow(s string) (Overflow, bool) {
	switch {
	case equalFold(s, "wrap"):
		return OverflowWrap, true
	case equalFold(s, "sat"):
		return OverflowSat, true
	case equalFold(s, "fail"):
		return OverflowFail, true
	}
	return 0, false
}

// ParseBitfieldType parses a BITFIELD type such as "i16" or "u8": 'i' or
// 'u' (lower case only), then a width accepted by ParseInt, 1..64 for
// signed and 1..63 for unsigned. On failure Redis replies "ERR Invalid
// bitfield type. Use something like i16 u8. Note that u64 is not supported
// but i64 is."
func ParseBitfieldType(s string) (signed bool, bits int, ok bool) {
	if len(s) == 0 {
		return false, 0, false
	}
	switch s[0] {
	case 'i':
		signed = true
	case 'u':
	default:
		return false, 0, false
	}
	// getBitfieldTypeFromArgument uses strlen, so an embedded NUL ends
	// the width.
	w := s[1:]
	for i := 0; i < len(w); i++ {
		if w[i] == 0 {
			w = w[:i]
			break
		}
	}
	n, ok := ParseInt(w)
	if !ok || n < 1 || (signed && n > 64) || (!signed && n > 63) {
		return false, 0, false
	}
	return signed, int(n), true
}

// ParseBitOffset parses a bit offset argument as getBitOffsetFromArgument:
// a ParseInt integer, or with hash and bits > 0 the form "#N" meaning N*bits
// (BITFIELD). Negative offsets, and offsets whose byte (offset>>3) is at or
// beyond maxBulkLen (proto-max-bulk-len, 512MB by default), are rejected:
// Redis replies "ERR bit offset is not an integer or out of range". Pass
// maxBulkLen <= 0 to skip the size limit (Redis does for its master and AOF
// clients).
func ParseBitOffset(s string, hash bool, bits int, maxBulkLen int64) (uint64, bool) {
	usehash := len(s) > 0 && s[0] == '#' && hash && bits > 0
	if usehash {
		s = s[1:]
	}
	v, ok := ParseInt(s)
	if !ok {
		return 0, false
	}
	if usehash {
		v *= int64(bits) // wraps like the C multiplication in practice
	}
	if v < 0 || (maxBulkLen > 0 && v>>3 >= maxBulkLen) {
		return 0, false
	}
	return uint64(v), true
}

// BitfieldLen returns the string length, in bytes, BITFIELD/SETBIT grow the
// value to so that bit maxbit is addressable: maxbit/8 + 1.
func BitfieldLen(maxbit uint64) uint64 { return maxbit>>3 + 1 }

// GetUnsigned reads the bits-wide (1..64) unsigned integer at bit offset
// in b, most significant bit first (getUnsignedBitfield). Bytes past the
// end of b read as zero, as BITFIELD GET does.
func GetUnsigned(b []byte, offset uint64, bits int) uint64 {
	var v uint64
	for j := 0; j < bits; j++ {
		byteIdx := offset >> 3
		var bv byte
		if byteIdx < uint64(len(b)) {
			bv = b[byteIdx]
		}
		bit := 7 - (offset & 7)
		v = v<<1 | uint64(bv>>bit&1)
		offset++
	}
	return v
}

// GetSigned reads the bits-wide (1..64) two's complement integer at bit
// offset in b (getSignedBitfield). Bytes past the end of b read as zero.
func GetSigned(b []byte, offset uint64, bits int) int64 {
	v := int64(GetUnsigned(b, offset, bits))
	if bits < 64 && v&(1<<(bits-1)) != 0 {
		v |= -1 << bits
	}
	return v
}

// SetUnsigned writes the low bits (1..64) of value at bit offset in b
// (setUnsignedBitfield). b must already be long enough
// (BitfieldLen(offset+bits-1) bytes); it panics otherwise.
func SetUnsigned(b []byte, offset uint64, bits int, value uint64) {
	for j := 0; j < bits; j++ {
		bitval := byte(value >> (bits - 1 - j) & 1)
		byteIdx := offset >> 3
		bit := 7 - (offset & 7)
		b[byteIdx] = b[byteIdx]&^(1<<bit) | bitval<<bit
		offset++
	}
}

// SetSigned writes value as a bits-wide two's complement integer
// (setSignedBitfield).
func SetSigned(b []byte, offset uint64, bits int, value int64) {
	SetUnsigned(b, offset, bits, uint64(value))
}

// CheckUnsignedOverflow is checkUnsignedBitfieldOverflow: it reports
// whether value+incr leaves the range of a bits-wide unsigned integer
// (bits <= 63; a value already above the maximum also counts), and returns
// the value the operation should store. Without overflow that is
// value+incr. With overflow it is, for OverflowWrap, value+incr truncated
// to bits; for OverflowSat, the maximum (overflow) or 0 (underflow); for
// OverflowFail, value unchanged (BITFIELD writes nothing and replies nil).
//
// BITFIELD INCRBY passes the old field value and the increment; SET passes
// the new value (the int64 argument converted to uint64) and incr 0.
func CheckUnsignedOverflow(value uint64, incr int64, bits int, ow Overflow) (result uint64, overflow bool) {
	max := uint64(1)<<bits - 1
	if bits == 64 {
		max = ^uint64(0)
	}
	maxincr := int64(max - value)
	minincr := -int64(value)
	switch {
	case value > max || (incr > 0 && incr > maxincr):
		switch ow {
		case OverflowWrap:
			return wrapUnsigned(value, incr, bits), true
		case OverflowSat:
			return max, true
		}
		return value, true
	case incr < 0 && incr < minincr:
		switch ow {
		case OverflowWrap:
			return wrapUnsigned(value, incr, bits), true
		case OverflowSat:
			return 0, true
		}
		return value, true
	}
	return value + uint64(incr), false
}

func wrapUnsigned(value uint64, incr int64, bits int) uint64 {
	res := value + uint64(incr)
	if bits < 64 {
		res &= 1<<bits - 1
	}
	return res
}

// CheckSignedOverflow is checkSignedBitfieldOverflow: it reports whether
// value+incr leaves the range of a bits-wide (1..64) two's complement
// integer (a value already outside also counts), and returns the value the
// operation should store: value+incr without overflow; with overflow, for
// OverflowWrap the sum wrapped into the range, for OverflowSat the maximum
// or minimum, for OverflowFail value unchanged.
func CheckSignedOverflow(value, incr int64, bits int, ow Overflow) (result int64, overflow bool) {
	max := int64(1)<<(bits-1) - 1
	if bits == 64 {
		max = 1<<63 - 1
	}
	min := -max - 1
	maxincr := int64(uint64(max) - uint64(value))
	minincr := min - value

	switch {
	case value > max || (bits != 64 && incr > maxincr) || (value >= 0 && incr > 0 && incr > maxincr):
		switch ow {
		case OverflowWrap:
			return wrapSigned(value, incr, bits), true
		case OverflowSat:
			return max, true
		}
		return value, true
	case value < min || (bits != 64 && incr < minincr) || (value < 0 && incr < 0 && incr < minincr):
		switch ow {
		case OverflowWrap:
			return wrapSigned(value, incr, bits), true
		case OverflowSat:
			return min, true
		}
		return value, true
	}
	return value + incr, false
}

func wrapSigned(value, incr int64, bits int) int64 {
	c := uint64(value) + uint64(incr)
	if bits < 64 {
		msb := uint64(1) << (bits - 1)
		mask := ^uint64(0) << bits
		if c&msb != 0 {
			c |= mask
		} else {
			c &^= mask
		}
	}
	return int64(c)
}
