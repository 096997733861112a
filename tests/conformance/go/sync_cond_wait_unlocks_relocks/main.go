// behaviour: Cond.Wait releases the lock while waiting (another goroutine can Lock) and holds it again when it returns
// source: src/sync/cond_test.go TestCondSignal; sync.Cond.Wait doc
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	holding := make(chan bool)
	done := make(chan bool)
	go func() {
		mu.Lock()
		holding <- true // main cannot take the lock until Wait releases it
		c.Wait()
		fmt.Println("waiter returned from Wait; TryLock from waiter:", mu.TryLock())
		mu.Unlock()
		close(done)
	}()
	<-holding
	mu.Lock()
	fmt.Println("main locked the mutex while the waiter is in Wait")
	c.Signal()
	mu.Unlock()
	<-done
	fmt.Println("TryLock after the waiter unlocked:", mu.TryLock())
}
