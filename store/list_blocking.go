package store

import (
	"context"
	"time"

	"github.com/embedis/embedis/resp"
)

// The list's blocking commands: BLPOP, BRPOP, BLMOVE, BRPOPLPUSH and
// BLMPOP, on the machinery of blocking.go. Each first tries its
// non-blocking form under its locks, exactly as Redis's
// blockingPopGenericCommand and blmoveGenericCommand, and waits only when
// every key is missing.

var listBlockingCommands = []*command{
	{name: "blpop", arity: -3, flags: flagWrite | flagNoScript | flagBlocking, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, -2, 1)}, group: "list", run: cmdBLPop},
	{name: "brpop", arity: -3, flags: flagWrite | flagNoScript | flagBlocking, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, -2, 1)}, group: "list", run: cmdBRPop},
	{name: "blmove", arity: 6, flags: flagWrite | flagDenyOOM | flagNoScript | flagBlocking, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1), indexRange(keyRW|keyInsert, 2, 0, 1)}, group: "list", run: cmdBLMove},
	{name: "brpoplpush", arity: 4, flags: flagWrite | flagDenyOOM | flagNoScript | flagBlocking, acl: aclList, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1), indexRange(keyRW|keyInsert, 2, 0, 1)}, group: "list", run: cmdBRPopLPush},
	{name: "blmpop", arity: -5, flags: flagWrite | flagBlocking, acl: aclList, keySpecs: []keySpec{{flags: keyRW | keyAccess | keyDelete, pos: 2, keyNum: true, keyNumIdx: 0, firstKey: 1, keyStep: 1}}, group: "list", run: cmdBLMPop},
}

// listBlockingDocs are their COMMAND DOCS, as Redis 7.0 declares them.
var listBlockingDocs = map[string]*commandDocs{
	"blpop": {
		summary:    "Remove and get the first element in a list, or block until one is available",
		since:      "2.0.0",
		complexity: "O(N) where N is the number of provided keys.",
		history: []docHistory{
			{"6.0.0", "`timeout` is interpreted as a double instead of an integer."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
			{name: "timeout", typ: "double"},
		},
	},
	"brpop": {
		summary:    "Remove and get the last element in a list, or block until one is available",
		since:      "2.0.0",
		complexity: "O(N) where N is the number of provided keys.",
		history: []docHistory{
			{"6.0.0", "`timeout` is interpreted as a double instead of an integer."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
			{name: "timeout", typ: "double"},
		},
	},
	"blmove": {
		summary:    "Pop an element from a list, push it to another list and return it; or block until one is available",
		since:      "6.2.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "source", typ: "key", keySpec: 1},
			{name: "destination", typ: "key", keySpec: 2},
			{name: "wherefrom", typ: "oneof", args: []docArg{
				{name: "left", typ: "pure-token", token: "LEFT"},
				{name: "right", typ: "pure-token", token: "RIGHT"},
			}},
			{name: "whereto", typ: "oneof", args: []docArg{
				{name: "left", typ: "pure-token", token: "LEFT"},
				{name: "right", typ: "pure-token", token: "RIGHT"},
			}},
			{name: "timeout", typ: "double"},
		},
	},
	"brpoplpush": {
		summary:         "Pop an element from a list, push it to another list and return it; or block until one is available",
		since:           "2.2.0",
		complexity:      "O(1)",
		deprecated:      true,
		deprecatedSince: "6.2.0",
		replacedBy:      "`BLMOVE` with the `RIGHT` and `LEFT` arguments",
		history: []docHistory{
			{"6.0.0", "`timeout` is interpreted as a double instead of an integer."},
		},
		args: []docArg{
			{name: "source", typ: "key", keySpec: 1},
			{name: "destination", typ: "key", keySpec: 2},
			{name: "timeout", typ: "double"},
		},
	},
	"blmpop": {
		summary:    "Pop elements from a list, or block until one is available",
		since:      "7.0.0",
		complexity: "O(N+M) where N is the number of provided keys and M is the number of elements returned.",
		args: []docArg{
			{name: "timeout", typ: "double"},
			{name: "numkeys", typ: "integer"},
			{name: "key", typ: "key", keySpec: 1, multiple: true},
			{name: "where", typ: "oneof", args: []docArg{
				{name: "left", typ: "pure-token", token: "LEFT"},
				{name: "right", typ: "pure-token", token: "RIGHT"},
			}},
			{name: "count", typ: "integer", token: "COUNT", optional: true},
		},
	},
}

func cmdBLPop(c *call) { c.blockingListPop(true) }
func cmdBRPop(c *call) { c.blockingListPop(false) }

// blockingListPop is BLPOP and BRPOP: keys, then the timeout.
func (c *call) blockingListPop(left bool) {
	n := len(c.args)
	blockingPop(c, kindList, c.args[1:n-1], c.args[n-1], listPopOne(left), func(w *resp.Writer, key, elem string) {
		w.Array(2)
		w.Bulk(key)
		w.Bulk(elem)
	})
}

// BLMPOP timeout numkeys key [key ...] LEFT|RIGHT [COUNT count]: the
// arguments after the timeout are parsed first, as Redis does.
func cmdBLMPop(c *call) {
	keys, left, count, ok := c.mpopArgs(2, "LEFT", "RIGHT")
	if !ok {
		return
	}
	blockingPop(c, kindList, keys, c.args[1], listPopN(left, count), writeKeyElems)
}

// listPopOne pops one element from an end of a list (BLPOP, BRPOP).
func listPopOne(left bool) popFunc[string] {
	return func(d *DB, key string, now int64) (string, bool, error) { return d.popOne(key, left, now) }
}

// listPopN pops up to count elements from an end of a list (BLMPOP).
func listPopN(left bool, count int) popFunc[[]string] {
	return func(d *DB, key string, now int64) ([]string, bool, error) {
		elems, err := d.popList(key, now, left, count)
		return elems, len(elems) > 0, err
	}
}

func cmdBLMove(c *call) {
	if from, to, ok := c.moveEnds(); ok {
		c.blockingMove(from, to, 5)
	}
}

func cmdBRPopLPush(c *call) { c.blockingMove(false, true, 3) }

// blockingMove is blmoveGenericCommand: LMOVE when the source holds a
// list, else wait for one. The served move checks the destination's type
// then, as Redis's serveClientBlockedOnList: a destination of another type
// ends the wait with WRONGTYPE and leaves the element in the source.
func (c *call) blockingMove(from, to bool, timeoutIdx int) {
	deadline, err := parseTimeout(c.args[timeoutIdx], c.now)
	if err != nil {
		c.err(err)
		return
	}
	src, dst := c.args[1], c.args[2]
	if elem, ok, err := c.db.moveList(src, dst, from, to, c.now); ok || err != nil {
		c.elemOrNull(elem, ok, err)
		return
	}
	d := c.db
	c.blockOn(kindList, []string{src}, dst, deadline, func(key string, now int64, w *resp.Writer) {
		elem, _, err := d.moveList(key, dst, from, to, now)
		if err != nil {
			w.Error(err.Error())
			return
		}
		w.Bulk(elem)
	})
}

// --- typed API ---

// BLPop pops the first element of the first of keys that holds a list,
// waiting until one does (timeout 0 waits forever). It returns the key and
// the element; ErrNil when the timeout passes first, ctx's error when ctx
// ends first.
func (d *DB) BLPop(ctx context.Context, timeout time.Duration, keys ...string) (key, elem string, err error) {
	return popTyped(ctx, d, kindList, keys, timeout, listPopOne(true))
}

// BRPop is BLPop at the tail.
func (d *DB) BRPop(ctx context.Context, timeout time.Duration, keys ...string) (key, elem string, err error) {
	return popTyped(ctx, d, kindList, keys, timeout, listPopOne(false))
}

// BLMPop pops up to count elements from end of the first of keys that
// holds a list, waiting as BLPop does.
func (d *DB) BLMPop(ctx context.Context, timeout time.Duration, end End, count int, keys ...string) (key string, elems []string, err error) {
	if count < 1 {
		return "", nil, ErrCountPositive
	}
	return popTyped(ctx, d, kindList, keys, timeout, listPopN(bool(end), count))
}

// BLMove moves an element from the from end of the list at key to the to
// end of dst (LMOVE), waiting as BLPop does while key holds no list.
func (l List) BLMove(ctx context.Context, dst string, from, to End, timeout time.Duration) (elem string, err error) {
	err = l.db.blockTyped(ctx, kindList, []string{l.key}, dst, timeout, func(k string, now int64) (bool, error) {
		e, ok, err := l.db.moveList(k, dst, bool(from), bool(to), now)
		elem = e
		return ok, err
	})
	return elem, err
}
