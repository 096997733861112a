// behaviour: WithCancel: Err and Cause are nil before cancel and "context canceled" after; Done is closed; a second cancel changes nothing
// source: src/context/x_test.go TestWithCancel, TestCause
package main

import (
	"context"
	"errors"
	"fmt"
)

func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println("before:", ctx.Err(), context.Cause(ctx), isClosed(ctx.Done()))
	cancel()
	fmt.Println("after:", ctx.Err(), "|", context.Cause(ctx), "|", isClosed(ctx.Done()))
	cancel()
	fmt.Println("again:", ctx.Err(), errors.Is(ctx.Err(), context.Canceled))
	fmt.Println("string:", ctx)
}
