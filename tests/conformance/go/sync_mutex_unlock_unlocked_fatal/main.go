// behaviour: Unlock of an unlocked Mutex is a fatal error "sync: unlock of unlocked mutex" that recover does not catch; exit status 2
// source: src/sync/mutex_test.go TestMutexMisuse
package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	fmt.Println("unlocking an unlocked mutex")
	mu.Unlock()
}
