package store

import (
	"context"
	"net"
	"testing"

	"github.com/embedis/embedis/internal/redistest"
)

// TestDiffAuth compares the authentication flow with a redis-server that
// has requirepass set, against a Store with Options.Password.
func TestDiffAuth(t *testing.T) {
	srv := redistest.Shared(t)
	admin := srv.Client(t)
	defer admin.Close()
	if _, err := admin.Do("FLUSHALL"); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Do("CONFIG", "SET", "requirepass", "s3cret"); err != nil {
		t.Fatal(err)
	}
	defer func() {
		// The admin connection authenticated before the password was set.
		admin.Do("CONFIG", "SET", "requirepass", "")
	}()
	s, err := Open(Options{Password: "s3cret"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sub := func() (net.Conn, error) { return s.Dial(context.Background(), "", "") }
	d := redistest.NewDiff(t, srv.Dial, sub, 2)
	for _, c := range [][]string{
		{"GET", "k"}, {"SET", "k", "v"}, {"PING"}, {"SELECT", "1"}, {"HELLO", "3"}, {"NOSUCH"}, {"GET"},
		{"AUTH", "wrong"}, {"AUTH", "default", "wrong"}, {"AUTH", "nobody", "s3cret"}, {"AUTH", "a", "b", "c"},
		{"HELLO", "2", "AUTH", "default", "wrong"}, {"GET", "k"},
		{"AUTH", "s3cret"}, {"GET", "k"}, {"SET", "k", "v"}, {"GET", "k"}, {"DEL", "k"},
		{"RESET"}, {"GET", "k"}, {"AUTH", "default", "s3cret"}, {"PING"},
		{"RESET"}, {"HELLO", "2", "AUTH", "default", "s3cret", "SETNAME", "app"}, {"CLIENT", "GETNAME"},
		{"QUIT"},
	} {
		if len(c) > 1 && c[0] == "HELLO" && len(c) > 3 && c[len(c)-1] != "wrong" {
			d.DoNormalized(redistest.HelloNormalizer, c...)
			continue
		}
		d.Do(c...)
	}
}

// TestDiffSessionState compares SELECT, HELLO, CLIENT SETNAME, RESET and
// QUIT, which change or end the connection's state.
func TestDiffSessionState(t *testing.T) {
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		for _, c := range [][]string{
			{"SELECT", "3"}, {"SET", "k", "in3"}, {"CLIENT", "SETNAME", "worker"}, {"CLIENT", "GETNAME"},
			{"GET", "k"}, {"RESET"}, {"GET", "k"}, {"CLIENT", "GETNAME"}, {"SELECT", "3"}, {"GET", "k"},
			{"HELLO", "4"}, {"HELLO", "3", "SETNAME", "bad name"}, {"CLIENT", "GETNAME"}, {"PING", "x"},
			{"ECHO", ""}, {"RESET", "extra"},
		} {
			d.Do(c...)
		}
		d.Do("QUIT", "extra") // QUIT's arity is -1: extra arguments are ignored
	}
}
