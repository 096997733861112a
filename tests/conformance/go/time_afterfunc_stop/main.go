// behaviour: Stop before an AfterFunc timer fires returns true and f never runs; Stop after f ran returns false
// source: src/time/sleep_test.go TestAfterStop
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	ran := 0
	t1 := time.AfterFunc(time.Second, func() { ran++ })
	fmt.Println("Stop before firing:", t1.Stop())
	t2 := time.AfterFunc(time.Second, func() { ran += 10 })
	time.Sleep(2 * time.Second)
	fmt.Println("Stop after firing:", t2.Stop())
	fmt.Println("ran total:", ran)
}
