package store

import "strconv"

// The list commands' generators for TestDiffRandom.

func init() {
	familyGens = append(familyGens, func(g *cmdGen, add func(w int, fn func() step)) {
		add(10, g.genListPush)
		add(6, g.genListPop)
		add(2, g.genLLen)
		add(5, g.genLRange)
		add(3, g.genLIndex)
		add(2, g.genLSet)
		add(3, g.genLInsert)
		add(3, g.genLRem)
		add(2, g.genLTrim)
		add(4, g.genLPos)
		add(3, g.genLMove)
		add(3, g.genLMPop)
	})
}

// lvals are list elements: few, so that LREM, LPOS and LINSERT find them.
var lvals = []string{"a", "b", "c", "a", "b", "1", "2", "0", "-1", "", "01", "x y"}

func (g *cmdGen) lval() string {
	if g.chance(8) {
		return g.val()
	}
	return pick(g.r, lvals...)
}

// lindexes are list indexes and counts, valid and not.
var lindexes = []string{"0", "1", "2", "3", "-1", "-2", "-3", "5", "-5", "10", "100", "-100", "200", "-200",
	"9223372036854775807", "-9223372036854775808", "9223372036854775808", "x", "1.5", "", " 1", "01", "-0"}

func (g *cmdGen) lindex() string { return pick(g.r, lindexes...) }

func (g *cmdGen) genListPush() step {
	args := []string{g.name(pick(g.r, "LPUSH", "RPUSH", "LPUSH", "RPUSH", "LPUSHX", "RPUSHX")), g.key()}
	n := 1 + g.r.IntN(4)
	if g.chance(10) {
		n = 50 + g.r.IntN(250) // lists of several chunks
	}
	for range n {
		args = append(args, g.lval())
	}
	return g.plain(args...)
}

func (g *cmdGen) genListPop() step {
	args := []string{g.name(pick(g.r, "LPOP", "RPOP")), g.key()}
	if g.chance(2) {
		args = append(args, pick(g.r, "0", "1", "2", "3", "10", "500", "-1", "x", "9223372036854775807", "1.0"))
	}
	return g.plain(args...)
}

func (g *cmdGen) genLLen() step { return g.plain(g.name("LLEN"), g.key()) }

func (g *cmdGen) genLRange() step {
	return g.plain(g.name("LRANGE"), g.key(), g.lindex(), g.lindex())
}

func (g *cmdGen) genLIndex() step { return g.plain(g.name("LINDEX"), g.key(), g.lindex()) }

func (g *cmdGen) genLSet() step { return g.plain(g.name("LSET"), g.key(), g.lindex(), g.lval()) }

func (g *cmdGen) genLInsert() step {
	where := pick(g.r, "BEFORE", "AFTER", "before", "after", "MIDDLE")
	return g.plain(g.name("LINSERT"), g.key(), where, g.lval(), g.lval())
}

func (g *cmdGen) genLRem() step {
	return g.plain(g.name("LREM"), g.key(), pick(g.r, "0", "1", "2", "-1", "-2", "5", "-5", "x", "-9223372036854775808"), g.lval())
}

func (g *cmdGen) genLTrim() step {
	return g.plain(g.name("LTRIM"), g.key(), g.lindex(), g.lindex())
}

func (g *cmdGen) genLPos() step {
	args := []string{g.name("LPOS"), g.key(), g.lval()}
	for range g.r.IntN(4) {
		switch g.r.IntN(4) {
		case 0:
			args = append(args, g.name("RANK"), pick(g.r, "1", "2", "-1", "-2", "3", "0", "x", "-9223372036854775808", "9223372036854775807"))
		case 1:
			args = append(args, g.name("COUNT"), pick(g.r, "0", "1", "2", "5", "-1", "x"))
		case 2:
			args = append(args, g.name("MAXLEN"), pick(g.r, "0", "1", "2", "10", "-1", "x"))
		default:
			args = append(args, pick(g.r, "RANK", "COUNT", "MAXLEN", "FOO"))
		}
	}
	return g.plain(args...)
}

func (g *cmdGen) listEnd() string {
	if g.chance(20) {
		return pick(g.r, "UP", "", "LEFTT")
	}
	return g.name(pick(g.r, "LEFT", "RIGHT"))
}

func (g *cmdGen) genLMove() step {
	if g.chance(3) {
		return g.plain(g.name("RPOPLPUSH"), g.key(), g.key())
	}
	return g.plain(g.name("LMOVE"), g.key(), g.key(), g.listEnd(), g.listEnd())
}

func (g *cmdGen) genLMPop() step {
	n := 1 + g.r.IntN(3)
	numkeys := strconv.Itoa(n)
	if g.chance(10) {
		numkeys = pick(g.r, "0", "-1", "x", strconv.Itoa(n+1), strconv.Itoa(n+5), "9223372036854775807")
	}
	args := append([]string{g.name("LMPOP"), numkeys}, g.keys(n, n)...)
	args = append(args, g.listEnd())
	if g.chance(2) {
		args = append(args, g.name("COUNT"), pick(g.r, "1", "2", "10", "1000", "0", "-1", "x"))
	}
	if g.chance(20) {
		args = append(args, pick(g.r, "COUNT", "FOO", "LEFT"))
	}
	return g.plain(args...)
}
