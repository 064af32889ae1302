package store

import (
	"sort"
	"strings"

	"github.com/embedis/embedis/internal/redisstr"
)

// Command introspection: COMMAND, COMMAND COUNT|LIST|INFO|DOCS|GETKEYS|
// GETKEYSANDFLAGS|HELP, replying from the command table as redis-server
// 7.0's server.c does.
//
// Redis walks its command dicts, whose order is unspecified (and differs
// between runs of one binary: the dict hash is seeded at startup); Embedis
// lists commands and subcommands sorted by name.

func cmdCommand(c *call) {
	names := topLevelNames()
	c.w.Array(len(names))
	for _, n := range names {
		c.writeCommandInfo(commands[n])
	}
}

// topLevelNames returns the names of the top-level commands, sorted.
func topLevelNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// subcommands returns cmd's subcommands sorted by name.
func (cmd *command) subcommands() []*command {
	subs := make([]*command, 0, len(cmd.subs))
	for _, sub := range cmd.subs {
		subs = append(subs, sub)
	}
	sort.Slice(subs, func(i, j int) bool { return subs[i].name < subs[j].name })
	return subs
}

func cmdCommandCount(c *call) { c.w.Int(int64(len(commands))) }

// cmdCommandList is COMMAND LIST [FILTERBY MODULE name|ACLCAT cat|PATTERN
// pattern]: every command's full name, each container followed by its
// subcommands.
func cmdCommandList(c *call) {
	match := func(*command) bool { return true }
	for i := 2; i < len(c.args); i++ {
		if !strings.EqualFold(c.args[i], "filterby") || len(c.args)-1-i != 2 {
			c.err(ErrSyntax)
			return
		}
		arg := c.args[i+2]
		switch typ := c.args[i+1]; {
		case strings.EqualFold(typ, "module"):
			// Embedis loads no modules: no command belongs to one.
			match = func(*command) bool { return false }
		case strings.EqualFold(typ, "aclcat"):
			cat := aclCategoryByName(arg)
			match = func(cmd *command) bool { return cmd.aclCategories()&cat != 0 }
		case strings.EqualFold(typ, "pattern"):
			pattern := cString(arg)
			match = func(cmd *command) bool { return redisstr.Match(pattern, cmd.name, true) }
		default:
			c.err(ErrSyntax)
			return
		}
		i += 2
	}
	var names []string
	for _, n := range topLevelNames() {
		cmd := commands[n]
		if match(cmd) {
			names = append(names, cmd.name)
		}
		for _, sub := range cmd.subcommands() {
			if match(sub) {
				names = append(names, sub.name)
			}
		}
	}
	c.w.Array(len(names))
	for _, n := range names {
		c.w.Bulk(n)
	}
}

// aclCategoryByName is the category named name (case-insensitively), or 0.
func aclCategoryByName(name string) aclCat {
	name = cString(name)
	for i, n := range aclCatNames {
		if strings.EqualFold(name, n) {
			return 1 << i
		}
	}
	return 0
}

// lookupCommandByName finds a command by its full name, "name" or
// "container|sub", as Redis's lookupCommandBySds does: case-insensitively,
// and nil for a subcommand of a command without subcommands.
func lookupCommandByName(name string) *command {
	parts := strings.Split(name, "|")
	if name == "" || len(parts) > 2 {
		return nil
	}
	base := findCommand(commands, parts[0])
	if base == nil || base.subs == nil || len(parts) == 1 {
		if len(parts) != 1 {
			return nil
		}
		return base
	}
	return findCommand(base.subs, parts[1])
}

func cmdCommandInfo(c *call) {
	if len(c.args) == 2 {
		cmdCommand(c)
		return
	}
	c.w.Array(len(c.args) - 2)
	for _, name := range c.args[2:] {
		if cmd := lookupCommandByName(name); cmd != nil {
			c.writeCommandInfo(cmd)
		} else {
			c.w.NullBulk()
		}
	}
}

// flagNames are COMMAND INFO's names for cmdFlags, in Redis's order
// (addReplyFlagsForCommand). may_replicate is hidden, as in Redis.
var flagNames = []struct {
	f    cmdFlags
	name string
}{
	{flagWrite, "write"}, {flagReadOnly, "readonly"}, {flagDenyOOM, "denyoom"},
	{flagAdmin, "admin"}, {flagPubSub, "pubsub"}, {flagNoScript, "noscript"},
	{flagBlocking, "blocking"}, {flagLoading, "loading"}, {flagStale, "stale"},
	{flagSkipMonitor, "skip_monitor"}, {flagSkipSlowlog, "skip_slowlog"},
	{flagFast, "fast"}, {flagNoAuth, "no_auth"}, {flagNoMulti, "no_multi"},
	{flagMovableKeys, "movablekeys"}, {flagAllowBusy, "allow_busy"},
}

// keyFlagNames are the key spec flags' names, in Redis's order
// (addReplyFlagsForKeyArgs).
var keyFlagNames = [...]string{
	"RO", "RW", "OW", "RM", "access", "update", "insert", "delete",
	"not_key", "incomplete", "variable_flags",
}

// writeKeyFlags writes f as a set of status replies.
func (c *call) writeKeyFlags(f keyFlags) {
	var names []string
	for i, n := range keyFlagNames {
		if f&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	c.writeStatusSet(names)
}

func (c *call) writeStatusSet(names []string) {
	c.w.Set(len(names))
	for _, n := range names {
		c.w.Simple(n)
	}
}

// writeCommandInfo replies one command's COMMAND INFO entry, as Redis's
// addReplyCommandInfo: name, arity, flags, key range, ACL categories,
// tips, key specs and subcommands.
func (c *call) writeCommandInfo(cmd *command) {
	c.w.Array(10)
	c.w.Bulk(cmd.name)
	c.w.Int(int64(cmd.arity))
	var flags []string
	for _, f := range flagNames {
		if cmd.flags&f.f != 0 {
			flags = append(flags, f.name)
		}
	}
	c.writeStatusSet(flags)
	c.w.Int(int64(cmd.first))
	c.w.Int(int64(cmd.last))
	c.w.Int(int64(cmd.step))
	var cats []string
	all := cmd.aclCategories()
	for i, n := range aclCatNames {
		if all&(1<<i) != 0 {
			cats = append(cats, "@"+n)
		}
	}
	c.writeStatusSet(cats)
	c.w.Set(len(cmd.tips))
	for _, t := range cmd.tips {
		c.w.Bulk(t)
	}
	c.w.Set(len(cmd.keySpecs))
	for _, ks := range cmd.keySpecs {
		c.writeKeySpec(ks)
	}
	if cmd.subs == nil {
		c.w.Set(0)
		return
	}
	subs := cmd.subcommands()
	c.w.Array(len(subs))
	for _, sub := range subs {
		c.writeCommandInfo(sub)
	}
}

// writeKeySpec writes one key spec as Redis's addReplyCommandKeySpecs.
func (c *call) writeKeySpec(ks keySpec) {
	if ks.notes != "" {
		c.w.Map(4)
		c.w.Bulk("notes")
		c.w.Bulk(ks.notes)
	} else {
		c.w.Map(3)
	}
	c.w.Bulk("flags")
	c.writeKeyFlags(ks.flags)
	c.w.Bulk("begin_search")
	c.w.Map(2)
	c.w.Bulk("type")
	if ks.keyword != "" {
		c.w.Bulk("keyword")
		c.w.Bulk("spec")
		c.w.Map(2)
		c.w.Bulk("keyword")
		c.w.Bulk(ks.keyword)
		c.w.Bulk("startfrom")
		c.w.Int(int64(ks.startFrom))
	} else {
		c.w.Bulk("index")
		c.w.Bulk("spec")
		c.w.Map(1)
		c.w.Bulk("index")
		c.w.Int(int64(ks.pos))
	}
	c.w.Bulk("find_keys")
	c.w.Map(2)
	c.w.Bulk("type")
	if ks.keyNum {
		c.w.Bulk("keynum")
		c.w.Bulk("spec")
		c.w.Map(3)
		c.w.Bulk("keynumidx")
		c.w.Int(int64(ks.keyNumIdx))
		c.w.Bulk("firstkey")
		c.w.Int(int64(ks.firstKey))
		c.w.Bulk("keystep")
		c.w.Int(int64(ks.keyStep))
	} else {
		c.w.Bulk("range")
		c.w.Bulk("spec")
		c.w.Map(3)
		c.w.Bulk("lastkey")
		c.w.Int(int64(ks.lastKey))
		c.w.Bulk("keystep")
		c.w.Int(int64(ks.keyStep))
		c.w.Bulk("limit")
		c.w.Int(int64(ks.limit))
	}
}

func cmdCommandDocs(c *call) {
	var cmds []*command
	if len(c.args) == 2 {
		for _, n := range topLevelNames() {
			cmds = append(cmds, commands[n])
		}
	} else {
		for _, n := range c.args[2:] {
			if cmd := lookupCommandByName(n); cmd != nil {
				cmds = append(cmds, cmd)
			}
		}
	}
	c.w.Map(len(cmds))
	for _, cmd := range cmds {
		c.w.Bulk(cmd.name)
		c.writeCommandDocs(cmd)
	}
}

// writeCommandDocs replies one command's COMMAND DOCS entry, as Redis's
// addReplyCommandDocs.
func (c *call) writeCommandDocs(cmd *command) {
	d := cmd.docs
	if d == nil {
		d = &commandDocs{}
	}
	n := 1
	for _, present := range []bool{
		d.summary != "", d.since != "", d.complexity != "", d.deprecated || d.syscmd,
		d.deprecatedSince != "", d.replacedBy != "", d.history != nil, d.args != nil, cmd.subs != nil,
	} {
		if present {
			n++
		}
	}
	c.w.Map(n)
	c.bulkField("summary", d.summary)
	c.bulkField("since", d.since)
	c.w.Bulk("group")
	c.w.Bulk(cmd.group)
	c.bulkField("complexity", d.complexity)
	if d.deprecated || d.syscmd {
		var flags []string
		if d.deprecated {
			flags = append(flags, "deprecated")
		}
		if d.syscmd {
			flags = append(flags, "syscmd")
		}
		c.w.Bulk("doc_flags")
		c.writeStatusSet(flags)
	}
	c.bulkField("deprecated_since", d.deprecatedSince)
	c.bulkField("replaced_by", d.replacedBy)
	if d.history != nil {
		c.w.Bulk("history")
		c.w.Set(len(d.history))
		for _, h := range d.history {
			c.w.Array(2)
			c.w.Bulk(h.since)
			c.w.Bulk(h.changes)
		}
	}
	if d.args != nil {
		c.w.Bulk("arguments")
		c.writeDocArgs(d.args)
	}
	if cmd.subs != nil {
		subs := cmd.subcommands()
		c.w.Bulk("subcommands")
		c.w.Map(len(subs))
		for _, sub := range subs {
			c.w.Bulk(sub.name)
			c.writeCommandDocs(sub)
		}
	}
}

// bulkField writes the map entry name: value unless value is empty.
func (c *call) bulkField(name, value string) {
	if value != "" {
		c.w.Bulk(name)
		c.w.Bulk(value)
	}
}

// writeDocArgs writes an argument list as Redis's addReplyCommandArgList.
func (c *call) writeDocArgs(args []docArg) {
	c.w.Array(len(args))
	for _, a := range args {
		var flags []string
		if a.optional {
			flags = append(flags, "optional")
		}
		if a.multiple {
			flags = append(flags, "multiple")
		}
		if a.multipleToken {
			flags = append(flags, "multiple_token")
		}
		nested := a.typ == "oneof" || a.typ == "block"
		n := 2
		for _, present := range []bool{
			a.keySpec != 0, a.token != "", a.summary != "", a.since != "",
			a.deprecatedSince != "", flags != nil, nested,
		} {
			if present {
				n++
			}
		}
		c.w.Map(n)
		c.w.Bulk("name")
		c.w.Bulk(a.name)
		c.w.Bulk("type")
		c.w.Bulk(a.typ)
		if a.keySpec != 0 {
			c.w.Bulk("key_spec_index")
			c.w.Int(int64(a.keySpec - 1))
		}
		c.bulkField("token", a.token)
		c.bulkField("summary", a.summary)
		c.bulkField("since", a.since)
		c.bulkField("deprecated_since", a.deprecatedSince)
		if flags != nil {
			c.w.Bulk("flags")
			c.writeStatusSet(flags)
		}
		if nested {
			c.w.Bulk("arguments")
			c.writeDocArgs(a.args)
		}
	}
}

func cmdCommandGetKeys(c *call)         { c.getKeysReply(false) }
func cmdCommandGetKeysAndFlags(c *call) { c.getKeysReply(true) }

// getKeysReply is COMMAND GETKEYS and GETKEYSANDFLAGS, as Redis's
// getKeysSubcommandImpl: the keys (and their key spec flags) of the full
// command that follows.
func (c *call) getKeysReply(withFlags bool) {
	args := c.args[2:]
	cmd := findCommand(commands, args[0])
	if cmd != nil && cmd.subs != nil && len(args) > 1 {
		cmd = findCommand(cmd.subs, args[1])
	}
	switch {
	case cmd == nil:
		c.errText("Invalid command specified")
		return
	case !cmd.hasKeys():
		c.errText("The command has no key arguments")
		return
	case (cmd.arity > 0 && cmd.arity != len(args)) || len(args) < -cmd.arity:
		c.errText("Invalid number of arguments specified for command")
		return
	}
	keys := cmd.keyRefs(args)
	if len(keys) == 0 {
		c.errText("Invalid arguments specified for command")
		return
	}
	c.w.Array(len(keys))
	for _, k := range keys {
		if withFlags {
			c.w.Array(2)
			c.w.Bulk(args[k.pos])
			c.writeKeyFlags(k.flags)
		} else {
			c.w.Bulk(args[k.pos])
		}
	}
}

// hasKeys reports whether cmd may name keys (Redis's doesCommandHaveKeys):
// it has a getKeys function or a key spec that is not marked not_key.
func (cmd *command) hasKeys() bool {
	if cmd.getKeys != nil {
		return true
	}
	for _, ks := range cmd.keySpecs {
		if ks.flags&keyNotKey == 0 {
			return true
		}
	}
	return false
}

// keyRefs returns the keys args (the full command, name first) names, as
// Redis's getKeysFromCommandWithSpecs: from the key specs when their flags
// do not vary with the arguments, else from the command's getKeys.
func (cmd *command) keyRefs(args []string) []keyRef {
	var real, variable bool
	for _, ks := range cmd.keySpecs {
		real = real || ks.flags&keyNotKey == 0
		variable = variable || ks.flags&keyVariableFlags != 0
	}
	if real && !variable {
		if keys, ok := cmd.keysFromSpecs(args); ok {
			return keys
		}
	}
	if cmd.getKeys != nil {
		return cmd.getKeys(args)
	}
	return nil
}

// keysFromSpecs is Redis's getKeysUsingKeySpecs without search flags: ok
// is false when a spec does not fit args (or is incomplete).
func (cmd *command) keysFromSpecs(args []string) (keys []keyRef, ok bool) {
	argc := len(args)
	for _, ks := range cmd.keySpecs {
		if ks.flags&keyNotKey != 0 {
			continue
		}
		first := ks.pos
		if ks.keyword != "" {
			first = 0
			start, end := ks.startFrom, argc-1
			if ks.startFrom <= 0 {
				start, end = argc+ks.startFrom, 1
			}
			for i := start; i != end; {
				if i >= argc || i < 1 {
					break
				}
				if strings.EqualFold(cString(args[i]), ks.keyword) {
					first = i + 1
					break
				}
				if start <= end {
					i++
				} else {
					i--
				}
			}
			if first == 0 {
				continue
			}
		}
		var last, step int
		if ks.keyNum {
			step = ks.keyStep
			i := first + ks.keyNumIdx
			if ks.keyNumIdx >= argc || i >= argc {
				return nil, false
			}
			n, nok := redisstr.ParseInt(args[i])
			if !nok || n < 0 {
				return nil, false
			}
			first += ks.firstKey
			last = first + int(n) - 1
		} else {
			step = ks.keyStep
			switch {
			case ks.lastKey >= 0:
				last = first + ks.lastKey
			case ks.limit == 0:
				last = argc + ks.lastKey
			default:
				last = first + ((argc-first)/ks.limit + ks.lastKey)
			}
		}
		if last >= argc || last < first || first >= argc {
			return nil, false
		}
		for i := first; i <= last; i += step {
			keys = append(keys, keyRef{pos: i, flags: ks.flags})
		}
		if ks.flags&keyIncomplete != 0 {
			return nil, false
		}
	}
	return keys, true
}

// setGetKeys is Redis's setGetKeys: SET's key is read too with GET.
func setGetKeys(args []string) []keyRef {
	for _, a := range args[min(3, len(args)):] {
		if strings.EqualFold(cString(a), "get") {
			return []keyRef{{1, keyRW | keyAccess | keyUpdate}}
		}
	}
	return []keyRef{{1, keyOW | keyUpdate}}
}

// bitfieldGetKeys is Redis's bitfieldGetKeys: BITFIELD's key is read-only
// when every operation is a GET.
func bitfieldGetKeys(args []string) []keyRef {
	readonly := true
	for i := 2; i < len(args); i++ {
		rem := len(args) - i - 1
		switch a := cString(args[i]); {
		case strings.EqualFold(a, "get") && rem >= 2:
			i += 2
		case (strings.EqualFold(a, "set") || strings.EqualFold(a, "incrby")) && rem >= 3:
			readonly = false
			i = len(args)
		case strings.EqualFold(a, "overflow") && rem >= 1:
			i++
		default:
			readonly = false
			i = len(args)
		}
	}
	if readonly {
		return []keyRef{{1, keyRO | keyAccess}}
	}
	return []keyRef{{1, keyRW | keyAccess | keyUpdate}}
}

func cmdCommandHelp(c *call) {
	c.help("COMMAND",
		"(no subcommand)",
		"    Return details about all Redis commands.",
		"COUNT",
		"    Return the total number of commands in this Redis server.",
		"LIST",
		"    Return a list of all commands in this Redis server.",
		"INFO [<command-name> ...]",
		"    Return details about multiple Redis commands.",
		"    If no command names are given, documentation details for all",
		"    commands are returned.",
		"DOCS [<command-name> ...]",
		"    Return documentation details about multiple Redis commands.",
		"    If no command names are given, documentation details for all",
		"    commands are returned.",
		"GETKEYS <full-command>",
		"    Return the keys from a full Redis command.",
		"GETKEYSANDFLAGS <full-command>",
		"    Return the keys and the access flags from a full Redis command.",
	)
}
