// behaviour: runtime.Goexit in main runs main's defers and, once no other goroutine is left, is the fatal error "no goroutines (main called runtime.Goexit) - deadlock!"
// source: runtime.Goexit doc; runtime/proc.go checkdead
package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	defer fmt.Println("main's defer runs")
	go func() {
		time.Sleep(10 * time.Millisecond)
		fmt.Println("other goroutine finishes")
	}()
	runtime.Goexit()
}
