package redistest

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestMain(m *testing.M) { Main(m) }

func TestStart(t *testing.T) {
	srv := Start(t)
	c := srv.Client(t)
	got, err := c.Do("PING")
	if err != nil || string(got) != "+PONG\r\n" {
		t.Fatalf("PING = %q, %v", got, err)
	}
	// Persistence is off and DEBUG is enabled.
	for _, q := range []struct{ param, want string }{
		{"save", "*2\r\n$4\r\nsave\r\n$0\r\n\r\n"},
		{"appendonly", "*2\r\n$10\r\nappendonly\r\n$2\r\nno\r\n"},
		{"bind", "*2\r\n$4\r\nbind\r\n$9\r\n127.0.0.1\r\n"},
	} {
		got, err := c.Do("CONFIG", "GET", q.param)
		if err != nil || string(got) != q.want {
			t.Errorf("CONFIG GET %s = %q, %v; want %q", q.param, got, err, q.want)
		}
	}
	if got, err := c.Do("DEBUG", "SLEEP", "0"); err != nil || string(got) != "+OK\r\n" {
		t.Errorf("DEBUG SLEEP 0 = %q, %v", got, err)
	}

	srv.Stop()
	if !srv.Exited() {
		t.Fatal("server still running after Stop")
	}
	if _, err := os.Stat(srv.dir); !os.IsNotExist(err) {
		t.Errorf("directory %s not removed: %v", srv.dir, err)
	}
	srv.Stop() // idempotent
}

func TestStartTwoServers(t *testing.T) {
	a, b := Start(t), Start(t)
	if a.Addr() == b.Addr() {
		t.Fatalf("both servers on %s", a.Addr())
	}
	ca, cb := a.Client(t), b.Client(t)
	ca.Do("SET", "k", "a")
	got, _ := cb.Do("GET", "k")
	if string(got) != "$-1\r\n" {
		t.Fatalf("servers share data: GET k on b = %q", got)
	}
}

func TestShared(t *testing.T) {
	a := Shared(t)
	b := Shared(t)
	if a != b {
		t.Fatalf("Shared returned two servers: %s and %s", a.Addr(), b.Addr())
	}
	// A dead shared server is replaced.
	a.cmd.Process.Signal(syscall.SIGKILL)
	select {
	case <-a.done:
	case <-time.After(10 * time.Second):
		t.Fatal("server did not die")
	}
	c := Shared(t)
	if c == a || c.Exited() {
		t.Fatal("dead shared server was not replaced")
	}
	if got, err := c.Client(t).Do("PING"); err != nil || string(got) != "+PONG\r\n" {
		t.Fatalf("PING = %q, %v", got, err)
	}
}

// fakeTB records what a test helper does to its test instead of doing it.
// Skip and Fatal stop the helper by panicking with fakeStop.
type fakeTB struct {
	testing.TB
	skipped, fatal string
	errors         []string
}

type fakeStop struct{}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Skip(args ...any) {
	f.skipped = fmt.Sprint(args...)
	panic(fakeStop{})
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatal = fmt.Sprintf(format, args...)
	panic(fakeStop{})
}
func (f *fakeTB) Fatal(args ...any) {
	f.fatal = fmt.Sprint(args...)
	panic(fakeStop{})
}
func (f *fakeTB) Error(args ...any) { f.errors = append(f.errors, fmt.Sprint(args...)) }
func (f *fakeTB) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

// run calls fn and absorbs a fakeStop panic.
func (f *fakeTB) run(fn func()) (stopped bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(fakeStop); !ok {
				panic(r)
			}
			stopped = true
		}
	}()
	fn()
	return false
}

func TestStartWithoutRedis(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // an empty directory: no redis-server

	t.Setenv(RequireEnv, "")
	f := &fakeTB{TB: t}
	if !f.run(func() { Start(f) }) || f.skipped == "" || f.fatal != "" {
		t.Fatalf("without %s: skipped=%q fatal=%q", RequireEnv, f.skipped, f.fatal)
	}
	if !strings.Contains(f.skipped, "redis-server not installed") {
		t.Errorf("skip message %q", f.skipped)
	}
	f = &fakeTB{TB: t}
	if !f.run(func() { Shared(f) }) || f.skipped == "" {
		t.Fatalf("Shared without redis: skipped=%q fatal=%q", f.skipped, f.fatal)
	}

	t.Setenv(RequireEnv, "1")
	f = &fakeTB{TB: t}
	if !f.run(func() { Start(f) }) || f.fatal == "" || f.skipped != "" {
		t.Fatalf("with %s=1: skipped=%q fatal=%q", RequireEnv, f.skipped, f.fatal)
	}
	if !strings.Contains(f.fatal, "redis-server not found") || !strings.Contains(f.fatal, RequireEnv) {
		t.Errorf("fatal message %q", f.fatal)
	}
}

func TestStartFailureIsReported(t *testing.T) {
	// A "redis-server" that exits at once with a message: Start must fail
	// with that message rather than wait or hang.
	dir := t.TempDir()
	script := "#!/bin/sh\necho 'FATAL: pretend config error' >&2\nexit 1\n"
	if err := os.WriteFile(dir+"/redis-server", []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	f := &fakeTB{TB: t}
	if !f.run(func() { Start(f) }) || !strings.Contains(f.fatal, "pretend config error") {
		t.Fatalf("fatal=%q", f.fatal)
	}
}
