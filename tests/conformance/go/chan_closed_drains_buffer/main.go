// behaviour: receives from a closed buffered channel return the buffered values with ok=true, then the zero value with ok=false
// source: Go spec "Close" (after the buffer is drained, receives return the zero value)
package main

import "fmt"

func main() {
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	fmt.Println("len", len(ch), "cap", cap(ch))
	for i := 0; i < 4; i++ {
		v, ok := <-ch
		fmt.Println(v, ok)
	}
}
