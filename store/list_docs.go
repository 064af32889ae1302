package store

// listDocs are the list commands' COMMAND DOCS, as Redis 7.0 declares them.
var listDocs = map[string]*commandDocs{
	"lpush": {
		summary:    "Prepend one or multiple elements to a list",
		since:      "1.0.0",
		complexity: "O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.",
		history: []docHistory{
			{"2.4.0", "Accepts multiple `element` arguments."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "element", typ: "string", multiple: true},
		},
	},
	"rpush": {
		summary:    "Append one or multiple elements to a list",
		since:      "1.0.0",
		complexity: "O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.",
		history: []docHistory{
			{"2.4.0", "Accepts multiple `element` arguments."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "element", typ: "string", multiple: true},
		},
	},
	"lpushx": {
		summary:    "Prepend an element to a list, only if the list exists",
		since:      "2.2.0",
		complexity: "O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.",
		history: []docHistory{
			{"4.0.0", "Accepts multiple `element` arguments."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "element", typ: "string", multiple: true},
		},
	},
	"rpushx": {
		summary:    "Append an element to a list, only if the list exists",
		since:      "2.2.0",
		complexity: "O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.",
		history: []docHistory{
			{"4.0.0", "Accepts multiple `element` arguments."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "element", typ: "string", multiple: true},
		},
	},
	"lpop": {
		summary:    "Remove and get the first elements in a list",
		since:      "1.0.0",
		complexity: "O(N) where N is the number of elements returned",
		history: []docHistory{
			{"6.2.0", "Added the `count` argument."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "count", typ: "integer", since: "6.2.0", optional: true},
		},
	},
	"rpop": {
		summary:    "Remove and get the last elements in a list",
		since:      "1.0.0",
		complexity: "O(N) where N is the number of elements returned",
		history: []docHistory{
			{"6.2.0", "Added the `count` argument."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "count", typ: "integer", since: "6.2.0", optional: true},
		},
	},
	"llen": {
		summary:    "Get the length of a list",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"lrange": {
		summary:    "Get a range of elements from a list",
		since:      "1.0.0",
		complexity: "O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "start", typ: "integer"},
			{name: "stop", typ: "integer"},
		},
	},
	"lindex": {
		summary:    "Get an element from a list by its index",
		since:      "1.0.0",
		complexity: "O(N) where N is the number of elements to traverse to get to the element at index. This makes asking for the first or the last element of the list O(1).",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "index", typ: "integer"},
		},
	},
	"lset": {
		summary:    "Set the value of an element in a list by its index",
		since:      "1.0.0",
		complexity: "O(N) where N is the length of the list. Setting either the first or the last element of the list is O(1).",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "index", typ: "integer"},
			{name: "element", typ: "string"},
		},
	},
	"linsert": {
		summary:    "Insert an element before or after another element in a list",
		since:      "2.2.0",
		complexity: "O(N) where N is the number of elements to traverse before seeing the value pivot. This means that inserting somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere on the right end (tail) is O(N).",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "where", typ: "oneof", args: []docArg{
				{name: "before", typ: "pure-token", token: "BEFORE"},
				{name: "after", typ: "pure-token", token: "AFTER"},
			}},
			{name: "pivot", typ: "string"},
			{name: "element", typ: "string"},
		},
	},
	"lrem": {
		summary:    "Remove elements from a list",
		since:      "1.0.0",
		complexity: "O(N+M) where N is the length of the list and M is the number of elements removed.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "count", typ: "integer"},
			{name: "element", typ: "string"},
		},
	},
	"ltrim": {
		summary:    "Trim a list to the specified range",
		since:      "1.0.0",
		complexity: "O(N) where N is the number of elements to be removed by the operation.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "start", typ: "integer"},
			{name: "stop", typ: "integer"},
		},
	},
	"lpos": {
		summary:    "Return the index of matching elements on a list",
		since:      "6.0.6",
		complexity: "O(N) where N is the number of elements in the list, for the average case. When searching for elements near the head or the tail of the list, or when the MAXLEN option is provided, the command may run in constant time.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "element", typ: "string"},
			{name: "rank", typ: "integer", token: "RANK", optional: true},
			{name: "num-matches", typ: "integer", token: "COUNT", optional: true},
			{name: "len", typ: "integer", token: "MAXLEN", optional: true},
		},
	},
	"lmove": {
		summary:    "Pop an element from a list, push it to another list and return it",
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
		},
	},
	"rpoplpush": {
		summary:         "Remove the last element in a list, prepend it to another list and return it",
		since:           "1.2.0",
		complexity:      "O(1)",
		deprecated:      true,
		deprecatedSince: "6.2.0",
		replacedBy:      "`LMOVE` with the `RIGHT` and `LEFT` arguments",
		args: []docArg{
			{name: "source", typ: "key", keySpec: 1},
			{name: "destination", typ: "key", keySpec: 2},
		},
	},
	"lmpop": {
		summary:    "Pop elements from a list",
		since:      "7.0.0",
		complexity: "O(N+M) where N is the number of provided keys and M is the number of elements returned.",
		args: []docArg{
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
