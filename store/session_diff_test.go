package store

import (
	"context"
	"net"
	"regexp"
	"strconv"
	"strings"
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
		// HELLO runs its options in order: a failed AUTH stops it, a later
		// error leaves an earlier AUTH or SETNAME done
		{"RESET"}, {"HELLO"}, {"HELLO", "3"}, {"CLIENT", "SETNAME", "x"}, {"CLIENT", "ID"}, {"HELLO", "2", "SETNAME", "early"},
		{"HELLO", "3", "AUTH", "default", "wrong", "AUTH", "default", "s3cret"}, {"GET", "k"}, {"AUTH", "s3cret"}, {"CLIENT", "GETNAME"},
		{"RESET"}, {"HELLO", "2", "AUTH", "default", "s3cret", "SETNAME", "bad name"}, {"GET", "k"}, {"CLIENT", "GETNAME"},
		{"RESET"}, {"HELLO", "2", "AUTH", "default", "s3cret", "FOO"}, {"GET", "k"}, {"RESET"}, {"HELLO", "4", "AUTH", "default", "s3cret"},
		{"GET", "k"}, {"HELLO", "2", "AUTH", "default"}, {"AUTH"}, {"AUTH", ""}, {"AUTH", "default", ""}, {"AUTH", "DEFAULT", "s3cret"},
		{"GET", "k"}, {"AUTH", "default", "s3cret", "x"}, {"AUTH", "default", "s3cret"}, {"AUTH", "wrong"}, {"GET", "k"},
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

// TestDiffConnection compares HELLO (options, protocol switches, errors),
// AUTH without a password, the CLIENT subcommands, TIME, COMMAND COUNT and
// QUIT. Replies that carry ids, addresses, times or the server's command
// count are compared after clientNorm.
func TestDiffConnection(t *testing.T) {
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		for _, c := range [][]string{
			// HELLO: every form, the protocol it leaves, and its errors
			{"HELLO"}, {"GET", "nokey"}, {"HELLO", "3", "SETNAME", "app"}, {"CLIENT", "GETNAME"}, {"GET", "nokey"},
			{"HELLO", "2"}, {"GET", "nokey"}, {"HELLO", "3", "AUTH", "default", "anything", "SETNAME", "n2"}, {"CLIENT", "GETNAME"},
			{"hello", "2", "auth", "default", "x", "setname", "n3"}, {"CLIENT", "GETNAME"}, {"HELLO", "3", "SETNAME", ""}, {"CLIENT", "GETNAME"},
			{"HELLO", "2", "SETNAME", "a", "SETNAME", "b"}, {"CLIENT", "GETNAME"}, {"HELLO", "2", "AUTH", "nouser", "x"},
			{"HELLO", "3", "AUTH", "nouser", "x", "SETNAME", "n4"}, {"HELLO", "3", "SETNAME", "n5", "AUTH", "nouser", "x"}, {"CLIENT", "GETNAME"},
			{"HELLO", "3", "SETNAME", "n6", "FOO"}, {"CLIENT", "GETNAME"}, {"HELLO", "3", "SETNAME", "bad\nname"}, {"HELLO", "3", "SETNAME", "é"},
			{"HELLO", "3", "AUTH", "default"}, {"HELLO", "3", "AUTH"}, {"HELLO", "3", "SETNAME", "x", "AUTH", "default"}, {"GET", "nokey"},
			{"HELLO", "1"}, {"HELLO", "0"}, {"HELLO", "-1"}, {"HELLO", "2.5"}, {"HELLO", ""}, {"HELLO", "99999999999999999999"},
			{"HELLO", "4", "SETNAME", "n7"}, {"HELLO", "x", "FOO"}, {"HELLO", "03"}, {"HELLO", "+2"}, {"CLIENT", "GETNAME"}, {"GET", "nokey"},
			{"HELLO", strconv.Itoa(proto)},
			// AUTH without a password: the default user takes any password
			{"AUTH"}, {"AUTH", "default", "anything"}, {"AUTH", "default", ""}, {"AUTH", "Default", "x"}, {"AUTH", ""}, {"AUTH", "", ""},
			// CLIENT subcommands, their arity and errors
			{"CLIENT", "ID"}, {"CLIENT", "ID", "x"}, {"client", "id"}, {"CLIENT", "SETNAME"}, {"CLIENT", "SETNAME", "a", "b"},
			{"CLIENT", "SETNAME", "tab\tname"}, {"CLIENT", "SETNAME", "~!"}, {"CLIENT", "GETNAME"}, {"CLIENT", "GETNAME", "x"},
			{"client", "setname", "lower"}, {"CLIENT", "INFO"}, {"SELECT", "2"}, {"client", "info"}, {"SELECT", "0"}, {"CLIENT", "INFO", "x"},
			{"CLIENT", "SETINFO", "lib-name", "x"}, {"CLIENT", "SETINFO"}, {"CLIENT", "HELP", "x"}, {"CLIENT", "help"}, {"CLIENT", ""},
			// TIME and COMMAND COUNT (redis-server has more commands: compared by shape)
			{"TIME"}, {"time"}, {"COMMAND", "COUNT"}, {"COMMAND", "count"}, {"COMMAND", "INFO", "time", "hello", "client|info", "client|setname"},
			{"COMMAND", "DOCS", "ping", "echo", "time", "auth", "reset", "quit"},
			// RESET ends the session state; QUIT ends the connection
			{"CLIENT", "SETNAME", "before"}, {"SELECT", "5"}, {"RESET"}, {"CLIENT", "GETNAME"}, {"CLIENT", "INFO"}, {"RESET"},
			{"QUIT"},
		} {
			d.DoNormalized(clientNorm(c), c...)
		}
	}
}

// clientNorm returns the normaliser for c's reply: HELLO's id and version,
// CLIENT ID's number, TIME within a second, COMMAND COUNT's count, and the
// fields of CLIENT INFO that describe the socket, the buffers and times.
func clientNorm(c []string) redistest.Normalizer {
	name := strings.ToUpper(c[0])
	if len(c) > 1 {
		name += " " + strings.ToUpper(c[1])
	}
	switch {
	case strings.HasPrefix(name, "HELLO"):
		return redistest.HelloNormalizer
	case name == "CLIENT ID" && len(c) == 2, name == "COMMAND COUNT" && len(c) == 2:
		return redistest.Shape
	case name == "TIME":
		return timeNorm
	case name == "CLIENT INFO":
		return redistest.Each(func(v redistest.Value) redistest.Value {
			if v.Kind == '$' || v.Kind == '=' {
				v.Str = clientInfoVolatile.ReplaceAllString(v.Str, "$1=*")
			}
			return v
		})
	}
	return nil
}

var clientInfoVolatile = regexp.MustCompile(`\b(id|addr|laddr|fd|age|idle|qbuf|qbuf-free|argv-mem|tot-mem|rbs|rbp)=[^ \n]*`)

// timeNorm accepts two TIME replies whose seconds are within 1 and whose
// microseconds are canonical integers below 10^6.
func timeNorm(ref, sub []byte) ([]byte, []byte) {
	parse := func(raw []byte) (int64, bool) {
		v, err := redistest.Parse(raw)
		if err != nil || v.Kind != '*' || len(v.Elems) != 2 {
			return 0, false
		}
		sec, err1 := strconv.ParseInt(v.Elems[0].Str, 10, 64)
		us, err2 := strconv.ParseInt(v.Elems[1].Str, 10, 64)
		if err1 != nil || err2 != nil || v.Elems[0].Kind != '$' || v.Elems[1].Kind != '$' || us < 0 || us >= 1e6 ||
			strconv.FormatInt(sec, 10) != v.Elems[0].Str || strconv.FormatInt(us, 10) != v.Elems[1].Str {
			return 0, false
		}
		return sec, true
	}
	rs, rok := parse(ref)
	ss, sok := parse(sub)
	if rok && sok && rs-ss <= 1 && ss-rs <= 1 {
		return ref, ref
	}
	return ref, sub
}
