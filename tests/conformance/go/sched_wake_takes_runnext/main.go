// behaviour: a goroutine woken by a channel send takes the runnext slot, ahead of a goroutine started just before the send
// source: runtime/chan.go send -> goready (runqput next=true)
package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	ch := make(chan int)
	wg.Add(2)
	go func() {
		defer wg.Done()
		<-ch
		fmt.Println("woken receiver")
	}()
	time.Sleep(time.Millisecond) // the receiver is blocked in <-ch
	go func() {
		defer wg.Done()
		fmt.Println("new goroutine")
	}()
	ch <- 1
	wg.Wait()
}
