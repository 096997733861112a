// behaviour: a Signal sent before the waiter calls Wait is lost: the waiter blocks for good ("sync.Cond.Wait") and main deadlocks in "sync.WaitGroup.Wait"
// source: src/sync/cond_test.go; sync.Cond doc (Signal wakes a goroutine already waiting)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	c.Signal()
	c.Broadcast()
	fmt.Println("signalled with nobody waiting")
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		c.Wait()
		mu.Unlock()
	}()
	wg.Wait()
}
