// Package bench holds Embedis's benchmarks against its peers. It is its own
// module, so the peers' dependencies never enter the library's go.mod. All
// the code is in _test.go files; see README.md for how to run it.
package bench
