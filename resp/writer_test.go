package resp

import (
	"math"
	"testing"
)

// The expected bytes were captured from redis-server 7.0.15 (HELLO 2 and
// HELLO 3 connections, DEBUG PROTOCOL and ordinary commands).
var writerCases = []struct {
	name       string
	write      func(w *Writer)
	resp2, re3 string
}{
	{"simple OK", func(w *Writer) { w.Simple("OK") }, "+OK\r\n", "+OK\r\n"},
	{"error", func(w *Writer) { w.Error("ERR wrong number of arguments for 'get' command") },
		"-ERR wrong number of arguments for 'get' command\r\n", "-ERR wrong number of arguments for 'get' command\r\n"},
	{"error with newline", func(w *Writer) { w.Error("ERR unknown command 'foo\nbar', with args beginning with: ") },
		"-ERR unknown command 'foo bar', with args beginning with: \r\n", "-ERR unknown command 'foo bar', with args beginning with: \r\n"},
	{"error with CR", func(w *Writer) { w.Error("ERR a\r\nb") }, "-ERR a  b\r\n", "-ERR a  b\r\n"},
	{"int 1", func(w *Writer) { w.Int(1) }, ":1\r\n", ":1\r\n"},
	{"int 0", func(w *Writer) { w.Int(0) }, ":0\r\n", ":0\r\n"},
	{"int two digits", func(w *Writer) { w.Int(10); w.Int(42); w.Int(99); w.Int(100) }, ":10\r\n:42\r\n:99\r\n:100\r\n", ":10\r\n:42\r\n:99\r\n:100\r\n"},
	{"int negative", func(w *Writer) { w.Int(-12345) }, ":-12345\r\n", ":-12345\r\n"},
	{"int min", func(w *Writer) { w.Int(math.MinInt64) }, ":-9223372036854775808\r\n", ":-9223372036854775808\r\n"},
	{"int max", func(w *Writer) { w.Int(math.MaxInt64) }, ":9223372036854775807\r\n", ":9223372036854775807\r\n"},
	{"bulk", func(w *Writer) { w.Bulk("v") }, "$1\r\nv\r\n", "$1\r\nv\r\n"},
	{"bulk empty", func(w *Writer) { w.Bulk("") }, "$0\r\n\r\n", "$0\r\n\r\n"},
	{"bulk binary", func(w *Writer) { w.Bulk("a\x00b") }, "$3\r\na\x00b\r\n", "$3\r\na\x00b\r\n"},
	{"bulk bytes", func(w *Writer) { w.BulkBytes([]byte("hello world")) }, "$11\r\nhello world\r\n", "$11\r\nhello world\r\n"},
	{"null bulk (GET missing)", func(w *Writer) { w.NullBulk() }, "$-1\r\n", "_\r\n"},
	{"null array (BLPOP timeout)", func(w *Writer) { w.NullArray() }, "*-1\r\n", "_\r\n"},
	{"array (LRANGE)", func(w *Writer) { w.Array(2); w.Bulk("a"); w.Bulk("b") }, "*2\r\n$1\r\na\r\n$1\r\nb\r\n", "*2\r\n$1\r\na\r\n$1\r\nb\r\n"},
	{"array empty", func(w *Writer) { w.Array(0) }, "*0\r\n", "*0\r\n"},
	{"array big", func(w *Writer) { w.Array(12345) }, "*12345\r\n", "*12345\r\n"},
	{"map (HGETALL)", func(w *Writer) { w.Map(1); w.Bulk("f"); w.Bulk("v") }, "*2\r\n$1\r\nf\r\n$1\r\nv\r\n", "%1\r\n$1\r\nf\r\n$1\r\nv\r\n"},
	{"map (DEBUG PROTOCOL map)", func(w *Writer) {
		w.Map(3)
		for i := 0; i < 3; i++ {
			w.Int(int64(i))
			w.Bool(i == 1)
		}
	}, "*6\r\n:0\r\n:0\r\n:1\r\n:1\r\n:2\r\n:0\r\n", "%3\r\n:0\r\n#f\r\n:1\r\n#t\r\n:2\r\n#f\r\n"},
	{"set (SMEMBERS)", func(w *Writer) { w.Set(1); w.Bulk("m") }, "*1\r\n$1\r\nm\r\n", "~1\r\n$1\r\nm\r\n"},
	{"push (SUBSCRIBE)", func(w *Writer) { w.Push(3); w.Bulk("subscribe"); w.Bulk("ch"); w.Int(1) },
		"*3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n", ">3\r\n$9\r\nsubscribe\r\n$2\r\nch\r\n:1\r\n"},
	{"double 1e20", func(w *Writer) { w.Double(1e20) }, "$5\r\n1e+20\r\n", ",1e+20\r\n"},
	{"double 3e-05", func(w *Writer) { w.Double(3e-05) }, "$22\r\n3.0000000000000001e-05\r\n", ",3.0000000000000001e-05\r\n"},
	{"double 10.5", func(w *Writer) { w.Double(10.5) }, "$4\r\n10.5\r\n", ",10.5\r\n"},
	{"double 0.1", func(w *Writer) { w.Double(0.1) }, "$19\r\n0.10000000000000001\r\n", ",0.10000000000000001\r\n"},
	{"double 0", func(w *Writer) { w.Double(0) }, "$1\r\n0\r\n", ",0\r\n"},
	{"double 3.141", func(w *Writer) { w.Double(3.141) }, "$5\r\n3.141\r\n", ",3.141\r\n"},
	{"double inf", func(w *Writer) { w.Double(math.Inf(1)) }, "$3\r\ninf\r\n", ",inf\r\n"},
	{"double -inf", func(w *Writer) { w.Double(math.Inf(-1)) }, "$4\r\n-inf\r\n", ",-inf\r\n"},
	{"bool true", func(w *Writer) { w.Bool(true) }, ":1\r\n", "#t\r\n"},
	{"bool false", func(w *Writer) { w.Bool(false) }, ":0\r\n", "#f\r\n"},
	{"bignum", func(w *Writer) { w.BigNumber("1234567999999999999999999999999999999") },
		"$37\r\n1234567999999999999999999999999999999\r\n", "(1234567999999999999999999999999999999\r\n"},
	{"verbatim", func(w *Writer) { w.Verbatim("This is a verbatim\nstring", "txt") },
		"$25\r\nThis is a verbatim\nstring\r\n", "=29\r\ntxt:This is a verbatim\nstring\r\n"},
	{"verbatim short format", func(w *Writer) { w.Verbatim("x", "md") }, "$1\r\nx\r\n", "=5\r\nmd :x\r\n"},
	{"verbatim long format", func(w *Writer) { w.Verbatim("x", "markdown") }, "$1\r\nx\r\n", "=5\r\nmar:x\r\n"},
	{"raw", func(w *Writer) { w.Raw([]byte("+QUEUED\r\n")) }, "+QUEUED\r\n", "+QUEUED\r\n"},
	{"value attribute (DEBUG PROTOCOL attrib)", func(w *Writer) {
		w.Value(Value{Kind: Attribute, Elems: []Value{
			{Kind: BulkString, Str: "key-popularity"},
			{Kind: Array, Elems: []Value{{Kind: BulkString, Str: "key:123"}, {Kind: Integer, Int: 90}}},
		}})
		w.Bulk("Some real reply following the attribute")
	}, "$39\r\nSome real reply following the attribute\r\n",
		"|1\r\n$14\r\nkey-popularity\r\n*2\r\n$7\r\nkey:123\r\n:90\r\n$39\r\nSome real reply following the attribute\r\n"},
	{"value null", func(w *Writer) { w.Value(Value{Kind: Null}) }, "$-1\r\n", "_\r\n"},
	{"value nil bulk", func(w *Writer) { w.Value(Value{Kind: BulkString, Nil: true}) }, "$-1\r\n", "_\r\n"},
	{"value nil array", func(w *Writer) { w.Value(Value{Kind: Array, Nil: true}) }, "*-1\r\n", "_\r\n"},
	{"value bulk error", func(w *Writer) { w.Value(Value{Kind: BulkError, Str: "SYNTAX x"}) }, "-SYNTAX x\r\n", "!8\r\nSYNTAX x\r\n"},
	{"value map", func(w *Writer) {
		w.Value(Value{Kind: Map, Elems: []Value{{Kind: SimpleString, Str: "a"}, {Kind: Double, Float: 1.5}}})
	}, "*2\r\n+a\r\n$3\r\n1.5\r\n", "%1\r\n+a\r\n,1.5\r\n"},
	{"value set push", func(w *Writer) {
		w.Value(Value{Kind: Set, Elems: []Value{{Kind: Boolean, Bool: true}}})
		w.Value(Value{Kind: Push, Elems: []Value{{Kind: BigNumber, Str: "-1"}}})
	}, "*1\r\n:1\r\n*1\r\n$2\r\n-1\r\n", "~1\r\n#t\r\n>1\r\n(-1\r\n"},
	{"value verbatim error int simple", func(w *Writer) {
		w.Value(Value{Kind: Verbatim, Str: "hi", Format: "txt"})
		w.Value(Value{Kind: Error, Str: "ERR x"})
		w.Value(Value{Kind: Integer, Int: 7})
		w.Value(Value{Kind: SimpleString, Str: "OK"})
	}, "$2\r\nhi\r\n-ERR x\r\n:7\r\n+OK\r\n", "=6\r\ntxt:hi\r\n-ERR x\r\n:7\r\n+OK\r\n"},
}

func TestWriter(t *testing.T) {
	for _, tc := range writerCases {
		for _, proto := range []int{2, 3} {
			w := NewWriter(proto)
			tc.write(w)
			want := tc.resp2
			if proto == 3 {
				want = tc.re3
			}
			if got := string(w.Bytes()); got != want {
				t.Errorf("%s RESP%d: got %q, want %q", tc.name, proto, got, want)
			}
			if w.Len() != len(want) {
				t.Errorf("%s RESP%d: Len %d, want %d", tc.name, proto, w.Len(), len(want))
			}
		}
	}
}

func TestWriterZeroValueAndReset(t *testing.T) {
	var w Writer
	if w.Protocol() != 2 {
		t.Fatalf("zero Writer protocol %d", w.Protocol())
	}
	w.NullBulk()
	if string(w.Bytes()) != "$-1\r\n" {
		t.Fatalf("zero Writer wrote %q", w.Bytes())
	}
	c := cap(w.Bytes())
	w.Reset()
	if w.Len() != 0 || cap(w.buf) != c {
		t.Fatalf("Reset: len %d cap %d, want 0 %d", w.Len(), cap(w.buf), c)
	}
	w.SetProtocol(3)
	if w.Protocol() != 3 {
		t.Fatal("SetProtocol(3)")
	}
	w.SetProtocol(0)
	if w.Protocol() != 2 {
		t.Fatal("SetProtocol(0)")
	}
}

// TestFormatDouble checks %.17g against values printed by glibc.
func TestFormatDouble(t *testing.T) {
	cases := map[float64]string{
		1e20: "1e+20", 1e16: "10000000000000000", 1e17: "1e+17", 123456789012345678: "1.2345678901234568e+17",
		0.0001: "0.0001", 0.00001: "1.0000000000000001e-05", 1.5: "1.5", -2.25: "-2.25", 100: "100",
		math.Copysign(0, -1): "-0", 1e308: "1e+308", 5e-324: "4.9406564584124654e-324",
		1.0 / 3: "0.33333333333333331", math.NaN(): "nan", 12345.678: "12345.678",
	}
	for f, want := range cases {
		if got := string(AppendDouble(nil, f)); got != want {
			t.Errorf("AppendDouble(%v) = %q, want %q", f, got, want)
		}
	}
}

func TestWriterAllocs(t *testing.T) {
	w := NewWriter(2)
	w.buf = make([]byte, 0, 1<<16)
	n := testing.AllocsPerRun(100, func() {
		w.Reset()
		w.Array(3)
		w.Int(12345678)
		w.Bulk("hello")
		w.BulkBytes([]byte("x"))
		w.Double(1.5)
		w.Simple("OK")
	})
	if n != 0 {
		t.Fatalf("Writer allocates %v times per run", n)
	}
}
