package redisstr

import (
	"math"
	"testing"
)

func TestStrtod(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1.5", 1.5, true}, {"", 0, true}, {" 2", 2, true}, {"2 ", 0, false}, {" ", 0, false},
		{"1e400", math.Inf(1), true}, {"-1e400", math.Inf(-1), true}, {"1e-400", 0, true},
		{"inf", math.Inf(1), true}, {"-inf", math.Inf(-1), true}, {"+inf", math.Inf(1), true},
		{"nan", 0, false}, {"abc", 0, false}, {"5\x00x", 5, true}, {"\x00x", 0, true},
		{"0x10", 16, true}, {"-", 0, false}, {".", 0, false}, {"1e", 0, false}, {"-0", math.Copysign(0, -1), true},
	} {
		got, ok := Strtod(c.in)
		if ok != c.ok || ok && (got != c.want || math.Signbit(got) != math.Signbit(c.want)) {
			t.Errorf("Strtod(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}
