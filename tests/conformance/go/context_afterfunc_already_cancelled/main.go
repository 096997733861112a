// behaviour: AfterFunc on an already-cancelled context starts f at once in a new goroutine; the caller goes on first and stop returns false
// source: src/context/x_test.go TestAfterFuncCalledImmediately
// mode: synctest
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	done := make(chan time.Duration)
	stop := context.AfterFunc(ctx, func() { done <- time.Since(start) })
	fmt.Println("registered")
	fmt.Println("f ran at", <-done)
	fmt.Println("stop:", stop())
}
