// Command analytics is Redis's website-analytics use case, embedded: page
// views (PV) are INCR counters, unique visitors (UV) are HyperLogLogs, one
// per page per day, filled with PFADD on every visit and read with PFCOUNT,
// in at most 12 KiB each whatever the traffic, with an error around 1%.
// Weekly UV is the union of the seven daily sketches (PFMERGE), and the
// site's UV the union of every page's (multi-key PFCOUNT, which counts a
// visitor seen on several pages once).
//
// The traffic is simulated: a million visits from 200,000 visitors over 50
// pages (a few popular, most not) and 7 days, one goroutine per day. The
// program keeps the exact sets beside the sketches to print the error.
// (When the Store gains persistence, the sketches will survive between two
// runs as plain string values.)
//
//	go run ./examples/analytics
package main

import (
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"sync"

	"github.com/embedis/embedis/store"
)

const (
	visits   = 1_000_000
	visitors = 200_000
	pages    = 50
	days     = 7
)

func pv(page, day int) string   { return fmt.Sprintf("pv:page:%d:day:%d", page, day) }
func uv(page, day int) string   { return fmt.Sprintf("uv:page:%d:day:%d", page, day) }
func weekly(page int) string    { return fmt.Sprintf("uv:page:%d:week", page) }
func visitorID(v uint64) string { return "visitor:" + strconv.FormatUint(v, 10) }

// exact is what a naive implementation would keep: every visitor ID seen,
// per page and day.
type exact [pages][days]map[uint64]struct{}

func main() {
	s, err := store.Open(store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	var truth exact
	var wg sync.WaitGroup
	for day := 0; day < days; day++ {
		for p := range truth {
			truth[p][day] = map[uint64]struct{}{}
		}
		wg.Add(1)
		go func() { // each day's traffic concurrently; the Store is safe for it
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(day), 42))
			popularity := rand.NewZipf(r, 1.2, 2, pages-1)
			for i := 0; i < visits/days; i++ {
				page, visitor := int(popularity.Uint64()), r.Uint64N(visitors)
				if _, err := s.Incr(pv(page, day)); err != nil {
					log.Fatal(err)
				}
				if _, err := s.PFAdd(uv(page, day), visitorID(visitor)); err != nil {
					log.Fatal(err)
				}
				truth[page][day][visitor] = struct{}{}
			}
		}()
	}
	wg.Wait()

	// Weekly UV per page: merge the seven days into one sketch.
	type result struct {
		page        int
		views       int64
		est, actual int
	}
	var rows []result
	var allDaily []string
	var sketchBytes int64
	for p := 0; p < pages; p++ {
		var daily []string
		var views int64
		week := map[uint64]struct{}{}
		for d := 0; d < days; d++ {
			if s.Exists(uv(p, d)) == 0 {
				continue
			}
			daily = append(daily, uv(p, d))
			n, _ := s.Get(pv(p, d))
			v, _ := strconv.ParseInt(n, 10, 64)
			views += v
			size, _ := s.StrLen(uv(p, d))
			sketchBytes += size
			for id := range truth[p][d] {
				week[id] = struct{}{}
			}
		}
		if len(daily) == 0 {
			continue
		}
		allDaily = append(allDaily, daily...)
		if err := s.PFMerge(weekly(p), daily...); err != nil {
			log.Fatal(err)
		}
		est, _ := s.PFCount(weekly(p))
		rows = append(rows, result{p, views, int(est), len(week)})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].views > rows[j].views })

	fmt.Println("page  views(PV)  weekly UV ≈  exact UV   error")
	for i, r := range rows {
		if i == 8 {
			fmt.Printf("... %d more pages\n", len(rows)-i)
			break
		}
		fmt.Printf("%4d  %9d  %11d  %8d  %+5.2f%%\n", r.page, r.views, r.est, r.actual, relErr(r.est, r.actual))
	}

	// Site-wide UV: one PFCOUNT over every page's daily sketch counts the
	// union, so a visitor who saw ten pages on five days counts once.
	site, err := s.PFCount(allDaily...)
	if err != nil {
		log.Fatal(err)
	}
	everyone := map[uint64]struct{}{}
	var exactEntries int
	for p := range truth {
		for d := range truth[p] {
			exactEntries += len(truth[p][d])
			for id := range truth[p][d] {
				everyone[id] = struct{}{}
			}
		}
	}
	fmt.Printf("\nsite UV over the week ≈ %d, exact %d (%+.2f%%), from PFCOUNT of %d daily sketches\n",
		site, len(everyone), relErr(int(site), len(everyone)), len(allDaily))
	fmt.Printf("daily sketches: %d bytes in all; the exact sets hold %d visitor IDs (≈ %d bytes as 8-byte IDs, before map overhead)\n",
		sketchBytes, exactEntries, exactEntries*8)
}

func relErr(est, actual int) float64 {
	if actual == 0 {
		return math.NaN()
	}
	return 100 * float64(est-actual) / float64(actual)
}
