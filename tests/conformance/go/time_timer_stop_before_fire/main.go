// behaviour: Stop before the timer fires returns true and no value is ever delivered; a second Stop returns false
// source: src/time/sleep_test.go TestAfterStop
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTimer(time.Second)
	fmt.Println("Stop:", t.Stop())
	fmt.Println("Stop again:", t.Stop())
	time.Sleep(3 * time.Second)
	select {
	case <-t.C:
		fmt.Println("value delivered")
	default:
		fmt.Println("no value")
	}
}
