package hll

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// hashSeed is the seed redis-server hashes elements with (hllPatLen).
const hashSeed = 0xadc83b19

// murmur64A is Redis's MurmurHash64A, the endian-neutral variant in
// hyperloglog.c. Using Redis's hash, and Redis's split of it into register
// and rank (position), gives every element the register it has in
// redis-server, which is what makes PFADD's reply and Redis's own HLL
// strings exchangeable with ours.
func murmur64A(data []byte) uint64 {
	const (
		m = 0xc6a4a7935bd1e995
		r = 47
	)
	h := uint64(hashSeed) ^ uint64(len(data))*m
	for len(data) >= 8 {
		k := binary.LittleEndian.Uint64(data)
		k *= m
		k ^= k >> r
		k *= m
		h ^= k
		h *= m
		data = data[8:]
	}
	if len(data) > 0 {
		for i := len(data) - 1; i >= 0; i-- {
			h ^= uint64(data[i]) << (8 * i)
		}
		h *= m
	}
	h ^= h >> r
	h *= m
	h ^= h >> r
	return h
}

// position splits a hash as Redis's hllPatLen does: the low Precision bits
// choose the register, and the rank is one plus the number of zero bits
// above them before the first one (at most maxRank).
func position(h uint64) (index uint32, rank uint8) {
	index = uint32(h & (Registers - 1))
	rest := h>>Precision | 1<<(64-Precision)
	return index, uint8(bits.TrailingZeros64(rest)) + 1
}

// stringBytes views s as bytes without copying; the hash only reads them.
func stringBytes(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }
