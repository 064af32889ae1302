package resp

import (
	"strconv"
	"strings"
)

// Kind is one RESP type, named by its type byte.
type Kind byte

// The RESP2 and RESP3 types.
const (
	SimpleString Kind = '+'
	Error        Kind = '-'
	Integer      Kind = ':'
	BulkString   Kind = '$'
	Array        Kind = '*'
	Null         Kind = '_'
	Double       Kind = ','
	Boolean      Kind = '#'
	BigNumber    Kind = '('
	BulkError    Kind = '!'
	Verbatim     Kind = '='
	Map          Kind = '%'
	Set          Kind = '~'
	Attribute    Kind = '|'
	Push         Kind = '>'
)

// String returns the type's name, e.g. "BulkString".
func (k Kind) String() string {
	switch k {
	case SimpleString:
		return "SimpleString"
	case Error:
		return "Error"
	case Integer:
		return "Integer"
	case BulkString:
		return "BulkString"
	case Array:
		return "Array"
	case Null:
		return "Null"
	case Double:
		return "Double"
	case Boolean:
		return "Boolean"
	case BigNumber:
		return "BigNumber"
	case BulkError:
		return "BulkError"
	case Verbatim:
		return "Verbatim"
	case Map:
		return "Map"
	case Set:
		return "Set"
	case Attribute:
		return "Attribute"
	case Push:
		return "Push"
	}
	return "Kind(" + strconv.Quote(string(rune(k))) + ")"
}

// Value is one RESP2 or RESP3 value. Only the fields that belong to Kind are
// meaningful; the others are zero.
type Value struct {
	Kind   Kind
	Str    string  // SimpleString, Error, BulkString, BulkError, BigNumber, Verbatim (text only)
	Format string  // Verbatim's 3-letter format ("txt", "mkd")
	Int    int64   // Integer
	Float  float64 // Double
	Bool   bool    // Boolean
	Elems  []Value // Array, Set, Push; Map and Attribute as key, value, key, value...
	Nil    bool    // RESP2 null bulk ($-1) when Kind==BulkString, null array (*-1) when Kind==Array
}

// IsNull reports whether v is any null: RESP3 Null, RESP2 null bulk or null array.
func (v Value) IsNull() bool {
	return v.Kind == Null || (v.Nil && (v.Kind == BulkString || v.Kind == Array))
}

// Err returns v as an ErrorReply if v is an Error or a BulkError, else nil.
func (v Value) Err() error {
	if v.Kind == Error || v.Kind == BulkError {
		return ErrorReply(v.Str)
	}
	return nil
}

// String formats v the way redis-cli prints a reply, e.g. `"bar"`,
// `(integer) 1`, `(nil)`, `(error) ERR syntax error`, with nested
// aggregates numbered and indented.
func (v Value) String() string {
	var b strings.Builder
	v.format(&b, 0)
	return b.String()
}

func (v Value) format(b *strings.Builder, indent int) {
	switch v.Kind {
	case SimpleString:
		b.WriteString(v.Str)
	case Error, BulkError:
		b.WriteString("(error) ")
		b.WriteString(v.Str)
	case Integer:
		b.WriteString("(integer) ")
		b.WriteString(strconv.FormatInt(v.Int, 10))
	case BulkString:
		if v.Nil {
			b.WriteString("(nil)")
			return
		}
		b.WriteString(quote(v.Str))
	case Null:
		b.WriteString("(nil)")
	case Double:
		b.WriteString("(double) ")
		b.Write(AppendDouble(nil, v.Float))
	case Boolean:
		if v.Bool {
			b.WriteString("(true)")
		} else {
			b.WriteString("(false)")
		}
	case BigNumber:
		b.WriteString("(big number) ")
		b.WriteString(v.Str)
	case Verbatim:
		b.WriteString(v.Str)
	case Array, Set, Push, Map, Attribute:
		if v.Nil {
			b.WriteString("(nil)")
			return
		}
		step := 1
		if v.Kind == Map || v.Kind == Attribute {
			step = 2
		}
		n := len(v.Elems) / step
		if n == 0 {
			switch v.Kind {
			case Map, Attribute:
				b.WriteString("(empty hash)")
			case Set:
				b.WriteString("(empty set)")
			default:
				b.WriteString("(empty array)")
			}
			return
		}
		if v.Kind == Attribute {
			b.WriteString("(attribute) ")
		}
		width := len(strconv.Itoa(n))
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte('\n')
				b.WriteString(strings.Repeat(" ", indent))
			}
			num := strconv.Itoa(i + 1)
			b.WriteString(strings.Repeat(" ", width-len(num)))
			b.WriteString(num)
			sep := ") "
			switch v.Kind {
			case Map, Attribute:
				sep = "# "
			case Set:
				sep = "~ "
			}
			b.WriteString(sep)
			inner := indent + width + 2
			if step == 2 {
				v.Elems[2*i].format(b, inner)
				b.WriteString(" => ")
				v.Elems[2*i+1].format(b, inner)
			} else {
				v.Elems[i].format(b, inner)
			}
		}
	default:
		b.WriteString("(unknown kind ")
		b.WriteString(strconv.Itoa(int(v.Kind)))
		b.WriteByte(')')
	}
}

// quote formats s like redis-cli's sdscatrepr.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '"':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\a':
			b.WriteString(`\a`)
		case '\b':
			b.WriteString(`\b`)
		default:
			if c < 0x20 || c >= 0x7f {
				const hex = "0123456789abcdef"
				b.WriteString(`\x`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&15])
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// ErrorReply is an error reply as a Go error. Its text has no leading '-'
// and no CRLF, e.g. "ERR syntax error" or "WRONGTYPE Operation against a key
// holding the wrong kind of value".
type ErrorReply string

func (e ErrorReply) Error() string { return string(e) }

// Prefix returns the error code, the first word: "ERR", "WRONGTYPE"...
func (e ErrorReply) Prefix() string {
	s := string(e)
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// ProtocolError is malformed RESP. For requests (ParseRequest) its text is
// exactly the error Redis replies with, without the "ERR " code, e.g.
// "Protocol error: invalid bulk length". For replies (Reader, Parse) the text
// starts with "resp: ".
type ProtocolError struct {
	Msg string
}

func (e *ProtocolError) Error() string { return e.Msg }
