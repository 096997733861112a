// behaviour: at GOMAXPROCS=1 the last goroutine started takes the runnext slot and runs first when main blocks; the earlier ones follow in creation order
// source: runtime/proc.go runqput(next=true) as exercised by src/runtime/proc_test.go; Go memory model "go statements"
package main

import "fmt"

func main() {
	done := make(chan string)
	for _, name := range []string{"a", "b", "c", "d"} {
		go func() { done <- name }()
	}
	for i := 0; i < 4; i++ {
		fmt.Println(<-done)
	}
}
