package store

import (
	"context"
	"errors"
	"maps"
	"strings"

	"github.com/embedis/embedis/resp"
)

// cmdFlags are a command's properties. The first group mirrors Redis's
// command flags (COMMAND INFO reports them); the lock group tells the
// executor which shards to lock beyond the command's key positions.
type cmdFlags uint32

const (
	flagWrite cmdFlags = 1 << iota
	flagReadOnly
	flagDenyOOM
	flagAdmin
	flagPubSub
	flagNoScript
	flagBlocking
	flagLoading
	flagStale
	flagSkipMonitor
	flagSkipSlowlog
	flagFast
	flagNoAuth
	flagMayReplicate
	flagNoMulti
	flagAllowBusy
	// flagMovableKeys is set by init, as Redis does, when the key specs
	// do not reduce to one (first, last, step) range.
	flagMovableKeys

	// lockDB locks every shard of the selected database (commands that see
	// the whole keyspace: KEYS, DBSIZE, FLUSHDB, RANDOMKEY).
	lockDB
	// lockAll locks every shard of every database (FLUSHALL, SWAPDB, and
	// commands that name another database: MOVE, COPY ... DB).
	lockAll
)

// command is one row of the command table.
type command struct {
	name  string // lower case; "container|sub" for subcommands
	arity int    // Redis's arity: n > 0 exactly n args (with the name), n < 0 at least -n
	flags cmdFlags
	acl   aclCat // Redis's explicit ACL categories; the implicit ones derive from flags
	tips  []string
	// keySpecs are Redis's key specs, in its order; COMMAND INFO, COMMAND
	// GETKEYS and the legacy (first, last, step) range derive from them.
	keySpecs []keySpec
	// getKeys is Redis's getkeys_proc, for commands whose key flags depend
	// on the arguments (key specs with keyVariableFlags).
	getKeys func(args []string) []keyRef
	run     func(*call)
	group   string              // Redis's command group: string, generic, connection, server
	subs    map[string]*command // a container's subcommands, by lower-case name
	docs    *commandDocs        // COMMAND DOCS metadata, from commandDocsTable

	// Key positions, as Redis's legacy (first, last, step) range derived
	// from keySpecs by init: first == 0 means no keys; a negative last
	// counts from the end (-1 = last arg). The executor locks these keys.
	first, last, step int
}

// aclCat is a set of Redis ACL categories; the bits are in the order
// Redis lists categories (acl.c's ACLCommandCategories).
type aclCat uint32

const (
	aclKeyspace aclCat = 1 << iota
	aclRead
	aclWrite
	aclSet
	aclSortedSet
	aclList
	aclHash
	aclString
	aclBitmap
	aclHyperLogLog
	aclGeo
	aclStream
	aclPubSub
	aclAdmin
	aclFast
	aclSlow
	aclBlocking
	aclDangerous
	aclConnection
	aclTransaction
	aclScripting
)

// aclCatNames are the categories' names, by bit.
var aclCatNames = [...]string{
	"keyspace", "read", "write", "set", "sortedset", "list", "hash", "string",
	"bitmap", "hyperloglog", "geo", "stream", "pubsub", "admin", "fast", "slow",
	"blocking", "dangerous", "connection", "transaction", "scripting",
}

// aclCategories is cmd's full category set: the explicit ones plus those
// Redis's setImplicitACLCategories derives from the flags.
func (cmd *command) aclCategories() aclCat {
	cats := cmd.acl
	if cmd.flags&flagWrite != 0 {
		cats |= aclWrite
	}
	if cmd.flags&flagReadOnly != 0 && cats&aclScripting == 0 {
		cats |= aclRead
	}
	if cmd.flags&flagAdmin != 0 {
		cats |= aclAdmin | aclDangerous
	}
	if cmd.flags&flagPubSub != 0 {
		cats |= aclPubSub
	}
	if cmd.flags&flagFast != 0 {
		cats |= aclFast
	}
	if cmd.flags&flagBlocking != 0 {
		cats |= aclBlocking
	}
	if cats&aclFast == 0 {
		cats |= aclSlow
	}
	return cats
}

// keyFlags are a key spec's flags, in Redis's order.
type keyFlags uint16

const (
	keyRO keyFlags = 1 << iota
	keyRW
	keyOW
	keyRM
	keyAccess
	keyUpdate
	keyInsert
	keyDelete
	keyNotKey
	keyIncomplete
	keyVariableFlags
)

// keySpec is one of Redis's key specs: where a command's keys begin
// (begin_search) and how many follow (find_keys).
type keySpec struct {
	flags keyFlags
	notes string
	// begin_search: index pos, or, when keyword is set, the argument after
	// the first one equal to keyword, searched from startFrom (negative:
	// from the end backwards).
	pos       int
	keyword   string
	startFrom int
	// find_keys: a range (lastKey relative to the start, or negative from
	// the end; every keyStep-th argument; limit), or, when keyNum is set,
	// the key count at keyNumIdx from the start and the keys from firstKey.
	keyNum                  bool
	lastKey, keyStep, limit int
	keyNumIdx, firstKey     int
}

// indexRange is the common key spec: keys from argument pos to lastKey
// (relative to pos, or negative from the end), every step.
func indexRange(flags keyFlags, pos, lastKey, step int) keySpec {
	return keySpec{flags: flags, pos: pos, lastKey: lastKey, keyStep: step}
}

func (ks keySpec) withNotes(notes string) keySpec {
	ks.notes = notes
	return ks
}

// keyRef is one key an invocation names: its argument index and flags.
type keyRef struct {
	pos   int
	flags keyFlags
}

// legacyRange reduces key specs to Redis's legacy (first, last, step)
// range as populateCommandLegacyRangeSpec does (last absolute, or negative
// from the end), and reports whether some keys fall outside it
// (movablekeys).
func legacyRange(specs []keySpec) (first, last, step int, movable bool) {
	if len(specs) == 0 {
		return 0, 0, 0, false
	}
	plain := func(ks keySpec) bool { return ks.keyword == "" && !ks.keyNum }
	abs := func(ks keySpec) int {
		if ks.lastKey >= 0 {
			return ks.pos + ks.lastKey
		}
		return ks.lastKey
	}
	if len(specs) == 1 && plain(specs[0]) {
		ks := specs[0]
		return ks.pos, abs(ks), ks.keyStep, ks.flags&keyIncomplete != 0
	}
	first = -1
	var lastU, prev uint32
	for _, ks := range specs {
		if !plain(ks) || ks.keyStep != 1 || (prev != 0 && prev != uint32(ks.pos-1)) {
			movable = true
			continue
		}
		if ks.flags&keyIncomplete != 0 {
			movable = true
		}
		if first < 0 || ks.pos < first {
			first = ks.pos
		}
		lastU = max(lastU, uint32(int32(abs(ks))))
		prev = lastU
	}
	if first < 0 {
		return 0, 0, 0, true
	}
	return first, int(int32(lastU)), 1, movable
}

// call is one command's execution: its arguments, the reply writer and the
// state the handler may read. The executor holds the command's locks for
// the handler's whole run.
type call struct {
	s    *Store
	db   *DB
	sess *session
	w    *resp.Writer
	args []string
	now  int64 // Unix ms, read once per command
	cmd  *command
	ctx  context.Context
	cut  bool // the reply stopped short: its client stopped waiting (stillWanted)
	// A blocking command that must wait sets blocked (queued with
	// DB.block) and its deadline; the executor waits once the locks are
	// released, then replies blockReply or, on timeout, a null array.
	blocked    *waiter
	deadline   int64
	blockReply *resp.Writer
}

// err writes e as an error reply: Redis's text for its sentinel errors,
// "ERR <text>" for anything else.
func (c *call) err(e error) {
	var r resp.ErrorReply
	if errors.As(e, &r) {
		c.w.Error(string(r))
		return
	}
	c.w.Error("ERR " + e.Error())
}

// errText writes an ERR reply with msg.
func (c *call) errText(msg string) { c.w.Error("ERR " + msg) }

// ok writes +OK.
func (c *call) ok() { c.w.Simple("OK") }

// keys calls fn for each key position of args under cmd's key spec.
func (cmd *command) keys(args []string, fn func(string)) {
	if cmd.first == 0 {
		return
	}
	last := cmd.last
	if last < 0 {
		last = len(args) + last
	}
	for i := cmd.first; i <= last && i < len(args); i += cmd.step {
		fn(args[i])
	}
}

// commandNameMax bounds command names lowered without allocating.
const commandNameMax = 32

// lookupCommand finds the command (or subcommand) args name. It writes
// Redis's error reply and returns nil when there is none or the arity is
// wrong.
func lookupCommand(w *resp.Writer, args []string) *command {
	cmd := findCommand(commands, args[0])
	if cmd != nil && cmd.subs != nil && len(args) >= 2 {
		sub := findCommand(cmd.subs, args[1])
		if sub == nil {
			w.Error(noNewlines("ERR unknown subcommand '" + truncate(cString(args[1]), 128) + "'. Try " + strings.ToUpper(cString(args[0])) + " HELP."))
			return nil
		}
		cmd = sub
	}
	if cmd == nil {
		var b strings.Builder
		b.WriteString("ERR unknown command '")
		b.WriteString(truncate(cString(args[0]), 128))
		b.WriteString("', with args beginning with: ")
		n := 0
		for _, a := range args[1:] {
			if n >= 128 {
				break
			}
			a = truncate(cString(a), 128-n)
			b.WriteString("'" + a + "' ")
			n += len(a) + 3
		}
		w.Error(noNewlines(b.String()))
		return nil
	}
	if (cmd.arity > 0 && cmd.arity != len(args)) || len(args) < -cmd.arity {
		w.Error("ERR wrong number of arguments for '" + cmd.name + "' command")
		return nil
	}
	return cmd
}

// findCommand looks name up case-insensitively without allocating (a map
// index by a converted byte slice does not copy).
func findCommand(m map[string]*command, name string) *command {
	if len(name) > commandNameMax {
		return m[strings.ToLower(name)]
	}
	var buf [commandNameMax]byte
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(name)])]
}

// cString is s as C's printf("%s") prints it: up to the first NUL byte.
// Redis formats arguments into error messages that way.
func cString(s string) string {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func noNewlines(s string) string {
	return strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
}

// commands indexes commandTable by name; built in init because handlers
// such as COMMAND refer back to the table.
var commands map[string]*command

func init() {
	commands = make(map[string]*command, len(commandTable))
	for _, m := range []map[string]*commandDocs{hashDocs, listDocs, listBlockingDocs, setDocs, zsetDocs, zsetBlockingDocs, hllDocs} {
		maps.Copy(commandDocsTable, m)
	}
	for _, c := range commandTable {
		var movable bool
		c.first, c.last, c.step, movable = legacyRange(c.keySpecs)
		if movable {
			c.flags |= flagMovableKeys
		}
		c.docs = commandDocsTable[c.name]
		if i := strings.IndexByte(c.name, '|'); i >= 0 {
			parent := commands[c.name[:i]]
			if parent == nil {
				panic("store: subcommand before its container: " + c.name)
			}
			if parent.subs == nil {
				parent.subs = map[string]*command{}
			}
			parent.subs[c.name[i+1:]] = c
			continue
		}
		commands[c.name] = c
	}
}
