package store

import (
	"github.com/embedis/embedis/internal/redisstr"
)

// Bitmap command handlers (bitops.c): they parse arguments with Redis's
// checks, in Redis's order, and call the bitmap operations in bitmap.go.

// bitOffsetArg parses args[i] as SETBIT's and GETBIT's bit offset.
func (c *call) bitOffsetArg(i int) (uint64, bool) {
	off, ok := redisstr.ParseBitOffset(c.args[i], false, 0, maxStringLen)
	if !ok {
		c.err(ErrBitOffset)
	}
	return off, ok
}

// bitUnitArg parses BITCOUNT's and BITPOS's BYTE|BIT argument.
func (c *call) bitUnitArg(i int) (isBit, ok bool) {
	switch {
	case cEqualFold(c.args[i], "bit"):
		return true, true
	case cEqualFold(c.args[i], "byte"):
		return false, true
	}
	c.err(ErrSyntax)
	return false, false
}

// SETBIT key offset value
func cmdSetBit(c *call) {
	off, ok := c.bitOffsetArg(2)
	if !ok {
		return
	}
	on, ok := redisstr.ParseInt(c.args[3])
	if !ok || on&^1 != 0 {
		c.err(ErrBitValue)
		return
	}
	old, err := c.db.setBit(c.args[1], off, int(on), c.now)
	c.intOrErr(int64(old), err)
}

// GETBIT key offset
func cmdGetBit(c *call) {
	off, ok := c.bitOffsetArg(2)
	if !ok {
		return
	}
	b, err := c.db.bitmapAt(c.args[1], c.now)
	switch err {
	case nil:
		c.w.Int(int64(getBit(b, off)))
	case ErrNil:
		c.w.Int(0)
	default:
		c.err(err)
	}
}

// BITCOUNT key [start end [BYTE|BIT]]. Redis looks the key up before it
// parses the range, so a missing key counts 0 whatever the arguments.
func cmdBitCount(c *call) {
	b, err := c.db.bitmapAt(c.args[1], c.now)
	switch err {
	case nil:
	case ErrNil:
		c.w.Int(0)
		return
	default:
		c.err(err)
		return
	}
	switch len(c.args) {
	case 2:
		c.w.Int(redisstr.PopCount(b))
	case 4, 5:
		start, ok := c.intArg(2)
		if !ok {
			return
		}
		end, ok := c.intArg(3)
		if !ok {
			return
		}
		if start < 0 && end < 0 && start > end {
			c.w.Int(0) // before the unit is checked, as in Redis
			return
		}
		isBit := false
		if len(c.args) == 5 {
			if isBit, ok = c.bitUnitArg(4); !ok {
				return
			}
		}
		c.w.Int(redisstr.BitCount(b, start, end, isBit))
	default:
		c.err(ErrSyntax)
	}
}

// BITPOS key bit [start [end [BYTE|BIT]]]
func cmdBitPos(c *call) {
	bit, ok := c.intArg(2)
	if !ok {
		return
	}
	if bit != 0 && bit != 1 {
		c.err(ErrBitPosBit)
		return
	}
	b, err := c.db.bitmapAt(c.args[1], c.now)
	switch err {
	case nil:
	case ErrNil:
		c.w.Int(-bit) // a missing key is all zeros: -1 for a 1, 0 for a 0
		return
	default:
		c.err(err)
		return
	}
	var start, end int64
	var endGiven, isBit bool
	switch len(c.args) {
	case 3:
	case 4, 5, 6:
		if start, ok = c.intArg(3); !ok {
			return
		}
		if len(c.args) == 6 {
			if isBit, ok = c.bitUnitArg(5); !ok {
				return
			}
		}
		if len(c.args) >= 5 {
			if end, ok = c.intArg(4); !ok {
				return
			}
			endGiven = true
		}
	default:
		c.err(ErrSyntax)
		return
	}
	c.w.Int(redisstr.BitPosRange(b, int(bit), start, end, endGiven, isBit))
}

// BITOP AND|OR|XOR|NOT destkey key [key ...]
func cmdBitOp(c *call) {
	op, ok := bitOpCode(c.args[1])
	switch {
	case !ok:
		c.err(ErrSyntax)
	case op == redisstr.BitOpNot && len(c.args) != 4:
		c.err(ErrBitOpNot)
	default:
		c.intOrErr(c.db.bitOp(op, c.args[2], c.args[3:], c.now))
	}
}

// BITFIELD key [GET type offset | SET type offset value |
// INCRBY type offset increment | OVERFLOW WRAP|SAT|FAIL] ...
func cmdBitField(c *call) { c.bitfield(false) }

// BITFIELD_RO key [GET type offset] ...
func cmdBitFieldRO(c *call) { c.bitfield(true) }

// bitfield is Redis's bitfieldGeneric: every subcommand is parsed (and
// checked) before the key is looked up.
func (c *call) bitfield(readOnly bool) {
	var ops []bitfieldOp
	overflow := redisstr.OverflowWrap
	write := false
	for j := 2; j < len(c.args); j++ {
		rem := len(c.args) - j - 1
		sub := c.args[j]
		var op bitfieldOpcode
		switch {
		case cEqualFold(sub, "get") && rem >= 2:
			op = bitfieldGet
		case cEqualFold(sub, "set") && rem >= 3:
			op = bitfieldSet
		case cEqualFold(sub, "incrby") && rem >= 3:
			op = bitfieldIncrBy
		case cEqualFold(sub, "overflow") && rem >= 1:
			j++
			ow, ok := redisstr.ParseOverflow(cstr(c.args[j]))
			if !ok {
				c.err(ErrBitOverflowType)
				return
			}
			overflow = ow
			continue
		default:
			c.err(ErrSyntax)
			return
		}
		signed, bits, ok := redisstr.ParseBitfieldType(c.args[j+1])
		if !ok {
			c.err(ErrBitFieldType)
			return
		}
		off, ok := redisstr.ParseBitOffset(c.args[j+2], true, bits, maxStringLen)
		if !ok {
			c.err(ErrBitOffset)
			return
		}
		o := bitfieldOp{op: op, signed: signed, bits: bits, offset: off, overflow: overflow}
		if op != bitfieldGet {
			write = true
			if o.arg, ok = c.intArg(j + 3); !ok {
				return
			}
			j++
		}
		ops = append(ops, o)
		j += 2
	}
	if write && readOnly {
		c.err(ErrBitFieldRO)
		return
	}
	res, err := c.db.bitfield(c.args[1], ops, c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.w.Array(len(res))
	for _, r := range res {
		if r.ok {
			c.w.Int(r.v)
		} else {
			c.w.NullBulk()
		}
	}
}
