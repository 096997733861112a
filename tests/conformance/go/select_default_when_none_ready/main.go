// behaviour: a select whose cases are all not ready takes default at once; once a value is buffered the receive case is taken
// source: Go spec "Select statements" (default is chosen when no communication can proceed)
package main

import "fmt"

func main() {
	in := make(chan int, 1)
	out := make(chan int)
	pick := func() {
		select {
		case v := <-in:
			fmt.Println("received", v)
		case out <- 1:
			fmt.Println("sent")
		default:
			fmt.Println("default")
		}
	}
	pick()
	in <- 5
	pick()
	pick()
}
