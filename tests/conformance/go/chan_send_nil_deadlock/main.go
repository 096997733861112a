// behaviour: a send on a nil channel blocks forever; alone, main deadlocks in "chan send (nil chan)"
// source: Go spec "Send statements" (a send on a nil channel blocks forever)
package main

import "fmt"

func main() {
	var ch chan int
	fmt.Println("sending to nil")
	ch <- 1
}
