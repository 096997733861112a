// behaviour: Go 1.23+: Stop on a timer that fired but whose value was not received returns true and discards the value
// source: src/time/tick_test.go TestChan (Stop and Reset block old values, go.dev/issue/37196)
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Second)
	time.Sleep(2 * time.Second)
	fmt.Println("Stop after firing, value unread:", t.Stop())
	select {
	case <-t.C:
		fmt.Println("stale value received")
	default:
		fmt.Println("no stale value")
	}
}
