// behaviour: a send case proceeds when the buffer has room; with the buffer full and no receiver, default is taken
// source: Go spec "Select statements" (send cases)
package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	for i := 1; i <= 3; i++ {
		select {
		case ch <- i:
			fmt.Println("sent", i)
		default:
			fmt.Println("full, dropped", i)
		}
	}
	fmt.Println("buffer holds", <-ch)
}
