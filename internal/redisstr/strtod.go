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
	f, _ := r.float()
	return f, true
}

// maxDigits is how many significant digits truncateDigits keeps: enough
// to round any double correctly (767 can matter), and fewer than the 800
// that strconv.ParseFloat handles exactly (beyond 800 it misplaces the
// decimal point: golang/go#42436).
const maxDigits = 780

// truncateDigits returns digits × 10^exp with at most maxDigits+1
// significant digits: the first maxDigits, then a sticky 1 if any digit
// dropped was not 0, so that rounding still goes the right way.
func truncateDigits(digits string, exp int64) (string, int64) {
	if len(digits) <= maxDigits {
		return digits, exp
	}
	dropped := digits[maxDigits:]
	digits, exp = digits[:maxDigits], exp+int64(len(dropped))
	if strings.Trim(dropped, "0") != "" {
		digits, exp = digits+"1", exp-1
	}
	return digits, exp
}

// float converts a scanned number as strtod does: an overflow gives ±Inf
// and an underflow 0 or a subnormal, and erange reports either, as strtod
// sets errno to ERANGE.
func (r cNumber) float() (f float64, erange bool) {
	n := r.exp + int64(len(r.digits))
	switch {
	case r.inf:
		f = math.Inf(1)
	case !r.nonzero:
		f = 0
	case r.hex:
		f, _ = strconv.ParseFloat("0x"+r.digits+"p"+strconv.FormatInt(r.exp, 10), 64)
	case n > 400: // certain overflow
		f = math.Inf(1)
	case n < -400: // certain underflow
		f = 0
	default:
		digits, exp := truncateDigits(r.digits, r.exp)
		f, _ = strconv.ParseFloat(digits+"e"+strconv.FormatInt(exp, 10), 64)
	}
	erange = !r.inf && (math.IsInf(f, 0) || f == 0 && r.nonzero)
	if r.neg {
		f = -f
	}
	return f, erange
}
