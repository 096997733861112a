// behaviour: cancelling a WithTimeout context before its deadline gives Err Canceled, which stays Canceled after the deadline passes
// source: src/context/x_test.go TestCanceledTimeout
// mode: synctest
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	time.Sleep(time.Second)
	cancel()
	<-ctx.Done()
	fmt.Println("done at", time.Since(start), "err", ctx.Err())
	time.Sleep(2 * time.Second)
	fmt.Println("at", time.Since(start), "err", ctx.Err())
}
