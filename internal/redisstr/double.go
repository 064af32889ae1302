package redisstr

import (
	"math"
	"strconv"

	"github.com/embedis/embedis/resp"
)

// cNumber is the result of scanning a string with C's strtod/strtold
// grammar (C locale). The whole string must be consumed.
type cNumber struct {
	neg bool
	inf bool
	nan bool
	hex bool
	// For decimal numbers: mantissa digits (without the point, possibly
	// with leading zeros) and the power of ten to apply to them.
	// For hex numbers: hex digits and the power of two to apply.
	digits  string
	exp     int64
	nonzero bool // some mantissa digit is not '0'
}

// expClamp bounds parsed exponents; anything beyond is certainly an
// overflow or underflow for both double and long double, and clamping keeps
// the arithmetic in range.
const expClamp = 1 << 40

// scanCNumber scans s as strtod would and reports whether strtod would
// consume all of s. Leading whitespace is not accepted (string2d/string2ld
// reject a leading isspace() byte, and strtod's whitespace skipping can only
// ever apply to a leading byte).
func scanCNumber(s string) (cNumber, bool) {
	var r cNumber
	i := 0
	n := len(s)
	if i < n && (s[i] == '+' || s[i] == '-') {
		r.neg = s[i] == '-'
		i++
	}
	rest := s[i:]
	if hasPrefixFold(rest, "inf") {
		if len(rest) == 3 || (len(rest) == 8 && hasPrefixFold(rest, "infinity")) {
			r.inf = true
			return r, true
		}
		return r, false
	}
	if hasPrefixFold(rest, "nan") {
		// "nan" or "nan(n-char-sequence)" where the sequence is
		// [0-9A-Za-z_]*.
		if len(rest) == 3 {
			r.nan = true
			return r, true
		}
		if rest[3] != '(' || rest[len(rest)-1] != ')' {
			return r, false
		}
		for j := 4; j < len(rest)-1; j++ {
			if !isAlnumUnderscore(rest[j]) {
				return r, false
			}
		}
		r.nan = true
		return r, true
	}
	if len(rest) >= 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X') {
		// Hexadecimal: 0x, hex digits with an optional point (at least
		// one digit), optional p[+-]digits, the exponent a power of two.
		// If no hex digit follows the "0x", strtod parses just "0" and
		// stops at 'x': not all consumed.
		r.hex = true
		return r, r.scanMantissa(rest[2:], isHexDigit, 'p', 4)
	}
	return r, r.scanMantissa(rest, isDecimalDigit, 'e', 1)
}

// scanMantissa scans the rest of a finite number, all of s: digits (as
// isDigit tells) with an optional point and at least one digit, then
// optionally the exponent letter expMark (either case) and [+-]digits. It
// sets r's digits, without leading zeros, and r's exponent, less the
// fraction's digits, each worth digitExp of it (a hex digit is 4 bits).
func (r *cNumber) scanMantissa(s string, isDigit func(byte) bool, expMark byte, digitExp int64) bool {
	j := 0
	var digits []byte
	var fracDigits int64
	sawDigit, sawDot := false, false
	for ; j < len(s); j++ {
		c := s[j]
		if isDigit(c) {
			sawDigit = true
			if c != '0' {
				r.nonzero = true
			}
			if len(digits) > 0 || c != '0' {
				digits = append(digits, c)
				if sawDot {
					fracDigits++
				}
			} else if sawDot {
				fracDigits++
			}
			continue
		}
		if c == '.' && !sawDot {
			sawDot = true
			continue
		}
		break
	}
	if !sawDigit {
		return false
	}
	var e int64
	if j < len(s) {
		if s[j]|0x20 != expMark {
			return false
		}
		var ok bool
		e, ok = scanExp(s[j+1:])
		if !ok {
			return false
		}
	}
	r.digits = string(digits)
	r.exp = clampExp(e - digitExp*fracDigits)
	return true
}

func isDecimalDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanExp parses an exponent "[+-]digits" that must be all of s.
func scanExp(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	neg := false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	var e int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if e < expClamp {
			e = e*10 + int64(c-'0')
		}
	}
	if neg {
		e = -e
	}
	return e, true
}

func clampExp(e int64) int64 {
	if e > expClamp {
		return expClamp
	}
	if e < -expClamp {
		return -expClamp
	}
	return e
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func isHexDigit(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func isAlnumUnderscore(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
}

// ParseDouble parses s exactly as Redis's string2d (and so
// getDoubleFromObject): the whole string must be a number strtod accepts in
// the C locale, with no leading space and no trailing bytes. That includes
// a leading '+', ".5", "5.", exponents, hex floats ("0x1p3", "0x1.8"),
// "inf", "-Infinity". Rejected: the empty string, NaN, values that overflow
// to ±Inf, and nonzero values that underflow to zero (strtod's ERANGE).
// Subnormal results are accepted.
func ParseDouble(s string) (float64, bool) {
	if len(s) == 0 || isCSpace(s[0]) {
		return 0, false
	}
	if f, ok := parsePlainDecimal(s); ok {
		return f, true
	}
	r, ok := scanCNumber(s)
	if !ok || r.nan {
		return 0, false
	}
	f, erange := r.float()
	if erange {
		return 0, false
	}
	return f, true
}

// parsePlainDecimal is ParseDouble's fast path for the common input, a
// plain decimal ([+-]digits[.digits][e[+-]digits]) whose value is a normal
// double or an exact zero: strconv rounds it correctly, as glibc's strtod
// does, and without allocating. It reports false for anything else (hex,
// inf, overflow, and results near underflow, where strtod's ERANGE rules
// decide), which the full emulation then handles.
func parsePlainDecimal(s string) (float64, bool) {
	i := 0
	if s[0] == '+' || s[0] == '-' {
		i++
	}
	digits, nonzero, dot := 0, false, false
	for ; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			digits++
			nonzero = nonzero || c != '0'
		} else if c == '.' && !dot {
			dot = true
		} else {
			break
		}
	}
	if digits == 0 || digits > maxDigits {
		return 0, false // long mantissas: see truncateDigits
	}
	if i < len(s) {
		if s[i] != 'e' && s[i] != 'E' {
			return 0, false
		}
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i == len(s) {
			return 0, false
		}
		for ; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	if f == 0 {
		return f, !nonzero
	}
	return f, math.Abs(f) >= 0x1p-1022
}

// isCSpace is C's isspace in the "C" locale.
func isCSpace(c byte) bool {
	return c == ' ' || (c >= '\t' && c <= '\r')
}

// FormatDouble formats f exactly as C's printf("%.17g") on glibc, which is
// how Redis replies with doubles (addReplyDouble: ZSCORE, ZINCRBY, RESP3
// doubles ...), except that infinities are "inf" and "-inf" as Redis writes
// them explicitly. NaN (never produced by Redis replies) formats as "nan"
// or "-nan".
func FormatDouble(f float64) string {
	return string(AppendDouble(nil, f))
}

// AppendDouble appends FormatDouble(f) to dst. The format is the wire
// format of a RESP double, so resp owns it.
func AppendDouble(dst []byte, f float64) []byte { return resp.AppendDouble(dst, f) }

// D2String formats f as Redis's d2string: "nan", "inf", "-inf", "0" or
// "-0" for zeros, the integer form for integral values within ±2^62 (the
// range double2ll accepts), otherwise "%.17g". Redis uses it when it stores
// sorted-set scores as strings (listpack encoding).
func D2String(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case f == 0:
		if math.Signbit(f) {
			return "-0"
		}
		return "0"
	}
	const lim = float64(math.MaxInt64 / 2)
	if f >= -lim && f <= lim {
		if ll := int64(f); float64(ll) == f {
			return strconv.FormatInt(ll, 10)
		}
	}
	return FormatDouble(f)
}
