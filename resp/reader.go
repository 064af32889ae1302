package resp

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
)

// Limits bound what a Reader accepts, so that hostile input cannot make it
// allocate without bound or recurse without bound. A zero field takes its
// value from DefaultLimits.
type Limits struct {
	MaxBulk   int64 // longest bulk string, bulk error or verbatim string, in bytes
	MaxElems  int64 // most elements in one aggregate (a map of n pairs has 2n)
	MaxDepth  int   // deepest nesting of aggregates; a top-level array is depth 1
	MaxInline int   // longest line (simple string, error, number), in bytes
}

// DefaultLimits are Redis's own request limits where it has them: 512MB
// bulks (proto-max-bulk-len), INT_MAX elements, 64KB lines
// (PROTO_INLINE_MAX_SIZE), and a nesting depth of 64.
var DefaultLimits = Limits{
	MaxBulk:   512 << 20,
	MaxElems:  math.MaxInt32,
	MaxDepth:  64,
	MaxInline: 64 << 10,
}

func (l Limits) withDefaults() Limits {
	if l.MaxBulk <= 0 {
		l.MaxBulk = DefaultLimits.MaxBulk
	}
	if l.MaxElems <= 0 {
		l.MaxElems = DefaultLimits.MaxElems
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	if l.MaxInline <= 0 {
		l.MaxInline = DefaultLimits.MaxInline
	}
	return l
}

// preallocation caps: memory is only committed as input actually arrives.
const (
	maxPreallocElems = 1024
	maxPreallocBulk  = 64 << 10
)

// errIncomplete is returned by fill when decoding from a fixed buffer (Parse).
var errIncomplete = errors.New("resp: incomplete")

func protoErr(msg string) error { return &ProtocolError{Msg: "resp: " + msg} }

// Reader decodes replies from a stream: every RESP2 and RESP3 type.
//
// An Attribute at the top level is returned by ReadValue as a value of its
// own; the value it annotates is returned by the next call. Attributes
// nested inside aggregates are validated and dropped (they do not count as
// elements). Streamed strings and aggregates ("$?", "*?") are not supported.
// After an error other than io.EOF the stream position is undefined; discard
// the Reader.
type Reader struct {
	d decoder
}

// NewReader returns a Reader with DefaultLimits.
func NewReader(r io.Reader) *Reader { return NewReaderLimits(r, Limits{}) }

// NewReaderLimits returns a Reader with the given limits.
func NewReaderLimits(r io.Reader, l Limits) *Reader {
	return &Reader{d: decoder{rd: r, buf: make([]byte, 4096), lim: l.withDefaults()}}
}

// ReadValue reads one complete value. It returns io.EOF if the stream ended
// cleanly before the value, io.ErrUnexpectedEOF if it ended inside it, and a
// *ProtocolError for malformed input or exceeded limits.
func (r *Reader) ReadValue() (Value, error) {
	return r.d.top()
}

// ReadRaw reads one complete value, validated as ReadValue does, and returns
// its exact encoded bytes. The returned slice belongs to the caller.
func (r *Reader) ReadRaw() ([]byte, error) {
	r.d.rec = true
	r.d.raw = nil
	_, err := r.d.top()
	raw := r.d.raw
	r.d.rec = false
	r.d.raw = nil
	if err != nil {
		return nil, err
	}
	return raw, nil
}

// Buffered returns the number of bytes read from the stream but not yet
// decoded.
func (r *Reader) Buffered() int { return r.d.w - r.d.r }

// Parse decodes one value from the start of b with DefaultLimits. It returns
// the value and the number of bytes it took. n == 0 && err == nil means b
// holds no complete value yet. Strings in the value are copies; b is not
// retained.
func Parse(b []byte) (v Value, n int, err error) {
	d := decoder{buf: b, w: len(b), lim: DefaultLimits}
	v, err = d.value(0)
	if err == errIncomplete {
		return Value{}, 0, nil
	}
	if err != nil {
		return Value{}, 0, err
	}
	return v, d.r, nil
}

// decoder reads values from buf[r:w], refilling buf from rd when rd is not
// nil.
type decoder struct {
	rd       io.Reader
	buf      []byte
	r, w     int
	consumed int64
	err      error // sticky error from rd
	lim      Limits
	rec      bool   // append consumed bytes to raw
	raw      []byte // bytes of the value being read, when rec
}

func (d *decoder) top() (Value, error) {
	start, buffered := d.consumed, d.w-d.r
	v, err := d.value(0)
	if err == io.EOF && (d.consumed != start || buffered > 0 || d.w > d.r) {
		err = io.ErrUnexpectedEOF
	}
	return v, err
}

// fill reads more input into buf, compacting or growing it as needed.
func (d *decoder) fill() error {
	if d.rd == nil {
		return errIncomplete
	}
	if d.err != nil {
		return d.err
	}
	if d.r > 0 {
		d.w = copy(d.buf, d.buf[d.r:d.w])
		d.r = 0
	}
	if d.w == len(d.buf) {
		nb := make([]byte, 2*len(d.buf)+4096)
		copy(nb, d.buf[:d.w])
		d.buf = nb
	}
	for tries := 0; tries < 100; tries++ {
		n, err := d.rd.Read(d.buf[d.w:])
		d.w += n
		if err != nil {
			d.err = err
		}
		if n > 0 {
			return nil
		}
		if err != nil {
			return err
		}
	}
	d.err = io.ErrNoProgress
	return d.err
}

func (d *decoder) consume(n int) {
	if d.rec {
		d.raw = append(d.raw, d.buf[d.r:d.r+n]...)
	}
	d.r += n
	d.consumed += int64(n)
}

// line returns the next line without its CRLF. The slice is valid until
// the next read.
func (d *decoder) line() ([]byte, error) {
	max := d.lim.MaxInline + 2
	scanned := 0
	for {
		if i := bytes.IndexByte(d.buf[d.r+scanned:d.w], '\n'); i >= 0 {
			i += scanned
			if i+1 > max {
				return nil, protoErr("line too long")
			}
			if i == 0 || d.buf[d.r+i-1] != '\r' {
				return nil, protoErr("line not terminated by CRLF")
			}
			l := d.buf[d.r : d.r+i-1]
			d.consume(i + 1)
			return l, nil
		}
		scanned = d.w - d.r
		if scanned > max {
			return nil, protoErr("line too long")
		}
		if err := d.fill(); err != nil {
			return nil, err
		}
	}
}

// bulk reads n bytes and the CRLF after them.
func (d *decoder) bulk(n int64) (string, error) {
	var s string
	if int64(d.w-d.r) >= n {
		s = string(d.buf[d.r : d.r+int(n)])
		d.consume(int(n))
	} else {
		var sb strings.Builder
		sb.Grow(int(min(n, maxPreallocBulk)))
		for rem := n; rem > 0; {
			if d.r == d.w {
				if err := d.fill(); err != nil {
					return "", err
				}
			}
			k := int(min(rem, int64(d.w-d.r)))
			sb.Write(d.buf[d.r : d.r+k])
			d.consume(k)
			rem -= int64(k)
		}
		s = sb.String()
	}
	for d.w-d.r < 2 {
		if err := d.fill(); err != nil {
			return "", err
		}
	}
	if d.buf[d.r] != '\r' || d.buf[d.r+1] != '\n' {
		return "", protoErr("bulk string not terminated by CRLF")
	}
	d.consume(2)
	return s, nil
}

// parseInt parses an optionally signed decimal int64, strictly.
func parseInt(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 20 {
		return 0, false
	}
	neg := false
	if b[0] == '-' || b[0] == '+' {
		neg = b[0] == '-'
		b = b[1:]
		if len(b) == 0 {
			return 0, false
		}
	}
	var u uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		if u > (math.MaxUint64-9)/10 {
			return 0, false
		}
		u = u*10 + uint64(c-'0')
	}
	if neg {
		if u > 1<<63 {
			return 0, false
		}
		return -int64(u), true
	}
	if u > math.MaxInt64 {
		return 0, false
	}
	return int64(u), true
}

func (d *decoder) value(depth int) (Value, error) {
	l, err := d.line()
	if err != nil {
		return Value{}, err
	}
	if len(l) == 0 {
		return Value{}, protoErr("empty line where a type byte was expected")
	}
	k, body := Kind(l[0]), l[1:]
	switch k {
	case SimpleString, Error:
		return Value{Kind: k, Str: string(body)}, nil
	case Integer:
		n, ok := parseInt(body)
		if !ok {
			return Value{}, protoErr("invalid integer " + strconv.Quote(string(body)))
		}
		return Value{Kind: Integer, Int: n}, nil
	case Null:
		if len(body) != 0 {
			return Value{}, protoErr("invalid null")
		}
		return Value{Kind: Null}, nil
	case Boolean:
		if len(body) == 1 && (body[0] == 't' || body[0] == 'f') {
			return Value{Kind: Boolean, Bool: body[0] == 't'}, nil
		}
		return Value{}, protoErr("invalid boolean " + strconv.Quote(string(body)))
	case Double:
		f, err := strconv.ParseFloat(string(body), 64)
		if err != nil && !errors.Is(err, strconv.ErrRange) {
			return Value{}, protoErr("invalid double " + strconv.Quote(string(body)))
		}
		return Value{Kind: Double, Float: f}, nil
	case BigNumber:
		digits := body
		if len(digits) > 0 && (digits[0] == '-' || digits[0] == '+') {
			digits = digits[1:]
		}
		if len(digits) == 0 {
			return Value{}, protoErr("invalid big number")
		}
		for _, c := range digits {
			if c < '0' || c > '9' {
				return Value{}, protoErr("invalid big number " + strconv.Quote(string(body)))
			}
		}
		return Value{Kind: BigNumber, Str: string(body)}, nil
	case BulkString, BulkError, Verbatim:
		if len(body) == 1 && body[0] == '?' {
			return Value{}, protoErr("streamed strings are not supported")
		}
		n, ok := parseInt(body)
		if !ok || n < -1 {
			return Value{}, protoErr("invalid bulk length " + strconv.Quote(string(body)))
		}
		if n == -1 {
			if k != BulkString {
				return Value{}, protoErr("invalid bulk length -1")
			}
			return Value{Kind: BulkString, Nil: true}, nil
		}
		if n > d.lim.MaxBulk {
			return Value{}, protoErr("bulk length " + strconv.FormatInt(n, 10) + " exceeds limit")
		}
		s, err := d.bulk(n)
		if err != nil {
			return Value{}, err
		}
		if k == Verbatim {
			if len(s) < 4 || s[3] != ':' {
				return Value{}, protoErr("invalid verbatim string")
			}
			return Value{Kind: Verbatim, Format: s[:3], Str: s[4:]}, nil
		}
		return Value{Kind: k, Str: s}, nil
	case Array, Set, Push, Map, Attribute:
		if len(body) == 1 && body[0] == '?' {
			return Value{}, protoErr("streamed aggregates are not supported")
		}
		n, ok := parseInt(body)
		if !ok || n < -1 {
			return Value{}, protoErr("invalid aggregate length " + strconv.Quote(string(body)))
		}
		if n == -1 {
			if k != Array {
				return Value{}, protoErr("invalid aggregate length -1")
			}
			return Value{Kind: Array, Nil: true}, nil
		}
		if k == Map || k == Attribute {
			if n > math.MaxInt64/2 {
				return Value{}, protoErr("aggregate length exceeds limit")
			}
			n *= 2
		}
		if n > d.lim.MaxElems {
			return Value{}, protoErr("aggregate length " + strconv.FormatInt(n, 10) + " exceeds limit")
		}
		if depth+1 > d.lim.MaxDepth {
			return Value{}, protoErr("aggregates nested too deep")
		}
		v := Value{Kind: k, Elems: make([]Value, 0, min(n, maxPreallocElems))}
		for i := int64(0); i < n; i++ {
			e, err := d.value(depth + 1)
			for err == nil && e.Kind == Attribute {
				e, err = d.value(depth + 1) // nested attributes are dropped
			}
			if err != nil {
				return Value{}, err
			}
			v.Elems = append(v.Elems, e)
		}
		return v, nil
	}
	return Value{}, protoErr("invalid type byte " + strconv.QuoteRune(rune(l[0])))
}
