package redisstr

import (
	"fmt"
	"strings"
	"testing"
)

func fmtMatches(ms []LCSMatch) string {
	var sb strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&sb, "[%d,%d][%d,%d]%d ", m.AStart, m.AEnd, m.BStart, m.BEnd, m.Len)
	}
	return strings.TrimSpace(sb.String())
}

func TestLCS(t *testing.T) {
	// Expected values taken from redis-server 7.0.15: LCS a b, and
	// LCS a b IDX WITHMATCHLEN.
	tests := []struct {
		a, b, lcs, matches string
	}{
		{"ohmytext", "mynewtext", "mytext", "[4,7][5,8]4 [2,3][0,1]2"},
		{"aaaa", "aa", "aa", "[2,3][0,1]2"},
		{"abcabc", "cbacba", "cbc", "[5,5][3,3]1 [4,4][1,1]1 [2,2][0,0]1"},
		{"a1b2c3d4", "1234abcd", "1234", "[7,7][3,3]1 [5,5][2,2]1 [3,3][1,1]1 [1,1][0,0]1"},
		{"banana", "atana", "aana", "[3,5][2,4]3 [1,1][0,0]1"},
		{"rosettacode", "raisethysword", "rsetod", "[9,9][12,12]1 [8,8][10,10]1 [5,5][5,5]1 [2,3][3,4]2 [0,0][0,0]1"},
		{"ACCGGTCGAGTGCGCGGAAGCCGGCCGAA", "GTCGTTCGGAATGCCGTTGCTCTGTAAA", "GTCGTCGGAAGCCGGCCGAA",
			"[27,28][26,27]2 [26,26][23,23]1 [25,25][21,21]1 [23,24][18,19]2 [19,22][12,15]4 [14,18][6,10]5 [9,10][3,4]2 [4,6][0,2]3"},
		{"abc", "cab", "ab", "[0,1][1,2]2"},
		{"ab", "ba", "b", "[1,1][0,0]1"},
		{"abcdef", "abcdef", "abcdef", "[0,5][0,5]6"},
		{"xyz", "abc", "", ""},
		{"", "abc", "", ""},
		{"abc", "", "", ""},
	}
	for _, tc := range tests {
		lcs, ms, n := LCS(tc.a, tc.b)
		if lcs != tc.lcs || n != len(tc.lcs) || fmtMatches(ms) != tc.matches {
			t.Errorf("LCS(%q, %q) = %q, %d, %q; want %q, %q", tc.a, tc.b, lcs, n, fmtMatches(ms), tc.lcs, tc.matches)
		}
	}
}

func TestLCSCheck(t *testing.T) {
	// From redis-server 7.0.15 with the default 512MB proto-max-bulk-len:
	// 10000 x 13500 bytes is refused, 10000 x 13000 works.
	if err := LCSCheck(10000, 13500, ProtoMaxBulkLen); err != ErrLCSMemory {
		t.Errorf("10000x13500: %v", err)
	}
	if err := LCSCheck(10000, 13000, ProtoMaxBulkLen); err != nil {
		t.Errorf("10000x13000: %v", err)
	}
	if err := LCSCheck(1<<32-2, 0, ProtoMaxBulkLen); err != ErrLCSTooLong {
		t.Errorf("too long: %v", err)
	}
	if ErrLCSMemory.Error() != "ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len" {
		t.Error("message")
	}
}
