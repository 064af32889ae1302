package resp

import (
	"context"
	"io"
	"sync"
	"testing"
)

func BenchmarkWriterBulk(b *testing.B) {
	w := NewWriter(2)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w.Reset()
		w.Bulk("hello world")
	}
}

func BenchmarkWriterInt(b *testing.B) {
	w := NewWriter(2)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w.Reset()
		w.Int(int64(i))
	}
}

func BenchmarkWriterArray100(b *testing.B) {
	w := NewWriter(3)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w.Reset()
		w.Array(100)
		for j := 0; j < 100; j++ {
			w.Bulk("member:12345")
		}
	}
}

func BenchmarkWriterDouble(b *testing.B) {
	w := NewWriter(2)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		w.Reset()
		w.Double(3.0000000000000001e-05)
	}
}

func BenchmarkParseRequestSet(b *testing.B) {
	buf := cmd("SET", "key:000123", "some value of moderate length")
	var args []string
	b.ReportAllocs()
	b.SetBytes(int64(len(buf)))
	for i := 0; i < b.N; i++ {
		args, _, _ = ParseRequest(buf, args)
	}
}

func BenchmarkParseRequestInline(b *testing.B) {
	buf := []byte("SET key:000123 \"some value\"\r\n")
	var args []string
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		args, _, _ = ParseRequest(buf, args)
	}
}

func BenchmarkReaderArray(b *testing.B) {
	w := NewWriter(2)
	w.Array(10)
	for j := 0; j < 10; j++ {
		w.Bulk("member:12345")
	}
	data := w.Bytes()
	rd := &repeatReader{data: data}
	r := NewReader(rd)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := r.ReadValue(); err != nil {
			b.Fatal(err)
		}
	}
}

type repeatReader struct {
	data []byte
	off  int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		k := copy(p[n:], r.data[r.off:])
		n += k
		r.off = (r.off + k) % len(r.data)
	}
	return n, nil
}

type pingSession struct{}

func (pingSession) Exec(_ context.Context, w *Writer, args []string) bool {
	w.Simple("PONG")
	return true
}
func (pingSession) MayBlock([]string) bool { return false }
func (pingSession) Close()                 {}

// BenchmarkPipePing is one round trip (write, execute inline, read).
func BenchmarkPipePing(b *testing.B) {
	conn := Pipe(pingSession{})
	defer conn.Close()
	req := cmd("PING")
	buf := make([]byte, 64)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		conn.Write(req)
		if _, err := io.ReadFull(conn, buf[:7]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPipePingParallel(b *testing.B) {
	req := cmd("PING")
	var mu sync.Mutex
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		mu.Lock()
		conn := Pipe(pingSession{})
		mu.Unlock()
		defer conn.Close()
		buf := make([]byte, 64)
		for pb.Next() {
			conn.Write(req)
			if _, err := io.ReadFull(conn, buf[:7]); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
