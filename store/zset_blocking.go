package store

import (
	"context"
	"time"
)

// The sorted set's blocking commands: BZPOPMIN, BZPOPMAX and BZMPOP, on the
// machinery of blocking.go, as Redis's blockingGenericZpopCommand: pop
// from the first key that holds a sorted set, else wait for one.

var zsetBlockingCommands = []*command{
	{name: "bzpopmin", arity: -3, flags: flagWrite | flagNoScript | flagFast | flagBlocking, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, -2, 1)}, group: "sorted-set", run: cmdBZPopMin},
	{name: "bzpopmax", arity: -3, flags: flagWrite | flagNoScript | flagFast | flagBlocking, acl: aclSortedSet, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, -2, 1)}, group: "sorted-set", run: cmdBZPopMax},
	{name: "bzmpop", arity: -5, flags: flagWrite | flagBlocking, acl: aclSortedSet, keySpecs: []keySpec{{flags: keyRW | keyAccess | keyDelete, pos: 2, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}, group: "sorted-set", run: cmdBZMPop},
}

// zsetBlockingDocs are their COMMAND DOCS, as Redis 7.0 declares them.
var zsetBlockingDocs = map[string]*commandDocs{
	"bzpopmin": {
		summary:    "Remove and return the member with the lowest score from one or more sorted sets, or block until one is available",
		since:      "5.0.0",
		complexity: "O(log(N)) with N being the number of elements in the sorted set.",
		history: []docHistory{
			{"6.0.0", "`timeout` is interpreted as a double instead of an integer."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
			{name: "timeout", typ: "double"},
		},
	},
	"bzpopmax": {
		summary:    "Remove and return the member with the highest score from one or more sorted sets, or block until one is available",
		since:      "5.0.0",
		complexity: "O(log(N)) with N being the number of elements in the sorted set.",
		history: []docHistory{
			{"6.0.0", "`timeout` is interpreted as a double instead of an integer."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
			{name: "timeout", typ: "double"},
		},
	},
	"bzmpop": {
		summary:    "Remove and return members with scores in a sorted set or block until one is available",
		since:      "7.0.0",
		complexity: "O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.",
		args: []docArg{
			{name: "timeout", typ: "double"},
			{name: "numkeys", typ: "integer"},
			{name: "key", typ: "key", keySpec: 1, multiple: true},
			{name: "where", typ: "oneof", args: []docArg{
				{name: "min", typ: "pure-token", token: "MIN"},
				{name: "max", typ: "pure-token", token: "MAX"},
			}},
			{name: "count", typ: "integer", token: "COUNT", optional: true},
		},
	},
}

func cmdBZPopMin(c *call) { c.bzpop(false) }
func cmdBZPopMax(c *call) { c.bzpop(true) }

// bzpop is BZPOPMIN and BZPOPMAX: keys, then the timeout.
func (c *call) bzpop(max bool) {
	n := len(c.args)
	blockingPop(c, kindZSet, c.args[1:n-1], c.args[n-1], zsetPopOne(max), writeBZPop)
}

// BZMPOP timeout numkeys key [key ...] MIN|MAX [COUNT count].
func cmdBZMPop(c *call) {
	keys, max, count, ok := c.parseZMPop(2)
	if !ok {
		return
	}
	blockingPop(c, kindZSet, keys, c.args[1], zsetPopN(max, int(min(count, maxInt64>>1))), writeZMPop)
}

// zsetPopOne pops the lowest (or, with max, the highest) member.
func zsetPopOne(max bool) popFunc[Z] {
	return func(d *DB, key string, now int64) (Z, bool, error) {
		items, err := d.popZSet(key, now, max, 1)
		if len(items) == 0 {
			return Z{}, false, err
		}
		return items[0], true, nil
	}
}

// zsetPopN pops up to count members from the low (or high) end.
func zsetPopN(max bool, count int) popFunc[[]Z] {
	return func(d *DB, key string, now int64) ([]Z, bool, error) {
		items, err := d.popZSet(key, now, max, count)
		return items, len(items) > 0, err
	}
}

// --- typed API ---

// BZPopMin pops the lowest-scored member of the first of keys that holds a
// sorted set, waiting until one does (timeout 0 waits forever). It returns
// ErrNil when the timeout passes first, ctx's error when ctx ends first.
func (d *DB) BZPopMin(ctx context.Context, timeout time.Duration, keys ...string) (key string, z Z, err error) {
	return popTyped(ctx, d, kindZSet, keys, timeout, zsetPopOne(false))
}

// BZPopMax is BZPopMin for the highest score.
func (d *DB) BZPopMax(ctx context.Context, timeout time.Duration, keys ...string) (key string, z Z, err error) {
	return popTyped(ctx, d, kindZSet, keys, timeout, zsetPopOne(true))
}

// BZMPop pops up to count members from the low (or, with max, the high)
// end of the first of keys that holds a sorted set, waiting as BZPopMin.
func (d *DB) BZMPop(ctx context.Context, timeout time.Duration, max bool, count int, keys ...string) (key string, zs []Z, err error) {
	if count < 1 {
		return "", nil, ErrCountPositive
	}
	return popTyped(ctx, d, kindZSet, keys, timeout, zsetPopN(max, count))
}
