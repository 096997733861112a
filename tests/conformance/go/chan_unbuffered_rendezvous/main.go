// behaviour: a send on an unbuffered channel completes only when a receiver takes the value: the sender waits 2s for the receiver
// source: Go spec "Channel types" and "Send statements" (unbuffered: communication succeeds only when both are ready)
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ch := make(chan int)
	sent := make(chan time.Duration)
	go func() {
		ch <- 7
		sent <- time.Since(start)
	}()
	time.Sleep(2 * time.Second)
	v := <-ch
	fmt.Println("received", v, "at", time.Since(start))
	fmt.Println("send completed at", <-sent)
}
