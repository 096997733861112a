// behaviour: a case on a nil channel is never ready: the select waits for the other case (a 1s timer)
// source: Go spec "Select statements" (nil channel cases never proceed); src/time/sleep_test.go TestAfter
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	var never chan int
	select {
	case <-never:
		fmt.Println("nil receive")
	case never <- 1:
		fmt.Println("nil send")
	case <-time.After(time.Second):
		fmt.Println("timer at", time.Since(start))
	}
}
