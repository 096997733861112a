// behaviour: a select with one case and default is a non-blocking operation: a receive with nothing to receive and a send with no receiver take default
// source: Go spec "Select statements"; cmd/compile walk/select.go (selectnbrecv, selectnbsend)
package main

import "fmt"

func main() {
	ch := make(chan int)
	select {
	case v := <-ch:
		fmt.Println("received", v)
	default:
		fmt.Println("receive would block")
	}
	select {
	case ch <- 1:
		fmt.Println("sent")
	default:
		fmt.Println("send would block")
	}
}
