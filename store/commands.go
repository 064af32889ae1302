package store

import "slices"

// commandTable declares every command once, one row each: name
// (container|sub for subcommands, listed after their container), Redis's
// arity, flags, explicit ACL categories, command tips, key specs, group and
// handler. The executor checks arity and authentication and takes its locks
// from these rows (the key range init derives from the key specs);
// COMMAND INFO, COMMAND GETKEYS and COMMAND DOCS (with commandDocsTable)
// reply from them. Handlers only parse and delegate.
//
// The metadata is Redis 7.0's, as its commands/*.json declare it, so
// COMMAND INFO and COMMAND DOCS reply as redis-server does.
var commandTable = slices.Concat(coreCommands, hashCommands, listCommands, listBlockingCommands, setCommands, zsetCommands, zsetBlockingCommands, hllCommands)

// coreCommands are the string, bitmap, keyspace, server and connection
// commands; each other type declares its rows in its own _cmd.go file.
var coreCommands = []*command{
	{name: "get", arity: 2, flags: flagReadOnly | flagFast, acl: aclString, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "string", run: cmdGet},
	{name: "set", arity: -3, flags: flagWrite | flagDenyOOM, acl: aclString, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate|keyVariableFlags, 1, 0, 1).withNotes("RW and ACCESS due to the optional `GET` argument")}, getKeys: setGetKeys, group: "string", run: cmdSet},
	{name: "setnx", arity: 3, flags: flagWrite | flagDenyOOM | flagFast, acl: aclString, keySpecs: []keySpec{indexRange(keyOW|keyInsert, 1, 0, 1)}, group: "string", run: cmdSetNX},
	{name: "setex", arity: 4, flags: flagWrite | flagDenyOOM, acl: aclString, keySpecs: []keySpec{indexRange(keyOW|keyUpdate, 1, 0, 1)}, group: "string", run: cmdSetEX},
	{name: "psetex", arity: 4, flags: flagWrite | flagDenyOOM, acl: aclString, keySpecs: []keySpec{indexRange(keyOW|keyUpdate, 1, 0, 1)}, group: "string", run: cmdPSetEX},
	{name: "getset", arity: 3, flags: flagWrite | flagDenyOOM | flagFast, acl: aclString, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate, 1, 0, 1)}, group: "string", run: cmdGetSet},
	{name: "getdel", arity: 2, flags: flagWrite | flagFast, acl: aclString, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1)}, group: "string", run: cmdGetDel},
	{name: "getex", arity: -2, flags: flagWrite | flagFast, acl: aclString, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate, 1, 0, 1).withNotes("RW and UPDATE because it changes the TTL")}, group: "string", run: cmdGetEx},
	{name: "mget", arity: -2, flags: flagReadOnly | flagFast, acl: aclString, tips: []string{"request_policy:multi_shard"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, -1, 1)}, group: "string", run: cmdMGet},
	{name: "mset", arity: -3, flags: flagWrite | flagDenyOOM, acl: aclString, tips: []string{"request_policy:multi_shard", "response_policy:all_succeeded"}, keySpecs: []keySpec{indexRange(keyOW|keyUpdate, 1, -1, 2)}, group: "string", run: cmdMSet},
	{name: "msetnx", arity: -3, flags: flagWrite | flagDenyOOM, acl: aclString, tips: []string{"request_policy:multi_shard", "response_policy:agg_min"}, keySpecs: []keySpec{indexRange(keyOW|keyInsert, 1, -1, 2)}, group: "string", run: cmdMSetNX},
	{name: "incr", arity: 2, flags: flagWrite | flagDenyOOM | flagFast, acl: aclString, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate, 1, 0, 1)}, group: "string", run: cmdIncr},
	{name: "incrby", arity: 3, flags: flagWrite | flagDenyOOM | flagFast, acl: aclString, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate, 1, 0, 1)}, group: "string", run: cmdIncrBy},
	{name: "decr", arity: 2, flags: flagWrite | flagDenyOOM | flagFast, acl: aclString, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate, 1, 0, 1)}, group: "string", run: cmdDecr},
	{name: "decrby", arity: 3, flags: flagWrite | flagDenyOOM | flagFast, acl: aclString, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate, 1, 0, 1)}, group: "string", run: cmdDecrBy},
	{name: "incrbyfloat", arity: 3, flags: flagWrite | flagDenyOOM | flagFast, acl: aclString, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate, 1, 0, 1)}, group: "string", run: cmdIncrByFloat},
	{name: "append", arity: 3, flags: flagWrite | flagDenyOOM | flagFast, acl: aclString, keySpecs: []keySpec{indexRange(keyRW|keyInsert, 1, 0, 1)}, group: "string", run: cmdAppend},
	{name: "strlen", arity: 2, flags: flagReadOnly | flagFast, acl: aclString, keySpecs: []keySpec{indexRange(keyRO, 1, 0, 1)}, group: "string", run: cmdStrLen},
	{name: "getrange", arity: 4, flags: flagReadOnly, acl: aclString, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "string", run: cmdGetRange},
	{name: "setrange", arity: 4, flags: flagWrite | flagDenyOOM, acl: aclString, keySpecs: []keySpec{indexRange(keyRW|keyUpdate, 1, 0, 1)}, group: "string", run: cmdSetRange},
	{name: "substr", arity: 4, flags: flagReadOnly, acl: aclString, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "string", run: cmdGetRange},
	{name: "lcs", arity: -3, flags: flagReadOnly, acl: aclString, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 1, 1)}, group: "string", run: cmdLCS},
	{name: "del", arity: -2, flags: flagWrite, acl: aclKeyspace, tips: []string{"request_policy:multi_shard", "response_policy:agg_sum"}, keySpecs: []keySpec{indexRange(keyRM|keyDelete, 1, -1, 1)}, group: "generic", run: cmdDel},
	{name: "unlink", arity: -2, flags: flagWrite | flagFast, acl: aclKeyspace, tips: []string{"request_policy:multi_shard", "response_policy:agg_sum"}, keySpecs: []keySpec{indexRange(keyRM|keyDelete, 1, -1, 1)}, group: "generic", run: cmdDel},
	{name: "exists", arity: -2, flags: flagReadOnly | flagFast, acl: aclKeyspace, tips: []string{"request_policy:multi_shard", "response_policy:agg_sum"}, keySpecs: []keySpec{indexRange(keyRO, 1, -1, 1)}, group: "generic", run: cmdExists},
	{name: "type", arity: 2, flags: flagReadOnly | flagFast, acl: aclKeyspace, keySpecs: []keySpec{indexRange(keyRO, 1, 0, 1)}, group: "generic", run: cmdType},
	{name: "keys", arity: 2, flags: flagReadOnly | lockDB, acl: aclKeyspace | aclDangerous, tips: []string{"request_policy:all_shards", "nondeterministic_output_order"}, group: "generic", run: cmdKeys},
	{name: "scan", arity: -2, flags: flagReadOnly, acl: aclKeyspace, tips: []string{"nondeterministic_output", "request_policy:special"}, group: "generic", run: cmdScan},
	{name: "rename", arity: 3, flags: flagWrite, acl: aclKeyspace, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1), indexRange(keyOW|keyUpdate, 2, 0, 1)}, group: "generic", run: cmdRename},
	{name: "renamenx", arity: 3, flags: flagWrite | flagFast, acl: aclKeyspace, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyDelete, 1, 0, 1), indexRange(keyOW|keyInsert, 2, 0, 1)}, group: "generic", run: cmdRenameNX},
	{name: "copy", arity: -3, flags: flagWrite | flagDenyOOM | lockAll, acl: aclKeyspace, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1), indexRange(keyOW|keyUpdate, 2, 0, 1)}, group: "generic", run: cmdCopy},
	{name: "move", arity: 3, flags: flagWrite | flagFast | lockAll, acl: aclKeyspace, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate, 1, 0, 1)}, group: "generic", run: cmdMove},
	{name: "randomkey", arity: 1, flags: flagReadOnly | lockDB, acl: aclKeyspace, tips: []string{"request_policy:all_shards", "nondeterministic_output"}, group: "generic", run: cmdRandomKey},
	{name: "dbsize", arity: 1, flags: flagReadOnly | flagFast | lockDB, acl: aclKeyspace, tips: []string{"request_policy:all_shards", "response_policy:agg_sum"}, group: "server", run: cmdDBSize},
	{name: "flushdb", arity: -1, flags: flagWrite | lockDB, acl: aclKeyspace | aclDangerous, tips: []string{"request_policy:all_shards", "response_policy:all_succeeded"}, group: "server", run: cmdFlushDB},
	{name: "flushall", arity: -1, flags: flagWrite | lockAll, acl: aclKeyspace | aclDangerous, tips: []string{"request_policy:all_shards", "response_policy:all_succeeded"}, group: "server", run: cmdFlushAll},
	{name: "select", arity: 2, flags: flagLoading | flagStale | flagFast, acl: aclConnection, group: "connection", run: cmdSelect},
	{name: "swapdb", arity: 3, flags: flagWrite | flagFast | lockAll, acl: aclKeyspace | aclDangerous, group: "server", run: cmdSwapDB},
	{name: "touch", arity: -2, flags: flagReadOnly | flagFast, acl: aclKeyspace, tips: []string{"request_policy:multi_shard", "response_policy:agg_sum"}, keySpecs: []keySpec{indexRange(keyRO, 1, -1, 1)}, group: "generic", run: cmdTouch},
	{name: "object", arity: -2, flags: 0, acl: 0, group: "generic"},
	{name: "object|encoding", arity: 3, flags: flagReadOnly, acl: aclKeyspace, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRO, 2, 0, 1)}, group: "generic", run: cmdObjectEncoding},
	{name: "object|idletime", arity: 3, flags: flagReadOnly, acl: aclKeyspace, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRO, 2, 0, 1)}, group: "generic", run: cmdObjectIdleTime},
	{name: "object|freq", arity: 3, flags: flagReadOnly, acl: aclKeyspace, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRO, 2, 0, 1)}, group: "generic", run: cmdObjectFreq},
	{name: "object|refcount", arity: 3, flags: flagReadOnly, acl: aclKeyspace, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRO, 2, 0, 1)}, group: "generic", run: cmdObjectRefCount},
	{name: "object|help", arity: 2, flags: flagLoading | flagStale, acl: aclKeyspace, group: "generic", run: cmdObjectHelp},
	{name: "expire", arity: -3, flags: flagWrite | flagFast, acl: aclKeyspace, keySpecs: []keySpec{indexRange(keyRW|keyUpdate, 1, 0, 1)}, group: "generic", run: expireHandler(true, true)},
	{name: "pexpire", arity: -3, flags: flagWrite | flagFast, acl: aclKeyspace, keySpecs: []keySpec{indexRange(keyRW|keyUpdate, 1, 0, 1)}, group: "generic", run: expireHandler(false, true)},
	{name: "expireat", arity: -3, flags: flagWrite | flagFast, acl: aclKeyspace, keySpecs: []keySpec{indexRange(keyRW|keyUpdate, 1, 0, 1)}, group: "generic", run: expireHandler(true, false)},
	{name: "pexpireat", arity: -3, flags: flagWrite | flagFast, acl: aclKeyspace, keySpecs: []keySpec{indexRange(keyRW|keyUpdate, 1, 0, 1)}, group: "generic", run: expireHandler(false, false)},
	{name: "ttl", arity: 2, flags: flagReadOnly | flagFast, acl: aclKeyspace, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "generic", run: ttlHandler(false, false)},
	{name: "pttl", arity: 2, flags: flagReadOnly | flagFast, acl: aclKeyspace, tips: []string{"nondeterministic_output"}, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "generic", run: ttlHandler(true, false)},
	{name: "expiretime", arity: 2, flags: flagReadOnly | flagFast, acl: aclKeyspace, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "generic", run: ttlHandler(false, true)},
	{name: "pexpiretime", arity: 2, flags: flagReadOnly | flagFast, acl: aclKeyspace, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "generic", run: ttlHandler(true, true)},
	{name: "persist", arity: 2, flags: flagWrite | flagFast, acl: aclKeyspace, keySpecs: []keySpec{indexRange(keyRW|keyUpdate, 1, 0, 1)}, group: "generic", run: cmdPersist},
	{name: "time", arity: 1, flags: flagLoading | flagStale | flagFast, acl: 0, tips: []string{"nondeterministic_output"}, group: "server", run: cmdTime},
	{name: "ping", arity: -1, flags: flagFast, acl: aclConnection, tips: []string{"request_policy:all_shards", "response_policy:all_succeeded"}, group: "connection", run: cmdPing},
	{name: "echo", arity: 2, flags: flagLoading | flagStale | flagFast, acl: aclConnection, group: "connection", run: cmdEcho},
	{name: "hello", arity: -1, flags: flagNoScript | flagLoading | flagStale | flagFast | flagNoAuth | flagAllowBusy, acl: aclConnection, group: "connection", run: cmdHello},
	{name: "auth", arity: -2, flags: flagNoScript | flagLoading | flagStale | flagFast | flagNoAuth | flagAllowBusy, acl: aclConnection, group: "connection", run: cmdAuth},
	{name: "quit", arity: -1, flags: flagAllowBusy | flagNoScript | flagLoading | flagStale | flagFast | flagNoAuth, acl: aclConnection, group: "connection", run: cmdQuit},
	{name: "reset", arity: 1, flags: flagNoScript | flagLoading | flagStale | flagFast | flagNoAuth | flagAllowBusy, acl: aclConnection, group: "connection", run: cmdReset},
	{name: "client", arity: -2, flags: 0, acl: 0, group: "connection"},
	{name: "client|id", arity: 2, flags: flagNoScript | flagLoading | flagStale, acl: aclConnection, group: "connection", run: cmdClientID},
	{name: "client|setname", arity: 3, flags: flagNoScript | flagLoading | flagStale, acl: aclConnection, group: "connection", run: cmdClientSetName},
	{name: "client|getname", arity: 2, flags: flagNoScript | flagLoading | flagStale, acl: aclConnection, group: "connection", run: cmdClientGetName},
	{name: "client|info", arity: 2, flags: flagNoScript | flagLoading | flagStale, acl: aclConnection, tips: []string{"nondeterministic_output"}, group: "connection", run: cmdClientInfo},
	{name: "client|help", arity: 2, flags: flagLoading | flagStale, acl: aclConnection, group: "connection", run: cmdClientHelp},
	{name: "command", arity: -1, flags: flagLoading | flagStale, acl: aclConnection, tips: []string{"nondeterministic_output_order"}, group: "server", run: cmdCommand},
	{name: "command|count", arity: 2, flags: flagLoading | flagStale, acl: aclConnection, group: "server", run: cmdCommandCount},
	{name: "command|info", arity: -2, flags: flagLoading | flagStale, acl: aclConnection, tips: []string{"nondeterministic_output_order"}, group: "server", run: cmdCommandInfo},
	{name: "command|docs", arity: -2, flags: flagLoading | flagStale, acl: aclConnection, tips: []string{"nondeterministic_output_order"}, group: "server", run: cmdCommandDocs},
	{name: "command|list", arity: -2, flags: flagLoading | flagStale, acl: aclConnection, tips: []string{"nondeterministic_output_order"}, group: "server", run: cmdCommandList},
	{name: "command|getkeys", arity: -4, flags: flagLoading | flagStale, acl: aclConnection, group: "server", run: cmdCommandGetKeys},
	{name: "command|getkeysandflags", arity: -4, flags: flagLoading | flagStale, acl: aclConnection, group: "server", run: cmdCommandGetKeysAndFlags},
	{name: "command|help", arity: 2, flags: flagLoading | flagStale, acl: aclConnection, group: "server", run: cmdCommandHelp},
	{name: "setbit", arity: 4, flags: flagWrite | flagDenyOOM, acl: aclBitmap, keySpecs: []keySpec{indexRange(keyRW|keyAccess|keyUpdate, 1, 0, 1)}, group: "bitmap", run: cmdSetBit},
	{name: "getbit", arity: 3, flags: flagReadOnly | flagFast, acl: aclBitmap, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "bitmap", run: cmdGetBit},
	{name: "bitcount", arity: -2, flags: flagReadOnly, acl: aclBitmap, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "bitmap", run: cmdBitCount},
	{name: "bitpos", arity: -3, flags: flagReadOnly, acl: aclBitmap, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "bitmap", run: cmdBitPos},
	{name: "bitop", arity: -4, flags: flagWrite | flagDenyOOM, acl: aclBitmap, keySpecs: []keySpec{indexRange(keyOW|keyUpdate, 2, 0, 1), indexRange(keyRO|keyAccess, 3, -1, 1)}, group: "bitmap", run: cmdBitOp},
	{name: "bitfield", arity: -2, flags: flagWrite | flagDenyOOM, acl: aclBitmap, keySpecs: []keySpec{indexRange(keyRW|keyUpdate|keyAccess|keyVariableFlags, 1, 0, 1).withNotes("This command allows both access and modification of the key")}, getKeys: bitfieldGetKeys, group: "bitmap", run: cmdBitField},
	{name: "bitfield_ro", arity: -2, flags: flagReadOnly | flagFast, acl: aclBitmap, keySpecs: []keySpec{indexRange(keyRO|keyAccess, 1, 0, 1)}, group: "bitmap", run: cmdBitFieldRO},
}
