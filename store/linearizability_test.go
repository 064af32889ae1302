package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
)

// The linearizability test runs random GET, SET, INCR, DEL, MSET, MGET and
// RENAME from several goroutines over three keys in three shards, records
// each call's invocation and return times, and asks porcupine whether some
// sequential order of the calls, consistent with real time, explains every
// reply. Multi-key commands make the keys one object, so the model is the
// whole three-key state.

type linKeys [3]string

type linState struct {
	v  [3]string
	ok [3]bool
}

type linInput struct {
	op   string
	keys []int    // indexes into linKeys
	vals []string // SET / MSET values
}

type linOutput struct {
	vals []string // GET / MGET, "" with present=false for nil
	has  []bool
	n    int64 // INCR result, DEL count
	err  string
}

func linModel() porcupine.Model {
	return porcupine.Model{
		Init: func() interface{} { return linState{} },
		Step: func(st, in, out interface{}) (bool, interface{}) {
			s, i, o := st.(linState), in.(linInput), out.(linOutput)
			switch i.op {
			case "GET", "MGET":
				for j, k := range i.keys {
					if o.has[j] != s.ok[k] || o.has[j] && o.vals[j] != s.v[k] {
						return false, s
					}
				}
				return true, s
			case "SET", "MSET":
				for j, k := range i.keys {
					s.v[k], s.ok[k] = i.vals[j], true
				}
				return o.err == "", s
			case "INCR":
				k := i.keys[0]
				n := int64(0)
				if s.ok[k] {
					var err error
					if n, err = strconv.ParseInt(s.v[k], 10, 64); err != nil {
						return o.err != "", s
					}
				}
				n++
				if o.err != "" || o.n != n {
					return false, s
				}
				s.v[k], s.ok[k] = strconv.FormatInt(n, 10), true
				return true, s
			case "DEL":
				k := i.keys[0]
				want := int64(0)
				if s.ok[k] {
					want = 1
				}
				s.ok[k], s.v[k] = false, ""
				return o.n == want, s
			case "RENAME":
				src, dst := i.keys[0], i.keys[1]
				if !s.ok[src] {
					return o.err != "", s
				}
				if o.err != "" {
					return false, s
				}
				v := s.v[src]
				s.ok[src], s.v[src] = false, ""
				s.ok[dst], s.v[dst] = true, v
				return true, s
			}
			return false, s
		},
		DescribeOperation: func(in, out interface{}) string {
			return fmt.Sprintf("%v -> %v", in, out)
		},
	}
}

// linCall runs one generated operation on the Store through Do.
func linCall(s *Store, keys linKeys, in linInput) linOutput {
	args := []string{in.op}
	switch in.op {
	case "SET":
		args = append(args, keys[in.keys[0]], in.vals[0])
	case "MSET":
		for j, k := range in.keys {
			args = append(args, keys[k], in.vals[j])
		}
	default:
		for _, k := range in.keys {
			args = append(args, keys[k])
		}
	}
	v, err := s.Do(context.Background(), args...)
	var out linOutput
	if err != nil {
		out.err = err.Error()
		return out
	}
	switch in.op {
	case "GET":
		out.vals, out.has = []string{v.Str}, []bool{!v.Nil}
	case "MGET":
		for _, e := range v.Elems {
			out.vals = append(out.vals, e.Str)
			out.has = append(out.has, !e.Nil)
		}
	case "INCR", "DEL":
		out.n = v.Int
	}
	return out
}

func linRandomInput(r *rand.Rand) linInput {
	k := r.IntN(3)
	val := strconv.Itoa(r.IntN(5))
	switch r.IntN(7) {
	case 0:
		return linInput{op: "GET", keys: []int{k}}
	case 1:
		return linInput{op: "SET", keys: []int{k}, vals: []string{val}}
	case 2:
		return linInput{op: "INCR", keys: []int{k}}
	case 3:
		return linInput{op: "DEL", keys: []int{k}}
	case 4:
		return linInput{op: "MSET", keys: []int{0, 1, 2}, vals: []string{val, strconv.Itoa(r.IntN(5)), strconv.Itoa(r.IntN(5))}}
	case 5:
		return linInput{op: "MGET", keys: []int{0, 1, 2}}
	}
	return linInput{op: "RENAME", keys: []int{k, (k + 1 + r.IntN(2)) % 3}}
}

func TestLinearizable(t *testing.T) {
	s, _ := Open(Options{})
	defer s.Close()
	keys := linKeys(keysInShards(s.DB, "lin:", 3))
	if shardsOf(s.DB, keys[:]) != 3 {
		t.Fatal("the keys must be in three shards")
	}
	const clients, perClient = 6, 200
	start := time.Now()
	var mu sync.Mutex
	var history []porcupine.Operation
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(c), 7))
			for i := 0; i < perClient; i++ {
				in := linRandomInput(r)
				call := time.Since(start).Nanoseconds()
				out := linCall(s, keys, in)
				ret := time.Since(start).Nanoseconds()
				mu.Lock()
				history = append(history, porcupine.Operation{ClientId: c, Input: in, Call: call, Output: out, Return: ret})
				mu.Unlock()
			}
		}(c)
	}
	wg.Wait()
	switch res := porcupine.CheckOperationsTimeout(linModel(), history, 60*time.Second); res {
	case porcupine.Ok:
	case porcupine.Illegal:
		t.Fatalf("history of %d operations is not linearizable", len(history))
	default:
		t.Fatalf("linearizability check did not finish: %v", res)
	}
}
