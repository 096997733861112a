// behaviour: WithTimeout(2s): Err is nil at 1s, Done closes at exactly 2s and Err becomes "context deadline exceeded"
// source: src/context/x_test.go TestTimeout, TestDeadline
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
	defer cancel()
	d, ok := ctx.Deadline()
	fmt.Println("deadline", d.Sub(start), ok)
	time.Sleep(time.Second)
	fmt.Println("at", time.Since(start), "err", ctx.Err())
	<-ctx.Done()
	fmt.Println("done at", time.Since(start), "err", ctx.Err())
	fmt.Println("cause", context.Cause(ctx))
}
