// Package redistest runs a real redis-server for differential tests and
// compares its raw RESP replies with those of the code under test.
//
// A differential test starts (or shares) a redis-server, builds a [Diff] from
// a dial function for that server and one for the subject, and sends the same
// commands to both:
//
//	func TestMain(m *testing.M) { redistest.Main(m) }
//
//	func TestStrings(t *testing.T) {
//		srv := redistest.Shared(t)
//		d := redistest.NewDiff(t, srv.Dial, subjectDial, 2)
//		d.Do("FLUSHALL")
//		d.Do("SET", "k", "v")
//		d.Do("GET", "k")
//	}
//
// Every reply is read by a small strict scanner in this package (not by the
// repository's resp package, which is one of the things under test), and the
// two replies must be byte-for-byte equal.
//
// When redis-server is not on PATH the tests that need it are skipped, unless
// EMBEDIS_REQUIRE_REDIS=1 is set (as CI does), in which case they fail.
package redistest

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// RequireEnv is the environment variable that turns "redis-server is not
// installed" from a skip into a failure.
const RequireEnv = "EMBEDIS_REQUIRE_REDIS"

const (
	startTimeout = 15 * time.Second
	dialTimeout  = 5 * time.Second
)

// Server is a redis-server process started by this package.
type Server struct {
	addr    string
	cmd     *exec.Cmd
	dir     string
	logPath string
	done    chan struct{} // closed when the process has exited
	waitErr error
	stop    sync.Once
}

// Addr returns the server's "127.0.0.1:port" address.
func (s *Server) Addr() string { return s.addr }

// Dial opens a new TCP connection to the server. Its signature fits
// [NewDiff] and go-redis's Options.Dialer after wrapping.
func (s *Server) Dial() (net.Conn, error) {
	return net.DialTimeout("tcp", s.addr, dialTimeout)
}

// Client dials the server and returns a raw client that is closed when the
// test ends. It fails the test if the dial fails.
func (s *Server) Client(tb testing.TB) *Client {
	tb.Helper()
	conn, err := s.Dial()
	if err != nil {
		tb.Fatalf("redistest: dial redis-server at %s: %v", s.addr, err)
	}
	c := NewClient(conn)
	tb.Cleanup(func() { c.Close() })
	return c
}

// Exited reports whether the process has exited.
func (s *Server) Exited() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}

// Log returns what the server has written to its log (stdout and stderr).
func (s *Server) Log() string {
	b, _ := os.ReadFile(s.logPath)
	return string(b)
}

// Stop kills the server, waits for it to exit and removes its directory.
// It is safe to call more than once and from cleanup functions.
func (s *Server) Stop() {
	s.stop.Do(func() {
		if s.cmd.Process != nil {
			// Persistence is off, so there is nothing a graceful shutdown
			// would save; SIGKILL is fast and cannot be ignored.
			_ = s.cmd.Process.Kill()
			select {
			case <-s.done:
			case <-time.After(10 * time.Second):
			}
		}
		_ = os.RemoveAll(s.dir)
	})
}

// lookRedis finds redis-server, or skips or fails tb.
func lookRedis(tb testing.TB) string {
	tb.Helper()
	path, err := exec.LookPath("redis-server")
	if err == nil {
		return path
	}
	if os.Getenv(RequireEnv) == "1" {
		tb.Fatalf("redis-server not found on PATH, and %s=1 requires it: install it (apt-get install redis-server) or unset %s (%v)", RequireEnv, RequireEnv, err)
	}
	tb.Skip("redis-server not installed: differential test skipped (apt-get install redis-server)")
	return ""
}

// Start starts a new redis-server on a free loopback port, with persistence
// off, and stops it when the test ends. It skips the test when redis-server
// is not installed (see [RequireEnv]).
func Start(tb testing.TB) *Server {
	tb.Helper()
	path := lookRedis(tb)
	s, err := start(path)
	if err != nil {
		tb.Fatalf("redistest: %v", err)
	}
	tb.Cleanup(s.Stop)
	return s
}

var shared struct {
	sync.Mutex
	srv *Server
	err error
}

// Shared returns a redis-server shared by every test in the test binary,
// starting it on first use (or again, if it has died). The caller owns the
// server's state: send FLUSHALL (and reset any CONFIG it changed) before
// use. Call [Main] from TestMain so the server is stopped when the tests
// end; without it the server still dies with the test binary on Linux.
func Shared(tb testing.TB) *Server {
	tb.Helper()
	path := lookRedis(tb)
	shared.Lock()
	defer shared.Unlock()
	if shared.srv != nil && shared.srv.Exited() {
		tb.Logf("redistest: shared redis-server at %s had exited (%v); starting a new one; its log:\n%s",
			shared.srv.addr, shared.srv.waitErr, tail(shared.srv.Log(), 2000))
		shared.srv.Stop()
		shared.srv, shared.err = nil, nil
	}
	if shared.srv == nil && shared.err == nil {
		shared.srv, shared.err = start(path)
	}
	if shared.err != nil {
		tb.Fatalf("redistest: shared server: %v", shared.err)
	}
	return shared.srv
}

// StopShared stops the shared server, if one is running.
func StopShared() {
	shared.Lock()
	defer shared.Unlock()
	if shared.srv != nil {
		shared.srv.Stop()
	}
	shared.srv, shared.err = nil, nil
}

// Main runs the tests and then stops the shared server. Use it as
//
//	func TestMain(m *testing.M) { redistest.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	StopShared()
	os.Exit(code)
}

// debugRejected records that this redis-server refused
// --enable-debug-command (it predates 7.0).
var debugRejected atomic.Bool

// serverArgs returns the command line. --enable-debug-command exists from
// Redis 7.0; it is dropped for older servers, whose DEBUG is always on.
func serverArgs(port int, dir string) []string {
	args := []string{
		"--port", strconv.Itoa(port),
		"--bind", "127.0.0.1",
		"--save", "",
		"--appendonly", "no",
		"--daemonize", "no",
		"--dir", dir,
		"--loglevel", "warning",
	}
	if !debugRejected.Load() {
		args = append(args, "--enable-debug-command", "yes")
	}
	return args
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func start(path string) (*Server, error) {
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		s, retry, err := startOnce(path)
		if err == nil {
			return s, nil
		}
		lastErr = err
		if !retry {
			break
		}
	}
	return nil, lastErr
}

// startOnce starts one server. retry reports whether the failure was a
// race for the port or a rejected optional flag, worth another attempt.
func startOnce(path string) (s *Server, retry bool, err error) {
	port, err := freePort()
	if err != nil {
		return nil, false, fmt.Errorf("find a free port: %v", err)
	}
	dir, err := os.MkdirTemp("", "redistest-")
	if err != nil {
		return nil, false, err
	}
	logPath := filepath.Join(dir, "redis.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		os.RemoveAll(dir)
		return nil, false, err
	}
	defer logFile.Close()

	args := serverArgs(port, dir)
	cmd := exec.Command(path, args...)
	cmd.Dir = dir
	cmd.Stdout = logFile
	cmd.Stderr = logFile
	s = &Server{
		addr:    net.JoinHostPort("127.0.0.1", strconv.Itoa(port)),
		cmd:     cmd,
		dir:     dir,
		logPath: logPath,
		done:    make(chan struct{}),
	}
	if err := startProcess(cmd); err != nil {
		os.RemoveAll(dir)
		return nil, false, fmt.Errorf("start %s: %v", path, err)
	}
	go func() {
		s.waitErr = cmd.Wait()
		close(s.done)
	}()

	if err := s.waitReady(startTimeout); err != nil {
		log := s.Log()
		s.Stop()
		switch {
		case strings.Contains(log, "enable-debug-command") && strings.Contains(log, "Bad directive"):
			debugRejected.Store(true)
			return nil, true, err
		case strings.Contains(log, "already in use"):
			return nil, true, fmt.Errorf("%v (port %d was taken)", err, port)
		}
		return nil, false, fmt.Errorf("%v\ncommand: %s %s\nlog:\n%s", err, path, strings.Join(quoteArgs(args), " "), tail(log, 4000))
	}
	return s, false, nil
}

// waitReady polls until the server answers PING with +PONG.
func (s *Server) waitReady(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	var lastErr error
	for time.Now().Before(deadline) {
		if s.Exited() {
			return fmt.Errorf("redis-server exited before answering PING: %v", s.waitErr)
		}
		if lastErr = s.ping(); lastErr == nil {
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return fmt.Errorf("redis-server at %s did not answer PING within %v: %v", s.addr, timeout, lastErr)
}

func (s *Server) ping() error {
	conn, err := net.DialTimeout("tcp", s.addr, time.Second)
	if err != nil {
		return err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(2 * time.Second))
	if _, err := conn.Write(EncodeCommand("PING")); err != nil {
		return err
	}
	reply, err := ReadReply(bufio.NewReader(conn))
	if err != nil {
		return err
	}
	if string(reply) != "+PONG\r\n" {
		// "-LOADING ..." and the like: not ready yet.
		return errors.New("PING replied " + strconv.Quote(string(reply)))
	}
	return nil
}

func quoteArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\"'") {
			a = strconv.Quote(a)
		}
		out[i] = a
	}
	return out
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}
