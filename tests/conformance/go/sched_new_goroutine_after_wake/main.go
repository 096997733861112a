// behaviour: a goroutine started after a wake-up takes runnext from the woken goroutine, which moves to the run queue tail: the new one runs first
// source: runtime/proc.go newproc and runqput (next=true)
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
	ch <- 1
	go func() {
		defer wg.Done()
		fmt.Println("new goroutine")
	}()
	wg.Wait()
}
