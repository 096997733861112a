// behaviour: a ticker stopped by the goroutine that just received its tick delivers nothing more: a later select takes default
// source: src/time/tick_test.go TestChan (Stop blocks old values); time.Ticker.Stop doc
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	tk := time.NewTicker(time.Second)
	got := <-tk.C
	fmt.Println("tick at", got.Sub(start), "received at", time.Since(start))
	tk.Stop()
	time.Sleep(5 * time.Second)
	select {
	case v := <-tk.C:
		fmt.Println("late tick", v.Sub(start))
	default:
		fmt.Println("default at", time.Since(start))
	}
}
