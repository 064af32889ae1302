// Package redisstr holds Redis 7.0's string algorithms as pure Go
// functions: glob matching, the integer and floating-point number rules,
// bit operations, BITFIELD arithmetic, LCS, and the index and size rules of
// the string commands. Command handlers parse their arguments and call
// these; nothing here knows about keys, types or replies.
//
// Every function reproduces Redis 7.0.15 (x86-64, glibc) byte for byte,
// including its quirks; each doc comment names the C function it mirrors.
// The guarantees, by group:
//
//   - Glob matching (Match) gives stringmatchlen's answer for every
//     pattern and string, in O(len(pattern)*len(s)) time and constant
//     stack.
//   - Integers (ParseInt, IsIntEncodable, FormatInt) accept exactly the
//     strings string2ll accepts, and format as ll2string.
//   - Doubles (ParseDouble, FormatDouble, D2String) accept exactly what
//     string2d accepts (glibc strtod grammar and rounding, with Redis's
//     rejections) and format as printf("%.17g").
//   - Long doubles (LongDouble, ParseLongDouble, Add, FormatHuman) emulate
//     the x87 80-bit long double that INCRBYFLOAT and HINCRBYFLOAT use:
//     strtold's correctly rounded parsing, exponent range and subnormals,
//     round-to-nearest-even addition, and "%.17Lf" output trimmed as
//     ld2string's LD_STR_HUMAN mode does, so stored values are identical.
//     The one known difference: glibc's strtold misrounds a few hexadecimal
//     inputs that lie a hair above half the smallest subnormal (for example
//     "0x1.0000000000000001p-16446" is rejected by glibc but accepted here).
//   - Bits (PopCount, BitPos, BitCount, BitPosRange, BitOp) and BITFIELD
//     (GetUnsigned, GetSigned, SetUnsigned, SetSigned, CheckUnsignedOverflow,
//     CheckSignedOverflow, ParseBitfieldType, ParseBitOffset) follow bitops.c,
//     with bit 0 the most significant bit of the first byte.
//   - LCS follows lcsCommand's table and backtrack, so the subsequence and
//     the IDX ranges (and their order) are Redis's; LCSCheck applies its
//     size guards first.
//   - String ranges and sizes (GetRange, SetRangeCheck, SetRange,
//     CheckStringLength) follow t_string.c.
//
// Errors carry Redis's full message, including the "ERR " prefix, for the
// caller to reply with.
package redisstr
