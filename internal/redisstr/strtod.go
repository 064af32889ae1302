package redisstr

import (
	"math"
	"strconv"
	"strings"
)

// Strtod parses s as Redis's zslParseRange reads a score bound: C's
// strtod on the C string (up to the first NUL byte), which must be
// consumed whole. Unlike ParseDouble it skips leading whitespace, accepts
// the empty string as 0, and accepts out-of-range values (overflow gives
// ±Inf, underflow 0 or a subnormal), because Redis calls strtod directly
// and checks only the end pointer and NaN.
func Strtod(s string) (float64, bool) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return 0, true // no conversion: the end pointer is the terminating NUL
	}
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	r, ok := scanCNumber(t)
	if t == "" || !ok || r.nan {
		return 0, false
	}
	var f float64
	switch {
	case r.inf:
		f = math.Inf(1)
	case !r.nonzero:
		f = 0
	case r.hex:
		f, _ = strconv.ParseFloat("0x"+r.digits+"p"+strconv.FormatInt(r.exp, 10), 64)
	case r.exp+int64(len(r.digits)) > 400:
		f = math.Inf(1)
	case r.exp+int64(len(r.digits)) < -400:
		f = 0
	default:
		f, _ = strconv.ParseFloat(r.digits+"e"+strconv.FormatInt(r.exp, 10), 64)
	}
	if r.neg {
		f = -f
	}
	return f, true
}
