package store_test

import (
	"errors"
	"fmt"

	"github.com/embedis/embedis/store"
)

func ExampleDB_PFAdd() {
	s, _ := store.Open(store.Options{})
	defer s.Close()

	for visit := 0; visit < 1000; visit++ { // 300 visitors; redis-server counts 299 too
		visitor := fmt.Sprint("visitor:", visit%300)
		s.PFAdd("uv:home:2026-01-05", visitor)
		s.PFAdd("uv:pricing:2026-01-05", fmt.Sprint("visitor:", visit%50))
	}
	home, _ := s.PFCount("uv:home:2026-01-05")
	both, _ := s.PFCount("uv:home:2026-01-05", "uv:pricing:2026-01-05")
	fmt.Println("home:", home, "either page:", both)

	changed, _ := s.PFAdd("uv:home:2026-01-05", "visitor:7")
	fmt.Println("a returning visitor changes it:", changed)

	s.Set("greeting", "hello")
	_, err := s.PFAdd("greeting", "x")
	fmt.Println(err, errors.Is(err, store.ErrNotHLL))
	// Output:
	// home: 299 either page: 299
	// a returning visitor changes it: false
	// WRONGTYPE Key is not a valid HyperLogLog string value. true
}
