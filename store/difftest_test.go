package store

import (
	"context"
	"net"
	"testing"

	"github.com/embedis/embedis/internal/redistest"
)

// newDiff returns a differential session: a fresh Store and the shared
// redis-server (flushed), one connection to each, speaking proto.
func newDiff(t *testing.T, proto int) (*redistest.Diff, *Store) {
	t.Helper()
	srv := redistest.Shared(t)
	c := srv.Client(t)
	if _, err := c.Do("FLUSHALL"); err != nil {
		t.Fatal(err)
	}
	c.Close()
	s, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	sub := func() (net.Conn, error) { return s.Dial(context.Background(), "", "") }
	return redistest.NewDiff(t, srv.Dial, sub, proto), s
}

// runCases sends each case to both servers, in RESP2 and RESP3, each
// protocol on freshly flushed data.
func runCases(t *testing.T, cases [][]string) {
	t.Helper()
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		for _, c := range cases {
			d.Do(c...)
		}
	}
}

// pttlWithin compares PTTL-like replies that may differ by the time
// between the two sends.
var pttlWithin = redistest.IntWithin(50)
