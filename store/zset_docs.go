package store

// zsetDocs are the zset commands' COMMAND DOCS, as Redis 7.0 declares them.
var zsetDocs = map[string]*commandDocs{}
