// behaviour: a ticker keeps one pending tick: after 3.5s without receiving, the value read is the first missed tick (1s), and the next tick comes at 4s
// source: src/time/tick_test.go TestTicker; time.NewTicker doc (drops ticks for slow receivers)
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	tk := time.NewTicker(time.Second)
	defer tk.Stop()
	time.Sleep(3500 * time.Millisecond)
	for i := 0; i < 3; i++ {
		v := <-tk.C
		fmt.Println("tick", v.Sub(start), "received at", time.Since(start))
	}
}
