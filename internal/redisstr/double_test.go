package redisstr

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// Expected values taken from redis-server 7.0.15: ZADD z <s> m then
// ZSCORE z m over RESP2 (string2d, then printf "%.17g"); "" means the ZADD
// failed with "value is not a valid float".
var parseDoubleTests = []struct{ s, want string }{
	{"1", "1"},
	{"1.5", "1.5"},
	{"0.1", "0.10000000000000001"},
	{"1e20", "1e+20"},
	{"1e21", "1e+21"},
	{"1e-5", "1.0000000000000001e-05"},
	{"3.0000000000000001e-05", "3.0000000000000001e-05"},
	{"0", "0"},
	{"inf", "inf"},
	{"-inf", "-inf"},
	{"+inf", "inf"},
	{"nan", ""},
	{"1e400", ""},
	{"1e-400", ""},
	{"4e-320", "3.999955468730732e-320"},
	{"0x1p3", "8"},
	{"123456789012345678", "1.2345678901234568e+17"},
	{"1e16", "10000000000000000"},
	{"1e17", "1e+17"},
	{"0.0001", "0.0001"},
	{"0.00001", "1.0000000000000001e-05"},
	{"12345678901234567890", "1.2345678901234567e+19"},
	{"2.5e-310", "2.5000000000000171e-310"},
	{" 1", ""},
	{"1 ", ""},
	{".5", "0.5"},
	{"5.", "5"},
	{"+5", "5"},
	{"1e", ""},
	{"", ""},
	{"-1e-5", "-1.0000000000000001e-05"},
	{"100", "100"},
	{"1e15", "1000000000000000"},
	{"1.0000000000000002", "1.0000000000000002"},
	// Checked against glibc strtod and printf directly (the zset listpack
	// turns -0 into 0 before ZSCORE can show it).
	{"-0", "-0"},
	{"-Infinity", "-inf"},
	{"INF", "inf"},
	{"infinit", ""},
	{"0x1.8", "1.5"},
	{"0X.8P1", "1"},
	{"0x", ""},
	{"0x.p1", ""},
	{"0x1p", ""},
	{"1_000", ""},
	{"0x1_0p0", ""},
	{"\t1", ""},
	{"1\x00", ""},
	{"nan(123)", ""},
	{"1e-99999999999999999999", ""},
	{"0e99999999999999999999", "0"},
	{"1.7976931348623157e308", "1.7976931348623157e+308"},
	{"1.7976931348623159e308", ""},
	{"4.9406564584124654e-324", "4.9406564584124654e-324"},
	{"2.4703282292062327e-324", ""},
	{"2.4703282292062328e-324", "4.9406564584124654e-324"},
}

func TestParseDouble(t *testing.T) {
	for _, tc := range parseDoubleTests {
		f, ok := ParseDouble(tc.s)
		got := ""
		if ok {
			got = FormatDouble(f)
		}
		if got != tc.want {
			t.Errorf("ParseDouble(%q) -> %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestFormatDouble(t *testing.T) {
	// Checked against glibc printf("%.17g").
	tests := []struct {
		f    float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "-0"},
		{1e20, "1e+20"},
		{1e100, "1e+100"},
		{123.456, "123.456"},
		{-2.5, "-2.5"},
		{1e-300, "1e-300"},
		{math.MaxFloat64, "1.7976931348623157e+308"},
		{math.SmallestNonzeroFloat64, "4.9406564584124654e-324"},
		{math.Inf(1), "inf"},
		{math.Inf(-1), "-inf"},
		{math.NaN(), "nan"},
		{math.Nextafter(0.3, 1), "0.30000000000000004"},
		{12345678901234567, "12345678901234568"},
		{1e16, "10000000000000000"},
		{1e17, "1e+17"},
		{0.0001, "0.0001"},
	}
	for _, tc := range tests {
		if got := FormatDouble(tc.f); got != tc.want {
			t.Errorf("FormatDouble(%v) = %q, want %q", tc.f, got, tc.want)
		}
	}
}

func TestD2String(t *testing.T) {
	tests := []struct {
		f    float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "-0"},
		{math.NaN(), "nan"},
		{math.Inf(1), "inf"},
		{math.Inf(-1), "-inf"},
		{3, "3"},
		{-1e15, "-1000000000000000"},
		{1 << 62, "4611686018427387904"},
		{1 << 63, "9.2233720368547758e+18"},
		{1.5, "1.5"},
		{0.1, "0.10000000000000001"},
	}
	for _, tc := range tests {
		if got := D2String(tc.f); got != tc.want {
			t.Errorf("D2String(%v) = %q, want %q", tc.f, got, tc.want)
		}
	}
}

// TestParsePlainDecimalAgrees checks the fast path against the full strtod
// emulation on random plain decimals: wherever the fast path answers, the
// answer must be the emulation's.
func TestParsePlainDecimalAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	digits := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + r.IntN(10))
		}
		return string(b)
	}
	answered := 0
	for i := 0; i < 200000; i++ {
		s := []string{"", "+", "-"}[r.IntN(3)] + digits(r.IntN(25))
		if r.IntN(2) == 0 {
			s += "." + digits(r.IntN(25))
		}
		if r.IntN(2) == 0 {
			s += []string{"e", "E"}[r.IntN(2)] + []string{"", "+", "-"}[r.IntN(3)] + strconv.Itoa(r.IntN(700))
		}
		if s == "" {
			continue
		}
		fast, ok := parsePlainDecimal(s)
		if !ok {
			continue
		}
		answered++
		num, scanned := scanCNumber(s)
		if !scanned {
			t.Fatalf("fast path accepted %q, which strtod would not consume", s)
		}
		slow, erange := num.float()
		if erange || math.Float64bits(slow) != math.Float64bits(fast) {
			t.Fatalf("%q: fast path %v, strtod emulation %v (erange %v)", s, fast, slow, erange)
		}
	}
	if answered < 100000 {
		t.Fatalf("fast path answered only %d inputs", answered)
	}
}

func BenchmarkParseDouble(b *testing.B) {
	for _, s := range []string{"1099511627776", "3.14159", "-1.5e-7", "0x1p3"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, ok := ParseDouble(s); !ok {
					b.Fatal(s)
				}
			}
		})
	}
}
