package store

// hashDocs are the hash commands' COMMAND DOCS, as Redis 7.0 declares them.
var hashDocs = map[string]*commandDocs{
	"hset": {
		summary:    "Set the string value of a hash field",
		since:      "2.0.0",
		complexity: "O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.",
		history: []docHistory{
			{"4.0.0", "Accepts multiple `field` and `value` arguments."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "field_value", typ: "block", multiple: true, args: []docArg{
				{name: "field", typ: "string"},
				{name: "value", typ: "string"},
			}},
		},
	},
	"hsetnx": {
		summary:    "Set the value of a hash field, only if the field does not exist",
		since:      "2.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "field", typ: "string"},
			{name: "value", typ: "string"},
		},
	},
	"hmset": {
		summary:         "Set multiple hash fields to multiple values",
		since:           "2.0.0",
		complexity:      "O(N) where N is the number of fields being set.",
		deprecated:      true,
		deprecatedSince: "4.0.0",
		replacedBy:      "`HSET` with multiple field-value pairs",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "field_value", typ: "block", multiple: true, args: []docArg{
				{name: "field", typ: "string"},
				{name: "value", typ: "string"},
			}},
		},
	},
	"hget": {
		summary:    "Get the value of a hash field",
		since:      "2.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "field", typ: "string"},
		},
	},
	"hmget": {
		summary:    "Get the values of all the given hash fields",
		since:      "2.0.0",
		complexity: "O(N) where N is the number of fields being requested.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "field", typ: "string", multiple: true},
		},
	},
	"hgetall": {
		summary:    "Get all the fields and values in a hash",
		since:      "2.0.0",
		complexity: "O(N) where N is the size of the hash.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"hdel": {
		summary:    "Delete one or more hash fields",
		since:      "2.0.0",
		complexity: "O(N) where N is the number of fields to be removed.",
		history: []docHistory{
			{"2.4.0", "Accepts multiple `field` arguments."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "field", typ: "string", multiple: true},
		},
	},
	"hexists": {
		summary:    "Determine if a hash field exists",
		since:      "2.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "field", typ: "string"},
		},
	},
	"hlen": {
		summary:    "Get the number of fields in a hash",
		since:      "2.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"hstrlen": {
		summary:    "Get the length of the value of a hash field",
		since:      "3.2.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "field", typ: "string"},
		},
	},
	"hkeys": {
		summary:    "Get all the fields in a hash",
		since:      "2.0.0",
		complexity: "O(N) where N is the size of the hash.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"hvals": {
		summary:    "Get all the values in a hash",
		since:      "2.0.0",
		complexity: "O(N) where N is the size of the hash.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"hincrby": {
		summary:    "Increment the integer value of a hash field by the given number",
		since:      "2.0.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "field", typ: "string"},
			{name: "increment", typ: "integer"},
		},
	},
	"hincrbyfloat": {
		summary:    "Increment the float value of a hash field by the given amount",
		since:      "2.6.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "field", typ: "string"},
			{name: "increment", typ: "double"},
		},
	},
	"hrandfield": {
		summary:    "Get one or multiple random fields from a hash",
		since:      "6.2.0",
		complexity: "O(N) where N is the number of fields returned",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "options", typ: "block", optional: true, args: []docArg{
				{name: "count", typ: "integer"},
				{name: "withvalues", typ: "pure-token", token: "WITHVALUES", optional: true},
			}},
		},
	},
	"hscan": {
		summary:    "Incrementally iterate hash fields and associated values",
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
