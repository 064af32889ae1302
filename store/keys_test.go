package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"testing"

	"github.com/embedis/embedis/internal/redistest"
)

// scanAll runs SCAN to completion through Do and returns the keys.
func scanAll(t *testing.T, d *DB, extra ...string) map[string]int {
	t.Helper()
	seen := map[string]int{}
	cursor := "0"
	for calls := 0; ; calls++ {
		if calls > 1_000_000 {
			t.Fatal("SCAN does not terminate")
		}
		v, err := d.Do(context.Background(), append([]string{"SCAN", cursor}, extra...)...)
		if err != nil {
			t.Fatal(err)
		}
		cursor = v.Elems[0].Str
		for _, k := range v.Elems[1].Elems {
			seen[k.Str]++
		}
		if cursor == "0" {
			return seen
		}
	}
}

// TestScanGuarantee: keys present for the whole scan are returned at least
// once while other keys are added and deleted and tables grow and shrink.
func TestScanGuarantee(t *testing.T) {
	s, _ := Open(Options{})
	defer s.Close()
	for i := 0; i < 5000; i++ {
		s.Set("stable:"+strconv.Itoa(i), "v")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	cursor := uint64(0)
	for step := 0; ; step++ {
		// Churn between calls: enough inserts and deletes to resize tables.
		for j := 0; j < 200; j++ {
			k := "churn:" + strconv.Itoa(rng.IntN(20000))
			if rng.IntN(2) == 0 {
				s.Set(k, "v")
			} else {
				s.Del(k)
			}
		}
		var keys []string
		cursor, keys = s.scanStep(cursor, 10, func(e *entry, sh *shard, now int64) bool { return true })
		for _, k := range keys {
			seen[k] = true
		}
		if cursor == 0 {
			break
		}
	}
	for i := 0; i < 5000; i++ {
		if !seen["stable:"+strconv.Itoa(i)] {
			t.Fatalf("stable:%d was present for the whole scan but never returned", i)
		}
	}
}

// TestScanCountBoundsWork: one SCAN call visits at most about COUNT keys
// (Redis's bound: 10*COUNT buckets), however big the database.
func TestScanCountBoundsWork(t *testing.T) {
	s, _ := Open(Options{})
	defer s.Close()
	for i := 0; i < 50000; i++ {
		s.Set("k"+strconv.Itoa(i), "v")
	}
	visited := 0
	_, keys := s.scanStep(0, 10, func(*entry, *shard, int64) bool { visited++; return false })
	if len(keys) != 0 || visited > 40 {
		t.Fatalf("SCAN COUNT 10 visited %d entries", visited)
	}
	got := scanAll(t, s.DB, "COUNT", "1000")
	if len(got) != 50000 {
		t.Fatalf("full scan returned %d distinct keys", len(got))
	}
}

// TestDiffScan compares full SCAN iterations with redis-server as sets,
// with MATCH, TYPE and COUNT.
func TestDiffScan(t *testing.T) {
	srv := redistest.Shared(t)
	c := srv.Client(t)
	defer c.Close()
	c.Do("FLUSHALL")
	s, _ := Open(Options{})
	defer s.Close()
	args := []string{"MSET"}
	for i := 0; i < 300; i++ {
		args = append(args, fmt.Sprintf("key:%d", i), "v")
	}
	c.Do(args...)
	s.Do(context.Background(), args...)
	for _, extra := range [][]string{nil, {"MATCH", "key:1*"}, {"COUNT", "3"}, {"MATCH", "*:2?", "COUNT", "50"}, {"TYPE", "string"}, {"TYPE", "hash"}, {"TYPE", "STRING", "MATCH", "nomatch"}} {
		want := map[string]int{}
		cursor := "0"
		for {
			raw, err := c.Do(append([]string{"SCAN", cursor}, extra...)...)
			if err != nil {
				t.Fatal(err)
			}
			v, _ := redistest.Parse(raw)
			cursor = v.Elems[0].Str
			for _, k := range v.Elems[1].Elems {
				want[k.Str]++
			}
			if cursor == "0" {
				break
			}
		}
		got := scanAll(t, s.DB, extra...)
		if !sameKeys(want, got) {
			t.Errorf("SCAN %v: redis-server returned %d keys, embedis %d", extra, len(want), len(got))
		}
	}
}

func sameKeys(a, b map[string]int) bool {
	ka, kb := keysOf(a), keysOf(b)
	if len(ka) != len(kb) {
		return false
	}
	for i := range ka {
		if ka[i] != kb[i] {
			return false
		}
	}
	return true
}

func keysOf(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestTypedKeyspace(t *testing.T) {
	s, clock := openManual(t)
	s.MSet("a", "1", "b", "2")
	if s.Type("a") != "string" || s.Type("zz") != "none" {
		t.Fatal("Type")
	}
	if err := s.Rename("a", "c"); err != nil || s.Exists("a", "c") != 1 {
		t.Fatal("Rename")
	}
	if err := s.Rename("nokey", "x"); err != ErrNoSuchKey {
		t.Fatalf("Rename missing: %v", err)
	}
	if ok, _ := s.RenameNX("c", "b"); ok {
		t.Fatal("RenameNX onto an existing key")
	}
	if !s.Expire("b", 10*1e9) || s.TTL("b") <= 0 {
		t.Fatal("Expire")
	}
	if !s.Persist("b") || s.TTL("b") != -1 {
		t.Fatal("Persist")
	}
	if s.Expire("nokey", 1e9) {
		t.Fatal("Expire of a missing key")
	}
	s.Expire("b", -1)
	if s.Exists("b") != 0 {
		t.Fatal("Expire with a negative TTL must delete")
	}
	if k, err := s.RandomKey(); err != nil || k != "c" {
		t.Fatalf("RandomKey = %q %v", k, err)
	}
	if got := s.Keys("*"); len(got) != 1 || got[0] != "c" {
		t.Fatalf("Keys = %v", got)
	}
	s.Select(1).Set("x", "y")
	if s.DBSize() != 1 || s.Select(1).DBSize() != 1 {
		t.Fatal("DBSize")
	}
	s.FlushDB()
	if s.DBSize() != 0 || s.Select(1).DBSize() != 1 {
		t.Fatal("FlushDB must clear only its database")
	}
	if n := s.Del("x", "y"); n != 0 {
		t.Fatal("Del")
	}
	if _, err := s.RandomKey(); err != ErrNil {
		t.Fatal("RandomKey of an empty db")
	}
	clock.Advance(0)
}

// TestSharedIntegerIdleTime: Redis's shared integers have one access clock,
// so OBJECT IDLETIME of a key holding 0..9999 follows every key holding the
// same number.
func TestSharedIntegerIdleTime(t *testing.T) {
	s, clock := openManual(t)
	ctx := context.Background()
	idle := func(k string) int64 {
		v, err := s.Do(ctx, "OBJECT", "IDLETIME", k)
		if err != nil {
			t.Fatal(err)
		}
		return v.Int
	}
	s.Set("a", "123")
	s.Set("big", "123456")
	clock.Advance(10 * 1e9)
	s.Set("b", "123")
	if idle("b") != 10 || idle("big") != 10 {
		t.Fatalf("idle b=%d big=%d, want 10 10 (b shares 123's clock)", idle("b"), idle("big"))
	}
	s.Get("a")
	if idle("b") != 0 || idle("big") != 10 {
		t.Fatalf("after GET a: idle b=%d big=%d, want 0 10", idle("b"), idle("big"))
	}
}
