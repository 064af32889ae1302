package store

import (
	"strings"

	"github.com/embedis/embedis/internal/redisstr"
)

// String command handlers: parse, call the string operations, reply.

// intArg parses args[i] as Redis's long long, replying the error if it is
// not one.
func (c *call) intArg(i int) (int64, bool) {
	n, ok := redisstr.ParseInt(c.args[i])
	if !ok {
		c.err(ErrNotInteger)
	}
	return n, ok
}

// intPair parses args[i] and args[i+1] as integers.
func (c *call) intPair(i int) (a, b int64, ok bool) {
	if a, ok = c.intArg(i); ok {
		b, ok = c.intArg(i + 1)
	}
	return a, b, ok
}

// bulkIf replies s if ok, a null if not.
func (c *call) bulkIf(s string, ok bool) {
	if ok {
		c.w.Bulk(s)
	} else {
		c.w.NullBulk()
	}
}

// bulkOrNull replies a string operation's result: the string, a null for
// ErrNil, or the error.
func (c *call) bulkOrNull(s string, err error) {
	switch err {
	case nil:
		c.w.Bulk(s)
	case ErrNil:
		c.w.NullBulk()
	default:
		c.err(err)
	}
}

func (c *call) intOrErr(n int64, err error) {
	if err != nil {
		c.err(err)
		return
	}
	c.w.Int(n)
}

// expire flags, as parseExtendedStringArgumentsOrReply tracks them.
const (
	expEX = 1 << iota
	expPX
	expEXAT
	expPXAT
	expKeepTTL
	expPersist
	expNX
	expXX
	expGet
)

// parseStringOptions parses SET's (forSet) or GETEX's options from
// args[from:], with Redis's rules for which options exclude which. It
// returns the flags and the index of the expiry argument (0 if none).
func (c *call) parseStringOptions(from int, forSet bool) (flags, expArg int, ok bool) {
	timeFlags := expEX | expPX | expEXAT | expPXAT
	for j := from; j < len(c.args); j++ {
		opt := c.args[j]
		next := j < len(c.args)-1
		switch {
		case forSet && strings.EqualFold(opt, "NX") && flags&expXX == 0:
			flags |= expNX
		case forSet && strings.EqualFold(opt, "XX") && flags&expNX == 0:
			flags |= expXX
		case forSet && strings.EqualFold(opt, "GET"):
			flags |= expGet
		case forSet && strings.EqualFold(opt, "KEEPTTL") && flags&(expPersist|timeFlags) == 0:
			flags |= expKeepTTL
		case !forSet && strings.EqualFold(opt, "PERSIST") && flags&(timeFlags|expKeepTTL) == 0:
			flags |= expPersist
		case next && flags&(expKeepTTL|expPersist) == 0 && timeOption(opt) != 0 &&
			flags&(timeFlags&^timeOption(opt)) == 0:
			// Repeating the same time option is allowed (the last wins).
			flags |= timeOption(opt)
			expArg = j + 1
			j++
		default:
			c.err(ErrSyntax)
			return 0, 0, false
		}
	}
	return flags, expArg, true
}

// timeOption returns the flag of an EX/PX/EXAT/PXAT option name, or 0.
func timeOption(opt string) int {
	switch {
	case strings.EqualFold(opt, "EX"):
		return expEX
	case strings.EqualFold(opt, "PX"):
		return expPX
	case strings.EqualFold(opt, "EXAT"):
		return expEXAT
	case strings.EqualFold(opt, "PXAT"):
		return expPXAT
	}
	return 0
}

// parseExpiry converts the expiry argument of flags to an absolute Unix ms
// time with Redis's checks (getExpireMillisecondsOrReply).
func (c *call) parseExpiry(arg string, flags int) (int64, bool) {
	ms, ok := redisstr.ParseInt(arg)
	if !ok {
		c.err(ErrNotInteger)
		return 0, false
	}
	seconds := flags&(expEX|expEXAT) != 0
	if ms <= 0 || seconds && ms > maxInt64/1000 {
		c.invalidExpire()
		return 0, false
	}
	if seconds {
		ms *= 1000
	}
	if flags&(expEX|expPX) != 0 {
		ms += c.now
	}
	if ms <= 0 {
		c.invalidExpire()
		return 0, false
	}
	return ms, true
}

func (c *call) invalidExpire() {
	c.errText("invalid expire time in '" + c.cmd.name + "' command")
}

func cmdGet(c *call) {
	e, err := c.db.stringAt(c.args[1], c.now)
	if err != nil {
		c.bulkOrNull("", err)
		return
	}
	c.w.Bulk(e.val.view())
}

func cmdSet(c *call) {
	flags, expArg, ok := c.parseStringOptions(3, true)
	if !ok {
		return
	}
	c.setGeneric(c.args[1], c.args[2], flags, expArg)
}

// setGeneric is Redis's setGenericCommand for SET, SETEX and PSETEX.
func (c *call) setGeneric(key, val string, flags, expArg int) {
	a := setArgs{nx: flags&expNX != 0, xx: flags&expXX != 0, get: flags&expGet != 0, keepTTL: flags&expKeepTTL != 0}
	if expArg != 0 {
		var ok bool
		if a.at, ok = c.parseExpiry(c.args[expArg], flags); !ok {
			return
		}
	}
	old, had, done, err := c.db.setString(key, stringValue(val), a, c.now)
	switch {
	case err != nil:
		c.err(err)
	case a.get && had:
		c.w.Bulk(old)
	case a.get || !done:
		c.w.NullBulk()
	default:
		c.ok()
	}
}

func cmdSetNX(c *call) {
	_, _, done, _ := c.db.setString(c.args[1], stringValue(c.args[2]), setArgs{nx: true}, c.now)
	c.w.Int(boolInt(done))
}

func cmdSetEX(c *call)  { c.setGeneric(c.args[1], c.args[3], expEX, 2) }
func cmdPSetEX(c *call) { c.setGeneric(c.args[1], c.args[3], expPX, 2) }

func cmdGetSet(c *call) {
	old, had, _, err := c.db.setString(c.args[1], stringValue(c.args[2]), setArgs{get: true}, c.now)
	if err == nil && !had {
		err = ErrNil
	}
	c.bulkOrNull(old, err)
}

func cmdGetDel(c *call) {
	e, err := c.db.stringAt(c.args[1], c.now)
	if err != nil {
		c.bulkOrNull("", err)
		return
	}
	c.w.Bulk(e.val.view())
	c.db.remove(c.args[1], c.now)
}

func cmdGetEx(c *call) {
	flags, expArg, ok := c.parseStringOptions(2, false)
	if !ok {
		return
	}
	if _, err := c.db.stringAt(c.args[1], c.now); err != nil {
		c.bulkOrNull("", err)
		return
	}
	a := setArgs{persist: flags&expPersist != 0}
	if expArg != 0 {
		if a.at, ok = c.parseExpiry(c.args[expArg], flags); !ok {
			return
		}
	}
	c.bulkOrNull(c.db.getEx(c.args[1], a, c.now))
}

func cmdMGet(c *call) {
	c.w.Array(len(c.args) - 1)
	c.db.lookupReadEach(c.args[1:], c.now, func(_ int, e *entry) {
		if e != nil && e.val.isString() {
			c.w.Bulk(e.val.view())
		} else {
			c.w.NullBulk()
		}
	})
}

func cmdMSet(c *call) {
	if len(c.args)%2 == 0 {
		c.wrongArity()
		return
	}
	c.db.mset(c.args[1:], c.now)
	c.ok()
}

func cmdMSetNX(c *call) {
	if len(c.args)%2 == 0 {
		c.wrongArity()
		return
	}
	c.w.Int(boolInt(c.db.msetnx(c.args[1:], c.now)))
}

func (c *call) wrongArity() {
	c.errText("wrong number of arguments for '" + c.cmd.name + "' command")
}

func cmdIncr(c *call) { c.intOrErr(c.db.incrBy(c.args[1], 1, c.now)) }
func cmdDecr(c *call) { c.intOrErr(c.db.incrBy(c.args[1], -1, c.now)) }

func cmdIncrBy(c *call) {
	if n, ok := c.intArg(2); ok {
		c.intOrErr(c.db.incrBy(c.args[1], n, c.now))
	}
}

func cmdDecrBy(c *call) {
	n, ok := c.intArg(2)
	switch {
	case !ok:
	case n == minInt64:
		c.err(ErrDecrOverflow)
	default:
		c.intOrErr(c.db.incrBy(c.args[1], -n, c.now))
	}
}

func cmdIncrByFloat(c *call) {
	s, err := c.db.incrByFloat(c.args[1], c.args[2], c.now)
	if err != nil {
		c.err(err)
		return
	}
	c.w.Bulk(s)
}

func cmdAppend(c *call) { c.intOrErr(c.db.appendString(c.args[1], c.args[2], c.now)) }

func cmdStrLen(c *call) {
	e, err := c.db.stringAt(c.args[1], c.now)
	switch err {
	case nil:
		c.w.Int(int64(e.val.strLen()))
	case ErrNil:
		c.w.Int(0)
	default:
		c.err(err)
	}
}

func cmdGetRange(c *call) {
	start, ok := c.intArg(2)
	if !ok {
		return
	}
	end, ok := c.intArg(3)
	if !ok {
		return
	}
	e, err := c.db.stringAt(c.args[1], c.now)
	switch err {
	case nil:
		c.w.Bulk(getRange(e.val.view(), start, end))
	case ErrNil:
		c.w.Bulk("")
	default:
		c.err(err)
	}
}

func cmdSetRange(c *call) {
	if off, ok := c.intArg(2); ok {
		c.intOrErr(c.db.setRange(c.args[1], off, c.args[3], c.now))
	}
}

func cmdLCS(c *call) {
	a, b, err := c.db.lcsInputs(c.args[1], c.args[2], c.now)
	if err != nil {
		c.err(err)
		return
	}
	var getLen, getIdx, withLen bool
	var minLen int64
	for j := 3; j < len(c.args); j++ {
		opt := c.args[j]
		switch {
		case strings.EqualFold(opt, "IDX"):
			getIdx = true
		case strings.EqualFold(opt, "LEN"):
			getLen = true
		case strings.EqualFold(opt, "WITHMATCHLEN"):
			withLen = true
		case strings.EqualFold(opt, "MINMATCHLEN") && j < len(c.args)-1:
			n, ok := c.intArg(j + 1)
			if !ok {
				return
			}
			minLen = max(n, 0)
			j++
		default:
			c.err(ErrSyntax)
			return
		}
	}
	if getLen && getIdx {
		c.errText("If you want both the length and indexes, please just use IDX.")
		return
	}
	if err := redisstr.LCSCheck(len(a), len(b), maxStringLen); err != nil {
		c.w.Error(err.Error())
		return
	}
	lcs, matches, n := redisstr.LCS(a, b)
	switch {
	case getIdx:
		c.writeLCSMatches(matches, n, minLen, withLen)
	case getLen:
		c.w.Int(int64(n))
	default:
		c.w.Bulk(lcs)
	}
}

// writeLCSMatches replies LCS ... IDX: a map of the matches and the length.
func (c *call) writeLCSMatches(matches []redisstr.LCSMatch, n int, minLen int64, withLen bool) {
	c.w.Map(2)
	c.w.Bulk("matches")
	kept := 0
	for _, m := range matches {
		if int64(m.Len) >= minLen {
			kept++
		}
	}
	c.w.Array(kept)
	for _, m := range matches {
		if int64(m.Len) < minLen {
			continue
		}
		if withLen {
			c.w.Array(3)
		} else {
			c.w.Array(2)
		}
		c.w.Array(2)
		c.w.Int(int64(m.AStart))
		c.w.Int(int64(m.AEnd))
		c.w.Array(2)
		c.w.Int(int64(m.BStart))
		c.w.Int(int64(m.BEnd))
		if withLen {
			c.w.Int(int64(m.Len))
		}
	}
	c.w.Bulk("len")
	c.w.Int(int64(n))
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
