// behaviour: stopping a timer whose channel another goroutine is blocked on leaves that goroutine blocked: a select with a later timeout wins
// source: src/time/tick_test.go TestChan (stop while a goroutine is blocked on C)
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTimer(2 * time.Second)
	out := make(chan string)
	go func() {
		select {
		case <-t.C:
			out <- "timer value"
		case <-time.After(5 * time.Second):
			out <- "gave up at " + time.Since(start).String()
		}
	}()
	time.Sleep(time.Second)
	fmt.Println("Stop:", t.Stop())
	fmt.Println(<-out)
}
