package redisstr

import (
	"math/rand"
	"strings"
	"testing"
)

// matchRef is a literal port of Redis 7.0.15's recursive stringmatchlen_impl
// (util.c), used as the oracle for the iterative Match.
func matchRef(pattern, s string, nocase bool) bool {
	skip := false
	return matchRefImpl(pattern, 0, s, 0, nocase, &skip)
}

func matchRefImpl(pat string, p int, str string, si int, nocase bool, skip *bool) bool {
	at := func(i int) byte {
		if i < len(pat) {
			return pat[i]
		}
		return 0
	}
	plen := len(pat) - p
	slen := len(str) - si
	for plen > 0 && slen > 0 {
		switch pat[p] {
		case '*':
			for plen > 0 && at(p+1) == '*' {
				p++
				plen--
			}
			if plen == 1 {
				return true
			}
			for slen > 0 {
				if matchRefImpl(pat, p+1, str, si, nocase, skip) {
					return true
				}
				if *skip {
					return false
				}
				si++
				slen--
			}
			*skip = true
			return false
		case '?':
			si++
			slen--
		case '[':
			p++
			plen--
			not := at(p) == '^'
			if not {
				p++
				plen--
			}
			match := false
			for {
				if at(p) == '\\' && plen >= 2 {
					p++
					plen--
					if pat[p] == str[si] {
						match = true
					}
				} else if at(p) == ']' {
					break
				} else if plen == 0 {
					p--
					plen++
					break
				} else if plen >= 3 && pat[p+1] == '-' {
					start, end, c := int(int8(pat[p])), int(int8(pat[p+2])), int(int8(str[si]))
					if start > end {
						start, end = end, start
					}
					if nocase {
						start, end, c = ctolower(start), ctolower(end), ctolower(c)
					}
					p += 2
					plen -= 2
					if c >= start && c <= end {
						match = true
					}
				} else if !nocase {
					if pat[p] == str[si] {
						match = true
					}
				} else if ctolower(int(int8(pat[p]))) == ctolower(int(int8(str[si]))) {
					match = true
				}
				p++
				plen--
			}
			if not {
				match = !match
			}
			if !match {
				return false
			}
			si++
			slen--
		case '\\':
			if plen >= 2 {
				p++
				plen--
			}
			fallthrough
		default:
			if !nocase {
				if pat[p] != str[si] {
					return false
				}
			} else if ctolower(int(int8(pat[p]))) != ctolower(int(int8(str[si]))) {
				return false
			}
			si++
			slen--
		}
		p++
		plen--
		if slen == 0 {
			for at(p) == '*' {
				p++
				plen--
			}
			break
		}
	}
	return plen == 0 && slen == 0
}

// Expected values taken from redis-server 7.0.15 (KEYS pattern against a
// single key s), except where marked "C" (the util.c matcher compiled and
// run directly, for nocase, which KEYS does not use).
var matchTests = []struct {
	pat, s string
	nocase bool
	want   bool
}{
	// KEYS "*" is special-cased to return every key; the matcher itself
	// says no for the empty key, as "**" shows.
	{"*", "", false, false},
	{"**", "", false, false},
	{"*", "a", false, true},
	{"?", "", false, false},
	{"a*", "a", false, true},
	{"a*b", "a", false, false},
	{"*a", "", false, false},
	{"h?llo", "hello", false, true},
	{"h*llo", "heeeello", false, true},
	{"h[ae]llo", "hallo", false, true},
	{"h[^e]llo", "hello", false, false},
	{"h[^e]llo", "hallo", false, true},
	{"h[a-b]llo", "hbllo", false, true},
	{"h[b-a]llo", "hbllo", false, true},
	{"[z-a]", "m", false, true},
	{"[abc", "a", false, true},
	{"[abc", "c", false, true},
	{"[abc", "d", false, false},
	{"[", "a", false, false},
	{"[^", "a", false, true},
	{"[^", "", false, false},
	{"[]", "a", false, false},
	{"[]]", "]", false, false},
	{`[\]]`, "]", false, true},
	{`a\`, `a\`, false, true},
	{`\*`, "*", false, true},
	{`\*`, "a", false, false},
	{`\`, `\`, false, true},
	{"[a-", "a", false, true},
	{"[a-", "-", false, true},
	{"[a-", "b", false, false},
	{"[-a]", "-", false, true},
	{`[a-\]`, `\`, false, true},
	{`[a-\]`, "b", false, false},
	{`[\\-a]`, "b", false, false},
	{"*[", "a", false, false},
	{"a*b*c", "abc", false, true},
	{"a*b*c", "aXbXc", false, true},
	{"a*b*c", "acb", false, false},
	{"[a-\xff]", "0", false, true},
	{"[a-\xff]", "b", false, false},
	{"[a-\xff]", "\xff", false, true},
	{"[a-\xff]", "\x80", false, false},
	{"[\x80-\xff]", "\x90", false, true},
	{"H*", "hello", false, false},
	{"[^a-z]", "A", false, true},
	{"*?", "a", false, true},
	{"*??", "a", false, false},
	{"?*", "a", false, true},
	{"a**b", "ab", false, true},
	{strings.Repeat("a*", 30) + "b", strings.Repeat("a", 60), false, false},
	{"*a*", "bab", false, true},
	{"*[ab]*", "xbx", false, true},
	{"a[", "a", false, false},
	{"a[", "ab", false, false},
	{`*\`, `a\`, false, true},
	{`[\`, `\`, false, true},
	{`[\a]`, "a", false, true},
	{"\x00*", "\x00a", false, true},
	{"*]", "a]", false, true},
	{"[a-c-e]", "d", false, false},
	{"[a-c-e]", "-", false, true},
	{"[a-c-e]", "e", false, true},
	// nocase (C).
	{"H*", "hello", true, true},
	{"h[A-C]llo", "hbllo", true, true},
	{"[a-z]", "Q", true, true},
	{`[\A]`, "a", true, false},
	{`\A`, "a", true, true},
	{"[\x80-\\]", "\\", true, false},
	{"[\x80-\\]", "\\", false, true},
	{"[\xff-\x80]", "\x90", true, false},
	{"[\xff-\x80]", "\x90", false, true},
	{"[\x80-\xfe]", "\x90", true, true},
	{"\xc4", "\xe4", true, false},
}

func TestMatch(t *testing.T) {
	for _, tc := range matchTests {
		if got := Match(tc.pat, tc.s, tc.nocase); got != tc.want {
			t.Errorf("Match(%q, %q, %v) = %v, want %v", tc.pat, tc.s, tc.nocase, got, tc.want)
		}
		if got := matchRef(tc.pat, tc.s, tc.nocase); got != tc.want {
			t.Errorf("matchRef(%q, %q, %v) = %v, want %v", tc.pat, tc.s, tc.nocase, got, tc.want)
		}
	}
}

func TestMatchAgainstReference(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	pa := "ab*?[]^-\\A\x00\xff\x80"
	sa := "abA-]\\[\x00\xff\x80"
	rs := func(n int, al string) string {
		b := make([]byte, rng.Intn(n+1))
		for i := range b {
			b[i] = al[rng.Intn(len(al))]
		}
		return string(b)
	}
	n := 200000
	if testing.Short() {
		n = 20000
	}
	for i := 0; i < n; i++ {
		p, s, nc := rs(10, pa), rs(10, sa), rng.Intn(2) == 1
		if got, want := Match(p, s, nc), matchRef(p, s, nc); got != want {
			t.Fatalf("Match(%q, %q, %v) = %v, reference says %v", p, s, nc, got, want)
		}
	}
}

func TestMatchPathological(t *testing.T) {
	// Without the skipLongerMatches rule these take exponential time;
	// Redis's own test suite uses the first shape.
	s := strings.Repeat("a", 50000)
	p := strings.Repeat("a*", 5000) + "b"
	if Match(p, s, false) {
		t.Fatal("pathological pattern matched")
	}
	if !Match(strings.Repeat("*a", 5000), s, false) {
		t.Fatal("*a*a... should match")
	}
	// Deep star nesting must not exhaust the stack.
	p = strings.Repeat("*x", 1<<20)
	if Match(p, "xy", false) {
		t.Fatal("unexpected match")
	}
}

func FuzzMatch(f *testing.F) {
	for _, tc := range matchTests {
		f.Add(tc.pat, tc.s, tc.nocase)
	}
	f.Add(strings.Repeat("a*", 40)+"b", strings.Repeat("a", 100), false)
	f.Add("*[a-z]*?\\*", "xyz*", true)
	f.Fuzz(func(t *testing.T, pat, s string, nocase bool) {
		if len(pat) > 300 || len(s) > 300 {
			return
		}
		if got, want := Match(pat, s, nocase), matchRef(pat, s, nocase); got != want {
			t.Fatalf("Match(%q, %q, %v) = %v, reference says %v", pat, s, nocase, got, want)
		}
	})
}

func BenchmarkMatch(b *testing.B) {
	cases := []struct{ name, pat, s string }{
		{"literal", "user:1000:profile", "user:1000:profile"},
		{"prefix", "user:*", "user:1000:profile"},
		{"class", "user:[0-9][0-9][0-9][0-9]:*", "user:1000:profile"},
		{"pathological", strings.Repeat("a*", 20) + "b", strings.Repeat("a", 200)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				Match(c.pat, c.s, false)
			}
		})
	}
}
