// behaviour: a writer's Lock waits for the readers to leave, and readers wait while the writer holds the lock
// source: src/sync/rwmutex_test.go TestRWMutex (HammerRWMutex)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	var mu sync.Mutex
	var log []string
	note := func(s string) { mu.Lock(); log = append(log, s); mu.Unlock() }
	rw.RLock()
	writerDone := make(chan bool)
	go func() {
		rw.Lock()
		note("writer in")
		time.Sleep(5 * time.Millisecond)
		note("writer out")
		rw.Unlock()
		close(writerDone)
	}()
	time.Sleep(5 * time.Millisecond)
	note("reader out")
	rw.RUnlock()
	time.Sleep(time.Millisecond)
	rw.RLock()
	note("second reader in")
	rw.RUnlock()
	<-writerDone
	fmt.Println(log)
}
