// behaviour: a WaitGroup can be reused for a new round once the previous Wait has returned
// source: src/sync/waitgroup_test.go TestWaitGroup (the same group over several rounds)
// mode: synctest
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	var wg sync.WaitGroup
	for round := 1; round <= 3; round++ {
		for i := 1; i <= round; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				time.Sleep(time.Duration(i) * time.Second)
			}()
		}
		wg.Wait()
		fmt.Println("round", round, "done at", time.Since(start))
	}
}
