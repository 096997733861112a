// behaviour: a send on an unbuffered channel with no receiver deadlocks main in "chan send"
// source: Go spec "Send statements"; runtime/proc.go checkdead
package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("sending")
	ch <- 1
	fmt.Println("not reached")
}
