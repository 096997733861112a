// behaviour: a receive case on a closed channel is always ready, so it is chosen over default and yields the zero value with ok=false
// source: Go spec "Select statements" and "Receive operator"
package main

import "fmt"

func main() {
	ch := make(chan int)
	close(ch)
	for i := 0; i < 2; i++ {
		select {
		case v, ok := <-ch:
			fmt.Println("closed case", v, ok)
		default:
			fmt.Println("default")
		}
	}
}
