// behaviour: WithTimeoutCause: at the deadline Err is DeadlineExceeded and Cause the given error; cancelled early, both are Canceled
// source: src/context/x_test.go TestCause (WithTimeoutCause cases)
// mode: synctest
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	slow := errors.New("backend too slow")
	ctx, cancel := context.WithTimeoutCause(context.Background(), time.Second, slow)
	defer cancel()
	<-ctx.Done()
	fmt.Println("at", time.Since(start), "err:", ctx.Err(), "cause:", context.Cause(ctx))

	ctx2, cancel2 := context.WithTimeoutCause(context.Background(), time.Second, slow)
	cancel2()
	fmt.Println("cancelled early err:", ctx2.Err(), "cause:", context.Cause(ctx2))
	time.Sleep(2 * time.Second)
	fmt.Println("after its deadline err:", ctx2.Err(), "cause:", context.Cause(ctx2))
}
