// behaviour: Unlock releases one readerSem count per waiting reader without handing it over; a reader that reaches RLock after the next writer has announced itself, before the woken readers run, takes a count, and the last woken reader waits for that writer
// source: sync/rwmutex.go Unlock and RLock (readerSem); runtime/sema.go semrelease1 and semacquire1
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	var mu sync.Mutex // readers append side by side
	var got []string
	note := func(s string) { mu.Lock(); got = append(got, s); mu.Unlock() }
	var wg sync.WaitGroup
	rw.Lock()
	for _, name := range []string{"reader 1", "reader 2"} {
		wg.Add(1)
		go func() { // blocks in RLock behind the writer
			defer wg.Done()
			rw.RLock()
			note(name)
			rw.RUnlock()
		}()
	}
	wg.Add(1)
	go func() { // the next writer: waits for rw.w, then announces itself
		defer wg.Done()
		rw.Lock()
		note("writer")
		rw.Unlock()
	}()
	start := make(chan struct{})
	wg.Add(1)
	go func() { // the late reader: runnable before the Unlock below
		defer wg.Done()
		<-start
		rw.RLock()
		note("late reader")
		rw.RUnlock()
	}()
	time.Sleep(10 * time.Millisecond)
	start <- struct{}{}
	rw.Unlock()
	wg.Wait()
	fmt.Println(got)
}
