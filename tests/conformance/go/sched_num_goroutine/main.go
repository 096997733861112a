// behaviour: runtime.NumGoroutine counts main and every live goroutine, blocked or not, and drops those that exited
// source: src/runtime/proc_test.go TestNumGoroutine
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	fmt.Println("at start:", runtime.NumGoroutine())
	stop := make(chan bool)
	for i := 0; i < 3; i++ {
		go func() { <-stop }()
	}
	fmt.Println("three started:", runtime.NumGoroutine())
	close(stop)
	time.Sleep(10 * time.Millisecond)
	fmt.Println("after they exit:", runtime.NumGoroutine())
}
