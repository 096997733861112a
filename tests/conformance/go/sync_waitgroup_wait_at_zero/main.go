// behaviour: Wait on a WaitGroup whose counter is zero returns at once, also after a full Add/Done cycle
// source: src/sync/waitgroup_test.go TestWaitGroup; sync.WaitGroup.Wait doc
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
	wg.Wait()
	fmt.Println("fresh Wait returned at", time.Since(start))
	wg.Add(2)
	wg.Done()
	wg.Done()
	wg.Wait()
	fmt.Println("Wait after Add/Done returned at", time.Since(start))
}
