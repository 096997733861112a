// behaviour: a panicking f under WaitGroup.Go kills the process with "panic: ... [recovered, repanicked]" and Done is not called, so Wait never returns
// source: src/sync/waitgroup_test.go TestIssue76126; sync.WaitGroup.Go
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Go(func() {
		fmt.Println("f starts")
		panic("worker exploded")
	})
	wg.Wait()
	fmt.Println("Wait returned")
}
