package store

import "github.com/embedis/embedis/hll"

// HyperLogLog command handlers and their rows of the command table
// (joined to commandTable in commands.go). Metadata is Redis 7.0's
// commands/pf*.json.
var hllCommands = []*command{
	{name: "pfadd", arity: -2, flags: flagWrite | flagDenyOOM | flagFast, acl: aclHyperLogLog, keySpecs: []keySpec{indexRange(keyRW|keyInsert, 1, 0, 1)}, group: "hyperloglog", run: cmdPFAdd},
	{name: "pfcount", arity: -2, flags: flagReadOnly | flagMayReplicate, acl: aclHyperLogLog, keySpecs: []keySpec{indexRange(keyRW|keyAccess, 1, -1, 1).withNotes("RW because it may change the internal representation of the key, and propagate to replicas")}, group: "hyperloglog", run: cmdPFCount},
	{name: "pfmerge", arity: -2, flags: flagWrite | flagDenyOOM, acl: aclHyperLogLog, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyInsert, 1, 0, 1), indexRange(keyRO|keyAccess, 2, -1, 1)}, group: "hyperloglog", run: cmdPFMerge},
}

func cmdPFAdd(c *call) {
	h, sh := c.db.slot(c.args[1])
	changed, err := pfAdd(c.db, sh, c.args[1], h, c.args[2:], (*hll.Sketch).AddString, c.now)
	c.intOrErr(boolInt(changed), err)
}

func cmdPFCount(c *call) {
	c.intOrErr(c.db.pfCount(c.args[1:], c.now))
}

func cmdPFMerge(c *call) {
	if err := c.db.pfMerge(c.args[1:], c.now); err != nil {
		c.err(err)
		return
	}
	c.ok()
}
