package store

import (
	"strconv"
	"strings"

	"github.com/embedis/embedis/internal/redisstr"
)

// Connection and server command handlers.

// redisVersion is the redis-server version whose behaviour we reproduce.
const redisVersion = "7.0.15"

func cmdPing(c *call) {
	switch len(c.args) {
	case 1:
		c.w.Simple("PONG")
	case 2:
		c.w.Bulk(c.args[1])
	default:
		c.wrongArity()
	}
}

func cmdEcho(c *call) { c.w.Bulk(c.args[1]) }

func cmdTime(c *call) {
	t := c.s.clock.Now()
	c.w.Array(2)
	c.w.Bulk(strconv.FormatInt(t.Unix(), 10))
	c.w.Bulk(strconv.FormatInt(int64(t.Nanosecond()/1000), 10))
}

func cmdQuit(c *call) {
	c.ok()
	c.sess.closing = true
}

func cmdReset(c *call) {
	ss := c.sess
	ss.db, ss.proto, ss.name = c.s.dbs[0], 2, ""
	ss.authed = c.s.password == ""
	c.w.SetProtocol(2)
	c.w.Simple("RESET")
}

// authenticate checks a user and password against the Store's password:
// the only user is "default", as on a redis-server with requirepass.
func (c *call) authenticate(user, pass string) bool {
	if user == "default" && (c.s.password == "" || pass == c.s.password) {
		c.sess.authed = true
		return true
	}
	return false
}

func cmdAuth(c *call) {
	if len(c.args) > 3 {
		c.err(ErrSyntax)
		return
	}
	user, pass := "default", c.args[1]
	if len(c.args) == 2 {
		if c.s.password == "" {
			c.errText("AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?")
			return
		}
	} else {
		user, pass = c.args[1], c.args[2]
	}
	if !c.authenticate(user, pass) {
		c.err(ErrWrongPass)
		return
	}
	c.ok()
}

func cmdHello(c *call) {
	proto := 0
	next := 1
	if len(c.args) >= 2 {
		v, ok := redisstr.ParseInt(c.args[1])
		if !ok {
			c.errText("Protocol version is not an integer or out of range")
			return
		}
		if v < 2 || v > 3 {
			c.w.Error("NOPROTO unsupported protocol version")
			return
		}
		proto, next = int(v), 2
	}
	for j := next; j < len(c.args); j++ {
		more := len(c.args) - 1 - j
		switch opt := c.args[j]; {
		case strings.EqualFold(opt, "AUTH") && more >= 2:
			if !c.authenticate(c.args[j+1], c.args[j+2]) {
				c.err(ErrWrongPass)
				return
			}
			j += 2
		case strings.EqualFold(opt, "SETNAME") && more >= 1:
			if !c.setName(c.args[j+1]) {
				return
			}
			j++
		default:
			c.errText("Syntax error in HELLO option '" + cString(opt) + "'")
			return
		}
	}
	if !c.sess.authed {
		c.w.Error("NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time")
		return
	}
	if proto != 0 {
		c.sess.proto = proto
		c.w.SetProtocol(proto)
	}
	c.w.Map(7)
	c.w.Bulk("server")
	c.w.Bulk("redis")
	c.w.Bulk("version")
	c.w.Bulk(redisVersion)
	c.w.Bulk("proto")
	c.w.Int(int64(c.sess.proto))
	c.w.Bulk("id")
	c.w.Int(c.sess.clientID())
	c.w.Bulk("mode")
	c.w.Bulk("standalone")
	c.w.Bulk("role")
	c.w.Bulk("master")
	c.w.Bulk("modules")
	c.w.Array(0)
}

// setName is CLIENT SETNAME's validation and effect.
func (c *call) setName(name string) bool {
	for i := 0; i < len(name); i++ {
		if name[i] < '!' || name[i] > '~' {
			c.errText("Client names cannot contain spaces, newlines or special characters.")
			return false
		}
	}
	c.sess.name = name
	return true
}

func cmdClientID(c *call) { c.w.Int(c.sess.clientID()) }

func cmdClientSetName(c *call) {
	if c.setName(c.args[2]) {
		c.ok()
	}
}

func cmdClientGetName(c *call) {
	if c.sess.name == "" {
		c.w.NullBulk()
		return
	}
	c.w.Bulk(c.sess.name)
}

func cmdClientInfo(c *call) { c.w.Verbatim(c.sess.info(c.now)+"\n", "txt") }

// info is the client's line in CLIENT INFO/LIST format. Fields that
// describe sockets and buffers, which an in-memory connection lacks, are
// reported as a fresh redis-server connection would.
func (ss *session) info(now int64) string {
	var age int64 // a Do client is created by the command it runs
	if !ss.created.IsZero() {
		age = (now - ss.created.UnixMilli()) / 1000
	}
	return "id=" + strconv.FormatInt(ss.clientID(), 10) +
		" addr=embedis:0 laddr=embedis:0 fd=-1 name=" + ss.name +
		" age=" + strconv.FormatInt(age, 10) + " idle=0 flags=N db=" + strconv.Itoa(ss.db.index) +
		" sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0 obl=0 oll=0 omem=0 tot-mem=0 events=r cmd=" +
		ss.lastCmd + " user=default redir=-1 resp=" + strconv.Itoa(ss.proto)
}

// cmdClientHelp replies redis-server 7.0's CLIENT HELP text verbatim,
// including the subcommands Embedis does not implement yet (the README
// lists those), so clients that parse it see what they see on Redis.
func cmdClientHelp(c *call) {
	c.help("CLIENT",
		"CACHING (YES|NO)",
		"    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.",
		"GETREDIR",
		"    Return the client ID we are redirecting to when tracking is enabled.",
		"GETNAME",
		"    Return the name of the current connection.",
		"ID",
		"    Return the ID of the current connection.",
		"INFO",
		"    Return information about the current client connection.",
		"KILL <ip:port>",
		"    Kill connection made from <ip:port>.",
		"KILL <option> <value> [<option> <value> [...]]",
		"    Kill connections. Options are:",
		"    * ADDR (<ip:port>|<unixsocket>:0)",
		"      Kill connections made from the specified address",
		"    * LADDR (<ip:port>|<unixsocket>:0)",
		"      Kill connections made to specified local address",
		"    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
		"      Kill connections by type.",
		"    * USER <username>",
		"      Kill connections authenticated by <username>.",
		"    * SKIPME (YES|NO)",
		"      Skip killing current connection (default: yes).",
		"LIST [options ...]",
		"    Return information about client connections. Options:",
		"    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
		"      Return clients of specified type.",
		"UNPAUSE",
		"    Stop the current client pause, resuming traffic.",
		"PAUSE <timeout> [WRITE|ALL]",
		"    Suspend all, or just write, clients for <timeout> milliseconds.",
		"REPLY (ON|OFF|SKIP)",
		"    Control the replies sent to the current connection.",
		"SETNAME <name>",
		"    Assign the name <name> to the current connection.",
		"UNBLOCK <clientid> [TIMEOUT|ERROR]",
		"    Unblock the specified blocked client.",
		"TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]",
		"         [OPTIN] [OPTOUT] [NOLOOP]",
		"    Control server assisted client side caching.",
		"TRACKINGINFO",
		"    Report tracking status for the current connection.",
		"NO-EVICT (ON|OFF)",
		"    Protect current client connection from eviction.",
	)
}
