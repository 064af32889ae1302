package bench

import (
	"os/exec"
	"runtime"
	"sync"
	"syscall"
)

// The server gets PR_SET_PDEATHSIG, so it dies with the benchmark binary
// even on a -timeout panic or kill -9. The signal follows the forking
// thread, so the fork happens on a thread that never exits.

var (
	spawnOnce sync.Once
	spawnCh   = make(chan *exec.Cmd)
	spawnErr  = make(chan error)
)

func startProcess(cmd *exec.Cmd) error {
	spawnOnce.Do(func() {
		go func() {
			runtime.LockOSThread() // never unlocked
			for c := range spawnCh {
				spawnErr <- c.Start()
			}
		}()
	})
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	spawnCh <- cmd
	return <-spawnErr
}
