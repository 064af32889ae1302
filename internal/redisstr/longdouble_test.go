package redisstr

import (
	"strings"
	"testing"
)

// Expected values taken from redis-server 7.0.15: SET k <base>; INCRBYFLOAT
// k <incr>. "" means "ERR value is not a valid float"; "NaNInf" means "ERR
// increment would produce NaN or Infinity".
var incrByFloatTests = []struct{ base, incr, want string }{
	{"10.5", "0.1", "10.6"},
	{"3.0e3", "2.0e2", "3200"},
	{"5.0e3", "0", "5000"},
	{"0", "0.1", "0.1"},
	{"0.1", "0.2", "0.3"},
	{"1", "-1", "0"},
	{"-0", "0", "0"},
	{"0", "-0", "0"},
	{"1e308", "1e308", "199999999999999999993371759311691291321120199694831134415594095989843469737676123744200253843777078640893494450108026446304269499187921167194841628860392837535918200039206381557326219209014213335878306791577877829121087126122536729803237260434173178506889763247582601711514636284849020905456510092687857156096"},
	{"inf", "0", "NaNInf"},
	{"0", "inf", "NaNInf"},
	{"0", "-inf", "NaNInf"},
	{"0", "nan", ""},
	{"0", " 1", ""},
	{"0", "1 ", ""},
	{"0", "+1", "1"},
	{"0", ".5", "0.5"},
	{"0", "5.", "5"},
	{"0", "0x1p3", "8"},
	{"0", "0x1.8", "1.5"},
	{"0", "0X.8P1", "1"},
	{"0", "1e", ""},
	{"0", "1e+", ""},
	{"0", "infinity", "NaNInf"},
	{"0", "-Infinity", "NaNInf"},
	{"0", "infinit", ""},
	{"0", "1e-20", "0"},
	{"0", "-1e-20", "0"},
	{"0", "1e4933", ""},
	{"0", "1e-4950", "0"},
	{"0", "1e-4960", ""},
	{"0", "3.6e-4951", "0"},
	{"0", "1.8e-4951", ""},
	{"0", "2e-4951", "0"},
	{"0", "123456789012345678901234567890", "123456789012345678899921813504"},
	{"0", "0.1234567890123456789", "0.12345678901234568"},
	{"0", "1e19", "10000000000000000000"},
	{"0", "1e20", "100000000000000000000"},
	{"1.5", "1e-17", "1.50000000000000001"},
	{"0", "0x", ""},
	{"0", "0x.p1", ""},
	{"0", "", ""},
	{"0", "00012", "12"},
	{"0", "1_000", ""},
	{"0", "0x1_0p0", ""},
	{"0", "\x091", ""},
	{"0", "1\x00", ""},
	{"0", "9223372036854775807", "9223372036854775807"},
	{"0", "18446744073709551617", "18446744073709551616"},
	{"0", "0.000000000000000005", "0"},
	{"0", "0.000000000000000015", "0.00000000000000002"},
	{"0", "0.000000000000000025", "0.00000000000000002"},
	{"0", "3.814697265625e-06", "0.00000381469726562"},
	{"5", "2.0e-1", "5.2"},
	{"0", "-0.00000000000000001", "-0.00000000000000001"},
	{"1e4932", "1e4932", "NaNInf"},
	{"0", "1.18973149535723176508e4932", ""},
	{"0", "nan(123)", ""},
	{"0", "1e-400", "0"},
	{"0", "4e-320", "0"},
	{"1.1", "2.2", "3.3"},
	{"-5.5", "5.5", "0"},
	{"100", "-0.01", "99.99"},
	{"1e-3", "1e-3", "0.002"},
	{"3", "1.5e-16", "3.00000000000000015"},
	{"9223372036854775807", "1", "9223372036854775808"},
	{"-9223372036854775808", "-1", "-9223372036854775809"},
	{"0.1", "-0.1", "0"},
	{"1e17", "1", "100000000000000001"},
	{"1e18", "1", "1000000000000000001"},
	{"1e19", "1", "10000000000000000001"},
	{"12345.6789", "-12345.6788", "0.00009999999999977"},
	{"0", "-0.5e-17", "0"},
	{"0", "-0.6e-17", "-0.00000000000000001"},
}

// incrByFloat mirrors incrbyfloatCommand on top of this package.
func incrByFloat(base, incr string) string {
	a, ok := ParseLongDouble(base)
	if !ok {
		return ""
	}
	b, ok := ParseLongDouble(incr)
	if !ok {
		return ""
	}
	sum, ok := Add(a, b)
	if !ok {
		return "NaNInf"
	}
	return FormatHuman(sum)
}

func TestIncrByFloat(t *testing.T) {
	for _, tc := range incrByFloatTests {
		if got := incrByFloat(tc.base, tc.incr); got != tc.want {
			t.Errorf("INCRBYFLOAT %q by %q = %q, want %q", tc.base, tc.incr, got, tc.want)
		}
	}
}

func TestIncrByFloatLong(t *testing.T) {
	// From redis-server 7.0.15; the replies are long, so only the length
	// and both ends are recorded.
	tests := []struct {
		base, incr     string
		n              int
		prefix, suffix string
	}{
		{"1.7976931348623157e308", "1e308", 309, "2797693134862315700023522404413500787892", "3926186886103199182225408"},
		{"0", "1e4932", 4933, "1000000000000000000006018949387963891323", "1086538418113791886622720"},
		{"0", "1.18973149535723176502e4932", 4933, "1189731495357231765021263853030970205169", "6604419552086811989770240"},
		{"0", "1." + strings.Repeat("0", 5100), 1, "1", "1"},
		{"0", "1." + strings.Repeat("0", 5117), 1, "1", "1"},
	}
	for _, tc := range tests {
		got := incrByFloat(tc.base, tc.incr)
		if len(got) != tc.n || !strings.HasPrefix(got, tc.prefix) || !strings.HasSuffix(got, tc.suffix) {
			t.Errorf("INCRBYFLOAT %q by %.30q = %.60q (len %d)", tc.base, tc.incr, got, len(got))
		}
	}
	// MAX_LONG_DOUBLE_CHARS: 5120 bytes is too long.
	if got := incrByFloat("0", "1."+strings.Repeat("0", 5118)); got != "" {
		t.Errorf("5120-byte increment accepted: %q", got)
	}
}

func TestLongDoubleMisc(t *testing.T) {
	var zero LongDouble
	if FormatHuman(zero) != "0" || zero.Sign() != 0 || zero.IsInf() {
		t.Error("zero value")
	}
	x := LongDoubleFromInt(-9223372036854775808)
	if FormatHuman(x) != "-9223372036854775808" || x.Sign() != -1 {
		t.Errorf("LongDoubleFromInt: %s", FormatHuman(x))
	}
	inf, ok := ParseLongDouble("-inf")
	if !ok || !inf.IsInf() || FormatHuman(inf) != "-inf" || FormatAuto(inf) != "-inf" {
		t.Error("-inf")
	}
	// %.17Lg forms, checked against glibc printf.
	for s, want := range map[string]string{
		"0.1": "0.1", "1e20": "1e+20", "123456": "123456", "-0": "-0",
		"1e-5": "1e-05", "0.3333333333333333333333": "0.33333333333333333", "1e17": "1e+17", "12345678901234567": "12345678901234567",
	} {
		v, ok := ParseLongDouble(s)
		if !ok {
			t.Fatalf("ParseLongDouble(%q) failed", s)
		}
		if got := FormatAuto(v); got != want {
			t.Errorf("FormatAuto(%s) = %q, want %q", s, got, want)
		}
	}
	if v, _ := ParseLongDouble("0.5"); v.Float64() != 0.5 {
		t.Error("Float64")
	}
}

func FuzzParseLongDouble(f *testing.F) {
	for _, tc := range incrByFloatTests {
		f.Add(tc.incr)
	}
	f.Add("0x1.fffffffffffffffep16383")
	f.Add("1e-99999999999999999999999")
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseLongDouble(s)
		if !ok {
			return
		}
		h := FormatHuman(v)
		FormatAuto(v)
		if v.IsInf() {
			return
		}
		// The human form is a plain decimal that parses back.
		if _, ok := ParseLongDouble(h); !ok {
			t.Fatalf("FormatHuman(%q) = %q does not parse back", s, h)
		}
		if _, ok := Add(v, v); !ok && !strings.Contains(s, "e") && !strings.Contains(s, "p") && !strings.Contains(s, "P") && !strings.Contains(s, "E") {
			t.Fatalf("Add overflowed for %q", s)
		}
	})
}

func TestCeilMillis(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"0", 0, true}, {"1", 1000, true}, {"0.0001", 1, true}, {"1.5", 1500, true},
		// -0.001 is just above -1 once multiplied in long double (redis-server
		// blocks forever on BLPOP k -0.001).
		{"-0.001", 0, true}, {"-0.01", -10, true}, {"-1", -1000, true},
		{"inf", 0, false}, {"9223372036854775807", 0, false}, {"1e400", 0, false},
	} {
		x, ok := ParseLongDouble(c.in)
		if !ok {
			t.Fatalf("ParseLongDouble(%q) failed", c.in)
		}
		got, gotOK := x.CeilMillis()
		if got != c.want || gotOK != c.ok {
			t.Errorf("CeilMillis(%s) = %d, %v; want %d, %v", c.in, got, gotOK, c.want, c.ok)
		}
	}
}
