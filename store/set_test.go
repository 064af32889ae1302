package store

import (
	"errors"
	"slices"
	"strconv"
	"sync"
	"testing"
)

func openSetStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func checkSetOp[T comparable](t *testing.T, what string, got T, err error, want T) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if got != want {
		t.Fatalf("%s = %v, want %v", what, got, want)
	}
}

func checkSetMembers(t *testing.T, what string, got []string, err error, want ...string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%s = %q, want %q", what, got, want)
	}
}

func sortedMembers(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

func TestSetTypedAPI(t *testing.T) {
	s := openSetStore(t)
	tags := s.SetOf("tags")
	n, err := tags.Add("5", "-3", "12", "5")
	checkSetOp(t, "Add", n, err, 3)
	m, err := tags.Members()
	checkSetMembers(t, "Members (intset, ascending)", m, err, "-3", "5", "12")
	ok, err := tags.Contains("12")
	checkSetOp(t, "Contains", ok, err, true)
	ok, err = tags.Contains("012")
	checkSetOp(t, "Contains non-canonical", ok, err, false)
	each, err := tags.ContainsEach("5", "6", "-3")
	if err != nil || !slices.Equal(each, []bool{true, false, true}) {
		t.Fatalf("ContainsEach = %v, %v", each, err)
	}
	l, err := tags.Len()
	checkSetOp(t, "Len", l, err, 3)
	n, err = tags.Remove("5", "nope")
	checkSetOp(t, "Remove", n, err, 1)

	// Multi-key operations across shards.
	s.SetOf("a").Add("1", "2", "3", "x")
	s.SetOf("b").Add("2", "3", "4")
	got, err := s.SetOf("a").Inter("b")
	checkSetMembers(t, "Inter", got, err, "2", "3")
	c, err := s.SetOf("a").InterCard(1, "b")
	checkSetOp(t, "InterCard limit", c, err, 1)
	got, err = s.SetOf("a").Union("b", "missing")
	checkSetMembers(t, "Union", sortedMembers(got), err, "1", "2", "3", "4", "x")
	got, err = s.SetOf("a").Diff("b")
	checkSetMembers(t, "Diff", sortedMembers(got), err, "1", "x")
	c, err = s.SetOf("dst").StoreInter("a", "b")
	checkSetOp(t, "StoreInter", c, err, 2)
	c, err = s.SetOf("dst").StoreUnion("a", "b")
	checkSetOp(t, "StoreUnion", c, err, 5)
	c, err = s.SetOf("dst").StoreDiff("a", "b")
	checkSetOp(t, "StoreDiff", c, err, 2)
	c, err = s.SetOf("dst").StoreDiff("a", "a")
	checkSetOp(t, "StoreDiff empty", c, err, 0)
	checkSetOp(t, "Exists after empty store", s.Exists("dst"), nil, 0)
	if _, err := s.SetOf("dst").StoreUnion(); err == nil {
		t.Fatal("StoreUnion without keys: no error")
	}
	moved, err := s.SetOf("a").Move("x", "b")
	checkSetOp(t, "Move", moved, err, true)
	ok, _ = s.SetOf("b").Contains("x")
	checkSetOp(t, "moved member", ok, nil, true)

	// Random members.
	s.SetOf("r").Add("a", "b", "c", "d", "e")
	rm, err := s.SetOf("r").RandomMember()
	if err != nil || !slices.Contains([]string{"a", "b", "c", "d", "e"}, rm) {
		t.Fatalf("RandomMember = %q, %v", rm, err)
	}
	rms, err := s.SetOf("r").RandomMembers(3)
	if err != nil || len(rms) != 3 || len(slices.Compact(sortedMembers(rms))) != 3 {
		t.Fatalf("RandomMembers(3) = %q, %v", rms, err)
	}
	rms, err = s.SetOf("r").RandomMembers(-12)
	if err != nil || len(rms) != 12 {
		t.Fatalf("RandomMembers(-12) = %q, %v", rms, err)
	}
	popped, err := s.SetOf("r").PopN(4)
	if err != nil || len(popped) != 4 {
		t.Fatalf("PopN = %q, %v", popped, err)
	}
	last, err := s.SetOf("r").Pop()
	if err != nil || slices.Contains(popped, last) {
		t.Fatalf("Pop = %q, %v after %q", last, err, popped)
	}
	if _, err := s.SetOf("r").Pop(); !errors.Is(err, ErrNil) {
		t.Fatalf("Pop of an empty set: %v, want ErrNil", err)
	}
	if _, err := s.SetOf("r").PopN(-1); !errors.Is(err, ErrNegativeCount) {
		t.Fatalf("PopN(-1): %v", err)
	}

	// Scan.
	var scanned []string
	for m, err := range s.SetOf("a").Scan("") {
		if err != nil {
			t.Fatal(err)
		}
		scanned = append(scanned, m)
	}
	checkSetMembers(t, "Scan", sortedMembers(scanned), nil, "1", "2", "3")
}

func TestSetWrongType(t *testing.T) {
	s := openSetStore(t)
	s.Set("str", "v")
	st := s.SetOf("str")
	errs := map[string]error{}
	_, errs["Add"] = st.Add("a")
	_, errs["Remove"] = st.Remove("a")
	_, errs["Members"] = st.Members()
	_, errs["Contains"] = st.Contains("a")
	_, errs["ContainsEach"] = st.ContainsEach("a")
	_, errs["Len"] = st.Len()
	_, errs["Pop"] = st.Pop()
	_, errs["PopN"] = st.PopN(2)
	_, errs["RandomMember"] = st.RandomMember()
	_, errs["RandomMembers"] = st.RandomMembers(2)
	_, errs["Move"] = st.Move("a", "other")
	_, errs["Inter"] = st.Inter()
	_, errs["InterCard"] = st.InterCard(0)
	_, errs["Union"] = st.Union()
	_, errs["Diff"] = st.Diff()
	_, errs["StoreInter"] = s.SetOf("d").StoreInter("str")
	for _, err := range st.Scan("") {
		errs["Scan"] = err
	}
	for name, err := range errs {
		if !errors.Is(err, ErrWrongType) {
			t.Errorf("%s: %v, want ErrWrongType", name, err)
		}
	}
}

// TestSetEncodings checks the conversions at the type's level: canonical
// integers only, 512 entries, one way.
func TestSetEncodings(t *testing.T) {
	st := &set{}
	for i := 0; i < setMaxIntsetEntries; i++ {
		st.add(strconv.Itoa(511 - i))
	}
	if st.encoding() != "intset" || !slices.IsSorted(st.ints) {
		t.Fatalf("512 integers: %s, sorted %v", st.encoding(), slices.IsSorted(st.ints))
	}
	st.add("512")
	if st.encoding() != "hashtable" || st.len() != 513 || !st.has("0") || !st.hasInt(512) {
		t.Fatalf("513 integers: %s, %d members", st.encoding(), st.len())
	}
	st.remove("512")
	if st.encoding() != "hashtable" {
		t.Fatal("a hashtable went back to an intset")
	}
	for _, m := range []string{"01", "+1", "-0", " 1", "9223372036854775808", "1.0"} {
		if newSetFor(m).encoding() != "hashtable" {
			t.Errorf("%q makes an intset", m)
		}
	}
	c := st.clone()
	c.add("x")
	if st.has("x") || c.encoding() != "hashtable" {
		t.Fatal("clone shares state")
	}
}

// TestSetScanGuarantee: members present for a whole Scan are yielded while
// others come and go between steps and the table grows and shrinks.
func TestSetScanGuarantee(t *testing.T) {
	s := openSetStore(t)
	h := s.SetOf("h")
	var stable []string
	for i := 0; i < 3000; i++ {
		stable = append(stable, "s"+strconv.Itoa(i))
	}
	h.Add(stable...)
	seen := map[string]bool{}
	i := 0
	for m, err := range h.Scan("s*") {
		if err != nil {
			t.Fatal(err)
		}
		seen[m] = true
		// Churn: the loop body runs with no lock held.
		i++
		if i%2 == 0 {
			var extra []string
			for j := 0; j < 50; j++ {
				extra = append(extra, "t"+strconv.Itoa(i*50+j))
			}
			h.Add(extra...)
		} else if i%7 == 0 {
			h.Remove("t" + strconv.Itoa((i-1)*50))
		}
	}
	for _, m := range stable {
		if !seen[m] {
			t.Fatalf("%s not yielded", m)
		}
	}
}

// TestSetMoveConcurrent moves members between sets in different shards
// from many goroutines: the total is conserved and nothing is lost.
func TestSetMoveConcurrent(t *testing.T) {
	s := openSetStore(t)
	keys := []string{"p0", "p1", "p2", "p3"}
	const n = 200
	for i := 0; i < n; i++ {
		s.SetOf(keys[i%len(keys)]).Add(strconv.Itoa(i))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 500; i++ {
				src, dst := keys[(g+i)%4], keys[(g+i+1)%4]
				s.SetOf(src).Move(strconv.Itoa((g*31+i)%n), dst)
				s.SetOf(dst).Inter(src)
				s.SetOf("u").StoreUnion(keys...)
				// Readers share the read lock: they must not write.
				s.SetOf(src).RandomMembers(3)
				s.SetOf("u").RandomMember()
				s.SetOf("u").Contains("7")
			}
		}(g)
	}
	wg.Wait()
	total := int64(0)
	for _, k := range keys {
		l, _ := s.SetOf(k).Len()
		total += l
	}
	u, _ := s.SetOf("u").StoreUnion(keys...)
	if total != n || u != n {
		t.Fatalf("after concurrent moves: %d members in the sets, union %d, want %d", total, u, n)
	}
}
