// behaviour: a select whose only cases are on nil channels takes default
// source: Go spec "Select statements"
package main

import "fmt"

func main() {
	var a chan int
	var b chan string
	select {
	case <-a:
		fmt.Println("a")
	case b <- "x":
		fmt.Println("b")
	default:
		fmt.Println("default")
	}
}
