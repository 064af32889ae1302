package resp

import (
	"bytes"
	"reflect"
	"testing"
)

var requestSeeds = []string{
	"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n",
	"*1\r\n$4\r\nPING\r\n*1\r\n$4\r\nPING\r\n",
	"PING\r\nECHO \"a\\x41\\n\" 'b\\'c'\n",
	"*-1\r\n*0\r\n\r\n\n",
	"*1\rX$4\r\nPINGxx",
	"*1\r\n$-1\r\n", "*abc\r\n", "*1\r\nx\r\n", "SET \"a\"b 1\r\n", "ECHO \x00\r\n",
	"*2147483648\r\n", "*1\r\n$536870913\r\n", "\"", "'", "\\", "*", "$",
}

// FuzzParseRequest: no panic, consumption within bounds, and the stateless
// and incremental parsers agree at any split point.
func FuzzParseRequest(f *testing.F) {
	for i, s := range requestSeeds {
		f.Add([]byte(s), uint16(i))
	}
	f.Fuzz(func(t *testing.T, data []byte, split uint16) {
		var whole [][]string
		var wholeErr error
		for b := data; len(b) > 0; {
			args, n, err := ParseRequest(b, nil)
			if err != nil {
				wholeErr = err
				break
			}
			if n < 0 || n > len(b) {
				t.Fatalf("n=%d of %d", n, len(b))
			}
			if n == 0 {
				break
			}
			whole = append(whole, args)
			b = b[n:]
		}
		cut := int(split) % (len(data) + 1)
		p := reqParser{bulklen: -1}
		var got [][]string
		var gotErr error
		var in []byte
	feed:
		for _, chunk := range [][]byte{data[:cut], data[cut:]} {
			in = append(in, chunk...)
			for {
				done, n, err := p.parse(in)
				if err != nil {
					gotErr = err
					break feed
				}
				in = in[n:]
				if !done {
					break
				}
				got = append(got, append([]string(nil), p.args...))
			}
		}
		if len(got) != len(whole) {
			t.Fatalf("requests: incremental %d, whole %d", len(got), len(whole))
		}
		for i := range got {
			if !sameArgs(got[i], whole[i]) {
				t.Fatalf("request %d: %q vs %q", i, got[i], whole[i])
			}
		}
		if (gotErr == nil) != (wholeErr == nil) || gotErr != nil && gotErr.Error() != wholeErr.Error() {
			t.Fatalf("errors: incremental %v, whole %v", gotErr, wholeErr)
		}
	})
}

var replySeeds = []string{
	"+OK\r\n", "-ERR x\r\n", ":-5\r\n", "$3\r\nfoo\r\n", "$-1\r\n", "*-1\r\n", "_\r\n", ",1.5\r\n", ",inf\r\n", ",nan\r\n",
	"#t\r\n", "(123\r\n", "!3\r\nbad\r\n", "=7\r\ntxt:abc\r\n", "%1\r\n+a\r\n:1\r\n", "~1\r\n+a\r\n", ">2\r\n+a\r\n+b\r\n",
	"|1\r\n+k\r\n+v\r\n:1\r\n", "*2\r\n|1\r\n+k\r\n+v\r\n:1\r\n:2\r\n", "*3\r\n*1\r\n*0\r\n", "$5\r\nab", "*2147483647\r\n",
	"$536870912\r\n", "%9223372036854775807\r\n", "*?\r\n", ":9223372036854775808\r\n",
}

// FuzzReader: no panic; Reader and Parse agree; a decoded value re-encodes
// to bytes that decode to the same value.
func FuzzReader(f *testing.F) {
	for _, s := range replySeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data))
		v, err := r.ReadValue()
		pv, n, perr := Parse(data)
		if err == nil {
			if perr != nil || n == 0 {
				t.Fatalf("Reader ok, Parse: n %d err %v", n, perr)
			}
			if !reflect.DeepEqual(normalize(v), normalize(pv)) && !hasNaN(v) {
				t.Fatalf("Reader %#v, Parse %#v", v, pv)
			}
			enc := encode3(v)
			v2, n2, err2 := Parse(enc)
			if err2 != nil || n2 != len(enc) {
				t.Fatalf("re-parse %q: %d %v", enc, n2, err2)
			}
			if enc2 := encode3(v2); !bytes.Equal(enc, enc2) {
				t.Fatalf("re-encode %q != %q", enc2, enc)
			}
		} else if perr == nil && n > 0 {
			t.Fatalf("Parse ok, Reader: %v", err)
		}
		rr := NewReader(bytes.NewReader(data))
		raw, rerr := rr.ReadRaw()
		if (rerr == nil) != (err == nil) || rerr == nil && !bytes.Equal(raw, data[:n]) {
			t.Fatalf("ReadRaw %q %v vs %d %v", raw, rerr, n, err)
		}
	})
}

func hasNaN(v Value) bool {
	if v.Kind == Double && v.Float != v.Float {
		return true
	}
	for _, e := range v.Elems {
		if hasNaN(e) {
			return true
		}
	}
	return false
}
