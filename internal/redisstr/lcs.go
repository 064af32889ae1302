package redisstr

import "errors"

// Errors LCS reports before computing, with Redis 7.0's exact texts.
var (
	// ErrLCSTooLong: an input is 2^32-2 bytes or longer.
	ErrLCSTooLong = errors.New("ERR String too long for LCS")
	// ErrLCSMemory: the DP table, (len(a)+1)*(len(b)+1) uint32 cells, would
	// need more bytes than proto-max-bulk-len.
	ErrLCSMemory = errors.New("ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len")
)

// LCSCheck reports whether LCS may run on inputs of these lengths, as
// lcsCommand checks before allocating its table: ErrLCSTooLong, then
// ErrLCSMemory when 4*(alen+1)*(blen+1) > maxBulkLen (proto-max-bulk-len,
// 512MB by default). Redis checks this after parsing the options, so the
// option errors come first.
func LCSCheck(alen, blen int, maxBulkLen int64) error {
	const u32max = 1<<32 - 1
	if uint64(alen) >= u32max-1 || uint64(blen) >= u32max-1 {
		return ErrLCSTooLong
	}
	size := (uint64(alen) + 1) * (uint64(blen) + 1)
	alloc := size * 4
	if alloc/size == 4 && alloc > uint64(maxBulkLen) {
		return ErrLCSMemory
	}
	return nil
}

// LCSMatch is one range of the LCS IDX reply: the inclusive byte ranges
// [AStart, AEnd] of a and [BStart, BEnd] of b that are equal and part of the
// common subsequence. Len is AEnd-AStart+1, the WITHMATCHLEN value.
type LCSMatch struct {
	AStart, AEnd int
	BStart, BEnd int
	Len          int
}

// LCS computes the longest common subsequence of a and b with Redis's
// dynamic programming table and backtrack (lcsCommand), so that among equal
// length subsequences it picks the same one Redis does. It returns the
// subsequence, every matching range in the order Redis emits them (from the
// end of the strings backwards), and the LCS length. MINMATCHLEN is the
// caller's filter: Redis emits a range when minmatchlen is 0 or
// Len >= minmatchlen, but the reported "len" is always the full length.
//
// Call LCSCheck first; LCS itself allocates the full table.
func LCS(a, b string) (lcs string, matches []LCSMatch, length int) {
	alen, blen := len(a), len(b)
	w := blen + 1
	t := make([]uint32, (alen+1)*w)
	for i := 1; i <= alen; i++ {
		row := t[i*w : (i+1)*w]
		prev := t[(i-1)*w : i*w]
		ai := a[i-1]
		for j := 1; j <= blen; j++ {
			if ai == b[j-1] {
				row[j] = prev[j-1] + 1
			} else if prev[j] > row[j-1] {
				row[j] = prev[j]
			} else {
				row[j] = row[j-1]
			}
		}
	}
	idx := int(t[alen*w+blen])
	length = idx
	result := make([]byte, idx)

	// Backtrack exactly as Redis does; arangeStart == alen means "no
	// range open".
	arangeStart, arangeEnd, brangeStart, brangeEnd := alen, 0, 0, 0
	i, j := alen, blen
	for i > 0 && j > 0 {
		emit := false
		if a[i-1] == b[j-1] {
			result[idx-1] = a[i-1]
			if arangeStart == alen {
				arangeStart, arangeEnd = i-1, i-1
				brangeStart, brangeEnd = j-1, j-1
			} else if arangeStart == i && brangeStart == j {
				arangeStart--
				brangeStart--
			} else {
				emit = true
			}
			if arangeStart == 0 || brangeStart == 0 {
				emit = true
			}
			idx--
			i--
			j--
		} else {
			lcs1 := t[(i-1)*w+j]
			lcs2 := t[i*w+j-1]
			if lcs1 > lcs2 {
				i--
			} else {
				j--
			}
			if arangeStart != alen {
				emit = true
			}
		}
		if emit {
			matches = append(matches, LCSMatch{
				AStart: arangeStart, AEnd: arangeEnd,
				BStart: brangeStart, BEnd: brangeEnd,
				Len: arangeEnd - arangeStart + 1,
			})
			arangeStart = alen
		}
	}
	return string(result), matches, length
}
