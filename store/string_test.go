package store

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"
)

func TestTypedStrings(t *testing.T) {
	s, clock := openManual(t)
	if _, err := s.Get("x"); err != ErrNil {
		t.Fatalf("Get missing: %v", err)
	}
	if ok, _ := s.Set("x", "1", NX); !ok {
		t.Fatal("Set NX on missing key")
	}
	if ok, _ := s.Set("x", "2", NX); ok {
		t.Fatal("Set NX on existing key")
	}
	if ok, _ := s.Set("y", "2", XX); ok {
		t.Fatal("Set XX on missing key")
	}
	if _, err := s.Set("x", "1", NX, XX); err != ErrSyntax {
		t.Fatalf("NX+XX: %v", err)
	}
	if _, err := s.Set("x", "1", TTL(-time.Second)); err != ErrInvalidExpire {
		t.Fatalf("negative TTL: %v", err)
	}
	s.Set("x", "1", TTL(time.Minute))
	s.Set("x", "2", KeepTTL)
	if s.TTL("x") != time.Minute {
		t.Fatalf("KEEPTTL lost the TTL: %v", s.TTL("x"))
	}
	s.Set("x", "3")
	if s.TTL("x") != -1 {
		t.Fatal("plain Set must clear the TTL")
	}
	if old, _ := s.GetSet("x", "4"); old != "3" {
		t.Fatalf("GetSet = %q", old)
	}
	if _, err := s.GetSet("new", "v"); err != ErrNil {
		t.Fatalf("GetSet of a new key: %v", err)
	}
	if v, _ := s.GetEx("x", TTL(time.Second)); v != "4" || s.TTL("x") != time.Second {
		t.Fatalf("GetEx: %q %v", v, s.TTL("x"))
	}
	s.GetEx("x", ExpireAt(clock.Now().Add(time.Hour)))
	if s.TTL("x") != time.Hour {
		t.Fatalf("GetEx ExpireAt: TTL %v", s.TTL("x"))
	}
	s.GetEx("x", Persist)
	if s.TTL("x") != -1 {
		t.Fatal("GetEx Persist")
	}
	if v, _ := s.GetDel("x"); v != "4" || s.Exists("x") != 0 {
		t.Fatal("GetDel")
	}
	if n, _ := s.IncrBy("c", 5); n != 5 {
		t.Fatal("IncrBy")
	}
	if n, _ := s.DecrBy("c", 7); n != -2 {
		t.Fatal("DecrBy")
	}
	if _, err := s.DecrBy("c", minInt64); err != ErrDecrOverflow {
		t.Fatalf("DecrBy min: %v", err)
	}
	s.Set("c", "9223372036854775807")
	if _, err := s.Incr("c"); !errors.Is(err, ErrOverflow) {
		t.Fatalf("overflow: %v", err)
	}
	if f, _ := s.IncrByFloat("f", 10.5); f != "10.5" {
		t.Fatalf("IncrByFloat = %q", f)
	}
	if f, _ := s.IncrByFloat("f", 0.1); f != "10.6" {
		t.Fatalf("IncrByFloat = %q (long double arithmetic)", f)
	}
	if n, _ := s.Append("a", "hello"); n != 5 {
		t.Fatal("Append")
	}
	if n, _ := s.Append("a", " world"); n != 11 {
		t.Fatal("Append")
	}
	if v, _ := s.GetRange("a", -5, -1); v != "world" {
		t.Fatalf("GetRange = %q", v)
	}
	if n, _ := s.SetRange("a", 0, "J"); n != 11 {
		t.Fatal("SetRange")
	}
	if v, _ := s.Get("a"); v != "Jello world" {
		t.Fatalf("after SetRange: %q", v)
	}
	if n, _ := s.StrLen("a"); n != 11 {
		t.Fatal("StrLen")
	}
	s.MSet("k1", "v1", "k2", "v2")
	got, _ := s.MGet("k1", "missing", "k2")
	if !got[0].Valid || got[1].Valid || got[2].String != "v2" {
		t.Fatalf("MGet = %v", got)
	}
	if ok, _ := s.MSetNX("k3", "v", "k1", "v"); ok {
		t.Fatal("MSetNX with an existing key")
	}
	if s.Exists("k3") != 0 {
		t.Fatal("MSetNX must set nothing when one key exists")
	}
	s.MSet("l1", "ohmytext", "l2", "mynewtext")
	if l, _ := s.LCS("l1", "l2"); l != "mytext" {
		t.Fatalf("LCS = %q", l)
	}
	clock.Advance(0)
}

// TestGetDoesNotAllocate is the typed GET's allocation bar.
func TestGetDoesNotAllocate(t *testing.T) {
	s, _ := openManual(t)
	s.Set("k", "value")
	s.Set("t", "value", TTL(time.Hour))
	allocs := testing.AllocsPerRun(1000, func() {
		if _, err := s.Get("k"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Get("t"); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Fatalf("Get allocates %v times per call", allocs)
	}
}

func TestBufferMemoryAccounting(t *testing.T) {
	s, _ := openManual(t)
	for i := 0; i < 1000; i++ {
		s.Append("buf", "0123456789")
	}
	s.SetRange("buf", 20000, "x")
	var total int64
	for i := range s.shards {
		total += *s.shards[i].used
	}
	want := entrySize("buf", s.lookup("buf", 0).val)
	if total != want {
		t.Fatalf("accounted %d bytes, entry is %d", total, want)
	}
	s.Del("buf")
	total = 0
	for i := range s.shards {
		total += *s.shards[i].used
	}
	if total != 0 {
		t.Fatalf("accounted %d bytes after DEL", total)
	}
}

// TestTypedWritesKeepTTLAsDo runs each string write through the typed API
// and through Do on a key with a TTL, and checks that both leave the same
// TTL (Redis's rules: SET, GETSET and MSET drop it; the in-place edits keep
// it). The Do path is compared with redis-server in the differential tests.
func TestTypedWritesKeepTTLAsDo(t *testing.T) {
	s, _ := openManual(t)
	ctx := context.Background()
	for _, w := range []struct {
		typed func(k string)
		do    []string // with the key at index 1
	}{
		{func(k string) { s.Set(k, "w") }, []string{"SET", "", "w"}},
		{func(k string) { s.Set(k, "w", KeepTTL) }, []string{"SET", "", "w", "KEEPTTL"}},
		{func(k string) { s.GetSet(k, "w") }, []string{"GETSET", "", "w"}},
		{func(k string) { s.MSet(k, "w") }, []string{"MSET", "", "w"}},
		{func(k string) { s.Append(k, "w") }, []string{"APPEND", "", "w"}},
		{func(k string) { s.SetRange(k, 1, "w") }, []string{"SETRANGE", "", "1", "w"}},
		{func(k string) { s.IncrBy(k, 2) }, []string{"INCRBY", "", "2"}},
		{func(k string) { s.IncrByFloat(k, 0.5) }, []string{"INCRBYFLOAT", "", "0.5"}},
		{func(k string) { s.SetBit(k, 3, 1) }, []string{"SETBIT", "", "3", "1"}},
		{func(k string) { s.GetEx(k) }, []string{"GETEX", ""}},
		{func(k string) { s.GetEx(k, Persist) }, []string{"GETEX", "", "PERSIST"}},
	} {
		s.Set("typed", "1", TTL(time.Hour))
		s.Set("do", "1", TTL(time.Hour))
		w.typed("typed")
		args := append([]string{}, w.do...)
		args[1] = "do"
		if _, err := s.Do(ctx, args...); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if typed, do := s.TTL("typed"), s.TTL("do"); typed != do {
			t.Errorf("%s: TTL after the typed call %v, after Do %v", w.do[0], typed, do)
		}
	}
}

// TestGetExAtNowDeletes: GETEX with an expiry time that has already come
// deletes the key then and there, as Redis does, rather than leaving an
// expired entry for the sweeper.
func TestGetExAtNowDeletes(t *testing.T) {
	s, clock := openManual(t)
	s.Set("k", "v")
	now := strconv.FormatInt(clock.Now().UnixMilli(), 10)
	if v, err := s.Do(context.Background(), "GETEX", "k", "PXAT", now); err != nil || v.Str != "v" {
		t.Fatalf("GETEX k PXAT now = %v, %v", v, err)
	}
	if n := s.DBSize(); n != 0 {
		t.Fatalf("DBSIZE after GETEX PXAT now = %d, want 0", n)
	}
}
