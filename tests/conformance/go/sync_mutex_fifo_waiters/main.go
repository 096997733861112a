// behaviour: goroutines that block in Lock one after another acquire the mutex in that order when the holder releases it and waits
// source: sync/mutex.go (semaphore queue is FIFO for new waiters); src/sync/mutex_test.go TestMutex
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var order []int
	var wg sync.WaitGroup
	mu.Lock()
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
		}()
		time.Sleep(5 * time.Millisecond) // waiter i blocks before waiter i+1 starts
	}
	mu.Unlock()
	wg.Wait()
	fmt.Println(order)
}
