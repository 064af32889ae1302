package store

import (
	"strconv"
	"strings"

	"github.com/embedis/embedis/internal/redisstr"
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

// blocking is plain for a blocking command whose timeout is argument at
// (negative: counted from the end). A mutation can put junk there, and
// some junk is a valid timeout longer than the harness waits for a reply:
// "0x10" is 16 seconds to both servers (Redis reads timeouts with strtold,
// which takes hex). Such a timeout is cut to a short one.
func (g *cmdGen) blocking(at int, args ...string) step {
	args = g.mutate(args)
	if at < 0 {
		at += len(args)
	}
	if at > 0 && at < len(args) {
		if t, ok := redisstr.ParseLongDouble(args[at]); ok {
			if ms, ok := t.CeilMillis(); ok && ms > 1000 {
				args[at] = "0.01"
			}
		}
	}
	return step{args: args}
}

func (g *cmdGen) genBPop() step {
	args := []string{g.name(pick(g.r, "BLPOP", "BRPOP", "BZPOPMIN", "BZPOPMAX"))}
	args = append(args, g.keys(1, 3)...)
	return g.blocking(-1, append(args, g.btimeout())...)
}

func (g *cmdGen) genBLMove() step {
	if g.chance(3) {
		return g.blocking(-1, g.name("BRPOPLPUSH"), g.key(), g.key(), g.btimeout())
	}
	end := func() string { return pick(g.r, "LEFT", "RIGHT", "left", "UP") }
	return g.blocking(-1, g.name("BLMOVE"), g.key(), g.key(), end(), end(), g.btimeout())
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
	return g.blocking(1, args...)
}
