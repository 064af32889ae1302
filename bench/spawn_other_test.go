//go:build !linux

package bench

import "os/exec"

func startProcess(cmd *exec.Cmd) error { return cmd.Start() }
