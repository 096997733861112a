// behaviour: OnceFunc returns a function that runs f on its first call only
// source: src/sync/oncefunc_test.go TestOnceFunc
package main

import (
	"fmt"
	"sync"
)

func main() {
	calls := 0
	f := sync.OnceFunc(func() { calls++ })
	for i := 0; i < 3; i++ {
		f()
	}
	fmt.Println("f ran", calls, "time(s)")
}
