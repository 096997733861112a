// behaviour: plain receivers and a select waiting on the same channel are served in the order they blocked
// source: runtime/chan.go and runtime/select.go (select enqueues a sudog on each channel's recvq)
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	a := make(chan int)
	other := make(chan int)
	got := make(chan string, 3)
	go func() { got <- fmt.Sprint("plain 1 got ", <-a) }()
	time.Sleep(time.Millisecond)
	go func() {
		select {
		case v := <-a:
			got <- fmt.Sprint("select got ", v)
		case v := <-other:
			got <- fmt.Sprint("select got other ", v)
		}
	}()
	time.Sleep(time.Millisecond)
	go func() { got <- fmt.Sprint("plain 2 got ", <-a) }()
	time.Sleep(time.Millisecond)
	for v := 1; v <= 3; v++ {
		a <- v
		fmt.Println(<-got)
	}
}
