// behaviour: cancel does not wait for an AfterFunc's f: f blocks on a channel that main feeds only after cancel returned
// source: src/context/x_test.go TestAfterFuncCalledAsynchronously
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
	gate := make(chan bool)
	finished := make(chan time.Duration)
	context.AfterFunc(ctx, func() {
		<-gate
		finished <- time.Since(start)
	})
	cancel()
	fmt.Println("cancel returned at", time.Since(start))
	time.Sleep(time.Second)
	gate <- true
	fmt.Println("f finished at", <-finished)
}
