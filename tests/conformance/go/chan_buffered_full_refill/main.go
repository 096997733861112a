// behaviour: a receive from a full buffered channel takes the oldest value and moves the first blocked sender's value into the buffer
// source: runtime/chan.go recv (full buffer with a waiting sender); Go spec "Channel types" (FIFO queue)
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	for v := 3; v <= 4; v++ {
		go func() { ch <- v }()
		time.Sleep(time.Millisecond) // sender of 3 blocks before sender of 4
	}
	fmt.Println("len", len(ch), "cap", cap(ch))
	fmt.Println("got", <-ch)
	fmt.Println("len after one receive", len(ch))
	for i := 0; i < 3; i++ {
		fmt.Println("got", <-ch)
	}
	fmt.Println("len at end", len(ch))
}
