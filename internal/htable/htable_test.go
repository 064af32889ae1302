package htable

import (
	"hash/maphash"
	"math/rand/v2"
	"strconv"
	"testing"
	"unsafe"
)

// rec is a test record: a key first, as Table requires. In a hinted
// table, its hint is n.
type rec struct {
	key string
	n   uint64
}

// tableModel drives a table and a Go map with the same random operations,
// including the sweeper's shrinking, and checks they agree. In a hinted
// table (KeepHints), it checks that every record's hint follows it.
type tableModel struct {
	t      *testing.T
	tab    Table
	ref    map[string]*rec
	seed   maphash.Seed
	hinted bool
	serial uint64
}

func newTableModel(t *testing.T) *tableModel {
	return &tableModel{t: t, ref: map[string]*rec{}, seed: maphash.MakeSeed()}
}

func newHintedModel(t *testing.T) *tableModel {
	m := newTableModel(t)
	m.hinted = true
	m.tab.KeepHints()
	return m
}

func (m *tableModel) hash(k string) uint64 { return maphash.String(m.seed, k) }

func (m *tableModel) insert(k string) {
	if m.ref[k] != nil {
		return
	}
	m.serial++
	e := &rec{key: k, n: m.serial << 8}
	m.tab.InsertHinted(unsafe.Pointer(e), m.hash(k), e.n, m.hash)
	m.ref[k] = e
}

// rehint gives k's record a new hint, through Hinted.
func (m *tableModel) rehint(k string) {
	e, hint := m.tab.Hinted(k, m.hash(k))
	if (*rec)(e) != m.ref[k] || (e == nil) != (hint == nil) {
		m.t.Fatalf("Hinted(%q) = %p, %v; want %p", k, e, hint, m.ref[k])
	}
	if e != nil {
		m.serial++
		*hint = m.serial << 8
		m.ref[k].n = *hint
	}
}

// hintOK reports whether hint is what record e's should be.
func (m *tableModel) hintOK(e *rec, hint uint64) bool {
	if !m.hinted {
		return hint == 0
	}
	return e == nil && hint == 0 || e != nil && hint == e.n
}

func (m *tableModel) remove(k string) {
	e, w := m.tab.Remove(k, m.hash(k), m.hash)
	if got := (*rec)(e); got != m.ref[k] || !m.hintOK(got, w) {
		m.t.Fatalf("remove(%q) = %p, %#x; want %p", k, got, w, m.ref[k])
	}
	delete(m.ref, k)
}

// shrink does what the sweeper's compact does.
func (m *tableModel) shrink() {
	if n := m.tab.ShrinkSize(); n != 0 {
		m.tab.StartRehash(make([]Group, n), m.hash)
	}
}

func (m *tableModel) check() {
	if m.tab.Len() != len(m.ref) {
		m.t.Fatalf("n = %d, want %d", m.tab.Len(), len(m.ref))
	}
	for k, e := range m.ref {
		if got := (*rec)(m.tab.Find(k, m.hash(k))); got != e {
			m.t.Fatalf("find(%q) = %p, want %p (rehash %d)", k, got, e, m.tab.rehash)
		}
		if got, w := m.tab.Lookup(k, m.hash(k)); (*rec)(got) != e || !m.hintOK(e, w) {
			m.t.Fatalf("Lookup(%q) = %p, %#x; want %p, %#x", k, got, w, e, e.n)
		}
		got, w := m.tab.Guess(m.hash(k))
		if got != nil && (m.tab.Rehashing() || !m.hinted || !m.hintOK((*rec)(got), w) || m.ref[(*rec)(got).key] != (*rec)(got)) {
			m.t.Fatalf("Guess(%q) = %p (%+v), %#x", k, got, (*rec)(got), w)
		}
	}
	m.checkFindEach()
	seen := 0
	m.tab.Each(func(p unsafe.Pointer, w uint64) bool {
		e := (*rec)(p)
		if m.ref[e.key] != e || !m.hintOK(e, w) {
			m.t.Fatalf("each yielded %q, %#x, not in the table", e.key, w)
		}
		seen++
		return true
	})
	if seen != len(m.ref) {
		m.t.Fatalf("each yielded %d entries, want %d", seen, len(m.ref))
	}
	for _, g := range m.tab.g {
		if g.used > g.maxUsed() {
			m.t.Fatalf("used %d slots of a %d-slot limit", g.used, g.maxUsed())
		}
	}
}

// TestTableModel churns a table through growth, deletion marks, shrinking
// and incremental rehashes in both directions, checking every lookup.
// checkFindEach looks every key up with FindEach, with absent keys among
// them.
func (m *tableModel) checkFindEach() {
	var keys []string
	for k := range m.ref {
		keys = append(keys, k, k+"-absent")
	}
	next := 0
	FindEach(len(keys), func(i int) (*Table, string, uint64) {
		return &m.tab, keys[i], m.hash(keys[i])
	}, func(i int, got unsafe.Pointer, w uint64) {
		if i != next {
			m.t.Fatalf("FindEach answered %d after %d", i, next-1)
		}
		next++
		if want := m.ref[keys[i]]; (*rec)(got) != want || !m.hintOK(want, w) {
			m.t.Fatalf("FindEach(%q) = %p, %#x; want %p (rehash %d)", keys[i], got, w, want, m.tab.rehash)
		}
	})
	if next != len(keys) {
		m.t.Fatalf("FindEach answered %d of %d keys", next, len(keys))
	}
}

// TestFindEachCollisions runs FindEach over two tables at once with a hash
// that gives every key one of four home groups and the same tag, so that a
// home group's first candidate is usually another key and most probes go
// on past it, in tables caught at every point of a rehash, and for the
// three keys above the last inserted, which are absent.
func TestFindEachCollisions(t *testing.T) {
	hash := func(k string) uint64 {
		n, _ := strconv.Atoi(k[1:])
		return 0x42<<48 | uint64(n%4)
	}
	var tabs [2]Table
	tabs[1].KeepHints() // odd keys: hint i+1
	ref := map[string]*rec{}
	for i := 0; i < 200; i++ {
		k := "k" + strconv.Itoa(i)
		e := &rec{key: k, n: uint64(i%2) * uint64(i+1)}
		tabs[i%2].InsertHinted(unsafe.Pointer(e), hash(k), e.n, hash)
		ref[k] = e
		FindEach(i+4, func(j int) (*Table, string, uint64) {
			k := "k" + strconv.Itoa(j)
			return &tabs[j%2], k, hash(k)
		}, func(j int, got unsafe.Pointer, w uint64) {
			k := "k" + strconv.Itoa(j)
			want := ref[k]
			if (*rec)(got) != want || want != nil && w != want.n || want == nil && w != 0 {
				t.Fatalf("after %d inserts (rehashing %v): FindEach(%q) = %p, %d; want %p", i+1, tabs[j%2].Rehashing(), k, got, w, want)
			}
		})
	}
}

// Odd seeds use a hinted table, whose hints must follow their records
// through every move.
func TestModel(t *testing.T) {
	for seed := uint64(0); seed < 12; seed++ {
		m := newTableModel(t)
		if seed%2 == 1 {
			m = newHintedModel(t)
		}
		r := rand.New(rand.NewPCG(seed, 1))
		universe := 1 + r.IntN(5000)
		for i := 0; i < 40000; i++ {
			k := "k" + strconv.Itoa(r.IntN(universe))
			switch op := r.IntN(100); {
			case op < 50:
				m.insert(k)
			case op < 55 && m.hinted:
				m.rehint(k)
			case op < 97:
				m.remove(k)
			case op < 99:
				m.shrink()
			default:
				if m.tab.Find("absent", m.hash("absent")) != nil {
					t.Fatal("found an absent key")
				}
			}
			if i%997 == 0 {
				m.check()
			}
		}
		m.check()
	}
}

// TestTableDeletedMarks fills and empties the same slots many times: the
// deleted marks must not make the table grow without bound or lose keys.
func TestDeletedMarks(t *testing.T) {
	m := newTableModel(t)
	for round := 0; round < 200; round++ {
		for i := 0; i < 50; i++ {
			m.insert(strconv.Itoa(round*50 + i))
		}
		for i := 0; i < 50; i++ {
			m.remove(strconv.Itoa(round*50 + i))
		}
		m.insert("stay" + strconv.Itoa(round))
	}
	m.check()
	for m.tab.Rehashing() {
		m.tab.RehashStep(m.hash)
	}
	if n := len(m.tab.g[0].g); n > SizeFor(len(m.ref))*4 {
		t.Fatalf("%d groups for %d keys", n, len(m.ref))
	}
}

// TestTableScanGuarantee checks Redis's SCAN guarantee at the table level,
// with inserts and deletes of other keys (and so growth, shrinking and
// rehashes in progress) between cursor steps.
func TestScanGuarantee(t *testing.T) {
	for seed := uint64(0); seed < 30; seed++ {
		m := newTableModel(t)
		if seed%2 == 1 {
			m = newHintedModel(t)
		}
		r := rand.New(rand.NewPCG(seed, 2))
		stable := 1 + r.IntN(3000)
		for i := 0; i < stable; i++ {
			m.insert("s" + strconv.Itoa(i))
		}
		seen := map[string]bool{}
		var live []string // the churned keys, at most a few thousand
		extra := 0
		v := uint64(0)
		for steps := 0; ; steps++ {
			v = m.tab.Scan(v, m.hash, func(p unsafe.Pointer, w uint64) {
				if !m.hintOK((*rec)(p), w) {
					t.Fatalf("scan yielded %q with hint %#x", (*rec)(p).key, w)
				}
				seen[(*rec)(p).key] = true
			})
			if v == 0 {
				break
			}
			switch r.IntN(3) {
			case 0:
				for j := r.IntN(300); j > 0 && len(live) < 3000; j-- {
					k := "x" + strconv.Itoa(extra)
					extra++
					m.insert(k)
					live = append(live, k)
				}
			case 1:
				for j := r.IntN(300); j > 0 && len(live) > 0; j-- {
					i := r.IntN(len(live))
					m.remove(live[i])
					live[i] = live[len(live)-1]
					live = live[:len(live)-1]
				}
			case 2:
				m.shrink()
			}
			if steps > 1e6 {
				t.Fatal("scan does not terminate")
			}
		}
		for i := 0; i < stable; i++ {
			if k := "s" + strconv.Itoa(i); !seen[k] {
				t.Fatalf("seed %d: %q, present for the whole scan, was not returned", seed, k)
			}
		}
	}
}

func TestKeepHintsOnlyWhenEmpty(t *testing.T) {
	m := newTableModel(t)
	m.insert("k")
	m.remove("k")
	defer func() {
		if recover() == nil {
			t.Fatal("KeepHints on a table that has held records did not panic")
		}
	}()
	m.tab.KeepHints()
}

func TestRandom(t *testing.T) {
	m := newHintedModel(t)
	if e, _ := m.tab.Random(rand.Uint64); e != nil {
		t.Fatal("random entry of an empty table")
	}
	for i := 0; i < 100; i++ {
		m.insert(strconv.Itoa(i))
	}
	got := map[string]bool{}
	for i := 0; i < 20000; i++ {
		e, w := m.tab.Random(rand.Uint64)
		if !m.hintOK((*rec)(e), w) {
			t.Fatalf("random record %q with hint %#x", (*rec)(e).key, w)
		}
		got[(*rec)(e).key] = true
	}
	if len(got) != 100 {
		t.Fatalf("random reached %d of 100 keys", len(got))
	}
}

// TestTableScanDisplacedAcrossRehash scans a table caught mid-rehash with a
// key of the old table whose home group has been moved but which probing
// had displaced past the moved groups: the scan must still return it.
func TestScanDisplacedAcrossRehash(t *testing.T) {
	checked := 0
	for seed := 0; seed < 50; seed++ {
		m := newTableModel(t)
		// Fill to the brink of growing (7/8), where displacement is common.
		for n := 0; n < 200 || m.tab.Rehashing() || m.tab.g[0].used+1 <= m.tab.g[0].maxUsed(); n++ {
			if m.tab.Rehashing() {
				m.tab.RehashStep(m.hash)
				continue
			}
			m.insert("k" + strconv.Itoa(seed*1000+n))
		}
		// Grow by hand, one group at a time, until the state appears.
		m.tab.g[1] = groups{g: make([]Group, 2*len(m.tab.g[0].g))}
		m.tab.rehash = 0
		for m.tab.Rehashing() {
			if m.hasDisplacedAcross() {
				seen := map[string]bool{}
				mark := func(p unsafe.Pointer, _ uint64) { seen[(*rec)(p).key] = true }
				for v := m.tab.Scan(0, m.hash, mark); v != 0; {
					v = m.tab.Scan(v, m.hash, mark)
				}
				for k := range m.ref {
					if !seen[k] {
						t.Fatalf("seed %d: scan mid-rehash (group %d) missed %q", seed, m.tab.rehash, k)
					}
				}
				m.check()
				checked++
			}
			m.tab.RehashStep(m.hash)
		}
	}
	if checked == 0 {
		t.Fatal("no seed produced a key displaced across the rehash point")
	}
}

func (m *tableModel) hasDisplacedAcross() bool {
	old := m.tab.g[0].g
	mask := len(old) - 1
	for gi := m.tab.rehash; gi < len(old); gi++ {
		for _, p := range old[gi].e {
			if p == nil {
				continue
			}
			e := (*rec)(p)
			// The probe from the key's home crossed moved groups: its home
			// was moved, or it wrapped around through group 0.
			if home := int(m.hash(e.key)) & mask; m.tab.rehash > 0 && (home < m.tab.rehash || home > gi) {
				return true
			}
		}
	}
	return false
}

// TestShrinkThreshold: a table shrinks once fewer than 1/8 of its slots
// are filled, not before, and to a size that holds its records at most
// half full.
func TestShrinkThreshold(t *testing.T) {
	m := newTableModel(t)
	for i := 0; i < 10000; i++ {
		m.insert(strconv.Itoa(i))
	}
	for m.tab.Rehashing() {
		m.tab.RehashStep(m.hash)
	}
	slots := m.tab.Slots()
	for i := 0; m.tab.Len()*8 >= slots; i++ {
		if n := m.tab.ShrinkSize(); n != 0 {
			t.Fatalf("%d records in %d slots: ShrinkSize %d, want 0", m.tab.Len(), slots, n)
		}
		m.remove(strconv.Itoa(i))
	}
	n := m.tab.ShrinkSize()
	if n == 0 || n*groupSlots > slots/2 || m.tab.Len()*2 > n*groupSlots {
		t.Fatalf("%d records in %d slots: ShrinkSize %d groups", m.tab.Len(), slots, n)
	}
	m.shrink()
	m.check()
}

// TestProbeWrapsOnceDuringRehash is the state seed 9003 of the store's
// random differential test reached (SSCAN replied seven members twice): a
// table being rehashed out of two groups, the first already moved and the
// second full (no empty slot). A probe run from the second group wraps
// around past the moved groups to itself; it must stop there rather than
// visit it again.
func TestProbeWrapsOnceDuringRehash(t *testing.T) {
	hash := func(k string) uint64 { n, _ := strconv.Atoi(k); return uint64(n) }
	var gs groups
	gs.g = make([]Group, 2)
	for i := 0; i < groupSlots; i++ {
		k := strconv.Itoa(2*i + 1) // odd: home group 1
		gs.put(unsafe.Pointer(&rec{key: k}), hash(k), 0)
	}
	emitted := 0
	gs.emitHome(1, 1, hash, func(unsafe.Pointer, uint64) { emitted++ })
	if emitted != groupSlots {
		t.Errorf("emitHome visited %d records of a group of %d", emitted, groupSlots)
	}
	if g, _ := gs.slot("99", hash("99"), 1); g != nil {
		t.Error("found an absent key")
	}
}
