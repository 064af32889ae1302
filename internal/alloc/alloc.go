// Package alloc estimates what the Go allocator spends on an object, for
// the store's memory accounting: every entry's size is kept up to date as
// it changes, so that a memory limit can be enforced without scanning.
//
// The estimate is the object's size rounded up to the runtime's size class
// (internal/runtime/gc's SizeClassToSize, unchanged since Go 1.12 up to
// 1.26), or to whole pages above the largest class. It does not model the
// tiny allocator, which packs pointer-free objects under 16 bytes (short
// strings) several to a 16-byte block, so such strings are counted at
// their 8- or 16-byte class: slightly more than they cost.
package alloc

// classes are the runtime's small-object size classes, in bytes.
var classes = [...]int{8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
	288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
	2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
	10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768}

const (
	maxSmall = 32768
	pageSize = 8192
)

// byEight maps (n+7)/8 to n's size class for n up to 1024, and byLine
// (n+127)/128 for n up to maxSmall (the classes above 1024 are multiples
// of 128), so that Size is a table lookup.
var (
	byEight [1024/8 + 1]int32
	byLine  [maxSmall/128 + 1]int32
)

func init() {
	fill := func(table []int32, step int) {
		c := 0
		for i := range table {
			for classes[c] < step*i {
				c++
			}
			table[i] = int32(classes[c])
		}
	}
	fill(byEight[:], 8)
	fill(byLine[:], 128)
}

// Size returns the heap the Go runtime allocates for an object of n bytes.
func Size(n int) int {
	switch {
	case n <= 0:
		return 0
	case n <= 1024:
		return int(byEight[(n+7)>>3])
	case n <= maxSmall:
		return int(byLine[(n+127)>>7])
	}
	return (n + pageSize - 1) &^ (pageSize - 1)
}
