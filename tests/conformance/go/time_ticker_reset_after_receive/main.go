// behaviour: Reset(2s) right after a tick restarts the period from the Reset: the next ticks come at 3s, 5s, 7s
// source: src/time/tick_test.go TestTicker (Reset changes the period); time.Ticker.Reset doc
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
	first := <-tk.C
	fmt.Println("first tick", first.Sub(start))
	tk.Reset(2 * time.Second)
	for i := 0; i < 3; i++ {
		v := <-tk.C
		fmt.Println("tick", v.Sub(start), "received at", time.Since(start))
	}
}
