package redisstr

import (
	"math/big"
	"strings"
)

// MaxLongDoubleChars is Redis's MAX_LONG_DOUBLE_CHARS: string2ld rejects
// inputs of this length or longer.
const MaxLongDoubleChars = 5 * 1024

// x87 80-bit extended precision, which is what C's long double is on the
// amd64 builds of Redis: 64-bit significand with an explicit integer bit,
// exponent range [-16382, 16383], subnormals down to 2^-16445.
const (
	ldPrec = 64
	// In big.Float's convention (x = m × 2^e with 0.5 ≤ m < 1):
	ldMaxExp    = 16384  // largest finite value is just below 2^16384
	ldMinExp    = -16381 // smallest normal value is 2^-16382 = 0.5 × 2^-16381
	ldMinSubExp = -16444 // smallest subnormal 2^-16445 = 0.5 × 2^-16444
)

// LongDouble is a value of C's long double as Redis's INCRBYFLOAT and
// HINCRBYFLOAT compute with it on x86-64: the x87 80-bit extended format,
// emulated exactly (round to nearest even at 64 significant bits, the same
// exponent range, subnormals, signed zeros and infinities). The zero value
// is +0. LongDouble values are immutable.
type LongDouble struct {
	f *big.Float // nil means +0
}

func newLD() *big.Float {
	return new(big.Float).SetPrec(ldPrec).SetMode(big.ToNearestEven)
}

func (x LongDouble) float() *big.Float {
	if x.f == nil {
		return newLD()
	}
	return x.f
}

// LongDoubleFromInt returns v as a long double (exact: every int64 fits in
// 64 significant bits). This is how Redis reads an int-encoded string.
func LongDoubleFromInt(v int64) LongDouble {
	return LongDouble{newLD().SetInt64(v)}
}

// IsInf reports whether x is an infinity.
func (x LongDouble) IsInf() bool { return x.f != nil && x.f.IsInf() }

// Sign returns -1, 0 or +1 (0 for both zeros).
func (x LongDouble) Sign() int { return x.float().Sign() }

// Float64 returns x rounded to the nearest float64, as a C cast would.
func (x LongDouble) Float64() float64 {
	f, _ := x.float().Float64()
	return f
}

// ParseLongDouble parses s exactly as Redis's string2ld (strtold on
// x86-64 glibc): the whole string must be a number strtold accepts in the
// C locale; no leading space, no trailing bytes, at most
// MaxLongDoubleChars-1 bytes. Infinities ("inf", "-infinity", any case)
// are accepted; NaN is rejected, as are values that overflow to infinity
// and nonzero values that underflow to zero. This is the rule behind "value
// is not a valid float" for INCRBYFLOAT and HINCRBYFLOAT.
func ParseLongDouble(s string) (LongDouble, bool) {
	if len(s) == 0 || len(s) >= MaxLongDoubleChars || isCSpace(s[0]) {
		return LongDouble{}, false
	}
	// strtold works on a NUL-terminated copy: an embedded NUL ends the
	// number early, which then fails the all-consumed check.
	if strings.IndexByte(s, 0) >= 0 {
		return LongDouble{}, false
	}
	r, ok := scanCNumber(s)
	if !ok || r.nan {
		return LongDouble{}, false
	}
	z := newLD()
	switch {
	case r.inf:
		z.SetInf(r.neg)
		return LongDouble{z}, true
	case !r.nonzero:
		if r.neg {
			z.Neg(z)
		}
		return LongDouble{z}, true
	}
	var exact *big.Rat
	if r.hex {
		m, _ := new(big.Int).SetString(r.digits, 16)
		// Bits of the value's magnitude: m has at most 4*len bits.
		top := r.exp + int64(m.BitLen())
		if top > ldMaxExp+1 {
			return LongDouble{}, false
		}
		if top < ldMinSubExp-1 {
			return LongDouble{}, false
		}
		exact = new(big.Rat).SetInt(m)
		if r.exp >= 0 {
			exact.Num().Lsh(exact.Num(), uint(r.exp))
		} else {
			exact.SetFrac(m, new(big.Int).Lsh(big.NewInt(1), uint(-r.exp)))
		}
	} else {
		// The value lies in [10^(top-1), 10^top).
		top := r.exp + int64(len(r.digits))
		if top > 4934 {
			return LongDouble{}, false
		}
		if top < -4952 {
			return LongDouble{}, false
		}
		m, _ := new(big.Int).SetString(r.digits, 10)
		exact = new(big.Rat).SetInt(m)
		if r.exp >= 0 {
			p := new(big.Int).Exp(big.NewInt(10), big.NewInt(r.exp), nil)
			exact.Num().Mul(exact.Num(), p)
		} else {
			p := new(big.Int).Exp(big.NewInt(10), big.NewInt(-r.exp), nil)
			exact.SetFrac(m, p)
		}
	}
	z, ok = roundLD(exact)
	if !ok {
		return LongDouble{}, false
	}
	if r.neg {
		z.Neg(z)
	}
	return LongDouble{z}, true
}

// roundLD rounds the positive exact value q to the x87 extended format. It
// reports false on overflow to infinity or underflow to zero (strtold's
// ERANGE cases that string2ld rejects).
func roundLD(q *big.Rat) (*big.Float, bool) {
	z := newLD().SetRat(q)
	e := z.MantExp(nil)
	if e > ldMaxExp {
		return nil, false
	}
	if e >= ldMinExp {
		return z, true
	}
	// Subnormal range: fewer significant bits are available. Round the
	// exact value again, to the bits above 2^-16445.
	bits := ldPrec - (ldMinExp - e)
	if bits >= 1 {
		z2 := new(big.Float).SetPrec(uint(bits)).SetMode(big.ToNearestEven).SetRat(q)
		// Rounding up may carry into a higher binade; that is still exact
		// in the 64-bit format.
		z.Set(z2)
		return z, true
	}
	// Below half the smallest subnormal in binade terms: the value is in
	// (0, 2^-16446]. Exactly 2^-16446 ties to even (zero); above it rounds
	// up to the smallest subnormal.
	half := newLD().SetMantExp(big.NewFloat(0.5), ldMinSubExp-1) // 2^-16446
	hq, _ := half.Rat(nil)
	if q.Cmp(hq) <= 0 {
		return nil, false
	}
	return z.SetMantExp(big.NewFloat(0.5), ldMinSubExp), true
}

// Add returns a+b computed in long double, as Redis's "value += incr".
// ok is false when the result is NaN or an infinity, which Redis reports as
// "increment would produce NaN or Infinity" (so inf + 0 fails too).
func Add(a, b LongDouble) (sum LongDouble, ok bool) {
	x, y := a.float(), b.float()
	if x.IsInf() || y.IsInf() {
		return LongDouble{}, false
	}
	z := newLD().Add(x, y)
	if e := z.MantExp(nil); z.Sign() != 0 && e > ldMaxExp {
		return LongDouble{}, false
	}
	// Sums of values in the format are multiples of 2^-16445, so a result
	// in the subnormal range is exact and needs no further rounding.
	return LongDouble{z}, true
}

// FormatHuman formats x as Redis's ld2string(..., LD_STR_HUMAN), which is
// what INCRBYFLOAT and HINCRBYFLOAT store and reply: printf("%.17Lf"), then
// trailing zeros after the point removed, then a bare point removed, and a
// resulting "-0" turned into "0". Infinities are "inf" and "-inf".
func FormatHuman(x LongDouble) string {
	f := x.float()
	if f.IsInf() {
		if f.Signbit() {
			return "-inf"
		}
		return "inf"
	}
	// big.Float's 'f' conversion is exact and rounds half to even, like
	// glibc's printf.
	s := f.Text('f', 17)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		s = "0"
	}
	return s
}

// FormatAuto formats x as ld2string(..., LD_STR_AUTO), printf("%.17Lg"),
// which Redis uses for long doubles outside INCRBYFLOAT (for example
// createStringObjectFromLongDouble with humanfriendly=0).
func FormatAuto(x LongDouble) string {
	f := x.float()
	if f.IsInf() {
		if f.Signbit() {
			return "-inf"
		}
		return "inf"
	}
	return formatG17(f)
}

// formatG17 is C's "%.17Lg" for a finite big.Float.
func formatG17(f *big.Float) string {
	if f.Sign() == 0 {
		if f.Signbit() {
			return "-0"
		}
		return "0"
	}
	const p = 17
	// Round to p significant digits to learn the decimal exponent.
	e := f.Text('e', p-1) // d.ddddde±XX
	i := strings.LastIndexByte(e, 'e')
	mant, exps := e[:i], e[i+1:]
	x := 0
	neg := exps[0] == '-'
	for _, c := range exps[1:] {
		x = x*10 + int(c-'0')
	}
	if neg {
		x = -x
	}
	if x < -4 || x >= p {
		if strings.IndexByte(mant, '.') >= 0 {
			mant = strings.TrimRight(mant, "0")
			mant = strings.TrimSuffix(mant, ".")
		}
		es := exps[1:]
		if len(es) < 2 {
			es = "0" + es
		}
		return mant + "e" + exps[:1] + es
	}
	s := f.Text('f', p-1-x)
	if strings.IndexByte(s, '.') >= 0 {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	return s
}

// CeilMillis is Redis's conversion of a timeout in seconds to milliseconds,
// (long long)ceill(x * 1000.0), with the product rounded to long double
// first: -0.001 times 1000 is just above -1 there, so it becomes 0. ok is
// false when the result does not fit a long long, which x87's conversion
// turns into LLONG_MIN.
func (x LongDouble) CeilMillis() (ms int64, ok bool) {
	p := newLD().Mul(x.float(), big.NewFloat(1000))
	if p.IsInf() {
		return 0, false
	}
	i, acc := p.Int(nil) // truncated toward zero
	if acc == big.Below {
		i.Add(i, big.NewInt(1))
	}
	if !i.IsInt64() {
		return 0, false
	}
	return i.Int64(), true
}
