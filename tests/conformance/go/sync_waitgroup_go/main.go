// behaviour: WaitGroup.Go runs f in a new goroutine and Wait returns when every f has returned
// source: src/sync/waitgroup_test.go TestWaitGroupGo
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
	results := make([]int, 3)
	for i := 0; i < 3; i++ {
		wg.Go(func() {
			time.Sleep(time.Duration(3-i) * time.Second)
			results[i] = i * i
		})
	}
	wg.Wait()
	fmt.Println(results, "at", time.Since(start))
}
