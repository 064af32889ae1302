package redisstr

import "testing"

func TestGetRange(t *testing.T) {
	// Expected values taken from redis-server 7.0.15, GETRANGE on
	// "Hello World" and on "".
	const s = "Hello World"
	tests := []struct {
		s          string
		start, end int64
		want       string
	}{
		{s, 0, 3, "Hell"},
		{s, -3, -1, "rld"},
		{s, 0, -1, "Hello World"},
		{s, 10, 100, "d"},
		{s, 5, 3, ""},
		{s, -1, -5, ""},
		{s, -100, -50, "H"},
		{s, -100, 2, "Hel"},
		{s, 11, 11, ""},
		{s, 0, 0, "H"},
		{s, -5, 100, "World"},
		{s, 3, -100, ""},
		{s, -1, -1, "d"},
		{"", 0, -1, ""},
		{"", -1, 0, ""},
		{s, -9223372036854775808, 9223372036854775807, "Hello World"},
	}
	for _, tc := range tests {
		lo, hi := GetRange(len(tc.s), tc.start, tc.end)
		if got := tc.s[lo:hi]; got != tc.want {
			t.Errorf("GETRANGE %q %d %d = %q, want %q", tc.s, tc.start, tc.end, got, tc.want)
		}
	}
}

func TestSetRange(t *testing.T) {
	// Expected values taken from redis-server 7.0.15.
	tests := []struct {
		offset, vlen int64
		noop         bool
		err          error
	}{
		{-1, 1, false, ErrOffsetOutOfRange},
		{536870911, 1, false, nil},
		{536870912, 1, false, ErrStringTooLong},
		{536870912, 0, true, nil},
		{9999999999999, 0, true, nil},
		{9223372036854775807, 1, false, ErrStringTooLong},
	}
	for _, tc := range tests {
		noop, err := SetRangeCheck(tc.offset, tc.vlen, ProtoMaxBulkLen)
		if noop != tc.noop || err != tc.err {
			t.Errorf("SetRangeCheck(%d, %d) = %v, %v; want %v, %v", tc.offset, tc.vlen, noop, err, tc.noop, tc.err)
		}
	}
	if got := SetRange(nil, 3, []byte("ab")); string(got) != "\x00\x00\x00ab" {
		t.Errorf("SetRange = %q", got)
	}
	buf := make([]byte, 2, 10)
	buf[0], buf[1] = 'x', 'y'
	if got := SetRange(buf[:1], 3, []byte("z")); string(got) != "x\x00\x00z" {
		t.Errorf("SetRange reuse = %q", got)
	}
	if got := SetRange([]byte("hello"), 1, []byte("EL")); string(got) != "hELlo" {
		t.Errorf("SetRange inside = %q", got)
	}
	if CheckStringLength(ProtoMaxBulkLen-1, 1, ProtoMaxBulkLen) != nil ||
		CheckStringLength(ProtoMaxBulkLen, 1, ProtoMaxBulkLen) != ErrStringTooLong ||
		CheckStringLength(1<<61, 1<<61, 1<<63-1) != nil ||
		CheckStringLength(1<<62, 3<<61, 1<<63-1) != ErrStringTooLong {
		t.Error("CheckStringLength")
	}
}
