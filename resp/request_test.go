package resp

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func TestParseRequestMultibulk(t *testing.T) {
	buf := []byte("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\na\x00b\r\n\r\n")
	args, n, err := ParseRequest(buf, nil)
	if err != nil || n != len(buf) || !reflect.DeepEqual(args, []string{"SET", "k", "a\x00b\r\n"}) {
		t.Fatalf("got %q %d %v", args, n, err)
	}
}

func TestParseRequestPipelined(t *testing.T) {
	buf := []byte("*1\r\n$4\r\nPING\r\nECHO hi\r\n*-1\r\n*0\r\n\r\n\n*2\r\n$4\r\nECHO\r\n$0\r\n\r\n")
	want := [][]string{{"PING"}, {"ECHO", "hi"}, {}, {}, {}, {}, {"ECHO", ""}}
	var got [][]string
	var dst []string
	for len(buf) > 0 {
		args, n, err := ParseRequest(buf, dst)
		if err != nil || n == 0 {
			t.Fatalf("n=%d err=%v at %q", n, err, buf)
		}
		got = append(got, append([]string{}, args...))
		buf = buf[n:]
		dst = args
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// Every proper prefix of a request is incomplete; every split point of a
// pipeline parses to the same requests through the incremental parser.
func TestParseRequestSplits(t *testing.T) {
	reqs := []string{
		"*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$10\r\n0123456789\r\n",
		"SET \"a b\" 'c\\'d' \"\\x41\\n\"\r\n",
		"PING\n",
		"*-1\r\n",
		"*1\r\n$0\r\n\r\n",
	}
	for _, r := range reqs {
		for i := 0; i < len(r); i++ {
			args, n, err := ParseRequest([]byte(r[:i]), nil)
			if n != 0 || err != nil || len(args) != 0 {
				t.Fatalf("prefix %q: args %q n %d err %v", r[:i], args, n, err)
			}
		}
		if _, n, err := ParseRequest([]byte(r), nil); n != len(r) || err != nil {
			t.Fatalf("%q: n %d err %v", r, n, err)
		}
	}
	all := strings.Join(reqs, "")
	var want [][]string
	for b := []byte(all); len(b) > 0; {
		args, n, _ := ParseRequest(b, nil)
		want = append(want, args)
		b = b[n:]
	}
	for i := 0; i <= len(all); i++ {
		for j := i; j <= len(all); j++ {
			got := feedIncremental(t, []string{all[:i], all[i:j], all[j:]})
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("split %d,%d: got %q want %q", i, j, got, want)
			}
		}
	}
}

// feedIncremental feeds chunks to a reqParser the way Pipe does.
func feedIncremental(t *testing.T, chunks []string) [][]string {
	p := reqParser{bulklen: -1}
	var in []byte
	var out [][]string
	for _, c := range chunks {
		in = append(in, c...)
		for {
			done, n, err := p.parse(in)
			if err != nil {
				t.Fatal(err)
			}
			in = in[n:]
			if !done {
				break
			}
			out = append(out, append([]string(nil), p.args...))
		}
	}
	if len(in) != 0 {
		t.Fatalf("left over %q", in)
	}
	return out
}

// Inline behaviour checked against redis-server 7.0.15.
func TestParseRequestInline(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"PING\r\n", []string{"PING"}},
		{"PING\n", []string{"PING"}},
		{"  SET   a\tb  \r\n", []string{"SET", "a", "b"}},
		{"ECHO \"\\x41\\n\\q\" \r\n", []string{"ECHO", "A\nq"}},
		{"ECHO 'it\\'s' \r\n", []string{"ECHO", "it's"}},
		{"ECHO a\vb\r\n", []string{"ECHO", "a\vb"}},
		{"ECHO foo\"bar\"\r\n", []string{"ECHO", "foobar"}},
		{"ECHO \"\\t\\r\\b\\a\\\\\\\"\"\n", []string{"ECHO", "\t\r\b\a\\\""}},
		{"ECHO \"\\xzz\"\n", []string{"ECHO", "xzz"}},
		{"ECHO \"\" ''\n", []string{"ECHO", "", ""}},
		{"ECHO 'a\\nb'\n", []string{"ECHO", "a\\nb"}},
		{"a\rb\n", []string{"a", "b"}},
		{"\r\n", []string{}},
		{"   \r\n", []string{}},
		{"\n", []string{}},
	}
	for _, tc := range cases {
		args, n, err := ParseRequest([]byte(tc.in), nil)
		if err != nil || n != len(tc.in) || !sameArgs(args, tc.want) {
			t.Errorf("%q: got %q %d %v, want %q", tc.in, args, n, err, tc.want)
		}
	}
}

// Error texts checked against redis-server 7.0.15.
func TestParseRequestErrors(t *testing.T) {
	long := strings.Repeat("a", protoInlineMaxSize+1)
	cases := []struct{ in, want string }{
		{"*abc\r\n", "Protocol error: invalid multibulk length"},
		{"*+1\r\n", "Protocol error: invalid multibulk length"},
		{"*01\r\n", "Protocol error: invalid multibulk length"},
		{"*-0\r\n", "Protocol error: invalid multibulk length"},
		{"*\r\n", "Protocol error: invalid multibulk length"},
		{"*3000000000\r\n", "Protocol error: invalid multibulk length"},
		{"*99999999999999999999\r\n", "Protocol error: invalid multibulk length"},
		{"*1\r\n$-1\r\n", "Protocol error: invalid bulk length"},
		{"*1\r\n$abc\r\n", "Protocol error: invalid bulk length"},
		{"*1\r\n$536870913\r\n", "Protocol error: invalid bulk length"},
		{"*1\r\nx\r\n", "Protocol error: expected '$', got 'x'"},
		{"*1\r\n\r\n", "Protocol error: expected '$', got ' '"},
		{"*1\r\n\n\r\n", "Protocol error: expected '$', got ' '"},
		{"*2\r\n$1\r\na\r\n:1\r\n", "Protocol error: expected '$', got ':'"},
		{"SET \"a\"b 1\r\n", "Protocol error: unbalanced quotes in request"},
		{"ECHO \"abc\r\n", "Protocol error: unbalanced quotes in request"},
		{"ECHO 'abc\r\n", "Protocol error: unbalanced quotes in request"},
		{"ECHO 'a'b\r\n", "Protocol error: unbalanced quotes in request"},
		{"ECHO \"a\\\"\n", "Protocol error: unbalanced quotes in request"},
		{long, "Protocol error: too big inline request"},
		{long + "\n", "Protocol error: too big inline request"},
		{"*" + long, "Protocol error: too big mbulk count string"},
		{"*1\r\n$" + long, "Protocol error: too big bulk count string"},
		{"*1\r\n$" + long + "\r\n", "Protocol error: too big bulk count string"},
	}
	for _, tc := range cases {
		args, n, err := ParseRequest([]byte(tc.in), nil)
		pe, ok := err.(*ProtocolError)
		if !ok || pe.Error() != tc.want || n != 0 || len(args) != 0 {
			in := tc.in
			if len(in) > 40 {
				in = in[:40] + "..."
			}
			t.Errorf("%q: got %q %d %v, want %q", in, args, n, err, tc.want)
		}
	}
}

func TestParseRequestLimitsAndQuirks(t *testing.T) {
	// A line of exactly 64KB is accepted.
	line := strings.Repeat("a", protoInlineMaxSize-1) + "\r\n"
	if args, n, err := ParseRequest([]byte(line), nil); err != nil || n != len(line) || len(args[0]) != protoInlineMaxSize-1 {
		t.Fatalf("64KB inline: n %d err %v", n, err)
	}
	// Without a line end, up to 64KB is just incomplete.
	if _, n, err := ParseRequest(bytes.Repeat([]byte("a"), protoInlineMaxSize), nil); n != 0 || err != nil {
		t.Fatalf("64KB partial: n %d err %v", n, err)
	}
	// strchr stops at NUL: the line end after a NUL is not seen.
	for _, in := range []string{"ECHO \x00\r\n", "*1\x00\r\n", "*1\r\n$1\x00\r\n"} {
		if _, n, err := ParseRequest([]byte(in), nil); n != 0 || err != nil {
			t.Fatalf("%q: n %d err %v", in, n, err)
		}
	}
	// The byte after CR in a header and the two bytes after a bulk are not checked.
	in := "*1\rX$4\r\nPINGxx"
	if args, n, err := ParseRequest([]byte(in), nil); err != nil || n != len(in) || !reflect.DeepEqual(args, []string{"PING"}) {
		t.Fatalf("%q: %q %d %v", in, args, n, err)
	}
	// A huge announced count or bulk allocates nothing up front.
	allocs := testing.AllocsPerRun(10, func() {
		ParseRequest([]byte("*2147483647\r\n$536870912\r\nab"), nil)
	})
	if allocs > 1 {
		t.Fatalf("huge headers: %v allocs", allocs)
	}
	// dst is reused.
	dst := make([]string, 0, 8)
	args, _, _ := ParseRequest([]byte("*1\r\n$1\r\na\r\n"), dst)
	if &args[:1][0] != &dst[:1][0] {
		t.Fatal("dst not reused")
	}
}

func TestParseRequestArgsAreCopies(t *testing.T) {
	buf := []byte("*1\r\n$3\r\nabc\r\n")
	args, _, _ := ParseRequest(buf, nil)
	copy(buf, "*1\r\n$3\r\nxyz\r\n")
	if args[0] != "abc" {
		t.Fatal("arg aliases the input buffer")
	}
}

func sameArgs(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}
