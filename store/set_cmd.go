package store

// setCommands are the set type's rows of the command table.
var setCommands = []*command{}
