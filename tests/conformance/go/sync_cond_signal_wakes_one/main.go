// behaviour: one Signal with two waiters wakes exactly one; the other stays in Wait until a later Broadcast
// source: src/sync/cond_test.go TestCondSignal
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
	woke := make(chan int, 2)
	for i := 1; i <= 2; i++ {
		go func() {
			mu.Lock()
			c.Wait()
			mu.Unlock()
			woke <- i
		}()
	}
	time.Sleep(time.Second)
	c.Signal()
	time.Sleep(time.Second)
	fmt.Println("woken after one Signal:", len(woke))
	c.Broadcast()
	time.Sleep(time.Second)
	fmt.Println("woken after Broadcast:", len(woke))
}
