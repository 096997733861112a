// behaviour: a stopped ticker delivers nothing, and Reset on it starts it again with the new period
// source: src/time/tick_test.go TestChan; time.Ticker.Reset doc
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	tk := time.NewTicker(time.Second)
	tk.Stop()
	time.Sleep(3 * time.Second)
	select {
	case <-tk.C:
		fmt.Println("tick while stopped")
	default:
		fmt.Println("nothing while stopped at", time.Since(start))
	}
	tk.Reset(2 * time.Second)
	v := <-tk.C
	fmt.Println("tick", v.Sub(start))
	tk.Stop()
}
