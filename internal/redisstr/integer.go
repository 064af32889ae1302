package redisstr

import "strconv"

// MaxIntChars is the longest string string2ll will consider (LONG_STR_SIZE-1).
const MaxIntChars = 20

// ParseInt parses s exactly as Redis's string2ll: an optional '-', then
// either the single digit "0" or a digit 1-9 followed by digits. There is no
// '+' sign, no surrounding space, no leading zero ("007", "-0" are invalid),
// at most 20 bytes, and the value must fit in an int64. This is the rule
// behind "value is not an integer or out of range".
func ParseInt(s string) (int64, bool) {
	n := len(s)
	if n == 0 || n > MaxIntChars {
		return 0, false
	}
	if n == 1 && s[0] == '0' {
		return 0, true
	}
	i := 0
	neg := false
	if s[0] == '-' {
		neg = true
		i++
		if i == n {
			return 0, false
		}
	}
	if s[i] < '1' || s[i] > '9' {
		return 0, false
	}
	var v uint64
	for ; i < n; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		d := uint64(c - '0')
		if v > (1<<64-1)/10 {
			return 0, false
		}
		v *= 10
		if v > 1<<64-1-d {
			return 0, false
		}
		v += d
	}
	if neg {
		if v > 1<<63 {
			return 0, false
		}
		return -int64(v), true // wraps correctly for 1<<63
	}
	if v > 1<<63-1 {
		return 0, false
	}
	return int64(v), true
}

// FormatInt formats v as Redis's ll2string does (plain decimal).
func FormatInt(v int64) string { return strconv.FormatInt(v, 10) }

// AppendInt appends the ll2string form of v to dst.
func AppendInt(dst []byte, v int64) []byte { return strconv.AppendInt(dst, v, 10) }

// IsIntEncodable reports whether Redis's tryObjectEncoding would store the
// string value s with the "int" encoding (OBJECT ENCODING "int"): at most 20
// bytes and accepted by string2l, which on 64-bit builds is ParseInt.
// Whether the value is then shared (0..9999 without maxmemory) does not
// change the reported encoding.
func IsIntEncodable(s string) bool {
	if len(s) > MaxIntChars {
		return false
	}
	_, ok := ParseInt(s)
	return ok
}
