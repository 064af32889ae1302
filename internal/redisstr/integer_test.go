package redisstr

import (
	"strconv"
	"strings"
	"testing"
)

// Expected values taken from redis-server 7.0.15: SET i <s>; INCRBY i 0
// (ok or "value is not an integer or out of range") and OBJECT ENCODING i
// ("int" exactly when ok).
var parseIntTests = []struct {
	s    string
	want int64
	ok   bool
}{
	{"0", 0, true},
	{"-0", 0, false},
	{"+1", 0, false},
	{"01", 0, false},
	{"-1", -1, true},
	{"9223372036854775807", 9223372036854775807, true},
	{"9223372036854775808", 0, false},
	{"-9223372036854775808", -9223372036854775808, true},
	{"-9223372036854775809", 0, false},
	{" 1", 0, false},
	{"1 ", 0, false},
	{"", 0, false},
	{"-", 0, false},
	{"00", 0, false},
	{"18446744073709551616", 0, false},
	{"99999999999999999999", 0, false},
	{"-99999999999999999999", 0, false},
	{"123456789012345678901", 0, false},
	// Unit cases.
	{"12345", 12345, true},
	{"-00", 0, false},
	{"1a", 0, false},
	{"1\x00", 0, false},
	{"18446744073709551615", 0, false},
	{"-18446744073709551615", 0, false},
}

func TestParseInt(t *testing.T) {
	for _, tc := range parseIntTests {
		got, ok := ParseInt(tc.s)
		if ok != tc.ok || (ok && got != tc.want) {
			t.Errorf("ParseInt(%q) = %d, %v; want %d, %v", tc.s, got, ok, tc.want, tc.ok)
		}
		if IsIntEncodable(tc.s) != tc.ok {
			t.Errorf("IsIntEncodable(%q) = %v", tc.s, !tc.ok)
		}
		if ok && FormatInt(got) != tc.s {
			t.Errorf("FormatInt(%d) = %q, want %q", got, FormatInt(got), tc.s)
		}
	}
	if string(AppendInt([]byte("x"), -42)) != "x-42" {
		t.Error("AppendInt")
	}
}

// canonicalInt reports whether s is the canonical decimal form strconv
// would print, which is exactly what string2ll accepts.
func canonicalInt(s string) (int64, bool) {
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || strconv.FormatInt(v, 10) != s {
		return 0, false
	}
	return v, true
}

func FuzzParseInt(f *testing.F) {
	for _, tc := range parseIntTests {
		f.Add(tc.s)
	}
	f.Add(strings.Repeat("9", 19))
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseInt(s)
		want, wok := canonicalInt(s)
		if ok != wok || got != want {
			t.Fatalf("ParseInt(%q) = %d, %v; strconv says %d, %v", s, got, ok, want, wok)
		}
	})
}
