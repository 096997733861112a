// behaviour: Unlock of an unlocked RWMutex is the fatal error "sync: Unlock of unlocked RWMutex"; recover does not catch it
// source: src/sync/mutex_test.go TestMutexMisuse (RWMutex cases)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println("Unlock of unlocked RWMutex")
	rw.Unlock()
}
