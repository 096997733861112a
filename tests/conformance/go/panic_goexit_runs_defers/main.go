// behaviour: runtime.Goexit ends only its goroutine, after running its deferred calls, in which recover returns nil
// source: runtime.Goexit doc; src/runtime/crash_test.go (Goexit tests)
package main

import (
	"fmt"
	"runtime"
)

func main() {
	done := make(chan bool)
	go func() {
		defer close(done)
		defer func() { fmt.Println("defer sees recover() =", recover()) }()
		runtime.Goexit()
		fmt.Println("not reached")
	}()
	<-done
	fmt.Println("main continues")
}
