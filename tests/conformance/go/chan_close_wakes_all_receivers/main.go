// behaviour: closing a channel releases every blocked receiver with the zero value and ok=false
// source: Go spec "Close" and "Receive operator"; src/runtime/chan_test.go TestChan (close wakes receivers)
// mode: synctest
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	start := time.Now()
	ch := make(chan int)
	var wg sync.WaitGroup
	res := make([]string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, ok := <-ch
			res[i] = fmt.Sprint("receiver ", i, " got ", v, " ", ok, " at ", time.Since(start))
		}()
	}
	time.Sleep(3 * time.Second)
	close(ch)
	wg.Wait()
	for _, line := range res {
		fmt.Println(line)
	}
}
