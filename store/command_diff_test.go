package store

import (
	"bytes"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/embedis/embedis/internal/redistest"
)

// tableNames returns the full name of every command in commandTable, in
// table order.
func tableNames() []string {
	names := make([]string, len(commandTable))
	for i, c := range commandTable {
		names[i] = c.name
	}
	return names
}

// implemented reports whether name (a full name) is in our table.
func implemented(name string) bool { return lookupCommandByName(name) != nil }

// infoNorm and docsNorm make COMMAND INFO and COMMAND DOCS replies
// comparable: Redis lists subcommands in its dict's order, which is seeded
// randomly at startup, so both sides' subcommands are sorted by name; and
// the reference's subcommands that Embedis does not implement (CLIENT
// KILL, ...) are dropped.
var (
	infoNorm = subcommandNorm(func(v *redistest.Value, drop bool) {
		for i := range v.Elems {
			normInfo(&v.Elems[i], drop)
		}
	})
	docsNorm = subcommandNorm(func(v *redistest.Value, drop bool) {
		for i := 1; i < len(v.Elems); i += 2 {
			normDocs(&v.Elems[i], drop)
		}
	})
)

func subcommandNorm(f func(v *redistest.Value, drop bool)) redistest.Normalizer {
	return func(ref, sub []byte) ([]byte, []byte) {
		one := func(raw []byte, drop bool) []byte {
			v, err := redistest.Parse(raw)
			if err != nil {
				return raw
			}
			f(&v, drop)
			return v.Encode()
		}
		return one(ref, true), one(sub, false)
	}
}

// normInfo normalises one COMMAND INFO entry.
func normInfo(v *redistest.Value, drop bool) {
	if v.Kind != '*' || len(v.Elems) != 10 || v.Elems[9].Kind != '*' {
		return
	}
	subs := v.Elems[9].Elems
	if drop {
		subs = slices.DeleteFunc(subs, func(s redistest.Value) bool {
			return len(s.Elems) > 0 && !implemented(s.Elems[0].Str)
		})
	}
	for i := range subs {
		normInfo(&subs[i], drop)
	}
	sort.SliceStable(subs, func(i, j int) bool {
		return len(subs[i].Elems) > 0 && len(subs[j].Elems) > 0 && subs[i].Elems[0].Str < subs[j].Elems[0].Str
	})
	v.Elems[9].Elems = subs
}

// normDocs normalises one COMMAND DOCS entry (in RESP2 a flat array).
func normDocs(v *redistest.Value, drop bool) {
	if v.Kind != '%' && v.Kind != '*' {
		return
	}
	for i := 0; i+1 < len(v.Elems); i += 2 {
		if v.Elems[i].Str != "subcommands" {
			continue
		}
		m := &v.Elems[i+1]
		type pair struct{ k, v redistest.Value }
		var ps []pair
		for j := 0; j+1 < len(m.Elems); j += 2 {
			if drop && !implemented(m.Elems[j].Str) {
				continue
			}
			ps = append(ps, pair{m.Elems[j], m.Elems[j+1]})
		}
		sort.SliceStable(ps, func(a, b int) bool { return ps[a].k.Str < ps[b].k.Str })
		m.Elems = m.Elems[:0]
		for _, p := range ps {
			normDocs(&p.v, drop)
			m.Elems = append(m.Elems, p.k, p.v)
		}
	}
}

func TestDiffCommandInfo(t *testing.T) {
	names := tableNames()
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		d.DoNormalized(infoNorm, append([]string{"COMMAND", "INFO"}, names...)...)
		for _, n := range names {
			d.DoNormalized(infoNorm, "COMMAND", "INFO", n)
			d.DoNormalized(infoNorm, "COMMAND", "INFO", strings.ToUpper(n))
		}
		// Unknown names, and names Redis has but Embedis does not implement
		// would differ, so only names neither has.
		d.Do("COMMAND", "INFO", "nosuchcommand")
		d.Do("COMMAND", "INFO", "get", "nosuchcommand", "", "|", "get|x", "object|", "object|nosuch", "a|b|c", "object|encoding|x", "SET")
		d.Do("COMMAND", "INFO", "client|nosuch")
	}
}

func TestDiffCommandDocs(t *testing.T) {
	names := tableNames()
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		d.DoNormalized(docsNorm, append([]string{"COMMAND", "DOCS"}, names...)...)
		for _, n := range names {
			d.DoNormalized(docsNorm, "COMMAND", "DOCS", n)
		}
		d.Do("COMMAND", "DOCS", "nosuchcommand")
		d.Do("COMMAND", "DOCS", "nosuchcommand", "get", "", "get|x", "Object|Encoding", "x|y|z", "GETSET")
	}
}

func TestDiffCommandGetKeys(t *testing.T) {
	var cases [][]string
	for _, sub := range []string{"GETKEYS", "GETKEYSANDFLAGS"} {
		for _, c := range [][]string{
			{"GET", "k"}, {"SET", "k", "v"}, {"SET", "k", "v", "GET"}, {"set", "k", "v", "EX", "10", "get"},
			{"SET", "k", "v", "NX"}, {"MSET", "a", "1", "b", "2"}, {"MSET", "a", "1", "b"}, {"MGET", "a", "b", "c"},
			{"DEL", "a", "b"}, {"RENAME", "a", "b"}, {"COPY", "a", "b", "DB", "2"}, {"LCS", "a", "b", "LEN"},
			{"BITOP", "AND", "dest", "a", "b"}, {"BITFIELD", "k", "GET", "u8", "0"}, {"BITFIELD", "k", "SET", "u8", "0", "1"},
			{"BITFIELD", "k", "OVERFLOW", "SAT", "GET", "u8", "0"}, {"BITFIELD", "k", "GET", "u8"}, {"BITFIELD", "k"},
			{"BITFIELD_RO", "k", "GET", "u8", "0"}, {"OBJECT", "ENCODING", "k"}, {"object", "freq", "k"}, {"EXPIRE", "k", "10"},
			{"GETEX", "k", "PERSIST"}, {"MOVE", "k", "1"}, {"TOUCH", "a", "b"},
			// errors
			{"NOSUCH", "k"}, {"OBJECT", "NOSUCH", "k"}, {"OBJECT"}, {"OBJECT", "HELP"}, {"PING"}, {"KEYS", "*"},
			{"GET"}, {"GET", "a", "b"}, {"MSET", "a"}, {"OBJECT", "ENCODING"}, {"COMMAND", "INFO"}, {"CLIENT", "ID"},
		} {
			cases = append(cases, append([]string{"COMMAND", sub}, c...))
		}
		cases = append(cases, []string{"COMMAND", sub})
	}
	runCases(t, cases)
}

func TestDiffCommandMisc(t *testing.T) {
	runCases(t, [][]string{
		{"COMMAND", "HELP"}, {"COMMAND", "NOSUCH"}, {"COMMAND", "COUNT", "x"},
		{"COMMAND", "LIST", "FILTERBY"}, {"COMMAND", "LIST", "FILTERBY", "NOSUCH", "x"},
		{"COMMAND", "LIST", "FILTERBY", "MODULE", "x"}, {"COMMAND", "LIST", "FILTERBY", "ACLCAT", "nosuch"},
		{"COMMAND", "LIST", "x"}, {"COMMAND", "LIST", "FILTERBY", "PATTERN", "x", "y"},
	})
}

// TestCommandCountList checks COMMAND COUNT, COMMAND LIST and bare COMMAND
// against our own table; they necessarily differ from redis-server's, which
// has more commands. Redis lists its dict in hash order (unspecified);
// Embedis lists top-level commands sorted by name, each followed by its
// subcommands sorted by name, as Redis lists a container's subcommands
// right after it.
func TestCommandCountList(t *testing.T) {
	s, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var top, want []string
	subs := map[string][]string{}
	for _, c := range commandTable {
		if i := strings.IndexByte(c.name, '|'); i >= 0 {
			subs[c.name[:i]] = append(subs[c.name[:i]], c.name)
		} else {
			top = append(top, c.name)
		}
	}
	sort.Strings(top)
	for _, n := range top {
		want = append(want, n)
		sort.Strings(subs[n])
		want = append(want, subs[n]...)
	}
	for _, proto := range []int{2, 3} {
		d, _ := newDiff(t, proto)
		c := d.Sub()
		do := func(args ...string) []byte {
			t.Helper()
			raw, err := c.Do(args...)
			if err != nil {
				t.Fatal(err)
			}
			return raw
		}
		if got, exp := do("COMMAND", "COUNT"), ":"+strconv.Itoa(len(top))+"\r\n"; string(got) != exp {
			t.Errorf("COMMAND COUNT = %q, want %q", got, exp)
		}
		var exp bytes.Buffer
		exp.WriteString("*" + strconv.Itoa(len(want)) + "\r\n")
		for _, n := range want {
			exp.WriteString("$" + strconv.Itoa(len(n)) + "\r\n" + n + "\r\n")
		}
		if got := do("COMMAND", "LIST"); string(got) != exp.String() {
			t.Errorf("COMMAND LIST = %q, want %q", got, exp.String())
		}
		// COMMAND and COMMAND INFO without names: every top-level command's
		// entry, in COMMAND LIST's order.
		exp.Reset()
		exp.WriteString("*" + strconv.Itoa(len(top)) + "\r\n")
		for _, n := range top {
			one := do("COMMAND", "INFO", n)
			exp.Write(one[bytes.IndexByte(one, '\n')+1:])
		}
		if got := do("COMMAND"); string(got) != exp.String() {
			t.Errorf("COMMAND = %q, want %q", got, exp.String())
		}
		if got := do("COMMAND", "INFO"); string(got) != exp.String() {
			t.Errorf("COMMAND INFO = %q, want %q", got, exp.String())
		}
		// COMMAND DOCS without names: a map of every top-level command.
		docs := do("COMMAND", "DOCS")
		if v, err := redistest.Parse(docs); err != nil {
			t.Fatal(err)
		} else if len(v.Elems) != 2*len(top) {
			t.Errorf("COMMAND DOCS has %d entries, want %d", len(v.Elems)/2, len(top))
		}
		// A command Redis has but Embedis does not is unknown here.
		null := map[int]string{2: "$-1", 3: "_"}[proto]
		if got, exp := do("COMMAND", "INFO", "xadd", "get|x"), "*2\r\n"+null+"\r\n"+null+"\r\n"; string(got) != exp {
			t.Errorf("COMMAND INFO xadd = %q, want %q", got, exp)
		}
		if got, exp := do("COMMAND", "DOCS", "xadd"), map[int]string{2: "*0\r\n", 3: "%0\r\n"}[proto]; string(got) != exp {
			t.Errorf("COMMAND DOCS xadd = %q, want %q", got, exp)
		}
		if got, exp := do("COMMAND", "GETKEYS", "xadd", "k", "*", "f", "v"), "-ERR Invalid command specified\r\n"; string(got) != exp {
			t.Errorf("COMMAND GETKEYS xadd = %q, want %q", got, exp)
		}
		if c.Buffered() != 0 {
			t.Fatal("unexpected extra reply")
		}
	}
}

// TestCommandTableMetadata checks that every row has docs and that the
// key range the executor locks is Redis's legacy range of its key specs.
func TestCommandTableMetadata(t *testing.T) {
	for _, c := range commandTable {
		if c.docs == nil {
			t.Errorf("%s: no entry in commandDocsTable", c.name)
		}
		// Commands whose keys are all found through numkeys or a keyword
		// (SINTERCARD, ZUNION, LMPOP...) have no legacy range in Redis
		// either: the executor locks them by keyRefs.
		if c.first == 0 && c.hasKeys() && c.flags&flagMovableKeys == 0 {
			t.Errorf("%s: key specs but no key range", c.name)
		}
	}
	if len(commandDocsTable) != len(commandTable) {
		t.Errorf("commandDocsTable has %d entries, commandTable %d rows", len(commandDocsTable), len(commandTable))
	}
	for _, tc := range []struct {
		name              string
		first, last, step int
	}{
		{"get", 1, 1, 1}, {"mset", 1, -1, 2}, {"bitop", 2, -1, 1}, {"lcs", 1, 2, 1}, {"copy", 1, 2, 1},
		{"rename", 1, 2, 1}, {"object|encoding", 2, 2, 1}, {"keys", 0, 0, 0}, {"del", 1, -1, 1},
	} {
		c := lookupCommandByName(tc.name)
		if c.first != tc.first || c.last != tc.last || c.step != tc.step {
			t.Errorf("%s: range (%d, %d, %d), want (%d, %d, %d)", tc.name, c.first, c.last, c.step, tc.first, tc.last, tc.step)
		}
	}
}

// TestKeysFromSpecs covers the key spec kinds no current row uses:
// keyword begin_search and keynum find_keys, as getKeysUsingKeySpecs.
func TestKeysFromSpecs(t *testing.T) {
	// EVAL-like: numkeys at 2, keys after it.
	eval := &command{arity: -3, keySpecs: []keySpec{{flags: keyRW, pos: 2, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}}
	// MIGRATE-like: keys after the last KEYS keyword, to the end.
	migrate := &command{arity: -3, keySpecs: []keySpec{{flags: keyRW, keyword: "KEYS", startFrom: -2, lastKey: -1, keyStep: 1}}}
	for _, tc := range []struct {
		cmd  *command
		args []string
		want []int
	}{
		{eval, []string{"eval", "s", "2", "a", "b", "x"}, []int{3, 4}},
		{eval, []string{"eval", "s", "0"}, nil},
		{eval, []string{"eval", "s", "x"}, nil},
		{eval, []string{"eval", "s", "5", "a"}, nil},
		{migrate, []string{"migrate", "h", "p", "", "0", "5", "KEYS", "a", "b"}, []int{7, 8}},
		{migrate, []string{"migrate", "h", "p", "k", "0", "5"}, []int{}},
	} {
		keys, ok := tc.cmd.keysFromSpecs(tc.args)
		var got []int
		for _, k := range keys {
			got = append(got, k.pos)
		}
		if tc.want == nil {
			if ok {
				t.Errorf("%q: keys %v, want invalid", tc.args, got)
			}
			continue
		}
		if !ok || !slices.Equal(got, tc.want) && len(got)+len(tc.want) > 0 {
			t.Errorf("%q: keys %v (ok %v), want %v", tc.args, got, ok, tc.want)
		}
	}
}
