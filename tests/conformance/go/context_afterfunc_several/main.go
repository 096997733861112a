// behaviour: several AfterFuncs on one context all run once on cancel, each in its own goroutine; their order is not fixed
// source: src/context/x_test.go TestAfterFuncCalledAfterCancel; context.AfterFunc doc
// mode: synctest
// runs1: 30
package main

import (
	"context"
	"fmt"
	"sort"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan string, 3)
	for _, name := range []string{"f1", "f2", "f3"} {
		context.AfterFunc(ctx, func() { ran <- name })
	}
	cancel()
	time.Sleep(time.Second)
	close(ran)
	var names []string
	for n := range ran {
		names = append(names, n)
	}
	arrival := fmt.Sprint(names)
	sort.Strings(names)
	fmt.Println("ran:", names)
	fmt.Println("arrival order:", arrival)
}
