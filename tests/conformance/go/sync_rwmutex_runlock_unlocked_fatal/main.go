// behaviour: RUnlock of an unlocked RWMutex is the fatal error "sync: RUnlock of unlocked RWMutex"; recover does not catch it
// source: src/sync/mutex_test.go TestMutexMisuse (RWMutex cases)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println("RUnlock of unlocked RWMutex")
	rw.RUnlock()
}
