// behaviour: context.AfterFunc runs f once, in its own goroutine, when the context is cancelled; stop after that returns false
// source: src/context/x_test.go TestAfterFuncCalledAfterCancel, TestAfterFuncCalledAsynchronously
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
	ran := make(chan time.Duration, 10)
	stop := context.AfterFunc(ctx, func() { ran <- time.Since(start) })
	time.Sleep(time.Second)
	fmt.Println("ran before cancel:", len(ran))
	cancel()
	cancel()
	fmt.Println("ran at", <-ran)
	time.Sleep(time.Second)
	fmt.Println("extra runs:", len(ran))
	fmt.Println("stop after run:", stop())
}
