package redisstr

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestCHarness(t *testing.T) {
	path := os.Getenv("CHARNESS")
	if path == "" {
		t.Skip()
	}
	cmd := exec.Command(path)
	in, _ := cmd.StdinPipe()
	outp, _ := cmd.StdoutPipe()
	cmd.Start()
	defer cmd.Process.Kill()
	w := bufio.NewWriter(in)
	r := bufio.NewReaderSize(outp, 1<<20)
	ask := func(line string) string {
		w.WriteString(line + "\n")
		w.Flush()
		s, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSuffix(s, "\n")
	}
	h := hex.EncodeToString
	rng := rand.New(rand.NewSource(1))
	alpha := "ab*?[]^-\\cA\x00\xff\x80"
	rs := func(n int, al string) string {
		b := make([]byte, rng.Intn(n+1))
		for i := range b {
			b[i] = al[rng.Intn(len(al))]
		}
		return string(b)
	}
	fails := 0
	edge := []string{"1.18973149535723176502e4932", "1.18973149535723176505e4932", "1.189731495357231765053e4932", "1.189731495357231765054e4932", "1.18973149535723176508e4932",
		"1.8225997659412373012e-4951", "1.82259976594123730126e-4951", "1.8225997659412373013e-4951", "1.822599765941237301264e-4951", "1.822599765941237301265e-4951", "3.64519953188247460252e-4951", "5.4e-4951", "5.5e-4951", "5.46e-4951", "5.467e-4951", "7.29e-4951", "9.1e-4951",
		"3.3621031431120935063e-4932", "3.3621031431120935062e-4932", "3.36210314311209350626e-4932", "6.7e-4932",
		"4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "2.47032822920623272e-324", "1.7976931348623158e308", "1.7976931348623159e308", "2.2250738585072011e-308", "2.2250738585072014e-308",
		"0x1p-16445", "0x1p-16446", "0x1.00000000000000001p-16446", "0x1.8p-16445", "0x1.4p-16444", "0x1.fffffffffffffffep16383", "0x1.ffffffffffffffffp16383", "0x1p16384", "0x0.000000001p-16410",
		"0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023",
		"-0", "-0.0e5", "0e999999999999999999999", "1e-99999999999999999999", "1e99999999999999999999", "0x0p99999999999999999", ".e1", "-.", "+.5e-3", "1e+5", "1E-05", "0x1P+3", "0x1p-3", "INF", "-INFINITY", "NaN", "-nan", "nan(abc)", "nan()",
	}
	for _, s := range edge {
		for _, s2 := range []string{s, strings.Repeat("0", 3000) + s, s + "0", "-" + s} {
			want := ask("d " + h([]byte(s2)))
			f, ok := ParseDouble(s2)
			got := "err"
			if ok {
				got = "ok " + FormatDouble(f)
			}
			if got != want {
				t.Errorf("edge ParseDouble(%q) got %q want %q", s2, got, want)
			}
			want = ask("ld " + h([]byte(s2)))
			ld, ok := ParseLongDouble(s2)
			got = "err"
			if ok {
				got = "ok " + FormatHuman(ld) + " " + FormatAuto(ld)
			}
			if got != want {
				t.Errorf("edge ParseLongDouble(%q) got %q want %q", s2, got, want)
			}
			for _, s3 := range edge {
				want = ask("add " + h([]byte(s2)) + " " + h([]byte(s3)))
				ld2, ok2 := ParseLongDouble(s3)
				got = "err"
				if ok && ok2 {
					sum, ok := Add(ld, ld2)
					if ok {
						got = "ok " + FormatHuman(sum)
					} else {
						got = "naninf"
					}
				}
				if got != want {
					t.Errorf("edge Add(%q,%q) got %q want %q", s2, s3, got, want)
				}
			}
		}
	}
	for i := 0; i < 300000 && fails < 20; i++ {
		p, s := rs(10, alpha), rs(8, "abcA-]\\\x00\xff\x80[")
		nc := rng.Intn(2)
		want := ask(fmt.Sprintf("m %d %s %s", nc, h([]byte(p)), h([]byte(s)))) == "1"
		if got := Match(p, s, nc == 1); got != want {
			t.Errorf("Match(%q,%q,%d)=%v want %v", p, s, nc, got, want)
			fails++
		}
	}
	numAl := "0123456789.eE+-xXpPabcdfinINtyAF _"
	gen := func() string {
		switch rng.Intn(6) {
		case 0:
			return rs(12, numAl)
		case 1:
			return fmt.Sprintf("%de%d", rng.Intn(100000), rng.Intn(10000)-5000)
		case 2:
			return fmt.Sprintf("%.*f", rng.Intn(25), (rng.Float64()-0.5)*math.Pow(10, float64(rng.Intn(40)-20)))
		case 3:
			return fmt.Sprintf("0x%x.%xp%d", rng.Int63(), rng.Intn(1000), rng.Intn(40000)-20000)
		case 4:
			return fmt.Sprintf("%d.%de%d", rng.Intn(10), rng.Int63(), rng.Intn(700)-350)
		default:
			return fmt.Sprintf("%g", math.Float64frombits(rng.Uint64()))
		}
	}
	for i := 0; i < 100000 && fails < 40; i++ {
		s := gen()
		want := ask("d " + h([]byte(s)))
		f, ok := ParseDouble(s)
		got := "err"
		if ok {
			got = "ok " + FormatDouble(f)
		}
		if got != want {
			t.Errorf("ParseDouble(%q) got %q want %q", s, got, want)
			fails++
		}
		want = ask("ld " + h([]byte(s)))
		ld, ok := ParseLongDouble(s)
		got = "err"
		if ok {
			got = "ok " + FormatHuman(ld) + " " + FormatAuto(ld)
		}
		if got != want {
			t.Errorf("ParseLongDouble(%q) got %q want %q", s, got, want)
			fails++
		}
		s2 := gen()
		want = ask("add " + h([]byte(s)) + " " + h([]byte(s2)))
		ld2, ok2 := ParseLongDouble(s2)
		got = "err"
		if ok && ok2 {
			sum, ok := Add(ld, ld2)
			if ok {
				got = "ok " + FormatHuman(sum)
			} else {
				got = "naninf"
			}
		}
		if got != want {
			t.Errorf("Add(%q,%q) got %q want %q", s, s2, got, want)
			fails++
		}
		u := rng.Uint64()
		if rng.Intn(3) == 0 {
			u = math.Float64bits(float64(rng.Intn(100000)) / math.Pow(10, float64(rng.Intn(30))))
		}
		want = ask(fmt.Sprintf("g %x", u))
		if got := FormatDouble(math.Float64frombits(u)); got != want && !math.IsNaN(math.Float64frombits(u)) && !math.IsInf(math.Float64frombits(u), 0) {
			t.Errorf("FormatDouble(%x) got %q want %q", u, got, want)
			fails++
		}
	}
}
