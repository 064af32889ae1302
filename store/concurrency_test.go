package store

import (
	"context"
	"strconv"
	"sync"
	"testing"
)

// TestConcurrentIncr: increments from many goroutines through the typed
// API, Do and a Dial connection each, are never lost.
func TestConcurrentIncr(t *testing.T) {
	s, _ := Open(Options{})
	defer s.Close()
	ctx := context.Background()
	const workers, each = 8, 2000
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(3)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				if _, err := s.Incr("n"); err != nil {
					t.Error(err)
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				if _, err := s.Do(ctx, "INCRBY", "n", "1"); err != nil {
					t.Error(err)
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			conn, err := s.Dial(ctx, "", "")
			if err != nil {
				t.Error(err)
				return
			}
			defer conn.Close()
			cmd := []byte("*2\r\n$4\r\nINCR\r\n$1\r\nn\r\n")
			buf := make([]byte, 64)
			for i := 0; i < each; i++ {
				if _, err := conn.Write(cmd); err != nil {
					t.Error(err)
					return
				}
				if _, err := conn.Read(buf); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	if v, _ := s.Get("n"); v != strconv.Itoa(3*workers*each) {
		t.Fatalf("n = %s, want %d", v, 3*workers*each)
	}
}

// TestMSetAtomic: MSET writes its keys (in different shards) atomically, so
// an MGET never sees half of one MSET.
func TestMSetAtomic(t *testing.T) {
	s, _ := Open(Options{})
	defer s.Close()
	keys := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	if shardsOf(s.DB, keys) < 2 {
		t.Fatal("test keys must span shards")
	}
	ctx := context.Background()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for gen := 0; ; gen++ {
				select {
				case <-stop:
					return
				default:
				}
				v := strconv.Itoa(gen*2 + w)
				args := []string{"MSET"}
				for _, k := range keys {
					args = append(args, k, v)
				}
				if w == 0 {
					s.MSet(args[1:]...)
				} else {
					s.Do(ctx, args...)
				}
			}
		}(w)
	}
	// The readers leave out keys[0]: a writer that locked only its first
	// key's shard would then not exclude them, and they would see a torn
	// MSET.
	for i := 0; i < 20000; i++ {
		vals, _ := s.MGet(keys[1:]...)
		for _, v := range vals[1:] {
			if v != vals[0] {
				close(stop)
				wg.Wait()
				t.Fatalf("MGET saw a torn MSET: %v", vals)
			}
		}
	}
	close(stop)
	wg.Wait()
}

// TestRenameAtomic: a key renamed back and forth is always visible under
// exactly one name to a concurrent EXISTS of both.
func TestRenameAtomic(t *testing.T) {
	s, _ := Open(Options{})
	defer s.Close()
	names := keysInShards(s.DB, "side", 2)
	left, right := names[0], names[1]
	s.Set(left, "v")
	if shardsOf(s.DB, names) != 2 {
		t.Fatal("test keys must be in two shards")
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for from, to := left, right; ; from, to = to, from {
			select {
			case <-stop:
				return
			default:
			}
			if err := s.Rename(from, to); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for i := 0; i < 20000; i++ {
		if n := s.Exists(left, right); n != 1 {
			close(stop)
			<-done
			t.Fatalf("EXISTS left right = %d during RENAME", n)
		}
	}
	close(stop)
	<-done
}

// TestSwapDBAtomic: SWAPDB exchanges whole databases at once while writers
// run; each database keeps a consistent pair of keys.
func TestSwapDBAtomic(t *testing.T) {
	s, _ := Open(Options{})
	defer s.Close()
	ctx := context.Background()
	s.Select(0).MSet("x", "0", "y", "0")
	s.Select(1).MSet("x", "1", "y", "1")
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := s.Do(ctx, "SWAPDB", "0", "1"); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for i := 0; i < 5000; i++ {
		v, _ := s.MGet("x", "y")
		if v[0] != v[1] {
			close(stop)
			<-done
			t.Fatalf("torn SWAPDB: %v", v)
		}
	}
	close(stop)
	<-done
}

// keysInShards returns n keys named prefix0, prefix1, ... (skipping
// numbers) that lie in n different shards of d. Fixed names would share a
// shard in about one store in a hundred, since each store draws its own
// hash seed.
func keysInShards(d *DB, prefix string, n int) []string {
	var keys []string
	seen := map[int]bool{}
	for i := 0; len(keys) < n; i++ {
		k := prefix + strconv.Itoa(i)
		if sh := shardIndex(d.hash(k)); !seen[sh] {
			seen[sh] = true
			keys = append(keys, k)
		}
	}
	return keys
}

func shardsOf(d *DB, keys []string) int {
	seen := map[int]bool{}
	for _, k := range keys {
		seen[shardIndex(d.hash(k))] = true
	}
	return len(seen)
}

// concurrently runs each fn n times on a goroutine of its own, all at once.
func concurrently(n int, fns ...func(i int)) {
	var wg sync.WaitGroup
	for _, fn := range fns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// TestWritersLockWhatTheyWrite runs each command that writes somewhere
// other than its first key's shard (another database, a rename's target,
// every shard) against a writer of that place. Under -race a lock left
// out is reported; the counts catch lost updates without it.
func TestWritersLockWhatTheyWrite(t *testing.T) {
	ctx := context.Background()
	t.Run("COPY DB", func(t *testing.T) {
		s, _ := openManual(t)
		s.Set("k", "v")
		d1 := s.Select(1)
		concurrently(1000,
			func(int) { s.Do(ctx, "COPY", "k", "k2", "DB", "1", "REPLACE") },
			func(i int) { d1.Set("k2", strconv.Itoa(i)); d1.Get("k2"); d1.Del("k2") })
	})
	t.Run("MOVE", func(t *testing.T) {
		s, _ := openManual(t)
		d1 := s.Select(1)
		concurrently(1000,
			func(i int) { s.Set("m", "v"); s.Do(ctx, "MOVE", "m", "1") },
			func(i int) { d1.Set("x", strconv.Itoa(i)); d1.Get("m"); d1.Del("m") })
	})
	t.Run("APPEND", func(t *testing.T) {
		s, _ := openManual(t)
		appendX := func(int) { s.Append("k", "x") }
		concurrently(2000, appendX, appendX, appendX, appendX)
		if n, _ := s.StrLen("k"); n != 8000 {
			t.Fatalf("STRLEN after 8000 appends = %d", n)
		}
	})
	t.Run("RENAME target", func(t *testing.T) {
		// The renaming goroutine never locks dst's shard for another
		// reason, so only RENAME's own lock orders it with the other.
		s, _ := openManual(t)
		names := keysInShards(s.DB, "side", 2)
		src, dst := names[0], names[1]
		neighbour := "" // another key in dst's shard
		for i := 0; neighbour == ""; i++ {
			if k := "nb" + strconv.Itoa(i); shardIndex(s.hash(k)) == shardIndex(s.hash(dst)) {
				neighbour = k
			}
		}
		concurrently(2000,
			func(i int) { s.Set(src, strconv.Itoa(i)); s.Rename(src, dst) },
			func(i int) { s.Set(neighbour, strconv.Itoa(i)); s.Get(dst) })
		if v, _ := s.Get(dst); v != "1999" || s.Exists(src) != 0 {
			t.Fatalf("after the renames GET %s = %q, EXISTS %s = %d", dst, v, src, s.Exists(src))
		}
	})
	t.Run("FLUSHDB", func(t *testing.T) {
		s, _ := openManual(t)
		concurrently(1000,
			func(int) { s.FlushDB() },
			func(i int) { k := "k" + strconv.Itoa(i%50); s.Set(k, "v"); s.Get(k) })
	})
	t.Run("every shard", func(t *testing.T) {
		// KEYS and DBSIZE read every shard; keys in each of the last shards
		// (the lock mask's last word) are written meanwhile.
		s, _ := openManual(t)
		var last []string
		for i := 0; len(last) < 64; i++ {
			if k := "z" + strconv.Itoa(i); shardIndex(s.hash(k)) >= shardCount-64 {
				last = append(last, k)
			}
		}
		concurrently(500,
			func(int) { s.Do(ctx, "KEYS", "z*"); s.DBSize() },
			func(i int) { s.Set(last[i%len(last)], "v"); s.Del(last[(i+7)%len(last)]) })
	})
}
