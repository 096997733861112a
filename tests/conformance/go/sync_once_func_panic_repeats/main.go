// behaviour: if OnceFunc's f panics, every call re-panics with the same value while f ran only once
// source: src/sync/oncefunc_test.go TestOnceFuncPanic
package main

import (
	"fmt"
	"sync"
)

func main() {
	runs := 0
	f := sync.OnceFunc(func() {
		runs++
		panic("bad config")
	})
	for i := 1; i <= 3; i++ {
		func() {
			defer func() { fmt.Println("call", i, "recovered:", recover()) }()
			f()
		}()
	}
	fmt.Println("f ran", runs, "time(s)")
}
