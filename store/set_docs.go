package store

// setDocs are the set commands' COMMAND DOCS, as Redis 7.0 declares them.
var setDocs = map[string]*commandDocs{}
