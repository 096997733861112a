// behaviour: close readies 300 blocked receivers; with the local queue full, the first half of the readied go to the global queue and interleave with the rest at its every-61st turn
// source: runtime/chan.go closechan; runtime/proc.go runqputslow, schedule (schedtick%61)
// runs1: 20
package main

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

func main() {
	const n = 300
	var wg sync.WaitGroup
	var mu sync.Mutex
	var order []string
	start := make(chan struct{})
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			mu.Lock()
			order = append(order, fmt.Sprint(i))
			mu.Unlock()
		}()
	}
	time.Sleep(time.Millisecond)
	close(start)
	wg.Wait()
	for k := 0; k < len(order); k += 20 {
		e := min(k+20, len(order))
		fmt.Println(strings.Join(order[k:e], " "))
	}
}
