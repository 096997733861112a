// behaviour: a select whose send case is on a closed channel panics with "send on closed channel" even though it has a default
// source: Go spec "Select statements" and "Send statements"; runtime/select.go (sclose)
package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	close(ch)
	defer func() { fmt.Println("recovered:", recover()) }()
	select {
	case ch <- 1:
		fmt.Println("sent")
	default:
		fmt.Println("default")
	}
}
