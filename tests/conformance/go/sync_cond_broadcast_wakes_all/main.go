// behaviour: Broadcast wakes every waiter at once
// source: src/sync/cond_test.go TestCondBroadcast
// mode: synctest
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	var wg sync.WaitGroup
	woke := make([]time.Duration, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			c.Wait()
			woke[i] = time.Since(start)
			mu.Unlock()
		}()
	}
	time.Sleep(2 * time.Second)
	c.Broadcast()
	wg.Wait()
	fmt.Println("woken at", woke)
}
