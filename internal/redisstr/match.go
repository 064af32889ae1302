package redisstr

// Match reports whether s matches the glob-style pattern, exactly as Redis
// 7.0's stringmatchlen does (KEYS, SCAN MATCH, PSUBSCRIBE, CONFIG GET ...).
//
// Supported syntax:
//
//   - any run of bytes (see the empty-string note below)
//     ?        exactly one byte
//     [abc]    one byte from the set; [^abc] negates; [a-z] ranges, where a
//     reversed range [z-a] means the same as [a-z]
//     \x       the byte x literally, also inside [...]
//
// Redis quirks that are reproduced on purpose:
//
//   - An unterminated '[' class ends at the end of the pattern, so "[abc"
//     matches "a", and "[^" matches any single byte.
//   - A '*' never matches against an empty remainder unless it is trailing:
//     Match("*", "", false) and Match("**", "", false) are false (KEYS and
//     SCAN special-case the pattern "*" before calling the matcher).
//   - Range bounds compare as C signed chars, so in [a-\xff] the bound \xff
//     is -1 and the range is really [\xff-a].
//   - nocase folds only ASCII A-Z (the C locale's tolower); a backslash
//     escape inside a class is always compared case-sensitively. In a
//     nocase range, glibc's tolower turns the sign-extended bytes
//     \x80..\xfe into 128..254 but leaves \xff as -1, so such ranges
//     behave differently from their case-sensitive form.
//
// Unlike a naive backtracking matcher, Match runs in O(len(pattern) *
// len(s)) time: like Redis's skipLongerMatches optimisation, once the part
// of the pattern after a '*' has failed at every position of the remaining
// string, earlier stars are never retried. The implementation is iterative,
// so patterns with many stars cannot exhaust the stack.
func Match(pattern, s string, nocase bool) bool {
	plen, slen := len(pattern), len(s)
	// at returns pattern[i], or NUL past the end: Redis patterns are sds
	// strings, and the C code relies on their NUL terminator in a few places.
	at := func(i int) byte {
		if i < plen {
			return pattern[i]
		}
		return 0
	}
	p, si := 0, 0
	// backP/backS record the most recent '*': the pattern index just after
	// it and the string index the current attempt for it started at.
	backP, backS := -1, 0
	for {
		failed := false
	segment:
		for p < plen && si < slen {
			switch pattern[p] {
			case '*':
				for at(p+1) == '*' {
					p++
				}
				if plen-p == 1 {
					return true // trailing star matches the rest
				}
				p++
				backP, backS = p, si
				continue segment
			case '?':
				si++
			case '[':
				p++
				not := at(p) == '^'
				if not {
					p++
				}
				match := false
				c := s[si]
				for {
					if at(p) == '\\' && plen-p >= 2 {
						p++
						if pattern[p] == c {
							match = true
						}
					} else if at(p) == ']' {
						break
					} else if p >= plen {
						p--
						break
					} else if plen-p >= 3 && pattern[p+1] == '-' {
						start := int(int8(pattern[p]))
						end := int(int8(pattern[p+2]))
						ci := int(int8(c))
						if start > end {
							start, end = end, start
						}
						if nocase {
							start = ctolower(start)
							end = ctolower(end)
							ci = ctolower(ci)
						}
						p += 2
						if ci >= start && ci <= end {
							match = true
						}
					} else if !nocase {
						if pattern[p] == c {
							match = true
						}
					} else if ctolower(int(pattern[p])) == ctolower(int(c)) {
						match = true
					}
					p++
				}
				if not {
					match = !match
				}
				if !match {
					failed = true
					break segment
				}
				si++
			case '\\':
				if plen-p >= 2 {
					p++
				}
				fallthrough
			default:
				if !nocase {
					if pattern[p] != s[si] {
						failed = true
						break segment
					}
				} else if ctolower(int(pattern[p])) != ctolower(int(s[si])) {
					failed = true
					break segment
				}
				si++
			}
			p++
			if si == slen {
				for at(p) == '*' {
					p++
				}
				break
			}
		}
		if !failed && p == plen && si == slen {
			return true
		}
		// This attempt failed before reaching another star: retry the
		// last star one byte further on, if there is string left.
		if backP < 0 {
			return false
		}
		backS++
		if backS >= slen {
			return false
		}
		p, si = backP, backS
	}
}

// ctolower is glibc's tolower in the "C" locale, applied to a value that
// may be a sign-extended char: A-Z fold to a-z, and (glibc's table being
// indexed from -128) the negative values -128..-2 map to 128..254 while -1
// (EOF) stays -1. The latter only matters for nocase ranges, where Redis
// passes sign-extended bytes.
func ctolower(c int) int {
	if c >= 'A' && c <= 'Z' {
		return c + ('a' - 'A')
	}
	if c < -1 {
		return c + 256
	}
	return c
}
