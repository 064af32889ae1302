// Package resp speaks the Redis serialization protocol, RESP2 and RESP3, the
// way redis-server 7.0 does, and serves a Session over an in-memory
// net.Conn.
//
// # Parts
//
//   - Value and Kind: any RESP2 or RESP3 value, for clients and tests.
//   - Writer: the reply encoder that command handlers use. It appends to a
//     byte slice, for protocol 2 or 3, producing the bytes redis-server 7.0
//     produces for the same addReply* call (networking.c), including the
//     RESP2 downgrades of RESP3 types and %.17g doubles.
//   - Reader and Parse: the client-side decoders, for every type.
//   - ParseRequest: the server-side request parser, incremental, with
//     Redis's semantics and error texts for multibulk and inline requests.
//   - Pipe: the client end of an in-memory connection that serves a Session
//     the way a redis-server connection does, without a goroutine per
//     connection in the common case.
//
// # Invariants
//
//   - A Writer never fails and never checks aggregate counts: an Array(n)
//     header must be followed by n values, a Map(n) header by 2n.
//   - Error text never contains CR or LF once written; Writer.Error maps
//     them to spaces as Redis does.
//   - Decoders never panic on any input and never allocate more than a small
//     constant ahead of the input that has actually arrived, whatever
//     lengths the input announces. Limits (DefaultLimits: 512MB bulks,
//     INT_MAX elements, depth 64, 64KB lines) bound the rest.
//   - ParseRequest and Pipe accept exactly what Redis accepts and fail with
//     Redis's "Protocol error: ..." texts: at most INT_MAX arguments, bulks of
//     at most 512MB (proto-max-bulk-len), lines (inline requests and length
//     headers) of at most 64KB, 1GB of unparsed input per connection
//     (client-query-buffer-limit).
//   - Pipe delivers replies in request order, runs at most one command of a
//     connection at a time, and never runs Session methods concurrently for
//     one connection.
//
// # Limits
//
// Streamed RESP3 strings and aggregates ("$?", "*?") are not decoded; Redis
// 7.0 never sends them. Attributes are returned at the top level and dropped
// inside aggregates. There is no output-buffer limit, as for Redis's normal
// clients: a client that writes without reading grows the reply buffer.
package resp
