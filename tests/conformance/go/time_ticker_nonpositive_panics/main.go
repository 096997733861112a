// behaviour: NewTicker(0) and NewTicker(-1) panic "non-positive interval for NewTicker"; Reset(0) panics "non-positive interval for Ticker.Reset"; time.Tick(0) is nil
// source: src/time/tick_test.go TestNewTickerLtZeroDuration, TestTickerResetLtZeroDuration
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, "panicked:", recover()) }()
	f()
}

func main() {
	try("NewTicker(0)", func() { time.NewTicker(0) })
	try("NewTicker(-1)", func() { time.NewTicker(-1) })
	tk := time.NewTicker(time.Second)
	try("Reset(0)", func() { tk.Reset(0) })
	tk.Stop()
	fmt.Println("Tick(0) is nil:", time.Tick(0) == nil)
}
