package store

import (
	"strconv"
	"strings"

	"github.com/embedis/embedis/internal/redisstr"
)

// Keyspace command handlers.

// dbArg parses args[i] as a database index (getIntFromObjectOrReply with
// msg as the not-an-integer text), replying Redis's error when invalid or
// out of range.
func (c *call) dbArg(i int, msg string) (*DB, bool) {
	n, ok := redisstr.ParseInt(c.args[i])
	if !ok || n < -1<<31 || n > 1<<31-1 {
		if msg == "" {
			if ok {
				msg = "value is out of range, value must between -2147483648 and 2147483647"
			} else {
				msg = "value is not an integer or out of range"
			}
		}
		c.errText(msg)
		return nil, false
	}
	if n < 0 || n >= int64(len(c.s.dbs)) {
		c.err(ErrDBIndex)
		return nil, false
	}
	return c.s.dbs[n], true
}

func cmdDel(c *call)    { c.w.Int(c.db.del(c.args[1:], c.now)) }
func cmdExists(c *call) { c.w.Int(c.db.exists(c.args[1:], c.now)) }
func cmdTouch(c *call)  { c.w.Int(c.db.touchKeys(c.args[1:], c.now)) }
func cmdType(c *call)   { c.w.Simple(c.db.typeOf(c.args[1], c.now)) }

func cmdKeys(c *call) {
	keys := c.db.keysMatching(c.args[1], c.now)
	c.w.Array(len(keys))
	for _, k := range keys {
		c.w.Bulk(k)
	}
}

// parseCursor is Redis's parseScanCursorOrReply: strtoul's rules, so a
// leading '-' wraps, an empty cursor is 0 and parsing stops at a NUL.
func parseCursor(s string) (uint64, bool) {
	s = cString(s)
	if s == "" {
		return 0, true
	}
	neg := false
	switch s[0] {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return 0, false
	case '-', '+':
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	n, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		n = -n
	}
	return n, true
}

func cmdScan(c *call) {
	cursor, ok := parseCursor(c.args[1])
	if !ok {
		c.errText("invalid cursor")
		return
	}
	a, ok := c.scanArgs(2, true)
	if !ok {
		return
	}
	next, keys := c.db.scanStep(cursor, int(min(a.count, 1<<20)), func(e *entry, sh *shard, now int64) bool {
		return !sh.expired(e, now) &&
			(!a.usePattern || redisstr.Match(a.pattern, e.key, false)) &&
			(a.typ == "" || strings.EqualFold(e.val.typeName(), a.typ))
	})
	c.scanReply(next, keys)
}

// scanReply writes a reply of the SCAN family: the next cursor, then the
// items.
func (c *call) scanReply(next uint64, items []string) {
	c.w.Array(2)
	c.w.Bulk(strconv.FormatUint(next, 10))
	c.w.Array(len(items))
	for _, s := range items {
		c.w.Bulk(s)
	}
}

// typedScanArgs are the scan options of the typed API's Scan iterators,
// whose pattern "" (like "*") matches everything.
func typedScanArgs(pattern string, count int64) scanArgs {
	return scanArgs{count: count, pattern: pattern, usePattern: pattern != "" && pattern != "*"}
}

// match returns a's MATCH filter, or nil when every name matches.
func (a scanArgs) match() func(string) bool {
	if !a.usePattern {
		return nil
	}
	return func(s string) bool { return redisstr.Match(a.pattern, s, false) }
}

// scanArgs are the options of SCAN and of the collection scans (HSCAN,
// SSCAN, ZSCAN).
type scanArgs struct {
	count      int64
	pattern    string
	usePattern bool // MATCH given, and not "*" (which Redis does not match)
	typ        string
}

// scanArgs parses the options in args[from:] as Redis's scanGenericCommand
// does (TYPE only for SCAN: withType), replying the error when they are
// invalid.
func (c *call) scanArgs(from int, withType bool) (scanArgs, bool) {
	a := scanArgs{count: 10}
	for i := from; i < len(c.args); i += 2 {
		more := i+1 < len(c.args)
		var ok bool
		switch opt := c.args[i]; {
		case strings.EqualFold(opt, "COUNT") && more:
			if a.count, ok = c.intArg(i + 1); !ok {
				return a, false
			}
			if a.count < 1 {
				c.err(ErrSyntax)
				return a, false
			}
		case strings.EqualFold(opt, "MATCH") && more:
			a.pattern, a.usePattern = c.args[i+1], c.args[i+1] != "*"
		case strings.EqualFold(opt, "TYPE") && more && withType:
			a.typ = c.args[i+1]
		default:
			c.err(ErrSyntax)
			return a, false
		}
	}
	return a, true
}

func cmdRename(c *call) {
	if _, err := c.db.rename(c.args[1], c.args[2], false, c.now); err != nil {
		c.err(err)
		return
	}
	c.ok()
}

func cmdRenameNX(c *call) {
	ok, err := c.db.rename(c.args[1], c.args[2], true, c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.w.Int(boolInt(ok))
}

func cmdCopy(c *call) {
	to, replace := c.db, false
	for j := 3; j < len(c.args); j++ {
		switch {
		case strings.EqualFold(c.args[j], "REPLACE"):
			replace = true
		case strings.EqualFold(c.args[j], "DB") && j+1 < len(c.args):
			var ok bool
			if to, ok = c.dbArg(j+1, ""); !ok {
				return
			}
			j++
		default:
			c.err(ErrSyntax)
			return
		}
	}
	ok, err := c.db.copyKey(c.args[1], to, c.args[2], replace, c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.w.Int(boolInt(ok))
}

func cmdMove(c *call) {
	to, ok := c.dbArg(2, "")
	if !ok {
		return
	}
	moved, err := c.db.move(c.args[1], to, c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.w.Int(boolInt(moved))
}

func cmdRandomKey(c *call) {
	if k, ok := c.db.randomKey(c.now); ok {
		c.w.Bulk(k)
		return
	}
	c.w.NullBulk()
}

func cmdDBSize(c *call) { c.w.Int(int64(c.db.size())) }

// flushMode parses FLUSHDB/FLUSHALL's optional SYNC|ASYNC.
func (c *call) flushMode() bool {
	switch {
	case len(c.args) == 1,
		len(c.args) == 2 && (strings.EqualFold(c.args[1], "SYNC") || strings.EqualFold(c.args[1], "ASYNC")):
		return true
	}
	c.err(ErrSyntax)
	return false
}

func cmdFlushDB(c *call) {
	if c.flushMode() {
		c.db.clear()
		c.ok()
	}
}

func cmdFlushAll(c *call) {
	if c.flushMode() {
		for _, d := range c.s.dbs {
			d.clear()
		}
		c.ok()
	}
}

func cmdSwapDB(c *call) {
	a, ok := c.dbArgQuiet(1, "invalid first DB index")
	if !ok {
		return
	}
	b, ok := c.dbArgQuiet(2, "invalid second DB index")
	if !ok {
		return
	}
	if a < 0 || b < 0 || a >= len(c.s.dbs) || b >= len(c.s.dbs) {
		c.err(ErrDBIndex)
		return
	}
	c.s.dbs[a].swapWith(c.s.dbs[b])
	c.ok()
}

// dbArgQuiet parses an int argument with getIntFromObjectOrReply's errors
// but leaves the range check to the caller.
func (c *call) dbArgQuiet(i int, msg string) (int, bool) {
	n, ok := redisstr.ParseInt(c.args[i])
	if !ok || n < -1<<31 || n > 1<<31-1 {
		c.errText(msg)
		return 0, false
	}
	return int(n), true
}

func cmdSelect(c *call) {
	d, ok := c.dbArg(1, "")
	if !ok {
		return
	}
	c.sess.db = d
	c.ok()
}

// expire handlers: EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT.
func expireHandler(seconds, relative bool) func(*call) {
	return func(c *call) {
		var flags expireFlags
		for _, opt := range c.args[3:] {
			switch {
			case strings.EqualFold(opt, "NX"):
				flags |= expireNX
			case strings.EqualFold(opt, "XX"):
				flags |= expireXX
			case strings.EqualFold(opt, "GT"):
				flags |= expireGT
			case strings.EqualFold(opt, "LT"):
				flags |= expireLT
			default:
				c.errText("Unsupported option " + cString(opt))
				return
			}
		}
		if flags&expireNX != 0 && flags&(expireXX|expireGT|expireLT) != 0 {
			c.errText("NX and XX, GT or LT options at the same time are not compatible")
			return
		}
		if flags&expireGT != 0 && flags&expireLT != 0 {
			c.errText("GT and LT options at the same time are not compatible")
			return
		}
		when, ok := c.intArg(2)
		if !ok {
			return
		}
		if seconds {
			if when > maxInt64/1000 || when < minInt64/1000 {
				c.invalidExpire()
				return
			}
			when *= 1000
		}
		var base int64
		if relative {
			base = c.now
		}
		if when > maxInt64-base {
			c.invalidExpire()
			return
		}
		c.w.Int(boolInt(c.db.expire(c.args[1], when+base, flags, c.now)))
	}
}

// ttlHandler builds TTL, PTTL, EXPIRETIME and PEXPIRETIME.
func ttlHandler(ms, abs bool) func(*call) {
	return func(c *call) {
		t := c.db.ttl(c.args[1], abs, c.now)
		if t >= 0 && !ms {
			// Unsigned, as redis-server's build computes (ttl+500)/1000
			// without wrapping at the top of the range.
			t = int64((uint64(t) + 500) / 1000)
		}
		c.w.Int(t)
	}
}

func cmdPersist(c *call) { c.w.Int(boolInt(c.db.persist(c.args[1], c.now))) }

// objectHandler builds OBJECT's subcommands that inspect a key.
func objectHandler(reply func(c *call, e *entry)) func(*call) {
	return func(c *call) {
		e := c.db.lookup(c.args[2], c.now)
		if e == nil {
			c.w.NullBulk()
			return
		}
		reply(c, e)
	}
}

var (
	cmdObjectEncoding = objectHandler(func(c *call, e *entry) { c.w.Bulk(e.val.encoding()) })
	cmdObjectRefCount = objectHandler(func(c *call, e *entry) { c.w.Int(e.val.refCount()) })
	cmdObjectIdleTime = objectHandler(func(c *call, e *entry) {
		c.w.Int(c.s.idleSeconds(e.accessClock(&c.s.sharedLRU), c.now))
	})
	cmdObjectFreq = objectHandler(func(c *call, e *entry) {
		c.errText("An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.")
	})
)

func cmdObjectHelp(c *call) {
	c.help("OBJECT",
		"ENCODING <key>",
		"    Return the kind of internal representation used in order to store the value",
		"    associated with a <key>.",
		"FREQ <key>",
		"    Return the access frequency index of the <key>. The returned integer is",
		"    proportional to the logarithm of the recent access frequency of the key.",
		"IDLETIME <key>",
		"    Return the idle time of the <key>, that is the approximated number of",
		"    seconds elapsed since the last access to the key.",
		"REFCOUNT <key>",
		"    Return the number of references of the value associated with the specified",
		"    <key>.",
	)
}

// help replies Redis's addReplyHelp for a container command.
func (c *call) help(name string, lines ...string) {
	c.w.Array(len(lines) + 3)
	c.w.Simple(name + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:")
	for _, l := range lines {
		c.w.Simple(l)
	}
	c.w.Simple("HELP")
	c.w.Simple("    Prints this help.")
}
