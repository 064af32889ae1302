package store

// hashCommands are the hash type's rows of the command table.
var hashCommands = []*command{}
