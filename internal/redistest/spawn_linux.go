package redistest

import (
	"os/exec"
	"runtime"
	"sync"
	"syscall"
)

// On Linux every server is started with PR_SET_PDEATHSIG, so the kernel
// kills it when the test binary dies, however it dies (a panic, a -timeout,
// SIGKILL from the developer). The parent-death signal fires when the
// *thread* that forked the child exits, not the process, so all servers are
// forked from one goroutine locked to an OS thread that never exits.

type spawnReq struct {
	cmd  *exec.Cmd
	done chan error
}

var (
	spawnOnce sync.Once
	spawnCh   = make(chan spawnReq)
)

func startProcess(cmd *exec.Cmd) error {
	spawnOnce.Do(func() {
		go func() {
			runtime.LockOSThread() // never unlocked: this thread lives as long as the process
			for req := range spawnCh {
				req.done <- req.cmd.Start()
			}
		}()
	})
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
	done := make(chan error, 1)
	spawnCh <- spawnReq{cmd: cmd, done: done}
	return <-done
}
