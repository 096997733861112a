// behaviour: a woken waiter that has waited over 1ms and still finds the mutex taken switches it to starvation mode: the next Unlock hands it over before the unlocker can lock again
// source: src/sync/mutex_test.go TestMutexFairness; sync/mutex.go (starvation mode, starvationThresholdNs = 1ms)
package main

import (
	"fmt"
	"runtime"
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var order []string
	mu.Lock()
	waiting := make(chan bool)
	done := make(chan bool)
	go func() {
		waiting <- true
		mu.Lock()
		order = append(order, "waiter")
		mu.Unlock()
		close(done)
	}()
	<-waiting
	runtime.Gosched()                 // let the waiter block in Lock
	time.Sleep(20 * time.Millisecond) // and wait there well over 1ms
	for i := 1; i <= 2; i++ {
		mu.Unlock()
		mu.Lock()
		order = append(order, fmt.Sprint("unlocker ", i))
		runtime.Gosched() // the woken waiter runs, finds the mutex locked, and turns on starvation mode
	}
	mu.Unlock()
	<-done
	fmt.Println(order)
}
