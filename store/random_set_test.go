package store

import (
	"strconv"

	"github.com/embedis/embedis/internal/redistest"
)

// The set commands' random generators (see TestDiffRandom).
func init() {
	familyGens = append(familyGens, func(g *cmdGen, add func(w int, fn func() step)) {
		add(10, g.genSAdd)
		add(4, g.genSRem)
		add(5, g.genSRead)
		add(3, g.genSPop)
		add(3, g.genSRandMember)
		add(3, g.genSMove)
		add(5, g.genSAlgebra)
		add(2, g.genSInterCard)
		add(2, g.genSScan)
	})
}

// rmembers mix canonical integers (intset members), integer-like strings
// that are not canonical, and plain strings.
var rmembers = []string{
	"0", "1", "2", "3", "5", "7", "10", "-1", "-7", "42", "100", "9999", "10000", "123456789",
	"9223372036854775807", "-9223372036854775808", "9223372036854775808", "01", "+1", "-0", " 1", "1.5",
	"a", "b", "c", "x", "y", "hello world", "", "\x00\xff", "A",
}

// member returns a set member: mostly small integers, so intsets form.
func (g *cmdGen) member() string {
	if g.chance(3) {
		return strconv.Itoa(g.r.IntN(16))
	}
	return pick(g.r, rmembers...)
}

func (g *cmdGen) members(min, max int) []string {
	n := min + g.r.IntN(max-min+1)
	out := make([]string, n)
	for i := range out {
		out[i] = g.member()
	}
	return out
}

// setsSorted compares set replies (a hashtable's order depends on its
// hash function; SSCAN's is [cursor, members]).
var setsSorted = redistest.SortElemsDeep

func (g *cmdGen) genSAdd() step {
	args := []string{g.name("SADD"), g.key()}
	if g.chance(25) {
		// Around the intset limit (512 members).
		from := g.r.IntN(100)
		for i := from; i < from+400+g.r.IntN(200); i++ {
			args = append(args, strconv.Itoa(i))
		}
		return step{args: args}
	}
	return g.plain(append(args, g.members(1, 5)...)...)
}

func (g *cmdGen) genSRem() step {
	return g.plain(append([]string{g.name("SREM"), g.key()}, g.members(1, 4)...)...)
}

// genSRead covers the single-key reads.
func (g *cmdGen) genSRead() step {
	switch g.r.IntN(5) {
	case 0:
		return step{args: g.mutate([]string{g.name("SMEMBERS"), g.key()}), norm: setsSorted}
	case 1:
		return g.plain(g.name("SISMEMBER"), g.key(), g.member())
	case 2:
		return g.plain(append([]string{g.name("SMISMEMBER"), g.key()}, g.members(1, g.wide(4))...)...)
	case 3:
		return g.plain(g.name("SCARD"), g.key())
	}
	return g.plain(g.name("TYPE"), g.key())
}

var rsetCounts = []string{"0", "1", "2", "3", "5", "10", "100", "-1", "-3", "-20", "x", "", "1.5",
	"9223372036854775807", "-9223372036854775808", "-9223372036854775807x"}

// genSPop pops at random: the reply is checked for its shape and distinct
// members, the set's size afterwards exactly; then the set, whose contents
// now differ between the servers, is deleted on both.
func (g *cmdGen) genSPop() step {
	key := g.key()
	args := []string{g.name("SPOP"), key}
	if g.chance(2) {
		args = append(args, pick(g.r, rsetCounts...))
	}
	return step{
		args: g.mutate(args),
		norm: randomSetReply(nil, true),
		after: func(d *redistest.Diff) {
			if replyInt(d.Do("SCARD", key)) > 0 {
				d.Do("DEL", key)
			}
		},
	}
}

func (g *cmdGen) genSRandMember() step {
	args := []string{g.name("SRANDMEMBER"), g.key()}
	distinct := true
	if g.chance(4) {
		c := pick(g.r, rsetCounts...)
		distinct = c == "" || c[0] != '-'
		args = append(args, c)
	}
	return step{args: g.mutate(args), norm: randomSetReply(nil, distinct)}
}

func (g *cmdGen) genSMove() step {
	return g.plain(g.name("SMOVE"), g.key(), g.key(), g.member())
}

// genSAlgebra covers SINTER, SUNION, SDIFF and their STORE forms.
func (g *cmdGen) genSAlgebra() step {
	keys := g.keys(1, 4)
	if g.chance(4) {
		keys = append(keys, keys[0]) // the same set twice
	}
	name := pick(g.r, "SINTER", "SUNION", "SDIFF", "SINTERSTORE", "SUNIONSTORE", "SDIFFSTORE")
	if name[len(name)-1] == 'E' {
		return g.plain(append([]string{g.name(name), g.key()}, keys...)...)
	}
	return step{args: g.mutate(append([]string{g.name(name)}, keys...)), norm: setsSorted}
}

func (g *cmdGen) genSInterCard() step {
	keys := g.keys(1, 3)
	numkeys := strconv.Itoa(len(keys))
	if g.chance(10) {
		numkeys = pick(g.r, "0", "-1", "x", "9", "9223372036854775808")
	}
	args := append([]string{g.name("SINTERCARD"), numkeys}, keys...)
	if g.chance(2) {
		args = append(args, g.name("LIMIT"), pick(g.r, "0", "1", "2", "5", "-1", "x"))
	}
	return g.plain(args...)
}

// genSScan scans from cursor 0 with a COUNT that covers any set the stream
// builds, so both sides finish in one call; a bad cursor or option is an
// error on both.
func (g *cmdGen) genSScan() step {
	args := []string{g.name("SSCAN"), g.key(), "0"}
	if g.chance(2) {
		args = append(args, g.name("MATCH"), pick(g.r, "*", "1*", "?", "[a-c]", "", "*0", "x"))
	}
	args = append(args, g.name("COUNT"), "10000")
	switch {
	case g.chance(15):
		args[2] = pick(g.r, "x", "18446744073709551616", " 0", "1.5", "")
	case g.chance(15):
		args = append(args, pick(g.r, "COUNT", "MATCH", "TYPE", "FOO"))
	case g.chance(15):
		args[len(args)-1] = pick(g.r, "0", "-1", "x")
	}
	return step{args: args, norm: setsSorted}
}
