//go:build !linux

package redistest

import "os/exec"

// Outside Linux there is no parent-death signal; servers are stopped by
// test cleanups and by Main.
func startProcess(cmd *exec.Cmd) error { return cmd.Start() }
