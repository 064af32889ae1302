package redistest

import (
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// historyLen is how many earlier commands a mismatch report shows.
const historyLen = 10

// maxReports caps the mismatch reports per Diff (and its forks); further
// mismatches are counted but not printed.
const maxReports = 20

// Diff sends the same commands to a reference (redis-server) and a subject
// and fails the test when their raw replies differ by a single byte.
//
// Its methods must be called from the test's goroutine: an I/O error (a
// closed connection, a missing reply) leaves the two connections out of
// step, so it stops the test with tb.Fatal. A reply mismatch is reported
// with tb.Error and the test goes on, so one run shows every difference.
type Diff struct {
	tb        testing.TB
	ref, sub  *Client
	refDial   func() (net.Conn, error)
	subDial   func() (net.Conn, error)
	proto     int
	label     string
	st        *diffState
	lastWhat  string // description of the last Send, for Read
	forkCount *int
}

type diffState struct {
	mu         sync.Mutex
	history    []string // last historyLen commands, oldest first
	mismatches int
	reported   int
}

// NewDiff connects once to the reference and once to the subject. When
// proto is 3 it sends HELLO 3 on both connections and compares the replies
// (ignoring the connection id and the server version, which differ by
// nature). proto must be 2 or 3. The connections are closed when the test
// ends.
func NewDiff(tb testing.TB, ref, sub func() (net.Conn, error), proto int) *Diff {
	tb.Helper()
	if proto != 2 && proto != 3 {
		tb.Fatalf("redistest: NewDiff: proto must be 2 or 3, not %d", proto)
	}
	n := 1
	d := &Diff{tb: tb, refDial: ref, subDial: sub, proto: proto, st: &diffState{}, forkCount: &n}
	d.ref, d.sub = d.openPair()
	return d
}

func (d *Diff) openPair() (ref, sub *Client) {
	d.tb.Helper()
	rc, err := d.refDial()
	if err != nil {
		d.tb.Fatalf("redistest: dial reference: %v", err)
	}
	sc, err := d.subDial()
	if err != nil {
		rc.Close()
		d.tb.Fatalf("redistest: dial subject: %v", err)
	}
	ref, sub = NewClient(rc), NewClient(sc)
	d.tb.Cleanup(func() {
		ref.Close()
		sub.Close()
	})
	if d.proto == 3 {
		d.compare(ref, sub, []string{"HELLO", "3"}, HelloNormalizer)
	}
	return ref, sub
}

// Ref and Sub return the raw clients of the main connection pair, for
// steps that must not be compared (setup that only one side needs, or
// reading replies whose timing differs).
func (d *Diff) Ref() *Client { return d.ref }

// Sub returns the subject's client of the main connection pair.
func (d *Diff) Sub() *Client { return d.sub }

// Conns opens another connection pair (with HELLO 3 compared first when the
// Diff speaks RESP3) and returns its raw clients, closed when the test
// ends. Use [Diff.Fork] to drive the new pair with comparisons.
func (d *Diff) Conns() (ref, sub *Client) {
	d.tb.Helper()
	return d.openPair()
}

// Fork opens another connection pair and returns a Diff over it that
// shares this Diff's mismatch count and command history, for tests of
// blocking commands, MULTI/WATCH, pub/sub and client state.
func (d *Diff) Fork() *Diff {
	d.tb.Helper()
	*d.forkCount++
	f := &Diff{
		tb: d.tb, refDial: d.refDial, subDial: d.subDial, proto: d.proto,
		st: d.st, forkCount: d.forkCount, label: "conn" + strconv.Itoa(*d.forkCount),
	}
	if d.label == "" {
		d.label = "conn1"
	}
	f.ref, f.sub = f.openPair()
	return f
}

// Mismatches returns how many replies have differed so far, across this
// Diff and its forks.
func (d *Diff) Mismatches() int {
	d.st.mu.Lock()
	defer d.st.mu.Unlock()
	return d.st.mismatches
}

// Do sends args to both sides, compares the replies byte for byte and
// returns the reference's reply.
func (d *Diff) Do(args ...string) []byte {
	d.tb.Helper()
	return d.compare(d.ref, d.sub, args, nil)
}

// DoNormalized is Do with both replies passed through fn before they are
// compared, for replies that legitimately differ (a PTTL a millisecond
// apart, a set's order). It returns the reference's raw reply.
func (d *Diff) DoNormalized(fn Normalizer, args ...string) []byte {
	d.tb.Helper()
	return d.compare(d.ref, d.sub, args, fn)
}

// Send writes raw bytes to both sides without reading: a pipeline,
// an inline command or malformed input. Read the replies with [Diff.Read].
func (d *Diff) Send(raw []byte) {
	d.tb.Helper()
	what := "raw " + truncQuote(raw, 120)
	d.record(what)
	d.lastWhat = what
	if err := d.ref.Send(raw); err != nil {
		d.tb.Fatalf("redistest: %s: send to reference: %v", d.describe(what), err)
	}
	if err := d.sub.Send(raw); err != nil {
		d.tb.Fatalf("redistest: %s: send to subject: %v", d.describe(what), err)
	}
}

// Read reads one reply from each side and compares them. It returns the
// reference's reply.
func (d *Diff) Read() []byte {
	d.tb.Helper()
	return d.ReadNormalized(nil)
}

// ReadNormalized is Read with a normaliser.
func (d *Diff) ReadNormalized(fn Normalizer) []byte {
	d.tb.Helper()
	what := "reply to " + d.lastWhat
	if d.lastWhat == "" {
		what = "unsolicited reply"
	}
	return d.readCompare(d.ref, d.sub, what, fn)
}

// Compare reports a mismatch between two replies obtained some other way
// (for example through [Diff.Conns]). what names the command for the
// report. It returns whether the replies were equal.
func (d *Diff) Compare(what string, ref, sub []byte) bool {
	d.tb.Helper()
	d.record(what)
	return d.check(what, ref, sub, nil)
}

func (d *Diff) compare(ref, sub *Client, args []string, fn Normalizer) []byte {
	d.tb.Helper()
	what := FormatCommand(args...)
	d.record(what)
	d.lastWhat = what
	raw := EncodeCommand(args...)
	if err := ref.Send(raw); err != nil {
		d.tb.Fatalf("redistest: %s: send to reference: %v", d.describe(what), err)
	}
	if err := sub.Send(raw); err != nil {
		d.tb.Fatalf("redistest: %s: send to subject: %v", d.describe(what), err)
	}
	return d.readCompare(ref, sub, what, fn)
}

func (d *Diff) readCompare(ref, sub *Client, what string, fn Normalizer) []byte {
	d.tb.Helper()
	r, rerr := ref.ReadRaw()
	s, serr := sub.ReadRaw()
	if rerr != nil || serr != nil {
		var b strings.Builder
		fmt.Fprintf(&b, "redistest: %s: the connections are out of step\n", d.describe(what))
		writeSide(&b, "redis-server", r, rerr)
		writeSide(&b, "subject     ", s, serr)
		d.writeHistory(&b)
		d.tb.Fatal(b.String())
	}
	d.check(what, r, s, fn)
	return r
}

func writeSide(b *strings.Builder, name string, raw []byte, err error) {
	if err != nil {
		fmt.Fprintf(b, "  %s: error: %v\n", name, err)
	} else {
		fmt.Fprintf(b, "  %s: %q\n", name, raw)
	}
}

func (d *Diff) check(what string, r, s []byte, fn Normalizer) bool {
	d.tb.Helper()
	nr, ns := r, s
	if fn != nil {
		nr, ns = fn(r, s)
	}
	if string(nr) == string(ns) {
		return true
	}
	d.st.mu.Lock()
	d.st.mismatches++
	n := d.st.mismatches
	d.st.reported++
	report := d.st.reported
	d.st.mu.Unlock()
	switch {
	case report > maxReports+1:
		return false
	case report == maxReports+1:
		d.tb.Errorf("redistest: more than %d mismatches; further ones are counted but not shown", maxReports)
		return false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "redistest: reply mismatch #%d\n  command:      %s\n", n, d.describe(what))
	writeReplies(&b, r, s)
	if fn != nil {
		fmt.Fprintf(&b, "  after normalisation:\n")
		writeReplies(&b, nr, ns)
	}
	if n == 1 {
		d.writeHistory(&b)
	}
	d.tb.Error(b.String())
	return false
}

// writeReplies prints both raw replies quoted, a readable rendering, and
// where they first differ. Long replies are cut around the difference.
func writeReplies(b *strings.Builder, r, s []byte) {
	at := 0
	for at < len(r) && at < len(s) && r[at] == s[at] {
		at++
	}
	const window = 300
	if len(r) <= 2*window && len(s) <= 2*window {
		fmt.Fprintf(b, "  redis-server: %q\n  subject:      %q\n", r, s)
	} else {
		lo := max(0, at-window/2)
		fmt.Fprintf(b, "  redis-server: (%d bytes) ...%q...\n", len(r), r[lo:min(len(r), at+window)])
		fmt.Fprintf(b, "  subject:      (%d bytes) ...%q...\n", len(s), s[lo:min(len(s), at+window)])
	}
	fmt.Fprintf(b, "  first difference at byte %d\n", at)
	if rv, err := Parse(r); err == nil {
		fmt.Fprintf(b, "  redis-server reads as: %s\n", truncate(rv.String(), 400))
	}
	if sv, err := Parse(s); err == nil {
		fmt.Fprintf(b, "  subject reads as:      %s\n", truncate(sv.String(), 400))
	}
}

func (d *Diff) describe(what string) string {
	if d.label != "" {
		return "[" + d.label + "] " + what
	}
	return what
}

func (d *Diff) record(what string) {
	d.st.mu.Lock()
	defer d.st.mu.Unlock()
	if len(d.st.history) == historyLen+1 {
		copy(d.st.history, d.st.history[1:])
		d.st.history = d.st.history[:historyLen]
	}
	d.st.history = append(d.st.history, d.describe(what))
}

// writeHistory prints the commands before the current one (the last entry
// of the history is the current command).
func (d *Diff) writeHistory(b *strings.Builder) {
	d.st.mu.Lock()
	defer d.st.mu.Unlock()
	h := d.st.history
	if len(h) > 0 {
		h = h[:len(h)-1]
	}
	if len(h) == 0 {
		b.WriteString("  (no earlier commands)\n")
		return
	}
	fmt.Fprintf(b, "  the %d commands before it, oldest first:\n", len(h))
	for _, c := range h {
		fmt.Fprintf(b, "    %s\n", c)
	}
}

// FormatCommand renders a command for humans: plain arguments as they are,
// anything else quoted, long arguments cut.
func FormatCommand(args ...string) string {
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteByte(' ')
		}
		if plain(a) && len(a) <= 64 {
			b.WriteString(a)
		} else {
			b.WriteString(truncQuote([]byte(a), 64))
		}
	}
	return b.String()
}

func plain(a string) bool {
	if a == "" {
		return false
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
			c == ':' || c == '_' || c == '-' || c == '.' || c == '*' || c == '+' || c == '/') {
			return false
		}
	}
	return true
}

func truncQuote(b []byte, n int) string {
	if len(b) <= n {
		return strconv.Quote(string(b))
	}
	return fmt.Sprintf("%s...(%d bytes)", strconv.Quote(string(b[:n])), len(b))
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}
