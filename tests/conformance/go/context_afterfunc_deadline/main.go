// behaviour: an AfterFunc registered on a WithTimeout context runs at the deadline, seeing Err DeadlineExceeded
// source: src/context/x_test.go TestAfterFuncCalledAfterTimeout
// mode: synctest
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	out := make(chan string)
	context.AfterFunc(ctx, func() { out <- fmt.Sprint("f at ", time.Since(start), ": ", ctx.Err()) })
	fmt.Println(<-out)
}
