// behaviour: two goroutines that print and call Gosched in a loop alternate at GOMAXPROCS=1
// source: runtime/proc.go goschedImpl; src/runtime/proc_test.go TestGoroutineParallelism-style yielding
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				fmt.Println(name, i)
				runtime.Gosched()
			}
		}()
	}
	wg.Wait()
}
