package hll_test

import (
	"fmt"

	"github.com/embedis/embedis/hll"
)

func Example() {
	visitors := hll.New()
	for i := 0; i < 100000; i++ {
		visitors.AddString(fmt.Sprintf("visitor:%d", i%25000)) // each visits 4 times
	}
	fmt.Println("changed by a repeat visit:", visitors.AddString("visitor:7"))

	b, _ := visitors.MarshalBinary() // what a Store keeps as the string value
	copied, _ := hll.Decode(b)
	other := hll.New()
	other.AddString("visitor:999999")
	copied.Merge(other)

	fmt.Println("unique visitors ≈", visitors.Count(), "of 25000; with the other ≈", copied.Count())
	fmt.Println("bytes:", len(b))
	// Output:
	// changed by a repeat visit: false
	// unique visitors ≈ 25178 of 25000; with the other ≈ 25182
	// bytes: 12308
}
