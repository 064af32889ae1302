package resp

import (
	"bytes"
	"math"
)

// Redis's request limits (server.h, config.c).
const (
	protoInlineMaxSize = 64 * 1024          // PROTO_INLINE_MAX_SIZE
	protoMaxBulkLen    = 512 * 1024 * 1024  // proto-max-bulk-len default
	maxMultibulkLen    = math.MaxInt32      // processMultibulkBuffer: ll > INT_MAX
	maxQueryBufLen     = 1024 * 1024 * 1024 // client-query-buffer-limit default
)

// The request errors, with Redis's texts.
var (
	errTooBigInline     = &ProtocolError{Msg: "Protocol error: too big inline request"}
	errUnbalancedQuotes = &ProtocolError{Msg: "Protocol error: unbalanced quotes in request"}
	errTooBigMbulkCount = &ProtocolError{Msg: "Protocol error: too big mbulk count string"}
	errInvalidMbulkLen  = &ProtocolError{Msg: "Protocol error: invalid multibulk length"}
	errTooBigBulkCount  = &ProtocolError{Msg: "Protocol error: too big bulk count string"}
	errInvalidBulkLen   = &ProtocolError{Msg: "Protocol error: invalid bulk length"}
)

func errExpectedDollar(c byte) error {
	// addReplyErrorFormat maps CR and LF to spaces.
	if c == '\r' || c == '\n' {
		c = ' '
	}
	return &ProtocolError{Msg: "Protocol error: expected '$', got '" + string([]byte{c}) + "'"}
}

// ParseRequest parses one request from buf: a multibulk (*N\r\n$len\r\narg...)
// or an inline command line, with the semantics and error texts of Redis's
// processMultibulkBuffer, processInlineBuffer and sdssplitargs.
//
// It returns the args (appended to dst[:0]), the number of bytes consumed,
// and an error. n == 0 && err == nil means buf holds no complete request
// yet. Empty inline lines and "*0"/"*-1" multibulks are consumed and return
// len(args) == 0. Each arg is a newly allocated string.
//
// Errors are *ProtocolError whose Error() is the text Redis replies with
// after "-ERR ", e.g. "Protocol error: invalid multibulk length". Redis then
// closes the connection.
//
// Redis reads a socket 16KB at a time and rejects a line (inline request,
// multibulk count or bulk count) when more than 64KB have arrived without
// its end; how long a line it accepts therefore depends on how the bytes
// arrive. ParseRequest is deterministic: it rejects exactly the lines Redis
// rejects when they arrive a byte at a time, i.e. lines longer than 64KB.
// Like Redis (which searches with strchr) it does not see a line end that
// comes after a NUL byte on that line, and waits for more input instead.
func ParseRequest(buf []byte, dst []string) (args []string, n int, err error) {
	p := reqParser{bulklen: -1, args: dst[:0]}
	done, n, err := p.parse(buf)
	if err != nil {
		return dst[:0], 0, err
	}
	if !done {
		return dst[:0], 0, nil
	}
	return p.args, n, nil
}

// reqParser is the incremental state of processMultibulkBuffer: a
// connection keeps one so a large request arriving in pieces is parsed once.
type reqParser struct {
	reqtype      byte  // 0 (unknown), 'i' (inline) or '*' (multibulk)
	multibulklen int64 // bulks still to read
	bulklen      int64 // length of the bulk being read, -1 if its header is not read yet
	args         []string
}

// parse consumes input from buf. It returns done when a request is
// complete (its args in p.args, possibly none), and the bytes consumed,
// which may be > 0 when the request is not complete yet (those bytes are
// held in the parser's state and must not be offered again).
func (p *reqParser) parse(buf []byte) (done bool, n int, err error) {
	if len(buf) == 0 {
		return false, 0, nil
	}
	if p.reqtype == 0 {
		p.args = p.args[:0]
		if buf[0] == '*' {
			p.reqtype = '*'
		} else {
			p.reqtype = 'i'
		}
	}
	if p.reqtype == 'i' {
		done, n, err = p.inline(buf)
	} else {
		done, n, err = p.multibulk(buf)
	}
	if done || err != nil {
		p.reqtype = 0
		p.multibulklen = 0
		p.bulklen = -1
	}
	return done, n, err
}

// strchr returns the index of c in b as C's strchr would find it in a NUL
// terminated buffer: -1 if c is absent or a NUL comes first.
func strchr(b []byte, c byte) int {
	i := bytes.IndexByte(b, c)
	if i < 0 || bytes.IndexByte(b[:i], 0) >= 0 {
		return -1
	}
	return i
}

func (p *reqParser) inline(buf []byte) (bool, int, error) {
	nl := strchr(buf, '\n')
	if nl < 0 {
		if len(buf) > protoInlineMaxSize {
			return false, 0, errTooBigInline
		}
		return false, 0, nil
	}
	if nl > protoInlineMaxSize {
		return false, 0, errTooBigInline
	}
	line := buf[:nl]
	if nl > 0 && buf[nl-1] == '\r' {
		line = buf[:nl-1]
	}
	args, ok := splitArgs(line, p.args[:0])
	if !ok {
		return false, 0, errUnbalancedQuotes
	}
	p.args = args
	return true, nl + 1, nil
}

func (p *reqParser) multibulk(buf []byte) (bool, int, error) {
	pos := 0
	if p.multibulklen == 0 {
		nl := strchr(buf, '\r')
		if nl < 0 {
			if len(buf) > protoInlineMaxSize {
				return false, 0, errTooBigMbulkCount
			}
			return false, 0, nil
		}
		if nl > protoInlineMaxSize {
			return false, 0, errTooBigMbulkCount
		}
		if nl > len(buf)-2 { // the \n is not there yet
			return false, 0, nil
		}
		ll, ok := string2ll(buf[1:nl])
		if !ok || ll > maxMultibulkLen {
			return false, 0, errInvalidMbulkLen
		}
		pos = nl + 2
		if ll <= 0 {
			return true, pos, nil
		}
		p.multibulklen = ll
		p.bulklen = -1
	}
	for p.multibulklen > 0 {
		if p.bulklen == -1 {
			rest := buf[pos:]
			nl := strchr(rest, '\r')
			if nl < 0 {
				if len(rest) > protoInlineMaxSize {
					return false, 0, errTooBigBulkCount
				}
				break
			}
			if nl > protoInlineMaxSize {
				return false, 0, errTooBigBulkCount
			}
			if nl > len(rest)-2 {
				break
			}
			if rest[0] != '$' {
				return false, 0, errExpectedDollar(rest[0])
			}
			ll, ok := string2ll(rest[1:nl])
			if !ok || ll < 0 || ll > protoMaxBulkLen {
				return false, 0, errInvalidBulkLen
			}
			pos += nl + 2
			p.bulklen = ll
		}
		if int64(len(buf)-pos) < p.bulklen+2 {
			break
		}
		// Like Redis, the two bytes after the bulk are skipped unchecked.
		p.args = append(p.args, string(buf[pos:pos+int(p.bulklen)]))
		pos += int(p.bulklen) + 2
		p.bulklen = -1
		p.multibulklen--
	}
	return p.multibulklen == 0, pos, nil
}

// string2ll is util.c's string2ll: no leading '+', no leading zeros, no
// "-0", at most 20 bytes, no overflow.
func string2ll(s []byte) (int64, bool) {
	if len(s) == 0 || len(s) >= 21 {
		return 0, false
	}
	if len(s) == 1 && s[0] == '0' {
		return 0, true
	}
	neg := false
	if s[0] == '-' {
		neg = true
		s = s[1:]
		if len(s) == 0 {
			return 0, false
		}
	}
	if s[0] < '1' || s[0] > '9' {
		return 0, false
	}
	var v uint64
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		if v > math.MaxUint64/10 {
			return 0, false
		}
		v *= 10
		if v > math.MaxUint64-uint64(c-'0') {
			return 0, false
		}
		v += uint64(c - '0')
	}
	if neg {
		if v > 1<<63 {
			return 0, false
		}
		return -int64(v), true
	}
	if v > math.MaxInt64 {
		return 0, false
	}
	return int64(v), true
}

// isspace is C's isspace in the C locale.
func isspace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func isHexDigit(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func hexDigitToInt(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10
	}
	return 0
}

// splitArgs is sds.c's sdssplitargs over line, which holds no NUL byte (the
// caller found its end with strchr). It appends the args to dst and returns
// false on unbalanced quotes or a closing quote followed by a non-space.
func splitArgs(line []byte, dst []string) ([]string, bool) {
	n := len(line)
	at := func(i int) byte { // the C string, NUL terminated
		if i < n {
			return line[i]
		}
		return 0
	}
	var scratch [64]byte
	cur := scratch[:0]
	p := 0
	for {
		for p < n && isspace(line[p]) {
			p++
		}
		if p >= n {
			return dst, true
		}
		// Fast path: a token without quotes is a plain slice of line.
		start := p
		for p < n {
			c := line[p]
			if c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '"' || c == '\'' {
				break
			}
			p++
		}
		if p >= n || line[p] != '"' && line[p] != '\'' {
			dst = append(dst, string(line[start:p]))
			if p < n {
				p++ // sdssplitargs steps over the terminating blank
			}
			continue
		}
		cur = append(cur[:0], line[start:p]...)
		inq, insq, done := false, false, false
		for !done {
			c := at(p)
			switch {
			case inq:
				if c == '\\' && at(p+1) == 'x' && isHexDigit(at(p+2)) && isHexDigit(at(p+3)) {
					cur = append(cur, hexDigitToInt(at(p+2))*16+hexDigitToInt(at(p+3)))
					p += 3
				} else if c == '\\' && at(p+1) != 0 {
					p++
					switch e := at(p); e {
					case 'n':
						cur = append(cur, '\n')
					case 'r':
						cur = append(cur, '\r')
					case 't':
						cur = append(cur, '\t')
					case 'b':
						cur = append(cur, '\b')
					case 'a':
						cur = append(cur, '\a')
					default:
						cur = append(cur, e)
					}
				} else if c == '"' {
					if at(p+1) != 0 && !isspace(at(p+1)) {
						return dst, false
					}
					done = true
				} else if c == 0 {
					return dst, false
				} else {
					cur = append(cur, c)
				}
			case insq:
				if c == '\\' && at(p+1) == '\'' {
					p++
					cur = append(cur, '\'')
				} else if c == '\'' {
					if at(p+1) != 0 && !isspace(at(p+1)) {
						return dst, false
					}
					done = true
				} else if c == 0 {
					return dst, false
				} else {
					cur = append(cur, c)
				}
			default:
				switch c {
				case ' ', '\n', '\r', '\t', 0:
					done = true
				case '"':
					inq = true
				case '\'':
					insq = true
				default:
					cur = append(cur, c)
				}
			}
			if at(p) != 0 {
				p++
			}
		}
		dst = append(dst, string(cur))
	}
}
