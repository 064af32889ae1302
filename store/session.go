package store

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/embedis/embedis/resp"
)

// session is one client of the Store: a Dial connection, or the transient
// client of a Do call. It holds what Redis keeps per client: the selected
// database, the protocol, authentication and the name. A session runs one
// command at a time.
type session struct {
	s       *Store
	db      *DB
	id      int64
	name    string
	proto   int
	authed  bool
	created time.Time
	lastCmd string
	locks   lockSet
	c       call
	closing bool        // QUIT: close after this reply
	out     resp.Writer // Do's reply buffer (see doSessions)
	argv    []string    // Do's copy of its arguments
}

func (s *Store) newSession() *session {
	return &session{
		s:       s,
		db:      s.dbs[0],
		proto:   2,
		authed:  s.password == "",
		created: s.clock.Now(),
		locks:   newLockSet(s.dbs),
	}
}

// clientID is the client's id, taken from the Store's counter when first
// asked for: when a connection is made (Dial), or when a Do client runs a
// command that reports it.
func (ss *session) clientID() int64 {
	if ss.id == 0 {
		ss.id = ss.s.clientID.Add(1)
	}
	return ss.id
}

// exec runs one command and writes its reply to w.
func (ss *session) exec(ctx context.Context, w *resp.Writer, args []string) {
	if len(args) == 0 {
		return
	}
	if strings.EqualFold(args[0], "POST") || strings.EqualFold(args[0], "Host:") {
		// Cross-protocol scripting (an HTTP request sent to Redis): Redis
		// drops the connection without a reply.
		ss.closing = true
		return
	}
	cmd := lookupCommand(w, args)
	if cmd == nil {
		return
	}
	if !ss.authed && cmd.flags&flagNoAuth == 0 {
		w.Error(string(ErrNoAuth))
		return
	}
	ss.lastCmd = cmd.name
	c := &ss.c
	*c = call{s: ss.s, db: ss.db, sess: ss, w: w, args: args, cmd: cmd, ctx: ctx}
	ss.run(c)
	if bw := c.blocked; bw != nil {
		c.blocked = nil
		if bw.wait(ctx, c.deadline) {
			w.Raw(c.blockReply.Bytes())
		} else {
			w.NullArray()
		}
	}
}

// run runs c's handler under the command's locks, then serves the clients
// blocked on keys the command created, before any other command can see
// the keys (blocking.go).
func (ss *session) run(c *call) {
	ss.lockFor(c.cmd, c.args)
	// Deferred so that a handler bug that panics cannot leave shards locked
	// for every other client.
	defer ss.locks.unlock()
	c.now = ss.s.nowMs()
	c.cmd.run(c)
	if ss.locks.write && ss.s.blocking.readyKeys.Load() > 0 {
		ss.locks.serveReady(c.now)
	}
	c.args = nil
}

// lockFor takes the locks cmd needs for args, in the global order.
func (ss *session) lockFor(cmd *command, args []string) {
	l := &ss.locks
	l.write = cmd.flags&flagWrite != 0
	switch {
	case cmd.flags&lockAll != 0:
		l.addAll()
	case cmd.flags&lockDB != 0:
		l.addDB(ss.db)
	case cmd.flags&flagMovableKeys != 0:
		// Keys found by the key specs (numkeys, keywords). When args do
		// not fit them, the handler replies an error without touching
		// any key.
		for _, k := range cmd.keyRefs(args) {
			l.addKey(ss.db, args[k.pos])
		}
		if l.hi < 0 {
			return
		}
	case cmd.first != 0:
		cmd.keys(args, func(k string) { l.addKey(ss.db, k) })
	default:
		return
	}
	l.lock()
	// A BLMOVE may have blocked on one of the keys before the locks were
	// taken (it cannot once they are): then lock its destination too.
	if l.write && ss.s.blocking.moveCount.Load() > 0 && cmd.flags&(lockDB|lockAll) == 0 {
		l.release()
		var keys []string
		for _, k := range cmd.keyRefs(args) {
			keys = append(keys, args[k.pos])
		}
		l.lockWithMoves(ss.db, keys)
	}
}

// The resp.Session interface, for Dial connections.

type connSession struct {
	*session
}

func (cs connSession) Exec(ctx context.Context, w *resp.Writer, args []string) bool {
	w.SetProtocol(cs.proto)
	cs.exec(ctx, w, args)
	if cs.closing {
		return false
	}
	return true
}

// MayBlock reports whether args name a blocking command (BLPOP...), which
// the connection then runs on its own goroutine so that the client's Write
// never waits for another client's push.
func (cs connSession) MayBlock(args []string) bool {
	if len(args) == 0 {
		return false
	}
	cmd := findCommand(commands, args[0])
	return cmd != nil && cmd.flags&flagBlocking != 0
}

func (cs connSession) Close() {}

// Dial returns an in-memory connection on which the Store speaks RESP like
// redis-server: pipelining, RESP2 and RESP3 (HELLO), AUTH, SELECT and the
// rest. Its signature is go-redis's Options.Dialer; network and addr are
// ignored.
func (s *Store) Dial(ctx context.Context, network, addr string) (net.Conn, error) {
	if s.closed.Load() {
		return nil, ErrClosed
	}
	ss := s.newSession()
	ss.clientID() // a connection's id is its order of connecting, as in Redis
	return resp.Pipe(connSession{ss}), nil
}

// doSessions are the sessions Do runs its commands in, reused so that a
// call allocates nothing but its reply; a session that has served a reply
// larger than doBufferMax drops the buffer rather than keep it pooled.
var doSessions = sync.Pool{}

const doBufferMax = 64 << 10

// errConnectionDropped is Do's answer to a command after which Redis drops
// the connection without replying (POST, Host:).
var errConnectionDropped = errors.New("embedis: the command closes the connection without a reply")

// Do runs one command on this database, as a new client that has selected
// it, and returns the reply decoded as RESP2. A Redis error reply is
// returned as both the value (Kind resp.Error) and err (a resp.ErrorReply
// whose text is Redis's), so errors.Is works with the sentinel errors.
// ctx ends the wait of a blocking command (its reply is then a null array,
// as on a timeout) and a reply that has no bound (SRANDMEMBER with a huge
// negative count), for which Do returns ctx.Err().
func (d *DB) Do(ctx context.Context, args ...string) (resp.Value, error) {
	if len(args) == 0 {
		return resp.Value{}, resp.ErrorReply("ERR empty command")
	}
	ss, _ := doSessions.Get().(*session)
	if ss == nil || ss.s != d.s {
		ss = d.s.newSession()
	}
	// Each call is a new client. Its id is taken when it is first asked
	// for (clientID) and its age is 0, so calls cost no shared counter.
	ss.db, ss.proto, ss.authed, ss.id, ss.created, ss.name, ss.closing = d, 2, true, 0, time.Time{}, "", false
	w := &ss.out
	w.Reset()
	w.SetProtocol(2)
	// Running a copy keeps args from escaping, so a caller's variadic
	// arguments need no allocation.
	ss.argv = append(ss.argv[:0], args...)
	ss.c.cut = false // exec resets the call only for a command it runs
	ss.exec(ctx, w, ss.argv)
	clear(ss.argv) // the pool must not keep the caller's strings alive
	cut, dropped := ss.c.cut, w.Len() == 0 && ss.closing
	var v resp.Value
	var err error
	if !cut {
		v, _, err = resp.Parse(w.Bytes()) // copies: the buffer goes back to the pool
	}
	if cap(w.Bytes()) > doBufferMax {
		*w = resp.Writer{}
	}
	doSessions.Put(ss)
	if cut {
		// The reply stopped when ctx ended (stillWanted).
		return resp.Value{}, ctx.Err()
	}
	if dropped {
		return resp.Value{}, errConnectionDropped
	}
	if err != nil {
		return resp.Value{}, err
	}
	if v.Kind == resp.Error {
		return v, resp.ErrorReply(v.Str)
	}
	return v, nil
}
