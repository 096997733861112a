// behaviour: two readers hold the read lock at the same time: the second RLock succeeds while the first reader still holds it
// source: src/sync/rwmutex_test.go TestParallelReaders
package main

import (
	"fmt"
	"sync"
)

func main() {
	var rw sync.RWMutex
	first := make(chan bool)
	second := make(chan bool)
	go func() {
		rw.RLock()
		first <- true
		<-second // still holding the read lock
		rw.RUnlock()
		first <- true
	}()
	<-first
	rw.RLock()
	fmt.Println("main reads while the other reader holds the lock")
	fmt.Println("TryLock while read-locked:", rw.TryLock())
	rw.RUnlock()
	second <- true
	<-first
	fmt.Println("TryLock after both readers left:", rw.TryLock())
	rw.Unlock()
}
