// behaviour: each Signal wakes one waiter, the one that has waited longest: waiters wake in the order they called Wait
// source: src/sync/cond_test.go TestCondSignalGenerations; runtime/sema.go notifyListNotifyOne (ticket order)
// mode: synctest
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	woke := make(chan int, 3)
	for i := 1; i <= 3; i++ {
		go func() {
			mu.Lock()
			c.Wait()
			mu.Unlock()
			woke <- i
		}()
		time.Sleep(time.Millisecond) // waiter i is in Wait before waiter i+1 starts
	}
	for i := 0; i < 3; i++ {
		c.Signal()
		fmt.Println("signal", i+1, "woke waiter", <-woke)
	}
}
