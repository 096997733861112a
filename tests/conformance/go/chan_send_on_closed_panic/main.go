// behaviour: a send on a closed channel panics with "send on closed channel" (a runtime.Error)
// source: Go spec "Send statements"; runtime/chan.go chansend
package main

import (
	"fmt"
	"runtime"
)

func main() {
	ch := make(chan int, 1)
	close(ch)
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Println("recovered:", r)
		fmt.Println("runtime.Error:", isRuntime)
	}()
	ch <- 1
}
