// Command viewcounter is the page-view counter from Redis's classic use
// case, embedded: every view is an INCR (no read-modify-write race), and a
// periodic flush moves the counts to the system of record with GETDEL, so a
// view counted after the flush starts a new count instead of being lost.
//
//	go run ./examples/viewcounter
package main

import (
	"context"
	"fmt"
	"log"
	"sync"
	"time"

	"github.com/embedis/embedis/store"
)

func main() {
	s, err := store.Open(store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	// The system of record: in a real service, a SQL table.
	database := map[string]int64{}

	pages := []string{"page:1:views", "page:2:views", "page:3:views"}
	const writers, viewsEach = 64, 5000

	// Concurrent viewers increment; meanwhile a flusher writes back.
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < viewsEach; i++ {
				if _, err := s.Incr(pages[(w+i)%len(pages)]); err != nil {
					log.Fatal(err)
				}
			}
		}(w)
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()

	flush := func() {
		for _, p := range pages {
			// GETDEL reads and resets atomically: an INCR either lands before
			// it (and is flushed now) or after it (and is flushed next time).
			v, err := s.GetDel(p)
			if err == store.ErrNil {
				continue
			}
			if err != nil {
				log.Fatal(err)
			}
			var n int64
			fmt.Sscan(v, &n)
			database[p] += n
		}
	}
	for running := true; running; {
		select {
		case <-done:
			running = false
		case <-time.After(2 * time.Millisecond):
			flush()
		}
	}
	flush()

	var total int64
	for _, p := range pages {
		fmt.Printf("%s = %d\n", p, database[p])
		total += database[p]
	}
	fmt.Printf("total views recorded: %d of %d sent (lost: %d)\n", total, writers*viewsEach, writers*viewsEach-int(total))

	// The same store answers any Redis command by name, with Redis's replies.
	ctx := context.Background()
	s.Set("page:1:views", "0", store.TTL(time.Hour))
	v, _ := s.Do(ctx, "INCRBY", "page:1:views", "41")
	fmt.Println("INCRBY page:1:views 41 ->", v)
	v, _ = s.Do(ctx, "TTL", "page:1:views")
	fmt.Println("TTL page:1:views ->", v)
	_, err = s.Do(ctx, "INCR", "page:1:views", "extra")
	fmt.Println("INCR with too many arguments ->", err)
}
