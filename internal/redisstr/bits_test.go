package redisstr

import (
	"bytes"
	"math/bits"
	"math/rand"
	"strconv"
	"strings"
	"testing"
)

func TestPopCount(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 200; n++ {
		b := make([]byte, n)
		rng.Read(b)
		var want int64
		for _, c := range b {
			want += int64(bits.OnesCount8(c))
		}
		if got := PopCount(b); got != want {
			t.Fatalf("PopCount(len %d) = %d, want %d", n, got, want)
		}
	}
}

// bitPosNaive is redisBitpos bit by bit.
func bitPosNaive(b []byte, bit int) int64 {
	for i := 0; i < len(b)*8; i++ {
		if int(b[i/8]>>(7-i%8)&1) == bit {
			return int64(i)
		}
	}
	if bit == 1 {
		return -1
	}
	return int64(len(b)) * 8
}

func TestBitPos(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 40; n++ {
		for k := 0; k < 50; k++ {
			b := make([]byte, n)
			fill := []byte{0, 0xff}[rng.Intn(2)]
			for i := range b {
				b[i] = fill
			}
			if n > 0 && rng.Intn(3) > 0 {
				b[rng.Intn(n)] ^= 1 << rng.Intn(8)
			}
			for bit := 0; bit < 2; bit++ {
				if got, want := BitPos(b, bit), bitPosNaive(b, bit); got != want {
					t.Fatalf("BitPos(%x, %d) = %d, want %d", b, bit, got, want)
				}
			}
		}
	}
}

// The key b holds "\xff\xf0\x00\x0f\x55". Expected values taken from
// redis-server 7.0.15.
var bitTestString = []byte("\xff\xf0\x00\x0f\x55")

func TestBitCount(t *testing.T) {
	tests := []struct {
		start, end int64
		isBit      bool
		want       int64
	}{
		{0, -1, false, 20},
		{1, 1, false, 4},
		{-2, -1, false, 8},
		{-1, -2, false, 0},
		{5, 30, true, 10},
		{0, 0, true, 1},
		{7, 7, true, 1},
		{8, 15, true, 4},
		{-5, -1, true, 3},
		{3, 2, false, 0},
		{100, 200, false, 0},
		{-100, -100, false, 8},
		{-100, 1, false, 12},
	}
	if PopCount(bitTestString) != 20 {
		t.Error("BITCOUNT b")
	}
	for _, tc := range tests {
		if got := BitCount(bitTestString, tc.start, tc.end, tc.isBit); got != tc.want {
			t.Errorf("BITCOUNT b %d %d bit=%v = %d, want %d", tc.start, tc.end, tc.isBit, got, tc.want)
		}
	}
	if BitCount(nil, 0, -1, false) != 0 || BitCount(nil, 0, -1, true) != 0 {
		t.Error("BITCOUNT of empty string")
	}
}

func TestBitPosRange(t *testing.T) {
	const none = int64(-1 << 62) // no start given
	tests := []struct {
		s          []byte
		bit        int
		start, end int64
		endGiven   bool
		isBit      bool
		want       int64
	}{
		{bitTestString, 1, none, 0, false, false, 0},
		{bitTestString, 0, none, 0, false, false, 12},
		{bitTestString, 1, 1, 0, false, false, 8},
		{bitTestString, 0, 1, 0, false, false, 12},
		{bitTestString, 0, 2, 0, false, false, 16},
		{bitTestString, 1, 2, 0, false, false, 28},
		{bitTestString, 0, 2, -1, true, false, 16},
		{bitTestString, 0, 0, -1, true, false, 12},
		{bitTestString, 1, 3, 3, true, false, 28},
		{bitTestString, 0, 12, 40, true, true, 12},
		{bitTestString, 1, 12, 40, true, true, 28},
		{bitTestString, 0, 0, 7, true, true, -1},
		{bitTestString, 0, 0, 10, true, true, -1},
		{bitTestString, 1, 9, 15, true, true, 9},
		{bitTestString, 0, 36, 39, true, true, 36},
		{bitTestString, 0, 0, -1, true, true, 12},
		{bitTestString, 1, -1, -1, true, true, 39},
		{bitTestString, 0, -3, -1, true, false, 16},
		{bitTestString, 1, 5, 0, false, false, -1},
		{bitTestString, 0, 5, 0, false, false, -1},
		{bitTestString, 0, 5, 10, true, false, -1},
		{bitTestString, 0, 2, 1, true, false, -1},
		{bitTestString, 0, -1, 0, false, false, 32},
		{bitTestString, 0, 4, 4, true, false, 32},
		{bitTestString, 1, 33, 34, true, true, 33},
		{bitTestString, 0, 20, 0, false, false, -1},
		{[]byte("\xff\xff"), 0, none, 0, false, false, 16},
		{[]byte("\xff\xff"), 0, 0, -1, true, false, -1},
		{[]byte("\xff\xff"), 0, 1, 0, false, false, 16},
		{[]byte("\x00\x00"), 1, none, 0, false, false, -1},
		{[]byte("\x00\x00"), 0, none, 0, false, false, 0},
		{[]byte(""), 0, 0, 0, false, false, -1},
		{[]byte(strings.Repeat("\xff", 40) + "\xfe"), 0, none, 0, false, false, 327},
		{[]byte(strings.Repeat("\xff", 40) + "\xfe"), 0, 0, -1, true, false, 327},
	}
	for _, tc := range tests {
		var got int64
		if tc.start == none {
			got = BitPos(tc.s, tc.bit)
		} else {
			got = BitPosRange(tc.s, tc.bit, tc.start, tc.end, tc.endGiven, tc.isBit)
		}
		if got != tc.want {
			t.Errorf("BITPOS %q %d %d %d (end given %v, bit %v) = %d, want %d",
				tc.s, tc.bit, tc.start, tc.end, tc.endGiven, tc.isBit, got, tc.want)
		}
	}
}

func TestBitPosRangeAgainstNaive(t *testing.T) {
	// For BIT ranges, the answer is the first matching bit inside the
	// clamped range; when end was not given, a 0 search may run off the
	// end of the string.
	rng := rand.New(rand.NewSource(3))
	for iter := 0; iter < 20000; iter++ {
		n := rng.Intn(12)
		b := make([]byte, n)
		for i := range b {
			b[i] = []byte{0, 0xff, byte(rng.Intn(256))}[rng.Intn(3)]
		}
		bit := rng.Intn(2)
		start, end := int64(rng.Intn(2*n*8+3)-n*8-1), int64(rng.Intn(2*n*8+3)-n*8-1)
		endGiven := rng.Intn(2) == 0
		got := BitPosRange(b, bit, start, end, endGiven, true)
		tot := int64(n * 8)
		s, e := start, end
		if !endGiven {
			e = tot - 1
		}
		if s < 0 {
			s += tot
		}
		if e < 0 {
			e += tot
		}
		s, e = max(s, 0), min(max(e, 0), tot-1)
		want := int64(-1)
		for i := s; i <= e; i++ {
			if int(b[i/8]>>(7-i%8)&1) == bit {
				want = i
				break
			}
		}
		if want == -1 && bit == 0 && !endGiven && s <= e {
			want = (e/8 + 1) * 8
		}
		if got != want {
			t.Fatalf("BITPOS %x %d %d %d BIT endGiven=%v = %d, naive %d", b, bit, start, end, endGiven, got, want)
		}
	}
}

func TestBitOp(t *testing.T) {
	// From redis-server 7.0.15: o1 = "\xf0\x0f\xaa", o2 = "\x33".
	o1, o2 := []byte("\xf0\x0f\xaa"), []byte("\x33")
	tests := []struct {
		op   string
		srcs [][]byte
		want string
		ok   bool
	}{
		{"AND", [][]byte{o1, o2}, "0\x00\x00", true},
		{"or", [][]byte{o1, o2}, "\xf3\x0f\xaa", true},
		{"XOR", [][]byte{o1, o2}, "\xc3\x0f\xaa", true},
		{"NOT", [][]byte{o1}, "\x0f\xf0U", true},
		{"nand", [][]byte{o1, o2}, "", false},
		{"NOT", [][]byte{o1, o2}, "", false},
		{"AND", [][]byte{nil, nil}, "", true},
		{"and", [][]byte{o2, o1, nil}, "\x00\x00\x00", true},
		{"xor", [][]byte{o1, o1, o2}, "\x33\x00\x00", true},
	}
	for _, tc := range tests {
		got, ok := BitOp(tc.op, tc.srcs)
		if ok != tc.ok || string(got) != tc.want {
			t.Errorf("BITOP %s %q = %q, %v; want %q, %v", tc.op, tc.srcs, got, ok, tc.want, tc.ok)
		}
	}
	// Long inputs go through the word loops.
	a := bytes.Repeat([]byte{0xf0}, 100)
	b := bytes.Repeat([]byte{0x3c}, 70)
	got, _ := BitOp("AND", [][]byte{a, b})
	if !bytes.Equal(got, append(bytes.Repeat([]byte{0x30}, 70), make([]byte, 30)...)) {
		t.Error("long AND")
	}
}

// bitfield runs one BITFIELD command over *buf the way bitfieldGeneric
// does, returning the replies as strings ("nil" for a FAIL overflow).
func bitfield(buf *[]byte, args ...string) []string {
	type op struct {
		code   string
		signed bool
		bits   int
		offset uint64
		v      int64
		ow     Overflow
	}
	var ops []op
	ow := OverflowWrap
	highest, write := uint64(0), false
	for j := 0; j < len(args); j++ {
		sub := strings.ToUpper(args[j])
		if sub == "OVERFLOW" {
			ow, _ = ParseOverflow(args[j+1])
			j++
			continue
		}
		signed, bits, ok := ParseBitfieldType(args[j+1])
		if !ok {
			return []string{"ERR type"}
		}
		off, ok := ParseBitOffset(args[j+2], true, bits, ProtoMaxBulkLen)
		if !ok {
			return []string{"ERR offset"}
		}
		o := op{code: sub, signed: signed, bits: bits, offset: off, ow: ow}
		if sub != "GET" {
			write = true
			highest = max(highest, off+uint64(bits)-1)
			o.v, _ = ParseInt(args[j+3])
			j++
		}
		j += 2
		ops = append(ops, o)
	}
	if write && uint64(len(*buf)) < BitfieldLen(highest) {
		*buf = append(*buf, make([]byte, BitfieldLen(highest)-uint64(len(*buf)))...)
	}
	var out []string
	for _, o := range ops {
		switch {
		case o.code == "GET" && o.signed:
			out = append(out, strconv.FormatInt(GetSigned(*buf, o.offset, o.bits), 10))
		case o.code == "GET":
			out = append(out, strconv.FormatUint(GetUnsigned(*buf, o.offset, o.bits), 10))
		case o.signed:
			old := GetSigned(*buf, o.offset, o.bits)
			var nv, ret int64
			var of bool
			if o.code == "INCRBY" {
				nv, of = CheckSignedOverflow(old, o.v, o.bits, o.ow)
				ret = nv
			} else {
				nv, of = CheckSignedOverflow(o.v, 0, o.bits, o.ow)
				ret = old
			}
			if of && o.ow == OverflowFail {
				out = append(out, "nil")
				continue
			}
			out = append(out, strconv.FormatInt(ret, 10))
			SetSigned(*buf, o.offset, o.bits, nv)
		default:
			old := GetUnsigned(*buf, o.offset, o.bits)
			var nv, ret uint64
			var of bool
			if o.code == "INCRBY" {
				nv, of = CheckUnsignedOverflow(old, o.v, o.bits, o.ow)
				ret = nv
			} else {
				nv, of = CheckUnsignedOverflow(uint64(o.v), 0, o.bits, o.ow)
				ret = old
			}
			if of && o.ow == OverflowFail {
				out = append(out, "nil")
				continue
			}
			out = append(out, strconv.FormatInt(int64(ret), 10))
			SetUnsigned(*buf, o.offset, o.bits, nv)
		}
	}
	return out
}

func TestBitfieldSequence(t *testing.T) {
	// Each command runs on the same key, in order. Expected replies and the
	// final value taken from redis-server 7.0.15.
	steps := []struct {
		cmd, want string
	}{
		{"SET u8 0 255", "0"},
		{"GET u8 0", "255"},
		{"INCRBY u8 0 1", "0"},
		{"OVERFLOW SAT INCRBY u8 0 1000", "255"},
		{"OVERFLOW SAT INCRBY u8 0 -1000", "0"},
		{"OVERFLOW FAIL INCRBY u8 0 1000", "nil"},
		{"SET i8 0 -128", "0"},
		{"INCRBY i8 0 -1", "127"},
		{"OVERFLOW SAT INCRBY i8 0 -1", "126"},
		{"OVERFLOW FAIL INCRBY i8 0 -1", "125"},
		{"SET u8 0 -1", "125"},
		{"OVERFLOW SAT SET u8 0 -1", "255"},
		{"OVERFLOW SAT SET u8 0 300", "255"},
		{"OVERFLOW FAIL SET u8 0 300", "nil"},
		{"SET i8 0 200", "-1"},
		{"OVERFLOW SAT SET i8 0 200", "-56"},
		{"SET i64 0 9223372036854775807", "9151314442816847872"},
		{"INCRBY i64 0 1", "-9223372036854775808"},
		{"OVERFLOW SAT INCRBY i64 0 9223372036854775807", "-1"},
		{"OVERFLOW SAT INCRBY i64 0 -9223372036854775808", "-9223372036854775808"},
		{"OVERFLOW FAIL INCRBY i64 0 -9223372036854775808", "nil"},
		{"SET u63 0 9223372036854775807", "4611686018427387904"},
		{"INCRBY u63 0 1", "0"},
		{"OVERFLOW SAT INCRBY u63 0 -9223372036854775808", "0"},
		{"SET u63 0 -1", "0"},
		{"GET u63 0", "9223372036854775807"},
		{"OVERFLOW SAT SET u63 0 -5", "9223372036854775807"},
		{"GET u64 0", "ERR type"},
		{"GET i65 0", "ERR type"},
		{"GET u0 0", "ERR type"},
		{"GET I8 0", "ERR type"},
		{"GET i8 #1", "-1"},
		{"SET i5 #3 -3", "-1"},
		{"GET u4 15", "14"},
		{"GET i4 15", "-2"},
		{"SET u5 7 23", "31"},
		{"GET i64 5", "-1154047404513689664"},
		{"GET u1 999", "0"},
		{"GET u8 -1", "ERR offset"},
		{"GET u8 4294967296", "ERR offset"},
		{"GET u8 4294967295", "0"},
		{"GET u8 #536870912", "ERR offset"},
		{"GET u8 #536870911", "0"},
		{"GET i1 0", "-1"},
		{"SET i1 0 1", "-1"},
		{"SET i1 0 -1", "-1"},
		{"OVERFLOW SAT SET i1 0 1", "-1"},
		{"SET u1 100 2", "0"},
		{"OVERFLOW SAT INCRBY u1 100 5", "1"},
		{"OVERFLOW WRAP INCRBY i3 100 9223372036854775807", "3"},
		{"INCRBY i3 100 -9223372036854775808", "3"},
		{"OVERFLOW WRAP INCRBY u3 100 -9223372036854775808", "3"},
	}
	var buf []byte
	for _, st := range steps {
		got := strings.Join(bitfield(&buf, strings.Fields(st.cmd)...), " ")
		if got != st.want {
			t.Errorf("BITFIELD %s = %s, want %s", st.cmd, got, st.want)
		}
	}
	if want := "\x7f\x7f\xdf\xff\xff\xff\xff\xfe\x00\x00\x00\x00\x06"; string(buf) != want {
		t.Errorf("final value %q, want %q", buf, want)
	}
}

func TestBitfieldLayout(t *testing.T) {
	// The example from bitops.c: u5 value 23 at offset 7 in zeroes.
	b := make([]byte, 2)
	SetUnsigned(b, 7, 5, 23)
	if b[0] != 0x01 || b[1] != 0x70 {
		t.Fatalf("got %08b %08b", b[0], b[1])
	}
	if GetUnsigned(b, 7, 5) != 23 || GetSigned(b, 7, 5) != -9 {
		t.Fatal("read back")
	}
	if GetUnsigned(nil, 1000, 64) != 0 {
		t.Fatal("reads past the end must be zero")
	}
}

func TestCheckOverflowLimits(t *testing.T) {
	// Unsigned 63-bit and signed 64-bit are the widest fields.
	if r, of := CheckUnsignedOverflow(1<<63-1, 1, 63, OverflowSat); !of || r != 1<<63-1 {
		t.Error("u63 sat")
	}
	if r, of := CheckUnsignedOverflow(5, -6, 63, OverflowWrap); !of || r != 1<<63-1 {
		t.Error("u63 wrap under")
	}
	if r, of := CheckUnsignedOverflow(5, -5, 8, OverflowFail); of || r != 0 {
		t.Error("u8 exact zero")
	}
	if r, of := CheckSignedOverflow(1<<63-1, 1, 64, OverflowWrap); !of || r != -1<<63 {
		t.Error("i64 wrap")
	}
	if r, of := CheckSignedOverflow(-1<<63, -1, 64, OverflowSat); !of || r != -1<<63 {
		t.Error("i64 sat")
	}
	if r, of := CheckSignedOverflow(-1, 1<<63-1, 64, OverflowFail); of || r != 1<<63-2 {
		t.Error("i64 no overflow")
	}
	if r, of := CheckSignedOverflow(7, 1, 4, OverflowWrap); !of || r != -8 {
		t.Error("i4 wrap")
	}
	if _, of := CheckSignedOverflow(3, 4, 4, OverflowFail); of {
		t.Error("i4 7 fits")
	}
	if _, ok := ParseOverflow("bogus"); ok {
		t.Error("ParseOverflow")
	}
}

func BenchmarkPopCount(b *testing.B) {
	for _, n := range []int{16, 1024, 1 << 20} {
		buf := make([]byte, n)
		rand.New(rand.NewSource(1)).Read(buf)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(n))
			for i := 0; i < b.N; i++ {
				PopCount(buf)
			}
		})
	}
}
