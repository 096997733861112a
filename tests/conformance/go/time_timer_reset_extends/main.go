// behaviour: Reset of an active timer moves its firing time: a 1s timer reset at 0.5s to 2s fires at 2.5s, once
// source: src/time/sleep_test.go TestReset
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTimer(time.Second)
	time.Sleep(500 * time.Millisecond)
	t.Reset(2 * time.Second)
	v := <-t.C
	fmt.Println("fired", v.Sub(start), "received at", time.Since(start))
}
