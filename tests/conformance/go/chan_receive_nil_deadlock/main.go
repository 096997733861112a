// behaviour: a receive from a nil channel blocks forever; alone, main deadlocks in "chan receive (nil chan)"
// source: Go spec "Receive operator" (nil channel blocks forever); runtime wait reasons
package main

import "fmt"

func main() {
	var ch chan int
	fmt.Println("receiving from nil")
	<-ch
}
