// behaviour: readers waiting behind a writer all proceed together once the writer unlocks
// source: src/sync/rwmutex_test.go TestRWMutex; sync/rwmutex.go Unlock (wakes all blocked readers)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var rw sync.RWMutex
	rw.Lock()
	inside := make(chan int, 3)
	leave := make(chan bool)
	for i := 1; i <= 3; i++ {
		go func() {
			rw.RLock()
			inside <- i
			<-leave
			rw.RUnlock()
		}()
	}
	time.Sleep(10 * time.Millisecond)
	fmt.Println("readers inside while writer holds:", len(inside))
	rw.Unlock()
	time.Sleep(10 * time.Millisecond)
	fmt.Println("readers inside after Unlock:", len(inside))
	close(leave)
	rw.Lock()
	fmt.Println("writer locked again")
}
