package store_test

import (
	"fmt"

	"github.com/embedis/embedis/store"
)

func ExampleDB_SetOf() {
	s, _ := store.Open(store.Options{})
	defer s.Close()

	// Tags per article, and who visited.
	s.SetOf("tags:1").Add("go", "redis", "embedded")
	s.SetOf("tags:2").Add("go", "databases")
	added, _ := s.SetOf("visitors:today").Add("1042", "7", "1042", "311")
	fmt.Println("new visitors:", added)

	// Small integer sets come back in ascending order, as in Redis.
	ids, _ := s.SetOf("visitors:today").Members()
	fmt.Println("visitors:", ids)

	common, _ := s.SetOf("tags:1").Inter("tags:2")
	fmt.Println("common tags:", common)
	seen, _ := s.SetOf("tags:2").Contains("redis")
	fmt.Println("tags:2 has redis:", seen)

	// The STORE forms write the result to the handle's key.
	n, _ := s.SetOf("tags:all").StoreUnion("tags:1", "tags:2")
	fmt.Println("distinct tags:", n)
	// Output:
	// new visitors: 3
	// visitors: [7 311 1042]
	// common tags: [go]
	// tags:2 has redis: false
	// distinct tags: 4
}
