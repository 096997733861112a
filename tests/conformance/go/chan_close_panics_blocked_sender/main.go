// behaviour: closing a channel makes a sender blocked on it panic with "send on closed channel"
// source: Go spec "Close"; runtime/chan.go closechan (senders are released and panic)
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ch := make(chan int)
	report := make(chan string)
	go func() {
		defer func() { report <- fmt.Sprint("sender recovered: ", recover(), " at ", time.Since(start)) }()
		ch <- 1
	}()
	time.Sleep(time.Second)
	close(ch)
	fmt.Println(<-report)
}
