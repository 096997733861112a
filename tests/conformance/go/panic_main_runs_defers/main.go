// behaviour: an unrecovered panic runs the panicking goroutine's deferred calls (last first), then prints "panic: boom" and exits with status 2
// source: Go spec "Handling panics"; runtime/panic.go gopanic
package main

import "fmt"

func main() {
	defer fmt.Println("deferred first, runs last")
	defer fmt.Println("deferred second, runs first")
	fmt.Println("about to panic")
	panic("boom")
}
