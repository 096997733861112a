// behaviour: normal mode: an unlocker that locks again at once gets the mutex before the waiter it woke, round after round; the waiter gets it only when the unlocker stops
// source: src/sync/mutex_test.go TestMutexFairness; sync/mutex.go (normal mode: a woken waiter competes with new arrivals)
package main

import (
	"fmt"
	"runtime"
	"sync"
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
	runtime.Gosched() // let the waiter block in Lock
	for i := 1; i <= 2; i++ {
		mu.Unlock()
		mu.Lock()
		order = append(order, fmt.Sprint("unlocker ", i))
		runtime.Gosched() // the woken waiter runs, finds the mutex locked and waits again
	}
	mu.Unlock()
	<-done
	fmt.Println(order)
}
