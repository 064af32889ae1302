package store

// hashDocs are the hash commands' COMMAND DOCS, as Redis 7.0 declares them.
var hashDocs = map[string]*commandDocs{}
