// behaviour: sends into a buffered channel with room complete at once, without a receiver; the receive order is FIFO
// source: Go spec "Channel types" (a buffered channel is a FIFO queue)
package main

import "fmt"

func main() {
	ch := make(chan string, 3)
	ch <- "x"
	ch <- "y"
	ch <- "z"
	fmt.Println("three sends done, len", len(ch))
	fmt.Println(<-ch, <-ch, <-ch)
}
