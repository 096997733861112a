// behaviour: a deadlock dump names every blocked goroutine with its wait reason: main in "chan receive", the others in "chan send" and "chan receive"
// source: runtime/proc.go checkdead; runtime wait reasons (chan send, chan receive)
package main

import "fmt"

func main() {
	a := make(chan int)
	b := make(chan int)
	done := make(chan bool)
	go func() { a <- 1 }()
	go func() { <-b }()
	fmt.Println("waiting")
	<-done
}
