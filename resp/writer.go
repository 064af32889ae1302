package resp

import (
	"math"
	"strconv"
)

// Writer appends encoded replies to a byte slice, for protocol 2 (RESP2) or 3
// (RESP3), byte for byte as redis-server 7.0 encodes them (networking.c's
// addReply* functions). The zero value writes RESP2.
//
// A Writer does not check that aggregates get as many elements as their
// headers announce; that is the caller's contract, as in Redis.
type Writer struct {
	buf   []byte
	proto int
}

// NewWriter returns a Writer for protocol 2 or 3.
func NewWriter(proto int) *Writer {
	w := &Writer{}
	w.SetProtocol(proto)
	return w
}

// SetProtocol selects RESP3 for p >= 3 and RESP2 otherwise.
func (w *Writer) SetProtocol(p int) {
	if p >= 3 {
		w.proto = 3
	} else {
		w.proto = 2
	}
}

// Protocol returns 2 or 3.
func (w *Writer) Protocol() int {
	if w.proto == 3 {
		return 3
	}
	return 2
}

func (w *Writer) resp3() bool { return w.proto == 3 }

// Bytes returns the encoded replies. The slice aliases the Writer's buffer
// and is valid until the next write or Reset.
func (w *Writer) Bytes() []byte { return w.buf }

// Len returns the number of encoded bytes.
func (w *Writer) Len() int { return len(w.buf) }

// Reset discards the encoded bytes, keeping the capacity and the protocol.
func (w *Writer) Reset() { w.buf = w.buf[:0] }

// Raw appends pre-encoded bytes.
func (w *Writer) Raw(b []byte) { w.buf = append(w.buf, b...) }

// Simple appends a simple string: +s. s must not contain CR or LF.
func (w *Writer) Simple(s string) {
	w.buf = append(w.buf, '+')
	w.buf = append(w.buf, s...)
	w.buf = append(w.buf, '\r', '\n')
}

// Error appends an error reply: -msg. msg is the full text including the
// code, e.g. "ERR syntax error". CR and LF in msg become spaces, as in
// addReplyErrorFormat, so the reply stays well formed.
func (w *Writer) Error(msg string) {
	w.buf = append(w.buf, '-')
	w.appendNoCRLF(msg)
	w.buf = append(w.buf, '\r', '\n')
}

func (w *Writer) appendNoCRLF(s string) {
	start := len(w.buf)
	w.buf = append(w.buf, s...)
	for i := start; i < len(w.buf); i++ {
		if c := w.buf[i]; c == '\r' || c == '\n' {
			w.buf[i] = ' '
		}
	}
}

// Int appends an integer reply: :n.
func (w *Writer) Int(n int64) { w.prefixed(':', n) }

func (w *Writer) prefixed(prefix byte, n int64) {
	if n >= 0 && n < 100 {
		if n < 10 {
			w.buf = append(w.buf, prefix, byte('0'+n), '\r', '\n')
		} else {
			w.buf = append(w.buf, prefix, byte('0'+n/10), byte('0'+n%10), '\r', '\n')
		}
		return
	}
	w.buf = append(w.buf, prefix)
	w.buf = strconv.AppendInt(w.buf, n, 10)
	w.buf = append(w.buf, '\r', '\n')
}

// Bulk appends a bulk string: $len\r\ns.
func (w *Writer) Bulk(s string) {
	w.prefixed('$', int64(len(s)))
	w.buf = append(w.buf, s...)
	w.buf = append(w.buf, '\r', '\n')
}

// BulkBytes appends a bulk string: $len\r\nb.
func (w *Writer) BulkBytes(b []byte) {
	w.prefixed('$', int64(len(b)))
	w.buf = append(w.buf, b...)
	w.buf = append(w.buf, '\r', '\n')
}

// NullBulk appends a null: RESP2 $-1, RESP3 _ (addReplyNull).
func (w *Writer) NullBulk() {
	if w.resp3() {
		w.buf = append(w.buf, "_\r\n"...)
	} else {
		w.buf = append(w.buf, "$-1\r\n"...)
	}
}

// NullArray appends a null array: RESP2 *-1, RESP3 _ (addReplyNullArray).
func (w *Writer) NullArray() {
	if w.resp3() {
		w.buf = append(w.buf, "_\r\n"...)
	} else {
		w.buf = append(w.buf, "*-1\r\n"...)
	}
}

// Array appends an array header: *n. n elements must follow.
func (w *Writer) Array(n int) { w.prefixed('*', int64(n)) }

// Map appends a map header for n pairs: RESP3 %n, RESP2 *2n. 2n values
// (key, value, ...) must follow.
func (w *Writer) Map(n int) {
	if w.resp3() {
		w.prefixed('%', int64(n))
	} else {
		w.prefixed('*', 2*int64(n))
	}
}

// Set appends a set header: RESP3 ~n, RESP2 *n.
func (w *Writer) Set(n int) {
	if w.resp3() {
		w.prefixed('~', int64(n))
	} else {
		w.prefixed('*', int64(n))
	}
}

// Push appends a push header: RESP3 >n, RESP2 *n (how Redis sends Pub/Sub
// messages to RESP2 clients).
func (w *Writer) Push(n int) {
	if w.resp3() {
		w.prefixed('>', int64(n))
	} else {
		w.prefixed('*', int64(n))
	}
}

// attribute appends an attribute header (RESP3 only; callers skip RESP2).
func (w *Writer) attribute(n int) { w.prefixed('|', int64(n)) }

// Double appends a double as addReplyDouble does: RESP3 ,%.17g and RESP2 a
// bulk string of %.17g; infinities are inf and -inf.
func (w *Writer) Double(f float64) {
	if w.resp3() {
		w.buf = append(w.buf, ',')
		w.buf = AppendDouble(w.buf, f)
		w.buf = append(w.buf, '\r', '\n')
		return
	}
	var tmp [32]byte
	s := AppendDouble(tmp[:0], f)
	w.BulkBytes(s)
}

// AppendDouble appends f as Redis writes a double: C's printf("%.17g")
// (glibc), with infinities as "inf"/"-inf" and NaN as "nan"/"-nan".
func AppendDouble(dst []byte, f float64) []byte {
	switch {
	case math.IsInf(f, 1):
		return append(dst, "inf"...)
	case math.IsInf(f, -1):
		return append(dst, "-inf"...)
	case math.IsNaN(f):
		if math.Signbit(f) {
			return append(dst, "-nan"...)
		}
		return append(dst, "nan"...)
	}
	// Go's 'g' with an explicit precision follows C: %e when the exponent is
	// < -4 or >= precision, trailing zeros removed, at least two exponent
	// digits.
	return strconv.AppendFloat(dst, f, 'g', 17, 64)
}

// Bool appends a boolean: RESP3 #t/#f, RESP2 :1/:0.
func (w *Writer) Bool(b bool) {
	switch {
	case w.resp3() && b:
		w.buf = append(w.buf, "#t\r\n"...)
	case w.resp3():
		w.buf = append(w.buf, "#f\r\n"...)
	case b:
		w.buf = append(w.buf, ":1\r\n"...)
	default:
		w.buf = append(w.buf, ":0\r\n"...)
	}
}

// Verbatim appends a verbatim string: RESP3 =len\r\nfmt:s, RESP2 a bulk
// string of s. format is cut or space-padded to 3 bytes, as addReplyVerbatim
// does.
func (w *Writer) Verbatim(s, format string) {
	if !w.resp3() {
		w.Bulk(s)
		return
	}
	w.prefixed('=', int64(len(s))+4)
	for i := 0; i < 3; i++ {
		if i < len(format) && format[i] != 0 {
			w.buf = append(w.buf, format[i])
		} else {
			w.buf = append(w.buf, ' ')
			format = "" // C stops at the NUL terminator
		}
	}
	w.buf = append(w.buf, ':')
	w.buf = append(w.buf, s...)
	w.buf = append(w.buf, '\r', '\n')
}

// BigNumber appends a big number given as decimal text: RESP3 (s, RESP2 a
// bulk string.
func (w *Writer) BigNumber(s string) {
	if !w.resp3() {
		w.Bulk(s)
		return
	}
	w.buf = append(w.buf, '(')
	w.buf = append(w.buf, s...)
	w.buf = append(w.buf, '\r', '\n')
}

// Value appends v encoded for the Writer's protocol. For RESP2 the RESP3
// types are downgraded as Redis does: Null becomes $-1 (or *-1 for a nil
// Array), Double and BigNumber and Verbatim become bulk strings, Boolean
// becomes :1/:0, Map becomes a flat array, Set and Push become arrays,
// BulkError becomes a simple error and Attribute is omitted. A RESP3 writer
// writes a nil BulkString or nil Array as Null.
func (w *Writer) Value(v Value) {
	switch v.Kind {
	case SimpleString:
		w.Simple(v.Str)
	case Error:
		w.Error(v.Str)
	case Integer:
		w.Int(v.Int)
	case BulkString:
		if v.Nil {
			w.NullBulk()
		} else {
			w.Bulk(v.Str)
		}
	case Null:
		w.NullBulk()
	case Double:
		w.Double(v.Float)
	case Boolean:
		w.Bool(v.Bool)
	case BigNumber:
		w.BigNumber(v.Str)
	case BulkError:
		if w.resp3() {
			w.prefixed('!', int64(len(v.Str)))
			w.buf = append(w.buf, v.Str...)
			w.buf = append(w.buf, '\r', '\n')
		} else {
			w.Error(v.Str)
		}
	case Verbatim:
		w.Verbatim(v.Str, v.Format)
	case Array:
		if v.Nil {
			w.NullArray()
			return
		}
		w.Array(len(v.Elems))
		w.values(v.Elems)
	case Set:
		w.Set(len(v.Elems))
		w.values(v.Elems)
	case Push:
		w.Push(len(v.Elems))
		w.values(v.Elems)
	case Map:
		w.Map(len(v.Elems) / 2)
		w.values(v.Elems[:len(v.Elems)/2*2])
	case Attribute:
		if w.resp3() {
			w.attribute(len(v.Elems) / 2)
			w.values(v.Elems[:len(v.Elems)/2*2])
		}
	default:
		w.Error("ERR resp: cannot encode value of unknown kind")
	}
}

func (w *Writer) values(vs []Value) {
	for i := range vs {
		w.Value(vs[i])
	}
}
