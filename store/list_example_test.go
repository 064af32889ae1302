package store_test

import (
	"fmt"

	"github.com/embedis/embedis/store"
)

func ExampleDB_List() {
	s, _ := store.Open(store.Options{})
	defer s.Close()

	jobs := s.List("jobs")
	jobs.RPush("resize:1", "resize:2", "email:7")
	n, _ := jobs.Len()
	fmt.Println("queued:", n)

	// Take the oldest job, keeping it in a processing list until it is done.
	job, _ := jobs.Move("jobs:processing", store.Left, store.Right)
	fmt.Println("working on", job)
	s.List("jobs:processing").Rem(1, job) // done

	for job, err := range jobs.Elems(0, -1) {
		if err != nil {
			panic(err)
		}
		fmt.Println("waiting:", job)
	}
	_, err := jobs.Index(5)
	fmt.Println(err == store.ErrNil)
	// Output:
	// queued: 3
	// working on resize:1
	// waiting: resize:2
	// waiting: email:7
	// true
}
