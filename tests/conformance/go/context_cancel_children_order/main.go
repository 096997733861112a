// behaviour: cancelling a parent cancels its children in map order, which Go randomizes: the order AfterFuncs observe may vary
// source: context.go (cancelCtx.children is a map); src/context/x_test.go TestSimultaneousCancels
// mode: synctest
// runs1: 30
package main

import (
	"context"
	"fmt"
	"time"
)

func main() {
	parent, cancel := context.WithCancel(context.Background())
	order := make(chan string, 3)
	for _, name := range []string{"a", "b", "c"} {
		child, cancelChild := context.WithCancel(parent)
		defer cancelChild()
		context.AfterFunc(child, func() { order <- name })
	}
	cancel()
	time.Sleep(time.Second)
	close(order)
	for name := range order {
		fmt.Print(name, " ")
	}
	fmt.Println()
}
