// behaviour: when the counter reaches zero every goroutine blocked in Wait is released at that instant
// source: src/sync/waitgroup_test.go testWaitGroup (n waiters released together)
// mode: synctest
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	wg.Add(1)
	released := make(chan time.Duration, 3)
	for i := 0; i < 3; i++ {
		go func() {
			wg.Wait()
			released <- time.Since(start)
		}()
	}
	time.Sleep(2 * time.Second)
	wg.Done()
	for i := 0; i < 3; i++ {
		fmt.Println("waiter released at", <-released)
	}
}
