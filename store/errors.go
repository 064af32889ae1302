package store

import (
	"errors"

	"github.com/embedis/embedis/resp"
)

// ErrNil reports a missing key or value (a RESP null reply): GET of a key
// that does not exist, SET NX that did not set, and so on.
var ErrNil = errors.New("embedis: nil")

// Redis's error replies, as sentinel errors whose Error() is the exact text
// redis-server sends (without the leading '-').
var (
	ErrWrongType       = resp.ErrorReply("WRONGTYPE Operation against a key holding the wrong kind of value")
	ErrNotInteger      = resp.ErrorReply("ERR value is not an integer or out of range")
	ErrNotFloat        = resp.ErrorReply("ERR value is not a valid float")
	ErrSyntax          = resp.ErrorReply("ERR syntax error")
	ErrNoSuchKey       = resp.ErrorReply("ERR no such key")
	ErrOverflow        = resp.ErrorReply("ERR increment or decrement would overflow")
	ErrNaNOrInf        = resp.ErrorReply("ERR increment would produce NaN or Infinity")
	ErrDBIndex         = resp.ErrorReply("ERR DB index is out of range")
	ErrInvalidExpire   = resp.ErrorReply("ERR invalid expire time in 'set' command")
	ErrStringTooBig    = resp.ErrorReply("ERR string exceeds maximum allowed size (proto-max-bulk-len)")
	ErrBitOffset       = resp.ErrorReply("ERR bit offset is not an integer or out of range")
	ErrBitValue        = resp.ErrorReply("ERR bit is not an integer or out of range")
	ErrOutOfRange      = resp.ErrorReply("ERR offset is out of range")
	ErrSameObject      = resp.ErrorReply("ERR source and destination objects are the same")
	ErrNoAuth          = resp.ErrorReply("NOAUTH Authentication required.")
	ErrWrongPass       = resp.ErrorReply("WRONGPASS invalid username-password pair or user is disabled.")
	ErrDecrOverflow    = resp.ErrorReply("ERR decrement would overflow")
	ErrLCSType         = resp.ErrorReply("ERR The specified keys must contain string values")
	ErrBitPosBit       = resp.ErrorReply("ERR The bit argument must be 1 or 0.")
	ErrBitOpNot        = resp.ErrorReply("ERR BITOP NOT must be called with a single source key.")
	ErrBitFieldType    = resp.ErrorReply("ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.")
	ErrBitFieldRO      = resp.ErrorReply("ERR BITFIELD_RO only supports the GET subcommand")
	ErrBitOverflowType = resp.ErrorReply("ERR Invalid OVERFLOW type specified")
	ErrNegativeCount   = resp.ErrorReply("ERR value is out of range, must be positive")
	ErrNumKeys         = resp.ErrorReply("ERR numkeys should be greater than 0")
	ErrLimitNegative   = resp.ErrorReply("ERR LIMIT can't be negative")
	// errRandCountRange and errValueRange are the random-member commands'
	// count limits (HRANDFIELD, SRANDMEMBER, ZRANDMEMBER).
	errRandCountRange = resp.ErrorReply("ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807")
	errValueRange     = resp.ErrorReply("ERR value is out of range")
	ErrCountPositive  = resp.ErrorReply("ERR count should be greater than 0")
)

// maxStringLen is Redis's proto-max-bulk-len, the largest string a command
// may create.
const maxStringLen = 512 << 20
