// behaviour: Cond.Wait without holding the lock ends in the fatal error "sync: unlock of unlocked mutex" (Wait unlocks L)
// source: sync.Cond.Wait doc (c.L must be held); src/sync/cond_test.go
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	fmt.Println("Wait without the lock")
	c.Wait()
}
