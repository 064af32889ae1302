package redistest

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"os"
	"time"
)

// DefaultTimeout bounds every read and write of a [Client], so a reply that
// never comes fails the test instead of hanging it until -timeout.
const DefaultTimeout = 10 * time.Second

// Client is a raw RESP client over any net.Conn. It returns replies as the
// exact bytes received. It is not safe for concurrent use.
type Client struct {
	conn net.Conn
	r    *bufio.Reader
	// Timeout bounds each Send and each reply read. Zero means
	// DefaultTimeout; negative means no deadline.
	Timeout time.Duration
}

// NewClient wraps conn.
func NewClient(conn net.Conn) *Client {
	return &Client{conn: conn, r: bufio.NewReaderSize(conn, 64<<10)}
}

// Conn returns the underlying connection.
func (c *Client) Conn() net.Conn { return c.conn }

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }

func (c *Client) deadline() time.Time {
	switch {
	case c.Timeout < 0:
		return time.Time{}
	case c.Timeout == 0:
		return time.Now().Add(DefaultTimeout)
	}
	return time.Now().Add(c.Timeout)
}

// Do sends args as one multibulk command and returns the raw bytes of one
// reply.
func (c *Client) Do(args ...string) ([]byte, error) {
	if err := c.Send(EncodeCommand(args...)); err != nil {
		return nil, err
	}
	return c.ReadRaw()
}

// Send writes raw bytes as they are: a pipeline of commands, an inline
// command, or malformed input.
func (c *Client) Send(raw []byte) error {
	_ = c.conn.SetWriteDeadline(c.deadline())
	if _, err := c.conn.Write(raw); err != nil {
		return fmt.Errorf("redistest: write: %w", err)
	}
	return nil
}

// ReadRaw reads exactly one complete reply (RESP2 or RESP3, including push
// messages) and returns its raw bytes. On error the partial reply read so
// far is returned too, and a timeout says so.
func (c *Client) ReadRaw() ([]byte, error) {
	_ = c.conn.SetReadDeadline(c.deadline())
	raw, err := ReadReply(c.r)
	if err != nil {
		return raw, c.wrap(raw, err)
	}
	return raw, nil
}

// ReadValue reads one reply and returns it parsed and raw.
func (c *Client) ReadValue() (Value, []byte, error) {
	_ = c.conn.SetReadDeadline(c.deadline())
	v, raw, err := ReadValue(c.r)
	if err != nil {
		return v, raw, c.wrap(raw, err)
	}
	return v, raw, nil
}

// Buffered reports how many bytes have been received but not yet consumed
// by a read. A non-zero value after the last expected reply means the
// server sent more than one reply.
func (c *Client) Buffered() int { return c.r.Buffered() }

func (c *Client) wrap(partial []byte, err error) error {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		t := c.Timeout
		if t == 0 {
			t = DefaultTimeout
		}
		if len(partial) == 0 {
			return fmt.Errorf("redistest: no reply within %v: %w", t, err)
		}
		return fmt.Errorf("redistest: incomplete reply after %v (got %q): %w", t, partial, err)
	}
	if len(partial) > 0 {
		return fmt.Errorf("redistest: read reply (got %q so far): %w", partial, err)
	}
	return fmt.Errorf("redistest: read reply: %w", err)
}
