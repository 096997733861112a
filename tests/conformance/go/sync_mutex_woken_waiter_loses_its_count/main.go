// behaviour: normal mode: Unlock releases a semaphore count for the waiter it wakes, and a goroutine that blocks in Lock before that waiter runs takes the count, so it queues ahead of the waiter and gets the mutex first
// source: sync/mutex.go lockSlow and unlockSlow (normal mode, mutexWoken); runtime/sema.go semacquire1 (a woken waiter retries cansemacquire)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var got []string
	var wg sync.WaitGroup
	start := make(chan struct{})
	mu.Lock()
	wg.Add(2)
	go func() { // the waiter: blocks in Lock at once
		defer wg.Done()
		mu.Lock()
		got = append(got, "waiter")
		mu.Unlock()
	}()
	go func() { // the latecomer: blocks in Lock only after the Unlock below
		defer wg.Done()
		<-start
		mu.Lock()
		got = append(got, "latecomer")
		mu.Unlock()
	}()
	time.Sleep(10 * time.Millisecond)
	mu.Unlock()         // wakes the waiter, which has not run yet
	start <- struct{}{} // the latecomer is runnable now, ahead of the waiter
	mu.Lock()           // taken again before either runs
	time.Sleep(10 * time.Millisecond)
	mu.Unlock()
	wg.Wait()
	fmt.Println(got)
}
