// behaviour: a blocked select proceeds with whichever case becomes ready first; the other case is withdrawn and keeps no claim on its channel
// source: Go spec "Select statements"; runtime/select.go (dequeue from the other channels after wake-up)
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	a := make(chan string)
	b := make(chan string)
	go func() {
		time.Sleep(2 * time.Second)
		a <- "from a"
	}()
	go func() {
		time.Sleep(time.Second)
		b <- "from b"
	}()
	select {
	case v := <-a:
		fmt.Println(v, "at", time.Since(start))
	case v := <-b:
		fmt.Println(v, "at", time.Since(start))
	}
	// The sender on a is still blocked: nobody else is receiving from a.
	time.Sleep(5 * time.Second)
	fmt.Println(<-a, "at", time.Since(start))
}
