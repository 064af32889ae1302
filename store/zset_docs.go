package store

// zsetDocs are the zset commands' COMMAND DOCS, as Redis 7.0 declares them.
var zsetDocs = map[string]*commandDocs{
	"zadd": {
		summary:    "Add one or more members to a sorted set, or update its score if it already exists",
		since:      "1.2.0",
		complexity: "O(log(N)) for each item added, where N is the number of elements in the sorted set.",
		history: []docHistory{
			{"2.4.0", "Accepts multiple elements."},
			{"3.0.2", "Added the `XX`, `NX`, `CH` and `INCR` options."},
			{"6.2.0", "Added the `GT` and `LT` options."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "condition", typ: "oneof", since: "3.0.2", optional: true, args: []docArg{
				{name: "nx", typ: "pure-token", token: "NX"},
				{name: "xx", typ: "pure-token", token: "XX"},
			}},
			{name: "comparison", typ: "oneof", since: "6.2.0", optional: true, args: []docArg{
				{name: "gt", typ: "pure-token", token: "GT"},
				{name: "lt", typ: "pure-token", token: "LT"},
			}},
			{name: "change", typ: "pure-token", token: "CH", since: "3.0.2", optional: true},
			{name: "increment", typ: "pure-token", token: "INCR", since: "3.0.2", optional: true},
			{name: "score_member", typ: "block", multiple: true, args: []docArg{
				{name: "score", typ: "double"},
				{name: "member", typ: "string"},
			}},
		},
	},
	"zincrby": {
		summary:    "Increment the score of a member in a sorted set",
		since:      "1.2.0",
		complexity: "O(log(N)) where N is the number of elements in the sorted set.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "increment", typ: "integer"},
			{name: "member", typ: "string"},
		},
	},
	"zscore": {
		summary:    "Get the score associated with the given member in a sorted set",
		since:      "1.2.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "member", typ: "string"},
		},
	},
	"zmscore": {
		summary:    "Get the score associated with the given members in a sorted set",
		since:      "6.2.0",
		complexity: "O(N) where N is the number of members being requested.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "member", typ: "string", multiple: true},
		},
	},
	"zcard": {
		summary:    "Get the number of members in a sorted set",
		since:      "1.2.0",
		complexity: "O(1)",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
		},
	},
	"zcount": {
		summary:    "Count the members in a sorted set with scores within the given values",
		since:      "2.0.0",
		complexity: "O(log(N)) with N being the number of elements in the sorted set.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "min", typ: "double"},
			{name: "max", typ: "double"},
		},
	},
	"zlexcount": {
		summary:    "Count the number of members in a sorted set between a given lexicographical range",
		since:      "2.8.9",
		complexity: "O(log(N)) with N being the number of elements in the sorted set.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "min", typ: "string"},
			{name: "max", typ: "string"},
		},
	},
	"zrank": {
		summary:    "Determine the index of a member in a sorted set",
		since:      "2.0.0",
		complexity: "O(log(N))",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "member", typ: "string"},
		},
	},
	"zrevrank": {
		summary:    "Determine the index of a member in a sorted set, with scores ordered from high to low",
		since:      "2.0.0",
		complexity: "O(log(N))",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "member", typ: "string"},
		},
	},
	"zrange": {
		summary:    "Return a range of members in a sorted set",
		since:      "1.2.0",
		complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.",
		history: []docHistory{
			{"6.2.0", "Added the `REV`, `BYSCORE`, `BYLEX` and `LIMIT` options."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "start", typ: "string"},
			{name: "stop", typ: "string"},
			{name: "sortby", typ: "oneof", since: "6.2.0", optional: true, args: []docArg{
				{name: "byscore", typ: "pure-token", token: "BYSCORE"},
				{name: "bylex", typ: "pure-token", token: "BYLEX"},
			}},
			{name: "rev", typ: "pure-token", token: "REV", since: "6.2.0", optional: true},
			{name: "offset_count", typ: "block", token: "LIMIT", since: "6.2.0", optional: true, args: []docArg{
				{name: "offset", typ: "integer"},
				{name: "count", typ: "integer"},
			}},
			{name: "withscores", typ: "pure-token", token: "WITHSCORES", optional: true},
		},
	},
	"zrangestore": {
		summary:    "Store a range of members from sorted set into another key",
		since:      "6.2.0",
		complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.",
		args: []docArg{
			{name: "dst", typ: "key", keySpec: 1},
			{name: "src", typ: "key", keySpec: 2},
			{name: "min", typ: "string"},
			{name: "max", typ: "string"},
			{name: "sortby", typ: "oneof", optional: true, args: []docArg{
				{name: "byscore", typ: "pure-token", token: "BYSCORE"},
				{name: "bylex", typ: "pure-token", token: "BYLEX"},
			}},
			{name: "rev", typ: "pure-token", token: "REV", optional: true},
			{name: "offset_count", typ: "block", token: "LIMIT", optional: true, args: []docArg{
				{name: "offset", typ: "integer"},
				{name: "count", typ: "integer"},
			}},
		},
	},
	"zrangebyscore": {
		summary:         "Return a range of members in a sorted set, by score",
		since:           "1.0.5",
		complexity:      "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).",
		deprecated:      true,
		deprecatedSince: "6.2.0",
		replacedBy:      "`ZRANGE` with the `BYSCORE` argument",
		history: []docHistory{
			{"2.0.0", "Added the `WITHSCORES` modifier."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "min", typ: "double"},
			{name: "max", typ: "double"},
			{name: "withscores", typ: "pure-token", token: "WITHSCORES", since: "2.0.0", optional: true},
			{name: "offset_count", typ: "block", token: "LIMIT", optional: true, args: []docArg{
				{name: "offset", typ: "integer"},
				{name: "count", typ: "integer"},
			}},
		},
	},
	"zrevrangebyscore": {
		summary:         "Return a range of members in a sorted set, by score, with scores ordered from high to low",
		since:           "2.2.0",
		complexity:      "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).",
		deprecated:      true,
		deprecatedSince: "6.2.0",
		replacedBy:      "`ZRANGE` with the `REV` and `BYSCORE` arguments",
		history: []docHistory{
			{"2.1.6", "`min` and `max` can be exclusive."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "max", typ: "double"},
			{name: "min", typ: "double"},
			{name: "withscores", typ: "pure-token", token: "WITHSCORES", optional: true},
			{name: "offset_count", typ: "block", token: "LIMIT", optional: true, args: []docArg{
				{name: "offset", typ: "integer"},
				{name: "count", typ: "integer"},
			}},
		},
	},
	"zrangebylex": {
		summary:         "Return a range of members in a sorted set, by lexicographical range",
		since:           "2.8.9",
		complexity:      "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).",
		deprecated:      true,
		deprecatedSince: "6.2.0",
		replacedBy:      "`ZRANGE` with the `BYLEX` argument",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "min", typ: "string"},
			{name: "max", typ: "string"},
			{name: "offset_count", typ: "block", token: "LIMIT", optional: true, args: []docArg{
				{name: "offset", typ: "integer"},
				{name: "count", typ: "integer"},
			}},
		},
	},
	"zrevrangebylex": {
		summary:         "Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.",
		since:           "2.8.9",
		complexity:      "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).",
		deprecated:      true,
		deprecatedSince: "6.2.0",
		replacedBy:      "`ZRANGE` with the `REV` and `BYLEX` arguments",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "max", typ: "string"},
			{name: "min", typ: "string"},
			{name: "offset_count", typ: "block", token: "LIMIT", optional: true, args: []docArg{
				{name: "offset", typ: "integer"},
				{name: "count", typ: "integer"},
			}},
		},
	},
	"zrevrange": {
		summary:         "Return a range of members in a sorted set, by index, with scores ordered from high to low",
		since:           "1.2.0",
		complexity:      "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.",
		deprecated:      true,
		deprecatedSince: "6.2.0",
		replacedBy:      "`ZRANGE` with the `REV` argument",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "start", typ: "integer"},
			{name: "stop", typ: "integer"},
			{name: "withscores", typ: "pure-token", token: "WITHSCORES", optional: true},
		},
	},
	"zrem": {
		summary:    "Remove one or more members from a sorted set",
		since:      "1.2.0",
		complexity: "O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.",
		history: []docHistory{
			{"2.4.0", "Accepts multiple elements."},
		},
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "member", typ: "string", multiple: true},
		},
	},
	"zremrangebyrank": {
		summary:    "Remove all members in a sorted set within the given indexes",
		since:      "2.0.0",
		complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "start", typ: "integer"},
			{name: "stop", typ: "integer"},
		},
	},
	"zremrangebyscore": {
		summary:    "Remove all members in a sorted set within the given scores",
		since:      "1.2.0",
		complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "min", typ: "double"},
			{name: "max", typ: "double"},
		},
	},
	"zremrangebylex": {
		summary:    "Remove all members in a sorted set between the given lexicographical range",
		since:      "2.8.9",
		complexity: "O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "min", typ: "string"},
			{name: "max", typ: "string"},
		},
	},
	"zpopmin": {
		summary:    "Remove and return members with the lowest scores in a sorted set",
		since:      "5.0.0",
		complexity: "O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "count", typ: "integer", optional: true},
		},
	},
	"zpopmax": {
		summary:    "Remove and return members with the highest scores in a sorted set",
		since:      "5.0.0",
		complexity: "O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "count", typ: "integer", optional: true},
		},
	},
	"zmpop": {
		summary:    "Remove and return members with scores in a sorted set",
		since:      "7.0.0",
		complexity: "O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.",
		args: []docArg{
			{name: "numkeys", typ: "integer"},
			{name: "key", typ: "key", keySpec: 1, multiple: true},
			{name: "where", typ: "oneof", args: []docArg{
				{name: "min", typ: "pure-token", token: "MIN"},
				{name: "max", typ: "pure-token", token: "MAX"},
			}},
			{name: "count", typ: "integer", token: "COUNT", optional: true},
		},
	},
	"zrandmember": {
		summary:    "Get one or multiple random elements from a sorted set",
		since:      "6.2.0",
		complexity: "O(N) where N is the number of elements returned",
		args: []docArg{
			{name: "key", typ: "key", keySpec: 1},
			{name: "options", typ: "block", optional: true, args: []docArg{
				{name: "count", typ: "integer"},
				{name: "withscores", typ: "pure-token", token: "WITHSCORES", optional: true},
			}},
		},
	},
	"zunion": {
		summary:    "Add multiple sorted sets",
		since:      "6.2.0",
		complexity: "O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.",
		args: []docArg{
			{name: "numkeys", typ: "integer"},
			{name: "key", typ: "key", keySpec: 1, multiple: true},
			{name: "weight", typ: "integer", token: "WEIGHTS", optional: true, multiple: true},
			{name: "aggregate", typ: "oneof", token: "AGGREGATE", optional: true, args: []docArg{
				{name: "sum", typ: "pure-token", token: "SUM"},
				{name: "min", typ: "pure-token", token: "MIN"},
				{name: "max", typ: "pure-token", token: "MAX"},
			}},
			{name: "withscores", typ: "pure-token", token: "WITHSCORES", optional: true},
		},
	},
	"zinter": {
		summary:    "Intersect multiple sorted sets",
		since:      "6.2.0",
		complexity: "O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.",
		args: []docArg{
			{name: "numkeys", typ: "integer"},
			{name: "key", typ: "key", keySpec: 1, multiple: true},
			{name: "weight", typ: "integer", token: "WEIGHTS", optional: true, multiple: true},
			{name: "aggregate", typ: "oneof", token: "AGGREGATE", optional: true, args: []docArg{
				{name: "sum", typ: "pure-token", token: "SUM"},
				{name: "min", typ: "pure-token", token: "MIN"},
				{name: "max", typ: "pure-token", token: "MAX"},
			}},
			{name: "withscores", typ: "pure-token", token: "WITHSCORES", optional: true},
		},
	},
	"zdiff": {
		summary:    "Subtract multiple sorted sets",
		since:      "6.2.0",
		complexity: "O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.",
		args: []docArg{
			{name: "numkeys", typ: "integer"},
			{name: "key", typ: "key", keySpec: 1, multiple: true},
			{name: "withscores", typ: "pure-token", token: "WITHSCORES", optional: true},
		},
	},
	"zunionstore": {
		summary:    "Add multiple sorted sets and store the resulting sorted set in a new key",
		since:      "2.0.0",
		complexity: "O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.",
		args: []docArg{
			{name: "destination", typ: "key", keySpec: 1},
			{name: "numkeys", typ: "integer"},
			{name: "key", typ: "key", keySpec: 2, multiple: true},
			{name: "weight", typ: "integer", token: "WEIGHTS", optional: true, multiple: true},
			{name: "aggregate", typ: "oneof", token: "AGGREGATE", optional: true, args: []docArg{
				{name: "sum", typ: "pure-token", token: "SUM"},
				{name: "min", typ: "pure-token", token: "MIN"},
				{name: "max", typ: "pure-token", token: "MAX"},
			}},
		},
	},
	"zinterstore": {
		summary:    "Intersect multiple sorted sets and store the resulting sorted set in a new key",
		since:      "2.0.0",
		complexity: "O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.",
		args: []docArg{
			{name: "destination", typ: "key", keySpec: 1},
			{name: "numkeys", typ: "integer"},
			{name: "key", typ: "key", keySpec: 2, multiple: true},
			{name: "weight", typ: "integer", token: "WEIGHTS", optional: true, multiple: true},
			{name: "aggregate", typ: "oneof", token: "AGGREGATE", optional: true, args: []docArg{
				{name: "sum", typ: "pure-token", token: "SUM"},
				{name: "min", typ: "pure-token", token: "MIN"},
				{name: "max", typ: "pure-token", token: "MAX"},
			}},
		},
	},
	"zdiffstore": {
		summary:    "Subtract multiple sorted sets and store the resulting sorted set in a new key",
		since:      "6.2.0",
		complexity: "O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.",
		args: []docArg{
			{name: "destination", typ: "key", keySpec: 1},
			{name: "numkeys", typ: "integer"},
			{name: "key", typ: "key", keySpec: 2, multiple: true},
		},
	},
	"zintercard": {
		summary:    "Intersect multiple sorted sets and return the cardinality of the result",
		since:      "7.0.0",
		complexity: "O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.",
		args: []docArg{
			{name: "numkeys", typ: "integer"},
			{name: "key", typ: "key", keySpec: 1, multiple: true},
			{name: "limit", typ: "integer", token: "LIMIT", optional: true},
		},
	},
	"zscan": {
		summary:    "Incrementally iterate sorted sets elements and associated scores",
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
