// behaviour: five goroutines started in a row print in the order e, a, b, c, d at GOMAXPROCS=1: the last one sits in runnext, the others in the local run queue
// source: runtime/proc.go runqput (next=true kicks the previous runnext to the tail)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(name)
		}()
	}
	wg.Wait()
}
