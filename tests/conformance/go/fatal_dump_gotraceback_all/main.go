// behaviour: with GOTRACEBACK=all a fatal error dumps every goroutine: wait reasons "sleep", "sync.RWMutex.Lock", "sync.WaitGroup.Wait", "chan send", "chan receive"
// source: runtime/traceback.go (GOTRACEBACK=all); runtime/runtime2.go waitReasonStrings
// env: GOTRACEBACK=all
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	var wg sync.WaitGroup
	var mu sync.Mutex
	rw.RLock()
	wg.Add(1)
	full := make(chan int)
	empty := make(chan int)
	steps := []func(){
		func() { time.Sleep(time.Hour) },
		func() { rw.Lock() },
		func() { wg.Wait() },
		func() { full <- 1 },
		func() { <-empty },
	}
	for _, f := range steps {
		go f()
		time.Sleep(time.Millisecond) // goroutines block one after the other
	}
	fmt.Println("unlocking an unlocked mutex")
	mu.Unlock()
}
