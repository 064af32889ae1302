package store

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/embedis/embedis/resp"
)

// fillHash stores n fields f<i> = v<i> at key and returns them as a map.
func fillHash(t *testing.T, s *Store, key string, n int) map[string]string {
	t.Helper()
	want := map[string]string{}
	var pairs []string
	for i := 0; i < n; i++ {
		f, v := "f"+strconv.Itoa(i), "v"+strconv.Itoa(i)
		want[f] = v
		pairs = append(pairs, f, v)
	}
	if _, err := s.Hash(key).SetPairs(pairs...); err != nil {
		t.Fatal(err)
	}
	return want
}

func TestHashTypedAPI(t *testing.T) {
	s := openStore(t, Options{})
	h := s.Hash("user:1")
	if added, err := h.Set("name", "ada"); !added || err != nil {
		t.Fatalf("Set = %v, %v", added, err)
	}
	if added, _ := h.Set("name", "Ada"); added {
		t.Fatal("Set of an existing field reported it new")
	}
	if n, _ := h.SetPairs("lang", "go", "age", "36"); n != 2 {
		t.Fatalf("SetPairs = %d", n)
	}
	if _, err := h.SetPairs("odd"); err == nil {
		t.Fatal("SetPairs with an odd count succeeded")
	}
	if v, err := h.Get("name"); v != "Ada" || err != nil {
		t.Fatalf("Get = %q, %v", v, err)
	}
	if _, err := h.Get("nope"); err != ErrNil {
		t.Fatalf("Get of a missing field: %v", err)
	}
	if ok, _ := h.SetNX("name", "x"); ok {
		t.Fatal("SetNX overwrote")
	}
	all, _ := h.GetAll()
	if want := []FieldValue{{"name", "Ada"}, {"lang", "go"}, {"age", "36"}}; !slices.Equal(all, want) {
		t.Fatalf("GetAll = %v, want insertion order %v", all, want)
	}
	keys, _ := h.Keys()
	vals, _ := h.Values()
	if !slices.Equal(keys, []string{"name", "lang", "age"}) || !slices.Equal(vals, []string{"Ada", "go", "36"}) {
		t.Fatalf("Keys, Values = %v, %v", keys, vals)
	}
	m, _ := h.Map()
	if len(m) != 3 || m["lang"] != "go" {
		t.Fatalf("Map = %v", m)
	}
	got, _ := h.MGet("age", "nope")
	if got[0] != (NullString{"36", true}) || got[1].Valid {
		t.Fatalf("MGet = %v", got)
	}
	if n, _ := h.IncrBy("age", 1); n != 37 {
		t.Fatalf("IncrBy = %d", n)
	}
	if _, err := h.IncrBy("name", 1); err != ErrHashNotInteger {
		t.Fatalf("IncrBy of text: %v", err)
	}
	if f, _ := h.IncrByFloat("score", 0.1); f != "0.1" {
		t.Fatalf("IncrByFloat = %q", f)
	}
	if f, _ := h.IncrByFloat("score", 0.2); f != "0.3" {
		t.Fatalf("IncrByFloat = %q (long double arithmetic gives 0.3)", f)
	}
	if n, _ := h.StrLen("name"); n != 3 {
		t.Fatalf("StrLen = %d", n)
	}
	if ok, _ := h.Exists("lang"); !ok {
		t.Fatal("Exists = false")
	}
	if n, _ := h.Del("lang", "lang", "nope"); n != 1 {
		t.Fatalf("Del = %d", n)
	}
	if n, _ := h.Len(); n != 3 {
		t.Fatalf("Len = %d", n)
	}
	h.Del("name", "age", "score")
	if s.Exists("user:1") != 0 {
		t.Fatal("the key survived its last field")
	}
	if _, err := h.RandField(); err != ErrNil {
		t.Fatalf("RandField of a missing key: %v", err)
	}

	s.Set("str", "v")
	w := s.Hash("str")
	for name, err := range map[string]error{
		"Set": hashErr(w.Set("a", "b")), "Get": hashErr(w.Get("a")), "Del": hashErr(w.Del("a")),
		"Len": hashErr(w.Len()), "GetAll": hashErr(w.GetAll()), "IncrBy": hashErr(w.IncrBy("a", 1)),
		"IncrByFloat": hashErr(w.IncrByFloat("a", 1)), "RandFields": hashErr(w.RandFields(3)),
		"MGet": hashErr(w.MGet("a")), "Exists": hashErr(w.Exists("a")), "SetNX": hashErr(w.SetNX("a", "b")),
	} {
		if err != ErrWrongType {
			t.Errorf("%s on a string: %v", name, err)
		}
	}
	for _, err := range w.Scan("") {
		if err != ErrWrongType {
			t.Errorf("Scan on a string: %v", err)
		}
	}
	if errors.Is(ErrHashNotFloat, ErrWrongType) || ErrNaNOrInfValue.Error() != "ERR value is NaN or Infinity" {
		t.Fatal("sentinels")
	}
}

func hashErr[T any](_ T, err error) error { return err }

// TestHashScanGuarantee checks HSCAN's guarantee on a hashtable that grows
// and shrinks between steps: every field present for the whole scan is
// returned.
func TestHashScanGuarantee(t *testing.T) {
	s := openStore(t, Options{})
	ctx := context.Background()
	stable := fillHash(t, s, "h", 1000)
	var cursor string = "0"
	seen := map[string]bool{}
	for step := 0; ; step++ {
		v, err := s.Do(ctx, "HSCAN", "h", cursor, "COUNT", "7")
		if err != nil {
			t.Fatal(err)
		}
		cursor = v.Elems[0].Str
		for i := 0; i < len(v.Elems[1].Elems); i += 2 {
			seen[v.Elems[1].Elems[i].Str] = true
		}
		// Grow, then shrink, with fields that are not part of the check.
		if step == 5 {
			for i := 0; i < 3000; i++ {
				s.Hash("h").Set("tmp"+strconv.Itoa(i), "x")
			}
		}
		if step == 40 {
			for i := 0; i < 3000; i++ {
				s.Hash("h").Del("tmp" + strconv.Itoa(i))
			}
		}
		if cursor == "0" {
			break
		}
	}
	for f := range stable {
		if !seen[f] {
			t.Fatalf("field %s missed by the scan", f)
		}
	}

	// The typed iterator, with a pattern.
	got := map[string]string{}
	for fv, err := range s.Hash("h").Scan("f1*") {
		if err != nil {
			t.Fatal(err)
		}
		got[fv.Field] = fv.Value
	}
	want := maps.Collect(func(yield func(string, string) bool) {
		for f, v := range stable {
			if f[:2] == "f1" && !yield(f, v) {
				return
			}
		}
	})
	if !maps.Equal(got, want) {
		t.Fatalf("Scan(f1*) returned %d fields, want %d", len(got), len(want))
	}
}

// TestHashRandFields checks HRANDFIELD's every case for distinctness,
// membership and count, in both encodings.
func TestHashRandFields(t *testing.T) {
	s := openStore(t, Options{})
	for _, size := range []int{1, 5, 100, 512, 600, 5000} {
		key := "h" + strconv.Itoa(size)
		all := fillHash(t, s, key, size)
		for _, count := range []int{1, 2, size / 3, size/3 + 1, size - 1, size, size + 10, -1, -7, -3 * size} {
			if count == 0 {
				continue
			}
			got, err := s.Hash(key).RandFields(count)
			if err != nil {
				t.Fatal(err)
			}
			want := count
			if count > size {
				want = size
			} else if count < 0 {
				want = -count
			}
			if len(got) != want {
				t.Fatalf("size %d, count %d: %d fields", size, count, len(got))
			}
			distinct := map[string]bool{}
			for _, fv := range got {
				if all[fv.Field] != fv.Value {
					t.Fatalf("size %d, count %d: %v is not in the hash", size, count, fv)
				}
				distinct[fv.Field] = true
			}
			if count > 0 && len(distinct) != len(got) {
				t.Fatalf("size %d, count %d: repeated fields", size, count)
			}
		}
	}
	// Every field can come up: 5 fields, 1000 draws.
	counts := map[string]int{}
	fv, _ := s.Hash("h5").RandFields(-1000)
	for _, x := range fv {
		counts[x.Field]++
	}
	if len(counts) != 5 {
		t.Fatalf("1000 draws from 5 fields hit %d of them", len(counts))
	}
}

// TestHashEncodings checks the thresholds and the one-way conversion
// through OBJECT ENCODING (the differential tests compare it with Redis).
func TestHashEncodings(t *testing.T) {
	s := openStore(t, Options{})
	enc := func(key string) string {
		v, _ := s.Do(context.Background(), "OBJECT", "ENCODING", key)
		return v.Str
	}
	fillHash(t, s, "h", hashMaxListpackEntries)
	if e := enc("h"); e != "listpack" {
		t.Fatalf("%d fields: %s", hashMaxListpackEntries, e)
	}
	s.Hash("h").Set("one-more", "x")
	if e := enc("h"); e != "hashtable" {
		t.Fatalf("%d fields: %s", hashMaxListpackEntries+1, e)
	}
	for i := 0; i < hashMaxListpackEntries; i++ {
		s.Hash("h").Del("f" + strconv.Itoa(i))
	}
	if e := enc("h"); e != "hashtable" {
		t.Fatalf("after shrinking to one field: %s", e)
	}
	s.Hash("v").Set("f", string(make([]byte, hashMaxListpackValue+1)))
	if e := enc("v"); e != "hashtable" {
		t.Fatalf("a long value: %s", e)
	}
}

// TestHashConcurrent runs readers of every kind against writers of the same
// hash, for the race detector: read paths must not modify the hash.
func TestHashConcurrent(t *testing.T) {
	s := openStore(t, Options{})
	fillHash(t, s, "h", 400) // crosses into a hashtable while the test runs
	ctx := context.Background()
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 300; i++ {
				f := fmt.Sprintf("w%d-%d", w, i)
				s.Hash("h").Set(f, "x")
				s.Hash("h").IncrBy("n", 1)
				if i%3 == 0 {
					s.Hash("h").Del(f)
				}
			}
		}()
	}
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				s.Hash("h").Get("f1")
				s.Hash("h").RandFields(-5)
				s.Hash("h").RandFields(50)
				s.Do(ctx, "HSCAN", "h", "0", "COUNT", "20")
				s.Do(ctx, "HGETALL", "h")
				s.Do(ctx, "HRANDFIELD", "h", "3", "WITHVALUES")
			}
		}()
	}
	wg.Wait()
	if n, _ := s.Hash("h").Get("n"); n != "1200" {
		t.Fatalf("n = %s after 1200 increments", n)
	}
}

func TestHashDoErrors(t *testing.T) {
	s := openStore(t, Options{})
	ctx := context.Background()
	_, err := s.Do(ctx, "HINCRBYFLOAT", "h", "f", "inf")
	if !errors.Is(err, ErrNaNOrInfValue) {
		t.Fatalf("HINCRBYFLOAT inf: %v", err)
	}
	s.Do(ctx, "HSET", "h", "f", "x")
	if _, err := s.Do(ctx, "HINCRBY", "h", "f", "1"); err != resp.ErrorReply("ERR hash value is not an integer") {
		t.Fatalf("HINCRBY of text: %v", err)
	}
}

// TestRandomRepeatsStopWhenCallerGone: a huge negative count asks
// HRANDFIELD, SRANDMEMBER and ZRANDMEMBER for more members than memory
// holds; the reply stops once the caller's context ends.
func TestRandomRepeatsStopWhenCallerGone(t *testing.T) {
	s := openStore(t, Options{})
	bg := context.Background()
	s.Do(bg, "HSET", "h", "f", "v")
	s.Do(bg, "SADD", "s", "m", "n")
	s.Do(bg, "ZADD", "z", "1", "m")
	for _, cmd := range [][]string{
		{"HRANDFIELD", "h", "-9223372036854775807"},
		{"SRANDMEMBER", "s", "-9223372036854775807"},
		{"ZRANDMEMBER", "z", "-9223372036854775807"},
	} {
		ctx, cancel := context.WithTimeout(bg, 50*time.Millisecond)
		done := make(chan struct{})
		go func() {
			s.Do(ctx, cmd...)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%v did not stop after its context ended", cmd)
		}
		cancel()
	}
}
