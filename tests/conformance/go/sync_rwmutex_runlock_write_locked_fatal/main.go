// behaviour: RUnlock of a write-locked RWMutex is also the fatal error "sync: RUnlock of unlocked RWMutex"
// source: src/sync/mutex_test.go TestMutexMisuse (RWMutex.Lock then RUnlock)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	rw.Lock()
	fmt.Println("RUnlock of a write-locked RWMutex")
	rw.RUnlock()
}
