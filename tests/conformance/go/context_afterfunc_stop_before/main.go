// behaviour: stopping a context.AfterFunc before cancel returns true and f never runs; a second stop returns false
// source: src/context/x_test.go TestAfterFuncNotCalledAfterStop
// mode: synctest
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	ran := false
	stop := context.AfterFunc(ctx, func() { ran = true })
	fmt.Println("first stop:", stop())
	fmt.Println("second stop:", stop())
	cancel()
	time.Sleep(time.Second)
	fmt.Println("f ran:", ran)
}
