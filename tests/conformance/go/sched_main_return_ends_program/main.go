// behaviour: when main returns the program exits with status 0 without waiting for other goroutines, even blocked or runnable ones
// source: Go spec "Program execution"
package main

import "fmt"

func main() {
	block := make(chan bool)
	go func() {
		<-block
		fmt.Println("never printed")
	}()
	go func() {
		fmt.Println("maybe printed")
	}()
	fmt.Println("main returns")
}
