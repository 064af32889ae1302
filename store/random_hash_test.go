package store

import (
	"fmt"
	"strconv"

	"github.com/embedis/embedis/internal/redistest"
)

// The hash commands' share of TestDiffRandom. Fields come from a small
// set so that commands meet each other's fields; values from rvals, whose
// longest strings (over 64 bytes) convert a hash to a hashtable, as does
// the occasional HSET of more than 512 fields. A hashtable's order is its
// hash function's, so whole-hash replies are compared as sets (the
// insertion order of listpacks is checked by TestDiffHash), and random
// replies by their shape.
func init() {
	familyGens = append(familyGens, func(g *cmdGen, add func(w int, fn func() step)) {
		h := hashGen{g}
		add(8, h.set)
		add(1, h.setMany)
		add(2, h.setNX)
		add(6, h.get)
		add(3, h.del)
		add(3, h.small)
		add(3, h.whole)
		add(3, h.incrBy)
		add(3, h.incrByFloat)
		add(2, h.randField)
		add(2, h.scan)
	})
}

type hashGen struct{ g *cmdGen }

var rhashFields = []string{"f0", "f1", "f2", "f3", "f4", "f5", "", "1", "-1", "field with spaces", "\x00\xff", "m7", "m100"}

func (h hashGen) field() string {
	if h.g.chance(40) {
		return pick(h.g.r, "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "m511", "m512")
	}
	return pick(h.g.r, rhashFields...)
}

// pairs returns 1 to 3 field-value pairs.
func (h hashGen) pairs() []string {
	var out []string
	for n := 1 + h.g.r.IntN(3); n > 0; n-- {
		out = append(out, h.field(), h.g.val())
	}
	return out
}

func (h hashGen) set() step {
	key := h.g.key()
	args := append([]string{h.g.name(pick(h.g.r, "HSET", "HSET", "HMSET")), key}, h.pairs()...)
	if h.g.chance(15) {
		args = args[:len(args)-1] // an odd number of arguments
	}
	st := h.g.plain(args...)
	if h.g.chance(3) {
		// Most keys hold strings (most commands are string commands):
		// make room so that enough keys are hashes.
		st.pre = [][]string{{"DEL", key}}
	}
	return st
}

// setMany crosses the listpack's entry limit (or nearly does).
func (h hashGen) setMany() step {
	n := pick(h.g.r, 100, 511, 512, 513, 600)
	args := []string{h.g.name("HSET"), h.g.key()}
	for i := 0; i < n; i++ {
		args = append(args, "m"+strconv.Itoa(i), strconv.Itoa(i))
	}
	return step{args: args}
}

func (h hashGen) setNX() step {
	return h.g.plain(h.g.name("HSETNX"), h.g.key(), h.field(), h.g.val())
}

func (h hashGen) get() step {
	g := h.g
	switch g.r.IntN(5) {
	case 0:
		args := []string{g.name("HMGET"), g.key()}
		for range 1 + g.r.IntN(g.wide(3)) {
			args = append(args, h.field())
		}
		return g.plain(args...)
	case 1:
		return g.plain(g.name("HEXISTS"), g.key(), h.field())
	case 2:
		return g.plain(g.name("HSTRLEN"), g.key(), h.field())
	}
	return g.plain(g.name("HGET"), g.key(), h.field())
}

func (h hashGen) del() step {
	args := []string{h.g.name("HDEL"), h.g.key()}
	for n := 1 + h.g.r.IntN(3); n > 0; n-- {
		args = append(args, h.field())
	}
	return h.g.plain(args...)
}

func (h hashGen) small() step {
	return h.g.plain(h.g.name(pick(h.g.r, "HLEN", "TYPE")), h.g.key())
}

// whole is HGETALL, HKEYS or HVALS, compared as sets.
func (h hashGen) whole() step {
	switch h.g.r.IntN(3) {
	case 0:
		return step{args: h.g.mutate([]string{h.g.name("HGETALL"), h.g.key()}), norm: sortFieldPairs}
	case 1:
		return step{args: h.g.mutate([]string{h.g.name("HKEYS"), h.g.key()}), norm: redistest.SortElems}
	}
	return step{args: h.g.mutate([]string{h.g.name("HVALS"), h.g.key()}), norm: redistest.SortElems}
}

func (h hashGen) incrBy() step {
	return h.g.plain(h.g.name("HINCRBY"), h.g.key(), h.field(), pick(h.g.r, rincrs...))
}

func (h hashGen) incrByFloat() step {
	return h.g.plain(h.g.name("HINCRBYFLOAT"), h.g.key(), h.field(), pick(h.g.r, rfloats...))
}

var rhashCounts = []string{"0", "1", "2", "3", "5", "10", "600", "-1", "-2", "-5", "-20", "9223372036854775807",
	"-9223372036854775808", "-9223372036854775807", "4611686018427387904", "-4611686018427387904", "x", "1.5", ""}

func (h hashGen) randField() step {
	g := h.g
	args := []string{g.name("HRANDFIELD"), g.key()}
	if !g.chance(4) {
		args = append(args, pick(g.r, rhashCounts...))
		if g.chance(2) {
			args = append(args, pick(g.r, "WITHVALUES", "withvalues", "WITHSCORES"))
		}
	}
	args = g.mutate(args)
	if n, err := strconv.ParseInt(args[len(args)-1], 10, 64); err == nil && len(args) == 3 && n < -1000 {
		args[2] = "-4" // without WITHVALUES Redis would really try to reply that many
	}
	return step{args: args, norm: redistest.Shape}
}

// scan is HSCAN. A hashtable's cursors are its own, so when either side
// did not finish in one call the replies are compared by shape only.
func (h hashGen) scan() step {
	g := h.g
	args := []string{g.name("HSCAN"), g.key(), pick(g.r, "0", "0", "0", "1", "x", "-1", "18446744073709551616", "")}
	if g.chance(2) {
		args = append(args, g.name("MATCH"), pick(g.r, "f*", "*", "m1*", "?", "[f]1", "*[", ""))
	}
	if g.chance(2) {
		args = append(args, g.name("COUNT"), pick(g.r, "1000", "1000", "1", "10", "0", "-1", "x"))
	}
	if g.chance(15) {
		args = append(args, pick(g.r, "COUNT", "MATCH", "TYPE", "FOO"))
	}
	return step{args: args, norm: hscanReplies(args[2] == "0" || args[2] == "")}
}

// hscanReplies compares two HSCAN replies: as element sets when the scan
// started at 0 and both finished in one call; otherwise only as scan
// replies, because where a hashtable's cursor leads depends on its hash
// function.
func hscanReplies(fromStart bool) redistest.Normalizer {
	return func(ref, sub []byte) ([]byte, []byte) { return compareHScans(fromStart, ref, sub) }
}

func compareHScans(fromStart bool, ref, sub []byte) ([]byte, []byte) {
	rv, err1 := redistest.Parse(ref)
	sv, err2 := redistest.Parse(sub)
	isScan := func(v redistest.Value) bool {
		return v.Kind == '*' && len(v.Elems) == 2 && v.Elems[0].Kind == '$' && v.Elems[1].Kind == '*'
	}
	if err1 != nil || err2 != nil || !isScan(rv) || !isScan(sv) {
		return ref, sub
	}
	if fromStart && rv.Elems[0].Str == "0" && sv.Elems[0].Str == "0" {
		return sortFieldPairs(ref, sub)
	}
	// Both return whole pairs.
	marker := []byte(fmt.Sprintf("scan step (%d and %d odd)", len(rv.Elems[1].Elems)%2, len(sv.Elems[1].Elems)%2))
	return marker, marker
}
