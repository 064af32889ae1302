package store

// zsetCommands are the zset type's rows of the command table.
var zsetCommands = []*command{}
