package store

import (
	"strings"

	"github.com/embedis/embedis/internal/redisstr"
	"github.com/embedis/embedis/resp"
)

// listCommands are the list type's rows of the command table.
var listCommands = []*command{
	{name: "lpush", arity: -3, flags: flagWrite | flagDenyOOM | flagFast, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyInsert, 1, 0, 1)}, group: "list", run: cmdLPush},
	{name: "rpush", arity: -3, flags: flagWrite | flagDenyOOM | flagFast, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyInsert, 1, 0, 1)}, group: "list", run: cmdRPush},
	{name: "lpushx", arity: -3, flags: flagWrite | flagDenyOOM | flagFast, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyInsert, 1, 0, 1)}, group: "list", run: cmdLPushX},
	{name: "rpushx", arity: -3, flags: flagWrite | flagDenyOOM | flagFast, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyInsert, 1, 0, 1)}, group: "list", run: cmdRPushX},
	{name: "lpop", arity: -2, flags: flagWrite | flagFast, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1)}, group: "list", run: cmdLPop},
	{name: "rpop", arity: -2, flags: flagWrite | flagFast, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1)}, group: "list", run: cmdRPop},
	{name: "llen", arity: 2, flags: flagReadOnly | flagFast, acl: aclList, keySpecs: []keySpec{indexRange(keyRO, 1, 0, 1)}, group: "list", run: cmdLLen},
	{name: "lrange", arity: 4, flags: flagReadOnly, acl: aclList, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "list", run: cmdLRange},
	{name: "lindex", arity: 3, flags: flagReadOnly, acl: aclList, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "list", run: cmdLIndex},
	{name: "lset", arity: 4, flags: flagWrite | flagDenyOOM, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyUpdate, 1, 0, 1)}, group: "list", run: cmdLSet},
	{name: "linsert", arity: 5, flags: flagWrite | flagDenyOOM, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyInsert, 1, 0, 1)}, group: "list", run: cmdLInsert},
	{name: "lrem", arity: 4, flags: flagWrite, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyDelete, 1, 0, 1)}, group: "list", run: cmdLRem},
	{name: "ltrim", arity: 4, flags: flagWrite, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyDelete, 1, 0, 1)}, group: "list", run: cmdLTrim},
	{name: "lpos", arity: -3, flags: flagReadOnly, acl: aclList, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "list", run: cmdLPos},
	{name: "lmove", arity: 5, flags: flagWrite | flagDenyOOM, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1), indexRange(keyRW|keyInsert, 2, 0, 1)}, group: "list", run: cmdLMove},
	{name: "rpoplpush", arity: 3, flags: flagWrite | flagDenyOOM, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1), indexRange(keyRW|keyInsert, 2, 0, 1)}, group: "list", run: cmdRPopLPush},
	{name: "lmpop", arity: -4, flags: flagWrite, acl: aclList, keySpecs: []keySpec{keySpec{flags: keyRW | keyAccess | keyDelete, pos: 1, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}, group: "list", run: cmdLMPop},
}

// List command handlers: parse, call the list operations (list.go), reply.
// Each parses and looks its key up in the order Redis's t_list.c does, so
// that an invocation with several faults gets Redis's error.

func cmdLPush(c *call)  { c.intOrErr(c.db.pushList(c.args[1], c.args[2:], true, false, c.now)) }
func cmdRPush(c *call)  { c.intOrErr(c.db.pushList(c.args[1], c.args[2:], false, false, c.now)) }
func cmdLPushX(c *call) { c.intOrErr(c.db.pushList(c.args[1], c.args[2:], true, true, c.now)) }
func cmdRPushX(c *call) { c.intOrErr(c.db.pushList(c.args[1], c.args[2:], false, true, c.now)) }

func cmdLPop(c *call) { c.pop(true) }
func cmdRPop(c *call) { c.pop(false) }

// pop is popGenericCommand: without a count it replies the element (or a
// null), with one an array (a null array when the key is missing).
func (c *call) pop(left bool) {
	key := c.args[1]
	switch len(c.args) {
	case 2:
		c.elemOrNull(c.db.popOne(key, left, c.now))
	case 3:
		count, ok := c.nonNegativeArg(2, ErrNegativeCount)
		if !ok {
			return
		}
		elems, err := c.db.popList(key, c.now, left, int(count))
		c.elemsOrNullArray(elems, err)
	default:
		c.wrongArity()
	}
}

// nonNegativeArg parses args[i] as getPositiveLongFromObjectOrReply does:
// anything that is not an integer >= 0 gets msg.
func (c *call) nonNegativeArg(i int, msg error) (int64, bool) {
	return c.rangeArg(i, 0, msg)
}

// rangeArg parses args[i] as an integer >= lo, replying msg for anything
// else (getRangeLongFromObjectOrReply with a message).
func (c *call) rangeArg(i int, lo int64, msg error) (int64, bool) {
	n, ok := redisstr.ParseInt(c.args[i])
	if !ok || n < lo {
		c.err(msg)
		return 0, false
	}
	return n, true
}

// elemsOrNullArray replies elems as an array, nil as a null array.
func (c *call) elemsOrNullArray(elems []string, err error) {
	switch {
	case err != nil:
		c.err(err)
	case elems == nil:
		c.w.NullArray()
	default:
		writeBulks(c.w, elems)
	}
}

func writeBulks(w *resp.Writer, elems []string) {
	w.Array(len(elems))
	for _, s := range elems {
		w.Bulk(s)
	}
}

// writeKeyElems writes LMPOP's (and BLMPOP's) reply for elements popped
// from key: [key, [elements]].
func writeKeyElems(w *resp.Writer, key string, elems []string) {
	w.Array(2)
	w.Bulk(key)
	writeBulks(w, elems)
}

func cmdLLen(c *call) {
	l, err := c.db.listRead(c.args[1], c.now)
	if err != nil {
		c.err(err)
		return
	}
	var n int
	if l != nil {
		n = l.n
	}
	c.w.Int(int64(n))
}

func cmdLRange(c *call) {
	start, stop, ok := c.intPair(2)
	if !ok {
		return
	}
	if l := collOrReply[list](c, kindList, c.emptyArray); l != nil {
		from, to := indexSpan(l.n, start, stop)
		c.w.Array(to - from)
		for i := from; i < to; {
			s := l.seg(i, to-i)
			for _, v := range s {
				c.w.Bulk(v)
			}
			i += len(s)
		}
	}
}

func cmdLIndex(c *call) {
	l, err := c.db.listRead(c.args[1], c.now)
	if err != nil || l == nil {
		c.bulkOrNull("", orErr(err, ErrNil))
		return
	}
	idx, ok := c.intArg(2)
	if !ok {
		return
	}
	elem, ok := l.index(idx)
	if !ok {
		c.w.NullBulk()
		return
	}
	c.w.Bulk(elem)
}

func cmdLSet(c *call) {
	_, l, err := c.db.listWrite(c.args[1], c.now)
	if err != nil || l == nil {
		c.err(orErr(err, ErrNoSuchKey))
		return
	}
	idx, ok := c.intArg(2)
	if !ok {
		return
	}
	if err := l.set(idx, c.args[3]); err != nil {
		c.err(err)
		return
	}
	c.ok()
}

func cmdLInsert(c *call) {
	var before bool
	switch {
	case strings.EqualFold(c.args[2], "after"):
	case strings.EqualFold(c.args[2], "before"):
		before = true
	default:
		c.err(ErrSyntax)
		return
	}
	c.intOrErr(c.db.insertList(c.args[1], before, c.args[3], c.args[4], c.now))
}

func cmdLRem(c *call) {
	count, ok := c.intArg(2)
	if !ok {
		return
	}
	c.intOrErr(c.db.removeList(c.args[1], count, c.args[3], c.now))
}

func cmdLTrim(c *call) {
	start, stop, ok := c.intPair(2)
	if !ok {
		return
	}
	if err := c.db.trimList(c.args[1], start, stop, c.now); err != nil {
		c.err(err)
		return
	}
	c.ok()
}

// cmdLPos is LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len].
func cmdLPos(c *call) {
	rank, count, maxLen := int64(1), int64(-1), int64(0)
	for j := 3; j < len(c.args); j++ {
		opt, more := c.args[j], j+1 < len(c.args)
		var ok bool
		switch {
		case more && strings.EqualFold(opt, "RANK"):
			j++
			if rank, ok = c.intArg(j); !ok {
				return
			}
			if rank == 0 {
				c.err(ErrRankZero)
				return
			}
		case more && strings.EqualFold(opt, "COUNT"):
			j++
			if count, ok = c.nonNegativeArg(j, errLPosCount); !ok {
				return
			}
		case more && strings.EqualFold(opt, "MAXLEN"):
			j++
			if maxLen, ok = c.nonNegativeArg(j, errLPosMaxLen); !ok {
				return
			}
		default:
			c.err(ErrSyntax)
			return
		}
	}
	l, err := c.db.listRead(c.args[1], c.now)
	switch {
	case err != nil:
		c.err(err)
	case l == nil && count != -1:
		c.w.Array(0)
	case l == nil:
		c.w.NullBulk()
	default:
		idx := l.pos(c.args[2], rank, count, maxLen)
		switch {
		case count != -1:
			c.w.Array(len(idx))
			for _, i := range idx {
				c.w.Int(i)
			}
		case len(idx) == 0:
			c.w.NullBulk()
		default:
			c.w.Int(idx[0])
		}
	}
}

// moveEnds parses LMOVE's and BLMOVE's wherefrom and whereto (args[3] and
// args[4]): LEFT or RIGHT in any case, true for LEFT.
func (c *call) moveEnds() (from, to, ok bool) {
	var ends [2]bool
	for i := range ends {
		switch {
		case strings.EqualFold(c.args[3+i], "left"):
			ends[i] = true
		case !strings.EqualFold(c.args[3+i], "right"):
			c.err(ErrSyntax)
			return false, false, false
		}
	}
	return ends[0], ends[1], true
}

func cmdLMove(c *call) {
	if from, to, ok := c.moveEnds(); ok {
		c.move(from, to)
	}
}

func cmdRPopLPush(c *call) { c.move(false, true) }

// move is lmoveGenericCommand.
func (c *call) move(from, to bool) {
	c.elemOrNull(c.db.moveList(c.args[1], c.args[2], from, to, c.now))
}

// elemOrNull replies a popped element, a null when there was none, or the
// error.
func (c *call) elemOrNull(elem string, ok bool, err error) {
	switch {
	case err != nil:
		c.err(err)
	case !ok:
		c.w.NullBulk()
	default:
		c.w.Bulk(elem)
	}
}

func cmdLMPop(c *call) {
	keys, left, count, ok := c.mpopArgs(1, "LEFT", "RIGHT")
	if !ok {
		return
	}
	key, elems, err := c.db.mpopList(keys, left, count, c.now)
	switch {
	case err != nil:
		c.err(err)
	case elems == nil:
		c.w.NullArray()
	default:
		writeKeyElems(c.w, key, elems)
	}
}

// orErr returns err, or otherwise when err is nil.
func orErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}
