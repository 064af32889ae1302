package store_test

import (
	"fmt"

	"github.com/embedis/embedis/store"
)

// A session stored as a hash: fields set together, read one at a time or
// all at once (in insertion order while the hash is small, as Redis), a
// counter incremented in place, and an iteration with HSCAN's guarantee.
func ExampleHash() {
	s, _ := store.Open(store.Options{})
	defer s.Close()

	session := s.Hash("session:42")
	session.SetPairs("user", "ada", "lang", "go")
	session.IncrBy("views", 1)
	session.IncrBy("views", 1)

	name, _ := session.Get("user")
	fmt.Println("user:", name)
	all, _ := session.GetAll()
	fmt.Println(all)

	_, err := session.Get("missing")
	fmt.Println(err == store.ErrNil)

	s.Set("plain", "string")
	_, err = s.Hash("plain").Get("user")
	fmt.Println(err)

	for fv, err := range session.Scan("l*") {
		if err != nil {
			break
		}
		fmt.Println(fv.Field, "=", fv.Value)
	}
	// Output:
	// user: ada
	// [{user ada} {lang go} {views 2}]
	// true
	// WRONGTYPE Operation against a key holding the wrong kind of value
	// lang = go
}
