// behaviour: a goroutine blocked in a select with two cases shows "select" in the deadlock dump
// source: runtime/select.go selectgo (waitReasonSelect); runtime/proc.go checkdead
package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	fmt.Println("selecting")
	select {
	case <-a:
	case b <- 1:
	}
}
