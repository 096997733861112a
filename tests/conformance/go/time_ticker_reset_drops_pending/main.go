// behaviour: Go 1.23+: Reset discards the pending tick and restarts the period from the Reset
// source: src/time/tick_test.go TestChan (Reset blocks old values)
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
	time.Sleep(2500 * time.Millisecond)
	tk.Reset(3 * time.Second)
	v := <-tk.C
	fmt.Println("tick", v.Sub(start), "received at", time.Since(start))
}
