package store

// setDocs are the set commands' COMMAND DOCS, as Redis 7.0 declares them.
var setDocs = map[string]*commandDocs{
	"sadd": {
		summary:    "Add one or more members to a set",
		since:      "1.0.0",
		complexity: "O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.",
		history: []docHistory{
			{"2.4.0", "Accepts multiple `member` arguments."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "member", typ: "string", multiple: true},
		},
	},
	"srem": {
		summary:    "Remove one or more members from a set",
		since:      "1.0.0",
		complexity: "O(N) where N is the number of members to be removed.",
		history: []docHistory{
			{"2.4.0", "Accepts multiple `member` arguments."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "member", typ: "string", multiple: true},
		},
	},
	"smembers": {
		summary:    "Get all the members in a set",
		since:      "1.0.0",
		complexity: "O(N) where N is the set cardinality.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"sismember": {
		summary:    "Determine if a given value is a member of a set",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "member", typ: "string"},
		},
	},
	"smismember": {
		summary:    "Returns the membership associated with the given elements for a set",
		since:      "6.2.0",
		complexity: "O(N) where N is the number of elements being checked for membership",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "member", typ: "string", multiple: true},
		},
	},
	"scard": {
		summary:    "Get the number of members in a set",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"spop": {
		summary:    "Remove and return one or multiple random members from a set",
		since:      "1.0.0",
		complexity: "Without the count argument O(1), otherwise O(N) where N is the value of the passed count.",
		history: []docHistory{
			{"3.2.0", "Added the `count` argument."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "count", typ: "integer", since: "3.2.0", optional: true},
		},
	},
	"srandmember": {
		summary:    "Get one or multiple random members from a set",
		since:      "1.0.0",
		complexity: "Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.",
		history: []docHistory{
			{"2.6.0", "Added the optional `count` argument."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "count", typ: "integer", since: "2.6.0", optional: true},
		},
	},
	"smove": {
		summary:    "Move a member from one set to another",
		since:      "1.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "source", typ: "key", keySpec: 1},
			{name: "destination", typ: "key", keySpec: 2},
			{name: "member", typ: "string"},
		},
	},
	"sinter": {
		summary:    "Intersect multiple sets",
		since:      "1.0.0",
		complexity: "O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
		},
	},
	"sintercard": {
		summary:    "Intersect multiple sets and return the cardinality of the result",
		since:      "7.0.0",
		complexity: "O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.",
		args: []docArg{
			{name: "numkeys", typ: "integer"},
			{name: "key", typ: "key", keySpec: 1, multiple: true},
			{name: "limit", typ: "integer", token: "LIMIT", optional: true},
		},
	},
	"sunion": {
		summary:    "Add multiple sets",
		since:      "1.0.0",
		complexity: "O(N) where N is the total number of elements in all given sets.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
		},
	},
	"sdiff": {
		summary:    "Subtract multiple sets",
		since:      "1.0.0",
		complexity: "O(N) where N is the total number of elements in all given sets.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
		},
	},
	"sinterstore": {
		summary:    "Intersect multiple sets and store the resulting set in a key",
		since:      "1.0.0",
		complexity: "O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.",
		args: []docArg{
			{name: "destination", typ: "key", keySpec: 1},
			{name: "key", typ: "key", keySpec: 2, multiple: true},
		},
	},
	"sunionstore": {
		summary:    "Add multiple sets and store the resulting set in a key",
		since:      "1.0.0",
		complexity: "O(N) where N is the total number of elements in all given sets.",
		args: []docArg{
			{name: "destination", typ: "key", keySpec: 1},
			{name: "key", typ: "key", keySpec: 2, multiple: true},
		},
	},
	"sdiffstore": {
		summary:    "Subtract multiple sets and store the resulting set in a key",
		since:      "1.0.0",
		complexity: "O(N) where N is the total number of elements in all given sets.",
		args: []docArg{
			{name: "destination", typ: "key", keySpec: 1},
			{name: "key", typ: "key", keySpec: 2, multiple: true},
		},
	},
	"sscan": {
		summary:    "Incrementally iterate Set elements",
		since:      "2.8.0",
		complexity: "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "cursor", typ: "integer"},
			{name: "pattern", typ: "pattern", token: "MATCH", optional: true},
			{name: "count", typ: "integer", token: "COUNT", optional: true},
		},
	},
}
