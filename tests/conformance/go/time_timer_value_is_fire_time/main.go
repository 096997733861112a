// behaviour: a value read late from time.After carries the time the timer fired (1s), not the time it was received (5s)
// source: src/time/tick_test.go TestAfterTimes
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	c := time.After(time.Second)
	time.Sleep(5 * time.Second)
	v := <-c
	fmt.Println("value", v.Sub(start), "received at", time.Since(start))
}
