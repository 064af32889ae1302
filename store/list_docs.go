package store

// listDocs are the list commands' COMMAND DOCS, as Redis 7.0 declares them.
var listDocs = map[string]*commandDocs{}
