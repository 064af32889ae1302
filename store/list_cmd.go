package store

// listCommands are the list type's rows of the command table.
var listCommands = []*command{}
