// behaviour: a timer's or a ticker's channel reports len 0 and cap 0 (Go 1.23+), even when a value is ready to receive
// source: src/time/tick_test.go TestChan (len(C), cap(C) = 0, 0); time.NewTimer doc
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	tm := time.NewTimer(time.Second)
	tk := time.NewTicker(time.Second)
	defer tk.Stop()
	fmt.Println("timer before", len(tm.C), cap(tm.C))
	fmt.Println("ticker before", len(tk.C), cap(tk.C))
	time.Sleep(2 * time.Second)
	fmt.Println("timer fired", len(tm.C), cap(tm.C))
	fmt.Println("ticker fired", len(tk.C), cap(tk.C))
	select {
	case <-tm.C:
		fmt.Println("timer value was ready")
	default:
		fmt.Println("timer value not ready")
	}
}
