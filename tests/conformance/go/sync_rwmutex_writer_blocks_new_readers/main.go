// behaviour: a writer waiting in Lock blocks new readers, so a recursive RLock while a writer waits deadlocks: main in "sync.RWMutex.RLock", the writer in "sync.RWMutex.Lock"
// source: sync/rwmutex.go doc (no recursive read locking); src/sync/rwmutex_test.go
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	rw.RLock()
	go func() {
		rw.Lock()
		fmt.Println("writer got the lock")
	}()
	time.Sleep(10 * time.Millisecond) // the writer is now waiting for main's read lock
	fmt.Println("recursive RLock")
	rw.RLock()
	fmt.Println("not reached")
}
