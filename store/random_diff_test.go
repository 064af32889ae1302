package store

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/embedis/embedis/internal/redistest"
)

// TestDiffRandom sends a seeded stream of random commands, valid and
// invalid, to redis-server and to a Store, in RESP2 and in RESP3, and
// compares every raw reply.
//
// The stream covers every deterministic command of the command table over
// a small key set (k0..k7 in database 0, and the same names in database 1
// and others through SELECT, MOVE, COPY ... DB and SWAPDB). What Redis
// leaves to chance is compared only where it is deterministic: RANDOMKEY,
// TIME, CLIENT ID and OBJECT IDLETIME by shape, KEYS and SCAN as sets, TTLs
// within a tolerance.
//
// Time-sensitive replies stay deterministic because no key is ever given a
// TTL that could run out during the run: every positive TTL is at least
// 10^7 seconds, and every relative TTL is unique and increasing over the
// run (see ttlGen), so EXPIRE ... GT/LT never compares two expiry times
// that only the speed of the two servers tells apart.
//
// EMBEDIS_DIFF_SEED overrides the seed and EMBEDIS_DIFF_N the number of
// commands per protocol (default 10000).
func TestDiffRandom(t *testing.T) {
	seed := uint64(20250704)
	if v := os.Getenv("EMBEDIS_DIFF_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("EMBEDIS_DIFF_SEED=%q: %v", v, err)
		}
		seed = n
	}
	n := 10000
	if v := os.Getenv("EMBEDIS_DIFF_N"); v != "" {
		m, err := strconv.Atoi(v)
		if err != nil || m < 0 {
			t.Fatalf("EMBEDIS_DIFF_N=%q: not a count", v)
		}
		n = m
	}
	t.Logf("seed %d, %d commands per protocol (EMBEDIS_DIFF_SEED, EMBEDIS_DIFF_N)", seed, n)
	for _, proto := range []int{2, 3} {
		t.Run(fmt.Sprintf("RESP%d", proto), func(t *testing.T) {
			d, _ := newDiff(t, proto)
			g := newCmdGen(seed, proto)
			start := time.Now()
			sent, flushes := 0, 0
			byCmd := map[string]int{}
			firstBy := map[string]string{}
			var hist []string // the commands since the last FLUSHALL, for reports
			for sent < n {
				st := g.next()
				before := d.Mismatches()
				for _, p := range st.pre {
					hist = append(hist, redistest.FormatCommand(p...))
					d.Do(p...)
					sent++
				}
				if st.lcs != nil {
					// LCS allocates len(a)*len(b) cells in Redis: keep it small.
					la := replyInt(d.Do("STRLEN", st.lcs[0]))
					lb := replyInt(d.Do("STRLEN", st.lcs[1]))
					sent += 2
					if la*lb > 1_000_000 {
						continue
					}
				}
				hist = append(hist, redistest.FormatCommand(st.args...))
				if st.norm != nil {
					d.DoNormalized(st.norm, st.args...)
				} else {
					d.Do(st.args...)
				}
				sent++
				if st.after != nil {
					st.after(d)
					sent++
				}
				if d.Mismatches() > before {
					name := strings.ToUpper(st.args[0])
					if len(st.args) > 1 && (name == "OBJECT" || name == "CLIENT" || name == "COMMAND") {
						name += " " + strings.ToUpper(st.args[1])
					}
					byCmd[name]++
					if _, ok := firstBy[name]; !ok {
						h := hist
						if len(h) > 30 {
							h = h[len(h)-30:]
						}
						firstBy[name] = redistest.FormatCommand(st.args...) + "\n    after:\n      " + strings.Join(h, "\n      ")
					}
					hist = hist[:0]
					// Start both sides again from the same (empty) state
					// so later mismatches are independent of this one.
					d.Do("FLUSHALL")
					sent++
					flushes++
				}
			}
			t.Logf("RESP%d: %d commands in %v, %d mismatches", proto, sent, time.Since(start).Round(time.Millisecond), d.Mismatches())
			if len(byCmd) > 0 {
				names := make([]string, 0, len(byCmd))
				for k := range byCmd {
					names = append(names, k)
				}
				sort.Strings(names)
				for _, k := range names {
					t.Errorf("RESP%d: %d mismatches on %s, first: %s", proto, byCmd[k], k, firstBy[k])
				}
				t.Errorf("reproduce with EMBEDIS_DIFF_SEED=%d EMBEDIS_DIFF_N=%d", seed, n)
			}
			// QUIT ends both connections the same way.
			d.Do("QUIT")
			for name, c := range map[string]*redistest.Client{"redis-server": d.Ref(), "subject": d.Sub()} {
				c.Timeout = 2 * time.Second
				if raw, err := c.ReadRaw(); err == nil {
					t.Errorf("%s: after QUIT read %q, want the connection closed", name, raw)
				}
			}
		})
	}
}

// panicConn turns a panic inside Write (where a Dial connection runs the
// commands it is given) into a write error that carries the panic.
type panicConn struct{ net.Conn }

func (c panicConn) Write(p []byte) (n int, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, err = 0, fmt.Errorf("the store panicked: %v\n%s", r, debug.Stack())
		}
	}()
	return c.Conn.Write(p)
}

// replyInt returns the value of an integer reply, or 0.
func replyInt(raw []byte) int64 {
	v, err := redistest.Parse(raw)
	if err != nil || v.Kind != ':' {
		return 0
	}
	n, _ := strconv.ParseInt(v.Str, 10, 64)
	return n
}

// familyGens add the generators of the collection types: each type's
// random_<type>_test.go appends its function here in an init.
var familyGens []func(g *cmdGen, add func(w int, fn func() step))

// step is one generated command.
type step struct {
	args  []string
	norm  redistest.Normalizer
	lcs   []string                // LCS keys: check their sizes first
	pre   [][]string              // commands to send first
	after func(d *redistest.Diff) // a follow-up (HELLO after RESET)
}

// cmdGen generates the random command stream. It tracks only what it must
// to keep the stream deterministic: the connection's database and the TTL
// counter.
type cmdGen struct {
	r     *rand.Rand
	proto int
	db    int
	ttl   ttlGen
	gens  []weighted
	total int
	// lingering is set once a SET may have left a key that has already
	// expired but is not reclaimed yet (SET ... EXAT/PXAT in the past).
	lingering bool
}

type weighted struct {
	w  int
	fn func() step
}

// ttlGen hands out expiry arguments that make every TTL comparison
// deterministic:
//
//   - a positive relative TTL is class + ctr seconds, where ctr grows with
//     every TTL handed out and the classes are 10^7 s apart or more: a
//     relative expiry set later is always later than one set earlier in
//     the same class (by a second at least, plus the time between them),
//     and the classes never interleave, whatever the speed of each server;
//   - an absolute time in the future is base + offset + ctr, with offsets
//     between the relative classes, far from any relative expiry;
//   - everything else is zero, negative, in the past or out of range, so it
//     deletes the key at once or is an error.
type ttlGen struct {
	r    *rand.Rand
	ctr  int64
	base int64 // Unix seconds when the run started
}

var (
	relClasses = []int64{1e7, 3e7, 5e7, 1e9, 9e15}
	absOffsets = []int64{2e7, 4e7, 6e7, 2e9}
)

// relSec returns a relative TTL in seconds (EXPIRE, SET EX, SETEX, GETEX EX).
func (g *ttlGen) relSec() string {
	g.ctr++
	switch g.r.IntN(12) {
	case 0:
		return pick(g.r, "0", "-1", "-100000", "-9223372036854775", "-9223372036854775808")
	case 1:
		return pick(g.r, "9223372036854775807", "9223372036854775", "9223372036854776", "9223372036854775808", "x", "1.5", "")
	}
	return strconv.FormatInt(relClasses[g.r.IntN(len(relClasses))]+g.ctr, 10)
}

// relMs returns a relative TTL in milliseconds (PEXPIRE, SET PX, PSETEX).
func (g *ttlGen) relMs() string {
	g.ctr++
	switch g.r.IntN(12) {
	case 0:
		return pick(g.r, "0", "-1", "-100000", "-9223372036854775808")
	case 1:
		return pick(g.r, "9223372036854775807", "9223372036854775806", "9223372036854775808", "x", "1e3")
	}
	return strconv.FormatInt((relClasses[g.r.IntN(len(relClasses))]+g.ctr)*1000+g.r.Int64N(1000), 10)
}

// absSec returns an absolute Unix time in seconds (EXPIREAT, SET EXAT).
func (g *ttlGen) absSec() string {
	g.ctr++
	switch g.r.IntN(8) {
	case 0:
		return pick(g.r, "0", "1", "-5", strconv.FormatInt(g.base-1e6, 10), "-9223372036854775808")
	case 1:
		return pick(g.r, "9223372036854775807", "9223372036854775", "x", "")
	}
	return strconv.FormatInt(g.base+absOffsets[g.r.IntN(len(absOffsets))]+g.ctr, 10)
}

// absMs returns an absolute Unix time in milliseconds (PEXPIREAT, SET PXAT).
func (g *ttlGen) absMs() string {
	g.ctr++
	switch g.r.IntN(8) {
	case 0:
		return pick(g.r, "0", "1", "-5", strconv.FormatInt((g.base-1e6)*1000, 10))
	case 1:
		return pick(g.r, "9223372036854775807", "9223372036854775808", "x")
	}
	return strconv.FormatInt((g.base+absOffsets[g.r.IntN(len(absOffsets))]+g.ctr)*1000+g.r.Int64N(1000), 10)
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

var (
	rkeys = []string{"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"}

	rvals = []string{
		"", "0", "1", "-1", "7", "10", "100", "9999", "10000", "123456789",
		"9223372036854775806", "9223372036854775807", "-9223372036854775807", "-9223372036854775808",
		"9223372036854775808", "-9223372036854775809", "3.5", "-0.5", "1e3", "1.5e308", "1e400", "inf", "nan",
		"abc", "hello world", "\x00\xff\x01", "\xff\xff\xff", " 1", "1 ", "01", "+1", "-0", "0x10",
		strings.Repeat("a", 44), strings.Repeat("b", 45), strings.Repeat("xyz", 40),
		"ohmytext", "mynewtext", "\x0f\xf0", "\x80", "foobar", "0.1",
	}

	rincrs = []string{
		"1", "-1", "0", "2", "100", "-100", "9223372036854775807", "-9223372036854775808",
		"9223372036854775806", "-9223372036854775807", "9223372036854775808", "-9223372036854775809",
		"x", "1.5", "", " 1", "+1", "01", "-0", "1e3",
	}

	rfloats = []string{
		"0.1", "-0.1", "1", "-1", "0", "1e3", "-1e3", "1.5e-7", "3.0e3", "2.0e2", "5.0e-3", "1e308", "-1e308",
		"1.7976931348623157e308", "inf", "-inf", "+inf", "nan", "0x10", "1e-320", "5e-324", "1.", ".5", "-.5",
		"5e", "1_0", "", " 1", "1 ", "-0", "123456789012345678901234567890", "0.3333333333333333", "1e17",
		"2.5", "10.5", "99999999999999999999.5", "1e-17", "0.2", "0.7", "1e19", "9007199254740993", "abc",
		"4.9e-324", "1e-5", "3", "0.30000000000000004",
	}

	// string indexes for GETRANGE, BITCOUNT, BITPOS
	rindexes = []string{
		"0", "1", "2", "3", "5", "10", "44", "100", "-1", "-2", "-5", "-10", "-100", "-1000",
		"9223372036854775807", "-9223372036854775808", "4294967296", "2147483648", "-2147483649", "x", "1.0",
	}

	rpatterns = []string{"*", "k*", "k?", "k[0-3]", "k[^0]", "?", "nokey", "[", "k\\*", "*[", "k[1-", "K*", "*7"}
)

func newCmdGen(seed uint64, proto int) *cmdGen {
	r := rand.New(rand.NewPCG(seed, uint64(proto)))
	g := &cmdGen{r: r, proto: proto, ttl: ttlGen{r: r, base: time.Now().Unix()}}
	add := func(w int, fn func() step) {
		g.gens = append(g.gens, weighted{w, fn})
		g.total += w
	}
	// strings
	add(6, g.genGet)
	add(10, g.genSet)
	add(2, g.genSetNX)
	add(2, g.genSetEX)
	add(2, g.genGetSetDel)
	add(3, g.genGetEx)
	add(3, g.genMGet)
	add(3, g.genMSet)
	add(8, g.genCounter)
	add(5, g.genIncrByFloat)
	add(4, g.genAppend)
	add(4, g.genRange)
	add(4, g.genSetRange)
	add(2, g.genLCS)
	// bitmaps
	add(5, g.genSetBit)
	add(3, g.genGetBit)
	add(4, g.genBitCount)
	add(4, g.genBitPos)
	add(3, g.genBitOp)
	add(6, g.genBitField)
	// keyspace
	add(3, g.genDel)
	add(3, g.genExists)
	add(2, g.genType)
	add(3, g.genRename)
	add(3, g.genCopy)
	add(2, g.genMove)
	add(1, g.genSwapDB)
	add(8, g.genExpire)
	add(6, g.genTTL)
	add(2, g.genPersist)
	add(3, g.genObject)
	add(1, g.genDBSize)
	add(2, g.genKeys)
	add(2, g.genScan)
	add(1, g.genRandomKey)
	add(1, g.genFlush)
	add(3, g.genSelect)
	for _, fg := range familyGens {
		fg(g, add)
	}
	// connection and server
	add(2, g.genConn)
	add(1, g.genClient)
	add(1, g.genBadCommand)
	return g
}

func (g *cmdGen) next() step {
	n := g.r.IntN(g.total)
	for _, w := range g.gens {
		if n < w.w {
			st := w.fn()
			return st
		}
		n -= w.w
	}
	panic("unreachable")
}

func (g *cmdGen) key() string { return rkeys[g.r.IntN(len(rkeys))] }
func (g *cmdGen) val() string { return rvals[g.r.IntN(len(rvals))] }
func (g *cmdGen) chance(n int) bool {
	return g.r.IntN(n) == 0
}

// name returns a command name in a random case.
func (g *cmdGen) name(s string) string {
	switch g.r.IntN(6) {
	case 0:
		return strings.ToLower(s)
	case 1:
		b := []byte(strings.ToLower(s))
		for i := range b {
			if g.r.IntN(2) == 0 && b[i] >= 'a' && b[i] <= 'z' {
				b[i] -= 'a' - 'A'
			}
		}
		return string(b)
	}
	return s
}

// junk are replacement arguments that never parse as a small positive
// integer, so a mutated TTL cannot make a key expire during the run.
var junk = []string{"x", "", "-", "1.5", "99999999999999999999", "-99999999999999999999", "0x10", " 1", "1 ",
	"+", "NaN", "\x00", "BADOPT", "-9223372036854775809", "9223372036854775808"}

// mutate sometimes breaks a command: wrong arity, an extra argument, a bad
// argument. Argument 0 (the name) and 1 (usually the key) are kept.
func (g *cmdGen) mutate(args []string) []string {
	if g.r.IntN(10) != 0 {
		return args
	}
	args = slices.Clone(args)
	switch g.r.IntN(3) {
	case 0:
		if len(args) > 1 {
			args = args[:1+g.r.IntN(len(args)-1)]
		}
	case 1:
		args = append(args, pick(g.r, junk...))
	case 2:
		if len(args) > 2 {
			args[2+g.r.IntN(len(args)-2)] = pick(g.r, junk...)
		} else {
			args = append(args, pick(g.r, junk...))
		}
	}
	return args
}

func (g *cmdGen) plain(args ...string) step { return step{args: g.mutate(args)} }

// ---- strings ----

func (g *cmdGen) genGet() step { return g.plain(g.name("GET"), g.key()) }

// setExpiry returns one SET/GETEX expiry option with its argument.
func (g *cmdGen) setExpiry() []string {
	switch g.r.IntN(5) {
	case 0:
		return []string{g.name("EX"), g.ttl.relSec()}
	case 1:
		return []string{g.name("PX"), g.ttl.relMs()}
	case 2:
		return []string{g.name("EXAT"), g.ttl.absSec()}
	case 3:
		return []string{g.name("PXAT"), g.ttl.absMs()}
	}
	return []string{g.name("KEEPTTL")}
}

func (g *cmdGen) genSet() step {
	args := []string{g.name("SET"), g.key(), g.val()}
	var opts [][]string
	if g.chance(3) {
		opts = append(opts, []string{pick(g.r, "NX", "XX", "nx", "xx")})
		if g.chance(15) {
			opts = append(opts, []string{pick(g.r, "NX", "XX")})
		}
	}
	if g.chance(3) {
		opts = append(opts, []string{pick(g.r, "GET", "get")})
	}
	if g.chance(2) {
		opts = append(opts, g.setExpiry())
		if g.chance(15) {
			opts = append(opts, g.setExpiry())
		}
	}
	if g.chance(30) {
		opts = append(opts, []string{pick(g.r, "PERSIST", "FOO", "EX", "PX")})
	}
	g.r.Shuffle(len(opts), func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
	for _, o := range opts {
		args = append(args, o...)
		if strings.EqualFold(o[0], "EXAT") || strings.EqualFold(o[0], "PXAT") {
			g.lingering = true
		}
	}
	return g.plain(args...)
}

func (g *cmdGen) genSetNX() step { return g.plain(g.name("SETNX"), g.key(), g.val()) }

func (g *cmdGen) genSetEX() step {
	if g.chance(2) {
		return g.plain(g.name("SETEX"), g.key(), g.ttl.relSec(), g.val())
	}
	return g.plain(g.name("PSETEX"), g.key(), g.ttl.relMs(), g.val())
}

func (g *cmdGen) genGetSetDel() step {
	if g.chance(2) {
		return g.plain(g.name("GETSET"), g.key(), g.val())
	}
	return g.plain(g.name("GETDEL"), g.key())
}

func (g *cmdGen) genGetEx() step {
	args := []string{g.name("GETEX"), g.key()}
	switch g.r.IntN(6) {
	case 0:
	case 1:
		args = append(args, g.name("PERSIST"))
	default:
		o := g.setExpiry()
		if o[0] == "KEEPTTL" || o[0] == "keepttl" {
			o = []string{"KEEPTTL"} // a syntax error for GETEX
		}
		args = append(args, o...)
	}
	if g.chance(15) {
		args = append(args, pick(g.r, "PERSIST", "EX", "FOO")) // option combos
	}
	return g.plain(args...)
}

func (g *cmdGen) keys(min, max int) []string {
	n := min + g.r.IntN(max-min+1)
	ks := make([]string, n)
	for i := range ks {
		ks[i] = g.key()
	}
	return ks
}

// wide is n, or one time in eight 40: enough keys for a multi-key
// command to span more than one batch of its overlapped lookups
// (htable.FindEach looks up 16 at a time), the shared keys repeating.
func (g *cmdGen) wide(n int) int {
	if g.r.IntN(8) == 0 {
		return 40
	}
	return n
}

func (g *cmdGen) genMGet() step {
	return g.plain(append([]string{g.name("MGET")}, g.keys(1, g.wide(5))...)...)
}

func (g *cmdGen) genMSet() step {
	args := []string{g.name(pick(g.r, "MSET", "MSET", "MSETNX"))}
	for range 1 + g.r.IntN(g.wide(3)) {
		args = append(args, g.key(), g.val())
	}
	return g.plain(args...)
}

func (g *cmdGen) genCounter() step {
	switch g.r.IntN(4) {
	case 0:
		return g.plain(g.name("INCR"), g.key())
	case 1:
		return g.plain(g.name("DECR"), g.key())
	case 2:
		return g.plain(g.name("INCRBY"), g.key(), pick(g.r, rincrs...))
	}
	return g.plain(g.name("DECRBY"), g.key(), pick(g.r, rincrs...))
}

func (g *cmdGen) genIncrByFloat() step {
	return g.plain(g.name("INCRBYFLOAT"), g.key(), pick(g.r, rfloats...))
}

func (g *cmdGen) genAppend() step {
	if g.chance(3) {
		return g.plain(g.name("STRLEN"), g.key())
	}
	v := g.val()
	if len(v) > 12 {
		v = v[:12]
	}
	return g.plain(g.name("APPEND"), g.key(), v)
}

func (g *cmdGen) genRange() step {
	return g.plain(g.name(pick(g.r, "GETRANGE", "GETRANGE", "SUBSTR")), g.key(), pick(g.r, rindexes...), pick(g.r, rindexes...))
}

func (g *cmdGen) genSetRange() step {
	v := g.val()
	if len(v) > 20 {
		v = v[:20]
	}
	var off string
	switch g.r.IntN(8) {
	case 0:
		// Out of range, or at the edge with an empty value (no allocation).
		off = pick(g.r, "-1", "536870912", "9223372036854775807", "x", "-9223372036854775808")
		if g.chance(2) {
			// Not mutated: a mutated value would allocate 512MB.
			return step{args: []string{g.name("SETRANGE"), g.key(), pick(g.r, "536870911", "536870912", "536870000"), ""}}
		}
	default:
		off = strconv.Itoa(g.r.IntN(300))
	}
	return g.plain(g.name("SETRANGE"), g.key(), off, v)
}

func (g *cmdGen) genLCS() step {
	a, b := g.key(), g.key()
	args := []string{g.name("LCS"), a, b}
	switch g.r.IntN(6) {
	case 0:
		args = append(args, g.name("LEN"))
	case 1:
		args = append(args, g.name("IDX"))
	case 2:
		args = append(args, g.name("IDX"), g.name("WITHMATCHLEN"))
	case 3:
		args = append(args, g.name("IDX"), g.name("MINMATCHLEN"), pick(g.r, "0", "1", "2", "4", "-1", "x", "9223372036854775807"))
		if g.chance(2) {
			args = append(args, g.name("WITHMATCHLEN"))
		}
	case 4:
		args = append(args, pick(g.r, "LEN", "IDX", "FOO", "MINMATCHLEN"), pick(g.r, "LEN", "IDX", "WITHMATCHLEN", "3"))
	}
	return step{args: g.mutate(args), lcs: []string{a, b}}
}

// ---- bitmaps ----

func (g *cmdGen) bitOffset(read bool) string {
	switch g.r.IntN(10) {
	case 0:
		if read {
			return pick(g.r, "4294967295", "4294967296", "-1", "x", "9223372036854775807", "1.5")
		}
		return pick(g.r, "4294967296", "-1", "x", "9223372036854775807", "1.5", "")
	case 1, 2:
		return strconv.Itoa(g.r.IntN(2400))
	}
	return strconv.Itoa(g.r.IntN(100))
}

func (g *cmdGen) genSetBit() step {
	bit := "1"
	switch g.r.IntN(8) {
	case 0, 1, 2:
		bit = "0"
	case 3:
		bit = pick(g.r, "2", "-1", "x", "", "01", "10")
	}
	return g.plain(g.name("SETBIT"), g.key(), g.bitOffset(false), bit)
}

func (g *cmdGen) genGetBit() step { return g.plain(g.name("GETBIT"), g.key(), g.bitOffset(true)) }

func (g *cmdGen) unit() string { return pick(g.r, "BYTE", "BIT", "byte", "bit", "BOTH") }

func (g *cmdGen) genBitCount() step {
	args := []string{g.name("BITCOUNT"), g.key()}
	switch g.r.IntN(5) {
	case 0:
	case 1:
		args = append(args, pick(g.r, rindexes...))
	default:
		args = append(args, pick(g.r, rindexes...), pick(g.r, rindexes...))
		if g.chance(2) {
			args = append(args, g.unit())
		}
	}
	return g.plain(args...)
}

func (g *cmdGen) genBitPos() step {
	args := []string{g.name("BITPOS"), g.key(), pick(g.r, "0", "1", "0", "1", "2", "x")}
	switch g.r.IntN(4) {
	case 1:
		args = append(args, pick(g.r, rindexes...))
	case 2, 3:
		args = append(args, pick(g.r, rindexes...), pick(g.r, rindexes...))
		if g.chance(2) {
			args = append(args, g.unit())
		}
	}
	return g.plain(args...)
}

func (g *cmdGen) genBitOp() step {
	op := pick(g.r, "AND", "OR", "XOR", "NOT", "and", "Not", "NAND")
	args := []string{g.name("BITOP"), op, g.key()}
	n := 1 + g.r.IntN(3)
	if strings.EqualFold(op, "not") && !g.chance(5) {
		n = 1
	}
	args = append(args, g.keys(n, n)...)
	return g.plain(args...)
}

func (g *cmdGen) bfType() string {
	if g.chance(12) {
		return pick(g.r, "u64", "i65", "i0", "u0", "x8", "8", "", "I8", "U8")
	}
	if g.chance(2) {
		return "u" + strconv.Itoa(1+g.r.IntN(63))
	}
	return "i" + strconv.Itoa(1+g.r.IntN(64))
}

func (g *cmdGen) bfOffset(read bool) string {
	switch g.r.IntN(8) {
	case 0:
		return "#" + strconv.Itoa(g.r.IntN(40))
	case 1:
		if read {
			return pick(g.r, "4294967295", "4294967296", "-1", "#-1", "x", "#", "#x")
		}
		return pick(g.r, "4294967296", "-1", "#-1", "x", "#", "#99999999999")
	}
	return strconv.Itoa(g.r.IntN(300))
}

func (g *cmdGen) bfValue() string {
	switch g.r.IntN(4) {
	case 0:
		return pick(g.r, "9223372036854775807", "-9223372036854775808", "9223372036854775808", "x", "1.5", "")
	case 1:
		return strconv.FormatInt(int64(g.r.Uint64()), 10)
	}
	return strconv.Itoa(g.r.IntN(600) - 300)
}

func (g *cmdGen) genBitField() step {
	ro := g.chance(5)
	args := []string{g.name("BITFIELD"), g.key()}
	if ro {
		args[0] = g.name("BITFIELD_RO")
	}
	for range g.r.IntN(4) {
		switch op := g.r.IntN(10); {
		case op < 3 || ro && op < 9:
			args = append(args, g.name("GET"), g.bfType(), g.bfOffset(true))
		case op < 5:
			args = append(args, g.name("SET"), g.bfType(), g.bfOffset(false), g.bfValue())
		case op < 8:
			args = append(args, g.name("INCRBY"), g.bfType(), g.bfOffset(false), g.bfValue())
		case op < 9:
			args = append(args, g.name("OVERFLOW"), pick(g.r, "WRAP", "SAT", "FAIL", "sat", "fail", "BAD"))
		default:
			args = append(args, pick(g.r, "FOO", "SET", "OVERFLOW", "INCRBY"))
		}
	}
	return g.plain(args...)
}

// ---- keyspace ----

func (g *cmdGen) genDel() step {
	return g.plain(append([]string{g.name(pick(g.r, "DEL", "UNLINK"))}, g.keys(1, g.wide(3))...)...)
}

func (g *cmdGen) genExists() step {
	return g.plain(append([]string{g.name(pick(g.r, "EXISTS", "EXISTS", "TOUCH"))}, g.keys(1, g.wide(4))...)...)
}

func (g *cmdGen) genType() step { return g.plain(g.name("TYPE"), g.key()) }

func (g *cmdGen) genRename() step {
	return g.plain(g.name(pick(g.r, "RENAME", "RENAMENX")), g.key(), g.key())
}

func (g *cmdGen) dbArg() string {
	if g.chance(8) {
		return pick(g.r, "16", "-1", "x", "", "99999999999", "1.0")
	}
	return pick(g.r, "0", "1", "1", "2", "15")
}

func (g *cmdGen) genCopy() step {
	args := []string{g.name("COPY"), g.key(), g.key()}
	var opts [][]string
	if g.chance(2) {
		opts = append(opts, []string{g.name("DB"), g.dbArg()})
	}
	if g.chance(2) {
		opts = append(opts, []string{g.name("REPLACE")})
	}
	if g.chance(15) {
		opts = append(opts, []string{pick(g.r, "FOO", "DB", "REPLACE")})
	}
	g.r.Shuffle(len(opts), func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
	for _, o := range opts {
		args = append(args, o...)
	}
	return g.plain(args...)
}

func (g *cmdGen) genMove() step { return g.plain(g.name("MOVE"), g.key(), g.dbArg()) }

func (g *cmdGen) genSwapDB() step { return g.plain(g.name("SWAPDB"), g.dbArg(), g.dbArg()) }

func (g *cmdGen) genExpire() step {
	var args []string
	switch g.r.IntN(4) {
	case 0:
		args = []string{g.name("EXPIRE"), g.key(), g.ttl.relSec()}
	case 1:
		args = []string{g.name("PEXPIRE"), g.key(), g.ttl.relMs()}
	case 2:
		args = []string{g.name("EXPIREAT"), g.key(), g.ttl.absSec()}
	default:
		args = []string{g.name("PEXPIREAT"), g.key(), g.ttl.absMs()}
	}
	if g.chance(2) {
		args = append(args, pick(g.r, "NX", "XX", "GT", "LT", "nx", "gt"))
		if g.chance(8) {
			args = append(args, pick(g.r, "NX", "XX", "GT", "LT", "FOO"))
		}
	}
	return g.plain(args...)
}

var (
	ttlSec = redistest.IntWithin(1)
	ttlMs  = redistest.IntWithin(50)
)

func (g *cmdGen) genTTL() step {
	switch g.r.IntN(4) {
	case 0:
		return step{args: g.mutate([]string{g.name("TTL"), g.key()}), norm: ttlSec}
	case 1:
		return step{args: g.mutate([]string{g.name("PTTL"), g.key()}), norm: ttlMs}
	case 2:
		return step{args: g.mutate([]string{g.name("EXPIRETIME"), g.key()}), norm: ttlSec}
	}
	return step{args: g.mutate([]string{g.name("PEXPIRETIME"), g.key()}), norm: ttlMs}
}

func (g *cmdGen) genPersist() step { return g.plain(g.name("PERSIST"), g.key()) }

func (g *cmdGen) genObject() step {
	obj := g.name("OBJECT")
	switch g.r.IntN(10) {
	case 0:
		return step{args: g.mutate([]string{obj, g.name("IDLETIME"), g.key()}), norm: redistest.Shape}
	case 1:
		return g.plain(obj, g.name("FREQ"), g.key())
	case 2:
		return g.plain(obj, pick(g.r, "HELP", "help", "FOO", "ENCODING"))
	case 3, 4:
		return g.plain(obj, g.name("REFCOUNT"), g.key())
	}
	return g.plain(obj, g.name("ENCODING"), g.key())
}

func (g *cmdGen) genDBSize() step { return g.dbsize(g.plain(g.name("DBSIZE"))) }

// dbsize prepares a DBSIZE step. DBSIZE counts keys that have expired but
// were not reclaimed yet, and when that happens depends on each server's
// active expiry timer (and, in Redis, also on reads, which reclaim while
// the Store's read paths do not: see the package doc). So when a key may
// be in that state, a no-op write to every key (which reclaims an expired
// key on both sides) comes first.
func (g *cmdGen) dbsize(st step) step {
	if g.lingering {
		for _, k := range rkeys {
			st.pre = append(st.pre, []string{"SETRANGE", k, "0", ""})
		}
	}
	return st
}

// sortedKeys sorts a KEYS reply, and the key list of a SCAN reply.
var sortedKeys = redistest.Each(func(v redistest.Value) redistest.Value {
	sortByEncoding := func(vs []redistest.Value) {
		slices.SortFunc(vs, func(a, b redistest.Value) int { return strings.Compare(string(a.Encode()), string(b.Encode())) })
	}
	switch {
	case v.Kind == '*' && len(v.Elems) == 2 && v.Elems[1].Kind == '*' && v.Elems[0].Kind == '$':
		sortByEncoding(v.Elems[1].Elems) // SCAN: [cursor, keys]
	case v.Kind == '*' || v.Kind == '~':
		sortByEncoding(v.Elems)
	}
	return v
})

func (g *cmdGen) genKeys() step {
	return step{args: g.mutate([]string{g.name("KEYS"), pick(g.r, rpatterns...)}), norm: sortedKeys}
}

func (g *cmdGen) genScan() step {
	// Always one full pass (COUNT 1000 over a handful of keys), so the
	// cursor is 0 on both sides and only the order of the keys differs.
	args := []string{g.name("SCAN"), "0"}
	if g.chance(2) {
		args = append(args, g.name("MATCH"), pick(g.r, rpatterns...))
	}
	var st step
	if g.chance(3) {
		typ := pick(g.r, "string", "STRING", "hash", "list", "set", "zset", "stream", "none", "foo")
		args = append(args, g.name("TYPE"), typ)
		if typ == "none" {
			// Redis's SCAN ... TYPE none returns a key that has expired
			// but is not reclaimed yet (its type lookup reclaims it, and
			// then nothing filters it out): reclaim such keys first, as
			// for DBSIZE.
			st = g.dbsize(st)
		}
	}
	args = append(args, g.name("COUNT"), "1000")
	if g.chance(15) {
		// Bad cursors only: where a valid non-zero cursor resumes depends
		// on each implementation's hash table.
		args = []string{"SCAN", pick(g.r, "x", "18446744073709551616", " 0", "1.5", ""), "COUNT", "1000"}
	} else if g.chance(15) {
		args = append(args, pick(g.r, "COUNT", "MATCH", "TYPE", "FOO", "NOVALUES"))
	}
	st.args, st.norm = args, sortedKeys
	return st
}

func (g *cmdGen) genRandomKey() step {
	return step{args: g.mutate([]string{g.name("RANDOMKEY")}), norm: redistest.Shape}
}

func (g *cmdGen) genFlush() step {
	// Rare: FLUSHDB one time in ten of a weight-1 generator.
	if !g.chance(10) {
		return g.dbsize(g.plain(g.name("DBSIZE")))
	}
	args := []string{g.name(pick(g.r, "FLUSHDB", "FLUSHDB", "FLUSHDB", "FLUSHALL"))}
	if g.chance(2) {
		args = append(args, pick(g.r, "ASYNC", "SYNC", "async", "FOO"))
	}
	return g.plain(args...)
}

func (g *cmdGen) genSelect() step {
	var db string
	switch {
	case g.chance(6):
		db = pick(g.r, "16", "-1", "x", "", "1.0", "99999999999999999999", " 1")
		return step{args: []string{g.name("SELECT"), db}}
	case g.chance(8):
		return step{args: []string{g.name("SELECT")}}
	case g.db != 0:
		db = "0"
		if g.chance(4) {
			db = "1"
		}
	case g.chance(8):
		db = strconv.Itoa(2 + g.r.IntN(14))
	default:
		db = "1"
	}
	g.db, _ = strconv.Atoi(db)
	return step{args: []string{g.name("SELECT"), db}}
}

// ---- connection and server ----

func (g *cmdGen) genConn() step {
	switch g.r.IntN(12) {
	case 0:
		return g.plain(g.name("PING"))
	case 1:
		return g.plain(g.name("PING"), g.val())
	case 2:
		return g.plain(g.name("ECHO"), g.val())
	case 3:
		return step{args: g.mutate([]string{g.name("TIME")}), norm: redistest.Shape}
	case 4:
		// HELLO that keeps the protocol, and HELLO errors.
		args := []string{g.name("HELLO"), strconv.Itoa(g.proto)}
		if g.chance(3) {
			args = append(args, g.name("SETNAME"), pick(g.r, "app", "x-y", "bad name", ""))
		}
		return step{args: args, norm: redistest.HelloNormalizer}
	case 5:
		// Not mutated: a bare HELLO replies with the connection id.
		return step{args: []string{g.name("HELLO"), pick(g.r, "4", "1", "x", "0", "-1", "99999999999999999999")}}
	case 6:
		return step{args: []string{g.name("HELLO"), strconv.Itoa(g.proto), pick(g.r, "FOO", "AUTH", "SETNAME")}}
	case 7:
		return g.plain(g.name("AUTH"), pick(g.r, "x", "default", ""))
	case 8:
		return g.plain(g.name("AUTH"), pick(g.r, "default", "nouser"), pick(g.r, "x", ""), pick(g.r, "y"))
	case 9:
		// RESET goes back to RESP2 and database 0.
		g.db = 0
		st := step{args: []string{g.name("RESET")}}
		if g.proto == 3 {
			st.after = func(d *redistest.Diff) { d.DoNormalized(redistest.HelloNormalizer, "HELLO", "3") }
		}
		return st
	}
	return g.plain(g.name("RESET"), "x")
}

func (g *cmdGen) genClient() step {
	cl := g.name("CLIENT")
	switch g.r.IntN(6) {
	case 0:
		return step{args: g.mutate([]string{cl, g.name("ID")}), norm: redistest.Shape}
	case 1, 2:
		return g.plain(cl, g.name("SETNAME"), pick(g.r, "app", "a-b", "my name", "", "\n", "x"))
	case 3:
		return g.plain(cl, g.name("GETNAME"))
	case 4:
		return g.plain(cl, pick(g.r, "NOSUCH", "help", "HELP"))
	}
	return g.plain(cl)
}

func (g *cmdGen) genBadCommand() step {
	switch g.r.IntN(3) {
	case 0:
		return g.plain(pick(g.r, "NOSUCH", "get2", "GETT", "", " GET"), g.key())
	case 1:
		// COMMAND INFO and DOCS of the commands the Store has in full
		// (not containers such as CLIENT, COMMAND and OBJECT, whose Redis
		// replies list subcommands the Store does not have yet), and
		// COMMAND GETKEYS. Not mutated: a bare COMMAND lists every
		// command of redis-server.
		var names []string
		for range 1 + g.r.IntN(3) {
			c := commandTable[g.r.IntN(len(commandTable))]
			switch {
			case strings.Contains(c.name, "|") || hasSubcommands(c.name):
				names = append(names, "nosuchcmd")
			default:
				names = append(names, g.name(c.name))
			}
		}
		switch g.r.IntN(4) {
		case 0:
			return step{args: append([]string{"COMMAND", "DOCS"}, names...)}
		case 1:
			return step{args: append([]string{"COMMAND", "GETKEYS", names[0]}, g.keys(0, 3)...)}
		case 2:
			return step{args: []string{"COMMAND", pick(g.r, "FOO", "GETKEYS", "INFO"), pick(g.r, "nosuchcmd", "get")}}
		}
		return step{args: append([]string{"COMMAND", "INFO"}, names...)}
	}
	// A command of the table without its arguments: an arity error, or,
	// for the few that take none, their reply when it is deterministic.
	c := commandTable[g.r.IntN(len(commandTable))]
	name := strings.ReplaceAll(c.name, "|", " ")
	if n := len(strings.Fields(name)); c.arity == n || c.arity == -n {
		switch name {
		case "ping", "dbsize", "object help", "client help", "client getname", "flushdb":
		default:
			// Connection-ending (QUIT, RESET, HELLO), nondeterministic
			// (TIME, RANDOMKEY, CLIENT ID/INFO), or a listing of every
			// command of redis-server (COMMAND).
			return g.plain(g.name("ECHO"), name)
		}
	}
	st := step{args: strings.Fields(g.name(name))}
	if name == "dbsize" {
		st = g.dbsize(st)
	}
	return st
}

// TestDiffRandomFindings keeps, as fixed cases, what TestDiffRandom and
// TestDiffMalformedProtocol found, so each stays checked whatever seed
// runs.
func TestDiffRandomFindings(t *testing.T) {
	runCases(t, [][]string{
		// SETRANGE at an offset where offset+len overflows int64 (a panic).
		{"SET", "k", "abc"}, {"SETRANGE", "k", "9223372036854775807", "inf"}, {"SETRANGE", "new", "9223372036854775807", "x"},
		{"SETRANGE", "k", "9223372036854775800", "abcdefgh"}, {"GET", "k"},
		// EXPIRETIME rounds (when+500)/1000 without overflowing.
		{"PEXPIREAT", "k", "9223372036854775807"}, {"EXPIRETIME", "k"}, {"PEXPIRETIME", "k"},
		{"PEXPIREAT", "k", "9223372036854775300"}, {"EXPIRETIME", "k"}, {"PEXPIREAT", "k", "9223372036854775499"}, {"EXPIRETIME", "k"},
		{"PEXPIREAT", "k", "9223372036854775500"}, {"EXPIRETIME", "k"}, {"SET", "k2", "v", "PXAT", "9223372036854775807"}, {"EXPIRETIME", "k2"},
		// Redis formats error arguments with %s: a NUL ends them.
		{"EXPIREAT", "k", "100", "\x00"}, {"EXPIRE", "k", "100", "a\x00b"}, {"PI\x00G"}, {"SET", "k", "v", "E\x00X", "1"},
		// Encoding and refcount of computed and copied integers.
		{"INCRBYFLOAT", "f", "5"}, {"OBJECT", "ENCODING", "f"}, {"OBJECT", "REFCOUNT", "f"},
		{"SET", "g", "1.5"}, {"INCRBYFLOAT", "g", "1.5"}, {"OBJECT", "ENCODING", "g"}, {"OBJECT", "REFCOUNT", "g"},
		{"SET", "c", "10"}, {"COPY", "c", "c2"}, {"OBJECT", "ENCODING", "c2"}, {"OBJECT", "REFCOUNT", "c2"}, {"OBJECT", "REFCOUNT", "c"},
		{"SET", "d", "123456"}, {"COPY", "d", "d2", "DB", "1"}, {"SELECT", "1"}, {"OBJECT", "ENCODING", "d2"}, {"OBJECT", "REFCOUNT", "d2"},
		{"SELECT", "0"},
		// Help and introspection.
		{"CLIENT", "HELP"}, {"OBJECT", "HELP"}, {"COMMAND", "INFO", "get", "set", "mset", "bitop", "lcs", "copy"},
	})
}

// hasSubcommands reports whether the table declares subcommands of name.
func hasSubcommands(name string) bool {
	for _, c := range commandTable {
		if strings.HasPrefix(c.name, name+"|") {
			return true
		}
	}
	return false
}
