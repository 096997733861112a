// behaviour: a goroutine woken by Mutex.Unlock goes to runnext, ahead of goroutines that were already runnable
// source: sync/mutex.go unlockSlow -> runtime_Semrelease; runtime/sema.go readyWithTime
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	mu.Lock()
	wg.Add(2)
	go func() {
		defer wg.Done()
		mu.Lock()
		fmt.Println("woken locker")
		mu.Unlock()
	}()
	time.Sleep(time.Millisecond) // the locker is blocked in Lock
	go func() {
		defer wg.Done()
		fmt.Println("runnable goroutine")
	}()
	mu.Unlock()
	wg.Wait()
}
