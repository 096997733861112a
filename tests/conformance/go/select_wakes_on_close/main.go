// behaviour: a blocked select is woken when one of its channels is closed, receiving the zero value with ok=false
// source: Go spec "Select statements", "Close"
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	a := make(chan int)
	b := make(chan int)
	go func() {
		time.Sleep(2 * time.Second)
		close(b)
	}()
	select {
	case v, ok := <-a:
		fmt.Println("a", v, ok)
	case v, ok := <-b:
		fmt.Println("b", v, ok, "at", time.Since(start))
	}
}
