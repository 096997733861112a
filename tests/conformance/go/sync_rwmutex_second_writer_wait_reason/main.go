// behaviour: a writer waiting behind another writer waits on the RWMutex's internal Mutex ("sync.Mutex.Lock"), a reader behind a writer in "sync.RWMutex.RLock"
// source: sync/rwmutex.go Lock (w.Lock first); runtime wait reasons
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	rw.Lock()
	go func() { rw.Lock() }()
	time.Sleep(5 * time.Millisecond)
	go func() { rw.RLock() }()
	time.Sleep(5 * time.Millisecond)
	fmt.Println("main blocks on a channel")
	<-make(chan int)
}
