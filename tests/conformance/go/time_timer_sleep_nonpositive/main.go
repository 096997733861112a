// behaviour: Sleep(0) and Sleep of a negative duration return at once, without advancing the clock
// source: src/time/sleep_test.go TestSleepZeroDeadlock
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(0)
	time.Sleep(-5 * time.Second)
	fmt.Println("elapsed", time.Since(start))
	time.Sleep(1500 * time.Millisecond)
	fmt.Println("elapsed", time.Since(start))
}
