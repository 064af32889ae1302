package store

import (
	"context"
	"io"
	"net"
	"os/exec"
	"strings"
	"testing"
)

// serveTCP bridges a loopback listener to the Store's in-memory connections,
// so tools that only speak TCP (redis-cli) can be pointed at a Store in
// tests. It is test scaffolding: Embedis itself has no network server.
func serveTCP(t *testing.T, s *Store) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			m, err := s.Dial(context.Background(), "", "")
			if err != nil {
				c.Close()
				return
			}
			go func() { io.Copy(m, c); m.Close() }()
			go func() { io.Copy(c, m); c.Close() }()
		}
	}()
	return ln.Addr().String()
}

// TestRedisCLI drives the Store with redis-cli, which starts by asking
// COMMAND DOCS for its hints and speaks RESP2 or RESP3 (-3).
func TestRedisCLI(t *testing.T) {
	cli, err := exec.LookPath("redis-cli")
	if err != nil {
		t.Skip("redis-cli not installed (apt-get install redis-tools)")
	}
	s, _ := Open(Options{})
	defer s.Close()
	addr := serveTCP(t, s)
	host, port, _ := net.SplitHostPort(addr)
	run := func(args ...string) string {
		out, err := exec.Command(cli, append([]string{"-h", host, "-p", port}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("redis-cli %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"SET", "k", "v", "EX", "100"}, "OK"},
		{[]string{"GET", "k"}, "v"},
		{[]string{"TTL", "k"}, "100"},
		{[]string{"INCR", "k"}, "ERR value is not an integer or out of range"},
		{[]string{"-3", "HELLO", "3"}, ""},
		{[]string{"--no-raw", "MGET", "k", "nokey"}, "1) \"v\"\n2) (nil)"},
		{[]string{"-3", "--no-raw", "MGET", "k", "nokey"}, "1) \"v\"\n2) (nil)"},
	} {
		got := run(c.args...)
		if c.want != "" && got != c.want {
			t.Errorf("redis-cli %v = %q, want %q", c.args, got, c.want)
		}
	}
	// Interactive mode reads commands from stdin after COMMAND DOCS.
	cmd := exec.Command(cli, "-h", host, "-p", port)
	cmd.Stdin = strings.NewReader("PING\nDBSIZE\n")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "PONG") {
		t.Fatalf("interactive redis-cli: %v\n%s", err, out)
	}
}
