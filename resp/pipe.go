package resp

import (
	"context"
	"io"
	"net"
	"os"
	"sync"
	"syscall"
	"time"
)

// Session is one client's server side, served by Pipe.
//
// Exec runs one command and writes its reply to w. It returns false if the
// connection must be closed after the reply is delivered (QUIT). w is the
// same Writer for the life of the connection, so a protocol chosen with
// w.SetProtocol (HELLO) persists. args and its backing array are only valid
// until Exec returns: the strings may be kept, the slice must be copied.
//
// MayBlock reports whether Exec for these args may wait (BLPOP, WAIT...);
// such commands, and every command after them until the queue drains, run on
// a goroutine of the connection instead of the goroutine that wrote them.
// It must be cheap and must not block.
//
// Close is called exactly once, when the connection is closed by either
// end, and never while Exec runs: if a command is running when the client
// closes, its ctx is cancelled and Close follows when Exec returns.
//
// A Pipe never calls Exec, MayBlock or Close concurrently with each other
// for one Session.
type Session interface {
	Exec(ctx context.Context, w *Writer, args []string) (keepOpen bool)
	MayBlock(args []string) bool
	Close()
}

// An AsyncSession is a Session that also sends replies nobody asked for:
// Pub/Sub messages, client-side caching invalidations. Pipe calls Attach
// once, before anything else, with the Sender to use.
type AsyncSession interface {
	Session
	Attach(out Sender)
}

// Sender queues out-of-band replies on a connection.
type Sender interface {
	// Send calls fn with a Writer set to the connection's current protocol
	// and queues what fn wrote after every reply already delivered. A reply
	// is never split: what Send queues lands between two replies. fn runs
	// under the connection's lock: it must be quick and must not use the
	// connection. Send returns false, and does not call fn, if the
	// connection is closed. Send may be called from any goroutine,
	// including from inside Exec.
	Send(fn func(w *Writer)) bool
}

// Addr is the address of either end of a Pipe. Its network is "embedis".
type Addr string

// Network returns "embedis".
func (Addr) Network() string { return "embedis" }

func (a Addr) String() string { return string(a) }

const (
	clientAddr Addr = "pipe:client"
	serverAddr Addr = "pipe:server"

	// Buffers grown beyond this are released once drained.
	maxIdleBuf = 4 << 20
)

// queryBufLimit is client-query-buffer-limit; a variable for tests.
var queryBufLimit = maxQueryBufLen

// Pipe returns the client end of an in-memory connection served by s.
//
// Write parses the requests in what it is given and, when no command of this
// connection is running elsewhere, executes every complete one on the
// caller's goroutine before it returns; their replies wait for Read. A
// command for which s.MayBlock is true is handed, with everything written
// after it, to one goroutine that serves the queue in order and exits when
// it is empty, so Write never waits for a blocking command. Replies come
// back in request order.
//
// As in Redis, a malformed request gets "-ERR Protocol error: ..." and the
// server closes the connection, and so does QUIT (Exec returning false) after
// its reply; Read then returns the remaining replies and io.EOF, and Write
// fails with EPIPE. More than 1GB of unparsed input closes the connection
// without a reply (client-query-buffer-limit). After Close, Read and Write
// fail with net.ErrClosed.
func Pipe(s Session) net.Conn {
	c := &pipeConn{s: s, parser: reqParser{bulklen: -1}}
	c.cond.L = &c.mu
	c.ctx, c.cancel = context.WithCancel(context.WithValue(context.Background(), pipeKey{}, c))
	if as, ok := s.(AsyncSession); ok {
		as.Attach(c)
	}
	return c
}

type pipeConn struct {
	s      Session
	ctx    context.Context
	cancel context.CancelFunc

	mu   sync.Mutex
	cond sync.Cond // readers wait for output, close or a deadline

	in     []byte // unparsed input is in[inPos:]
	inPos  int
	out    []byte // undelivered output is out[outPos:]
	outPos int

	// Owned by the runner, the one goroutine with running set.
	parser reqParser
	w      Writer

	proto   int    // protocol of w after the last command, for Send
	pushW   Writer // Send's writer, used under mu
	running bool   // a goroutine is executing this connection's commands
	inline  bool   // ... and it is the client's, inside Write
	gaveUp  bool   // ClientGaveUp closed the connection during that Write

	closed     bool // the client called Close
	srvClosed  bool // the server closed (QUIT, protocol error, limits)
	sessClosed bool // s.Close has been called or is being called

	readers       int // Reads waiting on cond
	rdl, wdl      time.Time
	timer         *time.Timer
	timerDeadline time.Time
}

func (c *pipeConn) opErr(op string, err error) error {
	return &net.OpError{Op: op, Net: "embedis", Source: clientAddr, Addr: serverAddr, Err: err}
}

// Write queues p as input and serves what it can; see Pipe.
func (c *pipeConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	switch {
	case c.closed:
		c.mu.Unlock()
		return 0, c.opErr("write", net.ErrClosed)
	case c.srvClosed:
		c.mu.Unlock()
		return 0, c.opErr("write", syscall.EPIPE)
	case !c.wdl.IsZero() && !time.Now().Before(c.wdl):
		c.mu.Unlock()
		return 0, c.opErr("write", os.ErrDeadlineExceeded)
	}
	if len(c.in)-c.inPos+len(p) > queryBufLimit {
		// freeClientAsync: no reply, the connection just goes away.
		c.serverCloseLocked()
		c.finishLocked() // unlocks
		return len(p), nil
	}
	if c.inPos > 0 && c.inPos >= len(c.in)-c.inPos {
		// Drop consumed input (a request still partially parsed).
		c.in = c.in[:copy(c.in, c.in[c.inPos:])]
		c.inPos = 0
	}
	c.in = append(c.in, p...)
	if c.running {
		c.mu.Unlock()
		return len(p), nil
	}
	c.running = true
	if c.serve(false, nil) { // unlocks
		return len(p), c.opErr("write", os.ErrDeadlineExceeded)
	}
	return len(p), nil
}

// serve executes queued requests until none is complete. It is entered with
// mu held and running set (by the caller), and returns with mu released.
// first, if not nil, is a request already parsed, to run before the queue.
// It reports whether ClientGaveUp closed the connection meanwhile.
func (c *pipeConn) serve(async bool, first []string) (gaveUp bool) {
	c.inline = !async
	for {
		if c.closed || c.srvClosed {
			break
		}
		args := first
		first = nil
		if args == nil {
			done, n, err := c.parser.parse(c.in[c.inPos:])
			c.inPos += n
			if c.inPos == len(c.in) {
				c.inPos = 0
				if cap(c.in) > maxIdleBuf {
					c.in = nil
				} else {
					c.in = c.in[:0]
				}
			}
			if err != nil {
				c.w.Error("ERR " + err.Error())
				c.flushLocked()
				c.serverCloseLocked()
				break
			}
			if !done {
				break
			}
			args = c.parser.args
			if len(args) == 0 {
				continue
			}
		}
		c.mu.Unlock()
		if !async && c.s.MayBlock(args) {
			// The runner role (running stays set) moves to a goroutine,
			// which takes this request and everything queued after it.
			go func() {
				c.mu.Lock()
				c.serve(true, args)
			}()
			return false
		}
		keep := c.exec(args)
		c.mu.Lock()
		c.flushLocked()
		if !keep {
			c.serverCloseLocked()
			break
		}
	}
	c.running = false
	gaveUp, c.gaveUp = c.gaveUp, false
	c.finishLocked()
	return gaveUp
}

// pipeKey is the context key under which a Pipe's commands find it.
type pipeKey struct{}

// ClientGaveUp reports whether the client whose command runs with ctx has
// stopped waiting for the reply. On a Pipe a command runs inside the
// client's Write, which then cannot return at its deadline; a client on a
// socket would by then have timed out reading and dropped the connection.
// So once that deadline has passed this closes the connection: the reply
// under way is discarded and the Write fails with os.ErrDeadlineExceeded.
// A command whose reply has no bound (SRANDMEMBER with a huge negative
// count) asks now and then, as it checks ctx.Err(). Outside a Pipe, and for
// commands a Pipe runs on its own goroutine (which wait for ctx instead),
// it reports false.
func ClientGaveUp(ctx context.Context) bool {
	c, _ := ctx.Value(pipeKey{}).(*pipeConn)
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.running || !c.inline || c.wdl.IsZero() || time.Now().Before(c.wdl) {
		return false
	}
	c.gaveUp = true
	c.serverCloseLocked()
	return true
}

// exec runs one command. If Exec panics the connection is closed on the
// way out and the panic continues.
func (c *pipeConn) exec(args []string) bool {
	ok := false
	defer func() {
		if !ok {
			c.mu.Lock()
			c.running = false
			c.serverCloseLocked()
			c.finishLocked()
		}
	}()
	keep := c.s.Exec(c.ctx, &c.w, args)
	ok = true
	return keep
}

// flushLocked moves the runner's replies to the output.
func (c *pipeConn) flushLocked() {
	c.proto = c.w.Protocol()
	if len(c.w.buf) == 0 {
		return
	}
	if c.closed || c.srvClosed {
		c.w.Reset()
		return
	}
	if c.outPos == len(c.out) {
		// Nothing undelivered: swap buffers instead of copying.
		c.out, c.w.buf = c.w.buf, c.out[:0]
		c.outPos = 0
	} else {
		c.out = append(c.out, c.w.buf...)
		c.w.Reset()
	}
	if cap(c.w.buf) > maxIdleBuf {
		c.w.buf = nil
	}
	if c.readers > 0 {
		c.cond.Broadcast()
	}
}

// serverCloseLocked marks the connection closed by the server: no more
// commands run, queued input is dropped, output already queued stays
// readable.
func (c *pipeConn) serverCloseLocked() {
	if c.srvClosed {
		return
	}
	c.srvClosed = true
	c.in, c.inPos = nil, 0
	c.cancel()
	if c.readers > 0 {
		c.cond.Broadcast()
	}
}

// finishLocked releases mu, first claiming the call to s.Close if the
// connection is closed and no command runs; it then makes that call.
func (c *pipeConn) finishLocked() {
	callClose := (c.closed || c.srvClosed) && !c.running && !c.sessClosed
	if callClose {
		c.sessClosed = true
		c.cancel()
	}
	c.mu.Unlock()
	if callClose {
		c.s.Close()
	}
}

// Send implements Sender.
func (c *pipeConn) Send(fn func(w *Writer)) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed || c.srvClosed {
		return false
	}
	c.pushW.SetProtocol(c.proto)
	c.pushW.Reset()
	fn(&c.pushW)
	if c.outPos == len(c.out) {
		c.out, c.outPos = c.out[:0], 0
	}
	c.out = append(c.out, c.pushW.buf...)
	if cap(c.pushW.buf) > maxIdleBuf {
		c.pushW.buf = nil
	}
	if c.readers > 0 {
		c.cond.Broadcast()
	}
	return true
}

// Read returns queued replies, waiting for some if there are none.
func (c *pipeConn) Read(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		if c.closed {
			return 0, c.opErr("read", net.ErrClosed)
		}
		if len(p) == 0 {
			return 0, nil
		}
		if c.outPos < len(c.out) {
			n := copy(p, c.out[c.outPos:])
			c.outPos += n
			if c.outPos == len(c.out) {
				c.outPos = 0
				if cap(c.out) > maxIdleBuf {
					c.out = nil
				} else {
					c.out = c.out[:0]
				}
			}
			return n, nil
		}
		if c.srvClosed {
			return 0, io.EOF
		}
		if !c.rdl.IsZero() {
			now := time.Now()
			if !now.Before(c.rdl) {
				return 0, c.opErr("read", os.ErrDeadlineExceeded)
			}
			c.armTimerLocked(now)
		}
		c.readers++
		c.cond.Wait()
		c.readers--
	}
}

// armTimerLocked makes sure a wake-up comes at the read deadline.
func (c *pipeConn) armTimerLocked(now time.Time) {
	if c.timer != nil && c.timerDeadline.Equal(c.rdl) {
		return
	}
	c.timerDeadline = c.rdl
	d := c.rdl.Sub(now)
	if c.timer == nil {
		c.timer = time.AfterFunc(d, c.wake)
	} else {
		c.timer.Reset(d)
	}
}

func (c *pipeConn) wake() {
	c.mu.Lock()
	c.timerDeadline = time.Time{}
	c.cond.Broadcast()
	c.mu.Unlock()
}

// Close closes the connection. It is idempotent. Waiting Reads return
// net.ErrClosed, the ctx of a running command is cancelled, and s.Close is
// called once no command runs.
func (c *pipeConn) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	c.closed = true
	c.in, c.inPos = nil, 0
	c.out, c.outPos = nil, 0
	c.cancel()
	c.cond.Broadcast()
	if c.timer != nil {
		c.timer.Stop()
	}
	c.finishLocked()
	return nil
}

func (c *pipeConn) LocalAddr() net.Addr  { return clientAddr }
func (c *pipeConn) RemoteAddr() net.Addr { return serverAddr }

func (c *pipeConn) SetDeadline(t time.Time) error {
	c.mu.Lock()
	c.rdl, c.wdl = t, t
	c.deadlineChangedLocked()
	c.mu.Unlock()
	return nil
}

func (c *pipeConn) SetReadDeadline(t time.Time) error {
	c.mu.Lock()
	c.rdl = t
	c.deadlineChangedLocked()
	c.mu.Unlock()
	return nil
}

func (c *pipeConn) SetWriteDeadline(t time.Time) error {
	c.mu.Lock()
	c.wdl = t
	c.mu.Unlock()
	return nil
}

func (c *pipeConn) deadlineChangedLocked() {
	if c.readers > 0 {
		c.cond.Broadcast() // waiting Reads recheck (and re-arm) the deadline
	}
}
