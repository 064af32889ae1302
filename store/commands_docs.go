package store

// commandDocs is a command's COMMAND DOCS metadata. Empty strings and nil
// slices are omitted from the reply, as Redis omits its NULL fields.
type commandDocs struct {
	summary, since, complexity  string
	deprecated, syscmd          bool // doc_flags
	deprecatedSince, replacedBy string
	history                     []docHistory
	args                        []docArg
}

// docHistory is one entry of a command's history: version and change.
type docHistory struct{ since, changes string }

// docArg is one argument of a command's COMMAND DOCS "arguments".
type docArg struct {
	name string
	typ  string // string, integer, double, key, pattern, unix-time, pure-token, oneof, block
	// keySpec is the 1-based index of the argument's key spec (Redis's
	// key_spec_index + 1); 0 means the argument names no key.
	keySpec                           int
	token, summary, since             string
	deprecatedSince                   string
	optional, multiple, multipleToken bool
	args                              []docArg // a oneof's or block's members
}

// commandDocsTable holds each command's docs by full name (container|sub
// for subcommands), as Redis 7.0 declares them in its commands/*.json.
var commandDocsTable = map[string]*commandDocs{
	"get": {
		summary:    "Get the value of a key",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"set": {
		summary:    "Set the string value of a key",
		since:      "1.0.0",
		complexity: "O(1)",
		history: []docHistory{
			{"2.6.12", "Added the `EX`, `PX`, `NX` and `XX` options."},
			{"6.0.0", "Added the `KEEPTTL` option."},
			{"6.2.0", "Added the `GET`, `EXAT` and `PXAT` option."},
			{"7.0.0", "Allowed the `NX` and `GET` options to be used together."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "value", typ: "string"},
			{name: "condition", typ: "oneof", since: "2.6.12", optional: true, args: []docArg{
				{name: "nx", typ: "pure-token", token: "NX"},
				{name: "xx", typ: "pure-token", token: "XX"},
			}},
			{name: "get", typ: "pure-token", token: "GET", since: "6.2.0", optional: true},
			{name: "expiration", typ: "oneof", optional: true, args: []docArg{
				{name: "seconds", typ: "integer", token: "EX", since: "2.6.12"},
				{name: "milliseconds", typ: "integer", token: "PX", since: "2.6.12"},
				{name: "unix-time-seconds", typ: "unix-time", token: "EXAT", since: "6.2.0"},
				{name: "unix-time-milliseconds", typ: "unix-time", token: "PXAT", since: "6.2.0"},
				{name: "keepttl", typ: "pure-token", token: "KEEPTTL", since: "6.0.0"},
			}},
		},
	},
	"setnx": {
		summary:    "Set the value of a key, only if the key does not exist",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "value", typ: "string"},
		},
	},
	"setex": {
		summary:    "Set the value and expiration of a key",
		since:      "2.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "seconds", typ: "integer"},
			{name: "value", typ: "string"},
		},
	},
	"psetex": {
		summary:    "Set the value and expiration in milliseconds of a key",
		since:      "2.6.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "milliseconds", typ: "integer"},
			{name: "value", typ: "string"},
		},
	},
	"getset": {
		summary:         "Set the string value of a key and return its old value",
		since:           "1.0.0",
		complexity:      "O(1)",
		deprecated:      true,
		deprecatedSince: "6.2.0",
		replacedBy:      "`SET` with the `!GET` argument",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "value", typ: "string"},
		},
	},
	"getdel": {
		summary:    "Get the value of a key and delete the key",
		since:      "6.2.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"getex": {
		summary:    "Get the value of a key and optionally set its expiration",
		since:      "6.2.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "expiration", typ: "oneof", optional: true, args: []docArg{
				{name: "seconds", typ: "integer", token: "EX"},
				{name: "milliseconds", typ: "integer", token: "PX"},
				{name: "unix-time-seconds", typ: "unix-time", token: "EXAT"},
				{name: "unix-time-milliseconds", typ: "unix-time", token: "PXAT"},
				{name: "persist", typ: "pure-token", token: "PERSIST"},
			}},
		},
	},
	"mget": {
		summary:    "Get the values of all the given keys",
		since:      "1.0.0",
		complexity: "O(N) where N is the number of keys to retrieve.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
		},
	},
	"mset": {
		summary:    "Set multiple keys to multiple values",
		since:      "1.0.1",
		complexity: "O(N) where N is the number of keys to set.",
		args: []docArg{
			{name: "key_value", typ: "block", multiple: true, args: []docArg{
				{name: "key", typ: "key", keySpec: 1},
				{name: "value", typ: "string"},
			}},
		},
	},
	"msetnx": {
		summary:    "Set multiple keys to multiple values, only if none of the keys exist",
		since:      "1.0.1",
		complexity: "O(N) where N is the number of keys to set.",
		args: []docArg{
			{name: "key_value", typ: "block", multiple: true, args: []docArg{
				{name: "key", typ: "key", keySpec: 1},
				{name: "value", typ: "string"},
			}},
		},
	},
	"incr": {
		summary:    "Increment the integer value of a key by one",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"incrby": {
		summary:    "Increment the integer value of a key by the given amount",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "increment", typ: "integer"},
		},
	},
	"decr": {
		summary:    "Decrement the integer value of a key by one",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"decrby": {
		summary:    "Decrement the integer value of a key by the given number",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "decrement", typ: "integer"},
		},
	},
	"incrbyfloat": {
		summary:    "Increment the float value of a key by the given amount",
		since:      "2.6.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "increment", typ: "double"},
		},
	},
	"append": {
		summary:    "Append a value to a key",
		since:      "2.0.0",
		complexity: "O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "value", typ: "string"},
		},
	},
	"strlen": {
		summary:    "Get the length of the value stored in a key",
		since:      "2.2.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"getrange": {
		summary:    "Get a substring of the string stored at a key",
		since:      "2.4.0",
		complexity: "O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "start", typ: "integer"},
			{name: "end", typ: "integer"},
		},
	},
	"setrange": {
		summary:    "Overwrite part of a string at key starting at the specified offset",
		since:      "2.2.0",
		complexity: "O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "offset", typ: "integer"},
			{name: "value", typ: "string"},
		},
	},
	"substr": {
		summary:         "Get a substring of the string stored at a key",
		since:           "1.0.0",
		complexity:      "O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.",
		deprecated:      true,
		deprecatedSince: "2.0.0",
		replacedBy:      "`GETRANGE`",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "start", typ: "integer"},
			{name: "end", typ: "integer"},
		},
	},
	"lcs": {
		summary:    "Find longest common substring",
		since:      "7.0.0",
		complexity: "O(N*M) where N and M are the lengths of s1 and s2, respectively",
		args: []docArg{
			{name: "key1", typ: "key", keySpec: 1},
			{name: "key2", typ: "key", keySpec: 1},
			{name: "len", typ: "pure-token", token: "LEN", optional: true},
			{name: "idx", typ: "pure-token", token: "IDX", optional: true},
			{name: "len", typ: "integer", token: "MINMATCHLEN", optional: true},
			{name: "withmatchlen", typ: "pure-token", token: "WITHMATCHLEN", optional: true},
		},
	},
	"del": {
		summary:    "Delete a key",
		since:      "1.0.0",
		complexity: "O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
		},
	},
	"unlink": {
		summary:    "Delete a key asynchronously in another thread. Otherwise it is just as DEL, but non blocking.",
		since:      "4.0.0",
		complexity: "O(1) for each key removed regardless of its size. Then the command does O(N) work in a different thread in order to reclaim memory, where N is the number of allocations the deleted objects where composed of.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
		},
	},
	"exists": {
		summary:    "Determine if a key exists",
		since:      "1.0.0",
		complexity: "O(N) where N is the number of keys to check.",
		history: []docHistory{
			{"3.0.3", "Accepts multiple `key` arguments."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
		},
	},
	"type": {
		summary:    "Determine the type stored at key",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"keys": {
		summary:    "Find all keys matching the given pattern",
		since:      "1.0.0",
		complexity: "O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.",
		args: []docArg{
			{name: "pattern", typ: "pattern"},
		},
	},
	"scan": {
		summary:    "Incrementally iterate the keys space",
		since:      "2.8.0",
		complexity: "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.",
		history: []docHistory{
			{"6.0.0", "Added the `TYPE` subcommand."},
		},
		args: []docArg{
			{name: "cursor", typ: "integer"},
			{name: "pattern", typ: "pattern", token: "MATCH", optional: true},
			{name: "count", typ: "integer", token: "COUNT", optional: true},
			{name: "type", typ: "string", token: "TYPE", since: "6.0.0", optional: true},
		},
	},
	"rename": {
		summary:    "Rename a key",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "newkey", typ: "key", keySpec: 2},
		},
	},
	"renamenx": {
		summary:    "Rename a key, only if the new key does not exist",
		since:      "1.0.0",
		complexity: "O(1)",
		history: []docHistory{
			{"3.2.0", "The command no longer returns an error when source and destination names are the same."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "newkey", typ: "key", keySpec: 2},
		},
	},
	"copy": {
		summary:    "Copy a key",
		since:      "6.2.0",
		complexity: "O(N) worst case for collections, where N is the number of nested items. O(1) for string values.",
		args: []docArg{
			{name: "source", typ: "key", keySpec: 1},
			{name: "destination", typ: "key", keySpec: 2},
			{name: "destination-db", typ: "integer", token: "DB", optional: true},
			{name: "replace", typ: "pure-token", token: "REPLACE", optional: true},
		},
	},
	"move": {
		summary:    "Move a key to another database",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "db", typ: "integer"},
		},
	},
	"randomkey": {
		summary:    "Return a random key from the keyspace",
		since:      "1.0.0",
		complexity: "O(1)",
	},
	"dbsize": {
		summary:    "Return the number of keys in the selected database",
		since:      "1.0.0",
		complexity: "O(1)",
	},
	"flushdb": {
		summary:    "Remove all keys from the current database",
		since:      "1.0.0",
		complexity: "O(N) where N is the number of keys in the selected database",
		history: []docHistory{
			{"4.0.0", "Added the `ASYNC` flushing mode modifier."},
			{"6.2.0", "Added the `SYNC` flushing mode modifier."},
		},
		args: []docArg{
			{name: "async", typ: "oneof", optional: true, args: []docArg{
				{name: "async", typ: "pure-token", token: "ASYNC", since: "4.0.0"},
				{name: "sync", typ: "pure-token", token: "SYNC", since: "6.2.0"},
			}},
		},
	},
	"flushall": {
		summary:    "Remove all keys from all databases",
		since:      "1.0.0",
		complexity: "O(N) where N is the total number of keys in all databases",
		history: []docHistory{
			{"4.0.0", "Added the `ASYNC` flushing mode modifier."},
			{"6.2.0", "Added the `SYNC` flushing mode modifier."},
		},
		args: []docArg{
			{name: "async", typ: "oneof", optional: true, args: []docArg{
				{name: "async", typ: "pure-token", token: "ASYNC", since: "4.0.0"},
				{name: "sync", typ: "pure-token", token: "SYNC", since: "6.2.0"},
			}},
		},
	},
	"select": {
		summary:    "Change the selected database for the current connection",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "index", typ: "integer"},
		},
	},
	"swapdb": {
		summary:    "Swaps two Redis databases",
		since:      "4.0.0",
		complexity: "O(N) where N is the count of clients watching or blocking on keys from both databases.",
		args: []docArg{
			{name: "index1", typ: "integer"},
			{name: "index2", typ: "integer"},
		},
	},
	"touch": {
		summary:    "Alters the last access time of a key(s). Returns the number of existing keys specified.",
		since:      "3.2.1",
		complexity: "O(N) where N is the number of keys that will be touched.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
		},
	},
	"object": {
		summary:    "A container for object introspection commands",
		since:      "2.2.3",
		complexity: "Depends on subcommand.",
	},
	"object|encoding": {
		summary:    "Inspect the internal encoding of a Redis object",
		since:      "2.2.3",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"object|idletime": {
		summary:    "Get the time since a Redis object was last accessed",
		since:      "2.2.3",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"object|freq": {
		summary:    "Get the logarithmic access frequency counter of a Redis object",
		since:      "4.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"object|refcount": {
		summary:    "Get the number of references to the value of the key",
		since:      "2.2.3",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"object|help": {
		summary:    "Show helpful text about the different subcommands",
		since:      "6.2.0",
		complexity: "O(1)",
	},
	"expire": {
		summary:    "Set a key's time to live in seconds",
		since:      "1.0.0",
		complexity: "O(1)",
		history: []docHistory{
			{"7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "seconds", typ: "integer"},
			{name: "condition", typ: "oneof", since: "7.0.0", optional: true, args: []docArg{
				{name: "nx", typ: "pure-token", token: "NX"},
				{name: "xx", typ: "pure-token", token: "XX"},
				{name: "gt", typ: "pure-token", token: "GT"},
				{name: "lt", typ: "pure-token", token: "LT"},
			}},
		},
	},
	"pexpire": {
		summary:    "Set a key's time to live in milliseconds",
		since:      "2.6.0",
		complexity: "O(1)",
		history: []docHistory{
			{"7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "milliseconds", typ: "integer"},
			{name: "condition", typ: "oneof", since: "7.0.0", optional: true, args: []docArg{
				{name: "nx", typ: "pure-token", token: "NX"},
				{name: "xx", typ: "pure-token", token: "XX"},
				{name: "gt", typ: "pure-token", token: "GT"},
				{name: "lt", typ: "pure-token", token: "LT"},
			}},
		},
	},
	"expireat": {
		summary:    "Set the expiration for a key as a UNIX timestamp",
		since:      "1.2.0",
		complexity: "O(1)",
		history: []docHistory{
			{"7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "unix-time-seconds", typ: "unix-time"},
			{name: "condition", typ: "oneof", since: "7.0.0", optional: true, args: []docArg{
				{name: "nx", typ: "pure-token", token: "NX"},
				{name: "xx", typ: "pure-token", token: "XX"},
				{name: "gt", typ: "pure-token", token: "GT"},
				{name: "lt", typ: "pure-token", token: "LT"},
			}},
		},
	},
	"pexpireat": {
		summary:    "Set the expiration for a key as a UNIX timestamp specified in milliseconds",
		since:      "2.6.0",
		complexity: "O(1)",
		history: []docHistory{
			{"7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "unix-time-milliseconds", typ: "unix-time"},
			{name: "condition", typ: "oneof", since: "7.0.0", optional: true, args: []docArg{
				{name: "nx", typ: "pure-token", token: "NX"},
				{name: "xx", typ: "pure-token", token: "XX"},
				{name: "gt", typ: "pure-token", token: "GT"},
				{name: "lt", typ: "pure-token", token: "LT"},
			}},
		},
	},
	"ttl": {
		summary:    "Get the time to live for a key in seconds",
		since:      "1.0.0",
		complexity: "O(1)",
		history: []docHistory{
			{"2.8.0", "Added the -2 reply."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"pttl": {
		summary:    "Get the time to live for a key in milliseconds",
		since:      "2.6.0",
		complexity: "O(1)",
		history: []docHistory{
			{"2.8.0", "Added the -2 reply."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"expiretime": {
		summary:    "Get the expiration Unix timestamp for a key",
		since:      "7.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"pexpiretime": {
		summary:    "Get the expiration Unix timestamp for a key in milliseconds",
		since:      "7.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"persist": {
		summary:    "Remove the expiration from a key",
		since:      "2.2.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"time": {
		summary:    "Return the current server time",
		since:      "2.6.0",
		complexity: "O(1)",
	},
	"ping": {
		summary:    "Ping the server",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "message", typ: "string", optional: true},
		},
	},
	"echo": {
		summary:    "Echo the given string",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "message", typ: "string"},
		},
	},
	"hello": {
		summary:    "Handshake with Redis",
		since:      "6.0.0",
		complexity: "O(1)",
		history: []docHistory{
			{"6.2.0", "`protover` made optional; when called without arguments the command reports the current connection's context."},
		},
		args: []docArg{
			{name: "arguments", typ: "block", optional: true, args: []docArg{
				{name: "protover", typ: "integer"},
				{name: "username_password", typ: "block", token: "AUTH", optional: true, args: []docArg{
					{name: "username", typ: "string"},
					{name: "password", typ: "string"},
				}},
				{name: "clientname", typ: "string", token: "SETNAME", optional: true},
			}},
		},
	},
	"auth": {
		summary:    "Authenticate to the server",
		since:      "1.0.0",
		complexity: "O(N) where N is the number of passwords defined for the user",
		history: []docHistory{
			{"6.0.0", "Added ACL style (username and password)."},
		},
		args: []docArg{
			{name: "username", typ: "string", since: "6.0.0", optional: true},
			{name: "password", typ: "string"},
		},
	},
	"quit": {
		summary:    "Close the connection",
		since:      "1.0.0",
		complexity: "O(1)",
	},
	"reset": {
		summary:    "Reset the connection",
		since:      "6.2.0",
		complexity: "O(1)",
	},
	"client": {
		summary:    "A container for client connection commands",
		since:      "2.4.0",
		complexity: "Depends on subcommand.",
	},
	"client|id": {
		summary:    "Returns the client ID for the current connection",
		since:      "5.0.0",
		complexity: "O(1)",
	},
	"client|setname": {
		summary:    "Set the current connection name",
		since:      "2.6.9",
		complexity: "O(1)",
		args: []docArg{
			{name: "connection-name", typ: "string"},
		},
	},
	"client|getname": {
		summary:    "Get the current connection name",
		since:      "2.6.9",
		complexity: "O(1)",
	},
	"client|info": {
		summary:    "Returns information about the current client connection.",
		since:      "6.2.0",
		complexity: "O(1)",
	},
	"client|help": {
		summary:    "Show helpful text about the different subcommands",
		since:      "5.0.0",
		complexity: "O(1)",
	},
	"command": {
		summary:    "Get array of Redis command details",
		since:      "2.8.13",
		complexity: "O(N) where N is the total number of Redis commands",
	},
	"command|count": {
		summary:    "Get total number of Redis commands",
		since:      "2.8.13",
		complexity: "O(1)",
	},
	"command|info": {
		summary:    "Get array of specific Redis command details, or all when no argument is given.",
		since:      "2.8.13",
		complexity: "O(N) where N is the number of commands to look up",
		history: []docHistory{
			{"7.0.0", "Allowed to be called with no argument to get info on all commands."},
		},
		args: []docArg{
			{name: "command-name", typ: "string", optional: true, multiple: true},
		},
	},
	"command|docs": {
		summary:    "Get array of specific Redis command documentation",
		since:      "7.0.0",
		complexity: "O(N) where N is the number of commands to look up",
		args: []docArg{
			{name: "command-name", typ: "string", optional: true, multiple: true},
		},
	},
	"command|list": {
		summary:    "Get an array of Redis command names",
		since:      "7.0.0",
		complexity: "O(N) where N is the total number of Redis commands",
		args: []docArg{
			{name: "filterby", typ: "oneof", token: "FILTERBY", optional: true, args: []docArg{
				{name: "module-name", typ: "string", token: "MODULE"},
				{name: "category", typ: "string", token: "ACLCAT"},
				{name: "pattern", typ: "pattern", token: "PATTERN"},
			}},
		},
	},
	"command|getkeys": {
		summary:    "Extract keys given a full Redis command",
		since:      "2.8.13",
		complexity: "O(N) where N is the number of arguments to the command",
	},
	"command|getkeysandflags": {
		summary:    "Extract keys and access flags given a full Redis command",
		since:      "7.0.0",
		complexity: "O(N) where N is the number of arguments to the command",
	},
	"command|help": {
		summary:    "Show helpful text about the different subcommands",
		since:      "5.0.0",
		complexity: "O(1)",
	},
	"setbit": {
		summary:    "Sets or clears the bit at offset in the string value stored at key",
		since:      "2.2.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "offset", typ: "integer"},
			{name: "value", typ: "integer"},
		},
	},
	"getbit": {
		summary:    "Returns the bit value at offset in the string value stored at key",
		since:      "2.2.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "offset", typ: "integer"},
		},
	},
	"bitcount": {
		summary:    "Count set bits in a string",
		since:      "2.6.0",
		complexity: "O(N)",
		history: []docHistory{
			{"7.0.0", "Added the `BYTE|BIT` option."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "index", typ: "block", optional: true, args: []docArg{
				{name: "start", typ: "integer"},
				{name: "end", typ: "integer"},
				{name: "index_unit", typ: "oneof", since: "7.0.0", optional: true, args: []docArg{
					{name: "byte", typ: "pure-token", token: "BYTE"},
					{name: "bit", typ: "pure-token", token: "BIT"},
				}},
			}},
		},
	},
	"bitpos": {
		summary:    "Find first bit set or clear in a string",
		since:      "2.8.7",
		complexity: "O(N)",
		history: []docHistory{
			{"7.0.0", "Added the `BYTE|BIT` option."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "bit", typ: "integer"},
			{name: "index", typ: "block", optional: true, args: []docArg{
				{name: "start", typ: "integer"},
				{name: "end_index", typ: "block", optional: true, args: []docArg{
					{name: "end", typ: "integer"},
					{name: "index_unit", typ: "oneof", since: "7.0.0", optional: true, args: []docArg{
						{name: "byte", typ: "pure-token", token: "BYTE"},
						{name: "bit", typ: "pure-token", token: "BIT"},
					}},
				}},
			}},
		},
	},
	"bitop": {
		summary:    "Perform bitwise operations between strings",
		since:      "2.6.0",
		complexity: "O(N)",
		args: []docArg{
			{name: "operation", typ: "string"},
			{name: "destkey", typ: "key", keySpec: 1},
			{name: "key", typ: "key", keySpec: 2, multiple: true},
		},
	},
	"bitfield": {
		summary:    "Perform arbitrary bitfield integer operations on strings",
		since:      "3.2.0",
		complexity: "O(1) for each subcommand specified",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "operation", typ: "oneof", optional: true, multiple: true, args: []docArg{
				{name: "encoding_offset", typ: "block", token: "GET", args: []docArg{
					{name: "encoding", typ: "string"},
					{name: "offset", typ: "integer"},
				}},
				{name: "write", typ: "block", args: []docArg{
					{name: "wrap_sat_fail", typ: "oneof", token: "OVERFLOW", optional: true, args: []docArg{
						{name: "wrap", typ: "pure-token", token: "WRAP"},
						{name: "sat", typ: "pure-token", token: "SAT"},
						{name: "fail", typ: "pure-token", token: "FAIL"},
					}},
					{name: "write_operation", typ: "oneof", args: []docArg{
						{name: "encoding_offset_value", typ: "block", token: "SET", args: []docArg{
							{name: "encoding", typ: "string"},
							{name: "offset", typ: "integer"},
							{name: "value", typ: "integer"},
						}},
						{name: "encoding_offset_increment", typ: "block", token: "INCRBY", args: []docArg{
							{name: "encoding", typ: "string"},
							{name: "offset", typ: "integer"},
							{name: "increment", typ: "integer"},
						}},
					}},
				}},
			}},
		},
	},
	"bitfield_ro": {
		summary:    "Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD",
		since:      "6.0.0",
		complexity: "O(1) for each subcommand specified",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "encoding_offset", typ: "block", token: "GET", optional: true, multiple: true, multipleToken: true, args: []docArg{
				{name: "encoding", typ: "string"},
				{name: "offset", typ: "integer"},
			}},
		},
	},
}
