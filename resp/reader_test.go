package resp

import (
	"bytes"
	"errors"
	"io"
	"math"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

var roundTripValues = []Value{
	{Kind: SimpleString, Str: "OK"},
	{Kind: SimpleString, Str: ""},
	{Kind: Error, Str: "ERR syntax error"},
	{Kind: Integer, Int: 0},
	{Kind: Integer, Int: math.MinInt64},
	{Kind: Integer, Int: math.MaxInt64},
	{Kind: BulkString, Str: ""},
	{Kind: BulkString, Str: "a\r\nb\x00"},
	{Kind: BulkString, Str: strings.Repeat("x", 100000)},
	{Kind: Null},
	{Kind: Double, Float: 1.5},
	{Kind: Double, Float: 0.1},
	{Kind: Double, Float: 1e300},
	{Kind: Double, Float: math.Inf(1)},
	{Kind: Double, Float: math.Inf(-1)},
	{Kind: Boolean, Bool: true},
	{Kind: Boolean, Bool: false},
	{Kind: BigNumber, Str: "-1234567999999999999999999999999999999"},
	{Kind: BulkError, Str: "SYNTAX invalid\r\nsyntax"},
	{Kind: Verbatim, Format: "txt", Str: "Some string"},
	{Kind: Verbatim, Format: "mkd", Str: ""},
	{Kind: Array, Elems: []Value{}},
	{Kind: Array, Elems: []Value{{Kind: Integer, Int: 1}, {Kind: Array, Elems: []Value{{Kind: Null}, {Kind: BulkString, Str: "x"}}}}},
	{Kind: Map, Elems: []Value{{Kind: SimpleString, Str: "first"}, {Kind: Integer, Int: 1}, {Kind: BulkString, Str: "second"}, {Kind: Double, Float: 2}}},
	{Kind: Set, Elems: []Value{{Kind: SimpleString, Str: "a"}, {Kind: Boolean, Bool: true}}},
	{Kind: Push, Elems: []Value{{Kind: BulkString, Str: "message"}, {Kind: BulkString, Str: "ch"}, {Kind: BulkString, Str: "hi"}}},
	{Kind: Attribute, Elems: []Value{{Kind: BulkString, Str: "key-popularity"}, {Kind: Array, Elems: []Value{{Kind: BulkString, Str: "key:123"}, {Kind: Integer, Int: 90}}}}},
}

func encode3(vs ...Value) []byte {
	w := NewWriter(3)
	for _, v := range vs {
		w.Value(v)
	}
	return w.Bytes()
}

func TestReaderRoundTrip(t *testing.T) {
	all := encode3(roundTripValues...)
	// One byte at a time exercises every refill path.
	for _, src := range []io.Reader{bytes.NewReader(all), iotest.OneByteReader(bytes.NewReader(all)), iotest.DataErrReader(bytes.NewReader(all))} {
		r := NewReader(src)
		for _, want := range roundTripValues {
			got, err := r.ReadValue()
			if err != nil {
				t.Fatalf("%v: %v", want.Kind, err)
			}
			if !reflect.DeepEqual(normalize(got), normalize(want)) {
				t.Fatalf("got %#v, want %#v", got, want)
			}
		}
		if _, err := r.ReadValue(); err != io.EOF {
			t.Fatalf("at end: %v, want io.EOF", err)
		}
	}
	// Parse: the same values from one buffer, and incomplete for every prefix.
	b := all
	for _, want := range roundTripValues {
		enc := encode3(want)
		for i := 0; i < len(enc); i += 1 + i/64 {
			if _, n, err := Parse(enc[:i]); n != 0 || err != nil {
				t.Fatalf("%v prefix %d: n %d err %v", want.Kind, i, n, err)
			}
		}
		got, n, err := Parse(b)
		if err != nil || n != len(enc) || !reflect.DeepEqual(normalize(got), normalize(want)) {
			t.Fatalf("Parse: %#v %d %v, want %#v", got, n, err, want)
		}
		b = b[n:]
	}
}

// normalize maps empty Elems to nil for comparison.
func normalize(v Value) Value {
	if len(v.Elems) == 0 {
		v.Elems = nil
	}
	for i := range v.Elems {
		v.Elems[i] = normalize(v.Elems[i])
	}
	return v
}

func TestReaderRESP2Nulls(t *testing.T) {
	r := NewReader(strings.NewReader("$-1\r\n*-1\r\n"))
	v, err := r.ReadValue()
	if err != nil || v.Kind != BulkString || !v.Nil || !v.IsNull() {
		t.Fatalf("%#v %v", v, err)
	}
	v, err = r.ReadValue()
	if err != nil || v.Kind != Array || !v.Nil || !v.IsNull() {
		t.Fatalf("%#v %v", v, err)
	}
}

func TestReadRaw(t *testing.T) {
	in := "*2\r\n|1\r\n+a\r\n+b\r\n:1\r\n$3\r\nfoo\r\n+OK\r\n"
	r := NewReader(iotest.HalfReader(strings.NewReader(in)))
	raw, err := r.ReadRaw()
	if err != nil || string(raw) != "*2\r\n|1\r\n+a\r\n+b\r\n:1\r\n$3\r\nfoo\r\n" {
		t.Fatalf("%q %v", raw, err)
	}
	raw2, err := r.ReadRaw()
	if err != nil || string(raw2) != "+OK\r\n" || string(raw) != "*2\r\n|1\r\n+a\r\n+b\r\n:1\r\n$3\r\nfoo\r\n" {
		t.Fatalf("%q %v (first now %q)", raw2, err, raw)
	}
	if _, err := r.ReadRaw(); err != io.EOF {
		t.Fatalf("%v, want EOF", err)
	}
}

func TestReaderAttributes(t *testing.T) {
	// Top level: the attribute, then the value. Nested: dropped.
	in := "|1\r\n+k\r\n+v\r\n:5\r\n*2\r\n|1\r\n+k\r\n+v\r\n:1\r\n:2\r\n"
	r := NewReader(strings.NewReader(in))
	v, _ := r.ReadValue()
	if v.Kind != Attribute || len(v.Elems) != 2 {
		t.Fatalf("got %v", v)
	}
	v, _ = r.ReadValue()
	if v.Kind != Integer || v.Int != 5 {
		t.Fatalf("got %v", v)
	}
	v, _ = r.ReadValue()
	if v.Kind != Array || len(v.Elems) != 2 || v.Elems[0].Int != 1 || v.Elems[1].Int != 2 {
		t.Fatalf("got %v", v)
	}
}

func TestReaderMalformed(t *testing.T) {
	bad := []string{
		"\r\n", "x\r\n", "+OK\n", ":abc\r\n", ":\r\n", ":1.5\r\n", ":99999999999999999999\r\n",
		"$-2\r\n", "$abc\r\n", "$3\r\nabcd\r\n", "$3\r\nabcXY", "!-1\r\n", "=-1\r\n", "=2\r\nab\r\n", "=4\r\nabcd\r\n",
		"*-2\r\n", "~-1\r\n", "%-1\r\n", "*x\r\n", "_x\r\n", "#x\r\n", "#\r\n", ",abc\r\n", "(\r\n", "(12a\r\n",
		"$?\r\n", "*?\r\n", "*1\r\n+a\n",
	}
	for _, in := range bad {
		_, err := NewReader(strings.NewReader(in)).ReadValue()
		var pe *ProtocolError
		if !errors.As(err, &pe) || !strings.HasPrefix(pe.Msg, "resp: ") {
			t.Errorf("%q: err %v, want a ProtocolError", in, err)
		}
		if _, n, err := Parse([]byte(in)); err == nil || n != 0 {
			t.Errorf("Parse(%q): n %d err %v", in, n, err)
		}
	}
	for _, in := range []string{"+OK", "$3\r\nab", "*2\r\n:1\r\n", "$3\r\nabc", "%1\r\n+a\r\n"} {
		if _, err := NewReader(strings.NewReader(in)).ReadValue(); err != io.ErrUnexpectedEOF {
			t.Errorf("%q: %v, want ErrUnexpectedEOF", in, err)
		}
	}
	sentinel := errors.New("boom")
	if _, err := NewReader(iotest.ErrReader(sentinel)).ReadValue(); err != sentinel {
		t.Errorf("got %v, want the reader's error", err)
	}
}

func TestReaderLimits(t *testing.T) {
	l := Limits{MaxBulk: 10, MaxElems: 4, MaxDepth: 3, MaxInline: 16}
	ok := []string{"$10\r\n0123456789\r\n", "*4\r\n:1\r\n:2\r\n:3\r\n:4\r\n", "%2\r\n:1\r\n:2\r\n:3\r\n:4\r\n",
		"*1\r\n*1\r\n*1\r\n:1\r\n", "+" + strings.Repeat("a", 15) + "\r\n"}
	bad := []string{"$11\r\n01234567890\r\n", "*5\r\n", "%3\r\n", "*1\r\n*1\r\n*1\r\n*1\r\n:1\r\n",
		"+" + strings.Repeat("a", 17) + "\r\n", "+" + strings.Repeat("a", 100)}
	for _, in := range ok {
		if _, err := NewReaderLimits(strings.NewReader(in), l).ReadValue(); err != nil {
			t.Errorf("%q: %v", in, err)
		}
	}
	for _, in := range bad {
		_, err := NewReaderLimits(strings.NewReader(in), l).ReadValue()
		if _, isPE := err.(*ProtocolError); !isPE {
			t.Errorf("%q: %v, want a limit error", in, err)
		}
	}
	// Hostile lengths with no data behind them allocate little.
	for _, in := range []string{"$536870912\r\nab", "*2147483647\r\n:1\r\n", "%1073741823\r\n"} {
		allocs := testing.AllocsPerRun(5, func() {
			NewReader(strings.NewReader(in)).ReadValue()
		})
		if allocs > 20 {
			t.Errorf("%q: %v allocs", in, allocs)
		}
	}
	// Deep nesting fails cleanly at the default depth.
	deep := strings.Repeat("*1\r\n", 100000) + ":1\r\n"
	if _, err := NewReader(strings.NewReader(deep)).ReadValue(); err == nil {
		t.Error("deep nesting accepted")
	}
}

func TestValueString(t *testing.T) {
	v := Value{Kind: Array, Elems: []Value{
		{Kind: BulkString, Str: "a\"b\n"},
		{Kind: Integer, Int: 3},
		{Kind: BulkString, Nil: true},
		{Kind: Array, Elems: []Value{{Kind: SimpleString, Str: "OK"}, {Kind: Error, Str: "ERR x"}}},
		{Kind: Map, Elems: []Value{{Kind: BulkString, Str: "k"}, {Kind: Double, Float: 1.5}}},
		{Kind: Boolean, Bool: true},
		{Kind: Array, Elems: []Value{}},
	}}
	want := "1) \"a\\\"b\\n\"\n2) (integer) 3\n3) (nil)\n4) 1) OK\n   2) (error) ERR x\n5) 1# \"k\" => (double) 1.5\n6) (true)\n7) (empty array)"
	if got := v.String(); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
	if (Value{Kind: Error, Str: "ERR x"}).Err().Error() != "ERR x" || (Value{Kind: Integer}).Err() != nil {
		t.Fatal("Err")
	}
	if ErrorReply("WRONGTYPE Operation").Prefix() != "WRONGTYPE" {
		t.Fatal("Prefix")
	}
}
