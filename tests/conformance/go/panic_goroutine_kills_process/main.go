// behaviour: an unrecovered panic in another goroutine ends the whole program; main's deferred calls do not run
// source: Go spec "Handling panics" (the program is terminated)
package main

import "fmt"

func main() {
	defer fmt.Println("main's defer")
	done := make(chan bool)
	go func() {
		defer fmt.Println("goroutine's defer")
		panic("worker failed")
	}()
	<-done
}
