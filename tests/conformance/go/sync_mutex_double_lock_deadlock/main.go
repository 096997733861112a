// behaviour: locking a Mutex twice in the same goroutine deadlocks it in "sync.Mutex.Lock" (Go mutexes are not reentrant)
// source: src/sync/mutex_test.go; runtime wait reasons (waitReasonSyncMutexLock)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	mu.Lock()
	fmt.Println("locked once")
	mu.Lock()
	fmt.Println("not reached")
}
