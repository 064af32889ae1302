package hll

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
)

// The encoding (version 1), little-endian throughout:
//
//	offset  size  field
//	0       4     magic "EHLL"
//	4       1     version, 1
//	5       1     representation: 0 sparse, 1 dense
//	6       2     reserved, zero
//	8       4     CRC-32C of every other byte (0..7 and 12..end)
//	12      8     cached count; bit 63 set when there is none
//	20      ...   registers
//
// Sparse registers are one varint per non-zero register, in ascending
// index order: (index - previous index - 1)<<6 | (rank - 1), with the
// previous index -1 before the first. A varint is base-128, low group
// first, at most 3 bytes (the value is below 2^20) and minimal. Dense
// registers are 2^14 6-bit ranks packed as Redis packs them (register i
// at bit 6i, low bits first), 12288 bytes.
//
// The checksum makes a value that was edited as a string (APPEND,
// SETRANGE) invalid instead of a different sketch, so a sketch is either
// what PFADD and PFMERGE made or an error.
const (
	magic       = "EHLL"
	version     = 1
	headerSize  = 20
	denseBytes  = Registers * 6 / 8
	denseSize   = headerSize + denseBytes
	repSparse   = 0
	repDense    = 1
	noCount     = 1 << 63
	crcOffset   = 8
	countOffset = 12
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// Decoding errors. ErrNotSketch means the bytes are not a sketch at all
// (another string); ErrCorrupt means they claim to be one but do not
// decode. Redis makes the same split: WRONGTYPE for the first, INVALIDOBJ
// for the second.
var (
	ErrNotSketch = errors.New("hll: not a HyperLogLog sketch")
	ErrCorrupt   = errors.New("hll: corrupt HyperLogLog sketch")
)

// EncodedLen bounds the length of s's encoding without building it.
func (s *Sketch) EncodedLen() int {
	if s.dense != nil {
		return denseSize
	}
	return headerSize + 3*len(s.sparse)
}

// AppendBinary appends s's encoding to b. A cached count is part of it,
// so that a decoded copy needs no estimate until it changes.
func (s *Sketch) AppendBinary(b []byte) ([]byte, error) { return s.appendTo(b), nil }

// MarshalBinary returns s's encoding.
func (s *Sketch) MarshalBinary() ([]byte, error) { return s.appendTo(nil), nil }

func (s *Sketch) appendTo(b []byte) []byte {
	start := len(b)
	b = slices.Grow(b, s.EncodedLen())
	rep := byte(repSparse)
	if s.dense != nil {
		rep = repDense
	}
	b = append(b, magic...)
	b = append(b, version, rep, 0, 0, 0, 0, 0, 0)
	count := uint64(noCount)
	if c := s.count.Load(); c != 0 {
		count = c - 1
	}
	b = binary.LittleEndian.AppendUint64(b, count)
	if s.dense != nil {
		b = append(b, make([]byte, denseBytes)...)
		packDense(b[start+headerSize:], s.dense)
	} else {
		prev := -1
		for _, e := range s.sparse {
			idx := int(e >> 6)
			b = appendVarint(b, uint32(idx-prev-1)<<6|(e&63-1))
			prev = idx
		}
	}
	binary.LittleEndian.PutUint32(b[start+crcOffset:], checksum(b[start:]))
	return b
}

func checksum(b []byte) uint32 {
	c := crc32.Update(0, crcTable, b[:crcOffset])
	return crc32.Update(c, crcTable, b[countOffset:])
}

func appendVarint(b []byte, v uint32) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// readVarint reads a minimal varint of at most 3 bytes from b, returning
// its value and length, or length 0 if there is none.
func readVarint(b []byte) (uint32, int) {
	var v uint32
	for i := 0; i < len(b) && i < 3; i++ {
		v |= uint32(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			if b[i] == 0 && i > 0 { // a longer form of a shorter varint
				return 0, 0
			}
			return v, i + 1
		}
	}
	return 0, 0
}

// packDense writes 6-bit registers as Redis's HLL_DENSE_SET_REGISTER does.
func packDense(dst []byte, regs []uint8) {
	for i, r := range regs {
		bit := i * 6
		byteIdx, shift := bit/8, uint(bit%8)
		dst[byteIdx] |= r << shift
		if shift > 2 {
			dst[byteIdx+1] |= r >> (8 - shift)
		}
	}
}

// unpackDense reads 6-bit registers as HLL_DENSE_GET_REGISTER does,
// failing if one exceeds the largest rank a hash can give.
func unpackDense(regs []uint8, src []byte) error {
	for i := range regs {
		bit := i * 6
		byteIdx, shift := bit/8, uint(bit%8)
		v := src[byteIdx] >> shift
		if shift > 2 {
			v |= src[byteIdx+1] << (8 - shift)
		}
		v &= 63
		if v > maxRank {
			return fmt.Errorf("%w: register %d has rank %d, above %d", ErrCorrupt, i, v, maxRank)
		}
		regs[i] = v
	}
	return nil
}

// UnmarshalBinary decodes data (this package's encoding, or a HyperLogLog
// string made by redis-server) into s. Errors wrap ErrNotSketch or
// ErrCorrupt; on error s is unchanged.
func (s *Sketch) UnmarshalBinary(data []byte) error {
	d, err := Decode(data)
	if err != nil {
		return err
	}
	s.sparse, s.dense = d.sparse, d.dense
	s.count.Store(d.count.Load())
	return nil
}

// Decode decodes a sketch from data: this package's encoding, or a
// HyperLogLog string made by redis-server (its "HYLL" dense and sparse
// encodings, whose registers mean the same as ours since the hash is
// Redis's), so an RDB dump from redis-server keeps working here. It never
// retains data. Errors wrap ErrNotSketch or ErrCorrupt.
func Decode(data []byte) (*Sketch, error) {
	if len(data) >= redisHeaderSize && string(data[:4]) == redisMagic {
		return decodeRedis(data)
	}
	if len(data) < headerSize || string(data[:4]) != magic {
		return nil, fmt.Errorf("%w: no %q header", ErrNotSketch, magic)
	}
	if data[4] != version {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrNotSketch, data[4], version)
	}
	rep := data[5]
	switch {
	case rep > repDense:
		return nil, fmt.Errorf("%w: unknown representation %d", ErrNotSketch, rep)
	case rep == repDense && len(data) != denseSize:
		return nil, fmt.Errorf("%w: dense sketch of %d bytes, want %d", ErrNotSketch, len(data), denseSize)
	case data[6] != 0 || data[7] != 0:
		return nil, fmt.Errorf("%w: reserved header bytes are not zero", ErrCorrupt)
	case binary.LittleEndian.Uint32(data[crcOffset:]) != checksum(data):
		return nil, fmt.Errorf("%w: checksum mismatch", ErrCorrupt)
	}
	s := New()
	if rep == repDense {
		s.dense = make([]uint8, Registers)
		if err := unpackDense(s.dense, data[headerSize:]); err != nil {
			return nil, err
		}
	} else if err := s.decodeSparse(data[headerSize:]); err != nil {
		return nil, err
	}
	count := binary.LittleEndian.Uint64(data[countOffset:])
	switch {
	case count&noCount == 0:
		s.count.Store(count + 1)
	case count != noCount:
		return nil, fmt.Errorf("%w: cached count flagged absent is not zero", ErrCorrupt)
	}
	return s, nil
}

func (s *Sketch) decodeSparse(p []byte) error {
	prev := -1
	for off := 0; off < len(p); {
		v, n := readVarint(p[off:])
		if n == 0 {
			return fmt.Errorf("%w: bad varint at payload offset %d", ErrCorrupt, off)
		}
		idx, rank := prev+1+int(v>>6), uint8(v&63)+1
		if idx >= Registers || rank > maxRank {
			return fmt.Errorf("%w: register %d rank %d out of range at payload offset %d", ErrCorrupt, idx, rank, off)
		}
		s.sparse = append(s.sparse, uint32(idx)<<6|uint32(rank))
		prev, off = idx, off+n
	}
	if len(s.sparse) > sparseMax {
		s.toDense()
	}
	return nil
}

// Redis's encoding (hyperloglog.c): a 16-byte header ("HYLL", encoding,
// three unused bytes, the cached cardinality), then dense registers (as
// ours) or sparse opcodes.
const (
	redisMagic      = "HYLL"
	redisHeaderSize = 16
	redisDense      = 0
	redisSparse     = 1
	redisDenseSize  = redisHeaderSize + denseBytes
)

// decodeRedis reads a HyperLogLog string made by redis-server. Its checks
// are Redis's isHLLObjectOrReply (ErrNotSketch) and the sparse walk's
// (ErrCorrupt). Redis's cached cardinality is not kept: it is another
// estimator's answer.
func decodeRedis(data []byte) (*Sketch, error) {
	s := New()
	switch data[4] {
	case redisDense:
		if len(data) != redisDenseSize {
			return nil, fmt.Errorf("%w: Redis dense HLL of %d bytes, want %d", ErrNotSketch, len(data), redisDenseSize)
		}
		s.dense = make([]uint8, Registers)
		if err := unpackDense(s.dense, data[redisHeaderSize:]); err != nil {
			return nil, err
		}
		return s, nil
	case redisSparse:
		if err := s.decodeRedisSparse(data[redisHeaderSize:]); err != nil {
			return nil, err
		}
		return s, nil
	}
	return nil, fmt.Errorf("%w: unknown Redis HLL encoding %d", ErrNotSketch, data[4])
}

// decodeRedisSparse walks Redis's sparse opcodes: ZERO (00xxxxxx, 1..64
// zero registers), XZERO (01xxxxxx yyyyyyyy, 1..16384 zero registers) and
// VAL (1vvvvvxx, 1..4 registers of rank 1..32). They must cover exactly
// the 2^14 registers.
func (s *Sketch) decodeRedisSparse(p []byte) error {
	idx := 0
	for off := 0; off < len(p); {
		op := p[off]
		switch {
		case op&0xc0 == 0x00: // ZERO
			idx += int(op&0x3f) + 1
			off++
		case op&0xc0 == 0x40: // XZERO
			if off+1 >= len(p) {
				return fmt.Errorf("%w: truncated XZERO opcode", ErrCorrupt)
			}
			idx += (int(op&0x3f)<<8 | int(p[off+1])) + 1
			off += 2
		default: // VAL
			run, rank := int(op&3)+1, uint8(op>>2&0x1f)+1
			if idx+run > Registers {
				return fmt.Errorf("%w: Redis sparse HLL covers more than %d registers", ErrCorrupt, Registers)
			}
			for ; run > 0; run-- {
				s.sparse = append(s.sparse, uint32(idx)<<6|uint32(rank))
				idx++
			}
			off++
		}
		if idx > Registers {
			return fmt.Errorf("%w: Redis sparse HLL covers more than %d registers", ErrCorrupt, Registers)
		}
	}
	if idx != Registers {
		return fmt.Errorf("%w: Redis sparse HLL covers %d registers, want %d", ErrCorrupt, idx, Registers)
	}
	if len(s.sparse) > sparseMax {
		s.toDense()
	}
	return nil
}
