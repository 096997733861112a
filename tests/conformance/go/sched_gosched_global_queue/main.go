// behaviour: runtime.Gosched puts the caller on the global run queue: at GOMAXPROCS=1 both goroutines main started (runnext first) run before main continues
// source: runtime/proc.go goschedImpl (globrunqput); src/runtime/proc_test.go TestYieldProgress
package main

import (
	"fmt"
	"runtime"
)

func main() {
	go fmt.Println("a")
	go fmt.Println("b")
	runtime.Gosched()
	fmt.Println("main after Gosched")
	runtime.Gosched()
	fmt.Println("main after second Gosched")
}
