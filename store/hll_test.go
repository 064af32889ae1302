package store

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"sync"
	"testing"

	"github.com/embedis/embedis/hll"
)

func TestPFTypedAPI(t *testing.T) {
	s, _ := openManual(t)
	if ok, err := s.PFAdd("h", "a", "b", "c"); !ok || err != nil {
		t.Fatalf("PFAdd new = %v, %v", ok, err)
	}
	if ok, _ := s.PFAdd("h", "a"); ok {
		t.Fatal("re-adding a reported a change")
	}
	if ok, _ := s.PFAddBytes("h", []byte("d")); !ok {
		t.Fatal("PFAddBytes of a new element reported no change")
	}
	if ok, _ := s.PFAdd("empty"); !ok {
		t.Fatal("PFAdd creating a key with no elements must report 1, as Redis")
	}
	if n, err := s.PFCount("h"); n != 4 || err != nil {
		t.Fatalf("PFCount = %d, %v", n, err)
	}
	s.PFAdd("g", "c", "d", "e")
	if n, _ := s.PFCount("h", "g", "missing"); n != 5 {
		t.Fatalf("union count = %d, want 5 (never the sum, 7)", n)
	}
	if err := s.PFMerge("u", "h", "g"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.PFCount("u"); n != 5 {
		t.Fatalf("merged count = %d", n)
	}
	if n, _ := s.PFCount("h"); n != 4 {
		t.Fatalf("multi-key PFCOUNT changed h: %d", n)
	}
	if s.Type("u") != "string" {
		t.Fatalf("TYPE = %s", s.Type("u"))
	}
	if n, _ := s.PFCount(); n != 0 {
		t.Fatalf("PFCount() = %d", n)
	}
}

func TestPFErrors(t *testing.T) {
	s, _ := openManual(t)
	s.Set("str", "not a sketch")
	if _, err := s.PFAdd("str", "a"); !errors.Is(err, ErrNotHLL) {
		t.Fatalf("PFAdd on a string: %v", err)
	}
	if _, err := s.PFCount("str"); !errors.Is(err, ErrNotHLL) {
		t.Fatalf("PFCount on a string: %v", err)
	}
	if err := s.PFMerge("dst", "str"); !errors.Is(err, ErrNotHLL) || s.Exists("dst") != 0 {
		t.Fatalf("PFMerge from a string: %v, dst exists %d", err, s.Exists("dst"))
	}
	s.PFAdd("h", "a", "b")
	s.Append("h", "a") // a sparse sketch's tail is checksummed
	if _, err := s.PFAdd("h", "c"); !errors.Is(err, ErrHLLCorrupt) {
		t.Fatalf("PFAdd after APPEND: %v", err)
	}
	if _, err := s.PFCount("h"); !errors.Is(err, ErrHLLCorrupt) {
		t.Fatalf("PFCount after APPEND: %v", err)
	}
	s.PFAdd("h2", "a", "b")
	s.SetRange("h2", 0, "X")
	if _, err := s.PFCount("h2"); !errors.Is(err, ErrNotHLL) {
		t.Fatalf("PFCount after SETRANGE on the magic: %v", err)
	}
}

// TestPFValueIsString: the bytes GET returns are a working copy once SET
// elsewhere, and the value behaves as a string to string commands.
func TestPFValueIsString(t *testing.T) {
	s, _ := openManual(t)
	for i := 0; i < 3000; i++ {
		s.PFAdd("h", strconv.Itoa(i))
	}
	want, _ := s.PFCount("h")
	b, err := s.Get("h")
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := s.StrLen("h"); n != int64(len(b)) {
		t.Fatalf("STRLEN %d, GET %d bytes", n, len(b))
	}
	if r, _ := s.GetRange("h", 0, 3); r != "EHLL" {
		t.Fatalf("GETRANGE 0 3 = %q", r)
	}
	s.Set("copy", b)
	if n, err := s.PFCount("copy"); n != want || err != nil {
		t.Fatalf("PFCount of the copy = %d, %v; want %d", n, err, want)
	}
	if ok, _ := s.PFAdd("copy", "1", "2"); ok {
		t.Fatal("adding present elements to the copy reported a change")
	}
	if got, _ := s.Get("copy"); got != b {
		t.Fatal("a PFADD that changed nothing changed the bytes")
	}
	s.PFAdd("copy", "new")
	if got, _ := s.Get("copy"); got == b {
		t.Fatal("GET after a change returned the old bytes")
	}
	if n, _ := s.PFCount("h"); n != want {
		t.Fatal("changing the copy changed the original")
	}
	if v, _ := s.Do(context.Background(), "OBJECT", "ENCODING", "copy"); v.Str != "raw" {
		t.Fatalf("OBJECT ENCODING = %q", v.Str)
	}
}

// TestPFCountIsUnion checks the bar: multi-key PFCOUNT equals the count of
// the merged sketch.
func TestPFCountIsUnion(t *testing.T) {
	s, _ := openManual(t)
	keys := []string{"a", "b", "c"}
	for i := 0; i < 20000; i++ {
		s.PFAdd(keys[i%3], fmt.Sprint("e", i%7000))
	}
	union, _ := s.PFCount(keys...)
	s.PFMerge("m", keys...)
	merged, _ := s.PFCount("m")
	if union != merged {
		t.Fatalf("PFCOUNT a b c = %d, merged = %d", union, merged)
	}
	if e := math.Abs(float64(union)-7000) / 7000; e > 0.03 {
		t.Fatalf("union count %d for 7000 distinct", union)
	}
}

func TestPFMemoryAccounting(t *testing.T) {
	s, _ := openManual(t)
	sh := s.shardOf("h")
	base := *sh.used
	for i := 0; i < 5000; i++ {
		s.PFAdd("h", strconv.Itoa(i))
		if i%1000 == 0 {
			s.Get("h") // builds the cached bytes under a read lock
			s.PFCount("h")
		}
	}
	if got, want := *sh.used-base, entrySize("h", s.lookup("h", 0).val); got != want {
		t.Fatalf("accounted %d, entry is %d", got, want)
	}
	if *sh.used-base < 16384 {
		t.Fatalf("a dense sketch accounted at %d bytes", *sh.used-base)
	}
	s.Del("h")
	if *sh.used != base {
		t.Fatalf("used %d after DEL, want %d", *sh.used, base)
	}
}

// TestPFConcurrentReaders: readers share a read lock on one sketch while
// a writer changes it; run with -race.
func TestPFConcurrentReaders(t *testing.T) {
	s, _ := openManual(t)
	for i := 0; i < 3000; i++ {
		s.PFAdd("h", strconv.Itoa(i))
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				switch (g + i) % 4 {
				case 0:
					s.PFCount("h")
				case 1:
					s.Get("h")
				case 2:
					s.Do(ctx, "STRLEN", "h")
				default:
					s.PFAdd("h", fmt.Sprint(g, "-", i))
				}
			}
		}()
	}
	wg.Wait()
	b, _ := s.Get("h")
	if _, err := hll.Decode([]byte(b)); err != nil {
		t.Fatal(err)
	}
}
