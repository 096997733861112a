// behaviour: a loop selecting on a ticking producer and a 3.5s time.After gets the values until the timeout fires
// source: Go spec "Select statements"; src/time/sleep_test.go TestAfter
// mode: synctest
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	ch := make(chan int)
	stop := make(chan bool)
	done := make(chan bool)
	go func() {
		defer close(done)
		for i := 1; ; i++ {
			time.Sleep(time.Second)
			select {
			case ch <- i:
			case <-stop:
				return
			}
		}
	}()
	timeout := time.After(3500 * time.Millisecond)
	for {
		select {
		case v := <-ch:
			fmt.Println("value", v, "at", time.Since(start))
		case <-timeout:
			fmt.Println("timeout at", time.Since(start))
			close(stop)
			<-done
			fmt.Println("producer gone at", time.Since(start))
			return
		}
	}
}
