// behaviour: resetting a timer while a goroutine waits on its channel moves the wake-up: the waiter gets the value at the new time
// source: src/time/tick_test.go TestChan (reset while a goroutine is blocked on C)
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTimer(10 * time.Second)
	out := make(chan string)
	go func() {
		v := <-t.C
		out <- "value " + v.Sub(start).String() + " received at " + time.Since(start).String()
	}()
	time.Sleep(time.Second)
	fmt.Println("Reset:", t.Reset(time.Second))
	fmt.Println(<-out)
}
