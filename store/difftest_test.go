package store

import (
	"context"
	"net"
	"strings"
	"testing"

	"github.com/embedis/embedis/internal/redistest"
)

// newDiff returns a differential session: a fresh Store and the shared
// redis-server (flushed), one connection to each, speaking proto. The
// Store's connection turns a panic into a failed write that carries it
// (panicConn), so the test reports the command instead of dying.
func newDiff(t *testing.T, proto int) (*redistest.Diff, *Store) {
	t.Helper()
	srv := flushedShared(t)
	s := openStore(t, Options{})
	sub := func() (net.Conn, error) {
		conn, err := s.Dial(context.Background(), "", "")
		if err != nil {
			return nil, err
		}
		return panicConn{conn}, nil
	}
	return redistest.NewDiff(t, srv.Dial, sub, proto), s
}

// flushedShared returns the shared redis-server with its data flushed.
func flushedShared(t *testing.T) *redistest.Server {
	t.Helper()
	srv := redistest.Shared(t)
	c := srv.Client(t)
	defer c.Close()
	if _, err := c.Do("FLUSHALL"); err != nil {
		t.Fatal(err)
	}
	return srv
}

// runCases sends each case to both servers, in RESP2 and RESP3, each
// protocol on freshly flushed data.
func runCases(t *testing.T, cases [][]string) {
	t.Helper()
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		for _, c := range cases {
			if norm := timingNormalizer(c); norm != nil {
				d.DoNormalized(norm, c...)
			} else {
				d.Do(c...)
			}
		}
	}
}

// timingNormalizer returns the tolerance for replies that depend on when
// each server ran the command: times in ms may differ by the gap between the
// two sends, times in seconds by a rounding step, and OBJECT IDLETIME by
// redis-server's cached LRU clock, which its cron refreshes only 10 times a
// second (more when loaded).
func timingNormalizer(args []string) redistest.Normalizer {
	switch strings.ToUpper(args[0]) {
	case "PTTL", "PEXPIRETIME":
		return redistest.IntWithin(50)
	case "TTL", "EXPIRETIME":
		return redistest.IntWithin(1)
	case "OBJECT":
		if len(args) > 1 && strings.EqualFold(args[1], "IDLETIME") {
			return redistest.IntWithin(3)
		}
	}
	return nil
}
