// behaviour: time.Tick(d) returns a ticker channel that ticks every d like NewTicker's
// source: src/time/tick_test.go TestTick, TestTickTimes
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	c := time.Tick(2 * time.Second)
	for i := 0; i < 3; i++ {
		v := <-c
		fmt.Println("tick", v.Sub(start))
	}
}
