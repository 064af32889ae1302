package redisstr

import (
	"encoding/binary"
	"math/bits"
)

// PopCount returns the number of set bits in b (redisPopcount).
func PopCount(b []byte) int64 {
	var n int
	for len(b) >= 32 {
		n += bits.OnesCount64(binary.LittleEndian.Uint64(b)) +
			bits.OnesCount64(binary.LittleEndian.Uint64(b[8:])) +
			bits.OnesCount64(binary.LittleEndian.Uint64(b[16:])) +
			bits.OnesCount64(binary.LittleEndian.Uint64(b[24:]))
		b = b[32:]
	}
	for len(b) >= 8 {
		n += bits.OnesCount64(binary.LittleEndian.Uint64(b))
		b = b[8:]
	}
	for _, c := range b {
		n += bits.OnesCount8(c)
	}
	return int64(n)
}

// BitPos returns the position of the first bit equal to bit (0 or 1) in b,
// where bit 0 is the most significant bit of b[0], exactly as redisBitpos:
// when looking for a 1 and there is none it returns -1; when looking for a
// 0 and there is none it returns len(b)*8, treating b as zero-padded on the
// right. The caller applies BITPOS's range and "end given" rules, or uses
// BitPosRange.
func BitPos(b []byte, bit int) int64 {
	var skip byte
	if bit == 0 {
		skip = 0xff
	}
	i := 0
	for i+8 <= len(b) {
		w := binary.BigEndian.Uint64(b[i:])
		if bit == 1 && w != 0 {
			return int64(i)*8 + int64(bits.LeadingZeros64(w))
		}
		if bit == 0 && w != ^uint64(0) {
			return int64(i)*8 + int64(bits.LeadingZeros64(^w))
		}
		i += 8
	}
	for ; i < len(b); i++ {
		if b[i] != skip {
			if bit == 1 {
				return int64(i)*8 + int64(bits.LeadingZeros8(b[i]))
			}
			return int64(i)*8 + int64(bits.LeadingZeros8(^b[i]))
		}
	}
	if bit == 1 {
		return -1
	}
	return int64(len(b)) * 8
}

// normalizeBitRange applies the index rules BITCOUNT and BITPOS share:
// negative indexes count from the end, then both are clamped into the
// string. Lengths are in bytes, or in bits when isBit.
func normalizeBitRange(strlen, start, end int64, isBit bool) (s, e int64, firstMask, lastMask byte) {
	totlen := strlen
	if isBit {
		totlen <<= 3
	}
	if start < 0 {
		start = totlen + start
	}
	if end < 0 {
		end = totlen + end
	}
	if start < 0 {
		start = 0
	}
	if end < 0 {
		end = 0
	}
	if end >= totlen {
		end = totlen - 1
	}
	if isBit && start <= end {
		firstMask = ^byte((1 << (8 - (start & 7))) - 1)
		lastMask = byte((1 << (7 - (end & 7))) - 1)
		start >>= 3
		end >>= 3
	}
	return start, end, firstMask, lastMask
}

// BitCount is BITCOUNT key start end [BYTE|BIT] on the string b, with the
// index rules of bitcountCommand: negative indexes count from the end; if
// both are negative and start > end the count is 0; indexes are clamped
// into the string; an empty range counts 0. For BITCOUNT without a range
// use PopCount.
func BitCount(b []byte, start, end int64, isBit bool) int64 {
	if start < 0 && end < 0 && start > end {
		return 0
	}
	start, end, firstMask, lastMask := normalizeBitRange(int64(len(b)), start, end, isBit)
	if start > end {
		return 0
	}
	count := PopCount(b[start : end+1])
	if firstMask != 0 {
		count -= int64(bits.OnesCount8(b[start] & firstMask))
	}
	if lastMask != 0 {
		count -= int64(bits.OnesCount8(b[end] & lastMask))
	}
	return count
}

// BitPosRange is BITPOS key bit start [end [BYTE|BIT]] on an existing
// string b, with bitposCommand's rules: when end is not given it defaults
// to the end of the string, and a search for 0 that runs off the end of the
// string reports the first bit past it; when end is given such a search
// reports -1 instead. An empty range reports -1. For BITPOS without a range
// use BitPos (and note that Redis answers -1 for an empty existing string
// either way, and -1 or 0 for a missing key).
func BitPosRange(b []byte, bit int, start, end int64, endGiven, isBit bool) int64 {
	totlen := int64(len(b))
	if !endGiven {
		if isBit {
			end = totlen<<3 + 7
		} else {
			end = totlen - 1
		}
	}
	start, end, firstMask, lastMask := normalizeBitRange(totlen, start, end, isBit)
	if start > end {
		return -1
	}
	bytes := end - start + 1
	var pos int64
	var tmp [1]byte
	done := false
	if firstMask != 0 {
		if bit == 1 {
			tmp[0] = b[start] &^ firstMask
		} else {
			tmp[0] = b[start] | firstMask
		}
		if lastMask != 0 && bytes == 1 {
			if bit == 1 {
				tmp[0] &^= lastMask
			} else {
				tmp[0] |= lastMask
			}
		}
		pos = BitPos(tmp[:], bit)
		if bytes == 1 || (pos != -1 && pos != 8) {
			done = true
		} else {
			start++
			bytes--
		}
	}
	if !done {
		curbytes := bytes
		if lastMask != 0 {
			curbytes--
		}
		if curbytes > 0 {
			pos = BitPos(b[start:start+curbytes], bit)
			if bytes == curbytes || (pos != -1 && pos != curbytes<<3) {
				done = true
			} else {
				start += curbytes
				bytes -= curbytes
			}
		}
	}
	if !done {
		if bit == 1 {
			tmp[0] = b[end] &^ lastMask
		} else {
			tmp[0] = b[end] | lastMask
		}
		pos = BitPos(tmp[:], bit)
	}
	if endGiven && bit == 0 && pos == bytes<<3 {
		return -1
	}
	if pos != -1 {
		pos += start << 3
	}
	return pos
}

// BitOp operation names, as BITOP spells them (case-insensitively).
const (
	BitOpAnd = "AND"
	BitOpOr  = "OR"
	BitOpXor = "XOR"
	BitOpNot = "NOT"
)

// BitOp computes BITOP op over srcs, as bitopCommand: the result is as long
// as the longest source, shorter sources (and missing keys, passed as nil)
// count as zero bytes. NOT takes exactly one source. op is matched
// case-insensitively; an unknown op, or NOT with other than one source,
// returns ok=false (Redis's syntax error and "BITOP NOT must be called with
// a single source key." are the caller's to choose). A nil result with ok
// means every source was empty: Redis then deletes the destination key and
// replies 0.
func BitOp(op string, srcs [][]byte) (res []byte, ok bool) {
	var code int
	switch {
	case equalFold(op, "and"):
		code = 0
	case equalFold(op, "or"):
		code = 1
	case equalFold(op, "xor"):
		code = 2
	case equalFold(op, "not"):
		code = 3
		if len(srcs) != 1 {
			return nil, false
		}
	default:
		return nil, false
	}
	if len(srcs) == 0 {
		return nil, false
	}
	maxlen := 0
	for _, s := range srcs {
		if len(s) > maxlen {
			maxlen = len(s)
		}
	}
	if maxlen == 0 {
		return nil, true
	}
	res = make([]byte, maxlen)
	copy(res, srcs[0])
	switch code {
	case 0:
		for _, s := range srcs[1:] {
			n := len(s)
			for j := 0; j < n; j++ {
				res[j] &= s[j]
			}
			clear(res[n:])
		}
	case 1:
		for _, s := range srcs[1:] {
			for j, c := range s {
				res[j] |= c
			}
		}
	case 2:
		for _, s := range srcs[1:] {
			for j, c := range s {
				res[j] ^= c
			}
		}
	case 3:
		for j := range res {
			res[j] = ^res[j]
		}
	}
	return res, true
}

func equalFold(s, lower string) bool {
	return len(s) == len(lower) && hasPrefixFold(s, lower)
}
