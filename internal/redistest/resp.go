package redistest

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// This file is a small, strict RESP2/RESP3 reply scanner. It deliberately
// does not share code with the repository's resp package: the tests that use
// it check that package, so it must not inherit that package's bugs.
//
// Strictness is a feature. The reference (redis-server) always writes
// canonical RESP, so anything the scanner rejects from the subject is a bug
// in the subject: lengths must be canonical decimals, every line must end in
// CRLF, bulk payloads must be followed by CRLF, and simple lines must not
// contain a bare CR.

// Limits that keep a malformed or hostile stream from exhausting memory.
const (
	maxLineLen  = 1 << 20   // longest header or simple line, CRLF excluded
	maxBulkLen  = 512 << 20 // Redis's proto-max-bulk-len default
	maxElements = 1 << 24   // elements in one aggregate
	maxDepth    = 512       // nesting of aggregates
)

// Value is one parsed RESP value. Kind is the type byte:
//
//	'+' simple string   '-' simple error   ':' integer    '$' bulk string
//	'*' array           '_' null           ',' double     '#' boolean
//	'(' big number      '!' bulk error     '=' verbatim   '%' map
//	'~' set             '>' push
//
// Attributes ('|') are not a Kind: an attribute is attached to the value it
// precedes, in Attr.
type Value struct {
	Kind byte
	// Str holds the payload of '+', '-', ':', ',', '#', '(' (the line without
	// the type byte) and of '$', '!', '=' (the bulk payload).
	Str string
	// Null is set for the RESP2 nulls "$-1" and "*-1" and for RESP3 '_'.
	Null bool
	// Elems holds the elements of '*', '~', '>' and, alternating key and
	// value, of '%'.
	Elems []Value
	// Attr is the attribute map ('|', alternating key and value) that
	// preceded this value, if any.
	Attr []Value
}

// ErrProtocol wraps every malformed-input error from the scanner.
var ErrProtocol = errors.New("redistest: RESP protocol error")

func protoErr(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrProtocol, fmt.Sprintf(format, args...))
}

// ReadReply reads exactly one complete reply from r and returns its raw
// bytes. A reply preceded by an attribute ('|') includes the attribute. On
// error the bytes read so far are returned with it, which makes "the subject
// sent half a reply" visible in reports.
func ReadReply(r *bufio.Reader) ([]byte, error) {
	var buf []byte
	_, err := readValue(r, &buf, 0, false)
	return buf, eofErr(buf, err)
}

// eofErr turns io.EOF in the middle of a reply into io.ErrUnexpectedEOF, so
// io.EOF means only "the stream ended cleanly between replies".
func eofErr(buf []byte, err error) error {
	if err == io.EOF && len(buf) > 0 {
		return io.ErrUnexpectedEOF
	}
	return err
}

// ReadValue reads exactly one complete reply from r and returns it parsed,
// together with its raw bytes.
func ReadValue(r *bufio.Reader) (Value, []byte, error) {
	var buf []byte
	v, err := readValue(r, &buf, 0, true)
	return v, buf, eofErr(buf, err)
}

// Parse parses raw, which must hold exactly one complete reply.
func Parse(raw []byte) (Value, error) {
	r := bufio.NewReader(bytes.NewReader(raw))
	v, got, err := ReadValue(r)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return v, protoErr("incomplete reply %q", raw)
		}
		return v, err
	}
	if len(got) != len(raw) {
		return v, protoErr("%d trailing bytes after reply: %q", len(raw)-len(got), raw[len(got):])
	}
	return v, nil
}

// readLine reads one CRLF-terminated line, appends it (with CRLF) to buf and
// returns the line without CRLF. The returned slice aliases *buf.
func readLine(r *bufio.Reader, buf *[]byte) ([]byte, error) {
	start := len(*buf)
	for {
		chunk, err := r.ReadSlice('\n')
		*buf = append(*buf, chunk...)
		if len(*buf)-start > maxLineLen+2 {
			return nil, protoErr("line longer than %d bytes", maxLineLen)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err == io.EOF && len(*buf) > start {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		break
	}
	line := (*buf)[start:]
	if len(line) < 2 || line[len(line)-2] != '\r' {
		return nil, protoErr("line not terminated by CRLF: %q", line)
	}
	line = line[:len(line)-2]
	if bytes.IndexByte(line, '\r') >= 0 {
		return nil, protoErr("bare CR inside line: %q", line)
	}
	return line, nil
}

// parseLen parses a canonical non-negative decimal length, or -1 when
// allowNull is set.
func parseLen(b []byte, allowNull bool, max int64) (int64, error) {
	if allowNull && string(b) == "-1" {
		return -1, nil
	}
	if len(b) == 0 || len(b) > 19 || (b[0] == '0' && len(b) > 1) {
		return 0, protoErr("bad length %q", b)
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, protoErr("bad length %q", b)
		}
		n = n*10 + int64(c-'0')
	}
	if n > max {
		return 0, protoErr("length %d exceeds limit %d", n, max)
	}
	return n, nil
}

func validInteger(b []byte) bool {
	n, err := strconv.ParseInt(string(b), 10, 64)
	// Comparing with the canonical rendering rejects "+1", "-0" and "007".
	return err == nil && strconv.FormatInt(n, 10) == string(b)
}

func validBigNumber(b []byte) bool {
	if len(b) > 0 && b[0] == '-' {
		b = b[1:]
	}
	if len(b) == 0 || (b[0] == '0' && len(b) > 1) {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func validDouble(b []byte) bool {
	switch string(b) {
	case "inf", "-inf", "nan":
		return true
	}
	if len(b) == 0 || b[0] == '+' || b[0] == '.' {
		return false
	}
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
			return false
		}
	}
	_, err := strconv.ParseFloat(string(b), 64)
	return err == nil
}

func readValue(r *bufio.Reader, buf *[]byte, depth int, build bool) (Value, error) {
	if depth > maxDepth {
		return Value{}, protoErr("nesting deeper than %d", maxDepth)
	}
	line, err := readLine(r, buf)
	if err != nil {
		return Value{}, err
	}
	if len(line) == 0 {
		return Value{}, protoErr("empty line where a type byte was expected")
	}
	kind, body := line[0], line[1:]
	v := Value{Kind: kind}
	switch kind {
	case '+', '-':
		if build {
			v.Str = string(body)
		}
	case ':':
		if !validInteger(body) {
			return v, protoErr("bad integer %q", line)
		}
		v.Str = string(body)
	case '(':
		if !validBigNumber(body) {
			return v, protoErr("bad big number %q", line)
		}
		v.Str = string(body)
	case ',':
		if !validDouble(body) {
			return v, protoErr("bad double %q", line)
		}
		v.Str = string(body)
	case '#':
		if string(body) != "t" && string(body) != "f" {
			return v, protoErr("bad boolean %q", line)
		}
		v.Str = string(body)
	case '_':
		if len(body) != 0 {
			return v, protoErr("bad null %q", line)
		}
		v.Null = true
	case '$', '!', '=':
		n, err := parseLen(body, kind == '$', maxBulkLen)
		if err != nil {
			return v, err
		}
		if n < 0 {
			v.Null = true
			break
		}
		start := len(*buf)
		*buf = append(*buf, make([]byte, int(n)+2)...)
		if _, err := io.ReadFull(r, (*buf)[start:]); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return v, err
		}
		payload := (*buf)[start : start+int(n)]
		if (*buf)[start+int(n)] != '\r' || (*buf)[start+int(n)+1] != '\n' {
			return v, protoErr("bulk payload of %d bytes not followed by CRLF", n)
		}
		if kind == '=' && (n < 4 || payload[3] != ':') {
			return v, protoErr("verbatim string without a 3-byte format prefix: %q", payload)
		}
		if build {
			v.Str = string(payload)
		}
	case '*', '~', '>', '%', '|':
		n, err := parseLen(body, kind == '*', maxElements)
		if err != nil {
			return v, err
		}
		if n < 0 {
			v.Null = true
			break
		}
		if kind == '%' || kind == '|' {
			n *= 2
		}
		if build {
			v.Elems = make([]Value, 0, min(n, 1024))
		}
		for i := int64(0); i < n; i++ {
			e, err := readValue(r, buf, depth+1, build)
			if err != nil {
				return v, err
			}
			if build {
				v.Elems = append(v.Elems, e)
			}
		}
		if kind == '|' {
			// An attribute describes the value that follows it.
			next, err := readValue(r, buf, depth+1, build)
			if err != nil {
				return v, err
			}
			next.Attr = append(v.Elems, next.Attr...)
			if next.Attr == nil {
				next.Attr = []Value{}
			}
			return next, nil
		}
	case '?':
		return v, protoErr("streamed RESP3 types are not supported: %q", line)
	default:
		return v, protoErr("unknown type byte %q in line %q", kind, line)
	}
	return v, nil
}

// Encode renders v as canonical RESP. For any reply read by ReadValue,
// Encode(v) equals the raw bytes read.
func (v Value) Encode() []byte { return v.AppendTo(nil) }

// AppendTo appends the encoding of v to b.
func (v Value) AppendTo(b []byte) []byte {
	if v.Attr != nil {
		b = append(b, '|')
		b = strconv.AppendInt(b, int64(len(v.Attr)/2), 10)
		b = append(b, '\r', '\n')
		for _, e := range v.Attr {
			b = e.AppendTo(b)
		}
	}
	b = append(b, v.Kind)
	switch v.Kind {
	case '_':
	case '$', '!', '=':
		if v.Null {
			b = append(b, '-', '1')
			break
		}
		b = strconv.AppendInt(b, int64(len(v.Str)), 10)
		b = append(b, '\r', '\n')
		b = append(b, v.Str...)
	case '*', '~', '>', '%':
		if v.Null {
			b = append(b, '-', '1')
			break
		}
		n := len(v.Elems)
		if v.Kind == '%' {
			n /= 2
		}
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, '\r', '\n')
		for _, e := range v.Elems {
			b = e.AppendTo(b)
		}
		return b
	default:
		b = append(b, v.Str...)
	}
	return append(b, '\r', '\n')
}

// String renders v compactly for failure messages, e.g. `[1 "a" (nil)]`.
func (v Value) String() string {
	var b bytes.Buffer
	v.format(&b)
	return b.String()
}

func (v Value) format(b *bytes.Buffer) {
	switch {
	case v.Null:
		b.WriteString("(nil)")
		return
	}
	switch v.Kind {
	case '+':
		b.WriteString(v.Str)
	case '-', '!':
		b.WriteString("(error) ")
		b.WriteString(v.Str)
	case ':', ',', '(':
		b.WriteString(v.Str)
	case '#':
		if v.Str == "t" {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case '$', '=':
		b.WriteString(strconv.Quote(v.Str))
	case '*', '~', '>', '%':
		open, close := "[", "]"
		switch v.Kind {
		case '~':
			open, close = "set[", "]"
		case '>':
			open, close = "push[", "]"
		case '%':
			open, close = "{", "}"
		}
		b.WriteString(open)
		for i, e := range v.Elems {
			if i > 0 {
				if v.Kind == '%' && i%2 == 1 {
					b.WriteString(": ")
				} else {
					b.WriteString(" ")
				}
			}
			e.format(b)
		}
		b.WriteString(close)
	default:
		b.WriteString(strconv.Quote(v.Str))
	}
}

// EncodeCommand renders args as a RESP multibulk, the form clients send.
func EncodeCommand(args ...string) []byte {
	n := 16
	for _, a := range args {
		n += len(a) + 16
	}
	b := make([]byte, 0, n)
	b = append(b, '*')
	b = strconv.AppendInt(b, int64(len(args)), 10)
	b = append(b, '\r', '\n')
	for _, a := range args {
		b = append(b, '$')
		b = strconv.AppendInt(b, int64(len(a)), 10)
		b = append(b, '\r', '\n')
		b = append(b, a...)
		b = append(b, '\r', '\n')
	}
	return b
}
