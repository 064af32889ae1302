// Command workqueue is Redis's reliable queue pattern, embedded: producers
// LPUSH jobs; each worker takes one with BLMOVE into its own processing
// list, so a job is never only in a worker's memory, and acknowledges it
// with LREM once done. When a worker dies holding a job, a supervisor moves
// its processing list back onto the queue and nothing is lost.
//
// The workers are go-redis clients on the Store's in-memory Dial: the same
// worker code runs against redis-server by changing the client's address.
//
//	go run ./examples/workqueue
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strconv"
	"sync"
	"time"

	"github.com/embedis/embedis/store"
	"github.com/redis/go-redis/v9"
)

const (
	queue   = "jobs"
	results = "results" // job -> worker that finished it
	jobs    = 2000
)

func main() {
	s, err := store.Open(store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	rdb := redis.NewClient(&redis.Options{Dialer: s.Dial, PoolSize: 16})
	defer rdb.Close()

	// Producer: the typed API, in process.
	go func() {
		for i := 0; i < jobs; i++ {
			if _, err := s.List(queue).LPush("job:" + strconv.Itoa(i)); err != nil {
				log.Fatal(err)
			}
		}
	}()

	// Workers; w0 dies after taking its 100th job, without acknowledging it.
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(name string, dieAfter int) {
			defer wg.Done()
			n := work(ctx, rdb, name, dieAfter)
			fmt.Printf("%s took %d job(s)\n", name, n)
		}("w"+strconv.Itoa(w), map[bool]int{true: 100, false: -1}[w == 0])
	}
	wg.Wait()

	// Supervisor: w0 is gone; its processing list still holds what it had
	// taken. Move it back to the queue (oldest first) and let a new worker
	// finish the work.
	recovered := 0
	for {
		_, err := rdb.LMove(ctx, "processing:w0", queue, "RIGHT", "RIGHT").Result()
		if errors.Is(err, redis.Nil) {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		recovered++
	}
	fmt.Printf("supervisor requeued %d job(s) held by the dead worker\n", recovered)
	fmt.Printf("w4 took %d job(s)\n", work(ctx, rdb, "w4", -1))

	done, _ := s.Hash(results).Len()
	left, _ := s.List(queue).Len()
	fmt.Printf("%d of %d jobs done, %d left in the queue\n", done, jobs, left)
	if done != jobs || left != 0 {
		log.Fatal("a job was lost")
	}
}

// work takes jobs until the queue stays empty for a second (or, when
// dieAfter >= 0, "crashes" on taking job number dieAfter+1). It returns
// how many jobs it took.
func work(ctx context.Context, rdb *redis.Client, name string, dieAfter int) int {
	processing := "processing:" + name
	taken := 0
	for {
		// Atomically: pop the oldest job and record that this worker holds
		// it. BLMOVE waits (here up to a second) without polling.
		job, err := rdb.BLMove(ctx, queue, processing, "RIGHT", "LEFT", time.Second).Result()
		if errors.Is(err, redis.Nil) {
			return taken
		}
		if err != nil {
			log.Fatal(err)
		}
		taken++
		if taken == dieAfter+1 {
			return taken // the job stays in processing: the worker died
		}
		// Do the work, record the result, then acknowledge.
		if err := rdb.HSet(ctx, results, job, name).Err(); err != nil {
			log.Fatal(err)
		}
		if err := rdb.LRem(ctx, processing, 1, job).Err(); err != nil {
			log.Fatal(err)
		}
	}
}
