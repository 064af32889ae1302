package store

import (
	"strconv"
	"strings"
)

// The blocking commands' generators for TestDiffRandom: on the shared keys
// they either pop at once, get WRONGTYPE or another error, or wait their
// short timeout and reply a null, on both servers alike.

func init() {
	familyGens = append(familyGens, func(g *cmdGen, add func(w int, fn func() step)) {
		add(2, g.genBPop)
		add(1, g.genBLMove)
		add(1, g.genBMPop)
	})
}

// btimeout is a blocking command's timeout: short, or an invalid one.
func (g *cmdGen) btimeout() string {
	if g.chance(6) {
		return pick(g.r, "-1", "x", "", "inf", "-0.01", "1e400")
	}
	return pick(g.r, "0.01", "0.005")
}

func (g *cmdGen) genBPop() step {
	args := []string{g.name(pick(g.r, "BLPOP", "BRPOP", "BZPOPMIN", "BZPOPMAX"))}
	args = append(args, g.keys(1, 3)...)
	return g.plain(append(args, g.btimeout())...)
}

func (g *cmdGen) genBLMove() step {
	if g.chance(3) {
		return g.plain(g.name("BRPOPLPUSH"), g.key(), g.key(), g.btimeout())
	}
	end := func() string { return pick(g.r, "LEFT", "RIGHT", "left", "UP") }
	return g.plain(g.name("BLMOVE"), g.key(), g.key(), end(), end(), g.btimeout())
}

func (g *cmdGen) genBMPop() step {
	keys := g.keys(1, 3)
	args := []string{g.name(pick(g.r, "BLMPOP", "BZMPOP")), g.btimeout(), strconv.Itoa(len(keys))}
	if g.chance(10) {
		args[2] = pick(g.r, "0", "-1", "9", "x")
	}
	args = append(args, keys...)
	if strings.EqualFold(args[0], "BLMPOP") {
		args = append(args, pick(g.r, "LEFT", "RIGHT", "MIN"))
	} else {
		args = append(args, pick(g.r, "MIN", "MAX", "LEFT"))
	}
	if g.chance(2) {
		args = append(args, "COUNT", pick(g.r, "1", "2", "5", "0", "-1", "x"))
	}
	return g.plain(args...)
}
