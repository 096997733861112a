// behaviour: Go 1.23+: Stop discards a tick that was pending but not received
// source: src/time/tick_test.go TestChan (Stop blocks old values)
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	tk := time.NewTicker(time.Second)
	time.Sleep(1500 * time.Millisecond)
	tk.Stop()
	select {
	case <-tk.C:
		fmt.Println("pending tick still received")
	default:
		fmt.Println("pending tick discarded")
	}
}
