// Command leaderboard is Redis's classic sorted-set use case, embedded: a
// game's scores for 1,000,000 players, where every finished match is a
// ZINCRBY, the top ten is ZREVRANGE ... WITHSCORES, and "my rank" is
// ZREVRANK, all O(log n) whatever the number of players.
//
//	go run ./examples/leaderboard
package main

import (
	"fmt"
	"log"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/embedis/embedis/store"
)

const (
	players = 1_000_000
	matches = 200_000 // played concurrently after the initial load
)

func player(i int) string { return fmt.Sprintf("player:%07d", i) }

func main() {
	s, err := store.Open(store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	board := s.ZSet("leaderboard")

	// Every player starts with a rating, loaded in batches (ZADD with many
	// score-member pairs).
	start := time.Now()
	r := rand.New(rand.NewPCG(1, 2))
	batch := make([]store.Z, 0, 1000)
	for i := range players {
		batch = append(batch, store.Z{Score: float64(r.IntN(3000)), Member: player(i)})
		if len(batch) == cap(batch) {
			if _, err := board.Add(batch...); err != nil {
				log.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	n, _ := board.Card()
	fmt.Printf("loaded %d players in %v\n", n, time.Since(start).Round(time.Millisecond))

	// Matches finish on many goroutines at once: the winner gains points,
	// the loser loses some. ZINCRBY is atomic, so no update is lost.
	start = time.Now()
	var wg sync.WaitGroup
	const workers = 8
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 3))
			for range matches / workers {
				winner, loser := player(r.IntN(players)), player(r.IntN(players))
				if _, err := board.IncrBy(winner, 25); err != nil {
					log.Fatal(err)
				}
				if _, err := board.IncrBy(loser, -20); err != nil {
					log.Fatal(err)
				}
			}
		}()
	}
	wg.Wait()
	el := time.Since(start)
	fmt.Printf("%d matches (%d ZINCRBYs) in %v: %v per update\n", matches, 2*matches, el.Round(time.Millisecond), el/(2*matches))

	// The top ten, highest score first (ZREVRANGE leaderboard 0 9 WITHSCORES).
	top, err := board.RevRange(0, 9)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("top 10:")
	for i, z := range top {
		fmt.Printf("  %2d. %s %6.0f\n", i+1, z.Member, z.Score)
	}

	// "My rank" for a few players (ZREVRANK), and how long it takes.
	start = time.Now()
	const lookups = 100_000
	for i := range lookups {
		if _, _, err := board.RevRank(player(i * 7 % players)); err != nil {
			log.Fatal(err)
		}
	}
	perRank := time.Since(start) / lookups
	for _, me := range []string{player(42), player(500_000), player(999_999)} {
		rank, _, _ := board.RevRank(me)
		score, _, _ := board.Score(me)
		ahead, _ := board.Count(store.Exclusive(score), store.PosInf)
		fmt.Printf("%s: rank %d of %d with %.0f points (%d players strictly ahead)\n", me, rank+1, n, score, ahead)
	}
	fmt.Printf("ZREVRANK among %d players: %v per lookup\n", n, perRank)

	// The same data through any Redis command, e.g. the players around me.
	rank, _, _ := board.RevRank(player(42))
	around, _ := board.RevRange(max(rank-2, 0), rank+2)
	fmt.Printf("around %s:", player(42))
	for _, z := range around {
		fmt.Printf(" %s(%.0f)", z.Member, z.Score)
	}
	fmt.Println()
}
