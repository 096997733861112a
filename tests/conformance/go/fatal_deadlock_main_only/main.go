// behaviour: when main blocks and no other goroutine exists the runtime reports "all goroutines are asleep - deadlock!" with exit status 2; main's defers do not run
// source: runtime/proc.go checkdead
package main

import "fmt"

func main() {
	defer fmt.Println("main's defer")
	ch := make(chan int)
	fmt.Println("blocking")
	<-ch
}
