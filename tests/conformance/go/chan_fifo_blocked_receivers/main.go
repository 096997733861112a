// behaviour: receivers blocked on a channel are served in the order they blocked
// source: runtime/chan.go recvq (a FIFO waitq); src/runtime/chan_test.go TestChan
// mode: synctest
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	ch := make(chan int)
	got := make([]int, 3)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = <-ch
		}()
		time.Sleep(time.Millisecond) // receiver i blocks before receiver i+1
	}
	for v := 10; v < 13; v++ {
		ch <- v
	}
	wg.Wait()
	for i, v := range got {
		fmt.Println("receiver", i, "got", v)
	}
}
