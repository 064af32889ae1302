package store

// hllDocs are the PF commands' COMMAND DOCS, from Redis 7.0's
// commands/pf*.json.
var hllDocs = map[string]*commandDocs{
	"pfadd": {
		summary:    "Adds the specified elements to the specified HyperLogLog.",
		since:      "2.8.9",
		complexity: "O(1) to add every element.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "element", typ: "string", optional: true, multiple: true},
		},
	},
	"pfcount": {
		summary:    "Return the approximated cardinality of the set(s) observed by the HyperLogLog at key(s).",
		since:      "2.8.9",
		complexity: "O(1) with a very small average constant time when called with a single key. O(N) with N being the number of keys, and much bigger constant times, when called with multiple keys.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1, multiple: true},
		},
	},
	"pfmerge": {
		summary:    "Merge N different HyperLogLogs into a single one.",
		since:      "2.8.9",
		complexity: "O(N) to merge N HyperLogLogs, but with high constant times.",
		args: []docArg{
			{name: "destkey", typ: "key", keySpec: 1},
			{name: "sourcekey", typ: "key", keySpec: 2, multiple: true},
		},
	},
}
