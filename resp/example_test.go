package resp_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/embedis/embedis/resp"
)

// kv is a tiny Session: GET, SET and QUIT over a map.
type kv struct{ m map[string]string }

func (s *kv) Exec(_ context.Context, w *resp.Writer, args []string) bool {
	switch strings.ToUpper(args[0]) {
	case "SET":
		s.m[args[1]] = args[2]
		w.Simple("OK")
	case "GET":
		if v, ok := s.m[args[1]]; ok {
			w.Bulk(v)
		} else {
			w.NullBulk()
		}
	case "QUIT":
		w.Simple("OK")
		return false
	default:
		w.Error("ERR unknown command '" + args[0] + "'")
	}
	return true
}

func (s *kv) MayBlock([]string) bool { return false }
func (s *kv) Close()                 {}

func Example() {
	conn := resp.Pipe(&kv{m: map[string]string{}})
	defer conn.Close()

	// Requests may be multibulk or inline, and pipelined.
	conn.Write([]byte("*3\r\n$3\r\nSET\r\n$4\r\nname\r\n$6\r\nRedis!\r\n"))
	conn.Write([]byte("GET name\r\nGET missing\r\nNOPE\r\n"))

	r := resp.NewReader(conn)
	for i := 0; i < 4; i++ {
		v, err := r.ReadValue()
		if err != nil {
			panic(err)
		}
		fmt.Println(v)
	}
	// Output:
	// OK
	// "Redis!"
	// (nil)
	// (error) ERR unknown command 'NOPE'
}
