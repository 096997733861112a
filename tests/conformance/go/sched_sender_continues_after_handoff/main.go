// behaviour: a send to a waiting receiver does not switch goroutines: at GOMAXPROCS=1 the sender keeps running until it blocks
// source: runtime/chan.go send (the receiver is made runnable, the sender continues)
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		v := <-ch
		fmt.Println("receiver got", v)
		close(done)
	}()
	time.Sleep(time.Millisecond) // the receiver is blocked in <-ch
	ch <- 1
	fmt.Println("sender after send")
	<-done
}
