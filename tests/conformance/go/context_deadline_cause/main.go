// behaviour: WithDeadlineCause: Done closes at the deadline with Err DeadlineExceeded and Cause the given error; a past deadline is born expired
// source: src/context/x_test.go TestCause (WithDeadlineCause cases), TestDeadline
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
	late := errors.New("deadline passed")
	ctx, cancel := context.WithDeadlineCause(context.Background(), start.Add(3*time.Second), late)
	defer cancel()
	<-ctx.Done()
	fmt.Println("at", time.Since(start), "err:", ctx.Err(), "cause:", context.Cause(ctx))

	past, cancelPast := context.WithDeadlineCause(context.Background(), start, late)
	defer cancelPast()
	fmt.Println("past deadline err:", past.Err(), "cause:", context.Cause(past))
}
