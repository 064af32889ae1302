package bench

import (
	"runtime"
	"strconv"
	"testing"
	"unsafe"
)

// BenchmarkGetRequestKey is BenchmarkGet with the key as a server or an
// application receives it: formatted, just before the lookup, into a
// scratch buffer that the goroutine reuses (a request being parsed), so
// its bytes are in the cache and the store's copy of the key is not. In
// BenchmarkGet each key is a separate string read from a 1M-string array:
// its header and bytes are cache misses of their own, which a CPU can
// start for the next lookup while this one waits, and some stores overlap
// more of them than others. The two set the same stores apart
// differently (bench/README.md, fifth session); both are real workloads.
// In-process peers only: a client sends its key from its own buffer
// anyway.
//
//	BenchmarkGetRequestKey/peer=<peer>/dist=<dist>/mode=<mode>
func BenchmarkGetRequestKey(b *testing.B) {
	loadData()
	for _, p := range peers() {
		if p.network {
			continue
		}
		b.Run("peer="+p.name, func(b *testing.B) {
			c, closeFn := openPeer(b, p.name, func() (kv, func(), error) { return p.open(numKeys()) })
			defer closeFn()
			runtime.GC()
			for _, d := range dists() {
				get := func(req []byte, pos int) ([]byte, error) {
					req = strconv.AppendInt(append(req[:0], "key:"...), int64(d.seq[pos&(seqLen-1)]), 10)
					return req, c.Get(unsafe.String(unsafe.SliceData(req), len(req)))
				}
				b.Run("dist="+d.name, func(b *testing.B) {
					b.Run("mode=serial", func(b *testing.B) {
						req := make([]byte, 0, 32)
						loopSerial(b, func(pos int, _ []string) (err error) {
							req, err = get(req, pos)
							return err
						})
					})
					b.Run("mode=parallel", func(b *testing.B) {
						loopWorkers(b, false, func(worker, pos int, buf []string) (err error) {
							req := requestBuffer(buf)
							_, err = get(req, worker*104729+pos)
							return err
						})
					})
				})
			}
		})
	}
}

// requestBuffer returns the request buffer of the goroutine that owns
// buf, its scratch space: 32 bytes of its own, kept in buf[0] (as a string
// over them, never handed out) and made on first use.
func requestBuffer(buf []string) []byte {
	if len(buf[0]) != 32 {
		b := make([]byte, 32)
		buf[0] = unsafe.String(&b[0], len(b))
	}
	return unsafe.Slice(unsafe.StringData(buf[0]), 32)[:0]
}
