// behaviour: an f under WaitGroup.Go that ends with runtime.Goexit still counts as done: Wait returns
// source: sync.WaitGroup.Go (Done on normal return or Goexit); src/sync/oncefunc_test.go TestOnceFuncGoexit
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Go(func() {
		defer fmt.Println("f's defer runs")
		runtime.Goexit()
	})
	wg.Wait()
	fmt.Println("Wait returned")
}
