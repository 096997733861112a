// behaviour: Wait with a counter that never reaches zero deadlocks main in "sync.WaitGroup.Wait"
// source: src/sync/waitgroup_test.go; runtime wait reasons (waitReasonSyncWaitGroupWait)
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go wg.Done()
	fmt.Println("waiting")
	wg.Wait()
}
