// behaviour: while one goroutine holds the mutex, even when it yields, another goroutine's Lock waits: their critical sections never interleave
// source: src/sync/mutex_test.go HammerMutex, TestMutex
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var mu sync.Mutex
	var log []string
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2; i++ {
				mu.Lock()
				log = append(log, name+" in")
				runtime.Gosched()
				log = append(log, name+" out")
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	ok := true
	for i := 0; i < len(log); i += 2 {
		if log[i][0] != log[i+1][0] || log[i][2:] != "in" {
			ok = false
		}
	}
	fmt.Println("entries:", len(log), "never interleaved:", ok)
}
