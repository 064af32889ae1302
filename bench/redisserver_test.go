package bench

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// A small redis-server launcher. The library's internal/redistest does the
// same for tests, but bench is a separate module and cannot import it.

func TestMain(m *testing.M) {
	code := m.Run()
	stopRedis()
	os.Exit(code)
}

var redisSrv struct {
	sync.Mutex
	started bool
	addr    string
	cmd     *exec.Cmd
	dir     string
	err     error
}

// redisAddr starts redis-server on first use (persistence off, DEBUG
// enabled for DEBUG POPULATE) and returns its address. It returns an
// errSkip when redis-server is not installed.
func redisAddr() (string, error) {
	redisSrv.Lock()
	defer redisSrv.Unlock()
	if !redisSrv.started {
		redisSrv.started = true
		redisSrv.addr, redisSrv.err = startRedis()
	}
	return redisSrv.addr, redisSrv.err
}

func startRedis() (string, error) {
	path, err := exec.LookPath("redis-server")
	if err != nil {
		return "", errSkip{"redis-server not installed (apt-get install redis-server)"}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	dir, err := os.MkdirTemp("", "embedis-bench-redis-")
	if err != nil {
		return "", err
	}
	logPath := filepath.Join(dir, "redis.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return "", err
	}
	defer logFile.Close()
	cmd := exec.Command(path,
		"--port", strconv.Itoa(port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no", "--daemonize", "no",
		"--dir", dir, "--loglevel", "warning",
		"--enable-debug-command", "yes")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = logFile, logFile
	if err := startProcess(cmd); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	redisSrv.cmd, redisSrv.dir = cmd, dir
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			log, _ := os.ReadFile(logPath)
			return "", fmt.Errorf("redis-server exited at start (%v):\n%s", err, log)
		default:
		}
		if pingRedis(addr) == nil {
			return addr, nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return "", fmt.Errorf("redis-server at %s did not answer PING in 15s", addr)
}

func pingRedis(addr string) error {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(time.Second))
	if _, err := c.Write([]byte("PING\r\n")); err != nil {
		return err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if !strings.HasPrefix(line, "+PONG") {
		return fmt.Errorf("PING: %q", line)
	}
	return nil
}

func stopRedis() {
	redisSrv.Lock()
	defer redisSrv.Unlock()
	if redisSrv.cmd != nil && redisSrv.cmd.Process != nil {
		redisSrv.cmd.Process.Kill()
	}
	if redisSrv.dir != "" {
		os.RemoveAll(redisSrv.dir)
	}
}
