// behaviour: a fatal error (Unlock of an unlocked mutex) ends the program without running any deferred call, in main or in other goroutines
// source: src/sync/mutex_test.go TestMutexMisuse; runtime/panic.go fatal (unrecoverable, no defers)
package main

import (
	"fmt"
	"sync"
)

func main() {
	defer fmt.Println("main's defer")
	var mu sync.Mutex
	ready := make(chan bool)
	go func() {
		defer fmt.Println("blocked goroutine's defer")
		ready <- true
		select {}
	}()
	<-ready
	done := make(chan bool)
	go func() {
		defer fmt.Println("failing goroutine's defer")
		fmt.Println("unlocking an unlocked mutex")
		mu.Unlock()
		close(done)
	}()
	<-done
}
