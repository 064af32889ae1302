package redistest

import (
	"bufio"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// validReplies holds one example of every RESP2 and RESP3 type, including
// the awkward ones: empty and binary bulks, nulls, nesting, attributes.
var validReplies = []struct {
	name string
	raw  string
	show string // Value.String()
}{
	{"simple", "+OK\r\n", "OK"},
	{"simple-empty", "+\r\n", ""},
	{"error", "-ERR unknown command 'FOO'\r\n", "(error) ERR unknown command 'FOO'"},
	{"integer", ":1000\r\n", "1000"},
	{"integer-neg", ":-9223372036854775808\r\n", "-9223372036854775808"},
	{"integer-zero", ":0\r\n", "0"},
	{"bulk", "$5\r\nhello\r\n", `"hello"`},
	{"bulk-empty", "$0\r\n\r\n", `""`},
	{"bulk-binary", "$6\r\na\r\nb\x00c\r\n", `"a\r\nb\x00c"`},
	{"bulk-null", "$-1\r\n", "(nil)"},
	{"array", "*2\r\n$1\r\na\r\n:2\r\n", `["a" 2]`},
	{"array-empty", "*0\r\n", "[]"},
	{"array-null", "*-1\r\n", "(nil)"},
	{"array-nested", "*2\r\n*1\r\n$-1\r\n*0\r\n", "[[(nil)] []]"},
	{"null", "_\r\n", "(nil)"},
	{"double", ",3.14\r\n", "3.14"},
	{"double-exp", ",1.5e+20\r\n", "1.5e+20"},
	{"double-inf", ",inf\r\n", "inf"},
	{"double-neginf", ",-inf\r\n", "-inf"},
	{"double-nan", ",nan\r\n", "nan"},
	{"true", "#t\r\n", "true"},
	{"false", "#f\r\n", "false"},
	{"bignum", "(3492890328409238509324850943850943825024385\r\n", "3492890328409238509324850943850943825024385"},
	{"bignum-neg", "(-3492890328409238509324850943850943825024385\r\n", "-3492890328409238509324850943850943825024385"},
	{"bulk-error", "!21\r\nSYNTAX invalid syntax\r\n", "(error) SYNTAX invalid syntax"},
	{"verbatim", "=15\r\ntxt:Some string\r\n", `"txt:Some string"`},
	{"map", "%2\r\n+first\r\n:1\r\n+second\r\n:2\r\n", "{first: 1 second: 2}"},
	{"map-empty", "%0\r\n", "{}"},
	{"set", "~3\r\n+a\r\n+b\r\n,1.5\r\n", "set[a b 1.5]"},
	{"push", ">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$3\r\nmsg\r\n", `push["message" "ch" "msg"]`},
	{"attribute", "|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.1923\r\n*2\r\n:2039123\r\n:9543892\r\n", "[2039123 9543892]"},
	{"attribute-nested", "*2\r\n|1\r\n+ttl\r\n:3600\r\n:1\r\n:2\r\n", "[1 2]"},
	{"deep", "*1\r\n%1\r\n~1\r\n>1\r\n*1\r\n$1\r\nx\r\n*0\r\n", `[{set[push[["x"]]]: []}]`},
}

func TestReadReplyEveryType(t *testing.T) {
	for _, tc := range validReplies {
		t.Run(tc.name, func(t *testing.T) {
			// A second reply follows, to check the scanner reads exactly one.
			const next = ":42\r\n"
			r := bufio.NewReader(strings.NewReader(tc.raw + next))
			got, err := ReadReply(r)
			if err != nil {
				t.Fatalf("ReadReply(%q): %v", tc.raw, err)
			}
			if string(got) != tc.raw {
				t.Fatalf("ReadReply = %q, want %q", got, tc.raw)
			}
			rest, _ := io.ReadAll(r)
			if string(rest) != next {
				t.Fatalf("left %q unread, want %q", rest, next)
			}

			v, err := Parse([]byte(tc.raw))
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.raw, err)
			}
			if enc := v.Encode(); string(enc) != tc.raw {
				t.Errorf("Encode(Parse(%q)) = %q", tc.raw, enc)
			}
			if s := v.String(); s != tc.show {
				t.Errorf("String() = %s, want %s", s, tc.show)
			}
		})
	}
}

// Every reply, delivered one byte at a time and split at every offset, must
// scan the same as when delivered whole.
func TestReadReplySplitReads(t *testing.T) {
	for _, tc := range validReplies {
		got, err := ReadReply(bufio.NewReaderSize(iotest.OneByteReader(strings.NewReader(tc.raw)), 16))
		if err != nil || string(got) != tc.raw {
			t.Errorf("%s one byte at a time: got %q, %v", tc.name, got, err)
		}
		for split := 1; split < len(tc.raw); split++ {
			r := bufio.NewReaderSize(&chunkReader{chunks: []string{tc.raw[:split], tc.raw[split:]}}, 16)
			got, err := ReadReply(r)
			if err != nil || string(got) != tc.raw {
				t.Errorf("%s split at %d: got %q, %v", tc.name, split, got, err)
			}
		}
	}
}

// Split across a real connection with a pause, through Client.
func TestClientSplitAcrossWrites(t *testing.T) {
	raw := "*3\r\n$3\r\nfoo\r\n%1\r\n+k\r\n,1.5\r\n_\r\n"
	for split := 1; split < len(raw); split++ {
		a, b := net.Pipe()
		go func() {
			defer b.Close()
			b.Write([]byte(raw[:split]))
			time.Sleep(time.Millisecond)
			b.Write([]byte(raw[split:]))
		}()
		c := NewClient(a)
		got, err := c.ReadRaw()
		if err != nil || string(got) != raw {
			t.Fatalf("split at %d: got %q, %v", split, got, err)
		}
		c.Close()
	}
}

func TestReadReplyLongLine(t *testing.T) {
	// Longer than bufio's buffer: the scanner must keep reading.
	raw := "+" + strings.Repeat("x", 10000) + "\r\n"
	got, err := ReadReply(bufio.NewReaderSize(strings.NewReader(raw), 16))
	if err != nil || string(got) != raw {
		t.Fatalf("got %d bytes, %v", len(got), err)
	}
	big := "$100000\r\n" + strings.Repeat("y", 100000) + "\r\n"
	got, err = ReadReply(bufio.NewReaderSize(strings.NewReader(big), 16))
	if err != nil || string(got) != big {
		t.Fatalf("big bulk: got %d bytes, %v", len(got), err)
	}
}

func TestReadReplyMalformed(t *testing.T) {
	bad := []string{
		"OK\r\n",                     // no type byte
		"\r\n",                       // empty line
		"+OK\n",                      // LF without CR
		"+O\rK\r\n",                  // bare CR
		":12a\r\n",                   // bad integer
		":+1\r\n",                    // non-canonical integer
		":01\r\n",                    // leading zero
		":-0\r\n",                    // negative zero
		":99999999999999999999\r\n",  // overflow
		"$03\r\nabc\r\n",             // non-canonical length
		"$-2\r\n",                    // bad null
		"$3\r\nabcd\r\n",             // payload longer than length
		"$3\r\nab\r\n\r\n",           // CRLF inside counted payload, then garbage
		"*-1x\r\n",                   // bad length
		"%-1\r\n",                    // RESP3 aggregates have no null length
		"~-1\r\n",                    //
		"!-1\r\n",                    // bulk error has no null
		"=3\r\nabc\r\n",              // verbatim without format prefix
		"#x\r\n",                     // bad boolean
		"_x\r\n",                     // bad null
		",abc\r\n",                   // bad double
		",+1\r\n",                    // non-canonical double
		",0x1p-2\r\n",                // hex float
		"(12x\r\n",                   // bad big number
		"$?\r\n;4\r\nHell\r\n;0\r\n", // streamed strings are not used by Redis
		"@foo\r\n",                   // unknown type
	}
	for _, raw := range bad {
		_, err := ReadReply(bufio.NewReader(strings.NewReader(raw + "+OK\r\n")))
		if !errors.Is(err, ErrProtocol) {
			t.Errorf("ReadReply(%q): err = %v, want ErrProtocol", raw, err)
		}
	}
}

func TestReadReplyTruncated(t *testing.T) {
	for _, tc := range validReplies {
		for cut := 0; cut < len(tc.raw); cut++ {
			_, err := ReadReply(bufio.NewReader(strings.NewReader(tc.raw[:cut])))
			if err == nil {
				t.Errorf("%s cut to %q: no error", tc.name, tc.raw[:cut])
			}
			if cut == 0 && err != io.EOF {
				t.Errorf("empty input: err = %v, want io.EOF", err)
			}
			if cut > 0 && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, ErrProtocol) {
				t.Errorf("%s cut to %q: err = %v, want unexpected EOF", tc.name, tc.raw[:cut], err)
			}
		}
	}
}

func TestParseTrailing(t *testing.T) {
	if _, err := Parse([]byte("+OK\r\n+OK\r\n")); !errors.Is(err, ErrProtocol) {
		t.Errorf("two replies: err = %v", err)
	}
	if _, err := Parse([]byte("*2\r\n:1\r\n")); !errors.Is(err, ErrProtocol) {
		t.Errorf("incomplete: err = %v", err)
	}
}

func TestReadReplyDepthLimit(t *testing.T) {
	raw := strings.Repeat("*1\r\n", maxDepth+10) + ":1\r\n"
	if _, err := ReadReply(bufio.NewReader(strings.NewReader(raw))); !errors.Is(err, ErrProtocol) {
		t.Errorf("err = %v, want ErrProtocol", err)
	}
}

func TestEncodeCommand(t *testing.T) {
	got := EncodeCommand("SET", "k", "", "a\r\nb")
	want := "*4\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n$4\r\na\r\nb\r\n"
	if string(got) != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	// A command is an array of bulks: the scanner reads it back.
	v, err := Parse(got)
	if err != nil || len(v.Elems) != 4 || v.Elems[3].Str != "a\r\nb" {
		t.Fatalf("Parse = %v, %v", v, err)
	}
}

func TestClientTimeout(t *testing.T) {
	a, b := net.Pipe()
	defer b.Close()
	c := NewClient(a)
	c.Timeout = 50 * time.Millisecond
	go func() {
		buf := make([]byte, 64)
		b.Read(buf)                 // the command
		b.Write([]byte("*2\r\n:1")) // half a reply, then silence
	}()
	start := time.Now()
	got, err := c.Do("PING")
	if err == nil {
		t.Fatal("no error for a missing reply")
	}
	if time.Since(start) > 5*time.Second {
		t.Fatalf("took %v", time.Since(start))
	}
	if string(got) != "*2\r\n:1" || !strings.Contains(err.Error(), "incomplete reply") {
		t.Fatalf("got %q, %v", got, err)
	}
}

// chunkReader returns its chunks one per Read call.
type chunkReader struct{ chunks []string }

func (r *chunkReader) Read(p []byte) (int, error) {
	if len(r.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.chunks[0])
	r.chunks[0] = r.chunks[0][n:]
	if r.chunks[0] == "" {
		r.chunks = r.chunks[1:]
	}
	return n, nil
}
