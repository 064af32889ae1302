package store

import (
	"strconv"
	"strings"

	"github.com/embedis/embedis/internal/redisstr"
)

// setCommands are the set type's rows of the command table. SMEMBERS runs
// SINTER's handler, as in Redis 7.0 (the intersection of one set).
var setCommands = []*command{
	{name: "sadd", arity: -3, flags: flagWrite | flagDenyOOM | flagFast, acl: aclSet, keySpecs: []keySpec{indexRange(keyRW|keyInsert, 1, 0, 1)}, group: "set", run: cmdSAdd},
	{name: "srem", arity: -3, flags: flagWrite | flagFast, acl: aclSet, keySpecs: []keySpec{indexRange(keyRW|keyDelete, 1, 0, 1)}, group: "set", run: cmdSRem},
	{name: "smembers", arity: 2, flags: flagReadOnly, acl: aclSet, tips: []string{"nondeterministic_output_order"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "set", run: cmdSInter},
	{name: "sismember", arity: 3, flags: flagReadOnly | flagFast, acl: aclSet, keySpecs: []keySpec{indexRange(keyRO, 1, 0, 1)}, group: "set", run: cmdSIsMember},
	{name: "smismember", arity: -3, flags: flagReadOnly | flagFast, acl: aclSet, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "set", run: cmdSMIsMember},
	{name: "scard", arity: 2, flags: flagReadOnly | flagFast, acl: aclSet, keySpecs: []keySpec{indexRange(keyRO, 1, 0, 1)}, group: "set", run: cmdSCard},
	{name: "spop", arity: -2, flags: flagWrite | flagFast, acl: aclSet, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1)}, group: "set", run: cmdSPop},
	{name: "srandmember", arity: -2, flags: flagReadOnly, acl: aclSet, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "set", run: cmdSRandMember},
	{name: "smove", arity: 4, flags: flagWrite | flagFast, acl: aclSet, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1), indexRange(keyRW|keyInsert, 2, 0, 1)}, group: "set", run: cmdSMove},
	{name: "sinter", arity: -2, flags: flagReadOnly, acl: aclSet, tips: []string{"nondeterministic_output_order"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, -1, 1)}, group: "set", run: cmdSInter},
	{name: "sintercard", arity: -3, flags: flagReadOnly, acl: aclSet, keySpecs: []keySpec{{flags: keyRO | keyAccess, pos: 1, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}, group: "set", run: cmdSInterCard},
	{name: "sunion", arity: -2, flags: flagReadOnly, acl: aclSet, tips: []string{"nondeterministic_output_order"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, -1, 1)}, group: "set", run: cmdSUnion},
	{name: "sdiff", arity: -2, flags: flagReadOnly, acl: aclSet, tips: []string{"nondeterministic_output_order"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, -1, 1)}, group: "set", run: cmdSDiff},
	{name: "sinterstore", arity: -3, flags: flagWrite | flagDenyOOM, acl: aclSet, keySpecs: []keySpec{indexRange(keyRW|keyUpdate, 1, 0, 1), indexRange(keyRO|keyAccess, 2, -1, 1)}, group: "set", run: cmdSInterStore},
	{name: "sunionstore", arity: -3, flags: flagWrite | flagDenyOOM, acl: aclSet, keySpecs: []keySpec{indexRange(keyOW|keyUpdate, 1, 0, 1), indexRange(keyRO|keyAccess, 2, -1, 1)}, group: "set", run: cmdSUnionStore},
	{name: "sdiffstore", arity: -3, flags: flagWrite | flagDenyOOM, acl: aclSet, keySpecs: []keySpec{indexRange(keyOW|keyUpdate, 1, 0, 1), indexRange(keyRO|keyAccess, 2, -1, 1)}, group: "set", run: cmdSDiffStore},
	{name: "sscan", arity: -3, flags: flagReadOnly, acl: aclSet, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "set", run: cmdSScan},
}

// Set command handlers: parse, call the set operations, reply.

// bulkElem replies one member; an intset's integer is formatted on the
// stack.
func (c *call) bulkElem(e elem) {
	if e.isInt {
		var buf [20]byte
		c.w.BulkBytes(strconv.AppendInt(buf[:0], e.n, 10))
		return
	}
	c.w.Bulk(e.s)
}

// replySet replies s's members as a set (RESP3 ~, RESP2 *), in its
// iteration order.
func (c *call) replySet(s *set) {
	c.w.Set(s.len())
	s.each(func(e elem) bool { c.bulkElem(e); return true })
}

// replyStrings replies members as a set.
func (c *call) replyStringSet(members []string) {
	c.w.Set(len(members))
	for _, m := range members {
		c.w.Bulk(m)
	}
}

func cmdSAdd(c *call) { c.intOrErr(c.db.sadd(c.args[1], c.args[2:], c.now)) }

func cmdSRem(c *call) { c.intOrErr(c.db.srem(c.args[1], c.args[2:], c.now)) }

func cmdSIsMember(c *call) {
	s, err := c.db.setAt(c.args[1], c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.w.Int(boolInt(s != nil && s.has(c.args[2])))
}

func cmdSMIsMember(c *call) {
	s, err := c.db.setAt(c.args[1], c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.w.Array(len(c.args) - 2)
	s.hasEach(c.args[2:], func(_ int, ok bool) { c.w.Int(boolInt(ok)) })
}

func cmdSCard(c *call) {
	s, err := c.db.setAt(c.args[1], c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.w.Int(int64(setLen(s)))
}

func cmdSMove(c *call) {
	ok, err := c.db.smove(c.args[1], c.args[2], c.args[3], c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.w.Int(boolInt(ok))
}

func cmdSPop(c *call) {
	switch len(c.args) {
	case 2:
		c.bulkOrNull(c.db.spop(c.args[1], c.now))
		return
	case 3:
	default:
		c.err(ErrSyntax)
		return
	}
	// getPositiveLongFromObjectOrReply: one message for every bad count.
	count, ok := redisstr.ParseInt(c.args[2])
	if !ok || count < 0 {
		c.err(ErrNegativeCount)
		return
	}
	out, err := c.db.spopN(c.args[1], uint64(count), c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.replyStringSet(out)
}

func cmdSRandMember(c *call) {
	switch len(c.args) {
	case 2:
		s, err := c.db.setAt(c.args[1], c.now)
		switch {
		case err != nil:
			c.err(err)
		case s == nil:
			c.w.NullBulk()
		default:
			c.bulkElem(s.random())
		}
		return
	case 3:
	default:
		c.err(ErrSyntax)
		return
	}
	count, ok := c.intArg(2)
	if !ok {
		return
	}
	if count == minInt64 { // -LONG_MAX..LONG_MAX
		c.err(errRandCountRange)
		return
	}
	s, err := c.db.setAt(c.args[1], c.now)
	if err != nil || s == nil {
		c.emptyArrayOr(err)
		return
	}
	emitted := 0
	s.randMembers(count, c.w.Array, func(e elem) bool {
		c.bulkElem(e)
		emitted++
		return c.stillWanted(emitted)
	})
}

// emptyArrayOr replies err, or an empty array when err is nil.
func (c *call) emptyArrayOr(err error) {
	if err != nil {
		c.err(err)
		return
	}
	c.w.Array(0)
}

// cmdSInter is SINTER and SMEMBERS.
func cmdSInter(c *call) {
	sets, err := c.db.setsAt(c.args[1:], c.now)
	if err != nil {
		c.err(err)
		return
	}
	if len(sets) == 1 && sets[0] != nil {
		// SMEMBERS: the size is known, so no buffer.
		c.replySet(sets[0])
		return
	}
	var out []elem
	interSets(sets, func(e elem) bool { out = append(out, e); return true })
	c.w.Set(len(out))
	for _, e := range out {
		c.bulkElem(e)
	}
}

func cmdSInterCard(c *call) {
	numkeys, ok := redisstr.ParseInt(c.args[1])
	if !ok || numkeys < 1 {
		c.err(ErrNumKeys)
		return
	}
	if numkeys > int64(len(c.args)-2) {
		c.err(errNumKeysArgs)
		return
	}
	var limit int64
	for j := 2 + int(numkeys); j < len(c.args); j++ {
		if !strings.EqualFold(c.args[j], "LIMIT") || j == len(c.args)-1 {
			c.err(ErrSyntax)
			return
		}
		j++
		if limit, ok = redisstr.ParseInt(c.args[j]); !ok || limit < 0 {
			c.err(ErrLimitNegative)
			return
		}
	}
	c.intOrErr(c.db.sinterCard(c.args[2:2+numkeys], limit, c.now))
}

func cmdSUnion(c *call) { c.sunionDiff(false) }
func cmdSDiff(c *call)  { c.sunionDiff(true) }

func (c *call) sunionDiff(diff bool) {
	s, err := c.db.sunionDiff(c.args[1:], diff, c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.replySet(s)
}

func cmdSInterStore(c *call) { c.intOrErr(c.db.sinterStore(c.args[1], c.args[2:], c.now)) }
func cmdSUnionStore(c *call) {
	c.intOrErr(c.db.sunionDiffStore(c.args[1], c.args[2:], false, c.now))
}
func cmdSDiffStore(c *call) { c.intOrErr(c.db.sunionDiffStore(c.args[1], c.args[2:], true, c.now)) }

func cmdSScan(c *call) {
	cursor, ok := parseCursor(c.args[2])
	if !ok {
		c.errText("invalid cursor")
		return
	}
	s, err := c.db.setAt(c.args[1], c.now)
	if err != nil {
		c.err(err)
		return
	}
	if s == nil {
		c.scanReply(0, nil)
		return
	}
	a, ok := c.scanArgs(3, false)
	if !ok {
		return
	}
	c.scanReply(s.scan(cursor, a.count, a.match()))
}
