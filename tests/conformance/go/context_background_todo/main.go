// behaviour: Background and TODO are never cancelled: Done is nil, Err and Cause are nil, no deadline, and String names them
// source: src/context/x_test.go TestBackground, TestTODO
package main

import (
	"context"
	"fmt"
)

func main() {
	for _, ctx := range []context.Context{context.Background(), context.TODO()} {
		_, has := ctx.Deadline()
		fmt.Println(ctx, "done is nil:", ctx.Done() == nil, "err:", ctx.Err(), "cause:", context.Cause(ctx), "deadline:", has)
	}
}
