package store

import (
	"strings"

	"github.com/embedis/embedis/internal/redisstr"
)

// hashCommands are the hash type's rows of the command table.
var hashCommands = []*command{
	{name: "hset", arity: -4, flags: flagWrite | flagDenyOOM | flagFast, acl: aclHash, keySpecs: []keySpec{indexRange(keyRW|keyUpdate, 1, 0, 1)}, group: "hash", run: cmdHSet},
	{name: "hsetnx", arity: 4, flags: flagWrite | flagDenyOOM | flagFast, acl: aclHash, keySpecs: []keySpec{indexRange(keyRW|keyInsert, 1, 0, 1)}, group: "hash", run: cmdHSetNX},
	{name: "hmset", arity: -4, flags: flagWrite | flagDenyOOM | flagFast, acl: aclHash, keySpecs: []keySpec{indexRange(keyRW|keyUpdate, 1, 0, 1)}, group: "hash", run: cmdHSet},
	{name: "hget", arity: 3, flags: flagReadOnly | flagFast, acl: aclHash, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "hash", run: cmdHGet},
	{name: "hmget", arity: -3, flags: flagReadOnly | flagFast, acl: aclHash, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "hash", run: cmdHMGet},
	{name: "hgetall", arity: 2, flags: flagReadOnly, acl: aclHash, tips: []string{"nondeterministic_output_order"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "hash", run: cmdHGetAll},
	{name: "hdel", arity: -3, flags: flagWrite | flagFast, acl: aclHash, keySpecs: []keySpec{indexRange(keyRW|keyDelete, 1, 0, 1)}, group: "hash", run: cmdHDel},
	{name: "hexists", arity: 3, flags: flagReadOnly | flagFast, acl: aclHash, keySpecs: []keySpec{indexRange(keyRO, 1, 0, 1)}, group: "hash", run: cmdHExists},
	{name: "hlen", arity: 2, flags: flagReadOnly | flagFast, acl: aclHash, keySpecs: []keySpec{indexRange(keyRO, 1, 0, 1)}, group: "hash", run: cmdHLen},
	{name: "hstrlen", arity: 3, flags: flagReadOnly | flagFast, acl: aclHash, keySpecs: []keySpec{indexRange(keyRO, 1, 0, 1)}, group: "hash", run: cmdHStrLen},
	{name: "hkeys", arity: 2, flags: flagReadOnly, acl: aclHash, tips: []string{"nondeterministic_output_order"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "hash", run: cmdHKeys},
	{name: "hvals", arity: 2, flags: flagReadOnly, acl: aclHash, tips: []string{"nondeterministic_output_order"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "hash", run: cmdHVals},
	{name: "hincrby", arity: 4, flags: flagWrite | flagDenyOOM | flagFast, acl: aclHash, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate, 1, 0, 1)}, group: "hash", run: cmdHIncrBy},
	{name: "hincrbyfloat", arity: 4, flags: flagWrite | flagDenyOOM | flagFast, acl: aclHash, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate, 1, 0, 1)}, group: "hash", run: cmdHIncrByFloat},
	{name: "hrandfield", arity: -2, flags: flagReadOnly, acl: aclHash, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "hash", run: cmdHRandField},
	{name: "hscan", arity: -3, flags: flagReadOnly, acl: aclHash, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "hash", run: cmdHScan},
}

// Hash command handlers (t_hash.c): they check arguments in Redis's order,
// call the hash operations in hash.go, and reply.

// hashOrReply returns the hash at args[1] for a read-only command, or
// replies (collOrReply).
func (c *call) hashOrReply(empty func()) *hash { return collOrReply[hash](c, kindHash, empty) }

func (c *call) zero() { c.w.Int(0) }

// HSET and HMSET key field value [field value ...]
func cmdHSet(c *call) {
	if len(c.args)%2 != 0 {
		c.errText("wrong number of arguments for '" + c.cmd.name + "' command")
		return
	}
	n, err := c.db.hset(c.args[1], c.args[2:], c.now)
	switch {
	case err != nil:
		c.err(err)
	case c.cmd.name == "hmset":
		c.ok()
	default:
		c.w.Int(n)
	}
}

func cmdHSetNX(c *call) {
	ok, err := c.db.hsetnx(c.args[1], c.args[2], c.args[3], c.now)
	c.intOrErr(boolInt(ok), err)
}

func cmdHGet(c *call) {
	h := c.hashOrReply(c.w.NullBulk)
	if h == nil {
		return
	}
	c.bulkIf(h.get(c.args[2]))
}

// HMGET key field [field ...]: a missing key is an empty hash, not an
// empty reply.
func cmdHMGet(c *call) {
	h, err := c.db.hashRead(c.args[1], c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.w.Array(len(c.args) - 2)
	h.getEach(c.args[2:], func(_ int, v string, ok bool) { c.bulkIf(v, ok) })
}

func cmdHGetAll(c *call) {
	h := c.hashOrReply(func() { c.w.Map(0) })
	if h == nil {
		return
	}
	c.w.Map(h.len())
	for f, v := range h.all() {
		c.w.Bulk(f)
		c.w.Bulk(v)
	}
}

func cmdHKeys(c *call) { c.hashColumn(true) }
func cmdHVals(c *call) { c.hashColumn(false) }

// hashColumn replies HKEYS (fields) or HVALS.
func (c *call) hashColumn(fields bool) {
	h := c.hashOrReply(func() { c.w.Array(0) })
	if h == nil {
		return
	}
	c.w.Array(h.len())
	for f, v := range h.all() {
		if fields {
			c.w.Bulk(f)
		} else {
			c.w.Bulk(v)
		}
	}
}

func cmdHDel(c *call) {
	n, err := c.db.hdel(c.args[1], c.args[2:], c.now)
	c.intOrErr(n, err)
}

func cmdHExists(c *call) {
	h := c.hashOrReply(c.zero)
	if h == nil {
		return
	}
	_, ok := h.get(c.args[2])
	c.w.Int(boolInt(ok))
}

func cmdHLen(c *call) {
	if h := c.hashOrReply(c.zero); h != nil {
		c.w.Int(int64(h.len()))
	}
}

func cmdHStrLen(c *call) {
	if h := c.hashOrReply(c.zero); h != nil {
		v, _ := h.get(c.args[2])
		c.w.Int(int64(len(v)))
	}
}

func cmdHIncrBy(c *call) {
	delta, ok := c.intArg(3)
	if !ok {
		return
	}
	n, err := c.db.hincrBy(c.args[1], c.args[2], delta, c.now)
	c.intOrErr(n, err)
}

func cmdHIncrByFloat(c *call) {
	incr, ok := redisstr.ParseLongDouble(c.args[3])
	if !ok {
		c.err(ErrNotFloat)
		return
	}
	s, err := c.db.hincrByFloat(c.args[1], c.args[2], incr, c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.w.Bulk(s)
}

// HRANDFIELD key [count [WITHVALUES]]
func cmdHRandField(c *call) {
	if len(c.args) == 2 {
		h := c.hashOrReply(c.w.NullBulk)
		if h == nil {
			return
		}
		f, _ := h.randomPair()
		c.w.Bulk(f)
		return
	}
	count, ok := c.intArg(2)
	if !ok {
		return
	}
	if count < -maxInt64 {
		c.err(errRandCountRange)
		return
	}
	withValues := false
	switch {
	case len(c.args) > 4 || len(c.args) == 4 && !strings.EqualFold(c.args[3], "withvalues"):
		c.err(ErrSyntax)
		return
	case len(c.args) == 4:
		withValues = true
		if count < -maxInt64/2 || count > maxInt64/2 {
			c.err(errValueRange)
			return
		}
	}
	h := c.hashOrReply(func() { c.w.Array(0) })
	if h == nil {
		return
	}
	if count == 0 {
		c.w.Array(0)
		return
	}
	// RESP2 gets a flat array of fields and values, RESP3 an array of
	// [field, value] pairs.
	nested := withValues && c.w.Protocol() == 3
	n := int(h.randomCount(count))
	if withValues && !nested {
		n *= 2
	}
	c.w.Array(n)
	emitted := 0
	h.randomFields(count, func(f, v string) bool {
		if nested {
			c.w.Array(2)
		}
		c.w.Bulk(f)
		if withValues {
			c.w.Bulk(v)
		}
		emitted++
		return c.stillWanted(emitted)
	})
}

// HSCAN key cursor [MATCH pattern] [COUNT count]: the cursor is checked
// before the key, the options after (Redis's hscanCommand, then
// scanGenericCommand).
func cmdHScan(c *call) {
	cursor, ok := parseCursor(c.args[2])
	if !ok {
		c.errText("invalid cursor")
		return
	}
	h := c.hashOrReply(func() { c.scanReply(0, nil) })
	if h == nil {
		return
	}
	a, ok := c.scanArgs(3, false)
	if !ok {
		return
	}
	var out []string
	next := h.scan(cursor, a, func(f, v string) { out = append(out, f, v) })
	c.scanReply(next, out)
}
