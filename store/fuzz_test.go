package store

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/embedis/embedis/internal/redistest"
	"github.com/embedis/embedis/resp"
)

// errorLine is what every error reply says: an upper-case error code
// (ERR, WRONGTYPE, NOAUTH, NOPROTO...), a space and a message.
var errorLine = regexp.MustCompile(`^[A-Z]+ [^\r\n]+$`)

// fuzzSeeds are request streams for FuzzDialBytes: pipelines, inline
// commands, malformed multibulks, and one well-formed request per command
// of the table (added in FuzzDialBytes).
var fuzzSeeds = []string{
	"*1\r\n$4\r\nPING\r\n",
	"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n*1\r\n$4\r\nPING\r\n",
	"PING\r\nECHO \"a\\x41\\n\" 'b\\'c'\nSET \"a b\" 1\r\nINCR \"a b\"\r\n",
	"HELLO 3\r\nSET k 10\r\nINCRBYFLOAT k 0.5\r\nGETEX k EX 100\r\nTTL k\r\nOBJECT ENCODING k\r\n",
	"HELLO 2\r\nHELLO 3 SETNAME x\r\nCLIENT GETNAME\r\nRESET\r\nPING\r\n",
	"SELECT 1\r\nSET a 1\r\nMOVE a 0\r\nSELECT 0\r\nGET a\r\nSWAPDB 0 1\r\nDBSIZE\r\n",
	"SETBIT b 7 1\r\nBITCOUNT b\r\nBITPOS b 1\r\nBITOP NOT c b\r\nBITFIELD b GET u8 0 INCRBY i5 3 100 OVERFLOW SAT SET u4 0 15\r\n",
	"MSET a 1 b 2\r\nMGET a b c\r\nLCS a b IDX WITHMATCHLEN\r\nKEYS *\r\nSCAN 0 COUNT 10 MATCH a*\r\nRANDOMKEY\r\n",
	"SET k v\r\nEXPIRE k 100 GT\r\nPEXPIREAT k 99999999999999 XX\r\nPERSIST k\r\nCOPY k k2 DB 3 REPLACE\r\nRENAME k k3\r\n",
	"SET n 9223372036854775807\r\nINCR n\r\nDECRBY n -9223372036854775808\r\nINCRBYFLOAT n 1e308\r\n",
	"QUIT\r\nPING\r\n",
	"*1\r\n$4\r\nQUIT\r\n*1\r\n$4\r\nPING\r\n",
	"*-1\r\n*0\r\n\r\n\n",
	"*1\rX$4\r\nPINGxx",
	"*1\r\n$-1\r\n", "*abc\r\n", "*1\r\nx\r\n", "SET \"a\"b 1\r\n", "ECHO \x00\r\n", "GET \"abc\r\n",
	"*2147483648\r\n", "*1\r\n$536870913\r\n", "\"", "'", "\\", "*", "$", "\r\n", "\n",
	"*2\r\n$4\r\nECHO\r\n$3\r\na\r\n\r\n", "*1\r\n$0\r\n\r\n", "\"\"\r\n", "   \r\n", "PING\thello\r\n",
	"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$-1\r\n", "*1\r\n$04\r\nPING\r\n", "*01\r\n$4\r\nPING\r\n", "* 1\r\n",
	"*1\r\n$4\r\nPI\x00G\r\n", "POST / HTTP/1.1\r\nHost: x\r\n\r\n",
	"AUTH x\r\nAUTH default x\r\nAUTH a b c\r\nHELLO 3 AUTH default x\r\nHELLO 4\r\n",
	"CLIENT SETNAME a\r\nCLIENT ID\r\nCLIENT INFO\r\nCLIENT HELP\r\nOBJECT HELP\r\nCOMMAND COUNT\r\nCOMMAND INFO get set\r\n",
	"SETRANGE k 536870912 x\r\nSETBIT k 4294967296 1\r\nGETRANGE k -9223372036854775808 9223372036854775807\r\n",
	"FLUSHALL\r\nFLUSHDB ASYNC\r\nTIME\r\nOBJECT IDLETIME k\r\nOBJECT FREQ k\r\n",
}

// mayAllocateHuge reports whether a fuzz input could ask the store for
// hundreds of megabytes: SETRANGE, SETBIT or BITFIELD with a number of 8
// to 10 digits (an offset up to 4294967295). Longer numbers are out of
// range for every offset, so overflow cases still run.
func mayAllocateHuge(data []byte) bool {
	run, big := 0, false
	for i, c := range data {
		if c >= '0' && c <= '9' {
			run++
		}
		if c < '0' || c > '9' || i == len(data)-1 {
			if run >= 8 && run <= 10 {
				big = true
				break
			}
			run = 0
		}
	}
	if !big {
		return false
	}
	l := bytes.ToLower(data)
	return bytes.Contains(l, []byte("setrange")) || bytes.Contains(l, []byte("setbit")) || bytes.Contains(l, []byte("bitfield"))
}

// FuzzDialBytes writes arbitrary bytes to a Dial connection. The store must
// not panic or hang, every reply must be well-formed RESP, every error reply
// must start with an error code, and the connection must end exactly when
// Redis would end it: after QUIT's +OK or a protocol error.
func FuzzDialBytes(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	for _, c := range commandTable {
		name := strings.ReplaceAll(c.name, "|", " ")
		f.Add([]byte(name + " k 1 2\r\n"))
		f.Add(redistest.EncodeCommand(append(strings.Fields(name), "k", "v")...))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if mayAllocateHuge(data) {
			t.Skip("would allocate hundreds of MB")
		}
		for _, password := range []string{"", "pw"} {
			checkDialBytes(t, data, password)
		}
	})
}

func checkDialBytes(t *testing.T, data []byte, password string) {
	t.Helper()
	_, conn := openDialed(t, Options{Clock: NewManualClock(time.Unix(1_700_000_000, 0)), Password: password})

	// Write runs every complete command before it returns (no command of
	// the table may block), so a Write that does not return is a hang.
	type result struct {
		err   error
		panic any
		stack []byte
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{panic: r, stack: debug.Stack()}
			}
		}()
		_, err := conn.Write(data)
		done <- result{err: err}
	}()
	select {
	case r := <-done:
		if r.panic != nil {
			t.Fatalf("password %q: the store panicked on %q: %v\n%s", password, data, r.panic, r.stack)
		}
		if r.err != nil {
			t.Fatalf("password %q: Write(%q): %v", password, data, r.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("password %q: Write(%q) did not return in 10s", password, data)
	}

	// Every reply is queued by now: read them with a deadline already
	// passed, which returns what is queued, then the deadline error (or
	// EOF if the store closed the connection).
	conn.SetReadDeadline(time.Now())
	out, rerr := io.ReadAll(conn)
	closed := rerr == nil // ReadAll turns io.EOF into nil
	if rerr != nil && !errors.Is(rerr, os.ErrDeadlineExceeded) {
		t.Fatalf("password %q: reading the replies to %q: %v", password, data, rerr)
	}
	r := bufio.NewReader(bytes.NewReader(out))
	var last redistest.Value
	n := 0
	for {
		v, raw, err := redistest.ReadValue(r)
		if err == io.EOF && len(raw) == 0 {
			break
		}
		if err != nil {
			t.Fatalf("password %q: reply %d to %q is malformed: %v\nall output: %q", password, n, data, err, out)
		}
		checkErrors(t, v, func() string { return fmt.Sprintf("password %q: reply %d to %q", password, n, data) })
		last = v
		n++
	}
	protoErr := n > 0 && last.Kind == '-' && strings.HasPrefix(last.Str, "ERR Protocol error")
	quitOK := n > 0 && last.Kind == '+' && last.Str == "OK"
	// Redis also drops a connection, without a reply, on a command named
	// POST or Host: (an HTTP request: cross-protocol scripting).
	l := bytes.ToLower(data)
	httpCmd := bytes.Contains(l, []byte("post")) || bytes.Contains(l, []byte("host:"))
	switch {
	case closed && !protoErr && !quitOK && !httpCmd:
		t.Fatalf("password %q: the store closed the connection after %q without a protocol error or QUIT; output %q", password, data, out)
	case protoErr && !closed:
		t.Fatalf("password %q: a protocol error did not close the connection: %q; output %q", password, data, out)
	}
}

// checkErrors checks every error in v, nested ones included.
func checkErrors(t *testing.T, v redistest.Value, what func() string) {
	t.Helper()
	if (v.Kind == '-' || v.Kind == '!') && !errorLine.MatchString(v.Str) {
		t.Fatalf("%s: error reply %q does not start with an error code", what(), v.Str)
	}
	for _, e := range v.Elems {
		checkErrors(t, e, what)
	}
}

// FuzzDo runs arbitrary commands through Do: name, then the arguments
// separated by NUL bytes, on database db%16. Do must not panic; an error
// reply comes back as a resp.ErrorReply with Redis's text, and a value of
// kind resp.Error only with it.
func FuzzDo(f *testing.F) {
	for _, c := range commandTable {
		name := strings.ReplaceAll(c.name, "|", " ")
		parts := strings.Fields(name)
		rest := append(parts[1:], "k", "v")
		f.Add(parts[0], []byte(strings.Join(rest, "\x00")), uint8(0))
		f.Add(strings.ToUpper(parts[0]), []byte(strings.Join(parts[1:], "\x00")), uint8(1))
	}
	for _, s := range [][]string{
		{"SET", "k", "v", "EX", "100", "GET"}, {"SET", "k", "v", "NX", "XX"}, {"INCRBYFLOAT", "k", "1e308"},
		{"SETRANGE", "k", "9223372036854775807", "x"}, {"GETRANGE", "k", "-9223372036854775808", "9223372036854775807"},
		{"BITFIELD", "k", "SET", "i64", "#3", "-9223372036854775808", "INCRBY", "u63", "0", "9223372036854775807"},
		{"BITCOUNT", "k", "0", "-1", "BIT"}, {"BITPOS", "k", "0", "9223372036854775807", "-9223372036854775808", "BIT"},
		{"EXPIRE", "k", "-9223372036854775808"}, {"PEXPIREAT", "k", "9223372036854775807"}, {"EXPIRETIME", "k"},
		{"COPY", "k", "k", "DB", "15", "REPLACE"}, {"MOVE", "k", "99999999999999999999"}, {"SWAPDB", "0", "15"},
		{"LCS", "k", "k", "IDX", "MINMATCHLEN", "-1"}, {"OBJECT", "ENCODING", "k"}, {"HELLO", "3"}, {"QUIT"},
		{"RESET"}, {"POST", "/"}, {"host:", "x"}, {"SELECT", "15"}, {"AUTH", "x"}, {"CLIENT", "SETNAME", "a b"}, {"COMMAND", "INFO"}, {""},
	} {
		f.Add(s[0], []byte(strings.Join(s[1:], "\x00")), uint8(3))
	}
	f.Fuzz(func(t *testing.T, name string, rest []byte, db uint8) {
		args := []string{name}
		if len(rest) > 0 {
			args = append(args, strings.Split(string(rest), "\x00")...)
		}
		if mayAllocateHuge([]byte(strings.Join(args, " "))) {
			t.Skip("would allocate hundreds of MB")
		}
		s, err := Open(Options{Clock: NewManualClock(time.Unix(1_700_000_000, 0))})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		d := s.Select(int(db) % s.Databases())
		// Twice: the second call sees what the first one wrote.
		for range 2 {
			// A blocking command on an empty key waits for its context
			// (the manual clock never reaches its timeout).
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
			v, err := d.Do(ctx, args...)
			cancel()
			var er resp.ErrorReply
			switch {
			case err == nil:
				if v.Kind == resp.Error || v.Kind == resp.BulkError {
					t.Fatalf("Do(%q) = %v with a nil error", args, v)
				}
			case errors.As(err, &er):
				if v.Kind != resp.Error || v.Str != string(er) {
					t.Fatalf("Do(%q): error %q with value %v", args, err, v)
				}
				if !errorLine.MatchString(string(er)) {
					t.Fatalf("Do(%q): error %q does not start with an error code", args, err)
				}
			case strings.EqualFold(name, "POST") || strings.EqualFold(name, "Host:"):
				// Redis drops the connection without a reply: there is
				// no reply to return.
			default:
				t.Fatalf("Do(%q): error %v (%T) is not a resp.ErrorReply", args, err, err)
			}
		}
	})
}

func TestDoNoArgs(t *testing.T) {
	s, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = s.Do(context.Background())
	var er resp.ErrorReply
	if !errors.As(err, &er) || !errorLine.MatchString(string(er)) {
		t.Fatalf("Do() = %v, want an ERR reply", err)
	}
}

// TestDiffMalformedProtocol sends the same raw bytes, malformed or odd, to
// redis-server and to a Store on fresh connections, and compares every
// reply and whether the connection ends (Redis closes it after a protocol
// error, after QUIT, and silently on an HTTP request).
func TestDiffMalformedProtocol(t *testing.T) {
	const quit = "QUIT\r\n"
	ping := "*1\r\n$4\r\nPING\r\n"
	cases := []string{
		ping + "*x\r\n",
		"*-5\r\nPING\r\n" + quit,
		"*1\r\nx\r\n",
		"*1\r\n$-1\r\n",
		"*1\r\n$abc\r\n",
		"*1\r\n$536870913\r\n",
		"*1\r\n$536870912\r\n",
		"*2147483648\r\n",
		"*1\r\n$3\r\nGETxx" + quit,
		"SET \"a b\" c\r\nGET \"a b\"\r\nGET a\\x20b\r\n" + quit,
		"GET \"abc\r\n",
		"GET 'abc\r\n",
		"ECHO \"\\x41\\n\\t\\\"\" 'b\\'c' \"\\xzz\"\r\n" + quit,
		"GET \"a\"b\r\n",
		"GET 'a'b\r\n",
		"\r\n\n\r\nPING\r\n" + quit,
		"PING\nECHO x\n" + quit,
		"*0\r\nPING\r\n" + quit,
		strings.Repeat(ping, 100) + quit,
		strings.Repeat("a", 70000),
		"*" + strings.Repeat("1", 70000),
		"*1\r\n$" + strings.Repeat("1", 70000),
		ping + "*1\r\n$-1\r\n",
		"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*1\r\nfoo\r\n",
		"*1\r\n$4\r\nQUIT\r\n" + ping,
		"*1\r\n$4\r\nPI\x00G\r\n" + quit,
		"*2\r\n$4\r\nECHO\r\n$3\r\na\r\n\r\n" + quit,
		"*1\r\n+PING\r\n",
		"*1\r\n$04\r\nPING\r\n",
		"*01\r\n$4\r\nPING\r\n",
		"* 1\r\n",
		"*1\r\n$ 4\r\nPING\r\n",
		"*1\rX$4\r\nPING\r\n" + quit,
		"*2\r\n$4\r\nECHO\r\n$40000\r\n" + strings.Repeat("x", 40000) + "\r\n" + quit,
		"*2\r\n$4\r\nPING\r\n:1\r\n",
		"PING\thello\r\n" + quit,
		"  PING  \r\n" + quit,
		"\"\"\r\n" + quit,
		"*1\r\n$0\r\n\r\n" + quit,
		"   \r\n" + quit,
		"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$-1\r\n",
		"NOSUCH a b\r\nget\r\n" + quit,
		"POST / HTTP/1.1\r\nHost: x\r\n\r\n",
		"Host: x\r\n",
		"\x00\r\n" + quit, // Redis looks for the line end with strchr: the NUL hides it
	}
	for _, proto := range []int{2, 3} {
		t.Run(fmt.Sprintf("RESP%d", proto), func(t *testing.T) {
			d, _ := newDiff(t, proto)
			for _, c := range cases {
				ref, sub := d.Conns()
				if err := ref.Send([]byte(c)); err != nil {
					t.Fatalf("send to redis-server: %v", err)
				}
				subErr := sub.Send([]byte(c))
				r := drainReplies(ref, 500*time.Millisecond)
				s := drainReplies(sub, 200*time.Millisecond)
				if subErr != nil {
					s += fmt.Sprintf("<write error: %v>", subErr)
				}
				d.Compare("raw "+redistest.FormatCommand(c), []byte(r), []byte(s))
			}
		})
	}
}

// drainReplies reads replies until the connection ends or nothing more
// comes within wait, and returns them followed by how it ended.
func drainReplies(c *redistest.Client, wait time.Duration) string {
	c.Timeout = wait
	var b strings.Builder
	for {
		raw, err := c.ReadRaw()
		if err == nil {
			b.Write(raw)
			continue
		}
		if len(raw) > 0 {
			fmt.Fprintf(&b, "<partial %q>", raw)
		}
		if errors.Is(err, os.ErrDeadlineExceeded) {
			b.WriteString("<open>")
		} else {
			// EOF, or a reset when the server closed with input unread.
			b.WriteString("<closed>")
		}
		return b.String()
	}
}
