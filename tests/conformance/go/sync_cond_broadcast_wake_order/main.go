// behaviour: the order in which goroutines woken by one Broadcast run (GOMAXPROCS=1: the last waiter is readied into runnext)
// source: src/sync/cond_test.go TestCondBroadcast; runtime/sema.go notifyListNotifyAll
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
	order := make(chan int, 4)
	for i := 1; i <= 4; i++ {
		go func() {
			mu.Lock()
			c.Wait()
			mu.Unlock()
			order <- i
		}()
		time.Sleep(time.Millisecond)
	}
	c.Broadcast()
	for i := 0; i < 4; i++ {
		fmt.Print(<-order, " ")
	}
	fmt.Println()
}
