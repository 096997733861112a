// behaviour: time.After and NewTimer with d <= 0 are ready at once: a select with default right after creation receives, at time 0
// source: src/time/sleep_test.go TestSleepZeroDeadlock, TestZeroTimer
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	for _, d := range []time.Duration{0, -time.Second} {
		select {
		case v := <-time.After(d):
			fmt.Println("After", d, "ready, value", v.Sub(start))
		default:
			fmt.Println("After", d, "not ready")
		}
	}
	t := time.NewTimer(0)
	select {
	case <-t.C:
		fmt.Println("NewTimer(0) ready at", time.Since(start))
	default:
		fmt.Println("NewTimer(0) not ready")
	}
}
