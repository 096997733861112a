// behaviour: WithCancelCause: Err is "context canceled" and Cause the given error; the first cause wins; cancel(nil) gives Cause = Canceled
// source: src/context/x_test.go TestCause
package main

import (
	"context"
	"errors"
	"fmt"
)

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errors.New("disk full"))
	cancel(errors.New("too late"))
	fmt.Println("err:", ctx.Err())
	fmt.Println("cause:", context.Cause(ctx))

	ctx2, cancel2 := context.WithCancelCause(context.Background())
	cancel2(nil)
	fmt.Println("nil cause err:", ctx2.Err(), "cause:", context.Cause(ctx2), context.Cause(ctx2) == context.Canceled)

	child, cancelChild := context.WithCancel(ctx)
	defer cancelChild()
	fmt.Println("child of cancelled parent err:", child.Err(), "cause:", context.Cause(child))
}
