// behaviour: a receiver woken by the first of three buffered sends runs only when the sender blocks, and then drains what is buffered without switching back
// source: runtime/chan.go send/recv on buffered channels
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 3)
	done := make(chan bool)
	go func() {
		for v := range ch {
			fmt.Println("received", v)
		}
		close(done)
	}()
	time.Sleep(time.Millisecond) // the receiver is blocked on the empty channel
	for i := 1; i <= 3; i++ {
		ch <- i
		fmt.Println("sent", i)
	}
	close(ch)
	<-done
}
