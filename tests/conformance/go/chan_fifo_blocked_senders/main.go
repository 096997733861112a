// behaviour: senders blocked on an unbuffered channel hand over their values in the order they blocked
// source: runtime/chan.go sendq (a FIFO waitq); Go spec "Send statements"
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan string)
	for _, name := range []string{"first", "second", "third"} {
		go func() { ch <- name }()
		time.Sleep(time.Millisecond) // each sender blocks before the next starts
	}
	for i := 0; i < 3; i++ {
		fmt.Println(<-ch)
	}
}
