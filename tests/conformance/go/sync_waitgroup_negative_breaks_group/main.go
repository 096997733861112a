// behaviour: a Done that drives the counter negative panics in its own goroutine, and the group stays broken: a later Wait blocks for good
// source: src/sync/waitgroup_test.go TestWaitGroupMisuse; sync/waitgroup.go Add (the counter is not restored)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() { fmt.Println("goroutine recovered:", recover()) }()
		wg.Done()
		wg.Done()
	}()
	<-done
	fmt.Println("main calls Wait")
	wg.Wait()
	fmt.Println("Wait returned")
}
