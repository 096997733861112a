// behaviour: NewTicker(1s) ticks at 1s, 2s, 3s, each value carrying its tick time
// source: src/time/tick_test.go TestTicker
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
	for i := 0; i < 3; i++ {
		v := <-tk.C
		fmt.Println("tick", v.Sub(start))
	}
}
