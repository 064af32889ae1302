package redistest

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
)

// A Normalizer rewrites a pair of raw replies (reference, subject) before
// they are compared, for replies that may legitimately differ. It must
// return its inputs unchanged when it does not apply, so an unexpected
// reply (an error, a different type) is still reported.
type Normalizer func(ref, sub []byte) (refOut, subOut []byte)

// Chain applies normalisers in order.
func Chain(fns ...Normalizer) Normalizer {
	return func(ref, sub []byte) ([]byte, []byte) {
		for _, fn := range fns {
			ref, sub = fn(ref, sub)
		}
		return ref, sub
	}
}

// Each applies f to each reply separately, after parsing it. A reply that
// does not parse is left as it is.
func Each(f func(Value) Value) Normalizer {
	one := func(raw []byte) []byte {
		v, err := Parse(raw)
		if err != nil {
			return raw
		}
		return f(v).Encode()
	}
	return func(ref, sub []byte) ([]byte, []byte) { return one(ref), one(sub) }
}

// IntWithin treats two integer replies as equal when they differ by at most
// tol, for TTL, PTTL, OBJECT IDLETIME and the like. Anything else (-1, -2
// and errors included, if they differ) is compared exactly.
func IntWithin(tol int64) Normalizer {
	return func(ref, sub []byte) ([]byte, []byte) {
		rv, err1 := Parse(ref)
		sv, err2 := Parse(sub)
		if err1 != nil || err2 != nil || rv.Kind != ':' || sv.Kind != ':' {
			return ref, sub
		}
		a, _ := strconv.ParseInt(rv.Str, 10, 64)
		b, _ := strconv.ParseInt(sv.Str, 10, 64)
		if a < 0 || b < 0 { // -1 and -2 are answers, not durations
			return ref, sub
		}
		if a-b <= tol && b-a <= tol {
			return ref, ref
		}
		return ref, sub
	}
}

// SortElems sorts the elements of a top-level array, set or push reply (and
// the pairs of a map) by their encoding, for replies whose order Redis does
// not define (SMEMBERS of a hash table set, KEYS, HGETALL of a big hash).
var SortElems Normalizer = Each(func(v Value) Value {
	sortElems(&v)
	return v
})

// SortElemsDeep is SortElems applied at every level of nesting.
var SortElemsDeep Normalizer = Each(func(v Value) Value {
	sortDeep(&v)
	return v
})

func sortDeep(v *Value) {
	for i := range v.Elems {
		sortDeep(&v.Elems[i])
	}
	sortElems(v)
}

func sortElems(v *Value) {
	switch v.Kind {
	case '*', '~', '>':
		slices.SortStableFunc(v.Elems, func(a, b Value) int {
			return bytes.Compare(a.Encode(), b.Encode())
		})
	case '%':
		type pair struct{ k, v Value }
		ps := make([]pair, len(v.Elems)/2)
		for i := range ps {
			ps[i] = pair{v.Elems[2*i], v.Elems[2*i+1]}
		}
		slices.SortStableFunc(ps, func(a, b pair) int {
			return bytes.Compare(a.k.Encode(), b.k.Encode())
		})
		for i, p := range ps {
			v.Elems[2*i], v.Elems[2*i+1] = p.k, p.v
		}
	}
}

// Shape keeps only what is deterministic about a random reply: the type of
// every value and the number of elements of every aggregate. Strings become
// empty and numbers zero; errors are kept whole.
var Shape Normalizer = Each(func(v Value) Value {
	shape(&v)
	return v
})

func shape(v *Value) {
	switch v.Kind {
	case '+', '$', '=':
		if !v.Null {
			v.Str = ""
			if v.Kind == '=' {
				v.Str = "txt:"
			}
		}
	case ':', '(', ',':
		v.Str = "0"
	}
	for i := range v.Elems {
		shape(&v.Elems[i])
	}
}

// HelloNormalizer blanks the fields of a HELLO reply that differ between
// any two servers or connections: "id" and "version".
var HelloNormalizer Normalizer = Each(func(v Value) Value {
	if v.Kind != '%' && v.Kind != '*' {
		return v
	}
	for i := 0; i+1 < len(v.Elems); i += 2 {
		switch strings.ToLower(v.Elems[i].Str) {
		case "id":
			v.Elems[i+1] = Value{Kind: ':', Str: "0"}
		case "version":
			v.Elems[i+1] = Value{Kind: '$', Str: ""}
		}
	}
	return v
})
