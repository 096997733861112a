// behaviour: NewTimer(2s) delivers one value at 2s; the value is the time it fired
// source: src/time/sleep_test.go TestAfter
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	t := time.NewTimer(2 * time.Second)
	v := <-t.C
	fmt.Println("value", v.Sub(start), "received at", time.Since(start))
	select {
	case <-t.C:
		fmt.Println("second value")
	case <-time.After(10 * time.Second):
		fmt.Println("no second value by", time.Since(start))
	}
}
