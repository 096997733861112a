// behaviour: close readies the blocked receivers in FIFO order, each taking runnext: at GOMAXPROCS=1 the last one runs first, then the others in order
// source: runtime/chan.go closechan (goready for each waiter); runtime/proc.go runqput
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	ch := make(chan int)
	for i := 1; i <= 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ch
			fmt.Println("receiver", i)
		}()
		time.Sleep(time.Millisecond) // receiver i blocks before receiver i+1
	}
	close(ch)
	wg.Wait()
}
