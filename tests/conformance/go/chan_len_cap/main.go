// behaviour: len counts buffered values and cap is the buffer size; a nil or unbuffered channel has len 0 and cap 0
// source: Go spec "Length and capacity"
package main

import "fmt"

func main() {
	var nilch chan int
	fmt.Println("nil", len(nilch), cap(nilch))
	fmt.Println("unbuffered", len(make(chan int)), cap(make(chan int)))
	ch := make(chan int, 3)
	fmt.Println("empty", len(ch), cap(ch))
	ch <- 1
	ch <- 2
	fmt.Println("two sent", len(ch), cap(ch))
	<-ch
	fmt.Println("one received", len(ch), cap(ch))
	close(ch)
	fmt.Println("closed", len(ch), cap(ch))
}
