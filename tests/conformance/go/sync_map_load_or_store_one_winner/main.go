// behaviour: goroutines racing LoadOrStore on one key of a sync.Map: exactly one stores its value, and every one gets that value back
// source: src/sync/map.go (LoadOrStore's documentation), src/sync/map_test.go TestConcurrentRange
package main

import (
	"fmt"
	"sync"
)

func main() {
	var m sync.Map
	var wg sync.WaitGroup
	got := make([]int, 4)
	stored := make([]bool, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, loaded := m.LoadOrStore("k", i)
			got[i] = v.(int)
			stored[i] = !loaded
		}()
	}
	wg.Wait()
	winners, same := 0, true
	for i := 0; i < 4; i++ {
		if stored[i] {
			winners++
		}
		if got[i] != got[0] {
			same = false
		}
	}
	v, _ := m.Load("k")
	fmt.Println("stored by", winners, "goroutine; all got it:", same, v == got[0])
}
