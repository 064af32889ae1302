package redisstr

import "errors"

// ProtoMaxBulkLen is the default proto-max-bulk-len: 512MB, the largest
// string value.
const ProtoMaxBulkLen int64 = 512 * 1024 * 1024

// Errors of the string-size rules, with Redis 7.0's exact texts.
var (
	// ErrStringTooLong: the result of SETRANGE or APPEND would exceed
	// proto-max-bulk-len.
	ErrStringTooLong = errors.New("ERR string exceeds maximum allowed size (proto-max-bulk-len)")
	// ErrOffsetOutOfRange: SETRANGE with a negative offset.
	ErrOffsetOutOfRange = errors.New("ERR offset is out of range")
)

// CheckStringLength is checkStringLength: it returns ErrStringTooLong when
// size+add (the existing length plus the appended length, or the SETRANGE
// offset plus the value length) exceeds maxBulkLen or overflows. Redis
// skips this check for its master and AOF clients.
func CheckStringLength(size, add, maxBulkLen int64) error {
	total := int64(uint64(size) + uint64(add))
	if total > maxBulkLen || total < size || total < add {
		return ErrStringTooLong
	}
	return nil
}

// SetRangeCheck applies SETRANGE's checks in Redis's order, given the
// parsed offset, the value's length and the current string length (0 for a
// missing key). It returns ErrOffsetOutOfRange for a negative offset; nil
// with noop=true when the value is empty (Redis replies with the current
// length and does not create or touch the key); ErrStringTooLong when
// offset+vlen exceeds maxBulkLen. Note the empty-value check comes before
// the size check, so "SETRANGE k 999999999999 ”" is not an error.
func SetRangeCheck(offset, vlen, maxBulkLen int64) (noop bool, err error) {
	if offset < 0 {
		return false, ErrOffsetOutOfRange
	}
	if vlen == 0 {
		return true, nil
	}
	return false, CheckStringLength(offset, vlen, maxBulkLen)
}

// SetRange writes value into s at offset, zero-padding s as needed, and
// returns the new string (SETRANGE after its checks pass). s is modified in
// place when it is long enough and has capacity.
func SetRange(s []byte, offset int, value []byte) []byte {
	if need := offset + len(value); need > len(s) {
		if need <= cap(s) {
			old := len(s)
			s = s[:need]
			clear(s[old:])
		} else {
			ns := make([]byte, need)
			copy(ns, s)
			s = ns
		}
	}
	copy(s[offset:], value)
	return s
}

// GetRange normalises GETRANGE/SUBSTR indexes for a string of length n
// exactly as getrangeCommand: if both are negative and start > end the
// result is empty; negative indexes count from the end and are clamped to
// 0; end is clamped to n-1. It returns the half-open byte range [lo, hi)
// to reply with; lo == hi means the empty string.
func GetRange(n int, start, end int64) (lo, hi int) {
	if start < 0 && end < 0 && start > end {
		return 0, 0
	}
	strlen := int64(n)
	if start < 0 {
		start = strlen + start
	}
	if end < 0 {
		end = strlen + end
	}
	if start < 0 {
		start = 0
	}
	if end < 0 {
		end = 0
	}
	if uint64(end) >= uint64(strlen) {
		end = strlen - 1
	}
	if start > end || strlen == 0 {
		return 0, 0
	}
	return int(start), int(end + 1)
}
