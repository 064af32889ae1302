package resp

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// echoSession is a fake Session:
//
//	PING -> +PONG; ECHO x -> $x; QUIT -> +OK and close; HELLO n -> protocol n;
//	BLOCK -> waits for release (or ctx), may block; SLOW -> may block, returns at once;
//	PUSH ch msg -> out-of-band push via the Sender; PANIC -> panics;
//	ENDLESS -> an array that never ends until ClientGaveUp (or ctx);
//	GAVEUP -> :1 if ClientGaveUp, else :0.
type echoSession struct {
	release  chan struct{}
	entered  chan struct{} // BLOCK started
	closes   atomic.Int32
	ctxDone  atomic.Bool // ctx was done when Close ran
	inExec   atomic.Int32
	overlaps atomic.Int32
	lastCtx  atomic.Pointer[context.Context]
	out      Sender
}

func newEcho() *echoSession {
	return &echoSession{release: make(chan struct{}), entered: make(chan struct{}, 16)}
}

func (s *echoSession) Attach(out Sender) { s.out = out }

func (s *echoSession) MayBlock(args []string) bool {
	return args[0] == "BLOCK" || args[0] == "SLOW"
}

func (s *echoSession) Exec(ctx context.Context, w *Writer, args []string) bool {
	if s.inExec.Add(1) != 1 {
		s.overlaps.Add(1)
	}
	defer s.inExec.Add(-1)
	s.lastCtx.Store(&ctx)
	switch strings.ToUpper(args[0]) {
	case "PING":
		w.Simple("PONG")
	case "ECHO":
		w.Bulk(args[1])
	case "QUIT":
		w.Simple("OK")
		return false
	case "HELLO":
		if args[1] == "3" {
			w.SetProtocol(3)
		} else {
			w.SetProtocol(2)
		}
		w.Map(1)
		w.Bulk("proto")
		w.Int(int64(w.Protocol()))
	case "BLOCK":
		s.entered <- struct{}{}
		select {
		case <-s.release:
			w.Simple("RELEASED")
		case <-ctx.Done():
			w.NullArray()
		}
	case "SLOW":
		w.Simple("SLOW")
	case "PUSH":
		s.out.Send(func(w *Writer) { w.Push(3); w.Bulk("message"); w.Bulk(args[1]); w.Bulk(args[2]) })
		w.Int(1)
	case "PANIC":
		panic("boom")
	case "ENDLESS":
		w.Array(-1 >> 1)
		for i := 1; ; i++ {
			w.Bulk("x")
			if i%1024 == 0 && (ctx.Err() != nil || ClientGaveUp(ctx)) {
				break
			}
		}
	case "GAVEUP":
		if ClientGaveUp(ctx) {
			w.Int(1)
		} else {
			w.Int(0)
		}
	default:
		w.Error(fmt.Sprintf("ERR unknown command '%s'", args[0]))
	}
	return true
}

func (s *echoSession) Close() {
	s.closes.Add(1)
	if p := s.lastCtx.Load(); p != nil {
		s.ctxDone.Store((*p).Err() != nil)
	}
}

type client struct {
	t    *testing.T
	conn net.Conn
	r    *Reader
}

func newClient(t *testing.T, s Session) *client {
	c := Pipe(s)
	return &client{t: t, conn: c, r: NewReader(c)}
}

func cmd(args ...string) []byte {
	w := NewWriter(2)
	w.Array(len(args))
	for _, a := range args {
		w.Bulk(a)
	}
	return w.Bytes()
}

func (c *client) send(args ...string) {
	c.t.Helper()
	if _, err := c.conn.Write(cmd(args...)); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) read() string {
	c.t.Helper()
	raw, err := c.r.ReadRaw()
	if err != nil {
		c.t.Fatal(err)
	}
	return string(raw)
}

func (c *client) do(args ...string) string {
	c.t.Helper()
	c.send(args...)
	return c.read()
}

func TestPipeBasic(t *testing.T) {
	s := newEcho()
	c := newClient(t, s)
	if got := c.do("PING"); got != "+PONG\r\n" {
		t.Fatal(got)
	}
	if got := c.do("ECHO", "hello"); got != "$5\r\nhello\r\n" {
		t.Fatal(got)
	}
	if got := c.do("HELLO", "3"); got != "%1\r\n$5\r\nproto\r\n:3\r\n" {
		t.Fatal(got)
	}
	if got := c.do("NOPE"); got != "-ERR unknown command 'NOPE'\r\n" {
		t.Fatal(got)
	}
	// Inline commands work too.
	c.conn.Write([]byte("ECHO \"a b\"\r\n\r\nPING\n"))
	if got := c.read() + c.read(); got != "$3\r\na b\r\n+PONG\r\n" {
		t.Fatal(got)
	}
	if c.conn.LocalAddr().Network() != "embedis" || c.conn.RemoteAddr().String() == "" {
		t.Fatal("addr")
	}
	c.conn.Close()
	if s.closes.Load() != 1 {
		t.Fatalf("Close called %d times", s.closes.Load())
	}
}

func TestPipePipelining(t *testing.T) {
	const n = 2000
	var all []byte
	for i := 0; i < n; i++ {
		all = append(all, cmd("ECHO", fmt.Sprint(i))...)
	}
	for _, chunk := range []int{len(all), 1, 7, 4096} {
		c := newClient(t, newEcho())
		done := make(chan error, 1)
		go func() {
			for b := all; len(b) > 0; {
				k := min(chunk, len(b))
				if _, err := c.conn.Write(b[:k]); err != nil {
					done <- err
					return
				}
				b = b[k:]
			}
			done <- nil
		}()
		for i := 0; i < n; i++ {
			v, err := c.r.ReadValue()
			if err != nil || v.Str != fmt.Sprint(i) {
				t.Fatalf("chunk %d reply %d: %v %v", chunk, i, v, err)
			}
		}
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		c.conn.Close()
	}
}

func TestPipeConcurrentClients(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 50; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			s := newEcho()
			conn := Pipe(s)
			defer conn.Close()
			r := NewReader(conn)
			for i := 0; i < 200; i++ {
				want := fmt.Sprintf("%d-%d", g, i)
				if _, err := conn.Write(cmd("ECHO", want)); err != nil {
					t.Error(err)
					return
				}
				v, err := r.ReadValue()
				if err != nil || v.Str != want {
					t.Errorf("got %v %v want %s", v, err, want)
					return
				}
			}
			if s.overlaps.Load() != 0 {
				t.Error("Exec ran concurrently")
			}
		}(g)
	}
	wg.Wait()
}

// Concurrent writers and a reader on one connection: every reply arrives.
func TestPipeConcurrentWriters(t *testing.T) {
	s := newEcho()
	conn := Pipe(s)
	defer conn.Close()
	const writers, each = 8, 300
	var wg sync.WaitGroup
	for g := 0; g < writers; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				conn.Write(cmd("PING"))
			}
		}()
	}
	r := NewReader(conn)
	for i := 0; i < writers*each; i++ {
		if v, err := r.ReadValue(); err != nil || v.Str != "PONG" {
			t.Fatal(v, err)
		}
	}
	wg.Wait()
	if s.overlaps.Load() != 0 {
		t.Error("Exec ran concurrently")
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, os.ErrDeadlineExceeded) && errors.As(err, &ne) && ne.Timeout()
}

func TestPipeDeadlines(t *testing.T) {
	c := newClient(t, newEcho())
	defer c.conn.Close()
	buf := make([]byte, 64)

	c.conn.SetReadDeadline(time.Now().Add(-time.Second))
	if _, err := c.conn.Read(buf); !isTimeout(err) {
		t.Fatalf("past deadline: %v", err)
	}
	c.conn.SetReadDeadline(time.Now().Add(30 * time.Millisecond))
	if _, err := c.conn.Read(buf); !isTimeout(err) {
		t.Fatalf("waiting read: %v", err)
	}
	// A deadline extended while a Read waits.
	c.conn.SetReadDeadline(time.Now().Add(30 * time.Millisecond))
	got := make(chan error, 1)
	go func() {
		n, err := c.conn.Read(buf)
		if err == nil && string(buf[:n]) != "+PONG\r\n" {
			err = fmt.Errorf("read %q", buf[:n])
		}
		got <- err
	}()
	time.Sleep(5 * time.Millisecond)
	c.conn.SetReadDeadline(time.Now().Add(time.Hour))
	time.Sleep(60 * time.Millisecond)
	c.conn.Write(cmd("PING"))
	if err := <-got; err != nil {
		t.Fatalf("extended deadline: %v", err)
	}
	// Shortened while waiting.
	c.conn.SetReadDeadline(time.Time{})
	go func() { _, err := c.conn.Read(buf); got <- err }()
	time.Sleep(5 * time.Millisecond)
	c.conn.SetDeadline(time.Now().Add(10 * time.Millisecond))
	if err := <-got; !isTimeout(err) {
		t.Fatalf("shortened deadline: %v", err)
	}
	// Write deadline.
	c.conn.SetWriteDeadline(time.Now().Add(-time.Second))
	if _, err := c.conn.Write(cmd("PING")); !isTimeout(err) {
		t.Fatalf("write deadline: %v", err)
	}
	c.conn.SetDeadline(time.Time{})
	if got := c.do("PING"); got != "+PONG\r\n" {
		t.Fatal(got)
	}
}

// TestPipeClientGaveUp: a command that runs inside the client's Write past
// the Write's deadline learns from ClientGaveUp that the client has given
// up; the connection closes without the cut-short reply, the Write fails
// with a timeout, and replies queued before it can still be read.
func TestPipeClientGaveUp(t *testing.T) {
	if ClientGaveUp(context.Background()) {
		t.Fatal("ClientGaveUp outside a Pipe")
	}
	s := newEcho()
	c := newClient(t, s)
	defer c.conn.Close()
	if got := c.do("GAVEUP"); got != ":0\r\n" {
		t.Fatalf("GAVEUP without a deadline = %q", got)
	}
	c.conn.SetWriteDeadline(time.Now().Add(time.Hour))
	if got := c.do("GAVEUP"); got != ":0\r\n" {
		t.Fatalf("GAVEUP before the deadline = %q", got)
	}

	c.send("PING") // unread when ENDLESS runs
	c.conn.SetWriteDeadline(time.Now().Add(50 * time.Millisecond))
	done := make(chan error, 1)
	go func() {
		_, err := c.conn.Write(cmd("ENDLESS"))
		done <- err
	}()
	select {
	case err := <-done:
		if !isTimeout(err) {
			t.Fatalf("Write of ENDLESS: %v, want a timeout", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Write of ENDLESS did not return after its deadline")
	}
	if got := c.read(); got != "+PONG\r\n" {
		t.Fatalf("reply queued before ENDLESS = %q", got)
	}
	if _, err := c.r.ReadRaw(); !errors.Is(err, io.EOF) {
		t.Fatalf("after ENDLESS: %v, want EOF", err)
	}
	if n := s.closes.Load(); n != 1 {
		t.Fatalf("session closed %d times", n)
	}
	if _, err := c.conn.Write(cmd("PING")); !errors.Is(err, syscall.EPIPE) {
		t.Fatalf("Write after: %v, want EPIPE", err)
	}
}

func TestPipeClose(t *testing.T) {
	s := newEcho()
	c := newClient(t, s)
	got := make(chan error, 1)
	go func() { _, err := c.conn.Read(make([]byte, 8)); got <- err }()
	time.Sleep(5 * time.Millisecond)
	if err := c.conn.Close(); err != nil {
		t.Fatal(err)
	}
	if err := <-got; !errors.Is(err, net.ErrClosed) {
		t.Fatalf("blocked read: %v", err)
	}
	if err := c.conn.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if _, err := c.conn.Write(cmd("PING")); !errors.Is(err, net.ErrClosed) {
		t.Fatalf("write after close: %v", err)
	}
	if _, err := c.conn.Read(make([]byte, 8)); !errors.Is(err, net.ErrClosed) {
		t.Fatalf("read after close: %v", err)
	}
	if s.closes.Load() != 1 {
		t.Fatalf("Close called %d times", s.closes.Load())
	}
}

// Closing while a blocking command runs cancels its ctx; the Session is
// closed after Exec returns.
func TestPipeCloseCancelsBlocked(t *testing.T) {
	s := newEcho()
	c := newClient(t, s)
	c.send("BLOCK")
	<-s.entered
	c.conn.Close()
	deadline := time.Now().Add(5 * time.Second)
	for s.closes.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if s.closes.Load() != 1 || !s.ctxDone.Load() {
		t.Fatalf("closes %d, ctx done %v", s.closes.Load(), s.ctxDone.Load())
	}
}

func TestPipeMayBlock(t *testing.T) {
	s := newEcho()
	c := newClient(t, s)
	defer c.conn.Close()
	c.send("ECHO", "before")
	c.send("BLOCK") // must not wait
	c.send("ECHO", "a")
	c.conn.Write(append(cmd("PING"), cmd("ECHO", "b")...))
	<-s.entered
	if got := c.read(); got != "$6\r\nbefore\r\n" {
		t.Fatal(got)
	}
	c.conn.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	if _, err := c.conn.Read(make([]byte, 8)); !isTimeout(err) {
		t.Fatalf("reply overtook the blocked command: %v", err)
	}
	c.conn.SetReadDeadline(time.Time{})
	close(s.release)
	want := []string{"+RELEASED\r\n", "$1\r\na\r\n", "+PONG\r\n", "$1\r\nb\r\n"}
	for _, w := range want {
		if got := c.read(); got != w {
			t.Fatalf("got %q want %q", got, w)
		}
	}
	// The goroutine has exited; commands run inline again, and a MayBlock
	// command that does not actually wait keeps its place.
	for i := 0; i < 100; i++ {
		c.conn.Write(append(cmd("SLOW"), cmd("ECHO", fmt.Sprint(i))...))
		if got := c.read() + c.read(); got != fmt.Sprintf("+SLOW\r\n$%d\r\n%d\r\n", len(fmt.Sprint(i)), i) {
			t.Fatal(got)
		}
	}
	if s.overlaps.Load() != 0 {
		t.Error("Exec ran concurrently")
	}
}

func TestPipeQuit(t *testing.T) {
	s := newEcho()
	c := newClient(t, s)
	c.conn.Write([]byte("PING\r\nQUIT\r\nPING\r\n"))
	if got := c.read() + c.read(); got != "+PONG\r\n+OK\r\n" {
		t.Fatal(got)
	}
	if _, err := c.r.ReadValue(); err != io.EOF {
		t.Fatalf("after QUIT: %v", err)
	}
	if _, err := c.conn.Write(cmd("PING")); !errors.Is(err, syscall.EPIPE) {
		t.Fatalf("write after QUIT: %v", err)
	}
	if s.closes.Load() != 1 {
		t.Fatalf("Close called %d times", s.closes.Load())
	}
	c.conn.Close()
	if s.closes.Load() != 1 {
		t.Fatalf("Close called %d times", s.closes.Load())
	}
	if _, err := c.conn.Read(make([]byte, 1)); !errors.Is(err, net.ErrClosed) {
		t.Fatalf("read after local close: %v", err)
	}
}

func TestPipeProtocolError(t *testing.T) {
	for in, want := range map[string]string{
		"PING\r\n*1\r\n$x\r\nPING\r\n":        "+PONG\r\n-ERR Protocol error: invalid bulk length\r\n",
		"ECHO \"a\r\n":                        "-ERR Protocol error: unbalanced quotes in request\r\n",
		"*1\r\n\r\n":                          "-ERR Protocol error: expected '$', got ' '\r\n",
		"*1x\r\n":                             "-ERR Protocol error: invalid multibulk length\r\n",
		strings.Repeat("a", 70000):            "-ERR Protocol error: too big inline request\r\n",
		"*1\r\n" + strings.Repeat("$", 70000): "-ERR Protocol error: too big bulk count string\r\n",
	} {
		s := newEcho()
		conn := Pipe(s)
		conn.Write([]byte(in))
		b, err := io.ReadAll(conn)
		if err != nil || string(b) != want {
			t.Errorf("%.20q: got %q %v, want %q", in, b, err, want)
		}
		if s.closes.Load() != 1 {
			t.Errorf("Close called %d times", s.closes.Load())
		}
		conn.Close()
	}
}

func TestPipeQueryBufferLimit(t *testing.T) {
	old := queryBufLimit
	queryBufLimit = 1000
	defer func() { queryBufLimit = old }()
	s := newEcho()
	c := newClient(t, s)
	// A partial request may not grow beyond the limit.
	c.conn.Write([]byte("*1\r\n$2000\r\n"))
	c.conn.Write([]byte(strings.Repeat("x", 900)))
	c.conn.Write([]byte(strings.Repeat("x", 200)))
	if _, err := c.r.ReadValue(); err != io.EOF {
		t.Fatalf("got %v, want EOF", err)
	}
	// Input queued behind a blocking command counts too.
	s = newEcho()
	c = newClient(t, s)
	c.send("BLOCK")
	<-s.entered
	for i := 0; i < 100; i++ {
		c.conn.Write(cmd("PING")) // fails with EPIPE once the limit closed the connection
	}
	if _, err := c.r.ReadValue(); err != io.EOF {
		t.Fatalf("got %v, want EOF", err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.closes.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if s.closes.Load() != 1 {
		t.Fatal("session not closed")
	}
}

func TestPipeSend(t *testing.T) {
	s := newEcho()
	c := newClient(t, s)
	if got := c.do("PUSH", "ch", "hi"); got != "*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n" {
		t.Fatal(got) // the push lands before the reply of the command that sent it
	}
	if got := c.read(); got != ":1\r\n" {
		t.Fatal(got)
	}
	c.do("HELLO", "3")
	if !s.out.Send(func(w *Writer) { w.Push(1); w.Bulk("x") }) {
		t.Fatal("Send failed")
	}
	if got := c.read(); got != ">1\r\n$1\r\nx\r\n" {
		t.Fatal(got)
	}
	c.conn.Close()
	if s.out.Send(func(w *Writer) { t.Error("fn called after close") }) {
		t.Fatal("Send after Close succeeded")
	}
}

func TestPipePanic(t *testing.T) {
	s := newEcho()
	c := newClient(t, s)
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("panic swallowed")
			}
		}()
		c.send("PANIC")
	}()
	if _, err := c.conn.Write(cmd("PING")); !errors.Is(err, syscall.EPIPE) {
		t.Fatalf("after panic: %v", err)
	}
	if s.closes.Load() != 1 {
		t.Fatal("session not closed")
	}
}
